import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { RegiocijfersStore } from '../use-cases/poorten';
import { dynamo, tabel } from './dynamodb';
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

// Each projection names `entiteit` and is parsed on it: an index partition can only answer its own entity.
const GemeenteRegel = z.object({ entiteit: z.literal('Gemeente'), code: z.string(), arbeidsmarktregio: z.string() });
const PlaatsingRegel = z.object({ entiteit: z.literal('Plaatsing'), fase: z.string() });
const WerkplekRegel = z.object({ entiteit: z.literal('Werkplek'), arbeidsmarktregio: z.string(), aantalPlaatsen: z.number(), aantalBezet: z.number() });

/**
 * The regional figures, counted when asked from the indexes that exist: the gemeenten list (gsi1, one page
 * for all 342), each gemeente's placements (gsi2, one Query per gemeente of the region) and all open places
 * (gsi3, filtered to the regions). Cost grows with the region's placements and the country's open places;
 * at national scale a counter per region kept by a stream consumer would replace the last two.
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

  async plaatsingFasen(gemeente) {
    const regels = await allePaginas(
      {
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :p',
        ExpressionAttributeValues: { ':p': sleutels.plaatsingenPerGemeentePartitie(gemeente) },
        ProjectionExpression: 'entiteit, fase',
      },
      PlaatsingRegel,
    );
    return regels.map((r) => r.fase);
  },

  async openWerkplekken(regios) {
    if (regios.length === 0) return [];
    const namen = Object.fromEntries(regios.map((r, i) => [`:r${i}`, r]));
    return allePaginas(
      {
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :p AND begins_with(gsi3sk, :s)',
        FilterExpression: `arbeidsmarktregio IN (${Object.keys(namen).join(', ')})`,
        ExpressionAttributeValues: { ':p': sleutels.werkplekkenAllePartitie, ':s': sleutels.werkplekkenMetStatus('open'), ...namen },
        ProjectionExpression: 'entiteit, arbeidsmarktregio, aantalPlaatsen, aantalBezet',
      },
      WerkplekRegel,
    );
  },
});
