import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Werkplek } from '../schemas/werkplekken';
import type { Verwijzing } from '../schemas/verwijzingen';
import type { MatchingStore } from '../use-cases/poorten';
import { dynamo, tabel } from './dynamodb';
import { sleutels } from './sleutels';
import { dynamoVerwijzingenStore, naarVerwijzing } from './verwijzingen-store';
import { naarWerkplek } from './werkplekken-store';
import { naarZoekprofiel } from './zoekprofielen';

/**
 * Matching reads precomputed keys, never a table scan. Both directions read a sparse gsi2 partition that
 * holds exactly the current suggestions for one arbeidsmarktregio and werksoort: a place carries its key
 * only while it is open with a free place (`werkplekItem`), a candidate's zoekprofiel exists only while the
 * referral is bemiddelbaar and consented (`zoekprofielMutaties`), each written in the same transaction as
 * the state that implies it. So nothing is filtered after reading, and the cost follows the number of
 * suggestions in one region and werksoort, not the size of the table.
 *
 *   question                  reads                                                         DynamoDB operations
 *   places for a referral     GetItem   VERWIJZING#<id> / VERWIJZING (consistent)             1 GetItem
 *                             Query     gsi2 WERKPLEKKEN#<regio>#<werksoort>, each distinct    + n Query, in parallel
 *                                       werksoort preference (n ≤ 10)                          (latency of one)
 *   candidates for a place    GetItem   WERKPLEK#<id> / WERKPLEK (consistent)                 1 GetItem
 *                             Query     gsi2 KANDIDATEN#<regio>#<werksoort>                   + 1 Query
 *                             BatchGet  VERWIJZING#<id> / VERWIJZING (consistent), only the   + 1 BatchGetItem, only when
 *                                       candidates on the page who consented to this member   someone on the page consented
 *
 * Capacity: a GSI Query is eventually consistent, 0.5 RCU per 4 KB read; a place or zoekprofiel item is
 * about 1 KB, so a partition of 100 suggestions costs ~13 RCU. Each Query reads at most MAX_PER_PARTITIE
 * items (in key order: ULIDs, so the longest-waiting first); the ranking is over those, and the answer is
 * capped at MAX_SUGGESTIES (shared/domain/matching.ts) and paginated in memory. The BatchGetItem reads at
 * most one page (pageSize ≤ 100 keys, BatchGetItem's own limit), 1 RCU per referral.
 */
const MAX_PER_PARTITIE = 250;

const partitie = async (gsi2pk: string): Promise<Record<string, unknown>[]> => {
  const r = await dynamo().send(
    new QueryCommand({
      TableName: tabel(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': gsi2pk },
      Limit: MAX_PER_PARTITIE,
    }),
  );
  return r.Items ?? [];
};

/** BatchGetItem may leave keys unprocessed under load: those are asked again, a few times, with backoff. */
const POGINGEN = 4;

export const dynamoMatchingStore = (): MatchingStore => {
  const verwijzingen = dynamoVerwijzingenStore();
  return {
    verwijzing: (verwijzingId) => verwijzingen.haal(verwijzingId),

    async openWerkplekken(regio, werksoorten) {
      const delen = await Promise.all(werksoorten.map((w) => partitie(sleutels.openWerkplekkenPartitie(regio, w))));
      return delen.flat().map(naarWerkplek) satisfies Werkplek[];
    },

    async kandidaten(regio, werksoort) {
      return (await partitie(sleutels.kandidatenPartitie(regio, werksoort))).map(naarZoekprofiel);
    },

    async verwijzingen(verwijzingIds) {
      let keys = verwijzingIds.map((id) => sleutels.verwijzing(id));
      const gelezen: Verwijzing[] = [];
      for (let poging = 0; keys.length > 0; poging++) {
        if (poging === POGINGEN) throw new Error(`BatchGetItem liet na ${POGINGEN} pogingen ${keys.length} verwijzingen onverwerkt`);
        if (poging > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** poging));
        const r = await dynamo().send(new BatchGetCommand({ RequestItems: { [tabel()]: { Keys: keys, ConsistentRead: true } } }));
        gelezen.push(...(r.Responses?.[tabel()] ?? []).map(naarVerwijzing));
        keys = (r.UnprocessedKeys?.[tabel()]?.Keys ?? []) as typeof keys;
      }
      return gelezen;
    },
  };
};
