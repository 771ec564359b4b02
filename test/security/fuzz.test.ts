import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { allRoutes } from '../../shared/routes/manifest';
import type { RouteDefinition } from '../../shared/routes/route';
import { apiClient } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';
import { tabelInhoud, type TabelInhoud } from '../support/tabel';
import { geldigeBody, ontbrekendeFixtures, padParameters, tenantIn } from './fixtures';
import { gevallen, type Geval } from './fuzz-gevallen';
import { isProblem, kort, stuur } from './verzoek';
import { zaaiWereld, type Wereld } from './wereld';

/**
 * Fuzzing of every route of the manifest: body, path, query, content type, size and If-Match, from the
 * route's zod schemas and beyond them (see ./fuzz-gevallen.ts). Every case must be refused with a 4xx
 * problem+json (status and title in the body, the status the HTTP status) — never a 5xx, never a success —
 * and the table must be exactly as before the route's cases.
 *
 * Fixed seed and a fixed number of cases per route: the run is reproducible and its cost known. Override
 * with SECURITY_FUZZ_RUNS / SECURITY_FUZZ_SEED to search longer locally.
 */
const RUNS_PER_ROUTE = Number(process.env.SECURITY_FUZZ_RUNS ?? 40);
const SEED = Number(process.env.SECURITY_FUZZ_SEED ?? 20_260_426);
/** Parallel requests per route: enough to keep the runtime busy on 2 cores, few enough to stay gentle. */
const PARALLEL = 4;

/**
 * Items a refused request may still write, by design, left out of the before/after comparison: the
 * processing log (AVG, append-only; an attempt on personal data is logged whatever its outcome). Nothing
 * else: the public endpoints' rate-limit counters, for one, are written only for a valid request.
 */
const GENEGEERDE_ENTITEITEN = new Set(['Verwerking']);
const negeer = (item: Record<string, AttributeValue>) => GENEGEERDE_ENTITEITEN.has(item.entiteit?.S ?? '');

let rt: LocalRuntime;
let A: Wereld;
const api = apiClient(() => rt);
let echteSleutels: Record<string, string>[] = [];
/** The table before the first route's cases, and after the previous route's. */
let begin: TabelInhoud | undefined;
let vorige: TabelInhoud | undefined;
const telling = { routes: new Set<string>(), gevallen: 0, perSoort: new Map<string, number>(), perStatus: new Map<number, number>(), genegeerd: 0, hash: '' };

beforeAll(async () => {
  rt = await startTestRuntime({ scheduler: { automatic: false } });
  const admin = await authorization(rt, 'coopAdmin');
  A = await zaaiWereld(api, () => rt, 'A', admin);
  await zaaiWereld(api, () => rt, 'B', admin);
  await rt.settle();
  // The key attributes of every item: a forged cursor may point anywhere, into another tenant's partition too.
  const inhoud = await tabelInhoud(rt);
  begin = vorige = await tabelInhoud(rt, negeer);
  echteSleutels = inhoud.items
    .map((regel) => {
      const item = JSON.parse(regel) as Record<string, { S?: string }>;
      return Object.fromEntries(Object.entries(item).filter(([k, v]) => /^(pk|sk|gsi\d(pk|sk))$/.test(k) && v.S !== undefined).map(([k, v]) => [k, v.S!]));
    })
    // Ordered by the keys' shape (ids, times and run markers blanked): with a fixed seed each case then
    // draws the same kind of item every run, although the ids are new each time.
    .map((k) => ({ k, vorm: vorm(JSON.stringify(k)) }))
    .sort((a, b) => a.vorm.localeCompare(b.vorm))
    .map(({ k }) => k);
}, 120_000);

afterAll(async () => {
  console.log(
    `[security] fuzz: ${telling.gevallen} cases over ${telling.routes.size} routes (${RUNS_PER_ROUTE} per route, seed ${SEED}); ` +
      `by kind: ${[...telling.perSoort].sort().map(([k, n]) => `${k} ${n}`).join(', ')}; ` +
      `answers: ${[...telling.perStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')}; ` +
      `table unchanged (sha256 ${telling.hash.slice(0, 12)} before and after; processing-log items, left out: ${begin?.genegeerd} before, ${telling.genegeerd} after)`,
  );
  await rt?.stop();
});

const vorm = (tekst: string) =>
  tekst
    .replace(/[0-9A-HJKMNP-TV-Z]{26}/g, 'ID')
    .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, 'T')
    .replace(/\d{4}-\d{2}-\d{2}/g, 'D')
    .replace(/Wereld[AB]x[0-9a-f]+/gi, 'W')
    .replace(/\d{8}/g, 'KVK')
    .replace(/[0-9a-f]{32,}/g, 'H');

/** A seed per route, so a new route does not change the cases of the others. */
const routeSeed = (route: RouteDefinition) => createHash('sha256').update(`${SEED}:${route.operationId}`).digest().readUInt32BE(0);

const authVoor = async (route: RouteDefinition): Promise<Record<string, string>> => {
  if (route.roles === 'public') return {};
  // The coordinator passes every object-level check: the cases then test input handling, not access.
  const rol = route.roles.includes('coopAdmin') ? 'coopAdmin' : route.roles[0]!;
  return authorization(rt, rol, tenantIn(rol, A));
};

const beoordeel = (g: Geval, a: Awaited<ReturnType<typeof stuur>>): string | undefined => {
  if (a.status >= 500) return `${g.soort}: 5xx ${kort(a)}`;
  if (a.status < 400 && !(g.magSlagen && g.method === 'GET')) return `${g.soort}: niet geweigerd, ${kort(a)}`;
  if (a.status < 400) return undefined;
  if (!isProblem(a)) return `${g.soort}: ${a.status} zonder problem+json (${String(a.headers['content-type'])}) ${a.tekst.slice(0, 200)}`;
  return undefined;
};

const beschrijf = (g: Geval) =>
  `${g.method} ${g.pad.slice(0, 160)} ${JSON.stringify(g.headers).slice(0, 200)} body ${g.body === undefined ? '-' : Buffer.isBuffer(g.body) ? `<${g.body.length} bytes>` : JSON.stringify(g.body.slice(0, 160))}${g.body && g.body.length > 160 ? `… (${g.body.length})` : ''}`;

describe('fuzzing van elke route: alleen 4xx problem+json, nooit 5xx, de tabel ongewijzigd', () => {
  it('elke route met padparameters heeft een params-schema (anders valideert niets het pad)', () => {
    expect(allRoutes.filter((r) => padParameters(r).length > 0 && !r.request?.params).map((r) => r.operationId)).toEqual([]);
  });

  for (const route of allRoutes) {
    it(`${route.method} ${route.path} (${route.operationId})`, async () => {
      const ontbrekend = ontbrekendeFixtures(route);
      if (ontbrekend.length > 0) throw new Error(ontbrekend.join('\n'));
      const basis = { route, wereld: A, auth: await authVoor(route), body: geldigeBody(route), sleutels: echteSleutels };
      const cases = fc.sample(gevallen(basis), { seed: routeSeed(route), numRuns: RUNS_PER_ROUTE });

      const voor = vorige!;
      const fouten: string[] = [];
      for (let i = 0; i < cases.length; i += PARALLEL) {
        await Promise.all(
          cases.slice(i, i + PARALLEL).map(async (g) => {
            const a = await stuur(rt, g);
            telling.gevallen++;
            telling.perSoort.set(g.soort, (telling.perSoort.get(g.soort) ?? 0) + 1);
            telling.perStatus.set(a.status, (telling.perStatus.get(a.status) ?? 0) + 1);
            const fout = beoordeel(g, a);
            if (fout) fouten.push(`${fout}\n    verzoek: ${beschrijf(g)}`);
          }),
        );
      }
      // No settle here: a refused request must not write at all, and a direct write shows in the scan at
      // once. What deliveries a write might still cause is compared once, after all routes (last test).
      const na = await tabelInhoud(rt, negeer);
      vorige = na;
      telling.routes.add(route.operationId);
      expect(fouten, fouten.join('\n')).toEqual([]);
      expect(na.items, 'de tabel veranderde door geweigerde verzoeken').toEqual(voor.items);
    });
  }

  it('na alle routes, en alles wat hun verzoeken nog konden laten bezorgen: de tabel zoals ervoor', async () => {
    await rt.settle();
    const eind = await tabelInhoud(rt, negeer);
    telling.genegeerd = eind.genegeerd;
    telling.hash = eind.hash;
    expect(eind.hash).toBe(begin!.hash);
    expect(eind.items).toEqual(begin!.items);
  });

  it('telt: elke route van het manifest, het vaste aantal gevallen per route', () => {
    expect([...telling.routes].sort()).toEqual(allRoutes.map((r) => r.operationId).sort());
    expect(telling.gevallen).toBe(allRoutes.length * RUNS_PER_ROUTE);
  });
});
