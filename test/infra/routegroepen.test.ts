import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { routeGroupEntry } from '../../infra/constructs/route-group-entry';
import { functionGroups, routeAccess } from '../../infra/stacks/route-group-stack';
import { allRoutes } from '../../shared/routes/manifest';
import type { RouteDefinition } from '../../shared/routes/route';

/**
 * The deployed granularity — one function per tag × access, its entry generated from the manifest — against
 * the per-route handlers the local runtime, the security matrix and the HTTP tests invoke: every route is
 * served by exactly one function whose rights fit all its routes, and that function answers a request
 * exactly as the route's own handler does. Without a token or a body the answers need no engine.
 */
type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<{ statusCode?: number; body?: string }>;

const groups = [...functionGroups(allRoutes)];
const key = (r: RouteDefinition) => `${r.method} ${r.path}`;

const event = (route: RouteDefinition): APIGatewayProxyEventV2 => {
  const rawPath = route.path.replace(/\{[^}]+\}/g, '01ARZ3NDEKTSV4RRFFQ69G5FAV');
  return {
    version: '2.0',
    routeKey: key(route),
    rawPath,
    rawQueryString: '',
    headers: {},
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: route.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'r',
      routeKey: key(route),
      stage: '$default',
      time: '02/Dec/2026:12:00:00 +0000',
      timeEpoch: 0,
    },
    isBase64Encoded: false,
  };
};
const context = { awsRequestId: 'test', functionName: 'test', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

describe('one function per tag × access, dispatching to the routes’ own handlers', () => {
  it('serves every route exactly once, each function’s routes of one tag and one kind of access', () => {
    expect(groups.flatMap(([, rs]) => rs).map(key).sort()).toEqual(allRoutes.map(key).sort());
    for (const [name, rs] of groups) {
      expect(new Set(rs.map((r) => r.tag)).size, name).toBe(1);
      expect(new Set(rs.map(routeAccess)).size, name).toBe(1);
    }
    expect(groups.length).toBeLessThan(allRoutes.length / 2);
  });

  it('generates each entry from the manifest: the handler module of each of its routes, under its route key', () => {
    for (const [name, rs] of groups) {
      const source = readFileSync(routeGroupEntry(name, rs), 'utf8');
      for (const r of rs) expect(source, name).toMatch(new RegExp(`'${key(r).replace(/[{}/]/g, '\\$&')}': h\\d+,`));
      expect(source.match(/^import \{ handler as/gm) ?? [], name).toHaveLength(rs.length);
    }
  });

  it.each(groups)('%s answers each of its routes as the route’s own handler does, and refuses a route it does not serve', async (name, rs) => {
    const { handler } = (await import(routeGroupEntry(name, rs))) as { handler: Handler };
    for (const route of rs.filter((r) => r.operationId !== 'openapiOphalen')) {
      const own = (await import(`../../${route.handler}`)) as { handler: Handler };
      expect(await handler(event(route), context), key(route)).toEqual(await own.handler(event(route), context));
    }
    const foreign = allRoutes.find((r) => !rs.includes(r))!;
    await expect(handler(event(foreign), context)).rejects.toThrow(key(foreign));
  });
});
