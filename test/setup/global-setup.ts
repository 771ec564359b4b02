import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { startSqsLocal } from '../../infra/local/sqs-local';
import './provided-context';

/**
 * One DynamoDB Local and one fauxqs for the whole run, on free ports: starting a JVM per file would cost
 * seconds each. Files stay apart by unique table and queue names, never by a shared fixed name.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [dynamodb, sqs] = await Promise.all([startDynamoDbLocal({ heapMb: 512 }), startSqsLocal()]);
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  project.provide('sqsEndpoint', sqs.endpoint);
  return async () => {
    await Promise.all([dynamodb.stop(), sqs.stop()]);
  };
}
