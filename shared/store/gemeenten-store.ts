import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { DomeinFout } from '../domain/fouten';
import type { GemeenteMutatie } from '../domain/gemeenten';
import { Gemeente, GemeenteGebeurtenis } from '../schemas/gemeenten';
import type { GemeentenStore } from '../use-cases/poorten';
import { dynamo, tabel } from './dynamodb';
import { geweigerd, parseItem } from './items';
import { gebeurtenissenPagina, lijstPagina } from './queries';
import { sleutels } from './sleutels';

const sleutelVelden = { pk: z.string(), sk: z.string() };
// Items are parsed on every read: a query can never hand back another entity's items as a gemeente.
const GemeenteItem = Gemeente.extend({ ...sleutelVelden, entiteit: z.literal('Gemeente'), gsi1pk: z.string(), gsi1sk: z.string() });
const GebeurtenisItem = GemeenteGebeurtenis.extend({ ...sleutelVelden, entiteit: z.literal('GemeenteGebeurtenis') });

export const naarGemeente = (item: unknown): Gemeente => parseItem(GemeenteItem, item);

const gemeenteItem = (g: Gemeente) => ({ ...sleutels.gemeente(g.code), ...sleutels.gemeentenIndex(g.code), entiteit: 'Gemeente', ...g });
const gebeurtenisItem = (g: GemeenteGebeurtenis) => ({ ...sleutels.gemeenteGebeurtenis(g.gemeenteCode, g.versie), entiteit: 'GemeenteGebeurtenis', ...g });

export const dynamoGemeentenStore = (): GemeentenStore => ({
  async haal(code) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.gemeente(code), ConsistentRead: true }));
    return Item ? naarGemeente(Item) : undefined;
  },

  zoek: (pagina) => lijstPagina('gsi1', sleutels.gemeentenPartitie, undefined, pagina, GemeenteItem),

  gebeurtenissen: (code, pagina) => gebeurtenissenPagina(sleutels.gemeente(code).pk, pagina, GebeurtenisItem),

  async voegToe({ gemeente, gebeurtenis }) {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tabel(), Item: gemeenteItem(gemeente), ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: tabel(), Item: gebeurtenisItem(gebeurtenis), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
    } catch (error) {
      if (geweigerd(error, 0) || geweigerd(error, 1)) throw new DomeinFout('conflict', `Gemeente ${gemeente.code} is al geregistreerd.`);
      throw error;
    }
  },

  async pasToe({ gemeente, gebeurtenis, verwachteVersie }) {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tabel(),
                Item: gemeenteItem(gemeente),
                ConditionExpression: 'versie = :verwacht',
                ExpressionAttributeValues: { ':verwacht': verwachteVersie },
              },
            },
            { Put: { TableName: tabel(), Item: gebeurtenisItem(gebeurtenis), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
    } catch (error) {
      if (geweigerd(error, 0) || geweigerd(error, 1))
        throw new DomeinFout('verouderd', 'De gemeente is intussen door een ander gewijzigd. Haal haar opnieuw op en probeer het nog eens.');
      throw error;
    }
  },
});
