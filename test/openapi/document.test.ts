import { describe, expect, it } from 'vitest';
import { API_VERSION } from '../../shared/http/api-version';
import { buildOpenApiDocument, DEFAULT_SERVER_URL } from '../../shared/openapi/document';
import { allRoutes } from '../../shared/routes/manifest';
import type { RouteDefinition } from '../../shared/routes/route';

interface Ref {
  readonly $ref: string;
}
interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
}
interface Response {
  readonly description: string;
  readonly headers?: Record<string, unknown>;
  readonly content?: Record<string, { readonly schema?: unknown }>;
}
interface Operation {
  readonly operationId: string;
  readonly tags: readonly string[];
  readonly summary: string;
  readonly security?: readonly Record<string, readonly string[]>[];
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly required?: boolean; readonly content: Record<string, { readonly schema: unknown }> };
  readonly responses: Record<string, Response | Ref>;
}

/** The document as a client reads it: plain JSON. */
const document = JSON.parse(JSON.stringify(buildOpenApiDocument())) as {
  info: { title: string; version: string; description: string; contact: Record<string, string> };
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, Record<string, string>>; schemas: Record<string, unknown> };
};

const isRef = (x: unknown): x is Ref => typeof x === 'object' && x !== null && '$ref' in x;

/** Follows local `#/components/...` references, as a client would. */
const deref = <T>(x: T | Ref): T => {
  if (!isRef(x)) return x;
  const target = x.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
  if (target === undefined) throw new Error(`dangling $ref ${x.$ref}`);
  return deref(target as T | Ref);
};

const documentPath = (route: RouteDefinition) => route.path.replace(/^\/v1(?=\/)/, '');
const operationOf = (route: RouteDefinition): Operation => {
  const operation = document.paths[documentPath(route)]?.[route.method.toLowerCase()];
  if (!operation) throw new Error(`${route.operationId} missing from the document`);
  return operation;
};
const operations = () =>
  Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
const byRoute = allRoutes.map((route) => [route.operationId, route] as const);

describe('the OpenAPI document', () => {
  it('describes werkcoop at its versioned server URL', () => {
    expect(document.info.title).toBe('werkcoop API');
    expect(document.info.version).toBe(API_VERSION);
    expect(document.info.contact).toEqual({ name: expect.any(String), email: expect.any(String), url: expect.any(String) });
    expect(document.servers).toEqual([{ url: DEFAULT_SERVER_URL, description: expect.any(String) }]);
    expect(DEFAULT_SERVER_URL).toMatch(new RegExp(`/v${API_VERSION.split('.')[0]}$`));
  });

  it('documents another server URL when asked (the local runtime)', () => {
    expect(buildOpenApiDocument({ serverUrl: 'http://localhost:3000/v1' }).servers).toEqual([
      { url: 'http://localhost:3000/v1', description: expect.any(String) },
    ]);
  });

  it('lists the local runtime after the production server when the local runtime serves it', () => {
    expect(buildOpenApiDocument({ lokaleServerUrl: 'http://localhost:3000/v1' }).servers).toEqual([
      { url: DEFAULT_SERVER_URL, description: expect.any(String) },
      { url: 'http://localhost:3000/v1', description: expect.stringContaining('lokale runtime') },
    ]);
  });

  it('holds exactly the routes of the manifest, each under its operationId, tag and summary', () => {
    const documented = operations().map(({ op }) => op.operationId).sort();
    expect(documented).toEqual(allRoutes.map((r) => r.operationId).sort());
    for (const route of allRoutes) {
      const operation = operationOf(route);
      expect(operation.operationId).toBe(route.operationId);
      expect(operation.tags).toEqual([route.tag]);
      expect(operation.summary).toBe(route.summary);
    }
  });

  it('states paths relative to the server URL: no /v1, no trailing slash, kebab-case segments', () => {
    const segment = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*|\{[a-z][A-Za-z0-9]*\})$/;
    for (const path of Object.keys(document.paths)) {
      expect(path).not.toMatch(/^\/v\d+(\/|$)/);
      expect(path).not.toMatch(/.\/$/);
      // The document itself is the one file name, as the ruleset allows.
      if (path === '/openapi.json') continue;
      for (const part of path.slice(1).split('/')) expect(part, path).toMatch(segment);
    }
  });

  it.each(byRoute)('%s: documents its path and query parameters, lowerCamelCase', (_, route) => {
    const parameters = operationOf(route).parameters ?? [];
    const named = (where: string) => parameters.filter((p) => p.in === where).map((p) => p.name).sort();
    const keys = (schema: unknown) => Object.keys((schema as { shape?: object } | undefined)?.shape ?? {}).sort();

    expect(named('path')).toEqual(keys(route.request?.params));
    expect(named('path')).toEqual([...documentPath(route).matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort());
    expect(named('query')).toEqual(keys(route.request?.query));
    for (const name of named('query')) expect(name).toMatch(/^[a-z][a-z\d]*([A-Z][a-z\d]*)*$/);
  });

  it.each(byRoute)('%s: documents If-Match as the route demands it', (_, route) => {
    const ifMatch = (operationOf(route).parameters ?? []).find((p) => p.in === 'header' && p.name === 'If-Match');
    if (route.request?.ifMatch === undefined) expect(ifMatch).toBeUndefined();
    else expect(ifMatch?.required ?? false).toBe(route.request.ifMatch === 'required');
  });

  it.each(byRoute)('%s: documents its request body under its first content type', (_, route) => {
    const body = operationOf(route).requestBody;
    if (!route.request?.body) {
      expect(body).toBeUndefined();
      return;
    }
    expect(body?.required).toBe(true);
    expect(Object.keys(body?.content ?? {})).toEqual([route.request.contentTypes?.[0] ?? 'application/json']);
  });

  it.each(byRoute)('%s: is public with security [], or requires the bearer token', (_, route) => {
    const security = operationOf(route).security;
    if (route.roles === 'public') expect(security).toEqual([]);
    else expect(security).toEqual([{ bearerAuth: [] }]);
  });

  it('defines the bearer token scheme', () => {
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });

  it.each(byRoute)('%s: answers its declared statuses, its errors, 401/403 unless public, and 500', (_, route) => {
    const expected = new Set<number>([
      ...Object.keys(route.responses).map(Number),
      ...route.errors,
      ...(route.roles === 'public' ? [] : [401, 403]),
      500,
    ]);
    expect(Object.keys(operationOf(route).responses).map(Number).sort()).toEqual([...expected].sort());
  });

  it.each(byRoute)('%s: sends API-Version (and its declared ETag/Location) on every 2xx/3xx', (_, route) => {
    for (const [status, declared] of Object.entries(route.responses)) {
      const response = deref(operationOf(route).responses[status]!);
      const headers = Object.keys(response.headers ?? {}).sort();
      expect(headers, status).toEqual(['API-Version', ...(declared.headers ?? [])].sort());
      expect(deref(response.headers!['API-Version'] as object)).toMatchObject({ required: true, schema: { type: 'string' } });
      // JSON always; CSV too where the route says so (content negotiation, Accept: text/csv).
      if (declared.schema) expect(Object.keys(response.content ?? {})).toEqual(['application/json', ...(declared.csv ? ['text/csv'] : [])]);
    }
  });

  it('has no 2xx/3xx without API-Version anywhere', () => {
    for (const { path, method, op } of operations()) {
      for (const [status, r] of Object.entries(op.responses)) {
        if (!/^[23]\d\d$/.test(status)) continue;
        expect(Object.keys(deref(r).headers ?? {}), `${method} ${path} ${status}`).toContain('API-Version');
      }
    }
  });

  it('answers every error as problem+json with the Problem schema and API-Version', () => {
    const problem = document.components.schemas.Problem as { required: string[] };
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail']));
    for (const { path, method, op } of operations()) {
      for (const [status, r] of Object.entries(op.responses)) {
        if (!/^[45]\d\d$/.test(status)) continue;
        const response = deref(r);
        const where = `${method} ${path} ${status}`;
        expect(Object.keys(response.content ?? {}), where).toEqual(['application/problem+json']);
        expect(response.content!['application/problem+json']!.schema, where).toEqual({ $ref: '#/components/schemas/Problem' });
        expect(Object.keys(response.headers ?? {}), where).toContain('API-Version');
      }
    }
  });

  it('says when a loonkostensubsidie needs forfaitairTot: only without a measured loonwaardePercentage', () => {
    const lks = (document.components.schemas.InstrumentInvoer as { oneOf: { properties: Record<string, { description?: string }>; required: string[]; anyOf?: unknown }[] }).oneOf.find(
      (s) => 'forfaitairTot' in s.properties,
    )!;
    expect(lks.required).not.toContain('forfaitairTot');
    expect(lks.anyOf).toEqual([{ required: ['forfaitairTot'] }, { required: ['loonwaardePercentage'] }]);
    expect(lks.properties.forfaitairTot!.description).toContain('Verplicht zonder loonwaardePercentage');
  });

  it('says that a term in both the cadence and the durability checks of a gemeente becomes one duurzaamheidscheck', () => {
    const instellingen = document.components.schemas.GemeenteInstellingen as { properties: Record<string, { description?: string }> };
    for (const veld of ['nazorgMomenten', 'duurzaamheidsChecks']) expect(instellingen.properties[veld]!.description, veld).toMatch(/één moment/);
    const lijst = operationOf(byRoute.find(([id]) => id === 'nazorgmomentenOphalen')![1]) as { description?: string };
    expect(lijst.description).toContain('wordt één moment van soort duurzaamheidscheck');
  });

  it('has no dangling references', () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of new Set(refs)) expect(() => deref(JSON.parse(`{${ref}}`) as Ref), ref).not.toThrow();
  });
});
