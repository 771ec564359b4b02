import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { DomeinFout } from '../domain/fouten';
import { zoektKandidaten, type WerkplekMutatie } from '../domain/werkplekken';
import { Werkplek, WerkplekGebeurtenis } from '../schemas/werkplekken';
import type { WerkplekkenStore } from '../use-cases/poorten';
import { leesCursor } from './cursor';
import { dynamo, tabel } from './dynamodb';
import { geweigerd, parseItem } from './items';
import { gebeurtenissenPagina, lijstPagina, type PaginaVerzoek } from './queries';
import { sleutels } from './sleutels';

const sleutelVelden = { pk: z.string(), sk: z.string() };
// Items are parsed on every read: a query can never hand back another entity's items as a werkplek. The
// matching keys (gsi2) are there only while the place seeks candidates, hence optional.
const WerkplekItem = Werkplek.extend({
  ...sleutelVelden,
  entiteit: z.literal('Werkplek'),
  gsi1pk: z.string(),
  gsi1sk: z.string(),
  gsi2pk: z.string().optional(),
  gsi2sk: z.string().optional(),
  gsi3pk: z.string(),
  gsi3sk: z.string(),
});
const GebeurtenisItem = WerkplekGebeurtenis.extend({ ...sleutelVelden, entiteit: z.literal('WerkplekGebeurtenis') });

export const naarWerkplek = (item: unknown): Werkplek => parseItem(WerkplekItem, item);

/**
 * The one place a werkplek's item and its keys are computed: its member's list (gsi1), all places (gsi3)
 * and — only while it is open with a free place — the sparse matching key (gsi2), so a full or closed place
 * drops out of matching in the same write that fills or closes it. The placements' transactions use this
 * (through `werkplekMutatieItems`) when they change the occupancy.
 */
export const werkplekItem = (w: Werkplek) => ({
  ...sleutels.werkplek(w.id),
  ...sleutels.werkplekkenPerLid(w.lidId, w.status, w.aangemaaktOp, w.id),
  ...sleutels.werkplekkenAlle(w.status, w.aangemaaktOp, w.id),
  ...(zoektKandidaten(w) ? sleutels.openWerkplekkenIndex(w.arbeidsmarktregio, w.werksoort, w.id) : {}),
  entiteit: 'Werkplek',
  ...w,
});
const gebeurtenisItem = (g: WerkplekGebeurtenis) => ({ ...sleutels.werkplekGebeurtenis(g.werkplekId, g.versie), entiteit: 'WerkplekGebeurtenis', ...g });

/**
 * The TransactWriteItems entries of a change to an existing place: the place, conditioned on the version
 * that was read, and its history record. For other transactions that change a place (a placement starting
 * or ending: `bezettingWijzigen`), so the place and its keys are written exactly as here.
 */
export const werkplekMutatieItems = ({ werkplek, gebeurtenis, verwachteVersie }: WerkplekMutatie): NonNullable<TransactWriteCommandInput['TransactItems']> => {
  if (verwachteVersie === undefined) throw new Error('een wijziging van een bestaande werkplek heeft een verwachte versie');
  return [
    {
      Put: {
        TableName: tabel(),
        Item: werkplekItem(werkplek),
        ConditionExpression: 'versie = :verwacht',
        ExpressionAttributeValues: { ':verwacht': verwachteVersie },
      },
    },
    { Put: { TableName: tabel(), Item: gebeurtenisItem(gebeurtenis), ConditionExpression: 'attribute_not_exists(pk)' } },
  ];
};

/**
 * A cursor from one list must not be replayed against another (a member's list against all places):
 * DynamoDB would refuse the foreign start key with a ValidationException, a 500 for a client's mistake.
 */
const cursorVoor = (cursor: string | undefined, index: 'gsi1' | 'gsi3', partitie: string) => {
  const sleutel = leesCursor(cursor);
  if (sleutel === undefined) return undefined;
  const namen = ['pk', 'sk', `${index}pk`, `${index}sk`];
  if (Object.keys(sleutel).length !== namen.length || !namen.every((n) => sleutel[n] !== undefined) || sleutel[`${index}pk`] !== partitie)
    throw new DomeinFout('ongeldigeInvoer', 'Deze cursor hoort bij een andere lijst.', 'query.cursor');
  return sleutel;
};

const lijst = async (index: 'gsi1' | 'gsi3', partitie: string, { status, ...pagina }: PaginaVerzoek & { status?: string | undefined }) =>
  lijstPagina(index, partitie, status ? sleutels.werkplekkenMetStatus(status) : undefined, pagina, WerkplekItem, cursorVoor(pagina.cursor, index, partitie));

export const dynamoWerkplekkenStore = (): WerkplekkenStore => ({
  async haal(werkplekId) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.werkplek(werkplekId), ConsistentRead: true }));
    return Item ? naarWerkplek(Item) : undefined;
  },

  zoekPerLid: (lidId, filter) => lijst('gsi1', sleutels.werkplekkenPerLidPartitie(lidId), filter),

  zoekAlle: (filter) => lijst('gsi3', sleutels.werkplekkenAllePartitie, filter),

  gebeurtenissen: (werkplekId, pagina) => gebeurtenissenPagina(sleutels.werkplek(werkplekId).pk, pagina, GebeurtenisItem),

  async voegToe({ werkplek, gebeurtenis }) {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            // The member was read as active; this closes the window in which it is suspended meanwhile.
            {
              ConditionCheck: {
                TableName: tabel(),
                Key: sleutels.lid(werkplek.lidId),
                ConditionExpression: 'entiteit = :lid AND #status = :actief',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':lid': 'Lid', ':actief': 'actief' },
              },
            },
            { Put: { TableName: tabel(), Item: werkplekItem(werkplek), ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: tabel(), Item: gebeurtenisItem(gebeurtenis), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
    } catch (error) {
      if (geweigerd(error, 0)) throw new DomeinFout('ongeldigeOvergang', 'Alleen een actief lid kan werkplekken aanbieden; dit lid is intussen niet meer actief.');
      throw error;
    }
  },

  async pasToe(mutatie) {
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems: werkplekMutatieItems(mutatie) }));
    } catch (error) {
      if (geweigerd(error, 0) || geweigerd(error, 1))
        throw new DomeinFout('verouderd', 'De werkplek is intussen gewijzigd. Haal hem opnieuw op en probeer het nog eens.');
      throw error;
    }
  },
});

