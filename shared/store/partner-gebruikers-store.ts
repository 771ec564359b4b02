import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { emailSleutel } from '../domain/regiopartners';
import { DomeinFout, nietGevonden } from '../domain/fouten';
import { CoordinatorGebruiker, LidGebruiker, PartnerGebruiker, type Uitnodiging } from '../schemas/gebruikers';
import type { CoordinatorGebruikersStore, PartnerGebruikersStore, UitnodigingenStore } from '../use-cases/poorten';
import { dynamo, tabel } from './dynamodb';
import { geweigerd, parseItem } from './items';
import { partitiePagina } from './queries';
import { sleutels } from './sleutels';
import type { TransactieItem } from './zoekprofielen';

const ENTITEIT = 'PartnerGebruiker';
const GebruikerItem = PartnerGebruiker.extend({ pk: z.string(), sk: z.string(), entiteit: z.literal(ENTITEIT) });
const LID_ENTITEIT = 'LidGebruiker';
const LidGebruikerItem = LidGebruiker.extend({ pk: z.string(), sk: z.string(), entiteit: z.literal(LID_ENTITEIT) });
const COORDINATOR_ENTITEIT = 'CoordinatorGebruiker';
const CoordinatorGebruikerItem = CoordinatorGebruiker.extend({ pk: z.string(), sk: z.string(), entiteit: z.literal(COORDINATOR_ENTITEIT) });

/** An outbox item is only a trigger: kept a fortnight (the DLQ's retention), then TTL removes it. */
const OPDRACHT_BEWAARTERMIJN_SECONDEN = 14 * 86_400;

export const partnerGebruikerItem = (g: PartnerGebruiker) => ({ ...sleutels.partnerGebruiker(g.partnerId, emailSleutel(g.email)), entiteit: ENTITEIT, ...g });
export const lidGebruikerItem = (g: LidGebruiker) => ({ ...sleutels.lidGebruiker(g.lidId, emailSleutel(g.email)), entiteit: LID_ENTITEIT, ...g });
export const coordinatorGebruikerItem = (g: CoordinatorGebruiker) => ({ ...sleutels.coordinatorGebruiker(emailSleutel(g.email)), entiteit: COORDINATOR_ENTITEIT, ...g });
const sleutelVan = (g: Uitnodiging) =>
  'partnerId' in g
    ? sleutels.partnerGebruiker(g.partnerId, emailSleutel(g.email))
    : 'lidId' in g
      ? sleutels.lidGebruiker(g.lidId, emailSleutel(g.email))
      : sleutels.coordinatorGebruiker(emailSleutel(g.email));

/**
 * The accounts consumer's outbox item: its INSERT on the table's stream is forwarded to the gebruikers
 * queue (functions/streams/outbox-doorsturen.ts) as the invitation's keys; the consumer then does what the
 * invitation's status asks (make the account, or remove it). Written in the transaction of every change
 * that needs the account to follow: a new partner's contact, an invitation, a revocation. Its id is the
 * invitation's id and version, so a retried write of the same change cannot make a second task.
 */
export const accountopdrachtItem = (g: Uitnodiging) => ({
  ...sleutels.accountopdracht(`${g.id}-${g.versie}`),
  entiteit: 'Accountopdracht',
  ...('partnerId' in g ? { partnerId: g.partnerId } : 'lidId' in g ? { lidId: g.lidId } : { coordinator: true }),
  sleutel: emailSleutel(g.email),
  aangemaaktOp: g.gewijzigdOp,
  verlooptOp: Math.floor(new Date(g.gewijzigdOp).getTime() / 1000) + OPDRACHT_BEWAARTERMIJN_SECONDEN,
});

const putOpdracht = (g: Uitnodiging) => ({ Put: { TableName: tabel(), Item: accountopdrachtItem(g), ConditionExpression: 'attribute_not_exists(pk)' } });

/** An invitation and its task, for a new partner's transaction (shared/store/regiopartners-store.ts). */
export const nieuweGebruikerSchrijfacties = (g: PartnerGebruiker) => [
  { Put: { TableName: tabel(), Item: partnerGebruikerItem(g), ConditionExpression: 'attribute_not_exists(pk)' } },
  putOpdracht(g),
];

/** A member's contact's invitation and its task, for the approval's transaction (shared/store/leden-store.ts). */
export const nieuweLidGebruikerSchrijfacties = (g: LidGebruiker) => [
  { Put: { TableName: tabel(), Item: lidGebruikerItem(g), ConditionExpression: 'attribute_not_exists(pk)' } },
  putOpdracht(g),
];

// Conditional on the version read: of two deliveries of the same message, one records the outcome.
const handelAf = async (g: Uitnodiging, verwachteVersie: number): Promise<boolean> => {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tabel(),
        Key: sleutelVan(g),
        UpdateExpression: 'SET #s = :s, gewijzigdOp = :op, versie = :v',
        ConditionExpression: 'versie = :verwacht',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': g.status, ':op': g.gewijzigdOp, ':v': g.versie, ':verwacht': verwachteVersie },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

/** The invitations of members' contacts, as the accounts consumer reads and marks them. */

/** An invitation's Put: new, or replacing a revoked one (a person whose access was revoked can be invited again). */
const nieuweUitnodiging = (item: Record<string, unknown>): TransactieItem => ({
  Put: {
    TableName: tabel(),
    Item: item,
    ConditionExpression: 'attribute_not_exists(pk) OR #s = :ingetrokken',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':ingetrokken': 'ingetrokken' },
  },
});

export const dynamoLidGebruikersStore = (): UitnodigingenStore<LidGebruiker> => ({
  async haal(lidId, sleutel) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.lidGebruiker(lidId, sleutel), ConsistentRead: true }));
    return Item ? parseItem(LidGebruikerItem, Item) : undefined;
  },
  handelAf,
});

export const dynamoPartnerGebruikersStore = (): PartnerGebruikersStore => ({
  async haal(partnerId, sleutel) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.partnerGebruiker(partnerId, sleutel), ConsistentRead: true }));
    return Item ? parseItem(GebruikerItem, Item) : undefined;
  },

  // The invitation's key is its address's hash, so by id it is a Query of the partner's staff with a filter.
  // A partner has tens of staff, not thousands: one request, without an index kept for this one route.
  async vind(partnerId, gebruikerId) {
    const r = await dynamo().send(
      new QueryCommand({
        TableName: tabel(),
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
        FilterExpression: 'id = :id',
        ExpressionAttributeValues: { ':p': sleutels.partner(partnerId).pk, ':s': sleutels.partnerGebruikersPrefix, ':id': gebruikerId },
        ConsistentRead: true,
      }),
    );
    const [item] = r.Items ?? [];
    return item ? parseItem(GebruikerItem, item) : undefined;
  },

  zoek: (partnerId, pagina) => partitiePagina(sleutels.partner(partnerId).pk, sleutels.partnerGebruikersPrefix, pagina, GebruikerItem),

  async voegToe(g) {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            { ConditionCheck: { TableName: tabel(), Key: sleutels.partner(g.partnerId), ConditionExpression: 'attribute_exists(pk)' } },
            nieuweUitnodiging(partnerGebruikerItem(g)),
            putOpdracht(g),
          ],
        }),
      );
    } catch (error) {
      if (geweigerd(error, 0)) throw nietGevonden('Deze regiopartner');
      if (geweigerd(error, 1))
        throw new DomeinFout('conflict', 'Dit e-mailadres is al uitgenodigd voor deze regiopartner; de lijst van gebruikers toont de stand.');
      throw error;
    }
  },

  async trekIn(g, verwachteVersie) {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tabel(),
                Item: partnerGebruikerItem(g),
                ConditionExpression: 'versie = :verwacht',
                ExpressionAttributeValues: { ':verwacht': verwachteVersie },
              },
            },
            putOpdracht(g),
          ],
        }),
      );
    } catch (error) {
      if (geweigerd(error, 0)) throw new DomeinFout('verouderd', 'De uitnodiging is intussen gewijzigd. Haal de lijst opnieuw op en probeer het nog eens.');
      throw error;
    }
  },

  handelAf,
});

/**
 * The coordinators' invitations: the same items, task and marks as a partner's staff, in one partition
 * (COORDINATOREN) because the cooperative has tens of coordinators, not thousands.
 */
export const dynamoCoordinatorGebruikersStore = (): CoordinatorGebruikersStore => ({
  async haal(_tenant, sleutel) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.coordinatorGebruiker(sleutel), ConsistentRead: true }));
    return Item ? parseItem(CoordinatorGebruikerItem, Item) : undefined;
  },

  async vind(gebruikerId) {
    const r = await dynamo().send(
      new QueryCommand({
        TableName: tabel(),
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
        FilterExpression: 'id = :id',
        ExpressionAttributeValues: { ':p': sleutels.coordinatorenPartitie, ':s': sleutels.partnerGebruikersPrefix, ':id': gebruikerId },
        ConsistentRead: true,
      }),
    );
    const [item] = r.Items ?? [];
    return item ? parseItem(CoordinatorGebruikerItem, item) : undefined;
  },

  zoek: (pagina) => partitiePagina(sleutels.coordinatorenPartitie, sleutels.partnerGebruikersPrefix, pagina, CoordinatorGebruikerItem),

  async voegToe(g) {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            nieuweUitnodiging(coordinatorGebruikerItem(g)),
            putOpdracht(g),
          ],
        }),
      );
    } catch (error) {
      if (geweigerd(error, 0)) throw new DomeinFout('conflict', 'Dit e-mailadres is al uitgenodigd als coördinator; de lijst van coördinatoren toont de stand.');
      throw error;
    }
  },

  async trekIn(g, verwachteVersie) {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tabel(), Item: coordinatorGebruikerItem(g), ConditionExpression: 'versie = :verwacht', ExpressionAttributeValues: { ':verwacht': verwachteVersie } } },
            putOpdracht(g),
          ],
        }),
      );
    } catch (error) {
      if (geweigerd(error, 0)) throw new DomeinFout('verouderd', 'De uitnodiging is intussen gewijzigd. Haal de lijst opnieuw op en probeer het nog eens.');
      throw error;
    }
  },

  handelAf,
});
