import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/rollen';
import type { Uitkomst } from '../../shared/domain/uitkomsten/rapport';
import { htmlDocument, PAGINA_HEADERS, type PaginaVerzoek } from '../../shared/web/pagina-handler';
import { bouwStatischeBestanden } from '../../infra/web/statisch';
import { leesKeuze, kwartalenTot, PAD, uitkomstenPagina, type Uitkomstenbron } from '../../functions/web/uitkomsten';
import { bekijk, geenToegankelijkheidsfouten, nieuwTabblad, startBrowser } from '../support/browser';
import { maakUitkomsten, rapportUit } from '../support/uitkomsten';

/**
 * The outcomes page as rendered from figures the domain functions give for made-up records: what it says,
 * how it marks suppressed figures, and how it reads in Chromium (axe, 320 px, its screenshot), served with the
 * pages' own headers, CSP included. Where the figures come from — the report's use case, per role — is
 * test/web/uitkomsten.test.ts's part.
 */
const RAPPORTDATUM = '2026-11-30';
const HOST = 'http://werkcoop.test';

const beeindigd = (dagen: number, reden = 'ontslagDoorWerkgever') => ({ dagen, reden });
const checks = (i: number): Uitkomst['checks'] => (i % 7 === 3 ? {} : i % 5 === 4 ? { P6M: 'elders', P12M: 'elders' } : { P6M: 'inDienst', P12M: i % 6 === 1 ? 'nietInWerk' : 'inDienst' });
const records = [
  ...maakUitkomsten('2025-01-06', 30, {
    checks,
    eindeNa: (i) => (i % 6 === 1 ? beeindigd(200 + 9 * i) : i % 9 === 2 ? beeindigd(60 + i, 'terugNaarGemeente') : i % 5 === 4 ? beeindigd(150 + i, 'uitstroomRegulierWerk') : undefined),
  }),
  ...maakUitkomsten('2025-04-07', 24, { checks, eindeNa: (i) => (i % 4 === 1 ? beeindigd(40 + 20 * i, 'terugNaarGemeente') : undefined) }),
  ...maakUitkomsten('2025-10-06', 16, { checks: (i): Uitkomst['checks'] => (i < 10 ? { P6M: 'inDienst' } : {}), eindeNa: (i) => (i % 5 === 0 ? beeindigd(30 + 10 * i) : undefined) }),
  // Six placements in one quarter: every count of theirs is "<10" and no share or curve point is published.
  ...maakUitkomsten('2026-01-12', 6, { checks: () => ({ P6M: 'inDienst' }), kenmerken: () => ({ doelgroep: 'beschutWerk', soortWerkplek: 'beschutWerk' }) }),
];

const bron: Uitkomstenbron = {
  gebieden: async () => [],
  rapport: async (_p, filter) => rapportUit(records, RAPPORTDATUM, filter),
  bereik: async () => 'de plaatsingen van wie gemeente Zaanstad verwees',
  ledennamen: async () => new Map([['lid-1', 'Hoveniersbedrijf Het Hout']]),
};

const gemeente: Principal = { rol: 'gemeente', subject: 'noor', gemeente: 'GM0479' };

const verzoekVoor = (url: URL, stijl: string): PaginaVerzoek =>
  ({
    query: url.searchParams,
    params: {},
    formulier: undefined,
    cookies: {},
    stijl,
    event: { rawPath: url.pathname },
    sessie: { principal: gemeente, naam: 'Noor Bakker', csrf: 'c'.repeat(43), sleutelHash: '', aangemaaktOp: '', laatstGebruiktOp: '' },
  }) as unknown as PaginaVerzoek;

const pagina = uitkomstenPagina(bron, () => RAPPORTDATUM);
const html = async (adres: string, stijl = '/portaal/statisch/werkcoop.css'): Promise<string> => {
  const a = await pagina(verzoekVoor(new URL(adres, HOST), stijl));
  if (!('inhoud' in a)) throw new Error('de pagina stuurde door');
  return htmlDocument(a.inhoud);
};

describe('the choice in the address', () => {
  const cohorten = kwartalenTot(RAPPORTDATUM);

  it('offers the eight quarters up to the report date and shows the last four per cohort at first', () => {
    expect(cohorten).toHaveLength(8);
    expect(cohorten[0]).toBe('2025-K1');
    expect(cohorten.at(-1)).toBe('2026-K4');
    expect(leesKeuze(new URLSearchParams(), cohorten)).toEqual({ van: '2026-K1', tot: '2026-K4', per: 'cohort', doelgroep: undefined, gebied: undefined });
  });

  it('reads a choice, puts from and to in order, and refuses what the form does not offer', () => {
    expect(leesKeuze(new URLSearchParams('van=2025-K4&tot=2025-K1&per=doelgroep&doelgroep=beschutWerk'), cohorten)).toEqual({
      van: '2025-K1',
      tot: '2025-K4',
      per: 'doelgroep',
      doelgroep: 'beschutWerk',
      gebied: undefined,
    });
    for (const q of ['van=2024-K4', 'per=gemeente', 'doelgroep=iedereen', 'bsn=123'])
      expect(() => leesKeuze(new URLSearchParams(q), cohorten), q).toThrow('Deze keuze kennen wij niet');
  });
});

describe('the page’s words and marks', () => {
  it('marks every suppressed figure, explains the marks, and keeps the figures of others apart with source and year', async () => {
    const h = await html(`${PAD}?van=2025-K1&tot=2026-K1`);
    expect(h).toContain('<h1 class="utrecht-heading-1">Uitkomsten van de plaatsingen</h1>');
    expect(h).toContain('de plaatsingen van wie gemeente Zaanstad verwees, gestart 2025 1e kwartaal tot en met 2026 1e kwartaal');
    expect(h).toContain('<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">2026 1e kwartaal</th>');
    expect(h).toContain('<abbr title="minder dan 10: niet gepubliceerd">&lt;10</abbr>');
    expect(h).toContain('title="niet gepubliceerd: minder dan 10 in de risicogroep">x</abbr>');
    expect(h).toContain('title="niet gepubliceerd: minder dan 10 plaatsingen om het percentage over te berekenen">x</abbr>');
    expect(h).toContain('1 tot 10 plaatsingen: het precieze aantal publiceren we niet');
    expect(h).toContain('CBS, cohortonderzoek uitstroom uit de bijstand (cohort 2021), 2021');
    expect(h).toContain('Divosa, herinstroom in de bijstand');
    expect(h).toMatch(/2026 1e kwartaal<span class="werkcoop-verborgen"> \([^)]*\)<\/span> — niet getekend: minder dan 10 plaatsingen/);
    expect(h).toMatch(/2025 3e kwartaal<span class="werkcoop-verborgen"> \([^)]*\)<\/span> — geen plaatsingen/);
    expect(h).not.toContain('<path d ');
    expect(h).toContain('Gestarte plaatsingen per cohort en soort werkplek');
    expect(h).not.toMatch(/<script|style=/i);
  });

  it('is a GET form whose controls show the choice made', async () => {
    const h = await html(`${PAD}?van=2025-K2&tot=2025-K3&per=doelgroep&doelgroep=participatiewet`);
    expect(h).toContain(`<form method="get" action="${PAD}"`);
    expect(h).toContain('<option value="2025-K2" selected>2025 2e kwartaal</option>');
    expect(h).toContain('<option value="doelgroep" selected>Doelgroep</option>');
    expect(h).toContain('<option value="participatiewet" selected>Participatiewet (bijstand)</option>');
    expect(h).toContain('Kerncijfers per doelgroep');
  });
});

describe('in Chromium, served with the pages’ headers', () => {
  let browser: Browser;
  let page: Page;
  let css: Buffer;
  let stijl: string;

  beforeAll(async () => {
    const gebouwd = bouwStatischeBestanden(mkdtempSync(join(tmpdir(), 'werkcoop-statisch-')));
    stijl = gebouwd.stijl;
    css = readFileSync(join(gebouwd.dir, gebouwd.bestanden[0]!));
    browser = await startBrowser();
    page = await nieuwTabblad(browser);
    const schendingen: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) schendingen.push(m.text());
    });
    (page as Page & { schendingen?: string[] }).schendingen = schendingen;
    await page.route(`${HOST}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === stijl) return route.fulfill({ status: 200, contentType: 'text/css', body: css });
      if (url.pathname === PAD) return route.fulfill({ status: 200, headers: { ...PAGINA_HEADERS }, body: await html(`${url.pathname}${url.search}`, stijl) });
      return route.fulfill({ status: 404, body: '' });
    });
  }, 60_000);
  afterAll(() => browser?.close());

  it('draws the curves as an image with a title and a description, and changes the selection by its form', async () => {
    await page.goto(`${HOST}${PAD}?van=2025-K1&tot=2026-K1`);
    const grafiek = page.getByRole('img', { name: /Nog in werk, naar maanden sinds de start, per cohort/ });
    await expect.poll(() => grafiek.count()).toBe(1);
    expect(await page.locator('svg[role="img"] desc').first().textContent()).toContain('2025 1e kwartaal: na 6 maanden nog in werk');
    expect(await page.getByRole('table', { name: 'De cijfers van deze grafiek' }).count()).toBe(1);
    expect((page as Page & { schendingen?: string[] }).schendingen).toEqual([]);
    await bekijk(page, 'uitkomsten-voorbeeld');

    await page.getByLabel('Uitsplitsen naar').selectOption('doelgroep');
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    await page.waitForURL(/per=doelgroep/);
    expect(await page.getByRole('table', { name: 'Kerncijfers per doelgroep' }).count()).toBe(1);
    await geenToegankelijkheidsfouten(page);
  }, 60_000);
});
