import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { RegiocijfersStore } from '../use-cases/poorten';
import { dynamo, tabel } from './dynamodb';
import { leesRegiotellers } from './regiotellers-store';
import { sleutels } from './sleutels';

/** Every page of a query, projected: the figures need a few attributes of each item, never the item. */
const allePaginas = async <T>(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>, schema: z.ZodType<T>): Promise<T[]> => {
  const uit: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await dynamo().send(new QueryCommand({ TableName: tabel(), ...input, ExclusiveStartKey: start }));
    for (const item of r.Items ?? []) uit.push(schema.parse(item));
    start = r.LastEvaluatedKey;
  } while (start);
  return uit;
};

// The projection names `entiteit` and is parsed on it: an index partition can only answer its own entity.
const GemeenteRegel = z.object({ entiteit: z.literal('Gemeente'), code: z.string(), arbeidsmarktregio: z.string() });

/**
 * The regional figures: the gemeenten list (gsi1, one page for all 342) and one BatchGetItem of the regions'
 * counters, which the regiotellers stream consumer keeps (shared/store/regiotellers-store.ts). The cost of
 * reading no longer grows with the number of placements or places.
 */
export const dynamoRegiocijfersStore = (): RegiocijfersStore => ({
  gemeenten: () =>
    allePaginas(
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': sleutels.gemeentenPartitie },
        ProjectionExpression: 'entiteit, code, arbeidsmarktregio',
      },
      GemeenteRegel,
    ),
  tellers: leesRegiotellers,
});
