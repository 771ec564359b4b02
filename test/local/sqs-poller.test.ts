import { ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queueDefinitions } from '../../shared/queues/definition';
import type { LocalRuntime } from '../../infra/local/runtime';
import { startTestRuntime } from '../support/runtime';
import { queueFixture } from './fixtures/queue-consumer';

/**
 * Lambda's SQS semantics against the real fauxqs. The shared queue definition with a fixture consumer,
 * fewer receives before the DLQ, a 1 s visibility timeout and no batching window (it would outlast
 * that timeout), so redelivery is visible in seconds.
 */
const definition = {
  ...queueDefinitions.notificaties,
  consumer: 'test/local/fixtures/queue-consumer.ts',
  maxBatchingWindowSeconds: 0,
  maxReceiveCount: 2,
  maxConcurrency: 1,
};

/** A second queue that keeps the batching window, with a visibility timeout that outlasts it. */
const windowed = { ...definition, name: 'gebundeld', urlEnv: 'GEBUNDELD_QUEUE_URL', maxBatchingWindowSeconds: 1, batchSize: 5 };

let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({
    routes: [],
    queues: [definition, windowed],
    streamConsumers: [],
    visibilityTimeoutSeconds: (q) => (q.name === windowed.name ? 10 : 1),
  });
});
afterAll(() => rt?.stop());
beforeEach(() => {
  Object.assign(queueFixture(), { batches: [], throwNextBatch: false, hersteld: false });
});

const send = (...messages: { id: string; faal?: string }[]) =>
  rt.sqs.client.send(
    new SendMessageBatchCommand({
      QueueUrl: rt.queueUrl('notificaties'),
      Entries: messages.map((m, i) => ({ Id: String(i), MessageBody: JSON.stringify(m) })),
    }),
  );
const deliveriesOf = (id: string) => queueFixture().batches.flat().filter((d) => d.id === id);
const dlqMessages = async () => {
  const queue = rt.queues[0]!;
  const { Messages = [] } = await rt.sqs.client.send(
    new ReceiveMessageCommand({ QueueUrl: queue.dlqUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }),
  );
  return Messages.map((m) => (JSON.parse(m.Body ?? '{}') as { id: string }).id);
};

describe('SQS deliveries', () => {
  it('delivers a batch as an SQS event and deletes the messages that succeeded', async () => {
    await send({ id: 'a' }, { id: 'b' }, { id: 'c' });
    await rt.queueDeliveries.drain();

    const batches = queueFixture().batches;
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((d) => d.id)).toEqual(['a', 'b', 'c']);
    expect(batches[0]![0]!.record).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: rt.queues[0]!.arn,
      awsRegion: 'eu-central-1',
      attributes: { ApproximateReceiveCount: '1' },
      md5OfBody: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it('waits up to the batching window to fill a batch', async () => {
    for (const id of ['w1', 'w2', 'w3']) {
      await rt.sqs.client.send(new SendMessageCommand({ QueueUrl: rt.queueUrl('gebundeld'), MessageBody: JSON.stringify({ id }) }));
      await new Promise((r) => setTimeout(r, 150));
    }
    await rt.queueDeliveries.drain();
    expect(queueFixture().batches.map((b) => b.map((d) => d.id))).toEqual([['w1', 'w2', 'w3']]);
  });

  it('passes message attributes in the record', async () => {
    await rt.sqs.client.send(
      new SendMessageCommand({
        QueueUrl: rt.queueUrl('notificaties'),
        MessageBody: JSON.stringify({ id: 'attr' }),
        MessageAttributes: { soort: { DataType: 'String', StringValue: 'lidGoedgekeurd' } },
      }),
    );
    await rt.queueDeliveries.drain();
    expect(deliveriesOf('attr')[0]!.record.messageAttributes).toEqual({
      soort: { dataType: 'String', stringValue: 'lidGoedgekeurd', stringListValues: [], binaryListValues: [] },
    });
  });

  it('redelivers only the batch item failures, after the visibility timeout', async () => {
    await send({ id: 'goed' }, { id: 'wankel', faal: 'eenmaal' });
    await rt.queueDeliveries.idle();
    expect(deliveriesOf('wankel')).toHaveLength(1);

    await rt.queueDeliveries.drain();
    expect(deliveriesOf('goed').map((d) => d.receiveCount)).toEqual([1]);
    expect(deliveriesOf('wankel').map((d) => d.receiveCount)).toEqual([1, 2]);
  });

  it('deletes nothing when the consumer throws: the whole batch comes back', async () => {
    queueFixture().throwNextBatch = true;
    await send({ id: 'x' }, { id: 'y' });
    await rt.queueDeliveries.drain();
    expect(deliveriesOf('x').map((d) => d.receiveCount)).toEqual([1, 2]);
    expect(deliveriesOf('y').map((d) => d.receiveCount)).toEqual([1, 2]);
  });

  it('moves a message to the DLQ after maxReceiveCount while the rest of its batch succeeds, and redrives it', async () => {
    await send({ id: 'gif', faal: 'altijd' }, { id: 'gewoon' });
    await rt.queueDeliveries.drain();

    expect(deliveriesOf('gewoon')).toHaveLength(1);
    expect(deliveriesOf('gif')).toHaveLength(definition.maxReceiveCount);
    expect(await dlqMessages()).toEqual(['gif']);

    queueFixture().hersteld = true;
    const response = await fetch(`${rt.baseUrl}/local/dlq/notificaties/redrive`, { method: 'POST' });
    expect(await response.json()).toEqual({ queue: 'notificaties', redriven: 1 });
    await rt.queueDeliveries.drain();

    expect(deliveriesOf('gif')).toHaveLength(definition.maxReceiveCount + 1);
    expect(await dlqMessages()).toEqual([]);
  });
});
