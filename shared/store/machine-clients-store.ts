import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { ROLLEN } from '../auth/rollen';
import { DomeinFout, nietGevonden } from '../domain/fouten';
import type { MachineClientRegistratie } from '../domain/regiopartners';
import { dynamo, tabel } from './dynamodb';
import { geweigerd } from './items';
import { sleutels } from './sleutels';

/**
 * The registration of a system caller's machine client: which role and tenant its tokens carry. Written in
 * the transaction of a regiopartner's approval (shared/store/regiopartner-aanmeldingen-store.ts), which made
 * the client just before; read by the Cognito trigger on every client-credentials token (locally by the
 * local issuer's token endpoint, through the same trigger). A client without this item gets no claims.
 */
const MachineClientItem = z.object({
  entiteit: z.literal('MachineClient'),
  clientId: z.string(),
  rol: z.enum(ROLLEN),
  tenant: z.string().optional(),
});
export type MachineClient = Omit<z.infer<typeof MachineClientItem>, 'entiteit'>;

export const machineClientItem = (c: MachineClient & { naam: string; aangemaaktOp: string }) => ({
  ...sleutels.machineClient(c.clientId),
  entiteit: 'MachineClient',
  ...c,
});

export const haalMachineClient = async (clientId: string): Promise<MachineClient | undefined> => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.machineClient(clientId) }));
  if (!Item) return undefined;
  const { entiteit: _e, ...client } = MachineClientItem.parse(Item);
  return client;
};

/**
 * A partner's current machine client: one pointer item in the partner's partition, so replacing the client
 * finds the one to revoke with one read, and two replacements at once cannot both win.
 */
const PartnerClientItem = z.object({ entiteit: z.literal('PartnerMachineClient'), partnerId: z.string(), clientId: z.string(), aangemaaktOp: z.string() });

const partnerClientItem = (r: MachineClientRegistratie) => ({
  ...sleutels.partnerMachineClient(r.tenant),
  entiteit: 'PartnerMachineClient',
  partnerId: r.tenant,
  clientId: r.clientId,
  aangemaaktOp: r.aangemaaktOp,
});

/** The writes that make a client a partner's first: its registration and the partner's pointer to it. */
export const eersteMachineClientSchrijfacties = (r: MachineClientRegistratie) => [
  { Put: { TableName: tabel(), Item: machineClientItem(r), ConditionExpression: 'attribute_not_exists(pk)' } },
  { Put: { TableName: tabel(), Item: partnerClientItem(r), ConditionExpression: 'attribute_not_exists(pk)' } },
];

export const haalPartnerClientId = async (partnerId: string): Promise<string | undefined> => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.partnerMachineClient(partnerId), ConsistentRead: true }));
  return Item ? PartnerClientItem.parse(Item).clientId : undefined;
};

/**
 * Makes `nieuw` the partner's client and removes the registration of the one before (if any), in one
 * transaction conditional on the pointer still naming that one: of two replacements at once, one wins and
 * the other is a 'conflict'. The partner must exist. Without its registration the old client's tokens carry
 * no role from now on; the caller deletes the app client itself afterwards.
 */
export const vervangPartnerClient = async (nieuw: MachineClientRegistratie, vorigeClientId: string | undefined): Promise<void> => {
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          { ConditionCheck: { TableName: tabel(), Key: sleutels.partner(nieuw.tenant), ConditionExpression: 'attribute_exists(pk)' } },
          {
            Put: {
              TableName: tabel(),
              Item: partnerClientItem(nieuw),
              ...(vorigeClientId
                ? { ConditionExpression: 'clientId = :vorige', ExpressionAttributeValues: { ':vorige': vorigeClientId } }
                : { ConditionExpression: 'attribute_not_exists(pk)' }),
            },
          },
          { Put: { TableName: tabel(), Item: machineClientItem(nieuw), ConditionExpression: 'attribute_not_exists(pk)' } },
          ...(vorigeClientId ? [{ Delete: { TableName: tabel(), Key: sleutels.machineClient(vorigeClientId) } }] : []),
        ],
      }),
    );
  } catch (error) {
    if (geweigerd(error, 0)) throw nietGevonden('Deze regiopartner');
    if (geweigerd(error, 1))
      throw new DomeinFout('conflict', 'De machineclient van deze regiopartner is intussen al vervangen. Vraag zo nodig opnieuw een nieuwe aan.');
    throw error;
  }
};
