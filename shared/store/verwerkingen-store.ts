import { isDeepStrictEqual } from 'node:util';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { env } from '../config/env';
import { DomeinFout } from '../domain/fouten';
import { verloopdatum } from '../privacy/bewaartermijn';
import { Verwerking } from '../schemas/verwerkingen';
import type { Pagina } from '../use-cases/poorten';
import type { VerwerkingenLogStore } from '../use-cases/verwerkingen';
import { leesCursor, maakCursor } from './cursor';
import { dynamo, tabel, verwerkingenDynamo } from './dynamodb';
import { parseItem } from './items';
import { sleutels, VERWERKINGEN_SHARDS, verwerkingenShard } from './sleutels';

/**
 * The processing log in the single table: a person's records in the partition of its pseudonym (a period
 * is a range of the sort key `<op>#<id>`), everyone's per day in gsi1, spread over 8 shards.
 *
 * Why the single table and not a table of its own: a separate append-only table would let IAM grant the
 * functions PutItem only — but the flush writes several records with TransactWriteItems (one request for
 * the whole request's records), whose puts need the same PutItem right, so IAM could not tell an append from an
 * overwrite there either. What makes the log unalterable is the same in both: no route updates or deletes
 * it, every record is put with `attribute_not_exists(pk)` under a fresh ULID, and the stack grants the
 * functions PutItem on the VERWERKING# keys only (dynamodb:LeadingKeys) while denying UpdateItem and
 * DeleteItem there. One table keeps one backup, one key, one definition for the stack, the local runtime
 * and the tests; the table's stream carries these items too, but the stream consumers' filters (outbox
 * inserts; placement and place changes) drop them before any function runs.
 */
const VerwerkingItem = Verwerking.extend({
  pk: z.string(),
  sk: z.string(),
  entiteit: z.literal('Verwerking'),
  gsi1pk: z.string(),
  gsi1sk: z.string(),
  // Records written before the log had a term of its own have none.
  verlooptOp: z.number().int().optional(),
});
const naarVerwerking = (item: unknown): Verwerking => {
  const { verlooptOp: _verlooptOp, ...v } = parseItem(VerwerkingItem, item);
  return v;
};

/**
 * When DynamoDB's TTL removes a record: VERWERKINGEN_BEWAARTERMIJN_MAANDEN after it was made, at the start of
 * that day (UTC). The record outlives the data it is about (kept BEWAARTERMIJN_MAANDEN after a referral
 * closed) so the processing can be accounted for afterwards, but it is not kept for ever: the pseudonym is
 * still personal data for whoever holds the key. Removal by TTL is the service's, not a function's: the
 * functions still cannot update or delete a record.
 */
export const verwerkingVerlooptOp = (op: string, maanden = env().VERWERKINGEN_BEWAARTERMIJN_MAANDEN): number =>
  Math.floor(new Date(`${verloopdatum(op, maanden)}T00:00:00Z`).getTime() / 1000);

export const verwerkingItem = (v: Verwerking) => ({
  ...sleutels.verwerking(v.betrokkene, v.op, v.id),
  ...sleutels.verwerkingenPerDag(v.op.slice(0, 10), verwerkingenShard(v.id), v.op, v.id),
  entiteit: 'Verwerking',
  ...v,
  verlooptOp: verwerkingVerlooptOp(v.op),
});

/** TransactWriteItems takes at most 100 entries: a request that touched more people writes in pieces of 100. */
const PER_TRANSACTIE = 100;
const NIEUW = 'attribute_not_exists(pk)';

/**
 * Writes a flush's records, each put only where nothing is (a record is never overwritten). Measured (npm run
 * bench, section 1c): one record — a read of one object, the common case — as one conditional PutItem,
 * 15–35 % faster than a one-entry transaction at half its write units; several in one TransactWriteItems
 * per 100 (one request; parallel PutItems were even at 3 records and slower at 25). Not BatchWriteItem,
 * though cheapest for a list: it cannot carry the condition, so it could replace a record. The transaction's client request
 * token makes the SDK's retry of a timed-out write idempotent; a PutItem has none, so a retry that meets
 * its own first attempt (the same item) is a success, and only another record under the key is refused.
 */
export const schrijfVerwerkingen = async (verwerkingen: readonly Verwerking[]): Promise<void> => {
  if (verwerkingen.length === 1) return schrijfEen(verwerkingen[0]!);
  for (let i = 0; i < verwerkingen.length; i += PER_TRANSACTIE) {
    const stuk = verwerkingen.slice(i, i + PER_TRANSACTIE);
    await verwerkingenDynamo().send(
      new TransactWriteCommand({
        TransactItems: stuk.map((v) => ({ Put: { TableName: tabel(), Item: verwerkingItem(v), ConditionExpression: NIEUW } })),
        ClientRequestToken: stuk[0]!.id,
      }),
    );
  }
};

const schrijfEen = async (v: Verwerking): Promise<void> => {
  const item = verwerkingItem(v);
  try {
    await verwerkingenDynamo().send(new PutCommand({ TableName: tabel(), Item: item, ConditionExpression: NIEUW }));
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const { Item } = await verwerkingenDynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.verwerking(v.betrokkene, v.op, v.id), ConsistentRead: true }));
    if (!isDeepStrictEqual(Item, item)) throw error;
  }
};

const volgendeDag = (dag: string): string => {
  const d = new Date(`${dag}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * Where a period's reading stands: the day, and per shard the sort key of the last record handed out
 * ('' = none yet) or null when the shard's day is done. Reading on with `gsi1sk > :na` needs no
 * LastEvaluatedKey of every shard, so the cursor stays short.
 */
const PeriodeCursor = z.strictObject({
  dag: z.iso.date(),
  na: z.array(z.union([z.string().max(80).regex(/^[0-9TZ:.-]+#[0-9A-Z]{26}$|^$/), z.null()])).length(VERWERKINGEN_SHARDS),
});
type PeriodeCursor = z.infer<typeof PeriodeCursor>;

const leesPeriodeCursor = (cursor: string | undefined, vanaf: string, tot: string): PeriodeCursor => {
  if (cursor === undefined) return { dag: vanaf, na: Array.from({ length: VERWERKINGEN_SHARDS }, () => '') };
  try {
    const c = PeriodeCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (c.dag < vanaf || c.dag > tot) throw new Error('buiten de periode');
    return c;
  } catch {
    throw new DomeinFout('ongeldigeInvoer', 'Deze cursor hoort niet bij deze periode.', 'query.cursor');
  }
};

export const dynamoVerwerkingenLogStore = (): VerwerkingenLogStore => ({
  async perBetrokkene(pseudoniem, { vanaf, tot, pageSize, cursor }) {
    const pk = sleutels.verwerkingPartitie(pseudoniem);
    const start = leesCursor(cursor);
    if (start && (start.pk !== pk || Object.keys(start).length !== 2)) throw new DomeinFout('ongeldigeInvoer', 'Deze cursor hoort niet bij deze betrokkene.', 'query.cursor');
    const r = await dynamo().send(
      new QueryCommand({
        TableName: tabel(),
        // `<op>#<id>` with op an RFC 3339 instant: a day range is [vanaf, tot + '~'), '~' sorting after every digit.
        KeyConditionExpression: 'pk = :p AND sk BETWEEN :van AND :tot',
        ExpressionAttributeValues: { ':p': pk, ':van': vanaf ?? '0', ':tot': `${tot}~` },
        Limit: pageSize,
        ExclusiveStartKey: start,
      }),
    );
    return { items: (r.Items ?? []).map(naarVerwerking), cursor: maakCursor(r.LastEvaluatedKey) };
  },

  /**
   * A period, everyone: per day, the 8 shards read in parallel from where each stood and merged by time,
   * so a page is in time order across the shards. A day every shard has finished moves the reading on to
   * the next; a page that fills up stops there with the state in its cursor.
   */
  async perPeriode({ vanaf, tot, pageSize, cursor }): Promise<Pagina<Verwerking>> {
    const stand = leesPeriodeCursor(cursor, vanaf, tot);
    const items: Verwerking[] = [];
    for (;;) {
      const nodig = pageSize - items.length;
      const gelezen = await Promise.all(
        stand.na.map(async (na, shard) => {
          if (na === null) return { shard, items: [] as Record<string, unknown>[], meer: false };
          const r = await dynamo().send(
            new QueryCommand({
              TableName: tabel(),
              IndexName: 'gsi1',
              KeyConditionExpression: na ? 'gsi1pk = :p AND gsi1sk > :na' : 'gsi1pk = :p',
              ExpressionAttributeValues: { ':p': sleutels.verwerkingenDagPartitie(stand.dag, shard), ...(na ? { ':na': na } : {}) },
              Limit: nodig,
            }),
          );
          return { shard, items: r.Items ?? [], meer: r.LastEvaluatedKey !== undefined };
        }),
      );
      const samen = gelezen
        .flatMap((g) => g.items.map((item) => ({ shard: g.shard, item, sleutel: String(item.gsi1sk) })))
        .sort((a, b) => (a.sleutel < b.sleutel ? -1 : a.sleutel > b.sleutel ? 1 : 0))
        .slice(0, nodig);
      for (const { shard, item, sleutel } of samen) {
        items.push(naarVerwerking(item));
        stand.na[shard] = sleutel;
      }
      // A shard is done for the day when everything it had was handed out and it said there is no more.
      for (const g of gelezen) {
        const genomen = samen.filter((s) => s.shard === g.shard).length;
        if (stand.na[g.shard] !== null && !g.meer && genomen === g.items.length) stand.na[g.shard] = null;
      }
      const dagKlaar = stand.na.every((na) => na === null);
      if (dagKlaar && stand.dag >= tot) return { items, cursor: undefined };
      if (dagKlaar) {
        stand.dag = volgendeDag(stand.dag);
        stand.na = Array.from({ length: VERWERKINGEN_SHARDS }, () => '');
      }
      if (items.length >= pageSize) return { items, cursor: Buffer.from(JSON.stringify(stand)).toString('base64url') };
    }
  },
});
