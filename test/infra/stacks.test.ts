import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { App, Duration, Stack, type CfnResource } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_ROL } from '../../shared/auth/rollen';
import { DLQ_RETENTION_SECONDS, queueDefinitions, streamConsumers, visibilityTimeoutSeconds } from '../../shared/queues/definition';
import { allRoutes } from '../../shared/routes/manifest';
import { scheduleDefinitions } from '../../shared/schedules/definition';
import { ENTITY_ATTRIBUTE, tableDefinition } from '../../shared/table/definition';
import { createApp, type DeploymentStacks } from '../../infra/app';
import { deployments, mailDomain, type Deployment } from '../../infra/config/deployments';
import { WerkcoopFunction } from '../../infra/constructs/werkcoop-function';

/**
 * The whole app, every deployment, synthesised once and read as CloudFormation. Only the stateful stack of
 * the test deployment is bundled (its one small function proves the bundling settings): bundling every
 * handler costs about a second each, which `npm run synth` pays, not every test run.
 */
const BUNDLED_STACK = 'werkcoop-test-stateful';
let app: App;
let assembly: CloudAssembly;
let stacks: Map<string, DeploymentStacks>;

beforeAll(() => {
  ({ app, deployments: stacks } = createApp({ context: { 'aws:cdk:bundling-stacks': [BUNDLED_STACK] } }));
  // Synthesis runs cdk-nag as a validation plugin and throws on an unacknowledged finding.
  assembly = app.synth();
}, 120_000);

const templates = (name: string) => {
  const s = stacks.get(name)!;
  return { stateful: Template.fromStack(s.stateful), stateless: Template.fromStack(s.stateless), stacks: s };
};
const logicalId = (c: { node: { defaultChild?: unknown } }): string => Stack.of(c as never).getLogicalId(c.node.defaultChild as CfnResource);

const test = deployments.find((d) => d.name === 'test')!;

describe('the app', () => {
  it('synthesises every deployment as a stateful and a stateless stack', () => {
    const names = assembly.stacks.map((s) => s.stackName).sort();
    expect(names).toEqual(deployments.flatMap((d) => [`werkcoop-${d.name}-stateful`, `werkcoop-${d.name}-stateless`]).sort());
  });

  it('leaves no cdk-nag AWS Solutions finding unacknowledged, neither error nor warning', () => {
    // cdk-nag 3 reports through the validation plugin, not as annotations: run the same checks on the
    // synthesised tree (references resolved, as in `cdk synth`).
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(report.violations.map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });

  it('gets an empty validation report from synth: nothing from cdk-nag, nothing from CDK\'s CloudFormation checks', () => {
    const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as { pluginReports: unknown[] };
    expect(report.pluginReports).toEqual([]);
  });

  it('has no other CDK errors or warnings on any stack', () => {
    // The synthesised assembly carries every stack's annotations (what Annotations.fromStack reads,
    // without synthesising each stack a second time).
    const messages = assembly.stacks.flatMap((s) => s.messages.map((m) => `${m.level} ${m.id}: ${String(m.entry.data)}`));
    expect(messages.filter((m) => /^(error|warning) /.test(m))).toEqual([]);
  });

  it('bundles as ESM with the SDK inside, a source map and an esbuild metafile for the benchmark', () => {
    const manifest = JSON.parse(readFileSync(join(assembly.directory, `${BUNDLED_STACK}.assets.json`), 'utf8')) as {
      files: Record<string, { displayName: string; source: { path: string } }>;
    };
    const code = Object.values(manifest.files).find((f) => f.displayName === 'TokenClaims/Code')!;
    const dir = join(assembly.directory, code.source.path);
    expect(readdirSync(dir).sort()).toEqual(['index.meta.json', 'index.mjs', 'index.mjs.map']);
    const bundle = readFileSync(join(dir, 'index.mjs'), 'utf8');
    expect(bundle.startsWith("import { createRequire as __werkcoopCreateRequire } from 'node:module';")).toBe(true);
    const meta = JSON.parse(readFileSync(join(dir, 'index.meta.json'), 'utf8')) as { inputs: Record<string, unknown> };
    expect(Object.keys(meta.inputs)).toContain('functions/auth/token-claims.ts');
  });
});

describe.each(deployments.map((d) => [d.name, d] as const))('deployment %s', (name, deployment: Deployment) => {
  let t: ReturnType<typeof templates>;
  beforeAll(() => {
    t = templates(name);
  });

  describe('stateful stack', () => {
    it('creates the table from the table definition: keys, GSIs projecting all, TTL, stream', () => {
      t.stateful.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((gsi) => ({
          IndexName: gsi.indexName,
          KeySchema: [
            { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
            { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
        StreamSpecification: { StreamViewType: tableDefinition.streamViewType },
      });
    });

    it('protects the table: PITR, deletion protection, RETAIN, a rotating customer-managed key', () => {
      const table = t.stacks.stateful.table;
      t.stateful.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
          SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [logicalId(table.encryptionKey!), 'Arn'] } },
        }),
      });
      t.stateful.hasResource('AWS::KMS::Key', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({ EnableKeyRotation: true }),
      });
    });

    it.each(Object.values(queueDefinitions))('creates queue $name with its DLQ, redrive and a visibility of 6× the consumer timeout', (q) => {
      const { queue, dlq } = t.stacks.stateful.queues[q.name];
      expect(visibilityTimeoutSeconds(q)).toBe(6 * q.consumerTimeoutSeconds);
      t.stateful.hasResourceProperties('AWS::SQS::Queue', {
        QueueName: `werkcoop-${name}-${q.name}`,
        VisibilityTimeout: 6 * q.consumerTimeoutSeconds,
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(dlq), 'Arn'] }, maxReceiveCount: q.maxReceiveCount },
        KmsMasterKeyId: Match.anyValue(),
      });
      t.stateful.hasResourceProperties('AWS::SQS::Queue', {
        QueueName: `werkcoop-${name}-${q.name}-dlq`,
        MessageRetentionPeriod: DLQ_RETENTION_SECONDS,
        KmsMasterKeyId: Match.anyValue(),
      });
      for (const which of [queue, dlq]) {
        t.stateful.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: logicalId(which) }],
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            ]),
          },
        });
      }
    });

    it.each(Object.values(queueDefinitions))('alarms on any message in the DLQ of $name, to the encrypted alarmen topic', (q) => {
      const { dlq } = t.stacks.stateful.queues[q.name];
      t.stateful.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(dlq), 'QueueName'] } }],
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        AlarmActions: [{ Ref: logicalId(t.stacks.stateful.alarmTopic) }],
      });
      t.stateful.hasResourceProperties('AWS::SNS::Topic', { TopicName: `werkcoop-${name}-alarmen`, KmsMasterKeyId: Match.anyValue() });
      t.stateful.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
    });

    it('gives every stream consumer an on-failure queue with an alarm', () => {
      for (const key of Object.keys(streamConsumers) as (keyof typeof streamConsumers)[]) {
        const queue = t.stacks.stateful.streamFailureQueues[key];
        t.stateful.hasResourceProperties('AWS::SQS::Queue', {
          QueueName: `werkcoop-${name}-${streamConsumers[key].name}-dlq`,
          MessageRetentionPeriod: DLQ_RETENTION_SECONDS,
        });
        t.stateful.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(queue), 'QueueName'] } }],
        });
      }
    });

    it('has a user pool with MFA, the plus plan, rol/tenant attributes and the V3 token trigger', () => {
      t.stateful.hasResource('AWS::Cognito::UserPool', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({
          MfaConfiguration: 'ON',
          UserPoolTier: 'PLUS',
          DeletionProtection: 'ACTIVE',
          AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
          Schema: Match.arrayWith([
            Match.objectLike({ Name: 'rol', AttributeDataType: 'String', Mutable: true }),
            Match.objectLike({ Name: 'tenant', AttributeDataType: 'String', Mutable: true }),
          ]),
          LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: Match.anyValue(), LambdaVersion: 'V3_0' } },
          UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        }),
      });
      t.stateful.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
        Identifier: 'werkcoop',
        Scopes: [Match.objectLike({ ScopeName: 'api' })],
      });
      t.stateful.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: `werkcoop-${name}` });
    });

    it('lets people sign in with code + PKCE only, and not write their own rol or tenant', () => {
      t.stateful.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
      t.stateful.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        AllowedOAuthFlows: ['code'],
        GenerateSecret: false,
        CallbackURLs: deployment.oauthCallbackUrls,
        WriteAttributes: ['name'],
      });
    });
  });

  describe('stateless stack', () => {
    const routeKey = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

    it('has an API Gateway route with an integration for every manifest route, plus $default', () => {
      const routes = t.stateless.findResources('AWS::ApiGatewayV2::Route');
      const keys = Object.values(routes).map((r) => r.Properties.RouteKey as string);
      expect(keys.sort()).toEqual([...allRoutes.map(routeKey), '$default'].sort());
      for (const r of Object.values(routes)) {
        expect(JSON.stringify(r.Properties.Target)).toContain('integrations/');
      }
      t.stateless.resourceCountIs('AWS::ApiGatewayV2::Integration', allRoutes.length + 1);
    });

    it('has one EventBridge Scheduler schedule per scheduled job, on its expression and time zone, invoking its function with its own role', () => {
      const schedules = Object.values(t.stateless.findResources('AWS::Scheduler::Schedule'));
      expect(schedules).toHaveLength(Object.keys(scheduleDefinitions).length);
      for (const job of Object.values(scheduleDefinitions)) {
        const schedule = schedules.find((r) => r.Properties.Name === `werkcoop-${deployment.name}-${job.name}`);
        expect(schedule?.Properties).toMatchObject({
          ScheduleExpression: job.expression,
          ScheduleExpressionTimezone: job.timezone,
          State: 'ENABLED',
          Target: { Arn: expect.anything(), RoleArn: expect.anything(), RetryPolicy: { MaximumRetryAttempts: 2 } },
        });
      }
    });

    it('stays clear of the 500-resource limit of a CloudFormation stack (split it before it does not)', () => {
      for (const template of [t.stateless, t.stateful]) {
        expect(Object.keys(template.toJSON().Resources).length).toBeLessThan(500);
      }
    });

    it('puts no API Gateway authorizer on any route: the functions verify tokens, so every 401 is problem+json', () => {
      t.stateless.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
      for (const r of Object.values(t.stateless.findResources('AWS::ApiGatewayV2::Route'))) {
        expect(r.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
        expect(r.Properties.AuthorizerId).toBeUndefined();
      }
    });

    it('allows CORS from the deployment origins, logs access and throttles the default stage', () => {
      t.stateless.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        CorsConfiguration: Match.objectLike({ AllowOrigins: deployment.corsAllowedOrigins }),
      });
      t.stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('\\$context.requestId') },
        DefaultRouteSettings: { ThrottlingRateLimit: deployment.apiThrottle.rateLimit, ThrottlingBurstLimit: deployment.apiThrottle.burstLimit },
      });
    });

    it('runs every function on arm64 and nodejs22.x, traced, with its own log group and the deployment retention', () => {
      for (const stack of [t.stateful, t.stateless]) {
        const functions = Object.values(stack.findResources('AWS::Lambda::Function'));
        expect(functions.length).toBeGreaterThan(0);
        const logGroups = stack.findResources('AWS::Logs::LogGroup');
        for (const fn of functions) {
          expect(fn.Properties).toMatchObject({
            Architectures: ['arm64'],
            Runtime: 'nodejs22.x',
            TracingConfig: { Mode: 'Active' },
            Environment: { Variables: { NODE_OPTIONS: '--enable-source-maps' } },
          });
          const logGroup = logGroups[fn.Properties.LoggingConfig.LogGroup.Ref as string];
          expect(logGroup?.Properties.RetentionInDays).toBe(deployment.logRetention);
        }
      }
    });

    it('gives each route function its memory, the token verification settings, and table access by method', () => {
      for (const route of allRoutes) {
        const fn = t.stacks.stateless.routeFunctions.get(route)!;
        const props = t.stateless.findResources('AWS::Lambda::Function')[logicalId(fn)]!.Properties;
        expect(props.MemorySize).toBe(route.memoryMb ?? 256);
        expect(Object.keys(props.Environment.Variables)).toEqual(
          expect.arrayContaining(['TABLE_NAME', 'JWT_ISSUER', 'JWKS_URL', 'JWT_AUDIENCE', 'CORS_ALLOWED_ORIGINS']),
        );
        expect(JSON.stringify(props.Environment.Variables.JWT_ISSUER)).toContain(`https://cognito-idp.${deployment.region}.amazonaws.com/`);

        const policy = Object.values(t.stateless.findResources('AWS::IAM::Policy')).find(
          (p) => p.Properties.Roles[0].Ref === logicalId(fn.executionRole),
        )!;
        const actions = (policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[]).flatMap((s) => s.Action);
        expect(actions).toContain('dynamodb:Query');
        expect(actions).not.toContain('dynamodb:Scan');
        if (route.method === 'GET') expect(actions).not.toContain('dynamodb:PutItem');
        else expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem']));
      }
    });

    it('uses Resource "*" only for the actions that have no resource-level permission (see infra/nag.ts)', () => {
      const allowedOnStar = new Set(['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'dynamodb:ListStreams']);
      for (const stack of [t.stateful, t.stateless]) {
        for (const policy of Object.values(stack.findResources('AWS::IAM::Policy'))) {
          for (const statement of policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]) {
            const resources = [statement.Resource].flat();
            if (resources.includes('*')) expect([statement.Action].flat().filter((a) => !allowedOnStar.has(a))).toEqual([]);
          }
        }
      }
    });

    it.each(Object.values(queueDefinitions))('consumes $name with partial batch failures and capped concurrency', (q) => {
      t.stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: Match.anyValue(),
        BatchSize: q.batchSize,
        MaximumBatchingWindowInSeconds: q.maxBatchingWindowSeconds,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: q.maxConcurrency },
      });
      t.stateless.hasResourceProperties('AWS::Lambda::Function', {
        Timeout: q.consumerTimeoutSeconds,
        Description: `Consumer of ${q.name}`,
      });
    });

    it('lets the notificaties consumer send mail only as the deployment sender domain', () => {
      t.stateless.hasResourceProperties('AWS::Lambda::Function', {
        Description: 'Consumer of notificaties',
        Environment: { Variables: Match.objectLike({ MAIL_ADAPTER: 'ses', MAIL_AFZENDER: deployment.mailAfzender }) },
      });
      t.stateless.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: 'ses:SendEmail',
              Resource: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(`:identity/${mailDomain(deployment).replace(/\./g, '\\.')}$`)])] },
            }),
          ]),
        },
      });
    });

    it.each(Object.values(streamConsumers))('feeds stream consumer $name only the filtered records, with retries, bisection and a DLQ', (sc) => {
      t.stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: sc.batchSize,
        MaximumRetryAttempts: sc.maxRetryAttempts,
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
        FilterCriteria: {
          Filters: [
            {
              Pattern: JSON.stringify({
                eventName: sc.filter.eventNames,
                dynamodb: { NewImage: { [ENTITY_ATTRIBUTE]: { S: sc.filter.entities } } },
              }),
            },
          ],
        },
      });
    });

    it('hands the stream forwarder each queue URL in its definition env var', () => {
      const variables = Object.fromEntries(Object.values(queueDefinitions).map((q) => [q.urlEnv, Match.anyValue()]));
      t.stateless.hasResourceProperties('AWS::Lambda::Function', {
        Description: `Stream consumer ${streamConsumers.outboxDoorsturen.name}`,
        Environment: { Variables: Match.objectLike(variables) },
      });
    });
  });
});

describe('the token claims trigger in the test deployment', () => {
  it('is attached to the user pool as the V3 pre-token-generation trigger', () => {
    const { stateful } = templates(test.name);
    const fns = stateful.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp(CLAIM_ROL) } });
    expect(Object.keys(fns)).toHaveLength(1);
    stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [Object.keys(fns)[0], 'Arn'] }, LambdaVersion: 'V3_0' } },
    });
  });
});

describe('cdk-nag itself', () => {
  it('does flag a finding, so an empty report above means something', () => {
    const scratch = new App();
    const stack = new Stack(scratch, 'Scratch');
    new Queue(stack, 'Bare');
    const report = new AwsSolutionsChecks().validateScope(scratch);
    expect(report.violations.map((v) => v.ruleName)).toEqual(expect.arrayContaining(['AwsSolutions-SQS3', 'AwsSolutions-SQS4']));
  });
});

describe('WerkcoopFunction', () => {
  it('fails the synth loudly when a handler module the manifest names does not exist', () => {
    const stack = new Stack(new App(), 'Scratch');
    expect(
      () =>
        new WerkcoopFunction(stack, 'Missing', {
          entry: 'functions/api/bestaat-niet.ts',
          deployment: test,
          description: 'missing',
          timeout: Duration.seconds(3),
        }),
    ).toThrow(/functions\/api\/bestaat-niet\.ts .* does not exist/);
  });
});
