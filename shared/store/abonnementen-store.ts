import { DeleteCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import type { Abonnement, Eigenaar } from '../domain/abonnementen/abonnement';
import { DomeinFout } from '../domain/fouten';
import type { AbonnementenStore, Verzegeld } from '../use-cases/abonnementen';
import { dynamo, tabel } from './dynamodb';
import { geweigerd, parseItem } from './items';
import { lijstPagina } from './queries';
import { sleutels } from './sleutels';

/** The owner as one key part: `GEMEENTE#GM0363`, `LID#<id>`, `PARTNER#<id>`, `COOP`. */
export const eigenaarSleutel = (e: Eigenaar): string =>
  e.rol === 'gemeente' ? `GEMEENTE#${e.gemeente}` : e.rol === 'werkgever' ? `LID#${e.lidId}` : e.rol === 'regiopartner' ? `PARTNER#${e.partnerId}` : 'COOP';

const AbonnementItem = z.object({
  pk: z.string(),
  sk: z.string(),
  gsi1pk: z.string(),
  gsi1sk: z.string(),
  gsi2pk: z.string(),
  gsi2sk: z.string(),
  entiteit: z.literal('Abonnement'),
  id: z.string(),
  eigenaar: z.union([
    z.object({ rol: z.literal('coopAdmin') }),
    z.object({ rol: z.literal('gemeente'), gemeente: z.string() }),
    z.object({ rol: z.literal('werkgever'), lidId: z.string() }),
    z.object({ rol: z.literal('regiopartner'), partnerId: z.string() }),
  ]),
  types: z.array(z.string()),
  callbackUrl: z.string(),
  berichtvorm: z.enum(['cloudevents', 'zgw']),
  contactEmail: z.string(),
  status: z.enum(['inAfwachting', 'actief', 'uitgeschakeld']),
  uitgeschakeldOmdat: z.enum(['opgezegd', 'zonderSucces']).optional(),
  authorizationIngesteld: z.boolean(),
  vorigGeheimGeldigTot: z.string().optional(),
  aangemaaktOp: z.string(),
  gewijzigdOp: z.string(),
  versie: z.number().int(),
  geheim: z.string(),
  vorigGeheim: z.string().optional(),
  authorization: z.string().optional(),
});

const naar = (item: unknown): { abonnement: Abonnement; verzegeld: Verzegeld } => {
  const { geheim, vorigGeheim, authorization, ...a } = parseItem(AbonnementItem, item);
  return { abonnement: a as Abonnement, verzegeld: { geheim, ...(vorigGeheim ? { vorigGeheim } : {}), ...(authorization ? { authorization } : {}) } };
};

const item = (a: Abonnement, v: Verzegeld) => ({
  ...sleutels.abonnement(a.id),
  ...sleutels.abonnementenPerEigenaar(eigenaarSleutel(a.eigenaar), a.id),
  ...sleutels.abonnementenAlle(a.id),
  entiteit: 'Abonnement',
  ...a,
  ...v,
});

/**
 * The verification's outbox item: its INSERT on the stream is forwarded to the webhooks queue as the
 * first attempt of a signed `nl.werkcoop.abonnementen.verificatie` to the callback, whose 2xx makes the
 * subscription actief. Only a trigger: kept a fortnight (the DLQ's retention), then TTL removes it.
 */
const verificatiePut = (abonnementId: string, id: string, op: string) => ({
  Put: {
    TableName: tabel(),
    Item: { ...sleutels.verificatieopdracht(id), entiteit: 'Verificatieopdracht', id, abonnementId, op, verlooptOp: Math.floor(Date.parse(op) / 1000) + 14 * 86_400 },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

const verouderd = () => new DomeinFout('verouderd', 'Het abonnement is intussen gewijzigd. Haal het opnieuw op en probeer het nog eens.');

export const dynamoAbonnementenStore = (): AbonnementenStore => ({
  async haal(id) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.abonnement(id), ConsistentRead: true }));
    return Item ? naar(Item) : undefined;
  },

  async lijst(eigenaar, pagina) {
    const p =
      eigenaar === 'alle'
        ? await lijstPagina('gsi2', sleutels.abonnementenAllePartitie, undefined, pagina, AbonnementItem)
        : await lijstPagina('gsi1', sleutels.abonnementenPerEigenaarPartitie(eigenaarSleutel(eigenaar)), undefined, pagina, AbonnementItem);
    // A list never carries the sealed values, not even sealed.
    return { items: p.items.map(({ geheim: _g, vorigGeheim: _v, authorization: _a, ...a }) => a as Abonnement), cursor: p.cursor };
  },

  async voegToe(a, v, verificatieId) {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tabel(), Item: item(a, v), ConditionExpression: 'attribute_not_exists(pk)' } },
          verificatiePut(a.id, verificatieId, a.gewijzigdOp),
        ],
      }),
    );
  },

  async vervang(a, v, verwachteVersie, verificatieId) {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tabel(), Item: item(a, v), ConditionExpression: 'versie = :v', ExpressionAttributeValues: { ':v': verwachteVersie } } },
            ...(verificatieId ? [verificatiePut(a.id, verificatieId, a.gewijzigdOp)] : []),
          ],
        }),
      );
    } catch (error) {
      if (geweigerd(error, 0)) throw verouderd();
      throw error;
    }
  },

  async verwijder(id, verwachteVersie) {
    try {
      await dynamo().send(
        new DeleteCommand({ TableName: tabel(), Key: sleutels.abonnement(id), ConditionExpression: 'versie = :v', ExpressionAttributeValues: { ':v': verwachteVersie } }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw verouderd();
      throw error;
    }
  },
});
