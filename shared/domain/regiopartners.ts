import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from '../auth/rollen';
import type { CoordinatorGebruiker, CoordinatorGebruikerInvoer } from '../schemas/gebruikers';
import type {
  AanmeldingGebeurtenis,
  LidGebruiker,
  PartnerGebruiker,
  PartnerGebruikerInvoer,
  Regiopartner,
  RegiopartnerAanmelding,
  RegiopartnerAanmeldingInvoer,
  RegiopartnerGebeurtenis,
  RegiopartnerInvoer,
  Uitnodiging,
} from '../schemas/regiopartners';
import { DomeinFout } from './fouten';
import type { Teller, Telling } from './regiotellers';
import type { Omgeving } from './leden';
import type { Notificatie } from './notificaties';

/**
 * Regional partners and their sign-up:
 *
 *   (public) aanmelden ──▶ aangemeld ──bevestigen (link in the mail, ≤ 48 h)──▶ bevestigd ──goedkeuren──▶ goedgekeurd ⇒ Regiopartner + machine client
 *                              │                                                    └──afwijzen──▶ afgewezen
 *                              └── not confirmed in time: lapses (TTL), its KvK number is free again
 *
 * A coordinator can also make a partner directly. Both ways end in `nieuweRegiopartner`, so a partner
 * has one shape whichever way it came. Pure functions: they decide, the store writes.
 */

/** How long the confirmation link is valid. After it the application lapses and its KvK number is free again. */
export const BEVESTIGINGSTERMIJN_UREN = 48;

/** 32 random bytes (256 bits), base64url: unguessable, and short enough for a link. */
export const nieuwBevestigingstoken = (): string => randomBytes(32).toString('base64url');

/**
 * Only this hash is stored. A plain SHA-256 (no salt, no slow KDF) suffices because the token is 256
 * random bits, not a password: nothing can be guessed from the hash, and the lookup stays one GetItem.
 */
export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('base64url');

export interface MachineClientRegistratie {
  readonly clientId: string;
  readonly rol: 'regiopartner';
  readonly tenant: string;
  readonly naam: string;
  readonly aangemaaktOp: string;
}

export interface NieuwePartner {
  readonly partner: Regiopartner;
  readonly gebeurtenis: RegiopartnerGebeurtenis;
  /** The contact's account: both ways of making a partner give it one, so its staff can sign in. */
  readonly gebruiker: PartnerGebruiker;
}

/**
 * One invitation per address per partner: the item's key holds this hash, so a second invitation of the
 * same person is refused by the key itself and the address is not in a key. Lower case, as the user
 * pool's user names (e-mail addresses) are matched without case.
 */
export const emailSleutel = (email: string): string => createHash('sha256').update(email.trim().toLowerCase(), 'utf8').digest('base64url');

/**
 * A person of the partner gets an account with the partner's role and tenant. Written as an outbox item:
 * the stream hands it to the gebruikers queue, whose consumer makes the account (functions/consumers/partneraccounts.ts).
 */
export const nieuweGebruiker = (partnerId: string, invoer: PartnerGebruikerInvoer, door: Principal, omgeving: Omgeving): PartnerGebruiker => ({
  ...uitnodiging(invoer, door, omgeving),
  partnerId,
  rol: 'regiopartner',
});

/** What every invitation starts as, whoever's staff it is for. Addresses in lower case, as the user pool matches them. */
const uitnodiging = (contact: { naam: string; email: string }, door: Principal, omgeving: Omgeving) => ({
  id: omgeving.nieuwId(),
  naam: contact.naam,
  email: contact.email.trim().toLowerCase(),
  status: 'uitgenodigd' as const,
  uitgenodigdDoor: { rol: door.rol, subject: door.subject },
  aangemaaktOp: omgeving.nu,
  gewijzigdOp: omgeving.nu,
  versie: 1,
});

/** What the identity provider answered for an invitation; see GebruikersaccountPoort. */
export type AccountUitkomst = 'aangemaakt' | 'bestond' | 'adresInGebruik';
/** What the identity provider answered for a revocation; see GebruikersaccountPoort. */
export type VerwijderUitkomst = 'verwijderd' | 'bestondNiet' | 'nietVanDezePartner';

/**
 * The outcome of an account task on the invitation. An account that already existed with this very role
 * and tenant is the same account: a retry, not a conflict. A revoked invitation is 'ingetrokken' whatever
 * the provider answered: removed now, removed by an earlier delivery, or never this partner's to remove.
 */
export const gebruikerAfgehandeld = <G extends Uitnodiging>(g: G, uitkomst: AccountUitkomst | VerwijderUitkomst, nu: string): G => ({
  ...g,
  status: uitkomst === 'adresInGebruik' ? 'adresInGebruik' : uitkomst === 'aangemaakt' || uitkomst === 'bestond' ? 'aangemaakt' : 'ingetrokken',
  gewijzigdOp: nu,
  versie: g.versie + 1,
});

/**
 * A coordinator withdraws a person's access (they left the partner, or should never have had it). From any
 * status but a revocation already under way or done; the account is removed after the answer, by the
 * accounts consumer, which removes it only if it still carries this partner's role and tenant.
 */
/**
 * An approved member's contact gets an account with the member's role and tenant, invited by the approval
 * itself (in its transaction), as a partner's contact is by the partner's creation.
 */
export const nieuweLidGebruiker = (lidId: string, contact: { naam: string; email: string }, door: Principal, omgeving: Omgeving): LidGebruiker => ({
  ...uitnodiging(contact, door, omgeving),
  lidId,
  rol: 'werkgever',
});

/** A coordinator invites another: an account whose role is coopAdmin, without a tenant. */
export const nieuweCoordinatorGebruiker = (invoer: CoordinatorGebruikerInvoer, door: Principal, omgeving: Omgeving): CoordinatorGebruiker => ({
  ...uitnodiging(invoer, door, omgeving),
  rol: 'coopAdmin',
});

export const intrekken = <G extends PartnerGebruiker | CoordinatorGebruiker>(g: G, nu: string): G => {
  if (g.status === 'intrekken' || g.status === 'ingetrokken')
    throw new DomeinFout('ongeldigeOvergang', 'De toegang van deze medewerker is al ingetrokken.');
  return { ...g, status: 'intrekken', gewijzigdOp: nu, versie: g.versie + 1 };
};

export interface AanmeldingMutatie {
  readonly aanmelding: RegiopartnerAanmelding;
  readonly gebeurtenis: AanmeldingGebeurtenis;
  /** The version the store must still find, or the write is refused as concurrent. */
  readonly verwachteVersie?: number;
  readonly notificatie?: Notificatie;
  /** On application: the stored form of the confirmation token (its hash) and its expiry, epoch seconds. */
  readonly bevestiging?: { readonly tokenHash: string; readonly verlooptOp: number };
  /** On approval: the partner and the registration that gives its machine client role and tenant. */
  readonly nieuwePartner?: NieuwePartner;
  readonly machineClient?: MachineClientRegistratie;
}

const epoch = (tijdstip: string) => Math.floor(new Date(tijdstip).getTime() / 1000);

/** The one way a partner record is made: a coordinator's direct creation and an approved application alike. */
export const nieuweRegiopartner = (
  invoer: RegiopartnerInvoer,
  door: Principal,
  omgeving: Omgeving,
  aanmeldingId?: string,
): NieuwePartner => {
  const { naam, kvkNummer, soort, arbeidsmarktregios, contactpersoon } = invoer;
  const partner: Regiopartner = {
    id: omgeving.nieuwId(),
    naam,
    kvkNummer,
    soort,
    arbeidsmarktregios,
    contactpersoon,
    status: 'goedgekeurd',
    aangemaaktOp: omgeving.nu,
    gewijzigdOp: omgeving.nu,
    versie: 1,
  };
  return {
    partner,
    gebruiker: nieuweGebruiker(partner.id, contactpersoon, door, omgeving),
    gebeurtenis: {
      id: omgeving.nieuwId(),
      partnerId: partner.id,
      soort: 'aangemaakt',
      naarStatus: partner.status,
      ...(aanmeldingId ? { aanmeldingId } : {}),
      door: { rol: door.rol, subject: door.subject },
      op: omgeving.nu,
      versie: 1,
    },
  };
};

/** The applicant has no token yet: history records the contact by function, never by name. */
const AANMELDER = { rol: 'regiopartner', subject: 'aanmelder' } as const;
const CONTACTPERSOON = { rol: 'regiopartner', subject: 'contactpersoon' } as const;

const bericht = (
  a: RegiopartnerAanmelding,
  soort: Notificatie['soort'],
  onderwerp: string,
  tekst: string,
  omgeving: Omgeving,
  id: string = omgeving.nieuwId(),
): Notificatie => ({
  id,
  soort,
  aan: { naam: a.contactpersoon.naam, email: a.contactpersoon.email },
  onderwerp,
  tekst,
  onderwerpType: 'regiopartnerAanmelding',
  onderwerpId: a.id,
  aangemaaktOp: omgeving.nu,
});

/**
 * The confirmation link opens a portal page whose button confirms: a GET that confirmed by itself would be
 * used up by the mail scanners that open every link. The token is in the path, so the page works without
 * script; the pages send no Referer (Referrer-Policy: no-referrer), and a sent mail's stored text loses the
 * link (nazorglinks.ts PERSOONLIJKE_LINK matches this path).
 */
export const bevestigingslink = (portaal: string, token: string): string => `${portaal.replace(/\/$/, '')}/portaal/regiopartner-aanmelding/${token}`;

/**
 * What every accepted application is answered, by the API and by the portal alike: the same words whether
 * or not the KvK number already has an open application, so the answer tells nobody which organisations applied.
 */
export const AANMELDING_ONTVANGEN =
  `De aanmelding is ontvangen. Kan zij in behandeling worden genomen, dan krijgt de contactpersoon binnen enkele minuten een e-mail met een bevestigingslink, ${BEVESTIGINGSTERMIJN_UREN} uur geldig.`;

/** The confirmation mail's outbox id follows from the application, so that confirming can delete it. */
export const bevestigingsmailId = (aanmeldingId: string): string => `${aanmeldingId}-BEVESTIGEN`;

export const aanmelden = (
  invoer: RegiopartnerAanmeldingInvoer,
  token: string,
  portaal: string,
  omgeving: Omgeving,
): AanmeldingMutatie => {
  const bevestigenVoor = new Date(new Date(omgeving.nu).getTime() + BEVESTIGINGSTERMIJN_UREN * 3_600_000).toISOString();
  const aanmelding: RegiopartnerAanmelding = {
    id: omgeving.nieuwId(),
    ...invoer,
    status: 'aangemeld',
    bevestigenVoor,
    aangemaaktOp: omgeving.nu,
    gewijzigdOp: omgeving.nu,
    versie: 1,
  };
  return {
    aanmelding,
    gebeurtenis: { id: omgeving.nieuwId(), aanmeldingId: aanmelding.id, soort: 'aangemeld', naarStatus: 'aangemeld', door: AANMELDER, op: omgeving.nu, versie: 1 },
    bevestiging: { tokenHash: tokenHash(token), verlooptOp: epoch(bevestigenVoor) },
    notificatie: bericht(
      aanmelding,
      'aanmeldingBevestigen',
      `Bevestig de aanmelding van ${aanmelding.naam} als regiopartner`,
      `Beste ${aanmelding.contactpersoon.naam},\n\n${aanmelding.naam} (KvK ${aanmelding.kvkNummer}) is aangemeld als regiopartner van de coöperatie, met u als contactpersoon.\nBevestig uw e-mailadres met deze link, ${BEVESTIGINGSTERMIJN_UREN} uur geldig en één keer te gebruiken:\n\n${bevestigingslink(portaal, token)}\n\nHeeft u zich niet aangemeld? Dan kunt u deze e-mail negeren; de aanmelding vervalt vanzelf.`,
      omgeving,
      bevestigingsmailId(aanmelding.id),
    ),
  };
};

/**
 * A second application for a KvK number with an open one is not taken on. The one who applied hears
 * nothing more than any applicant (202); the open application's own contact hears of it, once per
 * application (the id is fixed), so an attacker can neither probe for applications nor flood that contact.
 */
export const dubbeleAanmeldingBericht = (open: RegiopartnerAanmelding, omgeving: Omgeving): Notificatie =>
  bericht(
    open,
    'aanmeldingDubbel',
    `Nog een aanmelding voor ${open.naam}`,
    `Beste ${open.contactpersoon.naam},\n\nEr is opnieuw een aanmelding als regiopartner gedaan voor KvK ${open.kvkNummer}. Omdat uw aanmelding van ${open.aangemaaktOp.slice(0, 10)} nog loopt, is die niet in behandeling genomen.\n` +
      (open.status === 'aangemeld'
        ? `Uw aanmelding is nog niet bevestigd: gebruik de link uit de eerste e-mail, of meld na ${open.bevestigenVoor.slice(0, 16).replace('T', ' ')} (UTC) opnieuw aan.`
        : 'Uw aanmelding is bevestigd en wacht op het besluit van een coördinator; u hoeft niets te doen.'),
    omgeving,
    `${open.id}-DUBBEL`,
  );

/** Expired, used and unknown links get this same answer: no answer tells one from another. */
export const ongeldigeBevestiging = (): DomeinFout =>
  new DomeinFout('onverwerkbaar', 'Deze bevestigingslink is onbekend, verlopen of al gebruikt. Meld u zo nodig opnieuw aan.');

export const bevestigen = (aanmelding: RegiopartnerAanmelding, omgeving: Omgeving): AanmeldingMutatie => {
  if (aanmelding.status !== 'aangemeld' || aanmelding.bevestigenVoor <= omgeving.nu) throw ongeldigeBevestiging();
  const versie = aanmelding.versie + 1;
  return {
    aanmelding: { ...aanmelding, status: 'bevestigd', bevestigdOp: omgeving.nu, gewijzigdOp: omgeving.nu, versie },
    verwachteVersie: aanmelding.versie,
    gebeurtenis: {
      id: omgeving.nieuwId(),
      aanmeldingId: aanmelding.id,
      soort: 'bevestigd',
      vanStatus: 'aangemeld',
      naarStatus: 'bevestigd',
      door: CONTACTPERSOON,
      op: omgeving.nu,
      versie,
    },
  };
};

/**
 * Whether a coordinator may decide now. Only a confirmed application: an unconfirmed one may carry an
 * address its contact never saw, and lapses by itself.
 */
export const controleerBesluit = (aanmelding: RegiopartnerAanmelding, ifMatch: number | undefined): void => {
  if (ifMatch !== undefined && ifMatch !== aanmelding.versie)
    throw new DomeinFout('verouderd', `U zag versie ${ifMatch}; de huidige is ${aanmelding.versie}. Haal de aanmelding opnieuw op.`);
  if (aanmelding.status === 'aangemeld')
    throw new DomeinFout('ongeldigeOvergang', 'De contactpersoon heeft het e-mailadres nog niet bevestigd; pas daarna kan een coördinator besluiten.');
  if (aanmelding.status !== 'bevestigd') throw new DomeinFout('ongeldigeOvergang', `Over deze aanmelding is al besloten: ${aanmelding.status}.`);
};

const besluit = (
  aanmelding: RegiopartnerAanmelding,
  naar: 'goedgekeurd' | 'afgewezen',
  door: Principal,
  extra: Partial<RegiopartnerAanmelding>,
  reden: string | undefined,
  omgeving: Omgeving,
): Pick<AanmeldingMutatie, 'aanmelding' | 'gebeurtenis' | 'verwachteVersie'> => {
  const versie = aanmelding.versie + 1;
  return {
    aanmelding: { ...aanmelding, ...extra, status: naar, ...(reden ? { statusReden: reden } : {}), gewijzigdOp: omgeving.nu, versie },
    verwachteVersie: aanmelding.versie,
    gebeurtenis: {
      id: omgeving.nieuwId(),
      aanmeldingId: aanmelding.id,
      soort: naar,
      vanStatus: aanmelding.status,
      naarStatus: naar,
      ...(reden ? { reden } : {}),
      door: { rol: door.rol, subject: door.subject },
      op: omgeving.nu,
      versie,
    },
  };
};

/** Approval: the partner record (as a coordinator would make it), its machine client's registration and the contact's mail. */
export const goedkeuren = (
  aanmelding: RegiopartnerAanmelding,
  door: Principal,
  opties: { clientId: string; ifMatch?: number | undefined },
  omgeving: Omgeving,
): AanmeldingMutatie => {
  controleerBesluit(aanmelding, opties.ifMatch);
  const nieuwePartner = nieuweRegiopartner(aanmelding, door, omgeving, aanmelding.id);
  const m = besluit(aanmelding, 'goedgekeurd', door, { partnerId: nieuwePartner.partner.id, clientId: opties.clientId }, undefined, omgeving);
  return {
    ...m,
    nieuwePartner,
    machineClient: {
      clientId: opties.clientId,
      rol: 'regiopartner',
      tenant: nieuwePartner.partner.id,
      naam: `regiopartner ${aanmelding.naam}`,
      aangemaaktOp: omgeving.nu,
    },
    notificatie: bericht(
      aanmelding,
      'aanmeldingGoedgekeurd',
      `${aanmelding.naam} is regiopartner van de coöperatie`,
      `Beste ${aanmelding.contactpersoon.naam},\n\nDe aanmelding van ${aanmelding.naam} (KvK ${aanmelding.kvkNummer}) als regiopartner is goedgekeurd.\nDe coördinator geeft u de toegangsgegevens voor de werkcoop-API via een apart, veilig kanaal; ze staan niet in deze e-mail.`,
      omgeving,
    ),
  };
};

export const afwijzen = (
  aanmelding: RegiopartnerAanmelding,
  door: Principal,
  opties: { reden: string; ifMatch?: number | undefined },
  omgeving: Omgeving,
): AanmeldingMutatie => {
  controleerBesluit(aanmelding, opties.ifMatch);
  return {
    ...besluit(aanmelding, 'afgewezen', door, {}, opties.reden, omgeving),
    notificatie: bericht(
      aanmelding,
      'aanmeldingAfgewezen',
      `Uw aanmelding als regiopartner, ${aanmelding.naam}`,
      `Beste ${aanmelding.contactpersoon.naam},\n\nDe aanmelding van ${aanmelding.naam} (KvK ${aanmelding.kvkNummer}) als regiopartner is niet goedgekeurd.\nReden: ${opties.reden}\n\nU kunt later opnieuw aanmelden.`,
      omgeving,
    ),
  };
};

/** Placements counted per phase group; the figures show no count from 1 to 4 (see KLEINSTE_AANTAL). */
export const KLEINSTE_AANTAL = 5;
export const onderdrukKlein = (aantal: number): number | null => (aantal > 0 && aantal < KLEINSTE_AANTAL ? null : aantal);

/**
 * A region's figures from its counters (shared/domain/regiotellers.ts) and its number of gemeenten. A
 * counter that has not been written yet is 0; a count below 0 cannot be shown and means a counter to rebuild.
 */
export const regiocijfers = <R extends string>(regio: R, gemeenten: number, telling: Telling) => {
  const n = (t: Teller) => Math.max(0, telling[t] ?? 0);
  return {
    arbeidsmarktregio: regio,
    gemeenten,
    openWerkplekken: n('openWerkplekken'),
    vrijePlaatsen: n('vrijePlaatsen'),
    plaatsingen: {
      lopend: onderdrukKlein(n('plaatsingenLopend')),
      gestart: onderdrukKlein(n('plaatsingenGestart')),
      beeindigd: onderdrukKlein(n('plaatsingenBeeindigd')),
    },
  };
};
