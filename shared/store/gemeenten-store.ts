import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { DomeinFout } from '../domain/fouten';
import type { GemeenteMutatie } from '../domain/gemeenten';
import { Gemeente, GemeenteGebeurtenis } from '../schemas/gemeenten';
import type { GemeentenStore } from '../use-cases/poorten';
import { leesCursor, maakCursor } from './cursor';
import { dynamo, tabel } from './dynamodb';
import { sleutels } from './sleutels';

const sleutelVelden = { pk: z.string(), sk: z.string() };
// Items are parsed on every read: a query can never hand back another entity's items as a gemeente.
const GemeenteItem = Gemeente.extend({ ...sleutelVelden, entiteit: z.literal('Gemeente'), gsi1pk: z.string(), gsi1sk: z.string() });
const GebeurtenisItem = GemeenteGebeurtenis.extend({ ...sleutelVelden, entiteit: z.literal('GemeenteGebeurtenis') });

const naarGemeente = (item: unknown): Gemeente => {
  const { pk: _pk, sk: _sk, entiteit: _e, gsi1pk: _g, gsi1sk: _gs, ...gemeente } = GemeenteItem.parse(item);
  return gemeente;
};

const naarGebeurtenis = (item: unknown): GemeenteGebeurtenis => {
  const { pk: _pk, sk: _sk, entiteit: _e, ...g } = GebeurtenisItem.parse(item);
  return g;
};

const gemeenteItem = (g: Gemeente) => ({ ...sleutels.gemeente(g.code), ...sleutels.gemeentenIndex(g.code), entiteit: 'Gemeente', ...g });
const gebeurtenisItem = (g: GemeenteGebeurtenis) => ({ ...sleutels.gemeenteGebeurtenis(g.gemeenteCode, g.versie), entiteit: 'GemeenteGebeurtenis', ...g });

const geweigerd = (error: unknown, index: number): boolean =>
  error instanceof TransactionCanceledException && error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';

export const dynamoGemeentenStore = (): GemeentenStore => ({
  async haal(code) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.gemeente(code), ConsistentRead: true }));
    return Item ? naarGemeente(Item) : undefined;
  },

  async zoek({ pageSize, cursor }) {
    const r = await dynamo().send(
      new QueryCommand({
        TableName: tabel(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': sleutels.gemeentenPartitie },
        Limit: pageSize,
        ExclusiveStartKey: leesCursor(cursor),
      }),
    );
    return { items: (r.Items ?? []).map(naarGemeente), cursor: maakCursor(r.LastEvaluatedKey) };
  },

  async gebeurtenissen(code, { pageSize, cursor }) {
    const r = await dynamo().send(
      new QueryCommand({
        TableName: tabel(),
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
        ExpressionAttributeValues: { ':p': sleutels.gemeente(code).pk, ':s': sleutels.gebeurtenissenPrefix },
        Limit: pageSize,
        ExclusiveStartKey: leesCursor(cursor),
      }),
    );
    return { items: (r.Items ?? []).map(naarGebeurtenis), cursor: maakCursor(r.LastEvaluatedKey) };
  },

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
