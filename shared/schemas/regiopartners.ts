import { Actor, Contactpersoon, Id, KorteTekst, KvkNummer, Tijdstip } from './gemeenschappelijk';
import * as z from 'zod';

export const REGIOPARTNER_SOORTEN = ['gemeente', 'swBedrijf', 'jobcoachOrganisatie', 'werkgeversservicepunt', 'overig'] as const;
export const RegiopartnerSoort = z.enum(REGIOPARTNER_SOORTEN).meta({ id: 'RegiopartnerSoort' });
export type RegiopartnerSoort = z.infer<typeof RegiopartnerSoort>;

/**
 * Until the public sign-up (issue #5) exists, a coordinator makes partners and they start approved;
 * the sign-up's own statuses (aangemeld, geverifieerd, afgewezen, …) join this enum with it.
 */
export const RegiopartnerStatus = z.enum(['goedgekeurd']).meta({ id: 'RegiopartnerStatus' });
export type RegiopartnerStatus = z.infer<typeof RegiopartnerStatus>;

const regiopartnerVelden = {
  naam: KorteTekst,
  kvkNummer: KvkNummer,
  soort: RegiopartnerSoort,
  /** The regions it works in: its API access is scoped to these. */
  arbeidsmarktregios: z.array(KorteTekst).min(1).max(35),
  contactpersoon: Contactpersoon,
};

export const RegiopartnerInvoer = z
  .strictObject(regiopartnerVelden)
  .meta({ id: 'RegiopartnerInvoer',  description: 'Een regiopartner die een coördinator rechtstreeks goedgekeurd aanmaakt.' });
export type RegiopartnerInvoer = z.infer<typeof RegiopartnerInvoer>;

export const Regiopartner = z
  .strictObject({
    id: Id,
    ...regiopartnerVelden,
    status: RegiopartnerStatus,
    aangemaaktOp: Tijdstip,
    gewijzigdOp: Tijdstip,
    versie: z.number().int().min(1),
  })
  .meta({ id: 'Regiopartner' });
export type Regiopartner = z.infer<typeof Regiopartner>;

export const RegiopartnerGebeurtenis = z
  .strictObject({
    id: Id,
    partnerId: Id,
    soort: z.enum(['aangemaakt']),
    naarStatus: RegiopartnerStatus,
    door: Actor,
    op: Tijdstip,
    versie: z.number().int().min(1),
  })
  .meta({ id: 'RegiopartnerGebeurtenis' });
export type RegiopartnerGebeurtenis = z.infer<typeof RegiopartnerGebeurtenis>;

export const PartnerIdParameters = z.strictObject({ partnerId: Id });

export const RegiopartnersPagina = z
  .strictObject({
    regiopartners: z.array(Regiopartner),
    volgendePagina: z.string().nullable().meta({ description: 'Pad naar de volgende pagina, of null op de laatste.' }),
  })
  .meta({ id: 'RegiopartnersPagina' });
