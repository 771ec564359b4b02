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
  /** The function makes machine clients with the user pool (a partner's approval), as the API route of that name. */
  readonly machineClients?: true;
}

const pagina = <const D extends PaginaDefinitie>(d: D): D => d;

/** The roles of people; `systeem` (the scheduled jobs) never signs in. */
export const MENSELIJKE_ROLLEN = ['coopAdmin', 'gemeente', 'werkgever', 'regiopartner'] as const satisfies readonly Rol[];

const NAZORGLINK = 'functions/web/nazorglink.tsx';
const INLOGGEN_MODULE = 'functions/web/inloggen.tsx';
const START = 'functions/web/start.tsx';
const STATISCH = 'functions/web/statisch.ts';
const AANMELDEN = 'functions/web/aanmelden.tsx';
const WERKLIJST = 'functions/web/werklijst.tsx';
const AANMELDINGEN = 'functions/web/regiopartner-aanmeldingen.tsx';
const PLAATSINGEN = 'functions/web/plaatsingen.tsx';
const VERWIJZINGEN = 'functions/web/verwijzingen.tsx';
const UITKOMSTEN = 'functions/web/uitkomsten.tsx';

/** Who answers follow-ups: the member and the assigned jobcoach organisation (as in the API). */
const BEANTWOORDERS = ['werkgever', 'regiopartner'] as const satisfies readonly Rol[];

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

  // Applying: an employer for membership, an organisation as regional partner, and the partner's e-mail confirmation.
  lidWordenFormulier: pagina({
    id: 'lidWordenFormulier',
    method: 'GET',
    path: '/portaal/lid-worden',
    handler: AANMELDEN,
    toegang: 'openbaar',
    titel: 'Lid worden van de coöperatie',
  }),
  lidWordenControleren: pagina({
    id: 'lidWordenControleren',
    method: 'POST',
    path: '/portaal/lid-worden/controle',
    handler: AANMELDEN,
    toegang: 'openbaar',
    titel: 'Controleer uw aanvraag',
  }),
  lidWordenVersturen: pagina({
    id: 'lidWordenVersturen',
    method: 'POST',
    path: '/portaal/lid-worden/versturen',
    handler: AANMELDEN,
    toegang: 'openbaar',
    titel: 'Aanvraag versturen',
    schrijft: true,
  }),
  lidWordenOntvangen: pagina({
    id: 'lidWordenOntvangen',
    method: 'GET',
    path: '/portaal/lid-worden/ontvangen',
    handler: AANMELDEN,
    toegang: 'openbaar',
    titel: 'Uw aanvraag is ontvangen',
  }),
  regiopartnerWordenFormulier: pagina({
    id: 'regiopartnerWordenFormulier',
    method: 'GET',
    path: '/portaal/regiopartner-worden',
    handler: AANMELDEN,
    toegang: 'openbaar',
    titel: 'Aanmelden als regiopartner',
  }),
  regiopartnerWordenControleren: pagina({
    id: 'regiopartnerWordenControleren',
    method: 'POST',
    path: '/portaal/regiopartner-worden/controle',
    handler: AANMELDEN,
    toegang: 'openbaar',
    titel: 'Controleer uw aanmelding',
  }),
  regiopartnerWordenVersturen: pagina({
    id: 'regiopartnerWordenVersturen',
    method: 'POST',
    path: '/portaal/regiopartner-worden/versturen',
    handler: AANMELDEN,
    toegang: 'openbaar',
    titel: 'Aanmelding versturen',
    schrijft: true,
  }),
  regiopartnerWordenOntvangen: pagina({
    id: 'regiopartnerWordenOntvangen',
    method: 'GET',
    path: '/portaal/regiopartner-worden/ontvangen',
    handler: AANMELDEN,
    toegang: 'openbaar',
    titel: 'Uw aanmelding is ontvangen',
  }),
  /** The link in the confirmation mail: opening it shows a button; only the button's POST confirms. */
  regiopartnerBevestigenOpenen: pagina({
    id: 'regiopartnerBevestigenOpenen',
    method: 'GET',
    path: '/portaal/regiopartner-aanmelding/{token}',
    handler: AANMELDEN,
    toegang: 'link',
    titel: 'Uw e-mailadres bevestigen',
  }),
  regiopartnerBevestigen: pagina({
    id: 'regiopartnerBevestigen',
    method: 'POST',
    path: '/portaal/regiopartner-aanmelding/{token}',
    handler: AANMELDEN,
    toegang: 'link',
    titel: 'Uw e-mailadres bevestigen',
    schrijft: true,
  }),
  regiopartnerBevestigd: pagina({
    id: 'regiopartnerBevestigd',
    method: 'GET',
    path: '/portaal/regiopartner-worden/bevestigd',
    handler: AANMELDEN,
    toegang: 'openbaar',
    titel: 'Uw e-mailadres is bevestigd',
  }),
  werklijst: pagina({ id: 'werklijst', method: 'GET', path: '/portaal/werklijst', handler: WERKLIJST, toegang: ['coopAdmin'], titel: 'Werklijst' }),
  escalatieOpenen: pagina({ id: 'escalatieOpenen', method: 'GET', path: '/portaal/escalaties/{escalatieId}', handler: WERKLIJST, toegang: ['coopAdmin'], titel: 'Escalatie' }),
  escalatieAfhandelen: pagina({
    id: 'escalatieAfhandelen',
    method: 'POST',
    path: '/portaal/escalaties/{escalatieId}/afhandeling',
    handler: WERKLIJST,
    toegang: ['coopAdmin'],
    titel: 'Escalatie afhandelen',
    schrijft: true,
  }),
  lidOpenen: pagina({ id: 'lidOpenen', method: 'GET', path: '/portaal/leden/{lidId}', handler: WERKLIJST, toegang: ['coopAdmin'], titel: 'Aanvraag van een lid' }),
  lidGoedkeuren: pagina({ id: 'lidGoedkeuren', method: 'POST', path: '/portaal/leden/{lidId}/goedkeuring', handler: WERKLIJST, toegang: ['coopAdmin'], titel: 'Aanvraag goedkeuren', schrijft: true }),
  lidAfwijzen: pagina({ id: 'lidAfwijzen', method: 'POST', path: '/portaal/leden/{lidId}/afwijzing', handler: WERKLIJST, toegang: ['coopAdmin'], titel: 'Aanvraag afwijzen', schrijft: true }),
  aanmeldingOpenen: pagina({
    id: 'aanmeldingOpenen',
    method: 'GET',
    path: '/portaal/regiopartner-aanmeldingen/{aanmeldingId}',
    handler: AANMELDINGEN,
    toegang: ['coopAdmin'],
    titel: 'Aanmelding van een regiopartner',
  }),
  aanmeldingGoedkeuren: pagina({
    id: 'aanmeldingGoedkeuren',
    method: 'POST',
    path: '/portaal/regiopartner-aanmeldingen/{aanmeldingId}/goedkeuring',
    handler: AANMELDINGEN,
    toegang: ['coopAdmin'],
    titel: 'Aanmelding goedkeuren',
    schrijft: true,
    machineClients: true,
  }),
  aanmeldingAfwijzen: pagina({
    id: 'aanmeldingAfwijzen',
    method: 'POST',
    path: '/portaal/regiopartner-aanmeldingen/{aanmeldingId}/afwijzing',
    handler: AANMELDINGEN,
    toegang: ['coopAdmin'],
    titel: 'Aanmelding afwijzen',
    schrijft: true,
  }),
  plaatsingenLijst: pagina({
    id: 'plaatsingenLijst',
    method: 'GET',
    path: '/portaal/plaatsingen',
    handler: PLAATSINGEN,
    toegang: ['werkgever', 'regiopartner', 'gemeente'],
    titel: 'Plaatsingen',
  }),
  plaatsingOpenen: pagina({
    id: 'plaatsingOpenen',
    method: 'GET',
    path: '/portaal/plaatsingen/{plaatsingId}',
    handler: PLAATSINGEN,
    toegang: ['werkgever', 'regiopartner', 'gemeente'],
    titel: 'Plaatsing',
  }),
  nazorgmomentOpenen: pagina({ id: 'nazorgmomentOpenen', method: 'GET', path: '/portaal/nazorgmomenten/{nazorgmomentId}', handler: PLAATSINGEN, toegang: BEANTWOORDERS, titel: 'Nazorgvragen beantwoorden' }),
  nazorgmomentControleren: pagina({
    id: 'nazorgmomentControleren',
    method: 'POST',
    path: '/portaal/nazorgmomenten/{nazorgmomentId}/controle',
    handler: PLAATSINGEN,
    toegang: BEANTWOORDERS,
    titel: 'Controleer uw antwoorden',
  }),
  nazorgmomentBeantwoorden: pagina({
    id: 'nazorgmomentBeantwoorden',
    method: 'POST',
    path: '/portaal/nazorgmomenten/{nazorgmomentId}/versturen',
    handler: PLAATSINGEN,
    toegang: BEANTWOORDERS,
    titel: 'Antwoorden versturen',
    schrijft: true,
  }),
  werkplekkenLijst: pagina({ id: 'werkplekkenLijst', method: 'GET', path: '/portaal/werkplekken', handler: PLAATSINGEN, toegang: ['werkgever'], titel: 'Werkplekken' }),
  verwijzingenLijst: pagina({ id: 'verwijzingenLijst', method: 'GET', path: '/portaal/verwijzingen', handler: VERWIJZINGEN, toegang: ['gemeente'], titel: 'Verwijzingen' }),
  /** The outcome figures: every role that may see figures, each its own scope (the use case decides it). */
  uitkomsten: pagina({ id: 'uitkomsten', method: 'GET', path: '/portaal/uitkomsten', handler: UITKOMSTEN, toegang: MENSELIJKE_ROLLEN, titel: 'Uitkomsten' }),
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
  /**
   * Any other address under /portaal that a person opens (a mistyped or outdated link): a page that says so
   * and links to the start, not the API's problem+json. API Gateway routes here only what no page matches.
   */
  paginaNietGevonden: pagina({
    id: 'paginaNietGevonden',
    method: 'GET',
    path: '/portaal/{pad+}',
    handler: START,
    toegang: 'openbaar',
    titel: 'Pagina niet gevonden',
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
