import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { NOTIFICATIE_BEWAARTERMIJN_DAGEN, REGIOPARTNER_BERICHTEN, VERZEND_LEASE_SECONDEN, type Notificatie } from '../domain/notificaties';
import type { NotificatieStore } from '../use-cases/poorten';
import { dynamo, tabel } from './dynamodb';
import { sleutels } from './sleutels';

const NotificatieItem = z.object({
  entiteit: z.literal('Notificatie'),
  id: z.string(),
  soort: z.enum(['lidGoedgekeurd', 'lidAfgewezen', 'nazorgmomentVerstuurd', 'nazorgEscalatie', 'abonnementUitgeschakeld', ...REGIOPARTNER_BERICHTEN]),
  aan: z.object({ naam: z.string(), email: z.string() }),
  onderwerp: z.string(),
  tekst: z.string(),
  onderwerpType: z.enum(['lid', 'nazorgmoment', 'plaatsing', 'regiopartnerAanmelding', 'abonnement']),
  onderwerpId: z.string(),
  aangemaaktOp: z.string(),
  status: z.enum(['wachtend', 'verzenden', 'verzonden']),
});

const epoch = (d: Date) => Math.floor(d.getTime() / 1000);

/** The outbox item, written inside the transaction of the change it reports. */
export const notificatieItem = (n: Notificatie) => ({
  ...sleutels.notificatie(n.id),
  // What it is about (a placement, a moment, a member …), for an export or erasure of a person's data (shared/privacy).
  ...sleutels.betreft(n.onderwerpType, n.onderwerpId, 'Notificatie', n.id),
  entiteit: 'Notificatie',
  ...n,
  status: 'wachtend',
  verlooptOp: epoch(new Date(n.aangemaaktOp)) + NOTIFICATIE_BEWAARTERMIJN_DAGEN * 86_400,
});

export const dynamoNotificatieStore = (): NotificatieStore => ({
  async haal(id) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.notificatie(id), ConsistentRead: true }));
    if (!Item) return undefined;
    const { entiteit: _e, ...n } = NotificatieItem.parse(Item);
    return n;
  },

  // A lease rather than a flag: a sender that crashes after claiming must not block the message forever.
  async claim(id, nu) {
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: tabel(),
          Key: sleutels.notificatie(id),
          UpdateExpression: 'SET #s = :verzenden, leaseTot = :lease',
          ConditionExpression: 'attribute_exists(pk) AND (#s = :wachtend OR (#s = :verzenden AND leaseTot < :nu))',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':verzenden': 'verzenden',
            ':wachtend': 'wachtend',
            ':lease': epoch(nu) + VERZEND_LEASE_SECONDEN,
            ':nu': epoch(nu),
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'geclaimd';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        const status = (error.Item as { status?: { S?: string } } | undefined)?.status?.S;
        if (status === 'verzonden' || status === undefined) return 'alVerzonden';
        return 'bezet';
      }
      throw error;
    }
  },

  async markeerVerzonden(id, nu, bewaardeTekst) {
    await dynamo().send(
      new UpdateCommand({
        TableName: tabel(),
        Key: sleutels.notificatie(id),
        UpdateExpression: `SET #s = :verzonden, verzondenOp = :op${bewaardeTekst !== undefined ? ', tekst = :tekst' : ''} REMOVE leaseTot`,
        ConditionExpression: '#s = :verzenden',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':verzonden': 'verzonden',
          ':verzenden': 'verzenden',
          ':op': nu.toISOString(),
          ...(bewaardeTekst !== undefined ? { ':tekst': bewaardeTekst } : {}),
        },
      }),
    );
  },
});
