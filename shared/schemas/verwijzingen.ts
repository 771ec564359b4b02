import { bevatBsn } from '../domain/bsn';
import { Actor, Datum, Email, Id, KorteTekst, Reden, Tijdstip } from './gemeenschappelijk';
import { GemeenteCode } from './gemeenten';
import { Mogelijkheden, Postcodegebied, Uren, Werkaanpassing, Werksoort } from './profiel';
import * as z from 'zod';

const zonderBsn = <T extends z.ZodString>(s: T, veld: string) => s.refine((v) => !bevatBsn(v), `${veld} mag geen BSN bevatten; gebruik het eigen dossierkenmerk van de gemeente`);

export const DOELGROEPEN = ['participatiewet', 'banenafspraak', 'beschutWerk', 'voormaligWsw'] as const;
export const Doelgroep = z.enum(DOELGROEPEN).meta({ id: 'Doelgroep' });

export const VERWIJZING_STATUSSEN = ['ingediend', 'inIntake', 'bemiddelbaar', 'geplaatst', 'teruggemeld', 'ingetrokken'] as const;
export const VerwijzingStatus = z.enum(VERWIJZING_STATUSSEN).meta({ id: 'VerwijzingStatus' });
export type VerwijzingStatus = z.infer<typeof VerwijzingStatus>;

export const Vervoer = z.enum(['lopend', 'fiets', 'ov', 'auto', 'aangepastVervoer']);

/** The person: personal data, shown to an employer only after the candidate consented to meet it. */
export const Kandidaat = z
  .strictObject({
    naam: zonderBsn(KorteTekst, 'naam'),
    email: Email.optional(),
    telefoonnummer: z.string().regex(/^\+?[0-9 ()-]{6,20}$/, 'geen geldig telefoonnummer').refine((v) => !bevatBsn(v), 'geen BSN').optional(),
  })
  .meta({ id: 'Kandidaat' });

const verwijzingVelden = {
  dossierkenmerk: zonderBsn(z.string().trim().min(1).max(50), 'dossierkenmerk').meta({ description: 'Het eigen kenmerk van de gemeente. Nooit een BSN.', example: 'PW-2026-00412' }),
  doelgroep: Doelgroep,
  kandidaat: Kandidaat,
  mogelijkheden: Mogelijkheden,
  /** What helps this person at work; the places that offer it match better. */
  werkaanpassingen: z.array(Werkaanpassing).max(10),
  uren: Uren,
  mobiliteit: z.strictObject({ reisafstandKm: z.number().int().min(1).max(150), vervoer: z.array(Vervoer).min(1).max(5) }),
  postcodegebied: Postcodegebied,
  werksoortVoorkeuren: z.array(Werksoort).min(1).max(10),
  beschikbaarVanaf: Datum,
  /** Consent to be shown to employers as an anonymous profile (matching). */
  toestemmingProfielDelen: z.boolean(),
};

export const VerwijzingInvoer = z.strictObject(verwijzingVelden).meta({ id: 'VerwijzingInvoer', 
  description: 'Een verwijzing van een kandidaat door een gemeente. Alleen functionele gegevens; geen BSN, geen diagnose, geen vrije medische tekst.',
});
export type VerwijzingInvoer = z.infer<typeof VerwijzingInvoer>;

export const Verwijzing = z
  .strictObject({
    id: Id,
    gemeente: GemeenteCode,
    arbeidsmarktregio: KorteTekst,
    ...verwijzingVelden,
    status: VerwijzingStatus,
    statusReden: z.string().optional(),
    /** Placements that started from this referral (derived from the placements, never typed). */
    aantalPlaatsingen: z.number().int().min(0),
    /** Members the candidate agreed to meet: they see name and contact. */
    toestemmingWerkgevers: z.array(Id),
    aangemaaktOp: Tijdstip,
    gewijzigdOp: Tijdstip,
    versie: z.number().int().min(1),
  })
  .meta({ id: 'Verwijzing' });
export type Verwijzing = z.infer<typeof Verwijzing>;

/** What an employer sees of a candidate: functional, no name or contact until consent for this employer. */
export const Kandidaatprofiel = z
  .strictObject({
    verwijzingId: Id,
    doelgroep: Doelgroep,
    mogelijkheden: Mogelijkheden,
    werkaanpassingen: z.array(Werkaanpassing),
    uren: Uren,
    arbeidsmarktregio: KorteTekst,
    postcodegebied: Postcodegebied,
    werksoortVoorkeuren: z.array(Werksoort),
    beschikbaarVanaf: Datum,
    kandidaat: Kandidaat.optional().meta({ description: 'Alleen na toestemming van de kandidaat voor deze werkgever.' }),
  })
  .meta({ id: 'Kandidaatprofiel' });
export type Kandidaatprofiel = z.infer<typeof Kandidaatprofiel>;

export const VERWIJZING_GEBEURTENIS_SOORTEN = [
  'ingediend',
  'gewijzigd',
  'inIntakeGenomen',
  'bemiddelbaarVerklaard',
  'teruggemeld',
  'ingetrokken',
  'geplaatst',
  'toestemmingGegeven',
  'toestemmingIngetrokken',
] as const;

export const VerwijzingGebeurtenis = z
  .strictObject({
    id: Id,
    verwijzingId: Id,
    soort: z.enum(VERWIJZING_GEBEURTENIS_SOORTEN),
    vanStatus: VerwijzingStatus.optional(),
    naarStatus: VerwijzingStatus,
    reden: z.string().optional(),
    /** The fields a change touched (names only: the history holds no personal data). */
    gewijzigdeVelden: z.array(z.string()).optional(),
    /** The member a consent to meet was given to or withdrawn from. */
    lidId: Id.optional(),
    /** The placement that placed the candidate, or whose end returned the referral. */
    plaatsingId: Id.optional(),
    door: Actor,
    op: Tijdstip,
    versie: z.number().int().min(1),
  })
  .meta({ id: 'VerwijzingGebeurtenis' });
export type VerwijzingGebeurtenis = z.infer<typeof VerwijzingGebeurtenis>;

export const VerwijzingIdParameters = z.strictObject({ verwijzingId: Id });
export const RedenVerplicht = z.strictObject({ reden: Reden }).meta({ id: 'RedenVerplicht' });
export const ToestemmingOpgave = z.strictObject({ lidId: Id }).meta({ id: 'ToestemmingOpgave' });
export const VerwijzingenFilter = z.strictObject({ status: VerwijzingStatus.optional(), gemeente: GemeenteCode.optional() });

/**
 * What a gemeente may change in its referral (merge patch; nested objects are replaced whole). Not the
 * dossierkenmerk — it says which person this is, so another one is another referral — and not the
 * doelgroep, the legal ground the referral and its placements' instruments rest on: for either the
 * gemeente withdraws the referral and refers anew.
 */
export const VerwijzingWijziging = z
  .strictObject({
    kandidaat: verwijzingVelden.kandidaat.optional(),
    mogelijkheden: verwijzingVelden.mogelijkheden.optional(),
    werkaanpassingen: verwijzingVelden.werkaanpassingen.optional(),
    uren: verwijzingVelden.uren.optional(),
    mobiliteit: verwijzingVelden.mobiliteit.optional(),
    postcodegebied: verwijzingVelden.postcodegebied.optional(),
    werksoortVoorkeuren: verwijzingVelden.werksoortVoorkeuren.optional(),
    beschikbaarVanaf: verwijzingVelden.beschikbaarVanaf.optional(),
    toestemmingProfielDelen: verwijzingVelden.toestemmingProfielDelen.optional(),
  })
  .refine((w) => Object.keys(w).length > 0, { message: 'geef minstens één veld om te wijzigen' })
  .meta({ id: 'VerwijzingWijziging' });
export type VerwijzingWijziging = z.infer<typeof VerwijzingWijziging>;

const volgendePagina = z.string().nullable().meta({ description: 'Pad naar de volgende pagina, of null op de laatste.' });
export const VerwijzingenPagina = z.strictObject({ verwijzingen: z.array(Verwijzing), volgendePagina }).meta({ id: 'VerwijzingenPagina' });
export const VerwijzingGebeurtenissenPagina = z
  .strictObject({ gebeurtenissen: z.array(VerwijzingGebeurtenis), volgendePagina })
  .meta({ id: 'VerwijzingGebeurtenissenPagina' });
export const ToestemmingParameters = z.strictObject({ verwijzingId: Id, lidId: Id });
