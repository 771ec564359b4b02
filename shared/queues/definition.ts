/**
 * The one definition of the queues and their consumers. The CDK stateful stack creates each queue with
 * its DLQ from this; the stateless stack wires the consumer; the local runtime creates the same queues
 * in the local SQS and polls them with Lambda's semantics.
 */
export interface QueueDefinition {
  /** Logical name, also the local queue name and the suffix of the deployed one. */
  readonly name: string;
  /** Environment variable through which functions receive the queue URL. */
  readonly urlEnv: string;
  /** Consumer module (exports `handler`), relative to the project root. */
  readonly consumer: string;
  readonly consumerTimeoutSeconds: number;
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  /** Deliveries before a message moves to the DLQ. */
  readonly maxReceiveCount: number;
  /** Caps concurrent consumer batches so a burst cannot overrun the table or the mail provider. */
  readonly maxConcurrency: number;
  /** Lambda memory, from the peak RSS `npm run bench` measured (≥ 40% headroom). */
  readonly memoryMb: number;
  /** The consumer sends to its own queue (delayed re-sends): it gets the queue's URL and send right. */
  readonly naarZichzelf?: true;
}

export const queueDefinitions = {
  notificaties: {
    name: 'notificaties',
    urlEnv: 'NOTIFICATIES_QUEUE_URL',
    consumer: 'functions/consumers/notificatie-versturen.ts',
    consumerTimeoutSeconds: 20,
    batchSize: 10,
    maxBatchingWindowSeconds: 1,
    maxReceiveCount: 5,
    maxConcurrency: 5,
    // Measured peak 62 MB for a batch (claim, mail, mark sent): 128 MB leaves > 40% headroom.
    memoryMb: 128,
  },
  gebruikers: {
    name: 'gebruikers',
    urlEnv: 'GEBRUIKERS_QUEUE_URL',
    consumer: 'functions/consumers/partneraccounts.ts',
    consumerTimeoutSeconds: 20,
    batchSize: 10,
    maxBatchingWindowSeconds: 1,
    maxReceiveCount: 5,
    // Cognito's AdminCreateUser quota is per account and small (tens per second): a few batches at a time.
    maxConcurrency: 2,
    // A batch is a read, an identity-provider call and a conditional update per message, as the
    // notifications' (measured 62 MB): 128 MB.
    memoryMb: 128,
  },
  nazorg: {
    name: 'nazorg',
    urlEnv: 'NAZORG_QUEUE_URL',
    consumer: 'functions/consumers/nazorgmoment-versturen.ts',
    consumerTimeoutSeconds: 30,
    batchSize: 10,
    maxBatchingWindowSeconds: 1,
    maxReceiveCount: 5,
    // A sweep of a whole region's day must not take the table's write capacity from the API.
    maxConcurrency: 10,
    memoryMb: 256,
  },
  webhooks: {
    name: 'webhooks',
    urlEnv: 'WEBHOOKS_QUEUE_URL',
    consumer: 'functions/consumers/webhook-afleveren.ts',
    // One attempt takes at most 15 s (shared/webhooks/verzenden.ts); a batch's attempts run one after another.
    consumerTimeoutSeconds: 180,
    batchSize: 10,
    maxBatchingWindowSeconds: 1,
    maxReceiveCount: 5,
    // A burst of events must not become a burst of requests at one gemeente's receiver, nor take the table.
    maxConcurrency: 5,
    // Not yet measured by the bench (issue #14): the notifications consumer's shape (read, send, conditional write) at 256 MB for TLS.
    memoryMb: 256,
    naarZichzelf: true,
  },
} as const satisfies Record<string, QueueDefinition>;

export type QueueName = keyof typeof queueDefinitions;

/** AWS advises at least 6× the consumer's timeout, so a batch retried by Lambda is not redelivered meanwhile. */
export const visibilityTimeoutSeconds = (q: QueueDefinition): number => q.consumerTimeoutSeconds * 6;

/** DLQs keep messages for the maximum 14 days so a re-drive after a long weekend still finds them. */
export const DLQ_RETENTION_SECONDS = 14 * 24 * 3600;
export const dlqName = (q: QueueDefinition): string => `${q.name}-dlq`;

/**
 * Stream consumers of the table (DynamoDB Streams → Lambda event source mapping). The filter is applied
 * by the event source mapping in AWS and by the local runtime's stream poller alike.
 */
export interface StreamConsumerDefinition {
  readonly name: string;
  readonly handler: string;
  readonly batchSize: number;
  readonly timeoutSeconds: number;
  readonly maxRetryAttempts: number;
  /** Lambda memory, from the peak RSS `npm run bench` measured (≥ 40% headroom). */
  readonly memoryMb: number;
  /** Only records of these event names whose new image has one of these entity types. */
  readonly filter: { readonly eventNames: readonly ('INSERT' | 'MODIFY' | 'REMOVE')[]; readonly entities: readonly string[] };
  /** Sends to the queues (the outbox forwarder): it gets each queue's URL and send right. */
  readonly naarWachtrijen?: true;
  /** Reads and writes the table beyond its records (the counters); without it the function has no table access. */
  readonly tabel?: 'readWrite';
}

export const streamConsumers = {
  outboxDoorsturen: {
    name: 'outbox-doorsturen',
    handler: 'functions/streams/outbox-doorsturen.ts',
    batchSize: 100,
    timeoutSeconds: 30,
    maxRetryAttempts: 10,
    // Measured peak 60 MB forwarding a batch: 128 MB leaves > 40% headroom.
    memoryMb: 128,
    filter: { eventNames: ['INSERT'], entities: ['Notificatie', 'Accountopdracht', 'UitgaandeGebeurtenis', 'Verificatieopdracht', 'Herbezorgopdracht', 'Herhaalopdracht'] },
    naarWachtrijen: true,
  },
  /**
   * The regions' counters and the outcome records with supply and demand (functions/streams/cijfers.ts): one
   * mapping for both, because DynamoDB Streams throttles a shard with more than two readers.
   */
  cijfers: {
    name: 'cijfers',
    handler: 'functions/streams/cijfers.ts',
    // Each record is at most a consistent read and one transaction of up to 9 items per part: 50 records stay
    // well inside the timeout even when every one loses a race and reads again.
    batchSize: 50,
    timeoutSeconds: 90,
    maxRetryAttempts: 10,
    memoryMb: 256,
    // Placements and places make the counters; placements, moments and escalations the outcome records;
    // referrals and places the supply and demand; an erasure's anonymous referral ends a waiting candidate.
    // Nothing here is deleted but by an erasure, whose changes leave the records as they were.
    filter: { eventNames: ['INSERT', 'MODIFY'], entities: ['Plaatsing', 'Werkplek', 'Nazorgmoment', 'Escalatie', 'Verwijzing', 'AnoniemeVerwijzing'] },
    tabel: 'readWrite',
  },
} as const satisfies Record<string, StreamConsumerDefinition>;
