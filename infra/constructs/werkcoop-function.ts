import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Stack, type Duration } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat, SourceMapMode, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { QueueDefinition } from '../../shared/queues/definition';
import { sleutels } from '../../shared/store/sleutels';
import { tableDefinition } from '../../shared/table/definition';
import type { Deployment } from '../config/deployments';
import { PROJECT_ROOT } from '../local/paths';
import { acknowledgeQueueSendGrant, acknowledgeTableKeyWrite, acknowledgeWerkcoopFunction } from '../nag';

export type TableAccess = 'read' | 'readWrite';

export interface WerkcoopFunctionProps {
  /** Handler module relative to the project root, exactly as the manifest or definition names it (or a generated entry's absolute path). */
  readonly entry: string;
  readonly deployment: Deployment;
  readonly description: string;
  readonly timeout: Duration;
  /** Default 256 MB: enough for a bundled SDK v3 handler; routes that measured more say so in the manifest. */
  readonly memorySize?: number;
  readonly environment?: Readonly<Record<string, string>>;
  /** Encrypts the function's log group: logs may carry personal data (ids, error details). */
  readonly logKey: IKey;
  /** Files to put beside the bundle (the portal's built stylesheet): copied into `<bundle>/<name>`. */
  readonly bijlagen?: Readonly<Record<string, string>>;
}

const DEFAULT_MEMORY_MB = 256;

/**
 * What the stores do (Get, Query, TransactWrite, Update, …), and no more: no Scan, no stream reads, no
 * table management. Indexes are named from the table definition instead of `index/*`.
 */
const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
} as const;
/** DynamoDB uses the caller's permissions on the table's customer-managed key (the same set cdk grants). */
const KEY_ACTIONS = {
  read: ['kms:Decrypt', 'kms:DescribeKey'],
  write: ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
} as const;
/** The partition key prefix of the processing log's items (shared/store/sleutels.ts, `verwerking`). */
const VERWERKING_PREFIX = sleutels.verwerkingPartitie('');
/** See the L1 acknowledgement in infra/nag.ts for why not the newest. */
export const RUNTIME = Runtime.NODEJS_22_X;

/**
 * The bundle runs as ESM; a dependency that still calls `require` (some of the SDK's transitive ones do)
 * gets one from createRequire. Aliased so it cannot collide with a bundled identifier.
 */
const ESM_REQUIRE_SHIM =
  "import { createRequire as __werkcoopCreateRequire } from 'node:module'; const require = __werkcoopCreateRequire(import.meta.url);";

/**
 * How every function is bundled (esbuild, locally, no Docker). Exported so the bundle benchmark builds
 * exactly the bundles that deploy instead of a copy of these options.
 */
export const WERKCOOP_BUNDLING = {
  format: OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  sourceMapMode: SourceMapMode.DEFAULT,
  sourcesContent: false,
  banner: ESM_REQUIRE_SHIM,
  // Nothing external: the SDK is bundled, so the version tested is the version that runs.
  externalModules: [],
  // index.meta.json beside the bundle: the benchmark reads bundle sizes and their inputs from it.
  metafile: true,
  // Sizes are in the metafile; synth output stays quiet unless esbuild warns.
  logLevel: LogLevel.WARNING,
} as const satisfies BundlingOptions;

/**
 * Every werkcoop Lambda function: the defaults fixed once (arm64, Node.js 22, active tracing, its own log
 * group with the deployment's retention and encrypted with the log key, a bundle with the SDK inside), so a
 * function differs from another only in its handler, timeout, memory and bindings.
 */
export class WerkcoopFunction extends NodejsFunction {
  readonly executionRole: Role;

  constructor(scope: Construct, id: string, props: WerkcoopFunctionProps) {
    // Relative to the project root, or absolute for a generated entry (route-group-entry.ts).
    const entry = isAbsolute(props.entry) ? props.entry : join(PROJECT_ROOT, props.entry);
    if (!existsSync(entry)) {
      throw new Error(`werkcoop: handler module ${props.entry} (named for ${id}) does not exist. Write it, or fix the manifest/definition.`);
    }
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: props.deployment.logRetention, encryptionKey: props.logKey });
    // Own role instead of the default one: the managed AWSLambdaBasicExecutionRole may write to any log group.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `werkcoop ${props.deployment.name}: ${props.description}`,
    });
    super(scope, id, {
      entry,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      runtime: RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? DEFAULT_MEMORY_MB,
      timeout: props.timeout,
      description: props.description,
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: `werkcoop-${props.deployment.name}`,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        // The deployment's arbeidsmarktregio's as configuration (infra/config/deployments.ts), not code.
        WERKCOOP_ARBEIDSMARKTREGIOS: JSON.stringify(props.deployment.arbeidsmarktregios),
        // The API's public address (events' dataref, the feed's links: apiUrl() in shared/config/env.ts), on
        // every function so none that builds an event or a URL can fall back to another deployment's address.
        API_URL: props.deployment.apiUrl,
        ...props.environment,
      },
      bundling: props.bijlagen
        ? {
            ...WERKCOOP_BUNDLING,
            commandHooks: {
              beforeBundling: () => [],
              beforeInstall: () => [],
              afterBundling: (_in: string, out: string) => Object.entries(props.bijlagen!).map(([naam, bron]) => `cp -r "${bron}" "${join(out, naam)}"`),
            },
          }
        : WERKCOOP_BUNDLING,
    });
    this.executionRole = role;
    logGroup.grantWrite(role);
    acknowledgeWerkcoopFunction(this, role);
  }

  /** TABLE_NAME plus least privilege: 'read' for functions that only read (GET routes), else 'readWrite'. */
  bindTable(table: Table, access: TableAccess): this {
    this.addEnvironment('TABLE_NAME', table.tableName);
    const writes = access === 'readWrite';
    this.addToRolePolicy(
      new PolicyStatement({
        actions: [...TABLE_ACTIONS.read, ...(writes ? TABLE_ACTIONS.write : [])],
        resources: [table.tableArn],
      }),
    );
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: tableDefinition.globalSecondaryIndexes.map((gsi) => `${table.tableArn}/index/${gsi.indexName}`),
      }),
    );
    table.encryptionKey?.grant(this, ...KEY_ACTIONS.read, ...(writes ? KEY_ACTIONS.write : []));
    if (writes) acknowledgeTableKeyWrite(this.executionRole);
    return this;
  }

  /**
   * This function writes the processing log (AVG art. 30; shared/privacy/vastleggen.ts): it may put items
   * under the log's partition keys (VERWERKING#<pseudonym>) and never update or delete them, also when its
   * table access is 'read' (a GET that shows personal data must record that), and it reads the key of the
   * pseudonyms from its secret (PSEUDONIEM_SLEUTEL_ARN). Append-only is the puts' condition
   * attribute_not_exists plus the Deny here.
   */
  bindVerwerkingenlog(table: Table, pseudoniemSleutel: ISecret): this {
    const logKeys = { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${VERWERKING_PREFIX}*`] } };
    this.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [table.tableArn], conditions: logKeys }));
    this.addToRolePolicy(
      new PolicyStatement({ effect: Effect.DENY, actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'], resources: [table.tableArn], conditions: logKeys }),
    );
    table.encryptionKey?.grant(this, ...KEY_ACTIONS.write);
    acknowledgeTableKeyWrite(this.executionRole);
    this.addEnvironment('PSEUDONIEM_SLEUTEL_ARN', pseudoniemSleutel.secretArn);
    // By hand, not secret.grantRead: that also adds this role to the key's policy in the stateful stack,
    // which would make the stateful stack depend on this one (a cycle). The key trusts the account's IAM
    // policies, so the role's own statements suffice: the value, and decrypting it through Secrets Manager.
    this.addToRolePolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [pseudoniemSleutel.secretArn] }));
    if (pseudoniemSleutel.encryptionKey) {
      this.addToRolePolicy(
        new PolicyStatement({
          actions: ['kms:Decrypt'],
          resources: [pseudoniemSleutel.encryptionKey.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(this).region}.amazonaws.com` } },
        }),
      );
    }
    return this;
  }

  /**
   * Approving a regiopartner registers its system as an app client (client credentials): only the functions
   * that approve (the API's and the portal's) may create and delete app clients, in this deployment's pool.
   */
  bindMachineClients(userPool: IUserPool, tokenUrl: string): this {
    this.addEnvironment('MACHINE_CLIENT_ADAPTER', 'cognito').addEnvironment('USER_POOL_ID', userPool.userPoolId).addEnvironment('TOKEN_URL', tokenUrl);
    this.addToRolePolicy(new PolicyStatement({ actions: ['cognito-idp:CreateUserPoolClient', 'cognito-idp:DeleteUserPoolClient'], resources: [userPool.userPoolArn] }));
    return this;
  }

  /** The queue's URL in its definition's environment variable, and permission to send to it. */
  bindQueue(queue: IQueue, definition: QueueDefinition): this {
    this.addEnvironment(definition.urlEnv, queue.queueUrl);
    queue.grantSendMessages(this);
    acknowledgeQueueSendGrant(this.executionRole);
    return this;
  }
}
