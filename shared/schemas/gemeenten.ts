import { Contactpersoon, KorteTekst, Tijdstip } from './gemeenschappelijk';
import { z } from './zod';

export const GemeenteCode = z
  .string()
  .regex(/^GM\d{4}$/, 'een gemeentecode is GM gevolgd door de 4 cijfers van de CBS-code')
  .openapi({ example: 'GM0363' });

/** ISO 8601 period after the start of a placement: weeks or months (P1W, P4W, P3M, P12M). */
export const Termijn = z
  .string()
  .regex(/^P([1-9]\d?W|[1-9]\d?M)$/, 'een termijn is P<n>W of P<n>M, bijvoorbeeld P4W of P6M')
  .openapi({ example: 'P3M' });

export const STANDAARD_NAZORG = ['P1W', 'P4W', 'P3M', 'P6M', 'P9M', 'P12M'] as const;
export const STANDAARD_DUURZAAMHEIDSCHECKS = ['P6M', 'P12M'] as const;

export const GemeenteInstellingen = z
  .strictObject({
    nazorgMomenten: z.array(Termijn).min(1).max(24).default([...STANDAARD_NAZORG]),
    duurzaamheidsChecks: z.array(Termijn).min(1).max(4).default([...STANDAARD_DUURZAAMHEIDSCHECKS]),
    /** Days after a follow-up's due date before an unanswered one escalates. */
    reactietermijnDagen: z.number().int().min(1).max(60).default(14),
  })
  .openapi('GemeenteInstellingen');

export const GemeenteRegistratie = z
  .strictObject({
    code: GemeenteCode,
    naam: KorteTekst,
    arbeidsmarktregio: KorteTekst.openapi({ example: 'Groot Amsterdam' }),
    contactpersoon: Contactpersoon,
    instellingen: GemeenteInstellingen.optional(),
  })
  .openapi('GemeenteRegistratie');
export type GemeenteRegistratie = z.infer<typeof GemeenteRegistratie>;

export const GemeenteWijziging = z
  .strictObject({
    naam: KorteTekst.optional(),
    arbeidsmarktregio: KorteTekst.optional(),
    contactpersoon: Contactpersoon.optional(),
    instellingen: GemeenteInstellingen.optional(),
  })
  .refine((w) => Object.keys(w).length > 0, { message: 'geef minstens één veld om te wijzigen' })
  .openapi('GemeenteWijziging');

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
  .openapi('Gemeente');
export type Gemeente = z.infer<typeof Gemeente>;

export const GemeenteCodeParameters = z.strictObject({ gemeenteCode: GemeenteCode });
