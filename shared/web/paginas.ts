import type { Rol } from '../auth/rollen';

/**
 * Who may open a page: anyone (the applications), whoever holds a personal link from a mail (the link is
 * the credential; shared/web/nazorglink.ts), or a signed-in person of these roles (a session cookie).
 */
export type PaginaToegang = 'openbaar' | 'link' | readonly Rol[];

/**
 * One entry of the page manifest: like a route of the API's manifest, one declaration that the CDK stack
 * (one function per handler module, an API Gateway route per entry), the local runtime (routing) and the
 * tests (every page's headers, axe, screenshots) all read. Pages live under /portaal, outside /v1, so the
 * API's OpenAPI document and its ADR lint stay about the API.
 */
export interface PaginaDefinitie {
  readonly id: string;
  readonly method: 'GET' | 'POST';
  /** API Gateway style path with {parameters}, starting with /portaal. */
  readonly path: string;
  /** The page group's module (functions/web/…), exporting `handler`; one function per module. */
  readonly handler: string;
  readonly toegang: PaginaToegang;
  readonly titel: string;
  /** The function writes the table (answers, sessions, applications); read-only otherwise. */
  readonly schrijft?: true;
  /** The function makes accounts' sessions with the user pool (sign-in), or serves the static files. */
  readonly bijzonder?: 'inloggen' | 'statisch';
}

const pagina = <const D extends PaginaDefinitie>(d: D): D => d;

/** The roles of people; `systeem` (the scheduled jobs) never signs in. */
export const MENSELIJKE_ROLLEN = ['coopAdmin', 'gemeente', 'werkgever', 'regiopartner'] as const satisfies readonly Rol[];

const NAZORGLINK = 'functions/web/nazorglink.tsx';
const INLOGGEN_MODULE = 'functions/web/inloggen.tsx';
const START = 'functions/web/start.tsx';
const STATISCH = 'functions/web/statisch.ts';

export const paginas = {
  statischBestand: pagina({
    id: 'statischBestand',
    method: 'GET',
    path: '/portaal/statisch/{bestand}',
    handler: STATISCH,
    toegang: 'openbaar',
    titel: 'Stijlen en afbeeldingen (met inhoudshash, lang te bewaren)',
    bijzonder: 'statisch',
  }),
  nazorgLinkOpenen: pagina({
    id: 'nazorgLinkOpenen',
    method: 'GET',
    path: '/portaal/nazorg/{token}',
    handler: NAZORGLINK,
    toegang: 'link',
    titel: 'Nazorgvragen beantwoorden',
  }),
  nazorgLinkControleren: pagina({
    id: 'nazorgLinkControleren',
    method: 'POST',
    path: '/portaal/nazorg/{token}/controle',
    handler: NAZORGLINK,
    toegang: 'link',
    titel: 'Controleer uw antwoorden',
  }),
  nazorgLinkVersturen: pagina({
    id: 'nazorgLinkVersturen',
    method: 'POST',
    path: '/portaal/nazorg/{token}/versturen',
    handler: NAZORGLINK,
    toegang: 'link',
    titel: 'Antwoorden versturen',
    schrijft: true,
  }),
  nazorgLinkBevestiging: pagina({
    id: 'nazorgLinkBevestiging',
    method: 'GET',
    path: '/portaal/nazorg/{token}/bevestiging',
    handler: NAZORGLINK,
    toegang: 'link',
    titel: 'Uw antwoorden zijn ontvangen',
  }),
  nazorgLinkNieuw: pagina({
    id: 'nazorgLinkNieuw',
    method: 'POST',
    path: '/portaal/nazorg/{token}/nieuwe-link',
    handler: NAZORGLINK,
    toegang: 'link',
    titel: 'Een nieuwe link aanvragen',
    schrijft: true,
  }),
  inloggen: pagina({
    id: 'inloggen',
    method: 'GET',
    path: '/portaal/inloggen',
    handler: INLOGGEN_MODULE,
    toegang: 'openbaar',
    titel: 'Inloggen',
    schrijft: true,
    bijzonder: 'inloggen',
  }),
  inloggenTerug: pagina({
    id: 'inloggenTerug',
    method: 'GET',
    path: '/portaal/inloggen/terug',
    handler: INLOGGEN_MODULE,
    toegang: 'openbaar',
    titel: 'Inloggen afronden',
    schrijft: true,
    bijzonder: 'inloggen',
  }),
  uitloggen: pagina({
    id: 'uitloggen',
    method: 'POST',
    path: '/portaal/uitloggen',
    handler: INLOGGEN_MODULE,
    toegang: MENSELIJKE_ROLLEN,
    titel: 'Uitloggen',
    schrijft: true,
    bijzonder: 'inloggen',
  }),
  start: pagina({
    id: 'start',
    method: 'GET',
    path: '/portaal',
    handler: START,
    toegang: MENSELIJKE_ROLLEN,
    titel: 'Uw werkcoop',
  }),
} as const satisfies Record<string, PaginaDefinitie>;

export type PaginaId = keyof typeof paginas;
export const allePaginas: readonly PaginaDefinitie[] = Object.values(paginas);

/** The portal's start: where the sign-in returns and the header's name links to. */
export const PORTAAL_BASIS = '/portaal';
/** Where a page for roles sends a person without a session (with ?terug=<the page>). */
export const INLOGGEN = '/portaal/inloggen';
/** Where Cognito returns with the code (the portal client's callback URL). */
export const INLOGGEN_TERUG = '/portaal/inloggen/terug';
export const UITLOGGEN = '/portaal/uitloggen';
