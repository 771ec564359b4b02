import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulidx';
import * as z from 'zod';
import { DomeinFout } from '../domain/fouten';
import type { Escalatie } from '../schemas/nazorg';
import type { EscalatieStore } from '../use-cases/nazorg';
import { dynamo, tabel } from './dynamodb';
import { geweigerd, parseItem } from './items';
import { gebeurtenisItems } from './uitgaand-store';
import { uitEscalatie } from '../domain/abonnementen/wijzigingen';
import { escalatieItem, haalProjectie, naarEscalatie } from './nazorg-store';
import { sleutels } from './sleutels';

/** Only what the processing log needs of the placement: the referral, i.e. the candidate it is about. */
const PlaatsingVerwijzing = z.object({ pk: z.string(), sk: z.string(), verwijzingId: z.string() });

/**
 * One escalation (ESCALATIE#<id> / ESCALATIE, listed in gsi1 under ESCALATIES / <status>#<aangemaaktOp>#<id>)
 * and closing it. The list by status is the nazorg store's (`escalaties`).
 */
export const dynamoEscalatieStore = (): EscalatieStore => ({
  /**
   * The escalation, then its placement's referral (projected): 2 GetItems. The referral is the data subject
   * the processing log records, as for every read of a placement; the escalation does not carry it.
   */
  async haal(escalatieId) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.escalatie(escalatieId), ConsistentRead: true }));
    if (!Item) return {};
    const escalatie = naarEscalatie(Item);
    const p = await dynamo().send(
      new GetCommand({ TableName: tabel(), Key: sleutels.plaatsing(escalatie.plaatsingId), ProjectionExpression: 'pk, sk, verwijzingId' }),
    );
    return { escalatie, verwijzingId: p.Item ? parseItem(PlaatsingVerwijzing, p.Item).verwijzingId : undefined };
  },

  async verwijzingenVan(plaatsingIds) {
    const items = await haalProjectie(plaatsingIds.map((id) => sleutels.plaatsing(id)), 'verwijzingId');
    const perPk = new Map(items.map((i) => [String(i.pk), parseItem(PlaatsingVerwijzing, i).verwijzingId]));
    return new Map(plaatsingIds.flatMap((id) => {
      const v = perPk.get(sleutels.plaatsing(id).pk);
      return v ? [[id, v] as const] : [];
    }));
  },

  /**
   * The closed escalation in one conditional Put: `escalatieItem` computes its gsi1 key from the new status,
   * so it moves from the open list to the closed one in the same write. Conditional on it still being
   * open: of two coordinators closing it at once, one wins and the other gets 409.
   */
  async handelAf(afgehandeld: Escalatie) {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tabel(),
                Item: escalatieItem(afgehandeld),
                ConditionExpression: '#s = :open',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':open': 'open' },
              },
            },
            // Handled, for the coordinators' systems (issue #14), in the same write.
            ...gebeurtenisItems([uitEscalatie(afgehandeld, ulid(Date.parse(afgehandeld.afgehandeldOp ?? new Date().toISOString())), afgehandeld.afgehandeldOp ?? new Date().toISOString())]),
          ],
        }),
      );
    } catch (error) {
      if (geweigerd(error, 0)) throw new DomeinFout('conflict', 'Deze escalatie is intussen afgehandeld.');
      throw error;
    }
  },
});
