import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SQSClient } from '@aws-sdk/client-sqs';
import {
  queueDefinitions,
  streamConsumers,
  type QueueDefinition,
  type StreamConsumerDefinition,
} from '../../shared/queues/definition';
import { allRoutes, defaultRouteHandler } from '../../shared/routes/manifest';
import { allePaginas } from '../../shared/web/paginas';
import { bouwStatischeBestanden } from '../web/statisch';
import type { RouteDefinition } from '../../shared/routes/route';
import { LOCAL_CREDENTIALS, LOCAL_REGION, localDynamoDbClient, localDynamoDbStreamsClient, localSqsClient } from './aws-local';
import { corsConfig, LOCAL_DEFAULT_CORS_ORIGINS } from './cors';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
import { createApiServer, listen } from './http-server';
import { installDynamoDbCommandHook } from './invocation-scope';
import { createLocalIssuer, issuerKeyFile, localTokenUrl, localUsersDir, type LocalIssuer, type MintTokenOptions } from './issuer';
import { createHandlerLoader, lambdaContext, localFunctionName } from './lambda';
import { localEndpoints } from './local-endpoints';
import { consoleLog, type RuntimeLog } from './log';
import { mailOutbox, type MailOutbox } from './mail-outbox';
import { PROJECT_ROOT } from './paths';
import { PortInUseError } from './ports';
import { localPseudoniemSleutel } from './pseudoniem-sleutel';
import { ensureQueues, type LocalQueue } from './queue-setup';
import { startSqsLocal, type SqsLocal } from './sqs-local';
import { scheduleDefinitions, type ScheduleDefinition } from '../../shared/schedules/definition';
import { startScheduler, type LocalScheduler, type SchedulerOptions } from './scheduler';
import { startSqsPoller, type SqsPoller, type WaitOptions } from './sqs-poller';
import { startStreamPoller, type StreamPoller } from './stream-poller';
import { ensureTable, type LocalTable } from './table-setup';
import { lokaalAccountRegister } from '../../shared/auth/gebruikersaccounts';
import { lokaalClientRegister } from '../../shared/auth/machine-clients';
import { API_SCOPE } from '../../shared/auth/rollen';

/** The Cognito pre-token-generation trigger: locally it gives client-credentials tokens their claims too. */
const TOKEN_CLAIMS_HANDLER = 'functions/auth/token-claims.ts';

export interface LocalRuntimeOptions {
  /** HTTP port; 0 picks a free one (tests). Default 3000. */
  readonly port?: number;
  /** Use running engines (tests share the global setup's) instead of starting them. */
  readonly dynamodbEndpoint?: string;
  readonly sqsEndpoint?: string;
  /** Start DynamoDB Local / fauxqs for the endpoints not given. Default true. */
  readonly startEngines?: boolean;
  /** Ports for engines this runtime starts; 0 or absent picks free ones. */
  readonly dynamodbPort?: number;
  readonly sqsPort?: number;
  readonly tableName?: string;
  /** Prepended to queue names, so runs sharing one fauxqs stay apart. */
  readonly queuePrefix?: string;
  /**
   * Where state that must survive a restart lives (npm start: .data): the database (when this runtime
   * starts DynamoDB Local), the dev signing key and the stream checkpoints. Absent: all ephemeral.
   */
  readonly dataDir?: string;
  /** Where the 'bestand' mail adapter writes mails. Default <dataDir>/mail, or a new temp dir. */
  readonly mailOutboxDir?: string;
  /** Comma list; default the runtime's own address (the portal is served here), or http://localhost:5173 on a free port (tests). */
  readonly corsAllowedOrigins?: string;
  readonly powertoolsLogLevel?: string;
  /** Tests only: other routes, queues or stream consumers (fixtures). Default: the shared definitions. */
  readonly routes?: readonly RouteDefinition[];
  readonly defaultRouteHandler?: string;
  readonly queues?: readonly QueueDefinition[];
  readonly streamConsumers?: readonly StreamConsumerDefinition[];
  /** Tests only: other scheduled jobs, another clock or tick, or on-demand only. Default: the shared definitions, on their schedules. */
  readonly schedules?: readonly ScheduleDefinition[];
  readonly scheduler?: Pick<SchedulerOptions, 'now' | 'tickMs' | 'automatic'>;
  /** Tests only: shorter visibility timeouts than 6× the consumer timeout. */
  readonly visibilityTimeoutSeconds?: (q: QueueDefinition) => number;
  readonly streamPollIntervalMs?: number;
  readonly streamRetryBackoffMs?: number;
  readonly log?: RuntimeLog;
  /** Start-up steps as they happen, for npm start's progress lines. */
  readonly onProgress?: (step: string) => void;
}

export interface LocalRuntime {
  /** e.g. http://localhost:3000 — the API's base URL; paths start with /v1. */
  readonly baseUrl: string;
  readonly port: number;
  readonly table: LocalTable;
  readonly queues: readonly LocalQueue[];
  queueUrl(name: string): string;
  readonly dynamodb: { readonly endpoint: string; readonly client: DynamoDBClient; readonly engine: DynamoDbLocal | undefined };
  readonly sqs: { readonly endpoint: string; readonly client: SQSClient; readonly engine: SqsLocal | undefined };
  readonly issuer: { readonly issuerUrl: string; readonly jwksUrl: string; readonly audience: string };
  mintToken(options: MintTokenOptions): Promise<string>;
  /** Queue deliveries: idle() (nothing deliverable left), drain() (all done or in a DLQ), redriveDlq(name). */
  readonly queueDeliveries: Pick<SqsPoller, 'idle' | 'drain' | 'redriveDlq'>;
  readonly streamDeliveries: Pick<StreamPoller, 'idle'>;
  /** Scheduled jobs: run one now (`npm run job`), when each runs next, the runs so far. */
  readonly jobs: Pick<LocalScheduler, 'runNow' | 'nextRuns' | 'runs' | 'idle'>;
  /** Waits until stream and queue deliveries are both idle, including what each caused in the other. */
  settle(options?: WaitOptions): Promise<void>;
  readonly mail: MailOutbox;
  /** The environment handed to the handlers (also set on process.env). */
  readonly env: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

// Handlers read their environment once per process (shared/config/env.ts caches it), so two runtimes
// in one process would silently share the first one's table and queues.
let active = false;

export const startLocalRuntime = async (options: LocalRuntimeOptions = {}): Promise<LocalRuntime> => {
  if (active) throw new Error('a local runtime is already running in this process: handlers read their environment once; use one runtime per process (per test file)');
  active = true;
  const progress = options.onProgress ?? (() => undefined);
  const log = options.log ?? consoleLog;
  const cleanups: (() => Promise<unknown> | void)[] = [];
  const cleanUp = async () => {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch((e: unknown) => log.error('stopping failed', e));
    cleanups.length = 0;
    active = false;
  };

  try {
    const startEngines = options.startEngines ?? true;
    const need = (what: string) => new Error(`no ${what} endpoint given and startEngines is false`);

    const [ddbStart, sqsStart] = await Promise.allSettled([
      options.dynamodbEndpoint
        ? undefined
        : startEngines
          ? (progress('DynamoDB Local starten …'),
            startDynamoDbLocal({
              ...(options.dynamodbPort ? { port: options.dynamodbPort } : {}),
              ...(options.dataDir ? { dbPath: join(options.dataDir, 'dynamodb') } : {}),
            }))
          : Promise.reject(need('DynamoDB')),
      options.sqsEndpoint
        ? undefined
        : startEngines
          ? (progress('SQS (fauxqs) starten …'), startSqsLocal({ ...(options.sqsPort ? { port: options.sqsPort } : {}) }))
          : Promise.reject(need('SQS')),
    ]);
    // Whichever engine did start is stopped again if the other failed.
    const ddbEngine = ddbStart.status === 'fulfilled' ? ddbStart.value : undefined;
    const sqsEngine = sqsStart.status === 'fulfilled' ? sqsStart.value : undefined;
    if (ddbEngine) cleanups.push(() => ddbEngine.stop());
    if (sqsEngine) cleanups.push(() => sqsEngine.stop());
    if (ddbStart.status === 'rejected') throw ddbStart.reason;
    if (sqsStart.status === 'rejected') throw sqsStart.reason;
    const dynamodbEndpoint = options.dynamodbEndpoint ?? ddbEngine!.endpoint;
    const sqsEndpoint = options.sqsEndpoint ?? sqsEngine!.endpoint;

    const dynamodb = localDynamoDbClient(dynamodbEndpoint);
    const streamsClient = localDynamoDbStreamsClient(dynamodbEndpoint);
    const sqs = localSqsClient(sqsEndpoint);
    cleanups.push(() => (dynamodb.destroy(), streamsClient.destroy(), sqs.destroy()));

    progress('tabel en wachtrijen aanmaken …');
    const tableName = options.tableName ?? 'werkcoop';
    const [table, queues] = await Promise.all([
      ensureTable(dynamodb, tableName),
      ensureQueues(sqs, options.queues ?? Object.values(queueDefinitions), {
        prefix: options.queuePrefix ?? '',
        ...(options.visibilityTimeoutSeconds ? { visibilityTimeoutSeconds: options.visibilityTimeoutSeconds } : {}),
      }),
    ]);

    const outbox = mailOutbox(
      options.mailOutboxDir ?? (options.dataDir ? join(options.dataDir, 'mail') : mkdtempSync(join(tmpdir(), 'werkcoop-mail-'))),
    );
    const loadHandler = createHandlerLoader(PROJECT_ROOT);
    // Machine clients made by approvals (a hash of each secret, never the secret), read by the token endpoint.
    const clients = lokaalClientRegister(options.dataDir ? join(options.dataDir, 'issuer', 'clients') : mkdtempSync(join(tmpdir(), 'werkcoop-clients-')));
    // Accounts of partners' staff, where the user pool keeps them in AWS; `npm run token -- --gebruiker` reads them.
    const accounts = lokaalAccountRegister(options.dataDir ? localUsersDir(options.dataDir) : mkdtempSync(join(tmpdir(), 'werkcoop-gebruikers-')));
    const tokenClaims = async (clientId: string): Promise<Record<string, string>> => {
      const trigger = await loadHandler(TOKEN_CLAIMS_HANDLER);
      const event = {
        version: '3',
        triggerSource: 'TokenGeneration_ClientCredentials',
        region: LOCAL_REGION,
        userPoolId: 'lokaal',
        userName: clientId,
        callerContext: { awsSdkVersion: 'lokaal', clientId },
        request: { userAttributes: {}, groupConfiguration: {}, scopes: [API_SCOPE] },
        response: { claimsAndScopeOverrideDetails: {} },
      };
      const uit = (await trigger(event, lambdaContext(localFunctionName('tokenClaims'), 5))) as {
        response: { claimsAndScopeOverrideDetails?: { accessTokenGeneration?: { claimsToAddOrOverride?: Record<string, string> } } };
      };
      return uit.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride ?? {};
    };
    const pollers: { sqs?: SqsPoller; streams?: StreamPoller; scheduler?: LocalScheduler } = {};
    let issuer: LocalIssuer | undefined;
    let overview: Record<string, unknown> = {};

    const requestedPort = options.port ?? 3000;
    // The portal is served by this runtime itself: by default its own address is the allowed origin.
    const cors = corsConfig(options.corsAllowedOrigins ?? (requestedPort ? `http://localhost:${requestedPort}` : LOCAL_DEFAULT_CORS_ORIGINS));
    progress('portaal: stijlen bouwen …');
    const statisch = bouwStatischeBestanden(options.dataDir ? join(options.dataDir, 'statisch') : mkdtempSync(join(tmpdir(), 'werkcoop-statisch-')));
    const server = createApiServer({
      // The API's routes and the portal's pages behind one HTTP API, as in AWS.
      routes: options.routes ?? [...allRoutes, ...allePaginas.map((p) => ({ operationId: p.id, method: p.method, path: p.path, handler: p.handler }))],
      defaultRouteHandler: options.defaultRouteHandler ?? defaultRouteHandler,
      loadHandler,
      cors,
      log,
      localEndpoints: localEndpoints({
        issuer: () => issuer!,
        outbox,
        redriveDlq: (q) => pollers.sqs!.redriveDlq(q),
        runJob: (name, event) => pollers.scheduler!.runNow(name, event),
        overview: () => overview,
        clientCredentials: { issuer: () => issuer!, clients, claims: tokenClaims },
        inloggen: { stijl: statisch.stijl, accounts },
      }),
    });
    const port = await listen(server, requestedPort).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE' ? new PortInUseError(requestedPort, 'PORT') : error;
    });
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    const baseUrl = `http://localhost:${port}`;

    issuer = await createLocalIssuer({ baseUrl, ...(options.dataDir ? { keyFile: issuerKeyFile(options.dataDir) } : {}) });

    // Set before any handler module is imported: they read it once, at load.
    const env: Record<string, string> = {
      TABLE_NAME: table.tableName,
      DYNAMODB_ENDPOINT: dynamodbEndpoint,
      SQS_ENDPOINT: sqsEndpoint,
      ...Object.fromEntries(queues.map((q) => [q.definition.urlEnv, q.url])),
      JWT_ISSUER: issuer.issuerUrl,
      JWT_AUDIENCE: issuer.audience,
      JWKS_URL: issuer.jwksUrl,
      CORS_ALLOWED_ORIGINS: cors.allowOrigins.join(','),
      PORTAAL_URL: baseUrl,
      PORTAAL_STIJL: statisch.stijl,
      // Only here, never in a stack: /portaal/inloggen then goes to the local sign-in page instead of Cognito.
      PORTAAL_INLOGGEN: 'lokaal',
      // Only here, never in a stack: webhook callbacks may reach a receiver on loopback (shared/webhooks/verzenden.ts).
      WEBHOOKS_LOOPBACK_TOESTAAN: 'ja',
      STATISCH_DIR: statisch.dir,
      MAIL_ADAPTER: 'bestand',
      MAIL_OUTBOX_DIR: outbox.dir,
      MACHINE_CLIENT_ADAPTER: 'lokaal',
      LOCAL_CLIENTS_DIR: clients.dir,
      ACCOUNT_ADAPTER: 'lokaal',
      LOCAL_USERS_DIR: accounts.dir,
      TOKEN_URL: localTokenUrl(baseUrl),
      LOKALE_API_URL: `${baseUrl}/v1`,
      PSEUDONIEM_SLEUTEL: localPseudoniemSleutel(options.dataDir),
      AWS_REGION: LOCAL_REGION,
      AWS_DEFAULT_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: options.powertoolsLogLevel ?? 'INFO',
      POWERTOOLS_SERVICE_NAME: 'werkcoop',
    };
    const previousEnv = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    cleanups.push(() => {
      for (const [k, v] of Object.entries(previousEnv)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    });
    installDynamoDbCommandHook();

    progress('bezorging van wachtrijen en stream starten …');
    pollers.sqs = startSqsPoller({ client: sqs, queues, loadHandler, log });
    cleanups.push(() => pollers.sqs?.stop());
    pollers.streams = startStreamPoller({
      client: streamsClient,
      streamArn: table.streamArn,
      consumers: options.streamConsumers ?? Object.values(streamConsumers),
      loadHandler,
      log,
      ...(options.dataDir ? { checkpointDir: join(options.dataDir, 'streams', table.tableName) } : {}),
      ...(options.streamPollIntervalMs !== undefined ? { pollIntervalMs: options.streamPollIntervalMs } : {}),
      ...(options.streamRetryBackoffMs !== undefined ? { retryBackoffMs: options.streamRetryBackoffMs } : {}),
    });
    cleanups.push(() => pollers.streams?.stop());
    pollers.scheduler = startScheduler({ schedules: options.schedules ?? Object.values(scheduleDefinitions), loadHandler, log, ...options.scheduler });
    cleanups.push(() => pollers.scheduler?.stop());

    overview = {
      api: baseUrl,
      portaal: `${baseUrl}/portaal`,
      inloggen: `${baseUrl}/local/inloggen (lokaal inloggen in het portaal, als een rol of een lokaal account)`,
      dynamodb: { endpoint: dynamodbEndpoint, table: table.tableName, dbPath: ddbEngine?.dbPath ?? null },
      sqs: { endpoint: sqsEndpoint, queues: Object.fromEntries(queues.map((q) => [q.name, { url: q.url, dlq: q.dlqUrl }])) },
      jwks: issuer.jwksUrl,
      tokens: `POST ${baseUrl}/local/tokens {"rol": "coopAdmin"}`,
      clientCredentials: `POST ${localTokenUrl(baseUrl)} grant_type=client_credentials (Basic <clientId>:<clientSecret> of an approved regiopartner)`,
      mail: { dir: outbox.dir, list: `${baseUrl}/local/mail` },
      dlqRedrive: `POST ${baseUrl}/local/dlq/{queue}/redrive`,
      jobs: { run: `POST ${baseUrl}/local/jobs/{job}/run`, next: pollers.scheduler.nextRuns() },
    };

    const sqsPoller = pollers.sqs;
    const streamPoller = pollers.streams;
    const scheduler = pollers.scheduler;
    const localIssuer = issuer;
    let stopped = false;
    return {
      baseUrl,
      port,
      table,
      queues,
      queueUrl: (name) => {
        const queue = queues.find((q) => q.definition.name === name || q.name === name);
        if (!queue) throw new Error(`unknown queue ${name}`);
        return queue.url;
      },
      dynamodb: { endpoint: dynamodbEndpoint, client: dynamodb, engine: ddbEngine },
      sqs: { endpoint: sqsEndpoint, client: sqs, engine: sqsEngine },
      issuer: { issuerUrl: localIssuer.issuerUrl, jwksUrl: localIssuer.jwksUrl, audience: localIssuer.audience },
      mintToken: (o) => localIssuer.mintToken(o),
      queueDeliveries: { idle: (o) => sqsPoller.idle(o), drain: (o) => sqsPoller.drain(o), redriveDlq: (q) => sqsPoller.redriveDlq(q) },
      streamDeliveries: { idle: (o) => streamPoller.idle(o) },
      jobs: { runNow: (n, e) => scheduler.runNow(n, e), nextRuns: () => scheduler.nextRuns(), runs: scheduler.runs, idle: () => scheduler.idle() },
      async settle(o) {
        // A stream delivery can send to a queue and a queue consumer can write the table: go round twice.
        for (let round = 0; round < 2; round++) {
          await streamPoller.idle(o);
          await sqsPoller.idle(o);
        }
      },
      mail: outbox,
      env,
      async stop() {
        if (stopped) return;
        stopped = true;
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
};
