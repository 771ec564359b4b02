import { setMaxListeners } from 'node:events';
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type Message,
  type MessageAttributeValue,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import { LOCAL_REGION } from './aws-local';
import { runInvocationSettled } from './invocation-scope';
import { invokeWithTimeout, lambdaContext, localFunctionName, type HandlerLoader } from './lambda';
import { describeCommands, type RuntimeLog } from './log';
import type { LocalQueue } from './queue-setup';

export interface SqsPollerOptions {
  readonly client: SQSClient;
  readonly queues: readonly LocalQueue[];
  readonly loadHandler: HandlerLoader;
  readonly log: RuntimeLog;
  /** Long-poll wait per ReceiveMessage; short, so stop() and new messages are both quick. */
  readonly waitTimeSeconds?: number;
}

export interface WaitOptions {
  readonly timeoutMs?: number;
}

export interface SqsPoller {
  /**
   * Resolves when no batch is in flight and no message is waiting to be delivered; messages whose
   * delivery failed and that wait out their visibility timeout do not count (see drain()).
   */
  idle(options?: WaitOptions): Promise<void>;
  /** Resolves when every message has been deleted after success or has moved to its DLQ. */
  drain(options?: WaitOptions): Promise<void>;
  /** Moves every message of the queue's DLQ back to the queue (SQS' "start DLQ redrive"); answers how many. */
  redriveDlq(queueName: string): Promise<number>;
  stop(): Promise<void>;
}

export class UnknownQueueError extends Error {
  constructor(name: string, known: readonly string[]) {
    super(`unknown queue ${name}; one of ${known.join(', ')}`);
    this.name = 'UnknownQueueError';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const toRecordAttributes = (attributes: Record<string, MessageAttributeValue> | undefined): SQSMessageAttributes =>
  Object.fromEntries(
    Object.entries(attributes ?? {}).map(([name, a]) => [
      name,
      {
        dataType: a.DataType ?? 'String',
        ...(a.StringValue !== undefined ? { stringValue: a.StringValue } : {}),
        ...(a.BinaryValue !== undefined ? { binaryValue: Buffer.from(a.BinaryValue).toString('base64') } : {}),
        stringListValues: [],
        binaryListValues: [],
      },
    ]),
  );

/** The record Lambda's SQS event source builds from a received message. */
const toRecord = (message: Message, queue: LocalQueue): SQSRecord => {
  const a = message.Attributes ?? {};
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: a.ApproximateReceiveCount ?? '1',
      SentTimestamp: a.SentTimestamp ?? String(Date.now()),
      SenderId: a.SenderId ?? '',
      ApproximateFirstReceiveTimestamp: a.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: toRecordAttributes(message.MessageAttributes),
    md5OfBody: message.MD5OfBody ?? '',
    ...(message.MD5OfMessageAttributes ? { md5OfMessageAttributes: message.MD5OfMessageAttributes } : {}),
    eventSource: 'aws:sqs',
    eventSourceARN: queue.arn,
    awsRegion: LOCAL_REGION,
  };
};

/**
 * ReportBatchItemFailures: the ids to keep. A malformed answer (unknown or empty identifier) makes Lambda
 * treat the whole batch as failed, and so does the runtime.
 */
const failedIds = (result: unknown, batchIds: ReadonlySet<string>): Set<string> => {
  const failures = (result as Partial<SQSBatchResponse> | null | undefined)?.batchItemFailures;
  if (failures === undefined || failures === null) return new Set();
  if (!Array.isArray(failures)) return new Set(batchIds);
  const ids = new Set<string>();
  for (const f of failures) {
    const id = (f as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !batchIds.has(id)) return new Set(batchIds);
    ids.add(id);
  }
  return ids;
};

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** Delivers each queue's messages to its consumer with the semantics of Lambda's SQS event source mapping. */
export const startSqsPoller = (options: SqsPollerOptions): SqsPoller => {
  const { client, log } = options;
  const waitTimeSeconds = options.waitTimeSeconds ?? 1;
  const abort = new AbortController();
  // One signal is shared by every long poll of every queue's workers (maxConcurrency each): more than
  // Node's default of 10 listeners is expected here, not a leak.
  setMaxListeners(0, abort.signal);
  // Messages received and not yet settled, per queue: counted the moment ReceiveMessage returns.
  const holding = new Map<string, number>(options.queues.map((q) => [q.name, 0]));
  // Failed message id → when it becomes visible again, per queue.
  const waitingOut = new Map<string, Map<string, number>>(options.queues.map((q) => [q.name, new Map()]));
  // The visibility timeout runs from the receive, not from the end of the batch.
  const receivedUntil = new Map<string, number>();
  const hold = (queue: LocalQueue, n: number) => holding.set(queue.name, (holding.get(queue.name) ?? 0) + n);

  const receive = async (queue: LocalQueue, max: number, wait: number): Promise<Message[]> => {
    const { Messages = [] } = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: queue.url,
        MaxNumberOfMessages: max,
        WaitTimeSeconds: wait,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
      { abortSignal: abort.signal },
    );
    hold(queue, Messages.length);
    const visibleAgainAt = Date.now() + queue.visibilityTimeoutSeconds * 1000;
    for (const m of Messages) {
      waitingOut.get(queue.name)?.delete(m.MessageId ?? '');
      receivedUntil.set(m.MessageId ?? '', visibleAgainAt);
    }
    return Messages;
  };

  /**
   * A batch fills up to batchSize or until the batching window closes after the first message. Messages
   * go straight into `batch`, so whatever was received is released by the caller even if this throws.
   */
  const receiveBatch = async (queue: LocalQueue, batch: Message[]): Promise<void> => {
    const { batchSize, maxBatchingWindowSeconds } = queue.definition;
    batch.push(...(await receive(queue, Math.min(batchSize, 10), waitTimeSeconds)));
    if (!batch.length) return;
    const windowEnds = Date.now() + maxBatchingWindowSeconds * 1000;
    while (batch.length < batchSize && Date.now() < windowEnds && !abort.signal.aborted) {
      const more = await receive(queue, Math.min(batchSize - batch.length, 10), 0);
      if (more.length) batch.push(...more);
      else await sleep(Math.min(50, windowEnds - Date.now()));
    }
  };

  const deliver = async (queue: LocalQueue, messages: Message[]): Promise<void> => {
    const definition = queue.definition;
    const functionName = localFunctionName(`${definition.name}-consument`);
    const records = messages.map((m) => toRecord(m, queue));
    const context = lambdaContext(functionName, definition.consumerTimeoutSeconds);
    const outcome = await runInvocationSettled(async () => {
      const handler = await options.loadHandler(definition.consumer);
      return invokeWithTimeout(handler, { Records: records }, context, definition.consumerTimeoutSeconds);
    });
    const ids = new Set(records.map((r) => r.messageId));
    const failed = outcome.ok ? failedIds(outcome.result, ids) : ids;
    if (!outcome.ok) log.error(`${queue.name}: consumer failed on a batch of ${records.length}; nothing deleted`, outcome.error);

    const succeeded = records.filter((r) => !failed.has(r.messageId));
    for (const part of chunks(succeeded, 10)) {
      const result = await client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queue.url,
          Entries: part.map((r, i) => ({ Id: String(i), ReceiptHandle: r.receiptHandle })),
        }),
      );
      for (const f of result.Failed ?? []) log.error(`${queue.name}: delete failed: ${f.Message ?? f.Code}`);
    }
    for (const id of ids) {
      if (failed.has(id)) waitingOut.get(queue.name)?.set(id, receivedUntil.get(id) ?? 0);
      receivedUntil.delete(id);
    }
    log.info(
      `${queue.name}: batch of ${records.length} → ${succeeded.length} done, ${failed.size} back after ${queue.visibilityTimeoutSeconds} s (${describeCommands(outcome.scope.dynamodbCommands)})`,
    );
  };

  // One worker per allowed concurrent batch: Lambda's maximum concurrency for the event source.
  const worker = async (queue: LocalQueue): Promise<void> => {
    while (!abort.signal.aborted) {
      const messages: Message[] = [];
      try {
        await receiveBatch(queue, messages);
        if (messages.length) await deliver(queue, messages);
      } catch (error) {
        if (abort.signal.aborted) break;
        log.error(`${queue.name}: polling failed; retrying`, error);
        await sleep(500);
      } finally {
        hold(queue, -messages.length);
      }
    }
  };
  const workers = options.queues.flatMap((q) => Array.from({ length: q.definition.maxConcurrency }, () => worker(q)));

  const counts = async (queue: LocalQueue) => {
    const { Attributes = {} } = await client.send(
      new GetQueueAttributesCommand({
        QueueUrl: queue.url,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
      }),
    );
    return {
      visible: Number(Attributes.ApproximateNumberOfMessages ?? 0),
      notVisible: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
      delayed: Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0),
    };
  };

  const waitUntil = async (what: string, settled: (queue: LocalQueue) => Promise<string | undefined>, o?: WaitOptions) => {
    const deadline = Date.now() + (o?.timeoutMs ?? 20_000);
    let quietRounds = 0;
    for (;;) {
      const busy = (await Promise.all(options.queues.map(settled))).filter(Boolean);
      // Two quiet looks in a row: a message between fauxqs and a worker shows in neither count for a moment.
      quietRounds = busy.length ? 0 : quietRounds + 1;
      if (quietRounds >= 2) return;
      if (Date.now() > deadline) throw new Error(`SQS not ${what} after ${o?.timeoutMs ?? 20_000} ms: ${busy.join('; ')}`);
      await sleep(25);
    }
  };

  return {
    idle: (o) =>
      waitUntil(
        'idle',
        async (queue) => {
          const held = holding.get(queue.name) ?? 0;
          const now = Date.now();
          const waiting = [...(waitingOut.get(queue.name)?.values() ?? [])].filter((at) => at > now).length;
          const c = await counts(queue);
          const busy = held > 0 || c.visible > 0 || c.delayed > 0 || c.notVisible > waiting;
          return busy ? `${queue.name}: ${held} in flight, ${c.visible} waiting, ${c.notVisible} invisible` : undefined;
        },
        o,
      ),
    drain: (o) =>
      waitUntil(
        'drained',
        async (queue) => {
          const held = holding.get(queue.name) ?? 0;
          const c = await counts(queue);
          const busy = held > 0 || c.visible > 0 || c.delayed > 0 || c.notVisible > 0;
          return busy ? `${queue.name}: ${held} in flight, ${c.visible} waiting, ${c.notVisible} invisible` : undefined;
        },
        o,
      ),
    async redriveDlq(queueName) {
      const queue = options.queues.find((q) => q.name === queueName || q.definition.name === queueName);
      if (!queue) throw new UnknownQueueError(queueName, options.queues.map((q) => q.definition.name));
      let moved = 0;
      for (;;) {
        const { Messages = [] } = await client.send(
          new ReceiveMessageCommand({ QueueUrl: queue.dlqUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 30, MessageAttributeNames: ['All'] }),
        );
        if (!Messages.length) break;
        // Send first, delete after: a crash in between duplicates a message, which consumers tolerate (at-least-once).
        const sent = await client.send(
          new SendMessageBatchCommand({
            QueueUrl: queue.url,
            Entries: Messages.map((m, i) => ({
              Id: String(i),
              MessageBody: m.Body ?? '',
              ...(m.MessageAttributes ? { MessageAttributes: m.MessageAttributes } : {}),
            })),
          }),
        );
        const ok = new Set((sent.Successful ?? []).map((s) => s.Id));
        const done = Messages.filter((_, i) => ok.has(String(i)));
        if (done.length) {
          await client.send(
            new DeleteMessageBatchCommand({
              QueueUrl: queue.dlqUrl,
              Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? '' })),
            }),
          );
        }
        moved += done.length;
        if (done.length < Messages.length) throw new Error(`${queue.dlqName}: ${Messages.length - done.length} messages could not be sent back`);
      }
      log.info(`${queue.dlqName}: ${moved} messages moved back to ${queue.name}`);
      return moved;
    },
    async stop() {
      abort.abort();
      await Promise.allSettled(workers);
    },
  };
};
