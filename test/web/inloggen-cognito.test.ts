import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext } from '../../infra/local/lambda';
import type { HttpResponse } from '../../shared/http/pipeline';
import { INLOG_COOKIE, INLOGPOGING_SECONDEN, begin, neem, veiligTerug } from '../../shared/web/inloggen';
import { beeindigSessiesVanAccount, leesSessie, SESSIE_COOKIE, startSessie } from '../../shared/web/sessie';
import { storeOmgeving } from '../store/store-omgeving';
import { startStandInIdp, type Knoei, type Persoon, type StandInIdp } from '../support/oidc-idp';

/**
 * Signing in with Cognito, the real code path against a stand-in for the user pool (test/support/oidc-idp.ts):
 * the sign-in function's module as Lambda runs it, with the environment a page stack gives it, on DynamoDB
 * Local. Only the identity provider is local.
 */
const PORTAAL = 'https://portaal.test.werkcoop.nl';
const CLIENT_ID = 'portaal-client-1';
const LID = '01JB6Y2Z3C4D5E6F7G8H9J0K1M';
let idp: StandInIdp;
let handler: (event: APIGatewayProxyEventV2, context: ReturnType<typeof lambdaContext>) => Promise<HttpResponse>;

beforeAll(async () => {
  await storeOmgeving();
  idp = await startStandInIdp(CLIENT_ID);
  // What the page stack sets for the sign-in function (PORTAAL_INLOGGEN absent: Cognito).
  Object.assign(process.env, { PORTAAL_OIDC_ISSUER: idp.url, PORTAAL_LOGIN_URL: idp.url, PORTAAL_CLIENT_ID: CLIENT_ID, PORTAAL_URL: PORTAAL });
  delete process.env.PORTAAL_INLOGGEN;
  ({ handler } = (await import('../../functions/web/inloggen')) as unknown as { handler: typeof handler });
});
afterAll(() => idp?.stop());

const sanne = { sub: 'sub-sanne', attributen: { email: 'sanne@hethout.nl', name: 'Sanne de Vries', 'custom:rol': 'werkgever', 'custom:tenant': LID } };

const event = (method: 'GET' | 'POST', pad: string, opties: { cookies?: string[]; body?: string } = {}): APIGatewayProxyEventV2 => {
  const u = new URL(pad, PORTAAL);
  return {
    version: '2.0',
    routeKey: `${method} ${u.pathname}`,
    rawPath: u.pathname,
    rawQueryString: u.search.slice(1),
    cookies: opties.cookies ?? [],
    headers: opties.body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' },
    requestContext: { http: { method, path: u.pathname, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' } },
    isBase64Encoded: false,
    ...(opties.body === undefined ? {} : { body: opties.body }),
  } as APIGatewayProxyEventV2;
};
const roep = (e: APIGatewayProxyEventV2) => handler(e, lambdaContext('werkcoop-test-inloggen', 29));
const cookieWaarde = (r: HttpResponse, naam: string) => r.cookies?.find((c) => c.startsWith(`${naam}=`))?.split(';')[0]!.slice(naam.length + 1);
const titel = (r: HttpResponse) => /<h1[^>]*>([^<]*)<\/h1>/.exec(String(r.body))?.[1];

/** Starts a sign-in and lets the stand-in sign `wie` in: answers the callback path and the browser's state cookie. */
const naarIdp = async (terug = '/portaal', wie: Persoon = sanne) => {
  const start = await roep(event('GET', `/portaal/inloggen?${new URLSearchParams({ terug })}`));
  expect(start.statusCode).toBe(303);
  const state = cookieWaarde(start, INLOG_COOKIE)!;
  idp.volgende = wie;
  const r = await fetch(String(start.headers.Location), { redirect: 'manual' });
  expect(r.status).toBe(302);
  const callback = new URL(r.headers.get('location')!);
  expect(callback.origin + callback.pathname).toBe(`${PORTAAL}/portaal/inloggen/terug`);
  return { pad: `${callback.pathname}${callback.search}`, cookie: `${INLOG_COOKIE}=${state}`, start };
};

describe('signing in through the managed login', () => {
  it('redirects with code + PKCE S256, state and nonce; the return exchanges the code and starts the session', async () => {
    const { pad, cookie, start } = await naarIdp('/portaal/werklijst?pagina=2');
    const authorize = new URL(String(start.headers.Location));
    expect(authorize.origin + authorize.pathname).toBe(`${idp.url}/oauth2/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: `${PORTAAL}/portaal/inloggen/terug`,
      scope: 'openid email',
      code_challenge_method: 'S256',
    });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(authorize.searchParams.get(p)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stateCookie = start.cookies!.find((c) => c.startsWith(INLOG_COOKIE))!;
    expect(stateCookie.split('; ')).toEqual(expect.arrayContaining(['Path=/', 'Secure', 'HttpOnly', 'SameSite=Lax', `Max-Age=${INLOGPOGING_SECONDEN}`]));

    const terug = await roep(event('GET', pad, { cookies: [cookie] }));
    expect(terug.statusCode).toBe(303);
    expect(terug.headers.Location).toBe('/portaal/werklijst?pagina=2');
    // The code went to the token endpoint with the verifier, from the function, never from the browser.
    const verzoek = idp.tokenVerzoeken.at(-1)!;
    expect(verzoek.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verzoek.get('client_secret')).toBeNull();
    expect(terug.cookies).toContain(`${INLOG_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0`);
    const sessie = await leesSessie(cookieWaarde(terug, SESSIE_COOKIE));
    expect(sessie).toMatchObject({ principal: { rol: 'werkgever', subject: 'sub-sanne', lidId: LID }, naam: 'Sanne de Vries' });
    // Listed under the account's address, so revoking the account ends it.
    expect(await beeindigSessiesVanAccount(sanne.attributen.email)).toBe(1);
    expect(await leesSessie(cookieWaarde(terug, SESSIE_COOKIE))).toBeUndefined();
  });

  it('a callback completes once: a replay (back button, a leaked URL) signs no one in', async () => {
    const { pad, cookie } = await naarIdp();
    expect((await roep(event('GET', pad, { cookies: [cookie] }))).statusCode).toBe(303);
    const weer = await roep(event('GET', pad, { cookies: [cookie] }));
    expect([weer.statusCode, titel(weer)]).toEqual([400, 'Inloggen is niet gelukt']);
    expect(cookieWaarde(weer, SESSIE_COOKIE)).toBeUndefined();
  });

  it("another browser's callback (login CSRF) is refused and leaves the real sign-in intact", async () => {
    const { pad, cookie } = await naarIdp();
    for (const cookies of [[], [`${INLOG_COOKIE}=${'A'.repeat(43)}`]]) {
      const r = await roep(event('GET', pad, { cookies }));
      expect(r.statusCode).toBe(400);
      expect(cookieWaarde(r, SESSIE_COOKIE)).toBeUndefined();
    }
    expect((await roep(event('GET', pad, { cookies: [cookie] }))).statusCode).toBe(303);
  });

  it('a code with another verifier, or none, is refused by the token endpoint and signs no one in', async () => {
    const { pad, cookie } = await naarIdp();
    const zonderCode = new URL(pad, PORTAAL);
    zonderCode.searchParams.set('code', 'verzonnen');
    const r = await roep(event('GET', `${zonderCode.pathname}${zonderCode.search}`, { cookies: [cookie] }));
    expect([r.statusCode, cookieWaarde(r, SESSIE_COOKIE)]).toEqual([400, undefined]);
  });

  it.each<Knoei>(['andereSleutel', 'andereAudience', 'andereIssuer', 'verlopen', 'andereNonce', 'zonderNonce', 'accessToken'])(
    'an ID token that fails a check (%s) signs no one in',
    async (knoei) => {
      const { pad, cookie } = await naarIdp();
      idp.knoei = knoei;
      const r = await roep(event('GET', pad, { cookies: [cookie] }));
      expect([r.statusCode, titel(r)]).toEqual([400, 'Inloggen is niet gelukt']);
      expect(cookieWaarde(r, SESSIE_COOKIE)).toBeUndefined();
    },
  );

  it('an account without a valid role or tenant, or of the system role, gets no session', async () => {
    for (const attributen of [
      { email: 'x@example.nl' },
      { 'custom:rol': 'werkgever', 'custom:tenant': 'geen-lid-id' },
      { 'custom:rol': 'superuser' },
      { 'custom:rol': 'systeem' },
    ] as Record<string, string>[]) {
      const { pad, cookie } = await naarIdp('/portaal', { sub: 'sub-x', attributen });
      const r = await roep(event('GET', pad, { cookies: [cookie] }));
      expect(r.statusCode, JSON.stringify(attributen)).toBe(403);
      expect(cookieWaarde(r, SESSIE_COOKIE)).toBeUndefined();
    }
  });

  it('an outage of the token endpoint is a page that says so (502), not a stack', async () => {
    const { pad, cookie } = await naarIdp();
    idp.storing = 500;
    const r = await roep(event('GET', pad, { cookies: [cookie] }));
    expect([r.statusCode, titel(r)]).toEqual([502, 'Inloggen is niet gelukt']);
  });

  it('Cognito answering an error (the person cancelled) offers to start again', async () => {
    const r = await roep(event('GET', '/portaal/inloggen/terug?error=access_denied&state=x'));
    expect([r.statusCode, titel(r)]).toEqual([400, 'Inloggen is niet gelukt']);
    expect(String(r.body)).toContain('href="/portaal/inloggen?terug=%2Fportaal"');
  });

  it('a sign-in ends the session the browser had before (no fixation)', async () => {
    const oud = await startSessie({ rol: 'coopAdmin', subject: 'iemand-anders' }, 'Iemand anders');
    const { pad, cookie } = await naarIdp();
    const r = await roep(event('GET', pad, { cookies: [cookie, `${SESSIE_COOKIE}=${oud.token}`] }));
    expect(r.statusCode).toBe(303);
    expect(await leesSessie(oud.token)).toBeUndefined();
    expect(cookieWaarde(r, SESSIE_COOKIE)).not.toBe(oud.token);
  });
});

describe('signing out', () => {
  it("ends the session, wipes the cookie and goes to Cognito's logout, which returns to the portal's start", async () => {
    const { token, sessie } = await startSessie({ rol: 'werkgever', subject: 'sub-sanne', lidId: LID }, 'Sanne de Vries');
    const r = await roep(event('POST', '/portaal/uitloggen', { cookies: [`${SESSIE_COOKIE}=${token}`], body: `csrf=${sessie.csrf}` }));
    expect(r.statusCode).toBe(303);
    expect(r.headers.Location).toBe(`${idp.url}/logout?client_id=${CLIENT_ID}&logout_uri=${encodeURIComponent(`${PORTAAL}/portaal`)}`);
    expect(r.cookies).toEqual([`${SESSIE_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0`]);
    expect(await leesSessie(token)).toBeUndefined();
  });
});

describe('the sign-in attempt', () => {
  it('expires after 10 minutes, whatever the TTL does', async () => {
    const t0 = new Date();
    const p = await begin('/portaal', t0);
    expect(await neem(p.state, p.state, new Date(t0.getTime() + (INLOGPOGING_SECONDEN + 1) * 1000))).toBeUndefined();
    const q = await begin('/portaal', t0);
    expect(await neem(q.state, q.state, new Date(t0.getTime() + 60_000))).toMatchObject({ terug: '/portaal', verifier: q.verifier, nonce: q.nonce });
  });

  it('goes back only to a path of the portal', () => {
    expect(veiligTerug('/portaal/nazorg/abc?x=1')).toBe('/portaal/nazorg/abc?x=1');
    expect(veiligTerug('/portaal')).toBe('/portaal');
    // Percent-encoded line breaks stay encoded: they never split the Location header.
    expect(veiligTerug('/portaal/%0d%0aSet-Cookie:x')).toBe('/portaal/%0d%0aSet-Cookie:x');
    for (const kwaad of [
      undefined,
      null,
      '',
      '//evil.example',
      '///evil.example',
      '/\\evil.example',
      'https://evil.example/portaal',
      'javascript:alert(1)',
      '/portaalx',
      '/v1/leden',
      '/portaal/../v1/leden',
      '/portaal/inloggen',
      '/portaal/inloggen/terug?code=x',
      '/portaal/uitloggen',
      '/portaal\n/x',
    ])
      expect(veiligTerug(kwaad), String(kwaad)).toBe('/portaal');
  });
});
