import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { DomeinFout } from '../domain/fouten';
import type { Notificatie } from '../domain/notificaties';
import { bevestigingsmailId, ongeldigeBevestiging } from '../domain/regiopartners';
import { AanmeldingGebeurtenis, RegiopartnerAanmelding } from '../schemas/regiopartners';
import type { AanmeldingenStore } from '../use-cases/poorten';
import { dynamo, tabel } from './dynamodb';
import { geweigerd, parseItem } from './items';
import { eersteMachineClientSchrijfacties } from './machine-clients-store';
import { notificatieItem } from './notificaties-store';
import { gebeurtenissenPagina, lijstPagina } from './queries';
import { nieuwePartnerSchrijfacties } from './regiopartners-store';
import { sleutels } from './sleutels';
import { gebeurtenisItems } from './uitgaand-store';
import { uitAanmelding } from '../domain/abonnementen/wijzigingen';

const sleutelVelden = { pk: z.string(), sk: z.string() };
/** Until it is confirmed an application and its first event carry the table's TTL: an unconfirmed one lapses. */
const Ttl = { verlooptOp: z.number().int().optional() };
// Items are parsed on every read: a query can never hand back another entity's items as an application.
const AanmeldingItem = RegiopartnerAanmelding.extend({ ...sleutelVelden, ...Ttl, entiteit: z.literal('RegiopartnerAanmelding'), gsi1pk: z.string(), gsi1sk: z.string() });
const GebeurtenisItem = AanmeldingGebeurtenis.extend({ ...sleutelVelden, ...Ttl, entiteit: z.literal('AanmeldingGebeurtenis') });
const BevestigingItem = z.object({ entiteit: z.literal('Aanmeldingsbevestiging'), aanmeldingId: z.string(), verlooptOp: z.number().int() });

const zonderTtl = <T extends { verlooptOp?: number | undefined }>({ verlooptOp: _ttl, ...rest }: T): Omit<T, 'verlooptOp'> => rest;
const naarAanmelding = (item: unknown): RegiopartnerAanmelding => zonderTtl(parseItem(AanmeldingItem, item));

const aanmeldingItem = (a: RegiopartnerAanmelding, verlooptOp?: number) => ({
  ...sleutels.aanmelding(a.id),
  ...sleutels.aanmeldingenIndex(a.status, a.aangemaaktOp, a.id),
  entiteit: 'RegiopartnerAanmelding',
  ...a,
  ...(verlooptOp !== undefined ? { verlooptOp } : {}),
});
const gebeurtenisItem = (g: AanmeldingGebeurtenis, verlooptOp?: number) => ({
  ...sleutels.aanmeldingGebeurtenis(g.aanmeldingId, g.versie),
  entiteit: 'AanmeldingGebeurtenis',
  ...g,
  ...(verlooptOp !== undefined ? { verlooptOp } : {}),
});

const epoch = (d: Date) => Math.floor(d.getTime() / 1000);

const vereist = <T>(waarde: T | undefined, wat: string): T => {
  if (waarde === undefined) throw new Error(`regiopartner-aanmelding: ${wat} ontbreekt in de mutatie`);
  return waarde;
};

export const dynamoAanmeldingenStore = (): AanmeldingenStore => ({
  async haal(aanmeldingId) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.aanmelding(aanmeldingId), ConsistentRead: true }));
    return Item ? naarAanmelding(Item) : undefined;
  },

  async zoek({ status, ...pagina }) {
    const p = await lijstPagina('gsi1', sleutels.aanmeldingenPartitie, status ? sleutels.aanmeldingenMetStatus(status) : undefined, pagina, AanmeldingItem);
    return { items: p.items.map(zonderTtl), cursor: p.cursor };
  },

  async gebeurtenissen(aanmeldingId, pagina) {
    const p = await gebeurtenissenPagina(sleutels.aanmelding(aanmeldingId).pk, pagina, GebeurtenisItem);
    return { items: p.items.map(zonderTtl), cursor: p.cursor };
  },

  async voegToe(mutatie, nu) {
    const { aanmelding, gebeurtenis } = mutatie;
    const bevestiging = vereist(mutatie.bevestiging, 'bevestiging');
    const notificatie = vereist(mutatie.notificatie, 'notificatie');
    const ttl = bevestiging.verlooptOp;
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              // The KvK number is taken while an application is open. An unconfirmed one holds it only until
              // its link expires: DynamoDB's TTL deletes late (and DynamoDB Local never), so the condition
              // itself lets a new application take over a lapsed hold.
              Put: {
                TableName: tabel(),
                Item: { ...sleutels.aanmeldingKvk(aanmelding.kvkNummer), entiteit: 'AanmeldingKvk', kvkNummer: aanmelding.kvkNummer, aanmeldingId: aanmelding.id, verlooptOp: ttl },
                ConditionExpression: 'attribute_not_exists(pk) OR verlooptOp < :nu',
                ExpressionAttributeValues: { ':nu': epoch(nu) },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
            { Put: { TableName: tabel(), Item: aanmeldingItem(aanmelding, ttl), ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: tabel(), Item: gebeurtenisItem(gebeurtenis, ttl), ConditionExpression: 'attribute_not_exists(pk)' } },
            {
              Put: {
                TableName: tabel(),
                Item: { ...sleutels.aanmeldingsbevestiging(bevestiging.tokenHash), entiteit: 'Aanmeldingsbevestiging', aanmeldingId: aanmelding.id, verlooptOp: ttl },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            // The mail carries the link in plain text until it is sent: its outbox item goes when the link does.
            { Put: { TableName: tabel(), Item: { ...notificatieItem(notificatie), verlooptOp: ttl }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
      return {};
    } catch (error) {
      if (geweigerd(error, 0)) {
        const bezet = (error as TransactionCanceledException).CancellationReasons?.[0]?.Item?.aanmeldingId?.S;
        return { openAanmeldingId: vereist(bezet, 'aanmeldingId van de open aanmelding') };
      }
      throw error;
    }
  },

  async bijToken(tokenHash, nu) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.aanmeldingsbevestiging(tokenHash), ConsistentRead: true }));
    if (!Item) return undefined;
    const b = BevestigingItem.parse(Item);
    return b.verlooptOp > epoch(nu) ? b.aanmeldingId : undefined;
  },

  async bevestig({ aanmelding, gebeurtenis, verwachteVersie }, tokenHash, nu) {
    const id = aanmelding.id;
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            // Single use: the token is deleted by the confirmation it makes, on condition that it is still there and valid.
            {
              Delete: {
                TableName: tabel(),
                Key: sleutels.aanmeldingsbevestiging(tokenHash),
                ConditionExpression: 'attribute_exists(pk) AND verlooptOp > :nu AND aanmeldingId = :id',
                ExpressionAttributeValues: { ':nu': epoch(nu), ':id': id },
              },
            },
            {
              Put: {
                TableName: tabel(),
                Item: aanmeldingItem(aanmelding),
                ConditionExpression: 'versie = :verwacht AND #s = :aangemeld',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':verwacht': verwachteVersie, ':aangemeld': 'aangemeld' },
              },
            },
            {
              Update: {
                TableName: tabel(),
                Key: sleutels.aanmeldingGebeurtenis(id, 1),
                UpdateExpression: 'REMOVE verlooptOp',
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
            { Put: { TableName: tabel(), Item: gebeurtenisItem(gebeurtenis), ConditionExpression: 'attribute_not_exists(pk)' } },
            // Confirmed, the KvK number stays taken until a coordinator decides.
            {
              Update: {
                TableName: tabel(),
                Key: sleutels.aanmeldingKvk(aanmelding.kvkNummer),
                UpdateExpression: 'REMOVE verlooptOp',
                ConditionExpression: 'aanmeldingId = :id',
                ExpressionAttributeValues: { ':id': id },
              },
            },
            // The link did its work: its plain text leaves the outbox (sent or not, it is of no use any more).
            { Delete: { TableName: tabel(), Key: sleutels.notificatie(bevestigingsmailId(id)) } },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) throw ongeldigeBevestiging();
      throw error;
    }
  },

  async besluit({ aanmelding, gebeurtenis, verwachteVersie, notificatie, nieuwePartner, machineClient }) {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tabel(),
                Item: aanmeldingItem(aanmelding),
                ConditionExpression: 'versie = :verwacht',
                ExpressionAttributeValues: { ':verwacht': verwachteVersie },
              },
            },
            { Put: { TableName: tabel(), Item: gebeurtenisItem(gebeurtenis), ConditionExpression: 'attribute_not_exists(pk)' } },
            // Decided, the application is no longer open: its KvK number may apply again.
            {
              Delete: {
                TableName: tabel(),
                Key: sleutels.aanmeldingKvk(aanmelding.kvkNummer),
                ConditionExpression: 'aanmeldingId = :id',
                ExpressionAttributeValues: { ':id': aanmelding.id },
              },
            },
            ...(notificatie ? [{ Put: { TableName: tabel(), Item: notificatieItem(notificatie), ConditionExpression: 'attribute_not_exists(pk)' } }] : []),
            ...(nieuwePartner ? nieuwePartnerSchrijfacties(nieuwePartner) : []),
            ...(machineClient ? eersteMachineClientSchrijfacties(machineClient) : []),
            // The decision for other systems (issue #14), in the same transaction.
            ...gebeurtenisItems(uitAanmelding(gebeurtenis)),
          ],
        }),
      );
    } catch (error) {
      if (geweigerd(error, 0) || geweigerd(error, 1) || geweigerd(error, 2))
        throw new DomeinFout('verouderd', 'De aanmelding is intussen door een ander gewijzigd. Haal haar opnieuw op en probeer het nog eens.');
      throw error;
    }
  },

  async bewaarNotificatie(notificatie: Notificatie) {
    try {
      await dynamo().send(new PutCommand({ TableName: tabel(), Item: notificatieItem(notificatie), ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  },
});
