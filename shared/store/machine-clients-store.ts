import { GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { ROLLEN } from '../auth/rollen';
import { dynamo, tabel } from './dynamodb';
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
