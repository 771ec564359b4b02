import type { Aansluitingbron, Toezeggingen, Uitkomst, Uitkomstenscope } from '../domain/uitkomsten/rapport';
import type { SrgPlaatsing } from '../domain/uitkomsten/srg';
import type { GemeenteMutatie } from '../domain/gemeenten';
import type { LidMutatie } from '../domain/leden';
import type { Gevolgen, PlaatsingMutatie } from '../domain/plaatsingen';
import type { Begeleidingsnotitie, Ontwikkeldoel, Plaatsing, PlaatsingFase, PlaatsingGebeurtenis } from '../schemas/plaatsingen';
import type { VerwijzingMutatie } from '../domain/verwijzingen';
import type { Gemeente, GemeenteGebeurtenis } from '../schemas/gemeenten';
import type { Notificatie } from '../domain/notificaties';
import type { WerkplekMutatie } from '../domain/werkplekken';
import type { Telling } from '../domain/regiotellers';
import type { Lid, LidGebeurtenis, LidStatus } from '../schemas/leden';
import type { AanmeldingMutatie, AccountUitkomst, MachineClientRegistratie, NieuwePartner, VerwijderUitkomst } from '../domain/regiopartners';
import type { CoordinatorGebruiker } from '../schemas/gebruikers';
import type { AanmeldingGebeurtenis, AanmeldingStatus, PartnerGebruiker, Regiopartner, RegiopartnerAanmelding, RegiopartnerGebeurtenis, Uitnodiging } from '../schemas/regiopartners';
import type { Kandidaatprofiel, Verwijzing, VerwijzingGebeurtenis, VerwijzingStatus } from '../schemas/verwijzingen';
import type { Werkplek, WerkplekGebeurtenis, WerkplekStatus } from '../schemas/werkplekken';

/** The ports the use cases need; adapters in shared/store implement them against DynamoDB. */
export interface Pagina<T> {
  readonly items: T[];
  readonly cursor: string | undefined;
}

export interface LedenStore {
  haal(lidId: string): Promise<Lid | undefined>;
  zoek(filter: { status?: LidStatus | undefined; pageSize: number; cursor?: string | undefined }): Promise<Pagina<Lid>>;
  gebeurtenissen(lidId: string, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<LidGebeurtenis>>;
  /** A new application: refused with 'conflict' when the KvK number is already applying or a member. */
  voegToe(mutatie: LidMutatie): Promise<void>;
  /** A change: refused with 'verouderd' when the lid changed since it was read. */
  pasToe(mutatie: LidMutatie): Promise<void>;
}

export interface NotificatieStore {
  haal(id: string): Promise<(Notificatie & { status: string }) | undefined>;
  /** Claims the message for sending; false when it was already sent or another sender holds it. */
  claim(id: string, nu: Date): Promise<'geclaimd' | 'alVerzonden' | 'bezet'>;
  /** `bewaardeTekst`: what the kept notification says from now on (the mail's text without its personal links). */
  markeerVerzonden(id: string, nu: Date, bewaardeTekst?: string): Promise<void>;
}

export interface MailPoort {
  /** `id` lets adapters that can deduplicate do so. */
  verstuur(bericht: { id: string; aan: { naam: string; email: string }; onderwerp: string; tekst: string }): Promise<void>;
}

export interface WerkplekkenStore {
  haal(werkplekId: string): Promise<Werkplek | undefined>;
  /** One member's places (gsi1), optionally by status. */
  zoekPerLid(lidId: string, filter: { status?: WerkplekStatus | undefined; pageSize: number; cursor?: string | undefined }): Promise<Pagina<Werkplek>>;
  /** All places (gsi3), optionally by status: for coordinators and gemeenten. */
  zoekAlle(filter: { status?: WerkplekStatus | undefined; pageSize: number; cursor?: string | undefined }): Promise<Pagina<Werkplek>>;
  gebeurtenissen(werkplekId: string, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<WerkplekGebeurtenis>>;
  /** A new place: refused with 'ongeldigeOvergang' when the member is no longer active at the moment of writing. */
  voegToe(mutatie: WerkplekMutatie): Promise<void>;
  /** A change: refused with 'verouderd' when the place changed since it was read. */
  pasToe(mutatie: WerkplekMutatie): Promise<void>;
}

/** A placeable candidate as the sparse matching index holds it: the anonymous profile, never a name. */
export interface Zoekprofiel {
  readonly verwijzingId: string;
  readonly gemeente: string;
  readonly profiel: Omit<Kandidaatprofiel, 'kandidaat'>;
  readonly mobiliteit: Verwijzing['mobiliteit'];
  readonly toestemmingWerkgevers: readonly string[];
}

/** Matching reads only precomputed sparse keys; see shared/store/matching-store.ts for the cost of each. */
export interface MatchingStore {
  verwijzing(verwijzingId: string): Promise<Verwijzing | undefined>;
  /** Open places with a free place in a region, for each werksoort (one Query each, in parallel). */
  openWerkplekken(regio: string, werksoorten: readonly string[]): Promise<Werkplek[]>;
  /** Placeable, consenting candidates in a region who prefer this werksoort (one Query). */
  kandidaten(regio: string, werksoort: string): Promise<Zoekprofiel[]>;
  /** The referrals themselves (one BatchGetItem), to release name and contact where consent was given. */
  verwijzingen(verwijzingIds: readonly string[]): Promise<Verwijzing[]>;
}

export interface GemeentenStore {
  haal(code: string): Promise<Gemeente | undefined>;
  zoek(pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<Gemeente>>;
  gebeurtenissen(code: string, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<GemeenteGebeurtenis>>;
  /** A new gemeente: refused with 'conflict' when its code is already registered. */
  voegToe(mutatie: GemeenteMutatie): Promise<void>;
  /** A change: refused with 'verouderd' when the gemeente changed since it was read. */
  pasToe(mutatie: GemeenteMutatie): Promise<void>;
}

export interface RegiopartnersStore {
  haal(partnerId: string): Promise<Regiopartner | undefined>;
  zoek(pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<Regiopartner>>;
  voegToe(nieuw: NieuwePartner): Promise<void>;
}

export interface AanmeldingenStore {
  haal(aanmeldingId: string): Promise<RegiopartnerAanmelding | undefined>;
  zoek(filter: { status?: AanmeldingStatus | undefined; pageSize: number; cursor?: string | undefined }): Promise<Pagina<RegiopartnerAanmelding>>;
  gebeurtenissen(aanmeldingId: string, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<AanmeldingGebeurtenis>>;
  /**
   * A new application with its confirmation token and mail, in one transaction. When the KvK number has an
   * open application (not lapsed), nothing is written and the id of that application is answered.
   */
  voegToe(mutatie: AanmeldingMutatie, nu: Date): Promise<{ readonly openAanmeldingId?: string }>;
  /** The application a confirmation token (by its hash) belongs to, while the token is unused and unexpired. */
  bijToken(tokenHash: string, nu: Date): Promise<string | undefined>;
  /** Confirms and uses the token up, in one transaction; an expired, used or foreign token: ongeldigeBevestiging. */
  bevestig(mutatie: AanmeldingMutatie, tokenHash: string, nu: Date): Promise<void>;
  /** A coordinator's decision with everything it makes, in one transaction; 'verouderd' when it changed since it was read. */
  besluit(mutatie: AanmeldingMutatie): Promise<void>;
  /** An outbox message on its own, written once: a second write of the same id does nothing. */
  bewaarNotificatie(notificatie: Notificatie): Promise<void>;
}

/**
 * The identity provider's machine clients (client credentials): Cognito app clients in AWS, the local
 * issuer's registry locally. The secret is answered once, by `maak`, and kept nowhere by werkcoop.
 */
/** An account for a person of a partner or an approved member's contact: the role and tenant its tokens will carry. */
export interface NieuwAccount {
  readonly email: string;
  readonly naam: string;
  readonly rol: Uitnodiging['rol'];
  /** None for a coordinator: the account then has no tenant attribute at all. */
  readonly tenant?: string | undefined;
}

/**
 * The identity provider's accounts (Cognito users in AWS). `maak` is safe to repeat: an account that already
 * has this address with this role and tenant is 'bestond'; with another role or tenant 'adresInGebruik',
 * and it is left unchanged.
 */
export interface GebruikersaccountPoort {
  maak(account: NieuwAccount): Promise<AccountUitkomst>;
  /**
   * Removes the account of this address only if it carries this role and tenant ('nietVanDezePartner'
   * otherwise, and it is left alone); safe to repeat ('bestondNiet').
   */
  verwijder(account: NieuwAccount): Promise<VerwijderUitkomst>;
}

/** What the accounts consumer needs of invitations of one kind: read one by its tenant and address hash, and mark it done. */
export interface UitnodigingenStore<G extends Uitnodiging> {
  haal(tenant: string, emailSleutel: string): Promise<G | undefined>;
  /** Records the account's outcome once: false when another delivery did it first. */
  handelAf(gebruiker: G, verwachteVersie: number): Promise<boolean>;
}

/** The invitations of a partner's staff (PartnerGebruiker items: also the outbox of the accounts consumer). */
export interface PartnerGebruikersStore extends UitnodigingenStore<PartnerGebruiker> {
  zoek(partnerId: string, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<PartnerGebruiker>>;
  /** The invitation with this id in the partner's partition. */
  vind(partnerId: string, gebruikerId: string): Promise<PartnerGebruiker | undefined>;
  /**
   * Only for an existing partner ('nietGevonden' otherwise); an address already invited and not revoked:
   * 'conflict'. A revoked one is invited afresh. With the accounts consumer's task, in one transaction.
   */
  voegToe(gebruiker: PartnerGebruiker): Promise<void>;
  /** The revocation and the accounts consumer's task, in one transaction; 'verouderd' if it changed since read. */
  trekIn(gebruiker: PartnerGebruiker, verwachteVersie: number): Promise<void>;
}

/** The invitations of coordinators (CoordinatorGebruiker items, all in one partition: there are tens). */
export interface CoordinatorGebruikersStore extends UitnodigingenStore<CoordinatorGebruiker> {
  zoek(pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<CoordinatorGebruiker>>;
  vind(gebruikerId: string): Promise<CoordinatorGebruiker | undefined>;
  /** An address already invited and not revoked: 'conflict'. A revoked one is invited afresh. With the consumer's task, in one transaction. */
  voegToe(gebruiker: CoordinatorGebruiker): Promise<void>;
  /** The revocation and the consumer's task, in one transaction; 'verouderd' if it changed since read. */
  trekIn(gebruiker: CoordinatorGebruiker, verwachteVersie: number): Promise<void>;
}

/** Which machine client is a partner's current one, and replacing it (shared/store/machine-clients-store.ts). */
export interface PartnerClientStore {
  huidige(partnerId: string): Promise<string | undefined>;
  vervang(nieuw: MachineClientRegistratie, vorigeClientId: string | undefined): Promise<void>;
}

export interface MachineClientPoort {
  maak(naam: string): Promise<{ readonly clientId: string; readonly clientSecret: string }>;
  verwijder(clientId: string): Promise<void>;
  /** Where the client exchanges its id and secret for a token. */
  readonly tokenUrl: string;
}

/** What the regional figures read: the gemeenten's regions and the regions' counters, never a person. */
export interface RegiocijfersStore {
  gemeenten(): Promise<readonly { readonly code: string; readonly arbeidsmarktregio: string }[]>;
  tellers(regios: readonly string[]): Promise<ReadonlyMap<string, Telling>>;
}

export interface VerwijzingenStore {
  haal(verwijzingId: string): Promise<Verwijzing | undefined>;
  /** One gemeente's referrals (gsi1), or everyone's (gsi3) when no gemeente is given; optionally by status. */
  zoek(filter: { gemeente?: string | undefined; status?: VerwijzingStatus | undefined; pageSize: number; cursor?: string | undefined }): Promise<Pagina<Verwijzing>>;
  /** The history, each record with the gemeente of its referral so the caller can check tenancy without another read. */
  gebeurtenissen(verwijzingId: string, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<VerwijzingGebeurtenis & { readonly gemeente: string }>>;
  voegToe(mutatie: VerwijzingMutatie): Promise<void>;
  /** A change: 'verouderd' when the referral changed since it was read; 'onverwerkbaar' when its required member is not active. */
  pasToe(mutatie: VerwijzingMutatie): Promise<void>;
}

/** Which placements a list reads: one member's (gsi1), one gemeente's (gsi2) or one jobcoach organisation's (gsi3). */
export type PlaatsingenLijst = { readonly lidId: string } | { readonly gemeente: string } | { readonly partnerId: string };

export interface PlaatsingenFilter {
  readonly fase?: PlaatsingFase | undefined;
  readonly verwijzingId?: string | undefined;
  readonly werkplekId?: string | undefined;
  readonly gemeente?: string | undefined;
  readonly lidId?: string | undefined;
  readonly pageSize: number;
  readonly cursor?: string | undefined;
}

/**
 * Thrown by a placement's write when the place or the referral it also changes was changed by someone
 * else in between (or DynamoDB cancelled the transaction for a concurrent one): the use case reads again
 * and decides again, so a second start on a place with room left still succeeds.
 */
export class GelijktijdigGewijzigd extends Error {
  constructor() {
    super('De werkplek of de verwijzing van de plaatsing werd tegelijk gewijzigd.');
    this.name = 'GelijktijdigGewijzigd';
  }
}

export interface PlaatsingenStore {
  haal(plaatsingId: string): Promise<Plaatsing | undefined>;
  /** The placement and one of its goals, in one read. */
  haalMetDoel(plaatsingId: string, doelId: string): Promise<{ plaatsing?: Plaatsing | undefined; doel?: Ontwikkeldoel | undefined }>;
  /** The referral and the place a placement is about, in one read (either may be left out). */
  haalVerwijzingEnWerkplek(ids: { verwijzingId?: string | undefined; werkplekId?: string | undefined }): Promise<{ verwijzing?: Verwijzing | undefined; werkplek?: Werkplek | undefined }>;
  /** One list, narrowed by the other fields of the filter after reading (pages may come back short). */
  zoek(lijst: PlaatsingenLijst, filter: PlaatsingenFilter): Promise<Pagina<Plaatsing>>;
  gebeurtenissen(plaatsingId: string, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<PlaatsingGebeurtenis>>;
  /** The placement with its goals and notes, in one read of its partition. */
  ontwikkelplan(plaatsingId: string): Promise<{ plaatsing?: Plaatsing | undefined; doelen: Ontwikkeldoel[]; notities: Begeleidingsnotitie[] }>;
  /**
   * Writes a change (or a new placement) in one transaction with its history, its guard and checks, and
   * its consequences for the place and the referral. Refusals: 'verouderd' (the placement changed),
   * 'conflict' (the pair already has an open placement), 'ongeldigeOvergang' (the referral or place is no
   * longer in the state the change needs), 'onverwerkbaar' (the partner is no approved jobcoach
   * organisation); GelijktijdigGewijzigd when the place or the referral moved.
   */
  schrijf(mutatie: PlaatsingMutatie, gevolgen: Gevolgen): Promise<void>;
}

/**
 * The outcome figures' data (issue 12), all kept by the uitkomsten stream consumer except the pledges: a
 * scope's outcome records (a bounded number of Queries: one per shard of the scope, paged), the supply and
 * demand of regions (one Query per region), and members' pledges.
 */
export interface UitkomstenStore {
  uitkomsten(scope: Uitkomstenscope): Promise<Uitkomst[]>;
  aansluiting(regios: readonly string[]): Promise<Aansluitingbron[]>;
  /** One member's pledges, or every member's when no id is given. */
  toezeggingen(lidId?: string): Promise<{ lidId: string; toezeggingen: Toezeggingen }[]>;
  /** The region of a gemeente (its supply and demand is the region's). */
  regioVanGemeente(code: string): Promise<string | undefined>;
  /** The regions of a regiopartner, or undefined when it does not exist. */
  regiosVanPartner(partnerId: string): Promise<readonly string[] | undefined>;
  /** A gemeente's placements (gsi2) and its referrals' dossier references (gsi1): two paged Queries. */
  srgBronnen(gemeente: string): Promise<{ plaatsingen: SrgPlaatsing[]; dossiers: Map<string, string> }>;
}
