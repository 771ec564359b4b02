import { ulid } from 'ulidx';
import { ROLLEN, type Rol } from '../../shared/auth/rollen';
import type { RouteDefinition } from '../../shared/routes/route';
import { geldigeWaarde, veldnamen } from '../support/zod-arbitrary';
import type { Wereld } from './wereld';

/**
 * How the security suite fills a route's parameters, for every route of the manifest. A route whose path
 * names a parameter that is not in PARAMETERS fails the suite: a new route cannot slip past the matrix.
 *
 * ONE LINE PER PARAMETER NAME: `van` picks the world's own object (a world is seeded in ./wereld.ts),
 * `onbestaand` makes a well-formed value of an object that does not exist. The same names fill query
 * filters of list routes (a gemeente's list filtered on another gemeente must not open that one).
 */
export const PARAMETERS: Record<string, { readonly van: (w: Wereld) => string; readonly onbestaand: () => string }> = {
  lidId: { van: (w) => w.lid.id, onbestaand: ulid },
  gemeenteCode: { van: (w) => w.gemeente.code, onbestaand: () => 'GM9998' },
  gemeente: { van: (w) => w.gemeente.code, onbestaand: () => 'GM9998' },
  partnerId: { van: (w) => w.partner.id, onbestaand: ulid },
  jobcoachPartnerId: { van: (w) => w.partner.id, onbestaand: ulid },
  gebruikerId: { van: (w) => w.gebruiker.id, onbestaand: ulid },
  verwijzingId: { van: (w) => w.verwijzing.id, onbestaand: ulid },
  werkplekId: { van: (w) => w.werkplek.id, onbestaand: ulid },
  plaatsingId: { van: (w) => w.plaatsing.id, onbestaand: ulid },
  doelId: { van: (w) => w.doelId, onbestaand: ulid },
  nazorgmomentId: { van: (w) => w.nazorgmoment.id, onbestaand: ulid },
  aanmeldingId: { van: (w) => w.aanmelding.id, onbestaand: ulid },
  escalatieId: { van: (w) => w.escalatie.id, onbestaand: ulid },
  gebeurtenisId: { van: (w) => w.gebeurtenis.id, onbestaand: ulid },
  abonnementId: { van: (w) => w.abonnement.id, onbestaand: ulid },
  // A region names a regiopartner's scope (its figures): Twente is a region no world works in.
  arbeidsmarktregio: { van: (w) => w.gemeente.arbeidsmarktregio, onbestaand: () => 'Twente' },
};

export const padParameters = (route: RouteDefinition): string[] => [...route.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!);

/** The message a route without fixtures fails with: which route, which parameter, where to add it. */
export const ontbrekendeFixtures = (route: RouteDefinition): string[] =>
  padParameters(route)
    .filter((p) => !(p in PARAMETERS))
    .map((p) => `${route.method} ${route.path} (${route.operationId}) heeft geen fixture voor padparameter {${p}}: voeg één regel toe aan PARAMETERS in test/security/fixtures.ts`);

export type Welke = Wereld | 'onbestaand';

/** The route's path with its parameters filled from a world, or with objects that do not exist. */
export const vulPad = (route: RouteDefinition, welke: Welke): string => {
  const fouten = ontbrekendeFixtures(route);
  if (fouten.length > 0) throw new Error(fouten.join('\n'));
  return route.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, p: string) => {
    const f = PARAMETERS[p]!;
    return encodeURIComponent(welke === 'onbestaand' ? f.onbestaand() : f.van(welke));
  });
};

/**
 * Query parameters that name the one object a call is about (not a filter that narrows a list): another
 * tenant's value must answer as for a path parameter, 404, indistinguishable from one that does not exist.
 */
export const OBJECT_IN_QUERY: ReadonlySet<string> = new Set(['arbeidsmarktregio']);

/** The route's query keys that PARAMETERS can fill (filters on a tenant's objects). */
export const tenantFilters = (route: RouteDefinition): string[] => veldnamen(route.request?.query).filter((k) => k in PARAMETERS);

/** A page as large as the route allows, so another tenant's objects cannot hide on a later page. */
export const grotePagina = (route: RouteDefinition): Record<string, string> => (veldnamen(route.request?.query).includes('pageSize') ? { pageSize: '100' } : {});

/**
 * A body zod accepts for the route, from a fixed seed, so an allowed caller's request reaches the use case
 * and its object-level check (a foreign object must answer 404, not a validation error). Hand-written
 * examples go in VOORBEELD_BODIES, one line per operationId, for a body the generator cannot satisfy.
 */
export const VOORBEELD_BODIES: Record<string, unknown> = {};

export const geldigeBody = (route: RouteDefinition): unknown => {
  const schema = route.request?.body;
  if (!schema) return undefined;
  if (route.operationId in VOORBEELD_BODIES) return VOORBEELD_BODIES[route.operationId];
  const body = geldigeWaarde(schema, { seed: 5 });
  if (body === undefined)
    throw new Error(`${route.method} ${route.path} (${route.operationId}): geen geldige body te maken uit het schema; voeg een voorbeeld toe aan VOORBEELD_BODIES in test/security/fixtures.ts`);
  return body;
};

/** Every caller of the matrix: each role of rollen.ts, plus no token at all. */
export type Beller = Rol | 'anoniem';
export const BELLERS: readonly Beller[] = ['anoniem', ...ROLLEN];

/**
 * What each role may see of another tenant's objects. `alles`: the role acts for the whole cooperative
 * (coordinators; the scheduled jobs). `eigen`: only its own tenant's objects; another tenant's object must
 * answer exactly as one that does not exist (404). A Record over Rol: a new role does not compile until
 * it is placed here.
 */
export const BEREIK: Record<Rol, 'alles' | 'eigen'> = {
  coopAdmin: 'alles',
  systeem: 'alles',
  gemeente: 'eigen',
  werkgever: 'eigen',
  regiopartner: 'eigen',
};

/**
 * The deliberate exceptions to `eigen`, each with the rule in shared/auth/toegang.ts it follows. For these
 * operations and roles another tenant's object is visible, so the matrix expects no 404, and the values of
 * that object are no leak for that role (the rest of the other world still is).
 */
export const ZICHTBAAR_BUITEN_TENANT: readonly { operationId: string; rol: Rol; object: (w: Wereld) => object; waarom: string }[] = [
  { operationId: 'werkplekOphalen', rol: 'gemeente', object: (w) => w.werkplek, waarom: 'toegang.werkplek: places hold no personal data; every gemeente may refer to any' },
  { operationId: 'werkplekkenZoeken', rol: 'gemeente', object: (w) => w.werkplek, waarom: 'toegang.werkplek, for the list' },
];

/** The tenant a role's token carries in world A. */
export const tenantIn = (rol: Rol, w: Wereld): string | undefined =>
  ({ coopAdmin: undefined, systeem: undefined, gemeente: w.gemeente.code, werkgever: w.lid.id, regiopartner: w.partner.id })[rol];

export type Verwachting = 'niet-geauthenticeerd' | 'geen-toegang' | 'niet-gevonden' | 'toegestaan';

/** The expected outcome of one cell of the matrix. */
export const verwachting = (route: RouteDefinition, beller: Beller, vreemd: boolean, objectInQuery = false): Verwachting => {
  if (route.roles === 'public') return 'toegestaan';
  if (beller === 'anoniem') return 'niet-geauthenticeerd';
  if (!route.roles.includes(beller)) return 'geen-toegang';
  const uitzondering = ZICHTBAAR_BUITEN_TENANT.some((u) => u.operationId === route.operationId && u.rol === beller);
  if (vreemd && (padParameters(route).length > 0 || objectInQuery) && BEREIK[beller] === 'eigen' && !uitzondering) return 'niet-gevonden';
  return 'toegestaan';
};

