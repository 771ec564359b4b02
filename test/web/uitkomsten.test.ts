import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { naTermijn, plusDagen } from '../../shared/domain/nazorg';
import { contract } from '../domain/plaatsingen-fixtures';
import { bekijk, startBrowser } from '../support/browser';
import { apiClient, ok } from '../support/http';
import { maakPortaalWereld, type PortaalWereld } from '../support/portaal-wereld';
import { startTestRuntime } from '../support/runtime';
import { ingelogd } from '../support/sessie';

/**
 * The outcomes page per role, in Chromium against the local runtime: placements started through the API as
 * their callers start them, the stream consumer keeping their outcome records, and the page reading the
 * report's use case as the signed-in person. Each role sees its own scope: gemeente A its referrals' (a cohort
 * of 12 whose figures are published, a cohort of 3 suppressed), gemeente B only its own one placement, the
 * member its placements, the partner its region (both gemeenten), the coordinator the nation or a gemeente it
 * picks. The form's choice is in the address.
 */
let rt: LocalRuntime;
let browser: Browser;
let a: PortaalWereld;
let b: PortaalWereld;
const { call } = apiClient(() => rt);
const url = (pad: string) => `${rt.baseUrl}${pad}`;

/** Starts a placement of a new referral of `w`'s gemeente at `w`'s member, and ends it when asked. */
const plaatsing = async (w: PortaalWereld, werkplekId: string, startdatum: string, einde?: { na: number; reden: string }) => {
  const v = ok(
    await call('POST', '/v1/verwijzingen', {
      headers: w.gemeente.headers,
      body: {
        dossierkenmerk: `PW-${Math.floor(Math.random() * 9_999_999)}`,
        doelgroep: 'participatiewet',
        kandidaat: { naam: 'Kandidaat Test', email: 'kandidaat@example.nl' },
        mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', zelfstandigheid: 'deelsZelfstandig', taalniveau: 'B1', rijbewijs: false },
        werkaanpassingen: [],
        uren: { minimum: 16, maximum: 32 },
        mobiliteit: { reisafstandKm: 10, vervoer: ['fiets'] },
        postcodegebied: '1502',
        werksoortVoorkeuren: ['groen'],
        beschikbaarVanaf: '2025-01-01',
        toestemmingProfielDelen: true,
      },
    }),
    201,
  );
  ok(await call('POST', `/v1/verwijzingen/${v.id}/intake`, { headers: w.admin }));
  ok(await call('POST', `/v1/verwijzingen/${v.id}/bemiddelbaarverklaring`, { headers: w.admin }));
  const p = ok(await call('POST', '/v1/plaatsingen', { headers: w.admin, body: { verwijzingId: v.id, werkplekId } }), 201);
  const pad = `/v1/plaatsingen/${p.id}`;
  ok(await call('POST', `${pad}/kennismaking`, { headers: w.lid.headers, body: { datum: plusDagen(startdatum, -7) } }));
  ok(await call('POST', `${pad}/start`, { headers: w.lid.headers, body: contract({ startdatum, einddatum: naTermijn(startdatum, 'P18M') }) }));
  if (einde) ok(await call('POST', `${pad}/beeindiging`, { headers: w.lid.headers, body: { einddatum: plusDagen(startdatum, einde.na), reden: einde.reden } }));
  return p.id as string;
};

/** The member answers a placement's durability checks that are due: still employed here. */
const checksBeantwoorden = async (w: PortaalWereld, plaatsingId: string) => {
  const { nazorgmomenten } = ok(await call('GET', `/v1/plaatsingen/${plaatsingId}/nazorgmomenten`, { headers: w.admin })) as {
    nazorgmomenten: { id: string; soort: string; vervaldatum: string; status: string }[];
  };
  const vandaag = new Date().toISOString().slice(0, 10);
  for (const m of nazorgmomenten.filter((x) => x.soort === 'duurzaamheidscheck' && x.vervaldatum <= vandaag && x.status !== 'geannuleerd'))
    ok(
      await call('POST', `/v1/nazorgmomenten/${m.id}/antwoorden`, {
        headers: w.lid.headers,
        body: { nogInDienst: true, gewerkteUrenPerWeek: 24, verzuimdagenInPeriode: 1, hoeGaatHet: 4, ondersteuningNodig: false, risicos: [] },
      }),
    );
};

const werkplek = async (w: PortaalWereld): Promise<string> =>
  ok(
    await call('POST', '/v1/werkplekken', {
      headers: w.lid.headers,
      body: {
        titel: 'Medewerker groenonderhoud, vaste ploeg',
        soort: 'reguliereBaan',
        werksoort: 'groen',
        uren: { minimum: 16, maximum: 32 },
        locatie: { postcodegebied: '1502', gemeente: w.gemeente.code },
        aantalPlaatsen: 40,
        eisen: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', taalniveau: 'A2', rijbewijs: false },
        werkaanpassingen: [],
        begeleiding: { eigenJobcoach: false, buddy: true },
        teltVoorBanenafspraak: true,
      },
    }),
    201,
  ).id as string;

const kop = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
/** The key figures' cell of a row (by its header) and a column (by its cohort). */
const cel = async (page: Page, rij: string, kolom: string): Promise<string> => {
  const tabel = page.getByRole('table', { name: /^Kerncijfers per/ });
  const kolommen = await tabel.locator('thead th').allTextContents();
  const i = kolommen.indexOf(kolom);
  expect(i, `kolom ${kolom} in ${kolommen.join(', ')}`).toBeGreaterThanOrEqual(0);
  // The first cell of the header row is empty (a td), so the i-th th is the (i+1)-th cell of a row.
  return (await tabel.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^(waarvan )?${rij}`) }) }).locator('td').nth(i).textContent()) ?? '';
};

const VAN_TOT = '?van=2025-K4&tot=2026-K2';

beforeAll(async () => {
  [rt, browser] = await Promise.all([startTestRuntime({ scheduler: { automatic: false } }), startBrowser()]);
  // World A: a gemeente with a cohort of 12 in 2025-K4 (three ended without work, one into regular work) and a
  // cohort of 3 in 2026-K1; world B: one placement. maakPortaalWereld starts one more of each in 2026-K2.
  a = await maakPortaalWereld(rt, { startdatum: '2026-04-06' });
  b = await maakPortaalWereld(rt, { startdatum: '2026-04-06' });
  const plek = await werkplek(a);
  const einden: Record<number, { na: number; reden: string }> = {
    1: { na: 60, reden: 'contractNietVerlengd' },
    4: { na: 130, reden: 'terugNaarGemeente' },
    7: { na: 250, reden: 'eigenVerzoek' },
    9: { na: 200, reden: 'uitstroomRegulierWerk' },
  };
  for (let i = 0; i < 12; i++) {
    const id = await plaatsing(a, plek, plusDagen('2025-10-06', i), einden[i]);
    // Two open placements' checks stay unanswered: "onbekend", in the denominator.
    if (!einden[i] && i !== 3 && i !== 10) await checksBeantwoorden(a, id);
  }
  for (let i = 0; i < 3; i++) await plaatsing(a, plek, plusDagen('2026-02-02', i));
  for (let i = 0; i < 10; i++) await plaatsing(a, plek, plusDagen('2026-04-13', i));
  await rt.settle({ timeoutMs: 60_000 });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await rt?.stop();
});

describe('the gemeente', () => {
  it('sees its own referrals’ figures: a cohort published, a small one suppressed, the curves as an image with words and a table', async () => {
    const { page } = await ingelogd(browser, rt, { rol: 'gemeente', subject: 'noor', gemeente: a.gemeente.code }, 'Noor Bakker');
    await page.goto(url(`/portaal/uitkomsten${VAN_TOT}`));
    expect(await kop(page)).toBe('Uitkomsten van de plaatsingen');
    expect(await page.textContent('main')).toContain('de plaatsingen van wie gemeente Zaanstad verwees');
    expect(await cel(page, 'Plaatsingen gestart', '2025 4e kwartaal')).toBe('12');
    expect(await cel(page, 'Plaatsingen gestart', '2026 1e kwartaal')).toBe('<10');
    expect(await cel(page, 'Plaatsingen gestart', '2026 2e kwartaal')).toBe('11');
    expect(await cel(page, 'In werk na 6 maanden', '2026 1e kwartaal')).toBe('x');
    expect(await page.locator('abbr[title="minder dan 10: niet gepubliceerd"]').count()).toBeGreaterThan(0);
    // Six months after a 2026-K2 start have not passed everywhere: counted apart, never as failures.
    expect(await cel(page, '12 maanden nog niet bereikt', '2026 2e kwartaal')).toBe('11');

    const grafiek = page.getByRole('img', { name: /^Nog in werk, naar maanden sinds de start, per cohort/ });
    expect(await grafiek.count()).toBe(1);
    const desc = await page.locator('svg[role="img"]:visible desc').textContent();
    expect(desc).toMatch(/2025 4e kwartaal: na 6 maanden nog in werk \d+%/);
    expect(desc).toContain('2026 1e kwartaal: niet getekend, minder dan 10 plaatsingen.');
    const tabel = page.getByRole('table', { name: 'De cijfers van deze grafiek' });
    expect(await tabel.getByRole('rowheader').allTextContents()).toEqual(['2025 4e kwartaal', '2026 1e kwartaal', '2026 2e kwartaal']);
    expect(await tabel.textContent()).toContain('minder dan 10 in de risicogroep');
    await expect.poll(() => page.getByRole('table', { name: 'Cijfers van anderen, naast de onze' }).textContent()).toContain('CBS');
    await bekijk(page, 'uitkomsten-gemeente');

    // The form: another split, the address carries it.
    await page.getByLabel('Uitsplitsen naar').selectOption('soortWerkplek');
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    await page.waitForURL(/per=soortWerkplek/);
    expect(await page.getByRole('table', { name: 'Kerncijfers per soort werkplek' }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Kerncijfers per soort werkplek' }).locator('thead th').allTextContents()).toEqual(['Participatieplaats', 'Reguliere baan']);
    expect(await page.getByLabel('Van cohort').inputValue()).toBe('2025-K4');
    await page.context().close();
  }, 90_000);

  it('another gemeente sees only its own: its one placement, as <10', async () => {
    const { page } = await ingelogd(browser, rt, { rol: 'gemeente', subject: 'piet', gemeente: b.gemeente.code }, 'Piet Jansen');
    await page.goto(url(`/portaal/uitkomsten${VAN_TOT}`));
    expect(await cel(page, 'Plaatsingen gestart', '2025 4e kwartaal')).toBe('0');
    expect(await cel(page, 'Plaatsingen gestart', '2026 2e kwartaal')).toBe('<10');
    // Naming an area is not a gemeente's choice: the address is refused, not widened.
    expect((await page.goto(url(`/portaal/uitkomsten?gebied=gemeente:${a.gemeente.code}`)))!.status()).toBe(400);
    await page.context().close();
  }, 60_000);
});

describe('the member, the partner and the coordinator', () => {
  it('the member sees its own placements’ figures', async () => {
    const { page } = await ingelogd(browser, rt, { rol: 'werkgever', subject: 'sanne', lidId: a.lid.id }, 'Sanne de Vries');
    await page.goto(url(`/portaal/uitkomsten${VAN_TOT}`));
    expect(await page.textContent('main')).toContain(`de plaatsingen bij ${a.lid.naam}`);
    expect(await cel(page, 'Plaatsingen gestart', '2025 4e kwartaal')).toBe('12');
    await bekijk(page, 'uitkomsten-werkgever');
    await page.context().close();
  }, 60_000);

  it('the partner sees its region: both gemeenten’s placements', async () => {
    const { page } = await ingelogd(browser, rt, { rol: 'regiopartner', subject: 'lotte', partnerId: a.partner.id }, 'Lotte Visser');
    await page.goto(url(`/portaal/uitkomsten${VAN_TOT}`));
    expect(await page.textContent('main')).toContain('de plaatsingen in arbeidsmarktregio Zaanstreek/Waterland');
    expect(await cel(page, 'Plaatsingen gestart', '2026 2e kwartaal')).toBe('12');
    // As jobcoach organisation: only the placement it coaches.
    await page.getByLabel('Cijfers van', { exact: true }).selectOption('De plaatsingen die u begeleidt');
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    await page.waitForURL(/gebied=partner/);
    expect(await page.textContent('main')).toContain('de plaatsingen die u als jobcoachorganisatie begeleidt');
    expect(await cel(page, 'Plaatsingen gestart', '2026 2e kwartaal')).toBe('<10');
    expect((await page.goto(url('/portaal/uitkomsten?gebied=regio:Groot%20Amsterdam')))!.status()).toBe(400);
    await page.context().close();
  }, 60_000);

  it('the coordinator sees the nation and picks a gemeente with the form', async () => {
    const { page } = await ingelogd(browser, rt, { rol: 'coopAdmin', subject: 'coordinator' }, 'Fatima el Amrani');
    await page.goto(url(`/portaal/uitkomsten${VAN_TOT}`));
    expect(await page.textContent('main')).toContain('alle plaatsingen van de coöperatie, landelijk');
    await bekijk(page, 'uitkomsten-coordinator');
    await page.getByLabel('Cijfers van', { exact: true }).selectOption(`gemeente:${b.gemeente.code}`);
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    await page.waitForURL(new RegExp(`gebied=gemeente%3A${b.gemeente.code}`));
    expect(await cel(page, 'Plaatsingen gestart', '2025 4e kwartaal')).toBe('0');
    expect(await page.textContent('main')).toContain('de plaatsingen van wie gemeente Zaanstad verwees');
    await page.context().close();
  }, 60_000);

  it('links the page from every role’s start page', async () => {
    for (const [principal, naam] of [
      [{ rol: 'gemeente', subject: 'noor', gemeente: a.gemeente.code }, 'Noor Bakker'],
      [{ rol: 'coopAdmin', subject: 'coordinator' }, 'Fatima el Amrani'],
    ] as const) {
      const { page } = await ingelogd(browser, rt, principal, naam);
      await page.goto(url('/portaal'));
      await page.getByRole('main').getByRole('link', { name: 'Uitkomsten' }).click();
      await expect.poll(() => kop(page)).toBe('Uitkomsten van de plaatsingen');
      await page.context().close();
    }
  }, 60_000);
});
