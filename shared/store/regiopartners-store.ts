import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { Regiopartner, RegiopartnerGebeurtenis } from '../schemas/regiopartners';
import type { RegiopartnersStore } from '../use-cases/poorten';
import { leesCursor, maakCursor } from './cursor';
import { dynamo, tabel } from './dynamodb';
import { sleutels } from './sleutels';

// Items are parsed on every read: a query can never hand back another entity's items as a partner.
const PartnerItem = Regiopartner.extend({ pk: z.string(), sk: z.string(), entiteit: z.literal('Regiopartner'), gsi1pk: z.string(), gsi1sk: z.string() });

const naarPartner = (item: unknown): Regiopartner => {
  const { pk: _pk, sk: _sk, entiteit: _e, gsi1pk: _g, gsi1sk: _gs, ...partner } = PartnerItem.parse(item);
  return partner;
};

/**
 * `status` and `soort` are top-level attributes of the item: assigning a jobcoach to a placement
 * ConditionChecks `sleutels.partner(id)` on status = 'goedgekeurd' and soort = 'jobcoachOrganisatie'.
 */
export const regiopartnerItem = (p: Regiopartner) => ({ ...sleutels.partner(p.id), ...sleutels.partnersIndex(p.status, p.id), entiteit: 'Regiopartner', ...p });
const gebeurtenisItem = (g: RegiopartnerGebeurtenis) => ({ ...sleutels.partnerGebeurtenis(g.partnerId, g.versie), entiteit: 'RegiopartnerGebeurtenis', ...g });

export const dynamoRegiopartnersStore = (): RegiopartnersStore => ({
  async haal(partnerId) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.partner(partnerId), ConsistentRead: true }));
    return Item ? naarPartner(Item) : undefined;
  },

  async zoek({ pageSize, cursor }) {
    const r = await dynamo().send(
      new QueryCommand({
        TableName: tabel(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': sleutels.partnersPartitie },
        Limit: pageSize,
        ExclusiveStartKey: leesCursor(cursor),
      }),
    );
    return { items: (r.Items ?? []).map(naarPartner), cursor: maakCursor(r.LastEvaluatedKey) };
  },

  async voegToe(partner, gebeurtenis) {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tabel(), Item: regiopartnerItem(partner), ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: tabel(), Item: gebeurtenisItem(gebeurtenis), ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
  },
});
