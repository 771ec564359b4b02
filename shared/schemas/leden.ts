import { Actor, Contactpersoon, Id, KorteTekst, KvkNummer, Reden, Tijdstip } from './gemeenschappelijk';
import * as z from 'zod';

export const LID_STATUSSEN = ['aangevraagd', 'actief', 'afgewezen', 'geschorst', 'uitgetreden'] as const;
export const LidStatus = z.enum(LID_STATUSSEN).meta({ id: 'LidStatus' });
export type LidStatus = z.infer<typeof LidStatus>;

const Trefwoord = z.string().trim().min(1).max(100);

/** Places a member pledges to create, by kind. */
export const Toezeggingen = z
  .strictObject({
    reguliereBanen: z.number().int().min(0).max(10_000),
    participatieplaatsen: z.number().int().min(0).max(10_000),
    beschutWerkplekken: z.number().int().min(0).max(10_000),
    banenafspraakBanen: z.number().int().min(0).max(10_000),
  })
  .meta({ id: 'Toezeggingen' });

const bewerkbareVelden = {
  naam: KorteTekst,
  sectoren: z.array(Trefwoord).min(1).max(20),
  werksoorten: z.array(Trefwoord).max(50),
  contactpersoon: Contactpersoon,
  toezeggingen: Toezeggingen,
};

export const LidAanvraag = z
  .strictObject({ kvkNummer: KvkNummer, ...bewerkbareVelden })
  .meta({ id: 'LidAanvraag',  description: 'Aanvraag van een werkgever om lid te worden van de coöperatie.' });
export type LidAanvraag = z.infer<typeof LidAanvraag>;

export const LidWijziging = z
  .strictObject({
    naam: bewerkbareVelden.naam.optional(),
    sectoren: bewerkbareVelden.sectoren.optional(),
    werksoorten: bewerkbareVelden.werksoorten.optional(),
    contactpersoon: bewerkbareVelden.contactpersoon.optional(),
    toezeggingen: bewerkbareVelden.toezeggingen.optional(),
  })
  .refine((w) => Object.keys(w).length > 0, { message: 'geef minstens één veld om te wijzigen' })
  .meta({ id: 'LidWijziging',  description: 'Gedeeltelijke wijziging (JSON merge patch) van de gegevens van een lid.' });
export type LidWijziging = z.infer<typeof LidWijziging>;

export const Lid = z
  .strictObject({
    id: Id,
    kvkNummer: KvkNummer,
    ...bewerkbareVelden,
    status: LidStatus,
    statusReden: z.string().optional(),
    aangemaaktOp: Tijdstip,
    gewijzigdOp: Tijdstip,
    versie: z.number().int().min(1),
  })
  .meta({ id: 'Lid' });
export type Lid = z.infer<typeof Lid>;

export const RedenOpgave = z.strictObject({ reden: Reden }).meta({ id: 'RedenOpgave' });
export const UittredingOpgave = z.strictObject({ reden: Reden.optional() }).meta({ id: 'UittredingOpgave' });

export const LID_GEBEURTENIS_SOORTEN = [
  'aangevraagd',
  'goedgekeurd',
  'afgewezen',
  'geschorst',
  'schorsingOpgeheven',
  'uitgetreden',
  'gewijzigd',
] as const;

export const LidGebeurtenis = z
  .strictObject({
    id: Id,
    lidId: Id,
    soort: z.enum(LID_GEBEURTENIS_SOORTEN),
    vanStatus: LidStatus.optional(),
    naarStatus: LidStatus,
    reden: z.string().optional(),
    gewijzigdeVelden: z.array(z.string()).optional(),
    door: Actor,
    op: Tijdstip,
    versie: z.number().int().min(1),
  })
  .meta({ id: 'LidGebeurtenis' });
export type LidGebeurtenis = z.infer<typeof LidGebeurtenis>;

export const LidIdParameters = z.strictObject({ lidId: Id.meta({ param: { name: 'lidId', in: 'path' } }) });

export const LedenFilter = z.strictObject({
  status: LidStatus.optional().meta({ description: 'Alleen leden met deze status.' }),
});

const volgendePagina = z
  .string()
  .nullable()
  .meta({ description: 'Pad naar de volgende pagina, of null op de laatste.' });

export const LedenPagina = z.strictObject({ leden: z.array(Lid), volgendePagina }).meta({ id: 'LedenPagina' });
export const LidGebeurtenissenPagina = z
  .strictObject({ gebeurtenissen: z.array(LidGebeurtenis), volgendePagina })
  .meta({ id: 'LidGebeurtenissenPagina' });
