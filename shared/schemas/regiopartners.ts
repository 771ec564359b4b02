import { ARBEIDSMARKTREGIOS } from '../domain/arbeidsmarktregios';
import { Actor, Contactpersoon, Email, Id, KorteTekst, KvkNummer, Tijdstip } from './gemeenschappelijk';
import * as z from 'zod';
import { PartnerGebruiker } from './gebruikers';

export const REGIOPARTNER_SOORTEN = ['gemeente', 'swBedrijf', 'jobcoachOrganisatie', 'werkgeversservicepunt', 'overig'] as const;
export const RegiopartnerSoort = z.enum(REGIOPARTNER_SOORTEN).meta({ id: 'RegiopartnerSoort' });
export type RegiopartnerSoort = z.infer<typeof RegiopartnerSoort>;

export const Arbeidsmarktregio = z.enum(ARBEIDSMARKTREGIOS).meta({ id: 'Arbeidsmarktregio', description: 'Een van de 35 arbeidsmarktregio\'s.' });

/**
 * A partner exists only once approved, whichever way it came: made by a coordinator, or signed up,
 * confirmed and approved (the application has its own statuses, AanmeldingStatus).
 */
export const RegiopartnerStatus = z.enum(['goedgekeurd']).meta({ id: 'RegiopartnerStatus' });
export type RegiopartnerStatus = z.infer<typeof RegiopartnerStatus>;

const regiopartnerVelden = {
  naam: KorteTekst,
  kvkNummer: KvkNummer,
  soort: RegiopartnerSoort,
  /** The regions it works in: its regional figures are these regions'. */
  arbeidsmarktregios: z
    .array(Arbeidsmarktregio)
    .min(1)
    .max(ARBEIDSMARKTREGIOS.length)
    .refine((r) => new Set(r).size === r.length, 'noem elke arbeidsmarktregio één keer'),
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
    /** Set when the partner came from a sign-up: the application it was approved from. */
    aanmeldingId: Id.optional(),
    door: Actor,
    op: Tijdstip,
    versie: z.number().int().min(1),
  })
  .meta({ id: 'RegiopartnerGebeurtenis' });
export type RegiopartnerGebeurtenis = z.infer<typeof RegiopartnerGebeurtenis>;

export const PartnerIdParameters = z.strictObject({ partnerId: Id });
export const PartnerGebruikerParameters = z.strictObject({ partnerId: Id, gebruikerId: Id });

// The accounts of people (a partner's staff, a member's contact) are shared with the members' use cases:
// their schemas live apart, so a member's function bundles no other partner schema.
export { LidGebruiker, PARTNERGEBRUIKER_STATUSSEN, PartnerGebruiker, PartnerGebruikerInvoer, PartnerGebruikerStatus, tenantVan, type Uitnodiging } from './gebruikers';

const volgendePagina = z.string().nullable().meta({ description: 'Pad naar de volgende pagina, of null op de laatste.' });

export const RegiopartnersPagina = z
  .strictObject({ regiopartners: z.array(Regiopartner), volgendePagina })
  .meta({ id: 'RegiopartnersPagina' });

export const PartnerGebruikersPagina = z
  .strictObject({ gebruikers: z.array(PartnerGebruiker), volgendePagina })
  .meta({ id: 'PartnerGebruikersPagina' });

// The public sign-up (issue #5): an application, its e-mail confirmation and a coordinator's decision.

export const AANMELDING_STATUSSEN = ['aangemeld', 'bevestigd', 'goedgekeurd', 'afgewezen'] as const;
export const AanmeldingStatus = z.enum(AANMELDING_STATUSSEN).meta({
  id: 'AanmeldingStatus',
  description:
    'aangemeld: de contactpersoon moet het e-mailadres nog bevestigen (anders vervalt de aanmelding na `bevestigenVoor`); bevestigd: wacht op het besluit van een coördinator; goedgekeurd of afgewezen: besloten.',
});
export type AanmeldingStatus = z.infer<typeof AanmeldingStatus>;

export const RegiopartnerAanmeldingInvoer = z
  .strictObject(regiopartnerVelden)
  .meta({ id: 'RegiopartnerAanmeldingInvoer', description: 'Een organisatie meldt zich aan als regiopartner. Geen persoonsgegevens behalve de contactpersoon; nooit een BSN.' });
export type RegiopartnerAanmeldingInvoer = z.infer<typeof RegiopartnerAanmeldingInvoer>;

export const RegiopartnerAanmelding = z
  .strictObject({
    id: Id,
    ...regiopartnerVelden,
    status: AanmeldingStatus,
    statusReden: z.string().optional(),
    /** Until when the contact can confirm the e-mail address; an unconfirmed application lapses after it. */
    bevestigenVoor: Tijdstip,
    bevestigdOp: Tijdstip.optional(),
    /** After approval: the partner it became and the id (never the secret) of its machine client. */
    partnerId: Id.optional(),
    clientId: z.string().optional(),
    aangemaaktOp: Tijdstip,
    gewijzigdOp: Tijdstip,
    versie: z.number().int().min(1),
  })
  .meta({ id: 'RegiopartnerAanmelding' });
export type RegiopartnerAanmelding = z.infer<typeof RegiopartnerAanmelding>;

export const AANMELDING_GEBEURTENIS_SOORTEN = ['aangemeld', 'bevestigd', 'goedgekeurd', 'afgewezen'] as const;
export const AanmeldingGebeurtenis = z
  .strictObject({
    id: Id,
    aanmeldingId: Id,
    soort: z.enum(AANMELDING_GEBEURTENIS_SOORTEN),
    vanStatus: AanmeldingStatus.optional(),
    naarStatus: AanmeldingStatus,
    reden: z.string().optional(),
    door: Actor,
    op: Tijdstip,
    versie: z.number().int().min(1),
  })
  .meta({ id: 'AanmeldingGebeurtenis' });
export type AanmeldingGebeurtenis = z.infer<typeof AanmeldingGebeurtenis>;

/** The same answer for every accepted application, new or not: it tells nobody whether an organisation applied before. */
export const AanmeldingOntvangen = z
  .strictObject({ bericht: z.string() })
  .meta({ id: 'AanmeldingOntvangen' });

/** 32 random bytes, base64url without padding: 43 characters. */
export const Bevestigingstoken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'geen geldige bevestigingscode');
export const AanmeldingBevestiging = z
  .strictObject({ token: Bevestigingstoken.meta({ description: 'De code uit de bevestigingslink in de e-mail.' }) })
  .meta({ id: 'AanmeldingBevestiging' });
export const AanmeldingBevestigd = z
  .strictObject({ naam: z.string(), status: z.literal('bevestigd'), bericht: z.string() })
  .meta({ id: 'AanmeldingBevestigd' });

export const MachineClientGegevens = z
  .strictObject({
    clientId: z.string(),
    clientSecret: z.string().meta({ description: 'Alleen in dit antwoord: werkcoop bewaart het niet leesbaar. Geef het via een veilig kanaal door.' }),
    tokenUrl: z.string().meta({ description: 'Het OAuth 2.0-tokenadres (client credentials).' }),
    scope: z.string().meta({ example: 'werkcoop/api' }),
  })
  .meta({ id: 'MachineClientGegevens' });
export type MachineClientGegevens = z.infer<typeof MachineClientGegevens>;

export const AanmeldingGoedgekeurd = z
  .strictObject({
    aanmelding: RegiopartnerAanmelding,
    regiopartner: Regiopartner,
    machineClient: MachineClientGegevens,
    gebruiker: PartnerGebruiker.meta({ description: 'De contactpersoon krijgt een account als medewerker van de regiopartner; Cognito mailt een tijdelijk wachtwoord.' }),
  })
  .meta({ id: 'AanmeldingGoedgekeurd' });

export const AanmeldingIdParameters = z.strictObject({ aanmeldingId: Id });
export const AanmeldingenFilter = z.strictObject({
  status: AanmeldingStatus.optional().meta({ description: 'Alleen aanmeldingen met deze status.' }),
});

export const AanmeldingenPagina = z
  .strictObject({ aanmeldingen: z.array(RegiopartnerAanmelding), volgendePagina })
  .meta({ id: 'AanmeldingenPagina' });
export const AanmeldingGebeurtenissenPagina = z
  .strictObject({ gebeurtenissen: z.array(AanmeldingGebeurtenis), volgendePagina })
  .meta({ id: 'AanmeldingGebeurtenissenPagina' });

// The anonymous figures of a region: counts only, never a person, a place or an employer.

export const RegiocijfersParameters = z.strictObject({
  arbeidsmarktregio: Arbeidsmarktregio.optional().meta({ description: 'Eén regio; een regiopartner krijgt zonder deze parameter al zijn regio\'s.' }),
});

const KleinAantal = z
  .number()
  .int()
  .min(0)
  .nullable()
  .meta({ description: 'Aantal plaatsingen; null als het 1 tot en met 4 is: zo kleine aantallen kunnen naar personen herleidbaar zijn.' });

export const Regiocijfers = z
  .strictObject({
    arbeidsmarktregio: Arbeidsmarktregio,
    gemeenten: z.number().int().min(0).meta({ description: 'Bij de coöperatie geregistreerde gemeenten in de regio.' }),
    openWerkplekken: z.number().int().min(0),
    vrijePlaatsen: z.number().int().min(0).meta({ description: 'Nog niet bezette plaatsen op de open werkplekken.' }),
    plaatsingen: z.strictObject({ lopend: KleinAantal, gestart: KleinAantal, beeindigd: KleinAantal }),
  })
  .meta({ id: 'Regiocijfers' });
export type Regiocijfers = z.infer<typeof Regiocijfers>;

export const RegiocijfersLijst = z.strictObject({ regios: z.array(Regiocijfers), peilmoment: Tijdstip }).meta({ id: 'RegiocijfersLijst' });
