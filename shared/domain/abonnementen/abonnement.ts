import type { Principal } from '../../auth/rollen';
import { DomeinFout, nietGevonden } from '../fouten';
import { controleerCallbackUrl, type CallbackFout } from './adressen';
import { GEBEURTENIS_TYPES, type Berichtvorm, type Betrokkenen, type GebeurtenisType, type OnderwerpSoort } from './gebeurtenissen';
import { ROTATIE_OVERLAP_UREN } from './handtekening';

/**
 * A subscription: a system of a gemeente, a member, a regiopartner or the cooperative itself that wants to
 * hear of some event types at a callback URL. It starts `inAfwachting` until a signed verification event
 * gets a 2xx from the callback (a URL someone typed wrong must not collect failed deliveries for days);
 * `uitgeschakeld` after a 410, or after days without a single success.
 */
export type Eigenaar =
  | { readonly rol: 'coopAdmin' }
  | { readonly rol: 'gemeente'; readonly gemeente: string }
  | { readonly rol: 'werkgever'; readonly lidId: string }
  | { readonly rol: 'regiopartner'; readonly partnerId: string };

export const ABONNEMENT_STATUSSEN = ['inAfwachting', 'actief', 'uitgeschakeld'] as const;
export type AbonnementStatus = (typeof ABONNEMENT_STATUSSEN)[number];

export interface Abonnement {
  readonly id: string;
  readonly eigenaar: Eigenaar;
  readonly types: readonly GebeurtenisType[];
  readonly callbackUrl: string;
  readonly berichtvorm: Berichtvorm;
  readonly contactEmail: string;
  readonly status: AbonnementStatus;
  readonly uitgeschakeldOmdat?: 'opgezegd' | 'zonderSucces' | undefined;
  /** Whether an Authorization value is set; the value itself is sealed in the store and never shown. */
  readonly authorizationIngesteld: boolean;
  /** Until when the secret before the last rotation still signs beside the current one. */
  readonly vorigGeheimGeldigTot?: string | undefined;
  readonly aangemaaktOp: string;
  readonly gewijzigdOp: string;
  readonly versie: number;
}

/** Who sees which kinds of objects (shared/auth/toegang.ts): a subscription may only ask for those. */
const ZIET: Readonly<Record<Eigenaar['rol'], readonly OnderwerpSoort[]>> = {
  coopAdmin: Object.keys(GEBEURTENIS_TYPES).map((t) => GEBEURTENIS_TYPES[t as GebeurtenisType]),
  gemeente: ['verwijzing', 'plaatsing', 'nazorgmoment', 'duurzaamheidsmeting'],
  werkgever: ['plaatsing', 'nazorgmoment', 'duurzaamheidsmeting', 'lid'],
  regiopartner: ['plaatsing', 'nazorgmoment', 'duurzaamheidsmeting'],
};

export const typesVoor = (rol: Eigenaar['rol']): GebeurtenisType[] =>
  (Object.keys(GEBEURTENIS_TYPES) as GebeurtenisType[]).filter((t) => ZIET[rol].includes(GEBEURTENIS_TYPES[t]));

export const eigenaarVan = (p: Principal): Eigenaar => {
  switch (p.rol) {
    case 'coopAdmin':
      return { rol: 'coopAdmin' };
    case 'gemeente':
      return { rol: 'gemeente', gemeente: p.gemeente };
    case 'werkgever':
      return { rol: 'werkgever', lidId: p.lidId };
    case 'regiopartner':
      return { rol: 'regiopartner', partnerId: p.partnerId };
    default:
      throw new DomeinFout('geenToegang', 'Deze rol neemt geen abonnementen.');
  }
};

/** A subscription is its owner's; coordinators see and manage all. Another tenant's is 404. */
export const magBeheren = (p: Principal, a: Pick<Abonnement, 'eigenaar'>): boolean => {
  const e = a.eigenaar;
  return (
    p.rol === 'coopAdmin' ||
    (p.rol === 'gemeente' && e.rol === 'gemeente' && e.gemeente === p.gemeente) ||
    (p.rol === 'werkgever' && e.rol === 'werkgever' && e.lidId === p.lidId) ||
    (p.rol === 'regiopartner' && e.rol === 'regiopartner' && e.partnerId === p.partnerId)
  );
};

/**
 * Whether an event is for this subscription: its type is asked for and its owner was among those who saw
 * the object. The fan-out asks this first, and checks the object's current access again before it sends.
 */
export const isVoor = (a: Pick<Abonnement, 'eigenaar' | 'types' | 'status'>, g: { type: string; betrokkenen: Betrokkenen }): boolean => {
  if (a.status !== 'actief' || !(a.types as readonly string[]).includes(g.type)) return false;
  const e = a.eigenaar;
  return (
    e.rol === 'coopAdmin' ||
    (e.rol === 'gemeente' && g.betrokkenen.gemeente === e.gemeente) ||
    (e.rol === 'werkgever' && g.betrokkenen.lidId === e.lidId) ||
    (e.rol === 'regiopartner' && g.betrokkenen.partnerId === e.partnerId)
  );
};

const URL_FOUTEN: Readonly<Record<CallbackFout, string>> = {
  geenUrl: 'is geen URL',
  geenHttps: 'moet https gebruiken',
  gegevensInUrl: 'mag geen gebruikersnaam of wachtwoord bevatten (gebruik authorization)',
  fragment: 'mag geen fragment (#) bevatten',
  geenHost: 'mist een host',
};

export const controleerTypes = (rol: Eigenaar['rol'], types: readonly GebeurtenisType[]): void => {
  const mag = typesVoor(rol);
  const niet = types.filter((t) => !mag.includes(t));
  if (niet.length) throw new DomeinFout('onverwerkbaar', `Deze gebeurtenissen gaan over objecten die u niet ziet: ${niet.join(', ')}.`, 'body.types');
};

export const controleerUrl = (url: string): void => {
  const r = controleerCallbackUrl(url);
  if ('fout' in r) throw new DomeinFout('ongeldigeInvoer', `De callbackUrl ${URL_FOUTEN[r.fout]}.`, 'body.callbackUrl');
};

export interface AbonnementInvoer {
  readonly types: readonly GebeurtenisType[];
  readonly callbackUrl: string;
  readonly berichtvorm: Berichtvorm;
  readonly contactEmail: string;
  readonly authorization?: string | undefined;
}

export const nieuwAbonnement = (invoer: AbonnementInvoer, door: Principal, omgeving: { nu: string; nieuwId: () => string }): Abonnement => {
  const eigenaar = eigenaarVan(door);
  controleerTypes(eigenaar.rol, invoer.types);
  controleerUrl(invoer.callbackUrl);
  return {
    id: omgeving.nieuwId(),
    eigenaar,
    types: [...new Set(invoer.types)],
    callbackUrl: invoer.callbackUrl,
    berichtvorm: invoer.berichtvorm,
    contactEmail: invoer.contactEmail,
    status: 'inAfwachting',
    authorizationIngesteld: invoer.authorization !== undefined,
    aangemaaktOp: omgeving.nu,
    gewijzigdOp: omgeving.nu,
    versie: 1,
  };
};

export interface AbonnementWijziging {
  readonly types?: readonly GebeurtenisType[] | undefined;
  readonly callbackUrl?: string | undefined;
  readonly berichtvorm?: Berichtvorm | undefined;
  readonly contactEmail?: string | undefined;
  /** A new value, or null to stop sending one. */
  readonly authorization?: string | null | undefined;
}

/**
 * A change. A new callback URL is verified again (back to `inAfwachting`): the new receiver has not yet
 * shown it accepts our signature. A disabled subscription comes back the same way once its owner changes it.
 */
export const wijzigAbonnement = (a: Abonnement, w: AbonnementWijziging, door: Principal, nu: string): Abonnement => {
  if (!magBeheren(door, a)) throw nietGevonden('Dit abonnement');
  if (w.types) controleerTypes(a.eigenaar.rol, w.types);
  if (w.callbackUrl !== undefined) controleerUrl(w.callbackUrl);
  const nieuweUrl = w.callbackUrl !== undefined && w.callbackUrl !== a.callbackUrl;
  return {
    ...a,
    ...(w.types ? { types: [...new Set(w.types)] } : {}),
    ...(w.callbackUrl !== undefined ? { callbackUrl: w.callbackUrl } : {}),
    ...(w.berichtvorm ? { berichtvorm: w.berichtvorm } : {}),
    ...(w.contactEmail ? { contactEmail: w.contactEmail } : {}),
    ...(w.authorization !== undefined ? { authorizationIngesteld: w.authorization !== null } : {}),
    ...(nieuweUrl || a.status === 'uitgeschakeld' ? { status: 'inAfwachting' as const, uitgeschakeldOmdat: undefined } : {}),
    gewijzigdOp: nu,
    versie: a.versie + 1,
  };
};

export const geroteerd = (a: Abonnement, door: Principal, nu: Date): Abonnement => {
  if (!magBeheren(door, a)) throw nietGevonden('Dit abonnement');
  return {
    ...a,
    vorigGeheimGeldigTot: new Date(nu.getTime() + ROTATIE_OVERLAP_UREN * 3_600_000).toISOString(),
    gewijzigdOp: nu.toISOString(),
    versie: a.versie + 1,
  };
};
