import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulidx';
import type { Regiopartner } from '../../shared/schemas/regiopartners';
import type { Verwijzing } from '../../shared/schemas/verwijzingen';
import type { Werkplek } from '../../shared/schemas/werkplekken';
import { dynamo, tabel } from '../../shared/store/dynamodb';
import { regiopartnerItem } from '../../shared/store/regiopartners-store';
import { sleutels } from '../../shared/store/sleutels';
import { naarVerwijzing, verwijzingItem } from '../../shared/store/verwijzingen-store';
import { naarWerkplek, werkplekItem } from '../../shared/store/werkplekken-store';
import { zoekprofielMutaties } from '../../shared/store/zoekprofielen';
import { NU } from '../domain/plaatsingen-fixtures';

/**
 * Seeds the placements' surroundings straight into the table with their owners' item builders (keys,
 * sparse matching keys and zoekprofielen included), as their own stores would have written them.
 */
export const zaaiVerwijzing = async (v: Verwijzing): Promise<Verwijzing> => {
  await dynamo().send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: tabel(), Item: verwijzingItem(v) } }, ...zoekprofielMutaties(undefined, v)] }));
  return v;
};
export const zaaiWerkplek = async (w: Werkplek): Promise<Werkplek> => {
  await dynamo().send(new PutCommand({ TableName: tabel(), Item: werkplekItem(w) }));
  return w;
};
export const zaaiPartner = async (over: Partial<Regiopartner> = {}): Promise<Regiopartner> => {
  const p: Regiopartner = {
    id: ulid(),
    naam: 'Coachpunt Amsterdam',
    kvkNummer: '34567890',
    soort: 'jobcoachOrganisatie',
    arbeidsmarktregios: ['Groot Amsterdam'],
    contactpersoon: { naam: 'Noor Bakker', email: 'noor@coachpunt.nl' },
    status: 'goedgekeurd',
    aangemaaktOp: NU,
    gewijzigdOp: NU,
    versie: 1,
    ...over,
  };
  await dynamo().send(new PutCommand({ TableName: tabel(), Item: regiopartnerItem(p) }));
  return p;
};

export const leesWerkplek = async (id: string) => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.werkplek(id), ConsistentRead: true }));
  return { werkplek: naarWerkplek(Item), inMatching: Item?.gsi2pk !== undefined };
};
export const leesVerwijzing = async (id: string) => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.verwijzing(id), ConsistentRead: true }));
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: tabel(),
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':p': sleutels.verwijzing(id).pk, ':s': sleutels.zoekprofielPrefix },
      ConsistentRead: true,
    }),
  );
  return { verwijzing: naarVerwijzing(Item), zoekprofielen: Items?.length ?? 0 };
};
/** The pair guards under a referral: werkplekId → plaatsingId. */
export const leesParen = async (verwijzingId: string): Promise<Map<string, string>> => {
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: tabel(),
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':p': sleutels.verwijzing(verwijzingId).pk, ':s': sleutels.verwijzingPlaatsing(verwijzingId, '').sk },
      ConsistentRead: true,
    }),
  );
  return new Map((Items ?? []).map((i) => [`${i.verwijzingId as string}/${i.werkplekId as string}`, i.plaatsingId as string]));
};
