import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { vandaagInNederland } from '../../shared/domain/kalender';
import { SESSIE_COOKIE } from '../../shared/web/sessie';
import { bekijk, nieuwTabblad, startBrowser } from '../support/browser';
import { maakPortaalWereld, type PortaalWereld } from '../support/portaal-wereld';
import { startTestRuntime } from '../support/runtime';

/**
 * Signing in and out of the portal locally, in Chromium against the local runtime: the sign-in page under
 * /local makes the same session a Cognito sign-in makes (the Cognito flow itself: test/web/inloggen-cognito.test.ts).
 */
let rt: LocalRuntime;
let browser: Browser;
let w: PortaalWereld;

beforeAll(async () => {
  [rt, browser] = await Promise.all([startTestRuntime({ scheduler: { automatic: false } }), startBrowser()]);
  w = await maakPortaalWereld(rt, { startdatum: vandaagInNederland(new Date()) });
  // The partner's contact got an account through the gebruikers queue.
  await rt.settle({ timeoutMs: 30_000 });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await rt?.stop();
});

const url = (pad: string) => `${rt.baseUrl}${pad}`;
const zonderDoorsturen = (pad: string, init: RequestInit = {}) => fetch(url(pad), { redirect: 'manual', ...init });
const form = (velden: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(velden).toString(),
  redirect: 'manual' as const,
});

/** Signs in through the local page's form post, as the browser does; answers the session cookie's value. */
const inloggen = async (velden: Record<string, string>): Promise<string> => {
  const r = await fetch(url('/local/inloggen'), form(velden));
  expect(r.status).toBe(303);
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith(`${SESSIE_COOKIE}=`))!;
  return cookie.split(';')[0]!.slice(SESSIE_COOKIE.length + 1);
};
const metSessie = (token: string, init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...init.headers, cookie: `${SESSIE_COOKIE}=${token}` } });

describe('a page for roles without a session', () => {
  it('redirects to the sign-in with the way back, which locally goes on to the page under /local', async () => {
    const r = await zonderDoorsturen('/portaal?pagina=2');
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/portaal/inloggen?terug=%2Fportaal%3Fpagina%3D2');
    const verder = await zonderDoorsturen(r.headers.get('location')!);
    expect([verder.status, verder.headers.get('location')]).toEqual([303, '/local/inloggen?terug=%2Fportaal%3Fpagina%3D2']);
    // A cookie that is no session is the same as none.
    expect((await zonderDoorsturen('/portaal', metSessie('A'.repeat(43)))).headers.get('location')).toBe('/portaal/inloggen?terug=%2Fportaal');
  });

  it('never sends anyone to another site after signing in', async () => {
    for (const terug of ['//evil.example/', 'https://evil.example/portaal', '/\\evil.example', '/v1/leden', '/portaal/inloggen', 'portaal'])
      expect((await zonderDoorsturen(`/portaal/inloggen?${new URLSearchParams({ terug })}`)).headers.get('location'), terug).toBe('/local/inloggen?terug=%2Fportaal');
    const token = await inloggen({ rol: 'coopAdmin', terug: '//evil.example/' });
    expect((await zonderDoorsturen('/portaal', metSessie(token))).status).toBe(200);
    const r = await fetch(url('/local/inloggen'), form({ rol: 'coopAdmin', terug: 'https://evil.example/' }));
    expect(r.headers.get('location')).toBe('/portaal');
  });
});

describe('signing in locally and out, in Chromium', () => {
  it('the local page makes a __Host- session; the start page says who is signed in; signing out ends the session itself', async () => {
    const page = await nieuwTabblad(browser);
    await page.goto(url('/portaal'));
    await page.waitForURL(/\/local\/inloggen\?terug=%2Fportaal$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Inloggen (lokaal)');
    await bekijk(page, 'inloggen-lokaal');

    // Nothing chosen, then a werkgever without a valid lid id: the error at the top and at the field.
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Kies als wie u inlogt');
    await page.getByLabel('Werkgever (lid)').check();
    await page.getByLabel('Voor welke organisatie? (niet verplicht)').fill('lid-1');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Vul het id in');
    expect(await page.title()).toMatch(/^Fout: /);
    await bekijk(page, 'inloggen-lokaal-fout');

    await page.getByLabel('Voor welke organisatie? (niet verplicht)').fill(w.lid.id);
    await page.getByLabel('Uw naam (niet verplicht)').fill('Sanne de Vries');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(url('/portaal'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Welkom, Sanne de Vries');
    expect(await page.textContent('main')).toContain(`U bent ingelogd als werkgever namens ${w.lid.naam}.`);
    expect(await page.textContent('header')).toContain('Sanne de Vries');
    await bekijk(page, 'portaal-start');

    const [cookie, ...andere] = (await page.context().cookies()).filter((c) => c.name.startsWith('__Host-'));
    expect(andere).toEqual([]);
    expect(cookie).toMatchObject({ name: SESSIE_COOKIE, path: '/', httpOnly: true, secure: true, sameSite: 'Lax', expires: -1 });
    expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(/\/local\/inloggen\?uitgelogd=1$/);
    expect(await page.getByRole('status').textContent()).toContain('U bent uitgelogd');
    expect((await page.context().cookies()).filter((c) => c.name === SESSIE_COOKIE)).toEqual([]);
    // The cookie a copy kept is no session any more: the server ended it.
    const oud = await zonderDoorsturen('/portaal', metSessie(cookie!.value));
    expect([oud.status, oud.headers.get('location')]).toEqual([303, '/portaal/inloggen?terug=%2Fportaal']);
    await page.context().close();
  });

  /** Signs in on the local page with an account of the local register, as a person would. */
  const metAccount = async (email: string) => {
    const page = await nieuwTabblad(browser);
    await page.goto(url('/portaal/inloggen'));
    await page.getByLabel('Een lokaal account (e-mailadres)').check();
    await page.getByLabel('E-mailadres van het account (niet verplicht)').fill(email);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(url('/portaal'));
    return page;
  };

  it("a partner's and a member's contact sign in with the accounts their approval made, each scoped to its own organisation", async () => {
    const page = await metAccount(w.partner.email);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Welkom, Lotte Visser');
    expect(await page.textContent('main')).toContain('U bent ingelogd als regiopartner namens Jobcoach Zaan.');
    await bekijk(page, 'portaal-start-regiopartner');
    await page.context().close();
    // The member's contact got one too: the approval invited it.
    const lid = await metAccount(w.lid.email);
    expect(await lid.textContent('main')).toContain(`U bent ingelogd als werkgever namens ${w.lid.naam}.`);
    await lid.context().close();
    const r = await fetch(url('/local/inloggen'), form({ rol: 'account', email: 'niemand@example.nl', terug: '/portaal' }));
    expect(r.status).toBe(400);
    expect(r.headers.getSetCookie()).toEqual([]);
  });
});

describe('forms of signed-in pages', () => {
  it('a POST without, or with a wrong, CSRF token is refused with a page and changes nothing', async () => {
    const token = await inloggen({ rol: 'gemeente', tenant: w.gemeente.code, terug: '/portaal' });
    const start = await fetch(url('/portaal'), metSessie(token));
    const csrf = /name="csrf" value="([A-Za-z0-9_-]{43})"/.exec(await start.text())![1]!;
    for (const velden of [{}, { csrf: 'x'.repeat(43) }, { csrf: '' }] as Record<string, string>[]) {
      const r = await fetch(url('/portaal/uitloggen'), metSessie(token, form(velden)));
      expect(r.status, JSON.stringify(velden)).toBe(403);
      expect(await r.text()).toContain('Het formulier is verlopen');
      expect(r.headers.getSetCookie()).toEqual([]);
      expect((await zonderDoorsturen('/portaal', metSessie(token))).status).toBe(200);
    }
    // Another session's token is no better than a made-up one.
    const ander = await inloggen({ rol: 'gemeente', tenant: w.gemeente.code, terug: '/portaal' });
    const anderCsrf = /name="csrf" value="([A-Za-z0-9_-]{43})"/.exec(await (await fetch(url('/portaal'), metSessie(ander))).text())![1]!;
    expect((await fetch(url('/portaal/uitloggen'), metSessie(token, form({ csrf: anderCsrf })))).status).toBe(403);
    expect((await zonderDoorsturen('/portaal', metSessie(token))).status).toBe(200);
    // With its own token it signs out.
    const uit = await fetch(url('/portaal/uitloggen'), metSessie(token, form({ csrf })));
    expect([uit.status, uit.headers.get('location')]).toEqual([303, '/local/inloggen?uitgelogd=1']);
    expect(uit.headers.getSetCookie()).toEqual([`${SESSIE_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0`]);
    expect((await zonderDoorsturen('/portaal', metSessie(token))).status).toBe(303);
    // Signing out without a session: a page that says so, not an error of ours.
    expect((await fetch(url('/portaal/uitloggen'), metSessie(token, form({ csrf })))).status).toBe(401);
  });

  it('the sign-in pages and the start page carry the pages’ headers and no script', async () => {
    const token = await inloggen({ rol: 'coopAdmin', terug: '/portaal' });
    for (const [pad, init] of [['/local/inloggen', {}], ['/portaal', metSessie(token)]] as const) {
      const r = await fetch(url(pad), init);
      expect(r.status, pad).toBe(200);
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(await r.text()).not.toMatch(/<script/i);
    }
  });
});
