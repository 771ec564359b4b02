/**
 * The one table definition. Read by the CDK stateful stack, the local runtime and the test setup, so
 * the keys, indexes, TTL attribute and stream that run locally are the ones that deploy.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalSecondaryIndexes: [
    // Collections listed by kind and state (leden by status, …): gsi1pk names the collection,
    // gsi1sk orders it (status#aangemaaktOp#id) so one Query with begins_with filters by status.
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    // Overloaded second and third views: matching keys (open places, placeable candidates per region and
    // werksoort) and placements per gemeente / per jobcoach organisation. See shared/store/sleutels.ts.
    // (CloudFormation adds one GSI per table update: both are added before the first deployment.)
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    // "Betreft": the items about one person that live outside its referral's partition (its placements,
    // their escalations and notifications), so an export or an erasure (AVG art. 15, 17) finds them with
    // Queries, never a Scan. Sparse: only those items carry gsi4pk.
    { indexName: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
  ],
  /** Epoch seconds. DynamoDB Local never expires items: reads that care filter on it. */
  timeToLiveAttribute: 'verlooptOp',
  /** The outbox is forwarded from the stream; only new images are needed for that. */
  streamViewType: 'NEW_IMAGE',
} as const;

export type TableDefinition = typeof tableDefinition;
export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];

/** Every item carries its entity type in this attribute; every read is parsed against it. */
export const ENTITY_ATTRIBUTE = 'entiteit';
