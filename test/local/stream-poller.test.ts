import { PutItemCommand, TransactWriteItemsCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { streamConsumers } from '../../shared/queues/definition';
import { ENTITY_ATTRIBUTE } from '../../shared/table/definition';
import type { LocalRuntime } from '../../infra/local/runtime';
import { startTestRuntime } from '../support/runtime';
import { streamFixture } from './fixtures/stream-consumer';

/** The real table's stream, the shared consumer definition (filter included) with a fixture handler. */
const definition = {
  ...streamConsumers.outboxDoorsturen,
  handler: 'test/local/fixtures/stream-consumer.ts',
  batchSize: 2,
  maxRetryAttempts: 2,
};

let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({ routes: [], queues: [], streamConsumers: [definition] });
});
afterAll(() => rt?.stop());
beforeEach(() => {
  Object.assign(streamFixture(), { batches: [], seen: new Set() });
});

const item = (id: string, entiteit: string, extra: Record<string, { S: string }> = {}) => ({
  TableName: rt.table.tableName,
  Item: { pk: { S: `NOTIFICATIE#${id}` }, sk: { S: 'NOTIFICATIE' }, [ENTITY_ATTRIBUTE]: { S: entiteit }, id: { S: id }, ...extra },
});
const put = (id: string, entiteit: string, extra: Record<string, { S: string }> = {}) =>
  rt.dynamodb.client.send(new PutItemCommand(item(id, entiteit, extra)));
/** One transaction, so the stream has all its records before the poller looks: batches become predictable. */
const putTogether = (...items: ReturnType<typeof item>[]) =>
  rt.dynamodb.client.send(new TransactWriteItemsCommand({ TransactItems: items.map((Put) => ({ Put })) }));
const deliveredIds = () => streamFixture().batches.flat().map((r) => r.dynamodb?.NewImage?.id?.S);

describe('DynamoDB stream deliveries', () => {
  it('delivers INSERTs of the filtered entity in order, in batches of batchSize, as Lambda records', async () => {
    await putTogether(item('n1', 'Notificatie'), item('lid', 'Lid'), item('n2', 'Notificatie'), item('n3', 'Notificatie'));
    await rt.dynamodb.client.send(
      new UpdateItemCommand({
        TableName: rt.table.tableName,
        Key: { pk: { S: 'NOTIFICATIE#n1' }, sk: { S: 'NOTIFICATIE' } },
        UpdateExpression: 'SET verzonden = :v',
        ExpressionAttributeValues: { ':v': { S: 'ja' } },
      }),
    );
    await rt.streamDeliveries.idle();

    expect(deliveredIds()).toEqual(['n1', 'n2', 'n3']);
    expect(streamFixture().batches.map((b) => b.length)).toEqual([2, 1]);
    const record = streamFixture().batches[0]![0]!;
    expect(record).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-central-1',
      eventSourceARN: rt.table.streamArn,
      dynamodb: {
        Keys: { pk: { S: 'NOTIFICATIE#n1' }, sk: { S: 'NOTIFICATIE' } },
        NewImage: { entiteit: { S: 'Notificatie' }, id: { S: 'n1' } },
        StreamViewType: 'NEW_IMAGE',
        SequenceNumber: expect.any(String),
        SizeBytes: expect.any(Number),
        ApproximateCreationDateTime: expect.any(Number),
      },
    });
    expect(record.eventID).toBeTruthy();
  });

  it('retries from the failed record, then goes on', async () => {
    await putTogether(item('r1', 'Notificatie'), item('r2', 'Notificatie', { gedrag: { S: 'eenmaalFout' } }), item('r3', 'Notificatie'));
    await rt.streamDeliveries.idle();

    expect(streamFixture().batches.map((b) => b.map((r) => r.dynamodb?.NewImage?.id?.S))).toEqual([['r1', 'r2'], ['r2'], ['r3']]);
  });

  it('after maxRetryAttempts skips the failing batch from the failed record on (as Lambda does), then goes on', async () => {
    await putTogether(item('p1', 'Notificatie', { gedrag: { S: 'altijdFout' } }), item('p2', 'Notificatie'));
    await rt.streamDeliveries.idle();
    await put('p3', 'Notificatie');
    await rt.streamDeliveries.idle();

    const batches = streamFixture().batches.map((b) => b.map((r) => r.dynamodb?.NewImage?.id?.S));
    expect(batches).toEqual([...Array.from({ length: 1 + definition.maxRetryAttempts }, () => ['p1', 'p2']), ['p3']]);
  });
});
