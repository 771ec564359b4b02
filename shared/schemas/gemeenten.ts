import { Actor, Contactpersoon, Id, KorteTekst, Tijdstip } from './gemeenschappelijk';
import * as z from 'zod';

export const GemeenteCode = z
  .string()
  .regex(/^GM\d{4}$/, 'een gemeentecode is GM gevolgd door de 4 cijfers van de CBS-code')
  .meta({ example: 'GM0363' });

/** ISO 8601 period after the start of a placement: weeks or months (P1W, P4W, P3M, P12M). */
export const Termijn = z
  .string()
  .regex(/^P([1-9]\d?W|[1-9]\d?M)$/, 'een termijn is P<n>W of P<n>M, bijvoorbeeld P4W of P6M')
  .meta({ example: 'P3M' });

export const STANDAARD_NAZORG = ['P1W', 'P4W', 'P3M', 'P6M', 'P9M', 'P12M'] as const;
export const STANDAARD_DUURZAAMHEIDSCHECKS = ['P6M', 'P12M'] as const;

/** Default of nazorglinkGeldigNaDeadlineDagen (shared/domain/nazorglinks.ts). */
export const STANDAARD_LINK_NATERMIJN_DAGEN = 14;

/** How long the personal link of a follow-up invitation stays valid after the moment's answer deadline. */
const NazorglinkNatermijn = z
  .number()
  .int()
  .min(0)
  .max(60)
  .meta({
    description:
      'Dagen na de antwoorddatum (antwoordUiterlijk) waarin de persoonlijke link uit de nazorguitnodiging nog werkt; zonder deze instelling 14. Een later antwoord is nog welkom; daarna kan de ontvanger op de pagina van de link een nieuwe link laten mailen naar het geregistreerde adres.',
  });

/** A term in both lists is planned once, as the check (shared/domain/nazorg.ts, planBijStart). */
const NAZORG_CADANS =
  'De termijnen na de start van het contract waarop een regulier nazorgmoment valt. Een termijn die ook een duurzaamheidscheck is (standaard P6M en P12M), wordt één moment van soort duurzaamheidscheck, niet twee.';
const DUURZAAMHEIDSCHECKS =
  'De termijnen na de start waarop wordt vastgelegd of de kandidaat nog werkt (duurzaamheidscheck). Valt zo een termijn samen met een termijn van nazorgMomenten, dan is er op die dag één moment: de duurzaamheidscheck.';

export const GemeenteInstellingen = z
  .strictObject({
    nazorgMomenten: z.array(Termijn).min(1).max(24).default([...STANDAARD_NAZORG]).meta({ description: NAZORG_CADANS }),
    duurzaamheidsChecks: z.array(Termijn).min(1).max(4).default([...STANDAARD_DUURZAAMHEIDSCHECKS]).meta({ description: DUURZAAMHEIDSCHECKS }),
    /** Days after a follow-up's due date before an unanswered one escalates. */
    reactietermijnDagen: z.number().int().min(1).max(60).default(14),
    nazorglinkGeldigNaDeadlineDagen: NazorglinkNatermijn.optional(),
  })
  .meta({ id: 'GemeenteInstellingen' });

export const GemeenteRegistratie = z
  .strictObject({
    code: GemeenteCode,
    naam: KorteTekst,
    arbeidsmarktregio: KorteTekst.meta({ example: 'Groot Amsterdam' }),
    contactpersoon: Contactpersoon,
    instellingen: GemeenteInstellingen.optional(),
  })
  .meta({ id: 'GemeenteRegistratie' });
export type GemeenteRegistratie = z.infer<typeof GemeenteRegistratie>;

/**
 * The settings in a merge patch: only the fields sent change. GemeenteInstellingen's defaults must not
 * apply here, or sending one field would reset the others to the defaults.
 */
export const GemeenteInstellingenWijziging = z
  .strictObject({
    nazorgMomenten: z.array(Termijn).min(1).max(24).optional().meta({ description: NAZORG_CADANS }),
    duurzaamheidsChecks: z.array(Termijn).min(1).max(4).optional().meta({ description: DUURZAAMHEIDSCHECKS }),
    reactietermijnDagen: z.number().int().min(1).max(60).optional(),
    nazorglinkGeldigNaDeadlineDagen: NazorglinkNatermijn.optional(),
  })
  .refine((w) => Object.keys(w).length > 0, { message: 'geef minstens één instelling om te wijzigen' })
  .meta({ id: 'GemeenteInstellingenWijziging' });

export const GemeenteWijziging = z
  .strictObject({
    naam: KorteTekst.optional(),
    arbeidsmarktregio: KorteTekst.optional(),
    contactpersoon: Contactpersoon.optional(),
    instellingen: GemeenteInstellingenWijziging.optional(),
  })
  .refine((w) => Object.keys(w).length > 0, { message: 'geef minstens één veld om te wijzigen' })
  .meta({ id: 'GemeenteWijziging' });

export const Gemeente = z
  .strictObject({
    code: GemeenteCode,
    naam: KorteTekst,
    arbeidsmarktregio: KorteTekst,
    contactpersoon: Contactpersoon,
    instellingen: GemeenteInstellingen,
    aangemaaktOp: Tijdstip,
    gewijzigdOp: Tijdstip,
    versie: z.number().int().min(1),
  })
  .meta({ id: 'Gemeente' });
export type Gemeente = z.infer<typeof Gemeente>;

export type GemeenteWijziging = z.infer<typeof GemeenteWijziging>;
export type GemeenteInstellingen = z.infer<typeof GemeenteInstellingen>;

export const GemeenteCodeParameters = z.strictObject({ gemeenteCode: GemeenteCode });

/** One change of a gemeente, with the settings as they became when they changed. */
export const GemeenteGebeurtenis = z
  .strictObject({
    id: Id,
    gemeenteCode: GemeenteCode,
    soort: z.enum(['geregistreerd', 'gewijzigd']),
    gewijzigdeVelden: z.array(z.string()).optional(),
    instellingen: GemeenteInstellingen.optional(),
    door: Actor,
    op: Tijdstip,
    versie: z.number().int().min(1),
  })
  .meta({ id: 'GemeenteGebeurtenis' });
export type GemeenteGebeurtenis = z.infer<typeof GemeenteGebeurtenis>;

export const GemeentenPagina = z
  .strictObject({
    gemeenten: z.array(Gemeente),
    volgendePagina: z.string().nullable().meta({ description: 'Pad naar de volgende pagina, of null op de laatste.' }),
  })
  .meta({ id: 'GemeentenPagina' });
