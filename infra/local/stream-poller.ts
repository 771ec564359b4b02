import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DescribeStreamCommand,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type _Record,
  type AttributeValue as SdkAttributeValue,
  type DynamoDBStreamsClient,
  type Shard,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import type { StreamConsumerDefinition } from '../../shared/queues/definition';
import { ENTITY_ATTRIBUTE, tableDefinition } from '../../shared/table/definition';
import { LOCAL_REGION } from './aws-local';
import { runInvocationSettled } from './invocation-scope';
import { invokeWithTimeout, lambdaContext, localFunctionName, type HandlerLoader } from './lambda';
import { describeCommands, type RuntimeLog } from './log';

export interface StreamPollerOptions {
  readonly client: DynamoDBStreamsClient;
  readonly streamArn: string;
  readonly consumers: readonly StreamConsumerDefinition[];
  readonly loadHandler: HandlerLoader;
  readonly log: RuntimeLog;
  /**
   * Where each consumer's position per shard is kept (npm start), so a restart resumes instead of
   * replaying the whole stream. Without it every start reads from the trim horizon (tests: new tables).
   */
  readonly checkpointDir?: string;
  /** Pause after an empty GetRecords; Lambda polls a shard about four times a second. */
  readonly pollIntervalMs?: number;
  /** First retry delay of a failed batch, doubled per attempt up to 2 s. */
  readonly retryBackoffMs?: number;
}

export interface StreamPoller {
  /** Resolves once every record written before the call has been delivered (or filtered out). */
  idle(options?: { timeoutMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

interface Checkpoint {
  streamArn: string;
  /** Last handled sequence number per shard; `finished` once a closed shard is read to its end. */
  shards: Record<string, { sequenceNumber?: string; finished?: boolean }>;
}

/** A pause that ends early on stop; the listener is removed again so polling does not pile them up. */
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

/** The SDK gives binary attributes as bytes; the Lambda event carries them base64-encoded. */
const toEventValue = (value: SdkAttributeValue): AttributeValue => {
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (value.L !== undefined) return { L: value.L.map(toEventValue) };
  if (value.M !== undefined) return { M: toEventImage(value.M) };
  return value as AttributeValue;
};
const toEventImage = (image: Record<string, SdkAttributeValue>): Record<string, AttributeValue> =>
  Object.fromEntries(Object.entries(image).map(([k, v]) => [k, toEventValue(v)]));

/** The record Lambda's DynamoDB event source hands the function. */
const toEventRecord = (record: _Record, streamArn: string): DynamoDBRecord => {
  const d = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: LOCAL_REGION,
    dynamodb: {
      ...(d.ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(d.ApproximateCreationDateTime.getTime() / 1000) } : {}),
      ...(d.Keys ? { Keys: toEventImage(d.Keys) } : {}),
      ...(d.NewImage ? { NewImage: toEventImage(d.NewImage) } : {}),
      ...(d.OldImage ? { OldImage: toEventImage(d.OldImage) } : {}),
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType ?? tableDefinition.streamViewType,
    },
    eventSourceARN: streamArn,
    ...(record.userIdentity ? { userIdentity: record.userIdentity } : {}),
  };
};

/** The event source mapping's filter criteria, as the definition states them. */
export const matchesFilter = (consumer: StreamConsumerDefinition, record: _Record): boolean => {
  const { eventNames, entities } = consumer.filter;
  const entity = record.dynamodb?.NewImage?.[ENTITY_ATTRIBUTE]?.S;
  return eventNames.includes(record.eventName as 'INSERT') && entity !== undefined && entities.includes(entity);
};

const loadCheckpoint = (file: string | undefined, streamArn: string): Checkpoint => {
  if (file && existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Checkpoint;
    // Another stream ARN means the table was recreated: old positions mean nothing there.
    if (stored.streamArn === streamArn) return stored;
  }
  return { streamArn, shards: {} };
};

const saveCheckpoint = (file: string | undefined, checkpoint: Checkpoint): void => {
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(checkpoint, null, 2));
  renameSync(`${file}.tmp`, file);
};

export const startStreamPoller = (options: StreamPollerOptions): StreamPoller => {
  const { client, streamArn, log } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const backoffMs = options.retryBackoffMs ?? 100;
  const abort = new AbortController();
  const { signal } = abort;

  const consumerLoops = options.consumers.map((consumer) => {
    const checkpointFile = options.checkpointDir ? `${options.checkpointDir}/${consumer.name}.json` : undefined;
    const checkpoint = loadCheckpoint(checkpointFile, streamArn);
    const functionName = localFunctionName(consumer.name);
    // Per shard: when its last empty GetRecords started, and whether a batch is being delivered.
    const shardState = new Map<string, { lastEmptyPollStartedAt: number; delivering: boolean }>();
    const running = new Set<string>();
    const workers: Promise<void>[] = [];

    /** Invokes with retries like the event source mapping: from the first failed record on, then gives up. */
    const deliver = async (records: _Record[]): Promise<void> => {
      let batch = records;
      for (let attempt = 0; !signal.aborted; attempt++) {
        const event = { Records: batch.map((r) => toEventRecord(r, streamArn)) };
        const context = lambdaContext(functionName, consumer.timeoutSeconds);
        const outcome = await runInvocationSettled(async () => {
          const handler = await options.loadHandler(consumer.handler);
          return invokeWithTimeout(handler, event, context, consumer.timeoutSeconds);
        });
        let retryFrom = -1;
        if (!outcome.ok) {
          log.error(`${consumer.name}: batch of ${batch.length} failed (attempt ${attempt + 1})`, outcome.error);
          retryFrom = 0;
        } else {
          const failures = (outcome.result as Partial<DynamoDBBatchResponse> | undefined)?.batchItemFailures ?? [];
          const seqs = failures.map((f) => f.itemIdentifier);
          const indexes = seqs.map((s) => batch.findIndex((r) => r.dynamodb?.SequenceNumber === s));
          // An unknown identifier makes Lambda retry the whole batch.
          retryFrom = indexes.length === 0 ? -1 : indexes.includes(-1) ? 0 : Math.min(...indexes);
        }
        log.info(
          `${consumer.name}: batch of ${batch.length} → ${retryFrom === -1 ? 'done' : `retry from record ${retryFrom + 1}`} (${describeCommands(outcome.scope.dynamodbCommands)})`,
        );
        if (retryFrom === -1) return;
        batch = batch.slice(retryFrom);
        if (attempt >= consumer.maxRetryAttempts) {
          // In AWS the batch's metadata goes to the on-failure destination and the shard moves on.
          log.error(
            `${consumer.name}: giving up after ${consumer.maxRetryAttempts} retries; skipping ${batch.length} records ` +
              `(sequence numbers ${batch[0]?.dynamodb?.SequenceNumber} … ${batch.at(-1)?.dynamodb?.SequenceNumber}). ` +
              'In AWS these go to the on-failure destination.',
          );
          return;
        }
        await sleep(Math.min(backoffMs * 2 ** attempt, 2_000), signal);
      }
    };

    const iteratorFor = async (shardId: string, type?: ShardIteratorType): Promise<string | undefined> => {
      const after = checkpoint.shards[shardId]?.sequenceNumber;
      const iteratorType = type ?? (after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON');
      const result = await client.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ShardIteratorType: iteratorType,
          ...(iteratorType === 'AFTER_SEQUENCE_NUMBER' ? { SequenceNumber: after } : {}),
        }),
      );
      return result.ShardIterator;
    };

    /** Reads one shard in order, to its end if it closes. Records are handed over strictly in sequence. */
    const readShard = async (shardId: string): Promise<void> => {
      const state = { lastEmptyPollStartedAt: 0, delivering: false };
      shardState.set(shardId, state);
      let iterator = await iteratorFor(shardId);
      while (iterator && !signal.aborted) {
        const startedAt = Date.now();
        let page;
        try {
          page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }), { abortSignal: signal });
        } catch (error) {
          if (signal.aborted) return;
          if (error instanceof ExpiredIteratorException) iterator = await iteratorFor(shardId);
          else if (error instanceof TrimmedDataAccessException) {
            log.error(`${consumer.name}: shard ${shardId} trimmed past the checkpoint; reading from the trim horizon`);
            iterator = await iteratorFor(shardId, 'TRIM_HORIZON');
          } else {
            log.error(`${consumer.name}: GetRecords failed on ${shardId}; retrying`, error);
            await sleep(1_000, signal);
          }
          continue;
        }
        const records = page.Records ?? [];
        if (records.length) {
          state.delivering = true;
          try {
            const matching = records.filter((r) => matchesFilter(consumer, r));
            for (let i = 0; i < matching.length && !signal.aborted; i += consumer.batchSize) {
              await deliver(matching.slice(i, i + consumer.batchSize));
            }
            if (signal.aborted) return;
            checkpoint.shards[shardId] = { sequenceNumber: records.at(-1)?.dynamodb?.SequenceNumber };
            saveCheckpoint(checkpointFile, checkpoint);
          } finally {
            state.delivering = false;
          }
        } else {
          state.lastEmptyPollStartedAt = startedAt;
        }
        iterator = page.NextShardIterator;
        if (!records.length && iterator) await sleep(pollIntervalMs, signal);
      }
      if (!signal.aborted) {
        // A closed shard read to its end: its children may start now.
        checkpoint.shards[shardId] = { ...checkpoint.shards[shardId], finished: true };
        saveCheckpoint(checkpointFile, checkpoint);
        shardState.delete(shardId);
      }
    };

    const listShards = async (): Promise<Shard[]> => {
      const shards: Shard[] = [];
      let start: string | undefined;
      do {
        const { StreamDescription } = await client.send(
          new DescribeStreamCommand({ StreamArn: streamArn, ...(start ? { ExclusiveStartShardId: start } : {}) }),
        );
        shards.push(...(StreamDescription?.Shards ?? []));
        start = StreamDescription?.LastEvaluatedShardId;
      } while (start);
      return shards;
    };

    /** Finds new shards; a child shard starts only when its parent has been read to the end (order). */
    const discover = async (): Promise<void> => {
      const shards = await listShards();
      const known = new Set(shards.map((s) => s.ShardId));
      for (const shard of shards) {
        const id = shard.ShardId;
        if (!id || running.has(id) || checkpoint.shards[id]?.finished) continue;
        const parent = shard.ParentShardId;
        if (parent && known.has(parent) && !checkpoint.shards[parent]?.finished) continue;
        running.add(id);
        workers.push(
          readShard(id)
            .catch((error: unknown) => log.error(`${consumer.name}: shard ${id} stopped`, error))
            .finally(() => running.delete(id)),
        );
      }
    };

    const discovery = (async () => {
      while (!signal.aborted) {
        try {
          await discover();
        } catch (error) {
          if (!signal.aborted) log.error(`${consumer.name}: DescribeStream failed; retrying`, error);
        }
        await sleep(1_000, signal);
      }
    })();

    return {
      name: consumer.name,
      discover,
      idleSince: (t0: number): string | undefined => {
        for (const [shardId, s] of shardState) {
          if (s.delivering || s.lastEmptyPollStartedAt < t0) return `${consumer.name}: shard ${shardId} busy`;
        }
        return undefined;
      },
      stopped: async () => {
        await discovery;
        await Promise.allSettled(workers);
      },
    };
  });

  return {
    async idle(o) {
      const t0 = Date.now();
      const timeoutMs = o?.timeoutMs ?? 20_000;
      // A listing after t0 makes sure shards opened by recent writes are being read too.
      await Promise.all(consumerLoops.map((c) => c.discover()));
      for (;;) {
        const busy = consumerLoops.map((c) => c.idleSince(t0)).filter(Boolean);
        if (!busy.length) return;
        if (Date.now() - t0 > timeoutMs) throw new Error(`stream not idle after ${timeoutMs} ms: ${busy.join('; ')}`);
        await sleep(25);
      }
    },
    async stop() {
      abort.abort();
      await Promise.all(consumerLoops.map((c) => c.stopped()));
    },
  };
};
