import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { Regiopartner, RegiopartnerGebeurtenis } from '../schemas/regiopartners';
import type { NieuwePartner } from '../domain/regiopartners';
import type { RegiopartnersStore } from '../use-cases/poorten';
import { nieuweGebruikerSchrijfacties } from './partner-gebruikers-store';
import { dynamo, tabel } from './dynamodb';
import { parseItem } from './items';
import { lijstPagina } from './queries';
import { sleutels } from './sleutels';

// Items are parsed on every read: a query can never hand back another entity's items as a partner.
const PartnerItem = Regiopartner.extend({ pk: z.string(), sk: z.string(), entiteit: z.literal('Regiopartner'), gsi1pk: z.string(), gsi1sk: z.string() });

const naarPartner = (item: unknown): Regiopartner => parseItem(PartnerItem, item);

/**
 * `status` and `soort` are top-level attributes of the item: assigning a jobcoach to a placement
 * ConditionChecks `sleutels.partner(id)` on status = 'goedgekeurd' and soort = 'jobcoachOrganisatie'.
 */
export const regiopartnerItem = (p: Regiopartner) => ({ ...sleutels.partner(p.id), ...sleutels.partnersIndex(p.status, p.id), entiteit: 'Regiopartner', ...p });
export const regiopartnerGebeurtenisItem = (g: RegiopartnerGebeurtenis) => ({ ...sleutels.partnerGebeurtenis(g.partnerId, g.versie), entiteit: 'RegiopartnerGebeurtenis', ...g });

/** A new partner, its history and its contact's invitation: the same writes for both ways a partner is made. */
export const nieuwePartnerSchrijfacties = ({ partner, gebeurtenis, gebruiker }: NieuwePartner) => [
  { Put: { TableName: tabel(), Item: regiopartnerItem(partner), ConditionExpression: 'attribute_not_exists(pk)' } },
  { Put: { TableName: tabel(), Item: regiopartnerGebeurtenisItem(gebeurtenis), ConditionExpression: 'attribute_not_exists(pk)' } },
  ...nieuweGebruikerSchrijfacties(gebruiker),
];

export const dynamoRegiopartnersStore = (): RegiopartnersStore => ({
  async haal(partnerId) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.partner(partnerId), ConsistentRead: true }));
    return Item ? naarPartner(Item) : undefined;
  },

  zoek: (pagina) => lijstPagina('gsi1', sleutels.partnersPartitie, undefined, pagina, PartnerItem),

  async voegToe(nieuw) {
    await dynamo().send(new TransactWriteCommand({ TransactItems: nieuwePartnerSchrijfacties(nieuw) }));
  },
});
