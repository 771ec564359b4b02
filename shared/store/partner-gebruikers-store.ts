import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { emailSleutel } from '../domain/regiopartners';
import { DomeinFout, nietGevonden } from '../domain/fouten';
import { PartnerGebruiker } from '../schemas/regiopartners';
import type { PartnerGebruikersStore } from '../use-cases/poorten';
import { dynamo, tabel } from './dynamodb';
import { parseItem } from './items';
import { partitiePagina } from './queries';
import { sleutels } from './sleutels';

const ENTITEIT = 'PartnerGebruiker';
const GebruikerItem = PartnerGebruiker.extend({ pk: z.string(), sk: z.string(), entiteit: z.literal(ENTITEIT) });

/**
 * The invitation of a partner's staff member. Its INSERT on the table's stream is the accounts consumer's
 * outbox message (shared/queues/definition.ts), so it is written in the same transaction as whatever
 * invites: the partner itself (its contact) or a coordinator's invitation.
 */
export const partnerGebruikerItem = (g: PartnerGebruiker) => ({ ...sleutels.partnerGebruiker(g.partnerId, emailSleutel(g.email)), entiteit: ENTITEIT, ...g });

export const dynamoPartnerGebruikersStore = (): PartnerGebruikersStore => ({
  async haal(partnerId, sleutel) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.partnerGebruiker(partnerId, sleutel), ConsistentRead: true }));
    return Item ? parseItem(GebruikerItem, Item) : undefined;
  },

  zoek: (partnerId, pagina) => partitiePagina(sleutels.partner(partnerId).pk, sleutels.partnerGebruikersPrefix, pagina, GebruikerItem),

  async voegToe(g) {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            { ConditionCheck: { TableName: tabel(), Key: sleutels.partner(g.partnerId), ConditionExpression: 'attribute_exists(pk)' } },
            { Put: { TableName: tabel(), Item: partnerGebruikerItem(g), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
    } catch (error) {
      const redenen = error instanceof TransactionCanceledException ? error.CancellationReasons : undefined;
      if (redenen?.[0]?.Code === 'ConditionalCheckFailed') throw nietGevonden('Deze regiopartner');
      if (redenen?.[1]?.Code === 'ConditionalCheckFailed')
        throw new DomeinFout('conflict', 'Dit e-mailadres is al uitgenodigd voor deze regiopartner; de lijst van gebruikers toont de stand.');
      throw error;
    }
  },

  // Conditional on the version read: of two deliveries of the same message, one records the outcome.
  async handelAf(g, verwachteVersie) {
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: tabel(),
          Key: sleutels.partnerGebruiker(g.partnerId, emailSleutel(g.email)),
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
  },
});
