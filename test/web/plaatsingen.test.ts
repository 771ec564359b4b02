import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { vandaagInNederland } from '../../shared/domain/kalender';
import { plusDagen } from '../../shared/domain/nazorg';
import type { Nazorgmoment } from '../../shared/schemas/nazorg';
import type { Verwijzing } from '../../shared/schemas/verwijzingen';
import { bekijk, startBrowser } from '../support/browser';
import { apiClient, ok } from '../support/http';
import { maakPortaalWereld, type PortaalWereld } from '../support/portaal-wereld';
import { startTestRuntime } from '../support/runtime';
import { ingelogd, postFormulier } from '../support/sessie';

/**
 * The signed-in pages of employer, jobcoach organisation and gemeente, in Chromium against the local runtime:
 * each sees its own placements through the API's own lists and rules, the employer answers a follow-up there
 * (the same questions as the link in the mail), the gemeente reads only, and a session of one tenant gets
 * another tenant's placement exactly as a missing one: the same 404 page.
 */
let rt: LocalRuntime;
let browser: Browser;
let a: PortaalWereld;
let b: PortaalWereld;
const { call } = apiClient(() => rt);
const url = (pad: string) => `${rt.baseUrl}${pad}`;
const momenten = async (w: PortaalWereld): Promise<Nazorgmoment[]> =>
  ok(await call('GET', `/v1/plaatsingen/${w.plaatsing.id}/nazorgmomenten`, { headers: w.admin })).nazorgmomenten;
const werkgever = (w: PortaalWereld) => ({ rol: 'werkgever', subject: `sanne-${w.lid.id}`, lidId: w.lid.id }) as const;
const kop = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

beforeAll(async () => {
  [rt, browser] = await Promise.all([startTestRuntime({ scheduler: { automatic: false } }), startBrowser()]);
  // Two tenants that share nothing, each with a placement started a month ago: its first follow-ups are due.
  const start = plusDagen(vandaagInNederland(new Date()), -30);
  a = await maakPortaalWereld(rt, { startdatum: start });
  b = await maakPortaalWereld(rt, { startdatum: start });
  await rt.jobs.runNow('nazorg-sweep', {});
  await rt.settle({ timeoutMs: 30_000 });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await rt?.stop();
});

describe('the employer', () => {
  it('sees its placement with the next follow-up and answers one there; the answer is the API’s', async () => {
    const { page, sessie, cookie } = await ingelogd(browser, rt, werkgever(a), 'Sanne de Vries');
    await page.goto(url('/portaal/plaatsingen'));
    expect(await kop(page)).toBe('Plaatsingen');
    const main = (await page.textContent('main'))!;
    expect(main).toContain(a.werkplekTitel);
    expect(main).toContain('Volgend nazorgmoment');
    expect(main).not.toContain('Jan de Boer');
    await bekijk(page, 'plaatsingen-werkgever');

    await page.getByRole('link', { name: 'Nazorg, 1 week na de start beantwoorden' }).click();
    await expect.poll(() => kop(page)).toBe('Hoe gaat het met de plaatsing?');
    await bekijk(page, 'nazorgmoment-formulier');
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Er is een probleem');
    await bekijk(page, 'nazorgmoment-fout');

    await page.getByRole('group', { name: 'Is de medewerker nog bij u in dienst?' }).getByLabel('Ja', { exact: true }).check();
    await page.getByLabel('Hoeveel uur per week werkt de medewerker gemiddeld?', { exact: true }).fill('28');
    await page.getByLabel('Hoeveel dagen was de medewerker afwezig sinds het vorige nazorgmoment?', { exact: true }).fill('1');
    await page.getByLabel('4 — goed', { exact: true }).check();
    await page.getByRole('group', { name: 'Is er extra ondersteuning nodig?' }).getByLabel('Nee', { exact: true }).check();
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    await expect.poll(() => kop(page)).toBe('Controleer uw antwoorden');
    await bekijk(page, 'nazorgmoment-controle');
    await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
    await page.waitForURL(new RegExp(`/portaal/plaatsingen/${a.plaatsing.id}\\?gedaan=beantwoord$`));
    expect(await page.getByRole('status').textContent()).toContain('Uw antwoorden zijn ontvangen');
    await bekijk(page, 'plaatsing-werkgever');

    // The API's own read: answered by the signed-in person, as werkgever.
    const beantwoord = (await momenten(a)).filter((m) => m.status === 'beantwoord');
    expect(beantwoord).toHaveLength(1);
    expect(beantwoord[0]!.antwoorden[0]).toMatchObject({ gewerkteUrenPerWeek: 28, hoeGaatHet: 4, door: { rol: 'werkgever', subject: sessie.principal.subject } });

    // The same answer once more (a reload, a second tab): the use case's 409, in words; nothing added.
    const nogEens = await postFormulier(rt, `/portaal/nazorgmomenten/${beantwoord[0]!.id}/versturen`, cookie, {
      csrf: sessie.csrf,
      nogInDienst: 'ja',
      gewerkteUrenPerWeek: '28',
      verzuimdagenInPeriode: '1',
      hoeGaatHet: '4',
      ondersteuningNodig: 'nee',
    });
    expect(nogEens.status).toBe(409);
    expect(await nogEens.text()).toContain('Dit nazorgmoment is al beantwoord');
    await page.goto(url(`/portaal/nazorgmomenten/${beantwoord[0]!.id}`));
    expect(await page.textContent('main')).toContain('al beantwoord');
    await bekijk(page, 'nazorgmoment-al-beantwoord');
    expect((await momenten(a)).filter((m) => m.status === 'beantwoord')).toHaveLength(1);
    await page.context().close();
  }, 90_000);

  it('sees its places', async () => {
    const { page } = await ingelogd(browser, rt, werkgever(a), 'Sanne de Vries');
    await page.goto(url('/portaal/werkplekken'));
    expect(await kop(page)).toBe('Uw werkplekken');
    expect(await page.textContent('main')).toContain(a.werkplekTitel);
    await bekijk(page, 'werkplekken-werkgever');
    await page.context().close();
  }, 90_000);

  it('gets another member’s placement and follow-up as the same 404 page as missing ones, and never sees them listed', async () => {
    const { page } = await ingelogd(browser, rt, werkgever(a), 'Sanne de Vries');
    const [vreemdMoment] = await momenten(b);
    const pagina = async (pad: string) => {
      const r = await page.goto(url(pad));
      return { status: r!.status(), kop: await kop(page), tekst: await page.textContent('main') };
    };
    const vreemd = await pagina(`/portaal/plaatsingen/${b.plaatsing.id}`);
    const onbekend = await pagina('/portaal/plaatsingen/01JZZZZZZZZZZZZZZZZZZZZZZZ');
    expect(vreemd).toEqual(onbekend);
    expect(vreemd.status).toBe(404);
    await bekijk(page, 'plaatsing-niet-gevonden');
    expect((await pagina(`/portaal/nazorgmomenten/${vreemdMoment!.id}`)).status).toBe(404);
    await page.goto(url('/portaal/plaatsingen'));
    const html = await page.content();
    expect(html).toContain(a.plaatsing.id);
    expect(html).not.toContain(b.plaatsing.id);
    expect(html).not.toContain(vreemdMoment!.id);
    await page.context().close();
  }, 90_000);
});

describe('the jobcoach organisation', () => {
  it('sees the placement it coaches and the follow-ups it may answer, nothing of another tenant', async () => {
    const { page } = await ingelogd(browser, rt, { rol: 'regiopartner', subject: 'lotte', partnerId: a.partner.id }, 'Lotte Visser');
    await page.goto(url('/portaal/plaatsingen'));
    expect(await page.getByRole('heading', { name: 'Plaatsingen die u begeleidt' }).count()).toBe(1);
    const html = await page.content();
    expect(html).toContain(a.plaatsing.id);
    expect(html).not.toContain(b.plaatsing.id);
    expect(await page.getByRole('link', { name: /beantwoorden$/ }).count()).toBeGreaterThan(0);
    await bekijk(page, 'plaatsingen-jobcoach');
    await page.context().close();
  }, 90_000);
});

describe('the gemeente', () => {
  it('sees its referrals and their placements’ phase and risk signal, read-only', async () => {
    const { page } = await ingelogd(browser, rt, { rol: 'gemeente', subject: 'noor', gemeente: a.gemeente.code }, 'Noor Bakker');
    const [eigen] = ok(await call('GET', '/v1/verwijzingen', { headers: a.gemeente.headers })).verwijzingen as Verwijzing[];
    const [ander] = ok(await call('GET', '/v1/verwijzingen', { headers: b.gemeente.headers })).verwijzingen as Verwijzing[];
    await page.goto(url('/portaal/verwijzingen'));
    expect(await kop(page)).toBe('Uw verwijzingen');
    expect(await page.textContent('main')).toContain(eigen!.dossierkenmerk);
    expect(await page.textContent('main')).not.toContain(ander!.dossierkenmerk);
    expect(await page.locator('main form').count()).toBe(0);
    await bekijk(page, 'verwijzingen-gemeente');

    await page.goto(url('/portaal/plaatsingen'));
    const main = (await page.textContent('main'))!;
    expect(main).toContain(eigen!.dossierkenmerk);
    expect(main).toContain('Gestart');
    expect(main).toContain('Risicosignaal');
    expect(await page.getByRole('link', { name: /beantwoorden$/ }).count()).toBe(0);
    expect(await page.locator('main form').count()).toBe(0);
    await bekijk(page, 'plaatsingen-gemeente');
    await page.getByRole('link', { name: a.werkplekTitel }).click();
    await expect.poll(() => kop(page)).toBe(a.werkplekTitel);
    expect(await page.locator('main form').count()).toBe(0);
    await bekijk(page, 'plaatsing-gemeente');
    // The answer pages are not for a gemeente at all.
    const [moment] = await momenten(a);
    expect((await page.goto(url(`/portaal/nazorgmomenten/${moment!.id}`)))!.status()).toBe(403);
    await page.context().close();
  }, 90_000);
});
