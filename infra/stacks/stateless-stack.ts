import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { TimeZone } from 'aws-cdk-lib';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { queueDefinitions, streamConsumers, type QueueName } from '../../shared/queues/definition';
import { scheduleDefinitions, type ScheduleDefinition } from '../../shared/schedules/definition';
import { corsBeleid } from '../../shared/http/cors';
import { allRoutes, defaultRouteHandler } from '../../shared/routes/manifest';
import type { RouteDefinition } from '../../shared/routes/route';
import { ENTITY_ATTRIBUTE } from '../../shared/table/definition';
import { mailDomain, type Deployment } from '../config/deployments';
import { pascal } from '../constructs/construct-ids';
import { WerkcoopFunction } from '../constructs/werkcoop-function';
import { acknowledgeHttpApiWithoutAuthorizer, acknowledgeQueueSendGrant, acknowledgeScheduleInvokeGrant, acknowledgeTableKeyWrite } from '../nag';
import { allePaginas, type PaginaDefinitie } from '../../shared/web/paginas';
import { PortaalStack } from './portaal-stack';
import { API_TIMEOUT, RouteGroupStack, routeGroupId, routeGroups } from './route-group-stack';
import type { QueuePair, StatefulStack, StreamConsumerName } from './stateful-stack';

export interface StatelessStackProps extends StackProps {
  readonly deployment: Deployment;
  readonly table: Table;
  readonly queues: Readonly<Record<QueueName, QueuePair>>;
  readonly streamFailureQueues: Readonly<Record<StreamConsumerName, IQueue>>;
  readonly userPool: UserPool;
  readonly humanClient: UserPoolClient;
  /** The user pool's token endpoint, for the functions that create machine clients. */
  readonly tokenUrl: string;
  /** Encrypts every log group (functions and API access logs); kept in the stateful stack with the logs' lifetime. */
  readonly logKey: IKey;
  /** The key of the processing log's pseudonyms: every function that logs processing reads it. */
  readonly pseudoniemSleutel: ISecret;
  /** The API's routes; the manifest's, except in tests that show the stacks' headroom with more. */
  readonly routes?: readonly RouteDefinition[];
  /** What the portal's sign-in needs of the user pool (the stateful stack's portaal client, issuer, login domain, address). */
  readonly portaalInlogOmgeving: StatefulStack['portaalInlogOmgeving'];
  /** The portal's pages; the page manifest's, except in tests. */
  readonly paginas?: readonly PaginaDefinitie[];
}

/** Consumers that send mail: they get the SES sender settings and the right to send as its domain. */
const MAIL_SENDING_QUEUES: ReadonlySet<QueueName> = new Set(['notificaties']);
/** Consumers that make accounts of partners' staff in the deployment's user pool. */
const ACCOUNT_MAKING_QUEUES: ReadonlySet<QueueName> = new Set(['gebruikers']);

/**
 * The code: the route functions behind an HTTP API (one per route group and kind of access, see
 * route-group-stack.ts), the queue consumers and the stream consumers. It
 * holds no data, so it can be destroyed and redeployed at will.
 *
 * This stack keeps what is shared and does not grow with the API: the HTTP API with its stage, access log
 * and `$default` route, the consumers, the scheduled jobs. The route functions, routes and integrations
 * are in one nested stack per resource group (RouteGroupStack), generated from the manifest: their
 * resources per route would otherwise bring this stack towards CloudFormation's 500 as the API grows.
 */
export class StatelessStack extends Stack {
  readonly api: HttpApi;
  /** Per resource group (route tag), its nested stack. */
  readonly routeGroups: ReadonlyMap<string, RouteGroupStack>;
  readonly routeFunctions: ReadonlyMap<RouteDefinition, WerkcoopFunction>;
  /** The portal's pages, generated from the page manifest, in a nested stack of their own. */
  readonly portaal: PortaalStack;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { deployment, table } = props;

    const issuer = `https://cognito-idp.${this.region}.amazonaws.com/${props.userPool.userPoolId}`;
    const apiEnvironment = {
      JWT_ISSUER: issuer,
      JWKS_URL: `${issuer}/.well-known/jwks.json`,
      JWT_AUDIENCE: props.humanClient.userPoolClientId,
      CORS_ALLOWED_ORIGINS: deployment.corsAllowedOrigins.join(','),
      // Where the links in mails and the pages point: the one portal address the stateful stack derives.
      PORTAAL_URL: props.portaalInlogOmgeving.PORTAAL_URL,
    };

    // Every unmatched method/path: it tells 405 from 404 from the manifest alone, so it gets no table.
    const notFound = new WerkcoopFunction(this, 'NotFound', {
      entry: defaultRouteHandler,
      deployment,
      description: '$default: problem+json 404/405',
      timeout: API_TIMEOUT,
      environment: apiEnvironment,
      logKey: props.logKey,
    });
    this.api = this.createHttpApi(deployment, notFound, props.logKey);

    this.routeGroups = new Map(
      [...routeGroups(props.routes ?? allRoutes)].map(([tag, routes]) => [
        tag,
        new RouteGroupStack(this, routeGroupId(tag), {
          deployment,
          tag,
          routes,
          api: this.api,
          table,
          logKey: props.logKey,
          environment: apiEnvironment,
          userPool: props.userPool,
          tokenUrl: props.tokenUrl,
          pseudoniemSleutel: props.pseudoniemSleutel,
        }),
      ]),
    );
    this.routeFunctions = new Map([...this.routeGroups.values()].flatMap((g) => [...g.routeFunctions]));
    this.portaal = new PortaalStack(this, 'Portaal', {
      deployment,
      paginas: props.paginas ?? allePaginas,
      api: this.api,
      table,
      logKey: props.logKey,
      environment: apiEnvironment,
      pseudoniemSleutel: props.pseudoniemSleutel,
      userPool: props.userPool,
      tokenUrl: props.tokenUrl,
      inlogOmgeving: props.portaalInlogOmgeving,
    });

    this.createQueueConsumers(deployment, props);
    this.createStreamConsumers(deployment, props);
    this.createSchedules(deployment, props);
  }

  /**
   * One EventBridge Scheduler schedule per scheduled job, invoking its function (the target creates a role
   * that may invoke only that function). The job reads the table, writes only its own checkpoint item
   * (its partition key, enforced by dynamodb:LeadingKeys) and sends to the queues it names.
   */
  private createSchedules(deployment: Deployment, props: StatelessStackProps): void {
    for (const job of Object.values(scheduleDefinitions)) {
      const fn = new WerkcoopFunction(this, `${pascal(job.name)}Job`, {
        entry: job.handler,
        deployment,
        description: `Scheduled job ${job.name} (${job.expression} ${job.timezone})`,
        timeout: Duration.seconds(job.timeoutSeconds),
        memorySize: job.memoryMb,
        logKey: props.logKey,
      })
        // A job that changes what it finds says so (the retention job erases people's data); others only read.
        .bindTable(props.table, (job as ScheduleDefinition).tableAccess ?? 'read')
        .bindVerwerkingenlog(props.table, props.pseudoniemSleutel);
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['dynamodb:UpdateItem'],
          resources: [props.table.tableArn],
          conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [`JOB#${job.name}`] } },
        }),
      );
      props.table.encryptionKey?.grant(fn, 'kms:Encrypt', 'kms:GenerateDataKey*');
      acknowledgeTableKeyWrite(fn.executionRole);
      for (const name of job.sendsTo) {
        const q = queueDefinitions[name as QueueName];
        fn.bindQueue(props.queues[q.name].queue, q);
      }
      // Its own role per schedule, assumable by EventBridge Scheduler only from this account.
      const role = new Role(this, `${pascal(job.name)}ScheduleRole`, {
        assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': this.account } } }),
        description: `werkcoop ${deployment.name}: EventBridge Scheduler invokes ${job.name}`,
      });
      acknowledgeScheduleInvokeGrant(role, fn);
      new Schedule(this, `${pascal(job.name)}Schedule`, {
        scheduleName: `werkcoop-${deployment.name}-${job.name}`,
        description: `werkcoop ${deployment.name}: ${job.name}`,
        schedule: ScheduleExpression.expression(job.expression, TimeZone.of(job.timezone)),
        target: new LambdaInvoke(fn, { role, retryAttempts: 2, maxEventAge: Duration.hours(2) }),
      });
    }
  }

  private createHttpApi(deployment: Deployment, notFound: WerkcoopFunction, logKey: IKey): HttpApi {
    const api = new HttpApi(this, 'Api', {
      apiName: `werkcoop-${deployment.name}`,
      description: `werkcoop ${deployment.name} (${deployment.arbeidsmarktregios.join(', ')})`,
      // The stage below is created explicitly: the implicit one cannot have access logging or throttling.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...deployment.corsAllowedOrigins],
        allowMethods: corsBeleid.allowMethods.map((m) => CorsHttpMethod[m]),
        allowHeaders: [...corsBeleid.allowHeaders],
        exposeHeaders: [...corsBeleid.exposeHeaders],
        maxAge: Duration.seconds(corsBeleid.maxAgeSeconds),
      },
    });

    // No authorizer, here nor on the routes of the route group stacks (see there why).
    new HttpRoute(api, 'DefaultRoute', {
      httpApi: api,
      routeKey: HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('NotFoundIntegration', notFound),
    });
    acknowledgeHttpApiWithoutAuthorizer(api);

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: deployment.logRetention, encryptionKey: logKey });
    new HttpStage(this, 'DefaultStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { ...deployment.apiThrottle },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // No query string, headers or body: those may carry personal data; the route key and status do not.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTimeEpoch',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            responseLength: '$context.responseLength',
            sourceIp: '$context.identity.sourceIp',
            protocol: '$context.protocol',
          }),
        ),
      },
    });
    return api;
  }

  private createQueueConsumers(deployment: Deployment, props: StatelessStackProps): void {
    for (const q of Object.values(queueDefinitions)) {
      const { queue } = props.queues[q.name];
      const sendsMail = MAIL_SENDING_QUEUES.has(q.name);
      const makesAccounts = ACCOUNT_MAKING_QUEUES.has(q.name);
      const consumer = new WerkcoopFunction(this, `${pascal(q.name)}Consumer`, {
        entry: q.consumer,
        deployment,
        description: `Consumer of ${q.name}`,
        timeout: Duration.seconds(q.consumerTimeoutSeconds),
        memorySize: q.memoryMb,
        logKey: props.logKey,
        environment: {
          // The nazorg consumer writes the invitations' personal links to the portal.
          PORTAAL_URL: props.portaalInlogOmgeving.PORTAAL_URL,
          ...(sendsMail ? { MAIL_ADAPTER: 'ses', MAIL_AFZENDER: deployment.mailAfzender } : {}),
          ...(makesAccounts ? { ACCOUNT_ADAPTER: 'cognito', USER_POOL_ID: props.userPool.userPoolId } : {}),
        },
      })
        .bindTable(props.table, 'readWrite')
        .bindVerwerkingenlog(props.table, props.pseudoniemSleutel);
      // The webhooks consumer re-sends a delivery to its own queue with a delay (its retries).
      if ('naarZichzelf' in q && q.naarZichzelf) consumer.bindQueue(queue, q);
      consumer.addEventSource(
        new SqsEventSource(queue, {
          batchSize: q.batchSize,
          maxBatchingWindow: Duration.seconds(q.maxBatchingWindowSeconds),
          reportBatchItemFailures: true,
          maxConcurrency: q.maxConcurrency,
        }),
      );
      if (makesAccounts) {
        // Creates users, reads one back (the retry check, and before a delete whose account it is) and deletes
        // revoked ones; it cannot change an existing user's attributes or password.
        consumer.addToRolePolicy(
          new PolicyStatement({
            actions: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser', 'cognito-idp:AdminDeleteUser'],
            resources: [props.userPool.userPoolArn],
          }),
        );
      }
      if (sendsMail) {
        // Only as the deployment's sender domain, not as any identity in the account.
        consumer.addToRolePolicy(
          new PolicyStatement({
            actions: ['ses:SendEmail'],
            resources: [`arn:${this.partition}:ses:${this.region}:${this.account}:identity/${mailDomain(deployment)}`],
          }),
        );
      }
    }
  }

  private createStreamConsumers(deployment: Deployment, props: StatelessStackProps): void {
    for (const [key, sc] of Object.entries(streamConsumers) as [StreamConsumerName, (typeof streamConsumers)[StreamConsumerName]][]) {
      const fn = new WerkcoopFunction(this, `${pascal(sc.name)}StreamConsumer`, {
        entry: sc.handler,
        deployment,
        description: `Stream consumer ${sc.name}`,
        timeout: Duration.seconds(sc.timeoutSeconds),
        memorySize: sc.memoryMb,
        logKey: props.logKey,
      });
      // The event source grants the stream. The forwarder needs no table (the record's new image is all it
      // reads) but each queue's URL and send right; the counters' consumer reads and writes the table.
      if ('naarWachtrijen' in sc && sc.naarWachtrijen) for (const q of Object.values(queueDefinitions)) fn.bindQueue(props.queues[q.name].queue, q);
      if ('tabel' in sc && sc.tabel) fn.bindTable(props.table, sc.tabel);
      const failureQueue = props.streamFailureQueues[key];
      // The on-failure destination is a queue under the same data key: sending to it is a queue grant too.
      acknowledgeQueueSendGrant(fn.executionRole);
      fn.addEventSource(
        new DynamoEventSource(props.table, {
          startingPosition: StartingPosition.TRIM_HORIZON,
          batchSize: sc.batchSize,
          retryAttempts: sc.maxRetryAttempts,
          bisectBatchOnError: true,
          reportBatchItemFailures: true,
          onFailure: new SqsDlq(failureQueue),
          filters: [
            FilterCriteria.filter({
              eventName: FilterRule.or(...sc.filter.eventNames),
              dynamodb: { NewImage: { [ENTITY_ATTRIBUTE]: { S: FilterRule.or(...sc.filter.entities) } } },
            }),
          ],
        }),
      );
    }
  }
}
