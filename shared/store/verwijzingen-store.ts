import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { DomeinFout } from '../domain/fouten';
import { isAfgesloten, type VerwijzingMutatie } from '../domain/verwijzingen';
import { GemeenteCode } from '../schemas/gemeenten';
import { Verwijzing, VerwijzingGebeurtenis } from '../schemas/verwijzingen';
import type { VerwijzingenStore } from '../use-cases/poorten';
import { bewaartermijnPut } from './bewaartermijn-store';
import { dynamo, tabel } from './dynamodb';
import { geweigerd, parseItem } from './items';
import { gebeurtenissenPagina, lijstPagina } from './queries';
import { sleutels } from './sleutels';
import { zoekprofielMutaties, type TransactieItem } from './zoekprofielen';
import { gebeurtenisItems } from './uitgaand-store';
import { uitVerwijzing } from '../domain/abonnementen/wijzigingen';

const sleutelVelden = { pk: z.string(), sk: z.string() };
// Items are parsed on every read: a query can never hand back another entity's items as a referral.
const VerwijzingItem = Verwijzing.extend({
  ...sleutelVelden,
  entiteit: z.literal('Verwijzing'),
  gsi1pk: z.string(),
  gsi1sk: z.string(),
  gsi3pk: z.string(),
  gsi3sk: z.string(),
});
// The history records carry their referral's gemeente, so reading the history checks tenancy without reading the referral.
const GebeurtenisItem = VerwijzingGebeurtenis.extend({ ...sleutelVelden, entiteit: z.literal('VerwijzingGebeurtenis'), gemeente: GemeenteCode });

export const naarVerwijzing = (item: unknown): Verwijzing => parseItem(VerwijzingItem, item);

/** The referral's item with its list keys: per gemeente (gsi1) and all, for coordinators (gsi3). */
export const verwijzingItem = (v: Verwijzing) => ({
  ...sleutels.verwijzing(v.id),
  ...sleutels.verwijzingenPerGemeente(v.gemeente, v.status, v.aangemaaktOp, v.id),
  ...sleutels.verwijzingenAlle(v.status, v.aangemaaktOp, v.id),
  entiteit: 'Verwijzing',
  ...v,
});

export const verwijzingGebeurtenisItem = (g: VerwijzingGebeurtenis, gemeente: string) => ({
  ...sleutels.verwijzingGebeurtenis(g.verwijzingId, g.versie),
  entiteit: 'VerwijzingGebeurtenis',
  gemeente,
  ...g,
});

/**
 * The transaction entries of one change of a referral: the referral (new: must not exist; changed: still
 * at the version read), its history record, its zoekprofielen brought in line, and — for a consent to
 * meet a member — a check that the member is active. Exported so that the placements put a referral's
 * change into their own transaction: the entries' order is fixed, the referral first.
 */
export const verwijzingTransactieItems = (m: VerwijzingMutatie): TransactieItem[] => [
  m.verwachteVersie === undefined
    ? { Put: { TableName: tabel(), Item: verwijzingItem(m.verwijzing), ConditionExpression: 'attribute_not_exists(pk)' } }
    : {
        Put: {
          TableName: tabel(),
          Item: verwijzingItem(m.verwijzing),
          ConditionExpression: 'versie = :verwacht',
          ExpressionAttributeValues: { ':verwacht': m.verwachteVersie },
        },
      },
  { Put: { TableName: tabel(), Item: verwijzingGebeurtenisItem(m.gebeurtenis, m.verwijzing.gemeente), ConditionExpression: 'attribute_not_exists(pk)' } },
  ...(m.actiefLid
    ? [
        {
          ConditionCheck: {
            TableName: tabel(),
            Key: sleutels.lid(m.actiefLid),
            ConditionExpression: '#status = :actief',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':actief': 'actief' },
          },
        },
      ]
    : []),
  ...zoekprofielMutaties(m.vorige, m.verwijzing),
  // A closed referral's retention term starts (again) with this change (shared/privacy/bewaartermijn.ts). Last,
  // so the entries' indexes above stay what the refusals read.
  ...(isAfgesloten(m.verwijzing.status) ? [bewaartermijnPut(m.verwijzing.id, m.verwijzing.gemeente, m.verwijzing.gewijzigdOp)] : []),
  // The status change for other systems (issue #14), in the same transaction, after everything the refusals index.
  ...gebeurtenisItems(uitVerwijzing(m.gebeurtenis, m.verwijzing)),
];

export const dynamoVerwijzingenStore = (): VerwijzingenStore => ({
  async haal(verwijzingId) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.verwijzing(verwijzingId), ConsistentRead: true }));
    return Item ? naarVerwijzing(Item) : undefined;
  },

  async zoek({ gemeente, status, ...pagina }) {
    // One gemeente's list is its own gsi1 partition; everyone's (coordinators) is gsi3's. Both are ordered
    // status#aangemaaktOp#id, so the status filter is a key condition, never a filter after reading.
    const prefix = status ? sleutels.verwijzingenMetStatus(status) : undefined;
    return gemeente
      ? lijstPagina('gsi1', sleutels.verwijzingenPerGemeentePartitie(gemeente), prefix, pagina, VerwijzingItem)
      : lijstPagina('gsi3', sleutels.verwijzingenAllePartitie, prefix, pagina, VerwijzingItem);
  },

  gebeurtenissen: (verwijzingId, pagina) => gebeurtenissenPagina(sleutels.verwijzing(verwijzingId).pk, pagina, GebeurtenisItem),

  async voegToe(mutatie) {
    await dynamo().send(new TransactWriteCommand({ TransactItems: verwijzingTransactieItems(mutatie) }));
  },

  async pasToe(mutatie) {
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems: verwijzingTransactieItems(mutatie) }));
    } catch (error) {
      if (mutatie.actiefLid && geweigerd(error, 2))
        throw new DomeinFout('onverwerkbaar', `Lid ${mutatie.actiefLid} bestaat niet of is geen actief lid: toestemming om kennis te maken kan alleen voor een actief lid.`);
      if (geweigerd(error, 0) || geweigerd(error, 1))
        throw new DomeinFout('verouderd', 'De verwijzing is intussen door een ander gewijzigd. Haal haar opnieuw op en probeer het nog eens.');
      throw error;
    }
  },
});
