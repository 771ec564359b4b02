import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { vandaagInNederland } from '../../shared/domain/kalender';
import { plusDagen } from '../../shared/domain/nazorg';
import type { Escalatie } from '../../shared/schemas/nazorg';
import { bekijk, startBrowser } from '../support/browser';
import { apiClient, nieuwAdres, ok } from '../support/http';
import { linksInMails, maakPortaalWereld, type PortaalWereld } from '../support/portaal-wereld';
import { startTestRuntime } from '../support/runtime';
import { ingelogd, postFormulier } from '../support/sessie';

/**
 * The coordinators' worklist in Chromium against the local runtime: the escalation a link answer raises is
 * there and is handled there (the API then says afgehandeld), a second handling is a clear 409, member and
 * partner applications are decided from it, and a form without its CSRF token changes nothing.
 */
let rt: LocalRuntime;
let browser: Browser;
let w: PortaalWereld;
const { call } = apiClient(() => rt);
const url = (pad: string) => `${rt.baseUrl}${pad}`;
const COORDINATOR = { rol: 'coopAdmin', subject: 'coordinator-anna' } as const;

const openEscalaties = async (): Promise<Escalatie[]> =>
  ok(await call('GET', '/v1/escalaties?status=open&pageSize=100', { headers: w.admin })).escalaties.filter((e: Escalatie) => e.plaatsingId === w.plaatsing.id);

let kvk = 30_000_000 + Math.floor(Math.random() * 60_000_000);
const lidAanvragen = async (naam: string) =>
  ok(
    await call('POST', '/v1/leden', {
      vanAdres: nieuwAdres(),
      body: {
        kvkNummer: String(++kvk),
        naam,
        sectoren: ['zorg'],
        werksoorten: ['schoonmaak'],
        contactpersoon: { naam: 'Iris Jansen', email: `iris.${kvk}@example.nl` },
        toezeggingen: { reguliereBanen: 1, participatieplaatsen: 1, beschutWerkplekken: 0, banenafspraakBanen: 0 },
      },
    }),
    201,
  );

beforeAll(async () => {
  [rt, browser] = await Promise.all([startTestRuntime({ scheduler: { automatic: false } }), startBrowser()]);
  w = await maakPortaalWereld(rt, { startdatum: plusDagen(vandaagInNederland(new Date()), -30) });
  await rt.jobs.runNow('nazorg-sweep', {});
  await rt.settle({ timeoutMs: 30_000 });
  // The employer answers by the link in its mail: it goes badly and support is needed, which escalates.
  const r = await fetch(url(`${linksInMails(rt, w.lid.email)[0]!}/versturen`), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'nogInDienst=ja&gewerkteUrenPerWeek=20&verzuimdagenInPeriode=6&hoeGaatHet=1&ondersteuningNodig=ja&risicos=werkdruk',
    redirect: 'manual',
  });
  expect(r.status).toBe(303);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await rt?.stop();
});

describe('the coordinators’ worklist', () => {
  it('without a session a page sends to the sign-in; another role gets a refusal', async () => {
    const zonder = await fetch(url('/portaal/werklijst'), { redirect: 'manual' });
    expect([zonder.status, zonder.headers.get('location')]).toEqual([303, '/portaal/inloggen?terug=%2Fportaal%2Fwerklijst']);
    const { page } = await ingelogd(browser, rt, { rol: 'werkgever', subject: 'sanne', lidId: w.lid.id }, 'Sanne de Vries');
    const r = await page.goto(url('/portaal/werklijst'));
    expect(r!.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Geen toegang');
    await bekijk(page, 'werklijst-geen-toegang');
    await page.context().close();
  }, 90_000);

  it('shows the escalation a link answer raised; it is handled there, and a second handling is a clear 409', async () => {
    const [escalatie] = await openEscalaties();
    expect(escalatie).toBeDefined();
    const { page } = await ingelogd(browser, rt, COORDINATOR, 'Anna Smit');
    await page.goto(url('/portaal/werklijst'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Werklijst');
    expect(await page.locator('header').textContent()).toContain('Anna Smit');
    await bekijk(page, 'werklijst');

    await page.locator(`a[href="/portaal/escalaties/${escalatie!.id}"]`).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Escalatie: hoog risico in een antwoord');
    expect(await page.textContent('main')).toContain(w.lid.naam);
    await bekijk(page, 'escalatie');
    // A second coordinator has the same escalation open.
    const { page: collega } = await ingelogd(browser, rt, { rol: 'coopAdmin', subject: 'coordinator-bram' }, 'Bram Mulder');
    await collega.goto(url(`/portaal/escalaties/${escalatie!.id}`));

    // Sent empty: the error at the top and at the field; nothing changed.
    await page.getByRole('button', { name: 'Escalatie afhandelen' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Er is een probleem');
    expect(await page.title()).toMatch(/^Fout: /);
    await bekijk(page, 'escalatie-fout');
    expect(await openEscalaties()).toHaveLength(1);

    await page.getByRole('textbox', { name: 'Wat is er met de escalatie gedaan?' }).fill('Gebeld met de werkgever; de jobcoach komt twee keer per week.');
    await page.getByLabel('Extra ondersteuning geregeld').check();
    await page.getByRole('button', { name: 'Escalatie afhandelen' }).click();
    await page.waitForURL(/\/portaal\/werklijst\?gedaan=escalatieAfgehandeld$/);
    expect(await page.getByRole('status').textContent()).toContain('De escalatie is afgehandeld');
    expect(await page.locator(`a[href="/portaal/escalaties/${escalatie!.id}"]`).count()).toBe(0);
    await bekijk(page, 'werklijst-afgehandeld');

    // The API's own read: closed, with the outcome and the coordinator who did it.
    const na = ok(await call('GET', `/v1/escalaties/${escalatie!.id}`, { headers: w.admin }));
    expect(na).toMatchObject({ status: 'afgehandeld', uitkomst: 'ondersteuningGeregeld', afgehandeldDoor: { rol: 'coopAdmin', subject: 'coordinator-anna' } });

    // The colleague's form, sent afterwards: the use case's 409, in words, with the handling as it now is.
    await collega.getByRole('textbox', { name: 'Wat is er met de escalatie gedaan?' }).fill('Ook gebeld.');
    const antwoord = collega.waitForResponse((r) => r.request().method() === 'POST');
    await collega.getByRole('button', { name: 'Escalatie afhandelen' }).click();
    expect((await antwoord).status()).toBe(409);
    await collega.waitForLoadState();
    expect(await collega.getByRole('alert').textContent()).toContain('Dit is al gebeurd of kan nu niet');
    expect(await collega.textContent('main')).toContain('Gebeld met de werkgever');
    expect(await collega.getByRole('alert').textContent()).toContain('Een collega heeft deze escalatie intussen afgehandeld');
    await bekijk(collega, 'escalatie-al-afgehandeld');
    expect(ok(await call('GET', `/v1/escalaties/${escalatie!.id}`, { headers: w.admin })).afhandeling).toBe('Gebeld met de werkgever; de jobcoach komt twee keer per week.');
    await page.context().close();
    await collega.context().close();
  }, 90_000);

  it('a member’s application is approved from the worklist, another rejected with a reason', async () => {
    const goed = await lidAanvragen('Schoonmaakbedrijf Glans');
    const fout = await lidAanvragen('Kwekerij De Kas');
    const { page } = await ingelogd(browser, rt, COORDINATOR, 'Anna Smit');
    await page.goto(url('/portaal/werklijst'));
    await page.getByRole('link', { name: 'Schoonmaakbedrijf Glans' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Aanvraag van Schoonmaakbedrijf Glans');
    await bekijk(page, 'lid-aanvraag');
    await page.getByRole('button', { name: 'Aanvraag goedkeuren' }).click();
    await page.waitForURL(/gedaan=lidGoedgekeurd$/);
    expect(await page.getByRole('status').textContent()).toContain('De aanvraag is goedgekeurd');
    expect(ok(await call('GET', `/v1/leden/${goed.id}`, { headers: w.admin })).status).toBe('actief');

    await page.goto(url(`/portaal/leden/${fout.id}`));
    await page.getByRole('button', { name: 'Aanvraag afwijzen' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Vul een reden in');
    await bekijk(page, 'lid-afwijzen-fout');
    expect(ok(await call('GET', `/v1/leden/${fout.id}`, { headers: w.admin })).status).toBe('aangevraagd');
    await page.getByRole('textbox', { name: 'Waarom wijst u dit af?' }).fill('Geen vestiging in de regio.');
    await page.getByRole('button', { name: 'Aanvraag afwijzen' }).click();
    await page.waitForURL(/gedaan=lidAfgewezen$/);
    expect(ok(await call('GET', `/v1/leden/${fout.id}`, { headers: w.admin })).status).toBe('afgewezen');

    // The page of an application decided meanwhile, approved on an out-of-date page: refused, in words.
    const laat = await lidAanvragen('Drukkerij Letter');
    await page.goto(url(`/portaal/leden/${laat.id}`));
    ok(await call('POST', `/v1/leden/${laat.id}/goedkeuring`, { headers: w.admin }));
    const antwoord = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Aanvraag goedkeuren' }).click();
    expect((await antwoord).status()).toBe(412);
    await page.waitForLoadState();
    expect(await page.getByRole('alert').textContent()).toContain('Intussen gewijzigd door iemand anders');
    await bekijk(page, 'lid-intussen-gewijzigd');
    await page.context().close();
  }, 90_000);

  it('a form without its CSRF token is refused with a page of its own and changes nothing', async () => {
    const lid = await lidAanvragen('Bouwbedrijf Stevig');
    const { page, cookie } = await ingelogd(browser, rt, COORDINATOR, 'Anna Smit');
    await page.goto(url(`/portaal/leden/${lid.id}`));
    // As a page of another site would post: everything but the token.
    await page.evaluate(() => document.querySelectorAll('input[name="csrf"]').forEach((e) => e.remove()));
    const antwoord = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Aanvraag goedkeuren' }).click();
    expect((await antwoord).status()).toBe(403);
    await page.waitForLoadState();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Het formulier is verlopen');
    await bekijk(page, 'csrf-geweigerd');
    const vals = await postFormulier(rt, `/portaal/leden/${lid.id}/goedkeuring`, cookie, { csrf: 'A'.repeat(43), versie: '1' });
    expect(vals.status).toBe(403);
    expect(ok(await call('GET', `/v1/leden/${lid.id}`, { headers: w.admin })).status).toBe('aangevraagd');
    await page.context().close();
  }, 90_000);

  it('a regional partner’s confirmed application is approved there; its credentials are shown once', async () => {
    const adres = nieuwAdres();
    const email = `jobcoach.${++kvk}@begeleiding.nl`;
    const body = {
      naam: 'Begeleiding Waterland',
      kvkNummer: String(++kvk),
      soort: 'jobcoachOrganisatie',
      arbeidsmarktregios: ['Zaanstreek/Waterland'],
      contactpersoon: { naam: 'Ruben Hoekstra', email },
    };
    expect((await call('POST', '/v1/regiopartner-aanmeldingen', { vanAdres: adres, body })).status).toBe(202);
    await rt.settle();
    const mail = rt.mail.list().map((m) => m.mail as { aan?: { email: string }; tekst: string }).find((m) => m.aan?.email === email)!;
    const token = /\/portaal\/regiopartner-aanmelding\/([A-Za-z0-9_-]{43})\b/.exec(mail.tekst)![1]!;
    ok(await call('POST', '/v1/regiopartner-aanmeldingen/bevestiging', { vanAdres: adres, body: { token } }));

    const { page } = await ingelogd(browser, rt, COORDINATOR, 'Anna Smit');
    await page.goto(url('/portaal/werklijst'));
    await page.getByRole('link', { name: 'Begeleiding Waterland' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Aanmelding van Begeleiding Waterland');
    await bekijk(page, 'aanmelding');
    await page.getByRole('button', { name: 'Aanmelding goedkeuren' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Geef de toegangsgegevens door');
    const geheim = await page.locator('dt:has-text("Client secret") + dd').textContent();
    expect(geheim!.length).toBeGreaterThan(20);
    await bekijk(page, 'aanmelding-goedgekeurd');
    const aanmeldingen = ok(await call('GET', '/v1/regiopartner-aanmeldingen?status=goedgekeurd&pageSize=100', { headers: w.admin })).aanmeldingen;
    expect(aanmeldingen.map((a: { kvkNummer: string }) => a.kvkNummer)).toContain(body.kvkNummer);
    // The secret is nowhere to be read again: not on the application's page.
    await page.goto(url(`/portaal/regiopartner-aanmeldingen/${aanmeldingen.find((a: { kvkNummer: string }) => a.kvkNummer === body.kvkNummer).id}`));
    expect(await page.content()).not.toContain(geheim);
    await page.context().close();
  }, 90_000);
});
