import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env, requireEnv } from '../config/env';

declare global {
  /** Installed by the local runtime and the tests to count DynamoDB operations per request. */
  var __werkcoopOnDynamoDbCommand: ((command: string) => void) | undefined;
}

const maakClient = () => {
  const { DYNAMODB_ENDPOINT } = env();
  const base = new DynamoDBClient(DYNAMODB_ENDPOINT ? { endpoint: DYNAMODB_ENDPOINT } : {});
  // Counting happens at the SDK's initialize step, so every command is counted once, retries excluded.
  base.middlewareStack.add(
    (next, context) => (args) => {
      globalThis.__werkcoopOnDynamoDbCommand?.(String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'werkcoopOperatieTeller' },
  );
  return DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
};

let client: DynamoDBDocumentClient | undefined;
/** One client per container, created on first use and reused across invocations. */
export const dynamo = (): DynamoDBDocumentClient => (client ??= maakClient());
export const tabel = (): string => requireEnv('TABLE_NAME');
