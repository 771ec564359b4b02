import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { allRoutes } from '../../shared/routes/manifest';
import type { RouteDefinition } from '../../shared/routes/route';
import { apiClient, type Kop } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';
import {
  BELLERS,
  geldigeBody,
  grotePagina,
  OBJECT_IN_QUERY,
  ontbrekendeFixtures,
  PARAMETERS,
  tenantFilters,
  tenantIn,
  verwachting,
  vulPad,
  ZICHTBAAR_BUITEN_TENANT,
  type Beller,
  type Welke,
} from './fixtures';
import { tekstenIn, zoekLekken, type Lek } from './lekken';
import { isProblem, kort, stuur, type RauwAntwoord } from './verzoek';
import { zaaiWereld, type Wereld } from './wereld';
import { gedeeldeOntvanger } from '../support/ontvanger';

/**
 * The route × role × tenant matrix, generated from the route manifest. Every route is called by every
 * caller (each role, and no token), on world A's objects (the callers' own) and on world B's (another
 * tenant's), list routes with and without filters on either tenant. Expected: 401 without a token, 403 for
 * a role the route does not name, 404 — answered exactly as for an object that does not exist — for
 * another tenant's object, and otherwise no 401/403 and never a 5xx. Every answer to a caller other than
 * a coordinator is searched for world B's values.
 *
 * Writes on existing objects carry a stale If-Match: the access check must come first (a foreign object
 * answers 404, never 412), and the callers' own objects stay as seeded for the next cell.
 */

let rt: LocalRuntime;
let A: Wereld;
let B: Wereld;
const koppen = new Map<Beller, Kop>();
const api = apiClient(() => rt);

const VEROUDERD = '"999999999"';

const telling = {
  cellen: 0,
  verzoeken: 0,
  lekken: 0,
  routes: new Set<string>(),
  zonderFixture: [] as string[],
  perVerwachting: new Map<string, number>(),
  /** How far the allowed calls got: the statuses they were answered with. */
  toegestaanStatus: new Map<number, number>(),
};

beforeAll(async () => {
  rt = await startTestRuntime({ scheduler: { automatic: false } });
  const admin = await authorization(rt, 'coopAdmin');
  A = await zaaiWereld(api, () => rt, 'A', admin);
  B = await zaaiWereld(api, () => rt, 'B', admin);
  for (const beller of BELLERS)
    koppen.set(beller, beller === 'anoniem' ? {} : await authorization(rt, beller, tenantIn(beller, A)));
  await rt.settle();
}, 120_000);

afterAll(async () => {
  console.log(
    `[security] matrix: ${telling.routes.size} routes × ${BELLERS.length} callers (${BELLERS.join(', ')}) = ${telling.cellen} cells, ${telling.verzoeken} requests; ` +
      `expected ${[...telling.perVerwachting].map(([k, n]) => `${k} ${n}`).join(', ')} ` +
      `(allowed calls answered ${[...telling.toegestaanStatus].sort(([x], [y]) => x - y).map(([k, n]) => `${k}×${n}`).join(' ')}); leaks found: ${telling.lekken}; ` +
      `routes without fixtures: ${telling.zonderFixture.length ? telling.zonderFixture.join('; ') : 'none'}`,
  );
  await rt?.stop();
});

const queryString = (q: Record<string, string>) => {
  const s = new URLSearchParams(q).toString();
  return s ? `?${s}` : '';
};

/** The query variants of a call: the largest page, and each tenant filter set to the world's value. */
const queryVarianten = (route: RouteDefinition, w: Wereld): Record<string, string>[] => [
  grotePagina(route),
  ...tenantFilters(route).map((k) => ({ ...grotePagina(route), [k]: PARAMETERS[k]!.van(w) })),
];

/**
 * A refusal of a body field the caller's role may not set (mass assignment, shared/privacy/rolvorm.ts): it
 * is about the body, not about the route or the object, so it is no refusal of access — and it does not
 * depend on the object, so a foreign object answers it exactly as a missing one (checked below).
 */
const isVeldweigering = (a: RauwAntwoord) => a.status === 403 && String((a.json as { type?: unknown } | undefined)?.type ?? '').endsWith('/veld-niet-toegestaan');

/** The same query with another world's values replaced by values of objects that do not exist. */
const onbestaandeQuery = (query: Record<string, string>, w: Wereld): Record<string, string> =>
  Object.fromEntries(Object.entries(query).map(([k, v]) => [k, PARAMETERS[k] && PARAMETERS[k].van(w) === v ? PARAMETERS[k].onbestaand() : v]));

const roep = async (route: RouteDefinition, beller: Beller, welke: Welke, query: Record<string, string>, body: unknown) => {
  const pad = vulPad(route, welke) + queryString(query);
  const headers: Record<string, string> = { ...koppen.get(beller) };
  if (route.request?.ifMatch) headers['if-match'] = VEROUDERD;
  const tekst = body === undefined ? undefined : JSON.stringify(body);
  if (tekst !== undefined) headers['content-type'] = 'application/json';
  telling.verzoeken++;
  return { pad, tekst: tekst ?? '', antwoord: await stuur(rt, { method: route.method, pad, headers, ...(tekst !== undefined ? { body: tekst } : {}) }) };
};

/**
 * The problem as a caller reads it, for comparing a foreign object's answer with a missing one's:
 * `instance` is the request path, and a detail may name the value the caller sent; both differ by design.
 */
const zonderInstance = (a: RauwAntwoord, verzonden: readonly string[]) => {
  const { instance: _, ...rest } = (a.json ?? {}) as Record<string, unknown>;
  return verzonden.reduce((t, v) => t.split(v).join('…'), JSON.stringify({ status: a.status, ...rest }));
};

describe('route × rol × tenant, uit het manifest', () => {
  for (const route of allRoutes) {
    it(`${route.method} ${route.path} (${route.operationId})`, async () => {
      const ontbrekend = ontbrekendeFixtures(route);
      if (ontbrekend.length > 0) {
        telling.zonderFixture.push(`${route.method} ${route.path}`);
        throw new Error(ontbrekend.join('\n'));
      }
      const body = geldigeBody(route);
      const fouten: string[] = [];
      const heeftPad = /\{/.test(route.path);

      await Promise.all(
        BELLERS.map(async (beller) => {
          const merktekens = beller === 'coopAdmin' ? new Map<string, string>() : B.merktekens;
          const toegestaan = new Set(
            ZICHTBAAR_BUITEN_TENANT.filter((u) => u.operationId === route.operationId && u.rol === beller).flatMap((u) => [...tekstenIn(u.object(B))]),
          );
          let onbestaand: Awaited<ReturnType<typeof roep>> | undefined;
          // Routes on an object: own and foreign object. Routes without one: the same call, plus the tenant filters of each world.
          const varianten: { vreemd: boolean; welke: Wereld; query: Record<string, string> }[] = heeftPad
            ? [
                { vreemd: false, welke: A, query: grotePagina(route) },
                { vreemd: true, welke: B, query: grotePagina(route) },
              ]
            : [
                ...queryVarianten(route, A).map((query) => ({ vreemd: false, welke: A, query })),
                ...queryVarianten(route, B).slice(1).map((query) => ({ vreemd: true, welke: B, query })),
              ];
          for (const { vreemd, welke, query } of varianten) {
            const objectInQuery = Object.keys(query).some((k) => OBJECT_IN_QUERY.has(k));
            const verwacht = verwachting(route, beller, vreemd, objectInQuery);
            telling.perVerwachting.set(verwacht, (telling.perVerwachting.get(verwacht) ?? 0) + 1);
            const { pad, tekst, antwoord: a } = await roep(route, beller, welke, query, body);
            const cel = `${beller} ${vreemd ? 'vreemd' : 'eigen'} ${route.method} ${pad}`;
            if (a.status >= 500) fouten.push(`${cel}: ${kort(a)} (5xx)`);
            if (a.status >= 400 && !isProblem(a)) fouten.push(`${cel}: ${kort(a)} is geen problem+json`);
            switch (verwacht) {
              case 'niet-geauthenticeerd':
              case 'geen-toegang': {
                const status = verwacht === 'niet-geauthenticeerd' ? 401 : 403;
                if (a.status !== status) fouten.push(`${cel}: verwacht ${status}, kreeg ${kort(a)}`);
                if (a.ops.length > 0) fouten.push(`${cel}: ${status} na DynamoDB-operaties ${a.ops.join(',')}`);
                if (status === 401 && !String(a.headers['www-authenticate'] ?? '').startsWith('Bearer')) fouten.push(`${cel}: 401 zonder WWW-Authenticate: Bearer`);
                break;
              }
              case 'niet-gevonden': {
                if (a.status !== 404 && !isVeldweigering(a)) fouten.push(`${cel}: verwacht 404 (object van een andere tenant), kreeg ${kort(a)}`);
                // An object in the query is compared with its own missing counterpart; one in the path with the route's.
                const leeg = objectInQuery
                  ? await roep(route, beller, A, onbestaandeQuery(query, B), body)
                  : (onbestaand ??= await roep(route, beller, 'onbestaand', query, body));
                const verzonden = [query, onbestaandeQuery(query, B)].flatMap((q) => Object.entries(q).filter(([k]) => k in PARAMETERS).map(([, v]) => v));
                if (zonderInstance(a, verzonden) !== zonderInstance(leeg.antwoord, verzonden))
                  fouten.push(`${cel}: het antwoord verschilt van dat voor een onbestaand object: ${kort(a)} tegenover ${kort(leeg.antwoord)}`);
                break;
              }
              case 'toegestaan':
                telling.toegestaanStatus.set(a.status, (telling.toegestaanStatus.get(a.status) ?? 0) + 1);
                if (a.status === 401 || (a.status === 403 && !isVeldweigering(a))) fouten.push(`${cel}: toegestaan, maar ${kort(a)}`);
                break;
            }
            const lekken: Lek[] = zoekLekken(a.json ?? a.tekst, merktekens, pad + tekst, toegestaan);
            telling.lekken += lekken.length;
            for (const l of lekken) fouten.push(`${cel}: LEK ${l.wat} ${l.waarde} in ${l.waar}`);
          }
          telling.cellen++;
        }),
      );
      telling.routes.add(route.operationId);
      expect(fouten, fouten.join('\n')).toEqual([]);
    });
  }

  it('dekt elke route van het manifest met elke beller, zonder lek', () => {
    expect([...telling.routes].sort()).toEqual(allRoutes.map((r) => r.operationId).sort());
    expect(telling.cellen).toBe(allRoutes.length * BELLERS.length);
    expect(telling.zonderFixture).toEqual([]);
    expect(telling.lekken).toBe(0);
    // The matrix means something only if each kind of expectation occurred.
    for (const soort of ['niet-geauthenticeerd', 'geen-toegang', 'niet-gevonden', 'toegestaan']) expect(telling.perVerwachting.get(soort)).toBeGreaterThan(0);
  });

  it("een abonnee van de ene tenant krijgt nooit een gebeurtenis over de objecten van de andere (webhooks, issue #14)", async () => {
    await rt.settle();
    const ontvanger = await gedeeldeOntvanger();
    for (const [eigen, ander] of [
      [A, B],
      [B, A],
    ] as const) {
      const bodies = ontvanger.ontvangen.filter((v) => v.pad === eigen.abonnement.pad).map((v) => JSON.parse(v.body) as { type: string; subject: string });
      // Its own placement's phases did arrive (so the check below is not vacuous) ...
      expect(bodies.map((b) => b.type)).toEqual(expect.arrayContaining(['nl.werkcoop.plaatsingen.voorgesteld', 'nl.werkcoop.plaatsingen.gestart']));
      // (The matrix's own calls may resend its delivery: the same event again, never another's.)
      expect([...new Set(bodies.filter((b) => b.type === 'nl.werkcoop.plaatsingen.gestart').map((b) => b.subject))]).toEqual([eigen.plaatsing.id]);
      // ... and nothing of the other world: none of its ids, names or addresses.
      for (const v of ontvanger.ontvangen.filter((x) => x.pad === eigen.abonnement.pad)) expect(zoekLekken(JSON.parse(v.body), ander.merktekens, v.pad)).toEqual([]);
    }
  });
});
