import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { tableDefinition } from '../../shared/table/definition';
import { localDynamoDbClient } from '../../infra/local/aws-local';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { PortInUseError } from '../../infra/local/ports';
import { ensureTable } from '../../infra/local/table-setup';
import { testDynamoDbClient, uniqueName } from '../support/engines';

describe('DynamoDB Local', () => {
  it('keeps data across a restart with -dbPath, and leaves no JVM behind', async () => {
    const dbPath = mkdtempSync(join(tmpdir(), 'werkcoop-ddb-'));
    const first = await startDynamoDbLocal({ dbPath });
    const client = localDynamoDbClient(first.endpoint);
    const { tableName } = await ensureTable(client, 'werkcoop');
    await client.send(new PutItemCommand({ TableName: tableName, Item: { pk: { S: 'LID#1' }, sk: { S: 'LID' }, naam: { S: 'Bakkerij De Verwachting' } } }));
    client.destroy();
    await first.stop();
    expect(existsSync(`/proc/${first.pid}`)).toBe(false);

    const second = await startDynamoDbLocal({ dbPath });
    const again = localDynamoDbClient(second.endpoint);
    try {
      await ensureTable(again, 'werkcoop');
      const { Item } = await again.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: 'LID#1' }, sk: { S: 'LID' } } }));
      expect(Item?.naam?.S).toBe('Bakkerij De Verwachting');
    } finally {
      again.destroy();
      await second.stop();
    }
  });

  it('says which port is taken and how to choose another', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const error = await startDynamoDbLocal({ port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PortInUseError);
      expect((error as Error).message).toBe(`port ${port} is in use: stop the other process or set WERKCOOP_DYNAMODB_PORT`);
    } finally {
      blocker.close();
    }
  });
});

describe('table setup', () => {
  it('creates the table from the shared definition: keys, GSIs, stream, on demand', async () => {
    const client = testDynamoDbClient();
    const { tableName } = await ensureTable(client, uniqueName('werkcoop'));
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    client.destroy();

    expect(Table?.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(tableDefinition.globalSecondaryIndexes.map((g) => g.indexName).sort());
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: tableDefinition.streamViewType });
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('is idempotent and adds what an older table lacks (GSIs, stream)', async () => {
    // Its own in-memory engine: backfilling new indexes on the run's shared engine waits behind every
    // other test file's load; here it takes seconds.
    const engine = await startDynamoDbLocal({});
    const client = localDynamoDbClient(engine.endpoint);
    try {
      const tableName = uniqueName('oud');
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
        }),
      );
      const first = await ensureTable(client, tableName);
      const second = await ensureTable(client, tableName);
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));

      expect(second.streamArn).toBe(first.streamArn);
      expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(tableDefinition.globalSecondaryIndexes.map((g) => g.indexName).sort());
      expect(Table?.StreamSpecification?.StreamEnabled).toBe(true);
    } finally {
      client.destroy();
      await engine.stop();
    }
  }, 180_000);
});
