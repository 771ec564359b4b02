import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../../shared/table/definition';

export interface LocalTable {
  readonly tableName: string;
  readonly tableArn: string;
  readonly streamArn: string;
}

// The definition names keys but not their types: every key of the single table is a string.
const stringAttribute = (name: string): AttributeDefinition => ({ AttributeName: name, AttributeType: 'S' });

const keyAttributes = (): AttributeDefinition[] => {
  const names = new Set<string>([tableDefinition.partitionKey, tableDefinition.sortKey]);
  for (const gsi of tableDefinition.globalSecondaryIndexes) {
    names.add(gsi.partitionKey);
    names.add(gsi.sortKey);
  }
  return [...names].map(stringAttribute);
};

const gsiSpec = (gsi: (typeof tableDefinition.globalSecondaryIndexes)[number]): GlobalSecondaryIndex => ({
  IndexName: gsi.indexName,
  KeySchema: [
    { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
    { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
  ],
  // The CDK stack projects ALL as well: reads through an index parse whole items.
  Projection: { ProjectionType: 'ALL' },
});

const describe = async (client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> => {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
};

/** DynamoDB Local now and then answers DescribeTable with InternalFailure while it backfills a new index. */
const isServerFault = (error: unknown): boolean => (error as { $fault?: string }).$fault === 'server';

/** A deadline rather than a number of tries: on a loaded machine an index backfill takes far longer. */
const ACTIVE_DEADLINE_MS = 90_000;

const waitActive = async (client: DynamoDBClient, tableName: string): Promise<TableDescription> => {
  for (const deadline = Date.now() + ACTIVE_DEADLINE_MS; Date.now() < deadline; ) {
    let table: TableDescription | undefined;
    try {
      table = await describe(client, tableName);
    } catch (error) {
      if (!isServerFault(error)) throw error;
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    const busy = table?.TableStatus !== 'ACTIVE' || table.GlobalSecondaryIndexes?.some((i) => i.IndexStatus !== 'ACTIVE');
    if (table && !busy) return table;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`table ${tableName} did not become ACTIVE within ${ACTIVE_DEADLINE_MS / 1000} s: is DynamoDB Local overloaded?`);
};

/**
 * Creates the table from the shared definition, or brings an existing one up to it (missing GSIs, the
 * stream, TTL), so a developer's persistent database follows the definition without being dropped.
 */
export const ensureTable = async (client: DynamoDBClient, tableName: string): Promise<LocalTable> => {
  let table = await describe(client, tableName);
  if (!table) {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: keyAttributes(),
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map(gsiSpec),
        StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType },
      }),
    );
    table = await waitActive(client, tableName);
  }

  const existing = new Set(table.GlobalSecondaryIndexes?.map((i) => i.IndexName));
  for (const gsi of tableDefinition.globalSecondaryIndexes.filter((g) => !existing.has(g.indexName))) {
    // UpdateTable takes one index creation per call.
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: keyAttributes(),
        GlobalSecondaryIndexUpdates: [{ Create: gsiSpec(gsi) }],
      }),
    );
    table = await waitActive(client, tableName);
  }

  const stream = table.StreamSpecification;
  if (!stream?.StreamEnabled || stream.StreamViewType !== tableDefinition.streamViewType) {
    if (stream?.StreamEnabled) {
      // A stream's view type cannot change in place: switch it off and on again.
      await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: false } }));
      await waitActive(client, tableName);
    }
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType },
      }),
    );
    table = await waitActive(client, tableName);
  }

  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  if (ttl.TimeToLiveDescription?.AttributeName !== tableDefinition.timeToLiveAttribute) {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      }),
    );
  }

  if (!table.TableArn || !table.LatestStreamArn) throw new Error(`table ${tableName} has no ARN or stream`);
  return { tableName, tableArn: table.TableArn, streamArn: table.LatestStreamArn };
};
