import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { DomeinFout } from '../domain/fouten';
import { Verwijderverzoek, type AnoniemeVerwijzing } from '../schemas/privacy';
import type { Item, PrivacyStore } from '../use-cases/privacy';
import { haalSamen } from './batch';
import { dynamo, tabel } from './dynamodb';
import { geweigerd, parseItem } from './items';
import { sleutels } from './sleutels';
import type { TransactieItem } from './zoekprofielen';

const VerwijderverzoekItem = Verwijderverzoek.extend({ pk: z.string(), sk: z.string(), entiteit: z.literal('Verwijderverzoek') });
const naarVerwijderverzoek = (item: unknown): Verwijderverzoek => parseItem(VerwijderverzoekItem, item);
const verwijderverzoekItem = (v: Verwijderverzoek) => ({ ...sleutels.verwijderverzoek(v.verwijzingId), entiteit: 'Verwijderverzoek', ...v });

type Sleutel = { pk: string; sk: string };
const sleutelVan = (item: Item): Sleutel => ({ pk: String(item.pk), sk: String(item.sk) });

/** Every page of a query (a person's items are a few hundred at most). */
const alles = async (input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Item[]> => {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await dynamo().send(new QueryCommand({ TableName: tabel(), ...input, ExclusiveStartKey: start }));
    items.push(...(r.Items ?? []));
    start = r.LastEvaluatedKey;
  } while (start);
  return items;
};

const partitie = (pk: string) => alles({ KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': pk }, ConsistentRead: true });
/** gsi4 only names the items (an index is read eventually consistently); their content is read from the table. */
const betreft = async (soort: string, id: string): Promise<Sleutel[]> =>
  (
    await alles({
      IndexName: 'gsi4',
      KeyConditionExpression: 'gsi4pk = :p',
      ExpressionAttributeValues: { ':p': sleutels.betreftPartitie(soort, id) },
      ProjectionExpression: 'pk, sk',
    })
  ).map(sleutelVan);

const uniek = <T>(xs: Iterable<T>) => [...new Set(xs)];

/**
 * A person's items without a Scan: the referral's partition; its placements (gsi4 BETREFT#VERWIJZING#…, plus
 * those its history and guards name, for placements older than the index) and each one's partition (history,
 * goals, notes, moments); what gsi4 lists for each placement and moment (escalations, notifications); the
 * moments' pointers; and the processing log's partition of the person's pseudonym.
 */
const verzamel = async (verwijzingId: string, pseudoniem: string): Promise<Item[]> => {
  const [eigen, viaIndex, log] = await Promise.all([
    partitie(sleutels.verwijzing(verwijzingId).pk),
    betreft('verwijzing', verwijzingId),
    partitie(sleutels.verwerkingPartitie(pseudoniem)),
  ]);
  const plaatsingIds = uniek([
    ...viaIndex.map((k) => k.pk.replace(/^PLAATSING#/, '')),
    ...eigen.flatMap((i) => (typeof i.plaatsingId === 'string' ? [i.plaatsingId] : [])),
  ]);
  const perPlaatsing = await Promise.all(plaatsingIds.map(async (id) => ({ items: await partitie(sleutels.plaatsing(id).pk), elders: await betreft('plaatsing', id) })));
  const plaatsingItems = perPlaatsing.flatMap((p) => p.items);
  const momentIds = plaatsingItems.filter((i) => i.entiteit === 'Nazorgmoment').map((i) => String(i.id));
  const perMoment = await Promise.all(momentIds.map((id) => betreft('nazorgmoment', id)));
  const elders = [...perPlaatsing.flatMap((p) => p.elders), ...perMoment.flat(), ...momentIds.map((id) => sleutels.nazorgmomentVerwijzer(id))];
  const gezien = new Set([...eigen, ...plaatsingItems].map((i) => `${String(i.pk)}|${String(i.sk)}`));
  const buiten = uniek(elders.map((k) => `${k.pk}|${k.sk}`))
    .filter((k) => !gezien.has(k))
    .map((k) => ({ pk: k.split('|')[0]!, sk: k.split('|')[1]! }));
  return [...eigen, ...plaatsingItems, ...(await haalSamen(buiten)), ...log];
};

/** Items per erasure transaction: with the progress update well inside TransactWriteItems' 100 and 4 MB. */
export const PER_PAGINA = 25;

export const dynamoPrivacyStore = (): PrivacyStore => ({
  verzamel,

  async verwijderverzoek(verwijzingId) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.verwijderverzoek(verwijzingId), ConsistentRead: true }));
    return Item ? naarVerwijderverzoek(Item) : undefined;
  },

  async begin(verzoek) {
    try {
      await dynamo().send(new PutCommand({ TableName: tabel(), Item: verwijderverzoekItem(verzoek), ConditionExpression: 'attribute_not_exists(pk)' }));
      return verzoek;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // Another request began it first: take that one up.
      const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.verwijderverzoek(verzoek.verwijzingId), ConsistentRead: true }));
      return naarVerwijderverzoek(Item);
    }
  },

  /**
   * One page of the erasure in one transaction, with its progress on the record: an anonymised item is put
   * back only if it still exists at the version read (a change in between cancels the page, and the next
   * run reads and decides again), a removed one is deleted (a delete of what is gone changes nothing).
   */
  async verwerk(verzoek, { anonimiseer, verwijder }) {
    const T = tabel();
    const items: TransactieItem[] = [
      ...anonimiseer.map(({ voor, na }): TransactieItem => ({
        Put: {
          TableName: T,
          Item: na,
          ...(typeof voor.versie === 'number'
            ? { ConditionExpression: 'attribute_exists(pk) AND versie = :v', ExpressionAttributeValues: { ':v': voor.versie } }
            : { ConditionExpression: 'attribute_exists(pk)' }),
        },
      })),
      ...verwijder.map((item): TransactieItem => ({ Delete: { TableName: T, Key: sleutelVan(item) } })),
      {
        Update: {
          TableName: T,
          Key: sleutels.verwijderverzoek(verzoek.verwijzingId),
          UpdateExpression: 'SET verwijderd = verwijderd + :d, geanonimiseerd = geanonimiseerd + :a',
          ConditionExpression: '#s = :bezig',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':d': verwijder.length, ':a': anonimiseer.length, ':bezig': 'bezig' },
        },
      },
    ];
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (items.some((_, i) => geweigerd(error, i)))
        throw new DomeinFout('conflict', 'Gegevens van deze persoon werden tijdens het wissen gewijzigd. Dien het verzoek opnieuw in: het gaat verder waar het was.');
      throw error;
    }
  },

  /** The last step, atomically: the referral goes, what it leaves for the figures comes, the record is done. */
  async rondAf(verzoek, verwijzing, anoniem: AnoniemeVerwijzing, voltooidOp) {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: tabel(),
                Key: sleutels.verwijzing(verzoek.verwijzingId),
                ConditionExpression: 'versie = :v',
                ExpressionAttributeValues: { ':v': verwijzing.versie },
              },
            },
            { Put: { TableName: tabel(), Item: { ...sleutels.anoniemeVerwijzing(anoniem.id), entiteit: 'AnoniemeVerwijzing', ...anoniem } } },
            {
              Update: {
                TableName: tabel(),
                Key: sleutels.verwijderverzoek(verzoek.verwijzingId),
                UpdateExpression: 'SET #s = :voltooid, voltooidOp = :op, verwijderd = verwijderd + :een',
                ConditionExpression: '#s = :bezig',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':voltooid': 'voltooid', ':bezig': 'bezig', ':op': voltooidOp, ':een': 1 },
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (geweigerd(error, 0) || geweigerd(error, 2))
        throw new DomeinFout('conflict', 'De verwijzing werd tijdens het wissen gewijzigd. Dien het verzoek opnieuw in: het gaat verder waar het was.');
      throw error;
    }
  },
});
