import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { inject } from 'vitest';
import { queueDefinitions, type QueueDefinition } from '../../shared/queues/definition';
import { localDynamoDbClient, localSqsClient } from '../../infra/local/aws-local';
import { ensureQueues, type LocalQueue, type QueueSetupOptions } from '../../infra/local/queue-setup';
import { ensureTable } from '../../infra/local/table-setup';
import '../setup/provided-context';

/** The run's shared engines; connected tests refuse to run without them instead of reaching for AWS. */
export const testEngines = (): { dynamodbEndpoint: string; sqsEndpoint: string } => {
  const dynamodbEndpoint = inject('dynamodbEndpoint');
  const sqsEndpoint = inject('sqsEndpoint');
  if (!dynamodbEndpoint || !sqsEndpoint) {
    throw new Error('no local engines: run connected tests through vitest (vitest.config.ts starts them in test/setup/global-setup.ts)');
  }
  return { dynamodbEndpoint, sqsEndpoint };
};

/** `t3f9a0c1b-<base>`: unique per call, so files and reruns never share a table or a queue. */
export const uniqueName = (base: string): string => `t${randomBytes(4).toString('hex')}-${base}`;

export const testDynamoDbClient = (): DynamoDBClient => localDynamoDbClient(testEngines().dynamodbEndpoint);
export const testSqsClient = (): SQSClient => localSqsClient(testEngines().sqsEndpoint);

/** A new table from the shared definition (keys, GSIs, stream, TTL); answers its unique name. */
export const createTestTable = async (base = 'werkcoop'): Promise<string> => {
  const client = testDynamoDbClient();
  try {
    return (await ensureTable(client, uniqueName(base))).tableName;
  } finally {
    client.destroy();
  }
};

/** The shared queues (or the given definitions) with their DLQs, under a unique prefix. */
export const createTestQueues = async (
  definitions: readonly QueueDefinition[] = Object.values(queueDefinitions),
  options: QueueSetupOptions = {},
): Promise<LocalQueue[]> => {
  const client = testSqsClient();
  try {
    return await ensureQueues(client, definitions, { prefix: uniqueName(''), ...options });
  } finally {
    client.destroy();
  }
};
