import { Actor, Email, Id, KorteTekst, Tijdstip } from './gemeenschappelijk';
import * as z from 'zod';

/**
 * A person of a partner organisation with access to the API: an account (in AWS a Cognito user) whose role
 * is regiopartner and whose tenant is the partner, so it sees what the partner's machine client sees: the
 * placements the partner is jobcoach of and the figures of the partner's regions.
 */
export const PARTNERGEBRUIKER_STATUSSEN = ['uitgenodigd', 'aangemaakt', 'adresInGebruik', 'intrekken', 'ingetrokken'] as const;
export const PartnerGebruikerStatus = z.enum(PARTNERGEBRUIKER_STATUSSEN).meta({
  id: 'PartnerGebruikerStatus',
  description:
    'uitgenodigd: het account wordt aangemaakt; aangemaakt: het account bestaat en de medewerker heeft een e-mail met een tijdelijk wachtwoord gekregen; adresInGebruik: dit e-mailadres heeft al een account met een andere rol of organisatie, en daaraan is niets veranderd (een coördinator lost dat op); intrekken: de toegang is ingetrokken en het account wordt verwijderd; ingetrokken: het account is verwijderd (opnieuw uitnodigen kan).',
});
export type PartnerGebruikerStatus = z.infer<typeof PartnerGebruikerStatus>;

export const PartnerGebruikerInvoer = z
  .strictObject({ naam: KorteTekst, email: Email })
  .meta({ id: 'PartnerGebruikerInvoer', description: 'Een medewerker van de regiopartner die toegang krijgt.' });
export type PartnerGebruikerInvoer = z.infer<typeof PartnerGebruikerInvoer>;

export const PartnerGebruiker = z
  .strictObject({
    id: Id,
    partnerId: Id,
    naam: KorteTekst,
    email: Email,
    rol: z.literal('regiopartner'),
    status: PartnerGebruikerStatus,
    uitgenodigdDoor: Actor,
    aangemaaktOp: Tijdstip,
    gewijzigdOp: Tijdstip,
    versie: z.number().int().min(1),
  })
  .meta({ id: 'PartnerGebruiker' });
export type PartnerGebruiker = z.infer<typeof PartnerGebruiker>;

/**
 * The same invitation for an approved member's contact: an account whose role is werkgever and whose tenant
 * is the member. Not part of the API (yet): the approval writes it, the accounts consumer carries it out.
 */
export const LidGebruiker = PartnerGebruiker.omit({ partnerId: true, rol: true }).extend({ lidId: Id, rol: z.literal('werkgever') });
export type LidGebruiker = z.infer<typeof LidGebruiker>;

/**
 * A coordinator of the cooperative, invited by another: an account whose role is coopAdmin and which has no
 * tenant (a coordinator works for the whole cooperative; claimsFor then gives the role claim only).
 */
export const CoordinatorGebruikerInvoer = z
  .strictObject({ naam: KorteTekst, email: Email })
  .meta({ id: 'CoordinatorGebruikerInvoer', description: 'Een coördinator die toegang krijgt.' });
export type CoordinatorGebruikerInvoer = z.infer<typeof CoordinatorGebruikerInvoer>;
export const CoordinatorGebruiker = PartnerGebruiker.omit({ partnerId: true, rol: true })
  .extend({ rol: z.literal('coopAdmin') })
  .meta({ id: 'CoordinatorGebruiker', description: 'Een coördinator met toegang tot de API en het portaal, en de stand van zijn account.' });
export type CoordinatorGebruiker = z.infer<typeof CoordinatorGebruiker>;

/** An invitation of any kind, as the accounts consumer handles it. */
export type Uitnodiging = PartnerGebruiker | LidGebruiker | CoordinatorGebruiker;
/** The tenant an invitation's account gets: the partner or the member; a coordinator's has none. */
export const tenantVan = (g: Uitnodiging): string | undefined => ('partnerId' in g ? g.partnerId : 'lidId' in g ? g.lidId : undefined);

export const CoordinatorParameters = z.strictObject({ gebruikerId: Id });
export const CoordinatorenPagina = z
  .strictObject({
    coordinatoren: z.array(CoordinatorGebruiker),
    volgendePagina: z.string().nullable().meta({ description: 'Pad naar de volgende pagina, of null op de laatste.' }),
  })
  .meta({ id: 'CoordinatorenPagina' });
