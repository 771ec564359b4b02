import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { DomeinFout } from '../domain/fouten';
import type { LidMutatie } from '../domain/leden';
import { Lid, LidGebeurtenis } from '../schemas/leden';
import type { LedenStore } from '../use-cases/poorten';
import { dynamo, tabel } from './dynamodb';
import { geweigerd, parseItem } from './items';
import { notificatieItem } from './notificaties-store';
import { nieuweLidGebruikerSchrijfacties } from './partner-gebruikers-store';
import { gebeurtenissenPagina, lijstPagina } from './queries';
import { sleutels } from './sleutels';
import { gebeurtenisItems } from './uitgaand-store';
import { uitLid } from '../domain/abonnementen/wijzigingen';

const sleutelVelden = { pk: z.string(), sk: z.string() };
// Items are parsed on every read: a query can never hand back another entity's items as a lid.
const LidItem = Lid.extend({ ...sleutelVelden, entiteit: z.literal('Lid'), gsi1pk: z.string(), gsi1sk: z.string() });
const GebeurtenisItem = LidGebeurtenis.extend({ ...sleutelVelden, entiteit: z.literal('LidGebeurtenis') });

const naarLid = (item: unknown): Lid => parseItem(LidItem, item);

const lidItem = (lid: Lid) => ({
  ...sleutels.lid(lid.id),
  ...sleutels.ledenIndex(lid.status, lid.aangemaaktOp, lid.id),
  entiteit: 'Lid',
  ...lid,
});
const gebeurtenisItem = (g: LidGebeurtenis) => ({ ...sleutels.lidGebeurtenis(g.lidId, g.versie), entiteit: 'LidGebeurtenis', ...g });

export const dynamoLedenStore = (): LedenStore => ({
  async haal(lidId) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.lid(lidId), ConsistentRead: true }));
    return Item ? naarLid(Item) : undefined;
  },

  zoek: ({ status, ...pagina }) => lijstPagina('gsi1', sleutels.ledenPartitie, status ? sleutels.ledenMetStatus(status) : undefined, pagina, LidItem),

  gebeurtenissen: (lidId, pagina) => gebeurtenissenPagina(sleutels.lid(lidId).pk, pagina, GebeurtenisItem),

  async voegToe({ lid, gebeurtenis }) {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tabel(), Item: { ...sleutels.kvk(lid.kvkNummer), entiteit: 'KvkRegistratie', kvkNummer: lid.kvkNummer, lidId: lid.id }, ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: tabel(), Item: lidItem(lid), ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: tabel(), Item: gebeurtenisItem(gebeurtenis), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
    } catch (error) {
      if (geweigerd(error, 0))
        throw new DomeinFout('conflict', `Voor KvK-nummer ${lid.kvkNummer} loopt al een aanvraag of is al een lidmaatschap.`);
      throw error;
    }
  },

  async pasToe({ lid, gebeurtenis, notificatie, gebruiker, kvkVrijgeven, verwachteVersie }) {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tabel(),
                Item: lidItem(lid),
                ConditionExpression: 'versie = :verwacht',
                ExpressionAttributeValues: { ':verwacht': verwachteVersie },
              },
            },
            { Put: { TableName: tabel(), Item: gebeurtenisItem(gebeurtenis), ConditionExpression: 'attribute_not_exists(pk)' } },
            ...(notificatie ? [{ Put: { TableName: tabel(), Item: notificatieItem(notificatie), ConditionExpression: 'attribute_not_exists(pk)' } }] : []),
            // The contact's account follows from the same change, once: the invitation and its task.
            ...(gebruiker ? nieuweLidGebruikerSchrijfacties(gebruiker) : []),
            ...(kvkVrijgeven
              ? [{ Delete: { TableName: tabel(), Key: sleutels.kvk(lid.kvkNummer), ConditionExpression: 'lidId = :lid', ExpressionAttributeValues: { ':lid': lid.id } } }]
              : []),
            // Approved or suspended: other systems hear of it in the same transaction (issue #14).
            ...gebeurtenisItems(uitLid(gebeurtenis)),
          ],
        }),
      );
    } catch (error) {
      if (geweigerd(error, 0) || geweigerd(error, 1))
        throw new DomeinFout('verouderd', 'Het lid is intussen door een ander gewijzigd. Haal het opnieuw op en probeer het nog eens.');
      throw error;
    }
  },
});
