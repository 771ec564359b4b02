import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env, requireEnv } from '../config/env';

declare global {
  /** Installed by the local runtime and the tests to count DynamoDB operations per request. */
  var __werkcoopOnDynamoDbCommand: ((command: string) => void) | undefined;
}

const maakClient = (label = '') => {
  const { DYNAMODB_ENDPOINT } = env();
  const base = new DynamoDBClient(DYNAMODB_ENDPOINT ? { endpoint: DYNAMODB_ENDPOINT } : {});
  // Counting happens at the SDK's initialize step, so every command is counted once, retries excluded.
  base.middlewareStack.add(
    (next, context) => (args) => {
      globalThis.__werkcoopOnDynamoDbCommand?.(label + String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'werkcoopOperatieTeller' },
  );
  return DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
};

let client: DynamoDBDocumentClient | undefined;
/** One client per container, created on first use and reused across invocations. */
export const dynamo = (): DynamoDBDocumentClient => (client ??= maakClient());

/** How the processing log's own writes are named to the operation counter (see `verwerkingenDynamo`). */
export const VERWERKINGENLOG_LABEL = 'Verwerkingenlog.';
let verwerkingenClient: DynamoDBDocumentClient | undefined;
/**
 * The client of the processing log's flush (shared/privacy/vastleggen.ts). Its commands reach the counter as
 * `Verwerkingenlog.<command>`, so the local runtime reports them apart from the request's own work: the
 * operation counts the tests and the benchmark assert stay those of the use case, and the log's one write
 * per request is asserted on its own.
 */
export const verwerkingenDynamo = (): DynamoDBDocumentClient => (verwerkingenClient ??= maakClient(VERWERKINGENLOG_LABEL));
export const tabel = (): string => requireEnv('TABLE_NAME');
