import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { App, Duration, NestedStack, Stack, type CfnResource } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_ROL } from '../../shared/auth/rollen';
import { DLQ_RETENTION_SECONDS, queueDefinitions, streamConsumers, visibilityTimeoutSeconds } from '../../shared/queues/definition';
import { allRoutes } from '../../shared/routes/manifest';
import { allePaginas } from '../../shared/web/paginas';
import { scheduleDefinitions } from '../../shared/schedules/definition';
import { ENTITY_ATTRIBUTE, tableDefinition } from '../../shared/table/definition';
import { createApp, type DeploymentStacks } from '../../infra/app';
import { deployments, mailDomain, type Deployment } from '../../infra/config/deployments';
import { WerkcoopFunction } from '../../infra/constructs/werkcoop-function';
import { applyNagChecks } from '../../infra/nag';
import { functionGroupOf, functionGroups, routeAccess, routeGroups } from '../../infra/stacks/route-group-stack';
import { RESOURCE_BUDGET, resourceCounts, secretFindings } from './checks';

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

/** A deployment's templates: the two top-level stacks and each route group's nested stack. */
const templates = (name: string) => {
  const s = stacks.get(name)!;
  const stateful = Template.fromStack(s.stateful);
  const stateless = Template.fromStack(s.stateless);
  const groups = new Map([...s.stateless.routeGroups].map(([tag, g]) => [tag, Template.fromStack(g)] as const));
  const all: readonly (readonly [string, Template])[] = [
    [s.stateful.node.path, stateful],
    [s.stateless.node.path, stateless],
    ...[...s.stateless.routeGroups].map(([tag, g]) => [g.node.path, groups.get(tag)!] as const),
    [s.stateless.portaal.node.path, Template.fromStack(s.stateless.portaal)],
  ];
  return { stateful, stateless, groups, all, stacks: s };
};
const resourcesOf = (all: readonly (readonly [string, Template])[], type: string) =>
  all.flatMap(([path, template]) =>
    // CloudFormation properties, untyped as Template.findResources gives them.
    Object.entries(template.findResources(type)).map(([id, r]) => ({ path, id, Properties: r.Properties as Record<string, any> })),
  );
const logicalId = (c: { node: { defaultChild?: unknown } }): string => Stack.of(c as never).getLogicalId(c.node.defaultChild as CfnResource);

const test = deployments.find((d) => d.name === 'test')!;

describe('the app', () => {
  it('synthesises every deployment as a stateful and a stateless stack, the latter with a nested stack per route group', () => {
    const names = assembly.stacks.map((s) => s.stackName).sort();
    expect(names).toEqual(deployments.flatMap((d) => [`werkcoop-${d.name}-stateful`, `werkcoop-${d.name}-stateless`]).sort());
    const tags = [...routeGroups(allRoutes).keys()];
    for (const d of deployments) {
      const { stateless } = stacks.get(d.name)!;
      expect([...stateless.routeGroups.keys()]).toEqual(tags);
      for (const group of stateless.routeGroups.values()) {
        expect(NestedStack.isNestedStack(group)).toBe(true);
        expect(group.nestedStackParent).toBe(stateless);
      }
      // One per route group, and the portal's pages.
      Template.fromStack(stateless).resourceCountIs('AWS::CloudFormation::Stack', tags.length + 1);
    }
  });

  it(`keeps every stack, nested ones included, under a budget of ${RESOURCE_BUDGET} resources (CloudFormation allows 500)`, () => {
    const counts = resourceCounts(assembly.directory);
    // Every deployment's two stacks, its route group stacks and its portal stack: the budget is checked on all of them.
    expect(counts).toHaveLength(deployments.length * (3 + routeGroups(allRoutes).size));
    console.info(`resources per stack:\n${counts.map((c) => `  ${String(c.resources).padStart(4)}  ${c.file}`).join('\n')}`);
    expect(counts.filter((c) => c.resources >= RESOURCE_BUDGET)).toEqual([]);
  });

  it('has no secret in any synthesised template, nested ones included: no private key, AWS key or literal password/secret', () => {
    const counts = resourceCounts(assembly.directory);
    expect(counts.length).toBeGreaterThan(2 * deployments.length);
    expect(counts.flatMap((c) => secretFindings(c.template, c.file))).toEqual([]);
  });

  it('leaves no cdk-nag AWS Solutions finding unacknowledged, neither error nor warning, in any stack or nested stack', () => {
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
          // The e-mail address is the user name: the accounts consumer makes partners' staff by address.
          UsernameAttributes: ['email'],
        }),
      });
      const uitnodiging = Object.values(t.stateful.findResources('AWS::Cognito::UserPool'))[0]!.Properties.AdminCreateUserConfig.InviteMessageTemplate;
      expect(uitnodiging.EmailSubject).toBe('Uw toegang tot werkcoop');
      // Cognito refuses a template without both placeholders.
      expect(uitnodiging.EmailMessage).toContain('{username}');
      expect(uitnodiging.EmailMessage).toContain('{####}');
      t.stateful.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
        Identifier: 'werkcoop',
        Scopes: [Match.objectLike({ ScopeName: 'api' })],
      });
      t.stateful.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: `werkcoop-${name}` });
    });

    it('lets people sign in with code + PKCE only, and not write their own rol or tenant', () => {
      t.stateful.resourceCountIs('AWS::Cognito::UserPoolClient', 2);
      t.stateful.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        ClientName: 'mensen',
        AllowedOAuthFlows: ['code'],
        GenerateSecret: false,
        CallbackURLs: deployment.oauthCallbackUrls,
        WriteAttributes: ['name'],
      });
    });

    it("has the portal's client: code + PKCE, openid and email only, the deployment's return and logout URLs, short-lived tokens", () => {
      t.stateful.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        ClientName: 'portaal',
        AllowedOAuthFlows: ['code'],
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthScopes: ['openid', 'email'],
        GenerateSecret: false,
        SupportedIdentityProviders: ['COGNITO'],
        CallbackURLs: deployment.oauthCallbackUrls,
        LogoutURLs: deployment.oauthLogoutUrls,
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
        IdTokenValidity: 5,
        ReadAttributes: Match.arrayWith(['custom:rol', 'custom:tenant', 'email', 'name']),
        WriteAttributes: ['name'],
      });
      for (const url of deployment.oauthCallbackUrls) expect(new URL(url).pathname).toBe('/portaal/inloggen/terug');
      for (const url of deployment.oauthLogoutUrls) expect(new URL(url).pathname).toBe('/portaal');
      // What the page stack hands the sign-in function: this client, this pool, its domain, the portal's address.
      const omgeving = t.stacks.stateful.portaalInlogOmgeving;
      expect(Object.keys(omgeving).sort()).toEqual(['PORTAAL_CLIENT_ID', 'PORTAAL_LOGIN_URL', 'PORTAAL_OIDC_ISSUER', 'PORTAAL_URL']);
      expect(t.stacks.stateful.resolve(omgeving.PORTAAL_CLIENT_ID)).toEqual({ Ref: logicalId(t.stacks.stateful.portaalClient) });
      expect(JSON.stringify(t.stacks.stateful.resolve(omgeving.PORTAAL_OIDC_ISSUER))).toContain('cognito-idp.');
      expect(JSON.stringify(t.stacks.stateful.resolve(omgeving.PORTAAL_LOGIN_URL))).toContain('amazoncognito.com');
      expect(omgeving.PORTAAL_URL).toBe(new URL(deployment.oauthCallbackUrls[0]!).origin);
    });

    it('never sets the local sign-in on any function: PORTAAL_INLOGGEN is the local runtime\'s alone', () => {
      const functies = resourcesOf(t.all, 'AWS::Lambda::Function');
      expect(functies.length).toBeGreaterThan(0);
      for (const f of functies) expect(Object.keys(f.Properties.Environment?.Variables ?? {}), f.id).not.toContain('PORTAAL_INLOGGEN');
      expect(JSON.stringify(t.all.map(([, template]) => template.toJSON()))).not.toContain('PORTAAL_INLOGGEN');
    });

    it('never turns the SSRF guard\'s switch on: WEBHOOKS_LOOPBACK_TOESTAAN is the local runtime\'s and the tests\' alone', () => {
      const functies = resourcesOf(t.all, 'AWS::Lambda::Function');
      expect(functies.length).toBeGreaterThan(0);
      for (const f of functies) expect(Object.keys(f.Properties.Environment?.Variables ?? {}), f.id).not.toContain('WEBHOOKS_LOOPBACK_TOESTAAN');
      expect(JSON.stringify(t.all.map(([, template]) => template.toJSON()))).not.toContain('WEBHOOKS_LOOPBACK_TOESTAAN');
      expect(JSON.stringify(t.all.map(([, template]) => template.toJSON()))).not.toContain('WEBHOOKS_TEST_CA');
    });
  });

  describe('encryption at rest with the deployment\'s customer-managed keys', () => {
    /** How a template in the stateless stacks refers to a key of the stateful stack: an import of its export. */
    const keyRef = (template: Template, key: Key) => {
      if (template === t.stateful) return { 'Fn::GetAtt': [logicalId(key), 'Arn'] };
      const outputs = t.stateful.toJSON().Outputs as Record<string, { Value: unknown; Export: { Name: string } }>;
      const exported = Object.values(outputs).find((o) => JSON.stringify(o.Value) === JSON.stringify({ 'Fn::GetAtt': [logicalId(key), 'Arn'] }));
      return { 'Fn::ImportValue': exported?.Export.Name };
    };

    it('encrypts the table with the data key', () => {
      const table = t.stacks.stateful.table;
      t.stateful.hasResourceProperties('AWS::DynamoDB::Table', {
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: keyRef(t.stateful, table.encryptionKey as Key) },
      });
    });

    it('encrypts every queue and dead-letter queue with the data key', () => {
      const queues = resourcesOf(t.all, 'AWS::SQS::Queue');
      expect(queues).toHaveLength(2 * Object.keys(queueDefinitions).length + Object.keys(streamConsumers).length);
      const dataKey = t.stacks.stateful.table.encryptionKey as Key;
      for (const q of queues) expect(q.Properties.KmsMasterKeyId, q.id).toEqual(keyRef(t.stateful, dataKey));
    });

    it('encrypts every SNS topic with a customer-managed key', () => {
      const topics = resourcesOf(t.all, 'AWS::SNS::Topic');
      expect(topics.length).toBeGreaterThan(0);
      const keys = t.stateful.findResources('AWS::KMS::Key');
      for (const topic of topics) expect(Object.keys(keys)).toContain(topic.Properties.KmsMasterKeyId?.['Fn::GetAtt']?.[0]);
    });

    it('encrypts every log group, in every stack and nested stack, with the log key', () => {
      const logKey = t.stacks.stateful.logKey;
      let logGroups = 0;
      for (const [path, template] of t.all) {
        for (const [id, group] of Object.entries(template.findResources('AWS::Logs::LogGroup'))) {
          expect(group.Properties.KmsKeyId, `${path} ${id}`).toEqual(keyRef(template, logKey));
          logGroups += 1;
        }
      }
      // One per function, plus the API access log.
      expect(logGroups).toBe(resourcesOf(t.all, 'AWS::Lambda::Function').length + 1);
    });

    it('lets only CloudWatch Logs of this region and account use the log key, which rotates and is retained', () => {
      t.stateful.hasResource('AWS::KMS::Key', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({
          EnableKeyRotation: true,
          KeyPolicy: {
            Statement: Match.arrayWith([
              Match.objectLike({
                Principal: { Service: `logs.${deployment.region}.amazonaws.com` },
                Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Match.anyValue() } },
              }),
            ]),
          },
        }),
      });
    });
  });

  describe('stateless stack', () => {
    const routeKey = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

    it('has, over all its stacks, exactly one API Gateway route per manifest route and per page plus $default, each with an integration', () => {
      const routes = resourcesOf(t.all, 'AWS::ApiGatewayV2::Route');
      expect(routes.map((r) => r.Properties.RouteKey as string).sort()).toEqual([...allRoutes.map(routeKey), ...allePaginas.map(routeKey), '$default'].sort());
      for (const r of routes) expect(JSON.stringify(r.Properties.Target)).toContain('integrations/');
      expect(resourcesOf(t.all, 'AWS::ApiGatewayV2::Integration')).toHaveLength(allRoutes.length + allePaginas.length + 1);
      // The stateless stack itself keeps only the $default route: its size does not grow with the API.
      expect(Object.values(t.stateless.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey)).toEqual(['$default']);
    });

    // Generated from the manifest: a route without its function, route or integration fails here by name.
    it.each(allRoutes.map((r) => [routeKey(r), r] as const))('serves %s from its group\'s nested stack: function, route, integration, invoke permission', (_key, route) => {
      const group = t.stacks.stateless.routeGroups.get(route.tag)!;
      const template = t.groups.get(route.tag)!;
      const fn = t.stacks.stateless.routeFunctions.get(route);
      expect(fn, 'a function for the route').toBeDefined();
      expect(Stack.of(fn!)).toBe(group);
      const fnId = logicalId(fn!);
      // One function per tag × access serves the route (route-group-stack.ts, functionGroups), named for both.
      expect(template.findResources('AWS::Lambda::Function')[fnId]?.Properties.Description).toMatch(new RegExp(`^${route.tag} \\(${routeAccess(route).toLowerCase()}\\): `));
      expect([...t.stacks.stateless.routeFunctions].filter(([, f]) => f === fn).map(([r]) => r)).toEqual(functionGroups(allRoutes).get(functionGroupOf(route))!);

      // The parent hands its API's id to the group stack as a parameter; routes and integrations use it.
      const nestedResource = t.stateless.findResources('AWS::CloudFormation::Stack')[t.stacks.stateless.getLogicalId(group.nestedStackResource!)];
      expect(nestedResource, 'the group stack in the stateless stack').toBeDefined();
      const apiParameter = Object.entries(nestedResource!.Properties.Parameters as Record<string, unknown>).find(
        ([, v]) => JSON.stringify(v) === JSON.stringify({ Ref: logicalId(t.stacks.stateless.api) }),
      )?.[0];
      expect(apiParameter, 'the API id passed to the group stack').toBeDefined();

      const [, apiRoute] = Object.entries(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey(route) } }))[0] ?? [];
      expect(apiRoute, 'an API Gateway route').toBeDefined();
      expect(apiRoute!.Properties.ApiId).toEqual({ Ref: apiParameter });
      const integrationId = (apiRoute!.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] })['Fn::Join'][1][1].Ref;
      const integration = template.findResources('AWS::ApiGatewayV2::Integration')[integrationId];
      expect(integration?.Properties).toMatchObject({
        ApiId: { Ref: apiParameter },
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: { 'Fn::GetAtt': [fnId, 'Arn'] },
        PayloadFormatVersion: '2.0',
      });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
        Principal: 'apigateway.amazonaws.com',
        SourceArn: { 'Fn::Join': ['', Match.arrayWith([{ Ref: apiParameter }])] },
      });
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

    it(`keeps each of its stacks under ${RESOURCE_BUDGET} resources, and each route group with room for three times its routes`, () => {
      const sizes = t.all.map(([path, template]) => [path, Object.keys(template.toJSON().Resources).length] as const);
      expect(sizes.filter(([, n]) => n >= RESOURCE_BUDGET)).toEqual([]);
      // A group stack grows per route only: three times the routes of each group still fits the budget.
      for (const [tag, template] of t.groups) {
        const routes = t.stacks.stateless.routeGroups.get(tag)!.routeFunctions.size;
        const perRoute = Object.keys(template.toJSON().Resources).length / routes;
        expect(perRoute, `${tag}: resources per route`).toBeLessThanOrEqual(7);
        expect(3 * routes * perRoute, `${tag} with three times its ${routes} routes`).toBeLessThan(RESOURCE_BUDGET);
      }
    });

    it('puts no API Gateway authorizer on any route: the functions verify tokens, so every 401 is problem+json', () => {
      expect(resourcesOf(t.all, 'AWS::ApiGatewayV2::Authorizer')).toEqual([]);
      for (const r of resourcesOf(t.all, 'AWS::ApiGatewayV2::Route')) {
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
      for (const [, stack] of t.all) {
        const functions = Object.values(stack.findResources('AWS::Lambda::Function'));
        expect(functions.length).toBeGreaterThan(0);
        const logGroups = stack.findResources('AWS::Logs::LogGroup');
        for (const fn of functions) {
          expect(fn.Properties).toMatchObject({
            Architectures: ['arm64'],
            Runtime: 'nodejs22.x',
            TracingConfig: { Mode: 'Active' },
            Environment: {
              Variables: { NODE_OPTIONS: '--enable-source-maps', WERKCOOP_ARBEIDSMARKTREGIOS: JSON.stringify(deployment.arbeidsmarktregios) },
            },
          });
          const logGroup = logGroups[fn.Properties.LoggingConfig.LogGroup.Ref as string];
          expect(logGroup?.Properties.RetentionInDays).toBe(deployment.logRetention);
        }
      }
    });

    it('gives each route function its memory, the token verification settings, and table access by method', () => {
      for (const route of allRoutes) {
        const fn = t.stacks.stateless.routeFunctions.get(route)!;
        const template = t.groups.get(route.tag)!;
        const props = template.findResources('AWS::Lambda::Function')[logicalId(fn)]!.Properties;
        expect(props.MemorySize).toBe(route.memoryMb ?? 256);
        expect(Object.keys(props.Environment.Variables)).toEqual(
          expect.arrayContaining(['TABLE_NAME', 'JWT_ISSUER', 'JWKS_URL', 'JWT_AUDIENCE', 'CORS_ALLOWED_ORIGINS']),
        );
        expect(JSON.stringify(props.Environment.Variables.JWT_ISSUER)).toContain(`https://cognito-idp.${deployment.region}.amazonaws.com/`);

        const policy = Object.values(template.findResources('AWS::IAM::Policy')).find(
          (p) => p.Properties.Roles[0].Ref === logicalId(fn.executionRole),
        )!;
        const statements = policy.Properties.PolicyDocument.Statement as { Effect: string; Action: string | string[]; Condition?: unknown }[];
        const allowed = statements.filter((st) => st.Effect === 'Allow');
        const actions = allowed.flatMap((st) => st.Action);
        expect(actions).toContain('dynamodb:Query');
        expect(actions).not.toContain('dynamodb:Scan');
        // A GET writes nothing but its processing-log records (the conditioned PutItem of bindVerwerkingenlog).
        const unconditioned = allowed.filter((st) => st.Condition === undefined).flatMap((st) => st.Action);
        if (route.method === 'GET') expect(unconditioned).not.toContain('dynamodb:PutItem');
        else expect(unconditioned).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem']));
      }
    });

    it('lets only the routes marked machineClients create and delete app clients, in the deployment\'s user pool only', () => {
      expect(allRoutes.some((r) => r.machineClients)).toBe(true);
      for (const route of allRoutes) {
        const fn = t.stacks.stateless.routeFunctions.get(route)!;
        const template = t.groups.get(route.tag)!;
        const variables = template.findResources('AWS::Lambda::Function')[logicalId(fn)]!.Properties.Environment.Variables as Record<string, unknown>;
        const statements = Object.values(template.findResources('AWS::IAM::Policy'))
          .filter((p) => p.Properties.Roles[0].Ref === logicalId(fn.executionRole))
          .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
        const cognito = statements.filter((st) => [st.Action].flat().some((a) => a.startsWith('cognito-idp:')));
        if (route.machineClients) {
          expect(Object.keys(variables)).toEqual(expect.arrayContaining(['USER_POOL_ID', 'TOKEN_URL']));
          expect(variables.MACHINE_CLIENT_ADAPTER).toBe('cognito');
          expect(JSON.stringify(variables.TOKEN_URL)).toMatch(new RegExp(`amazoncognito\\.com/oauth2/token`));
          expect(cognito).toHaveLength(1);
          expect([cognito[0]!.Action].flat().sort()).toEqual(['cognito-idp:CreateUserPoolClient', 'cognito-idp:DeleteUserPoolClient']);
          expect(JSON.stringify(cognito[0]!.Resource)).toContain('UserPool');
        } else {
          expect(variables.USER_POOL_ID, routeKey(route)).toBeUndefined();
          expect(cognito, routeKey(route)).toEqual([]);
        }
      }
    });

    it('lets every API function, consumer and job append to the processing log, never change it, and read the pseudonym key', () => {
      const secretRef = (template: Template) => {
        const outputs = t.stateful.toJSON().Outputs as Record<string, { Value: unknown; Export: { Name: string } }>;
        const ref = { Ref: logicalId(t.stacks.stateful.pseudoniemSleutel) };
        expect(template).not.toBe(t.stateful);
        return { 'Fn::ImportValue': Object.values(outputs).find((o) => JSON.stringify(o.Value) === JSON.stringify(ref))?.Export.Name };
      };
      const writers = [
        ...[...t.stacks.stateless.routeFunctions.entries()].map(([route, fn]) => [fn, t.groups.get(route.tag)!] as const),
        ...resourcesOf([[t.stacks.stateless.node.path, t.stateless]], 'AWS::Lambda::Function')
          .filter((f) => /^(Consumer of|Scheduled job)/.test(f.Properties.Description as string))
          .map((f) => [f.id, t.stateless] as const),
      ];
      expect(writers.length).toBe(allRoutes.length + Object.keys(queueDefinitions).length + Object.keys(scheduleDefinitions).length);
      const logKeys = { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['VERWERKING#*'] } };
      for (const [fn, template] of writers) {
        const fnId = typeof fn === 'string' ? fn : logicalId(fn);
        const props = template.findResources('AWS::Lambda::Function')[fnId]!.Properties;
        expect(props.Environment.Variables.PSEUDONIEM_SLEUTEL_ARN, fnId).toEqual(secretRef(template));
        const roleId = props.Role['Fn::GetAtt'][0] as string;
        const statements = Object.values(template.findResources('AWS::IAM::Policy'))
          .filter((p) => p.Properties.Roles[0].Ref === roleId)
          .flatMap((p) => p.Properties.PolicyDocument.Statement as Record<string, unknown>[]);
        expect(statements, fnId).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ Effect: 'Allow', Action: 'dynamodb:PutItem', Condition: logKeys }),
            expect.objectContaining({ Effect: 'Deny', Action: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'], Condition: logKeys }),
            expect.objectContaining({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secretRef(template) }),
          ]),
        );
      }
      // The key itself: generated at deployment, encrypted with the data key, retained with the table.
      t.stateful.hasResource('AWS::SecretsManager::Secret', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({
          GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
          KmsKeyId: { 'Fn::GetAtt': [logicalId(t.stacks.stateful.table.encryptionKey as Key), 'Arn'] },
        }),
      });
      for (const secret of Object.values(t.stateful.findResources('AWS::SecretsManager::Secret'))) expect(secret.Properties.SecretString).toBeUndefined();
    });

    it('uses Resource "*" only for the actions that have no resource-level permission (see infra/nag.ts)', () => {
      const allowedOnStar = new Set(['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'dynamodb:ListStreams']);
      for (const [, stack] of t.all) {
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

    it('lets only the gebruikers consumer make and delete user accounts, in the deployment\'s user pool, and no function change one', () => {
      const templates = [t.stateless, ...t.groups.values()];
      const policies = templates.flatMap((tpl) => Object.values(tpl.findResources('AWS::IAM::Policy')));
      const metActie = (actie: string) =>
        policies.filter((p) =>
          (p.Properties.PolicyDocument.Statement as { Action: string | string[] }[]).some((st) => [st.Action].flat().includes(actie)),
        );
      const consumer = Object.entries(t.stateless.findResources('AWS::Lambda::Function')).find(
        ([, f]) => f.Properties.Description === 'Consumer of gebruikers',
      )!;
      const variables = consumer[1].Properties.Environment.Variables as Record<string, unknown>;
      expect(variables.ACCOUNT_ADAPTER).toBe('cognito');
      expect(JSON.stringify(variables.USER_POOL_ID)).toContain('UserPool');
      const rol = (consumer[1].Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      const maken = metActie('cognito-idp:AdminCreateUser');
      expect(maken).toHaveLength(1);
      expect(maken[0]!.Properties.Roles).toEqual([{ Ref: rol }]);
      const statement = (maken[0]!.Properties.PolicyDocument.Statement as { Action: string[]; Resource: unknown }[]).find((st) =>
        [st.Action].flat().includes('cognito-idp:AdminCreateUser'),
      )!;
      expect([statement.Action].flat().sort()).toEqual(['cognito-idp:AdminCreateUser', 'cognito-idp:AdminDeleteUser', 'cognito-idp:AdminGetUser']);
      expect(JSON.stringify(statement.Resource)).toContain('UserPool');
      expect(metActie('cognito-idp:AdminDeleteUser')).toEqual(maken);
      for (const actie of ['cognito-idp:AdminUpdateUserAttributes', 'cognito-idp:AdminSetUserPassword', 'cognito-idp:AdminAddUserToGroup']) expect(metActie(actie), actie).toEqual([]);
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

    it('reads the table stream with at most two mappings: DynamoDB Streams throttles a shard with more than two readers', () => {
      const vanStream = resourcesOf(t.all, 'AWS::Lambda::EventSourceMapping').filter((m) => JSON.stringify(m.Properties.EventSourceArn).includes('StreamArn'));
      expect(vanStream).toHaveLength(Object.keys(streamConsumers).length);
      expect(vanStream.length).toBeLessThanOrEqual(2);
    });

    it("gives every function the deployment's API address as API_URL, above all those that build events and URLs with apiUrl()", () => {
      // The handlers that call apiUrl() today (events' dataref, the feed's links): found in the source, so a
      // new one is covered without editing this test; each must be among the functions that get API_URL.
      const roepen = readdirSync('functions', { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts') && /\bapiUrl\b/.test(readFileSync(join('functions', f), 'utf8')))
        .map((f) => `functions/${f.split('\\').join('/')}`)
        .sort();
      expect(roepen).toEqual(['functions/api/gebeurtenissen/gebeurtenissen.ts', 'functions/consumers/webhook-afleveren.ts']);
      const functies = resourcesOf(t.all, 'AWS::Lambda::Function');
      expect(functies.length).toBeGreaterThan(0);
      for (const f of functies) expect(f.Properties.Environment?.Variables?.API_URL, `${f.path}/${f.id}`).toBe(deployment.apiUrl);
      // By name: the webhooks consumer and the feed's route functions (the Gebeurtenissen group).
      const consumer = Object.values(t.stateless.findResources('AWS::Lambda::Function')).find((f) => f.Properties.Description === 'Consumer of webhooks')!;
      expect(consumer.Properties.Environment.Variables.API_URL).toBe(deployment.apiUrl);
      const feed = allRoutes.filter((r) => r.tag === 'Gebeurtenissen');
      expect(feed.length).toBeGreaterThan(0);
      for (const route of feed) {
        const fn = t.stacks.stateless.routeFunctions.get(route)!;
        const props = t.groups.get(route.tag)!.findResources('AWS::Lambda::Function')[logicalId(fn)]!.Properties;
        expect(props.Environment.Variables.API_URL, route.operationId).toBe(deployment.apiUrl);
      }
      expect(deployment.apiUrl).toMatch(/^https:\/\/[^/]+\/v1$/);
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

  it('checks resources inside a nested stack too, and the app-wide check fails the synth on them', () => {
    // The route group stacks are NestedStacks: a finding there must count like one in a top-level stack.
    const scratch = new App();
    const nested = new NestedStack(new Stack(scratch, 'Scratch'), 'Group');
    new Queue(nested, 'Bare');
    const report = new AwsSolutionsChecks().validateScope(scratch);
    expect(report.violations.find((v) => v.ruleName === 'AwsSolutions-SQS4')?.violatingResources.map((r) => r.constructPath)).toEqual([
      'Scratch/Group/Bare/Resource',
    ]);
    applyNagChecks(scratch);
    expect(() => scratch.synth()).toThrow(/Scratch\/Group\/Bare\/Resource[\s\S]*AwsSolutions-SQS4/);
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
          logKey: new Key(stack, 'LogKey'),
        }),
    ).toThrow(/functions\/api\/bestaat-niet\.ts .* does not exist/);
  });
});
