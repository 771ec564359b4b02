import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../shared/routes/manifest';
import { manifestPaden } from '../../shared/routes/paden';
import { functionGroups } from '../../infra/stacks/route-group-stack';
import type { RouteDefinition } from '../../shared/routes/route';
import { benchFunctions, buildBundles, buildGroupBundles, loadBundling, type BuiltBundle } from '../bench/bundles';

/**
 * What a function's bundle holds, read from the esbuild metafile of the bundles as they deploy (the
 * construct's own bundling options, as the benchmark builds them): an API function bundles the route file
 * that defines its route, and so the schemas of that resource's routes and those its own code (use case,
 * store) reads — never the manifest or another resource's route file, and so none of the schemas only other
 * resources use. The OpenAPI function serves every route's schema and is the one exception.
 */
const OPENAPI = 'functions/api/openapi/openapi-ophalen.ts';
const ROUTES = 'shared/routes/';
const SCHEMAS = 'shared/schemas/';
/** The route files' own helpers, in every API bundle. */
const ROUTE_HELPERS = new Set(['shared/routes/route.ts', 'shared/routes/limieten.ts']);

let work: string;
let bundles: BuiltBundle[];
/** The functions as they deploy: one per tag × access (infra/stacks/route-group-stack.ts). */
let deployed: { bundle: BuiltBundle; routes: readonly RouteDefinition[] }[];

/** Whether a route file (shared/routes/<resource>.ts) exports the routes object that holds this operation. */
const definesRoute = async (file: string, operationId: string): Promise<boolean> => {
  const mod = (await import(`../../shared/routes/${file.slice(ROUTES.length, -'.ts'.length)}.ts`)) as Record<string, unknown>;
  return Object.values(mod).some((v) => typeof v === 'object' && v !== null && operationId in v);
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'werkcoop-bundels-'));
  const bundling = await loadBundling();
  const fns = benchFunctions().filter((f) => f.kind !== 'baseline');
  bundles = await buildBundles(bundling, fns, work);
  const groups = functionGroups(allRoutes);
  const built = await buildGroupBundles(bundling, groups, join(work, 'groepen'));
  deployed = [...groups.values()].map((routes, i) => ({ bundle: built[i]!, routes }));
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('each function bundles only the routes and schemas it serves (esbuild metafile)', () => {
  it('bundles every function of the manifest, the queues and the streams', () => {
    expect(bundles.filter((b) => b.fn.kind === 'api')).toHaveLength(allRoutes.length);
    expect(bundles.filter((b) => b.fn.kind === 'queue' || b.fn.kind === 'stream').length).toBeGreaterThan(0);
  });

  it('no function but the OpenAPI one holds the manifest', () => {
    const met = bundles.filter((b) => b.fn.entry !== OPENAPI && b.modules.includes('shared/routes/manifest.ts')).map((b) => b.fn.name);
    expect(met).toEqual([]);
  });

  it("an API function holds one route file, the one that defines its route; consumers, streams and the $default route none", async () => {
    const fouten: string[] = [];
    for (const b of bundles) {
      if (b.fn.entry === OPENAPI) continue;
      const routeModules = b.modules.filter((m) => m.startsWith(ROUTES) && !ROUTE_HELPERS.has(m) && m !== 'shared/routes/paden.ts');
      if (b.fn.kind !== 'api') {
        if (routeModules.length) fouten.push(`${b.fn.name}: ${routeModules.join(', ')}`);
        continue;
      }
      const [file] = routeModules;
      const defines = file !== undefined && routeModules.length === 1 && (await definesRoute(file, b.fn.name));
      if (!defines) fouten.push(`${b.fn.name}: ${routeModules.join(', ') || 'none'}`);
    }
    expect(fouten).toEqual([]);
  });

  it("so a function holds none of the schemas only other resources use: a member's read has no placement, referral or follow-up schema", () => {
    const lidOphalen = bundles.find((b) => b.fn.name === 'lidOphalen')!;
    // gebruikers.ts: a member's approval invites its contact as an account, with the same schema as a partner's staff.
    expect(lidOphalen.modules.filter((m) => m.startsWith(SCHEMAS)).sort()).toEqual([
      'shared/schemas/gebruikers.ts',
      'shared/schemas/gemeenschappelijk.ts',
      'shared/schemas/leden.ts',
      'shared/schemas/verwerkingen.ts',
    ]);
  });

  it('so does each deployed function (one per tag × access): the one route file that defines all its routes, never the manifest', async () => {
    const fouten: string[] = [];
    for (const { bundle, routes } of deployed) {
      if (routes.some((r) => r.handler === OPENAPI)) continue;
      const routeModules = bundle.modules.filter((m) => m.startsWith(ROUTES) && !ROUTE_HELPERS.has(m));
      const [file] = routeModules;
      const definesAll = file !== undefined && routeModules.length === 1 && (await Promise.all(routes.map((r) => definesRoute(file, r.operationId)))).every(Boolean);
      if (!definesAll) fouten.push(`${bundle.fn.name}: ${routeModules.join(', ') || 'none'}`);
    }
    expect(fouten).toEqual([]);
  });

  it("the $default route's list of paths is the manifest's (shared/routes/paden.ts, so that function bundles no route file)", () => {
    const uitManifest: Record<string, string[]> = {};
    for (const r of allRoutes) (uitManifest[r.path] ??= []).push(r.method);
    expect(manifestPaden).toEqual(uitManifest);
  });
});
