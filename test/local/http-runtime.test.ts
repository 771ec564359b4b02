import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_ROL, CLAIM_TENANT } from '../../shared/auth/rollen';
import { corsBeleid } from '../../shared/http/cors';
import { allRoutes } from '../../shared/routes/manifest';
import { route } from '../../shared/routes/route';
import type { LocalRuntime } from '../../infra/local/runtime';
import { startTestRuntime } from '../support/runtime';

const ECHO = 'test/local/fixtures/echo-handler.ts';
const fixtureRoutes = [
  route({ operationId: 'proefOphalen', method: 'GET', path: '/v1/proeven/{proefId}', handler: ECHO, roles: 'public', tag: 'Proef', summary: 'proef', responses: {}, errors: [] }),
  route({ operationId: 'proefToevoegen', method: 'POST', path: '/v1/proeven', handler: ECHO, roles: 'public', tag: 'Proef', summary: 'proef', responses: {}, errors: [] }),
];

let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({
    routes: fixtureRoutes,
    defaultRouteHandler: 'test/local/fixtures/default-handler.ts',
    corsAllowedOrigins: 'http://localhost:5173,https://portaal.werkcoop.nl',
  });
});
afterAll(() => rt?.stop());

const echo = async (path: string, init?: RequestInit) => {
  const response = await fetch(`${rt.baseUrl}${path}`, init);
  const body = (await response.json()) as { event: APIGatewayProxyEventV2; context: Record<string, unknown> };
  return { response, ...body };
};

describe('routing and the v2 event', () => {
  it('hands a matched route a payload format 2.0 event like API Gateway HTTP API', async () => {
    const { response, event, context } = await echo('/v1/proeven/01J%20X?status=actief&tag=a&tag=b', {
      headers: { 'X-Proef': 'een', Cookie: 'sessie=abc; taal=nl', 'User-Agent': 'vitest' },
    });

    expect(response.status).toBe(200);
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /v1/proeven/{proefId}',
      rawPath: '/v1/proeven/01J%20X',
      rawQueryString: 'status=actief&tag=a&tag=b',
      cookies: ['sessie=abc', 'taal=nl'],
      queryStringParameters: { status: 'actief', tag: 'a,b' },
      pathParameters: { proefId: '01J X' },
      isBase64Encoded: false,
      requestContext: {
        accountId: '000000000000',
        apiId: 'lokaal',
        stage: '$default',
        routeKey: 'GET /v1/proeven/{proefId}',
        http: { method: 'GET', path: '/v1/proeven/01J%20X', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      },
    });
    expect(event.headers['x-proef']).toBe('een');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.headers['x-forwarded-proto']).toBe('http');
    expect(event.body).toBeUndefined();
    expect(event.requestContext.requestId).toBe(response.headers.get('apigw-requestid'));
    expect(event.requestContext.time).toMatch(/^\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000$/);
    expect(Math.abs(event.requestContext.timeEpoch - Date.now())).toBeLessThan(10_000);
    expect(context).toMatchObject({ functionName: 'werkcoop-lokaal-proefOphalen' });
    expect(context.remainingMs).toBeGreaterThan(25_000);
  });

  it('passes JSON bodies as text and binary bodies base64-encoded', async () => {
    const json = await echo('/v1/proeven', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"naam":"Één"}' });
    expect(json.event).toMatchObject({ routeKey: 'POST /v1/proeven', body: '{"naam":"Één"}', isBase64Encoded: false });

    const bytes = Buffer.from([0, 1, 2, 255]);
    const binary = await echo('/v1/proeven', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes });
    expect(binary.event.isBase64Encoded).toBe(true);
    expect(Buffer.from(binary.event.body ?? '', 'base64')).toEqual(bytes);
  });

  it('sends what no route matches to the $default handler: unknown path, other method, trailing slash', async () => {
    for (const [method, path] of [['GET', '/v1/bestaat-niet'], ['DELETE', '/v1/proeven/1'], ['GET', '/v1/proeven/1/']] as const) {
      const response = await fetch(`${rt.baseUrl}${path}`, { method });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ routeKey: '$default', rawPath: path });
    }
  });

  it('maps a bare result to 200 JSON and structured results with cookies and headers', async () => {
    const bare = await fetch(`${rt.baseUrl}/v1/proeven/1?kaal=1`);
    expect(bare.status).toBe(200);
    expect(bare.headers.get('content-type')).toBe('application/json');
    expect(await bare.json()).toEqual({ echo: '/v1/proeven/1' });

    const withCookies = await fetch(`${rt.baseUrl}/v1/proeven/1?koekje=1`);
    expect(withCookies.status).toBe(204);
    expect(withCookies.headers.getSetCookie()).toEqual(['sessie=1; Path=/', 'taal=nl']);
    expect(withCookies.headers.get('x-proef')).toBe('ja');
  });

  it('answers 500 {"message":"Internal Server Error"} when the handler throws, as API Gateway does', async () => {
    const response = await fetch(`${rt.baseUrl}/v1/proeven/1?gooi=1`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
  });

  it('refuses bodies over 10 MB with 413 before invoking the handler', async () => {
    const response = await fetch(`${rt.baseUrl}/v1/proeven`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(10 * 1024 * 1024 + 1, 0x20),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: 'Request Entity Too Large' });
  });

  it('counts the DynamoDB commands of each request in local-only headers', async () => {
    const two = await fetch(`${rt.baseUrl}/v1/proeven/1?dynamodb=2`);
    const none = await fetch(`${rt.baseUrl}/v1/proeven/1`);
    expect(two.headers.get('x-werkcoop-dynamodb-ops')).toBe('2');
    expect(two.headers.get('x-werkcoop-dynamodb-commands')).toBe('GetItem,GetItem');
    expect(none.headers.get('x-werkcoop-dynamodb-ops')).toBe('0');
  });
});

describe('CORS as configured on the HTTP API', () => {
  it("allows exactly the manifest's methods (written out in shared/http/cors.ts, which every function bundles)", () => {
    expect([...corsBeleid.allowMethods].sort()).toEqual([...new Set(allRoutes.map((r) => r.method))].sort());
  });

  it('answers a preflight from an allowed origin itself', async () => {
    const response = await fetch(`${rt.baseUrl}/v1/proeven`, {
      method: 'OPTIONS',
      headers: { origin: 'https://portaal.werkcoop.nl', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://portaal.werkcoop.nl');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('gives a preflight from another origin no allow headers', async () => {
    const response = await fetch(`${rt.baseUrl}/v1/proeven`, {
      method: 'OPTIONS',
      headers: { origin: 'https://kwaadwillend.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("replaces the function's CORS headers on actual responses", async () => {
    const allowed = await fetch(`${rt.baseUrl}/v1/proeven/1`, { headers: { origin: 'http://localhost:5173' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const other = await fetch(`${rt.baseUrl}/v1/proeven/1`);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('local-only endpoints', () => {
  it('mints tokens that verify against the served JWKS with the env the handlers get', async () => {
    const response = await fetch(`${rt.baseUrl}/local/tokens`, { method: 'POST', body: JSON.stringify({ rol: 'gemeente', tenant: 'GM0363' }) });
    const { access_token, token_type, expires_in } = (await response.json()) as Record<string, string>;
    expect([token_type, expires_in]).toEqual(['Bearer', 3600]);

    const jwks = createRemoteJWKSet(new URL(rt.env.JWKS_URL!));
    const { payload } = await jwtVerify(access_token!, jwks, { issuer: rt.env.JWT_ISSUER!, audience: rt.env.JWT_AUDIENCE! });
    expect(payload).toMatchObject({ [CLAIM_ROL]: 'gemeente', [CLAIM_TENANT]: 'GM0363', client_id: 'werkcoop-lokaal', token_use: 'access' });
    expect(payload.iss).toBe(`${rt.baseUrl}/local`);
    expect(typeof payload.sub).toBe('string');
  });

  it('refuses a token request without a known rol, or without the tenant the rol needs', async () => {
    const unknown = await fetch(`${rt.baseUrl}/local/tokens`, { method: 'POST', body: '{"rol":"baas"}' });
    const noTenant = await fetch(`${rt.baseUrl}/local/tokens`, { method: 'POST', body: '{"rol":"werkgever"}' });
    expect([unknown.status, noTenant.status]).toEqual([400, 400]);
  });

  it('lists the mail outbox newest first', async () => {
    writeFileSync(join(rt.mail.dir, 'a.json'), JSON.stringify({ aan: 'oud@example.nl' }));
    await new Promise((r) => setTimeout(r, 20));
    writeFileSync(join(rt.mail.dir, 'b.json'), JSON.stringify({ aan: 'nieuw@example.nl' }));
    const { mails } = (await (await fetch(`${rt.baseUrl}/local/mail`)).json()) as { mails: { file: string; mail: unknown }[] };
    expect(mails.map((m) => m.mail)).toEqual([{ aan: 'nieuw@example.nl' }, { aan: 'oud@example.nl' }]);
  });

  it('answers 404 for unknown /local paths and queues', async () => {
    expect((await fetch(`${rt.baseUrl}/local/niets`)).status).toBe(404);
    expect((await fetch(`${rt.baseUrl}/local/dlq/bestaat-niet/redrive`, { method: 'POST' })).status).toBe(404);
  });
});
