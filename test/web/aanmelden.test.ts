import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { LIMIETEN } from '../../shared/domain/aanvraaglimiet';
import { AANMELDING_ONTVANGEN } from '../../shared/domain/regiopartners';
import type { Lid } from '../../shared/schemas/leden';
import type { RegiopartnerAanmelding } from '../../shared/schemas/regiopartners';
import { PAGINA_CSP } from '../../shared/web/pagina-handler';
import { bekijk, nieuwTabblad, startBrowser } from '../support/browser';
import { apiClient, nieuwAdres, ok, vanAdresRuw, type Kop } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';

/**
 * Applying through the portal, in a real Chromium against the local runtime on DynamoDB Local: an employer's
 * membership application and an organisation's partner sign-up, each with every error at once, corrected,
 * checked and sent; the partner's confirmation from the link in the real mail; the per-address limit the
 * API's endpoints share; and form input no person's browser would send.
 */
let rt: LocalRuntime;
let browser: Browser;
let admin: Kop;
const { call } = apiClient(() => rt);

beforeAll(async () => {
  [rt, browser] = await Promise.all([startTestRuntime({ scheduler: { automatic: false } }), startBrowser()]);
  admin = await authorization(rt, 'coopAdmin');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await rt?.stop();
});

const url = (pad: string) => `${rt.baseUrl}${pad}`;
/** A test with screenshots at two widths and axe on each page takes its time on a shared machine. */
const BROWSER_TIJD = 120_000;
let kvk = 20_000_000 + Math.floor(Math.random() * 70_000_000);
const nieuwKvk = () => String(kvk++);

const alle = async <T>(pad: string, veld: string): Promise<T[]> => {
  const uit: T[] = [];
  for (let p: string | null = pad; p; ) {
    const r = ok(await call('GET', p, { headers: admin }));
    uit.push(...r[veld]);
    p = r.volgendePagina;
  }
  return uit;
};
const ledenMet = async (kvkNummer: string) => (await alle<Lid>('/v1/leden?pageSize=100', 'leden')).filter((l) => l.kvkNummer === kvkNummer);
const aanmeldingenMet = async (kvkNummer: string) =>
  (await alle<RegiopartnerAanmelding>('/v1/regiopartner-aanmeldingen?pageSize=100', 'aanmeldingen')).filter((a) => a.kvkNummer === kvkNummer);

const kop1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const samenvatting = (page: Page) => page.getByRole('alert').getByRole('link').allTextContents();
const form = (velden: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(velden)) for (const w of [v].flat()) p.append(k, w);
  return p.toString();
};
const postPagina = (pad: string, body: string, type = 'application/x-www-form-urlencoded', adres = nieuwAdres()) =>
  vanAdresRuw(rt, adres, 'POST', pad, { 'content-type': type }, body);

const lidVelden = (kvkNummer: string) => ({
  naam: 'Bakkerij De Verwachting',
  kvkNummer,
  sectoren: 'voedingsmiddelen',
  werksoorten: '',
  reguliereBanen: '2',
  participatieplaatsen: '3',
  beschutWerkplekken: '0',
  banenafspraakBanen: '1',
  contactNaam: 'Fatima el Amrani',
  contactEmail: 'hr@deverwachting.nl',
  contactTelefoon: '',
});
const partnerVelden = (kvkNummer: string) => ({
  naam: 'Jobcoach Amstel',
  kvkNummer,
  soort: 'jobcoachOrganisatie',
  arbeidsmarktregios: ['Groot Amsterdam'],
  contactNaam: 'Lotte Visser',
  contactEmail: `lotte-${kvkNummer}@jobcoachamstel.nl`,
  contactTelefoon: '',
});

const vulLidIn = async (page: Page, kvkNummer: string) => {
  await page.getByLabel('Naam van de organisatie', { exact: true }).fill('Bakkerij De Verwachting');
  await page.getByLabel('KvK-nummer', { exact: true }).fill(`${kvkNummer.slice(0, 4)} ${kvkNummer.slice(4)}`);
  await page.getByRole('textbox', { name: /^In welke sectoren/ }).fill('voedingsmiddelen, horeca');
  await page.getByRole('textbox', { name: /^Welk soort werk/ }).fill('productie\nlogistiek\n');
  await page.getByLabel('Reguliere banen', { exact: true }).fill('2');
  await page.getByLabel('Participatieplaatsen', { exact: true }).fill('3');
  await page.getByLabel('Plaatsen voor beschut werk', { exact: true }).fill('0');
  await page.getByLabel('Banen uit de banenafspraak', { exact: true }).fill('1');
  await page.getByLabel('Naam van de contactpersoon', { exact: true }).fill('Fatima el Amrani');
  await page.getByLabel('E-mailadres van de contactpersoon', { exact: true }).fill('hr@deverwachting.nl');
};

/** The whole form filled in, checked and sent; the status the send answered (before any redirect). */
const lidVersturen = async (page: Page, kvkNummer: string): Promise<number> => {
  await page.goto(url('/portaal/lid-worden'));
  await vulLidIn(page, kvkNummer);
  await page.getByRole('button', { name: 'Verder naar controleren' }).click();
  await expect.poll(() => kop1(page)).toBe('Controleer uw aanvraag');
  const antwoord = page.waitForResponse((x) => x.url().endsWith('/versturen'));
  await page.getByRole('button', { name: 'Versturen' }).click();
  return (await antwoord).status();
};

describe('lid worden', () => {
  it('shows every error at once, in the form’s order, each linked to its field; corrected, checked and sent, the application is the API’s', async () => {
    const k = nieuwKvk();
    const page = await nieuwTabblad(browser);
    const r = await page.goto(url('/portaal/lid-worden'));
    expect(r!.status()).toBe(200);
    expect(await kop1(page)).toBe('Lid worden van de coöperatie');
    expect(await page.getByRole('textbox', { name: /^Welk soort werk kunt u bieden\? \(niet verplicht\)$/ }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: /^Telefoonnummer van de contactpersoon \(niet verplicht\)$/ }).count()).toBe(1);
    await bekijk(page, 'lid-worden-formulier');

    // A KvK number too short, no sectors, pledges missing or not a number, no contact, a wrong address: all at once.
    await page.getByLabel('KvK-nummer', { exact: true }).fill('1234');
    await page.getByLabel('Participatieplaatsen', { exact: true }).fill('veel');
    await page.getByLabel('E-mailadres van de contactpersoon', { exact: true }).fill('geen-mail');
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Er is een probleem');
    expect(await samenvatting(page)).toEqual([
      'Vul de naam van de organisatie in (hoogstens 200 tekens)',
      'Vul het KvK-nummer in: 8 cijfers, zoals 69599084',
      'Vul minstens één sector in; hoogstens 20, elk hoogstens 100 tekens',
      'Vul het aantal reguliere banen in als heel getal van 0 tot en met 10000',
      'Vul het aantal participatieplaatsen in als heel getal van 0 tot en met 10000',
      'Vul het aantal plaatsen voor beschut werk in als heel getal van 0 tot en met 10000',
      'Vul het aantal banen uit de banenafspraak in als heel getal van 0 tot en met 10000',
      'Vul de naam van de contactpersoon in (hoogstens 200 tekens)',
      'Vul een e-mailadres in zoals naam@voorbeeld.nl',
    ]);
    expect(await page.title()).toMatch(/^Fout: /);
    // What was typed stays, and each field says its own error.
    expect(await page.getByLabel('Participatieplaatsen', { exact: true }).inputValue()).toBe('veel');
    expect(await page.locator('#kvkNummer-fout').textContent()).toContain('8 cijfers');
    await bekijk(page, 'lid-worden-fout');
    await page.getByRole('alert').getByRole('link', { name: /KvK-nummer/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kvkNummer');
    expect(await ledenMet(k)).toEqual([]);

    await vulLidIn(page, k);
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    await expect.poll(() => kop1(page)).toBe('Controleer uw aanvraag');
    const controle = await page.textContent('main');
    expect(controle).toContain(k);
    expect(controle).toContain('voedingsmiddelen, horeca');
    expect(controle).toContain('productie, logistiek');
    await bekijk(page, 'lid-worden-controle');
    // Back to the form as it was, and on again.
    await page.getByRole('button', { name: 'Antwoorden wijzigen' }).click();
    await expect.poll(() => kop1(page)).toBe('Lid worden van de coöperatie');
    expect(await page.getByLabel('Naam van de contactpersoon', { exact: true }).inputValue()).toBe('Fatima el Amrani');
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    await expect.poll(() => kop1(page)).toBe('Controleer uw aanvraag');
    expect(await ledenMet(k)).toEqual([]);

    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.waitForURL(/\/portaal\/lid-worden\/ontvangen$/);
    expect(await kop1(page)).toBe('Dank u wel');
    expect(await page.textContent('main')).toContain('Wat gebeurt er nu?');
    await bekijk(page, 'lid-worden-ontvangen');

    const [lid, ...meer] = await ledenMet(k);
    expect(meer).toEqual([]);
    expect(lid).toMatchObject({
      naam: 'Bakkerij De Verwachting',
      status: 'aangevraagd',
      sectoren: ['voedingsmiddelen', 'horeca'],
      werksoorten: ['productie', 'logistiek'],
      toezeggingen: { reguliereBanen: 2, participatieplaatsen: 3, beschutWerkplekken: 0, banenafspraakBanen: 1 },
      contactpersoon: { naam: 'Fatima el Amrani', email: 'hr@deverwachting.nl' },
    });

    // The same KvK number again: the API's 409, said at the field, nothing written.
    expect(await lidVersturen(page, k)).toBe(409);
    expect(await samenvatting(page)).toEqual([expect.stringContaining('Voor dit KvK-nummer loopt al een aanvraag')]);
    await bekijk(page, 'lid-worden-al-aangevraagd');
    expect(await ledenMet(k)).toHaveLength(1);
    await page.context().close();
  }, BROWSER_TIJD);

  it('works without JavaScript and by keyboard alone', async () => {
    const k = nieuwKvk();
    const page = await nieuwTabblad(browser, { javaScriptEnabled: false });
    await page.goto(url('/portaal/lid-worden'));
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    // From the content, the fields in the form's order.
    const typ = async (tekst: string) => {
      await page.keyboard.press('Tab');
      if (tekst) await page.keyboard.type(tekst);
    };
    await typ('Schoonmaak Noord');
    await typ(k);
    await typ('schoonmaak');
    await typ(''); // soorten werk: niet verplicht
    for (const n of ['1', '4', '0', '2']) await typ(n);
    await typ('Sanne de Vries');
    await typ('sanne@schoonmaaknoord.nl');
    await typ('020 123 45 67');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contactTelefoon');
    await page.keyboard.press('Enter');
    // The post's answer is a new document at the check step's address (waiting for "load" would see the old one).
    await page.waitForURL(/\/controle$/);
    expect(await kop1(page), await page.locator('main').innerText()).toBe('Controleer uw aanvraag');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Versturen');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ontvangen$/);
    expect(await ledenMet(k)).toEqual([
      expect.objectContaining({ naam: 'Schoonmaak Noord', werksoorten: [], contactpersoon: { naam: 'Sanne de Vries', email: 'sanne@schoonmaaknoord.nl', telefoonnummer: '020 123 45 67' } }),
    ]);
    await page.context().close();
  }, BROWSER_TIJD);
});

const bevestigingslinks = (email: string): string[] =>
  rt.mail
    .list()
    .filter((m) => JSON.stringify(m.mail).includes(email))
    .flatMap((m) => [...JSON.stringify(m.mail).matchAll(/\/portaal\/regiopartner-aanmelding\/[A-Za-z0-9_-]{43}/g)].map((x) => x[0]));

describe('regiopartner worden', () => {
  it('every error at once, corrected, checked and sent; the answer is the API’s, whoever applied before', async () => {
    const k = nieuwKvk();
    const page = await nieuwTabblad(browser);
    await page.goto(url('/portaal/regiopartner-worden'));
    expect(await kop1(page)).toBe('Aanmelden als regiopartner');
    await bekijk(page, 'regiopartner-formulier');
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    expect(await samenvatting(page)).toEqual([
      'Vul de naam van de organisatie in (hoogstens 200 tekens)',
      'Vul het KvK-nummer in: 8 cijfers, zoals 69599084',
      'Kies wat voor organisatie het is',
      'Kies minstens één arbeidsmarktregio',
      'Vul de naam van de contactpersoon in (hoogstens 200 tekens)',
      'Vul een e-mailadres in zoals naam@voorbeeld.nl',
    ]);
    await bekijk(page, 'regiopartner-fout');

    const email = `lotte-${k}@jobcoachamstel.nl`;
    await page.getByLabel('Naam van de organisatie', { exact: true }).fill('Jobcoach Amstel');
    await page.getByLabel('KvK-nummer', { exact: true }).fill(k);
    await page.getByLabel('Jobcoachorganisatie', { exact: true }).check();
    await page.getByLabel('Groot Amsterdam', { exact: true }).check();
    await page.getByLabel('Zaanstreek/Waterland', { exact: true }).check();
    await page.getByLabel('Naam van de contactpersoon', { exact: true }).fill('Lotte Visser');
    await page.getByLabel('E-mailadres van de contactpersoon', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    expect(await kop1(page)).toBe('Controleer uw aanmelding');
    expect(await page.textContent('main')).toContain('Groot Amsterdam, Zaanstreek/Waterland');
    await bekijk(page, 'regiopartner-controle');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.waitForURL(/\/portaal\/regiopartner-worden\/ontvangen$/);
    expect(await page.textContent('main')).toContain(AANMELDING_ONTVANGEN);
    await bekijk(page, 'regiopartner-ontvangen');
    expect(await aanmeldingenMet(k)).toEqual([
      expect.objectContaining({ naam: 'Jobcoach Amstel', soort: 'jobcoachOrganisatie', arbeidsmarktregios: ['Groot Amsterdam', 'Zaanstreek/Waterland'], status: 'aangemeld' }),
    ]);

    // Applying again for the same KvK number, and for a new one, answers alike: nobody learns who applied before.
    const opnieuw = await postPagina('/portaal/regiopartner-worden/versturen', form(partnerVelden(k)));
    const nieuw = await postPagina('/portaal/regiopartner-worden/versturen', form(partnerVelden(nieuwKvk())));
    expect([opnieuw.status, opnieuw.headers.get('location')]).toEqual([303, '/portaal/regiopartner-worden/ontvangen']);
    expect([nieuw.status, nieuw.headers.get('location')]).toEqual([303, '/portaal/regiopartner-worden/ontvangen']);
    expect(await aanmeldingenMet(k)).toHaveLength(1);
    await page.context().close();
  }, BROWSER_TIJD);

  it('the link in the real mail: opening it confirms nothing, the button does, once; a used, unknown or malformed link gets a clear page', async () => {
    const k = nieuwKvk();
    const velden = partnerVelden(k);
    expect((await postPagina('/portaal/regiopartner-worden/versturen', form(velden))).status).toBe(303);
    await rt.settle({ timeoutMs: 30_000 });
    const [pad, ...meer] = bevestigingslinks(velden.contactEmail);
    expect(meer).toEqual([]);
    expect(pad).toBeDefined();
    // Once sent, the mail's stored text has lost the link: no item holds a usable token.
    const items = JSON.stringify((await rt.dynamodb.client.send(new ScanCommand({ TableName: rt.table.tableName }))).Items);
    expect(items).not.toContain(pad!.split('/').at(-1)!);
    expect(items).toContain('/portaal/regiopartner-aanmelding/[persoonlijke link, niet bewaard]');

    // A mail scanner opens the link: a page with a button, and the application is still unconfirmed.
    const scanner = await fetch(url(pad!));
    expect(scanner.status).toBe(200);
    expect(await scanner.text()).toContain('E-mailadres bevestigen');
    const page = await nieuwTabblad(browser);
    await page.goto(url(pad!));
    expect(await kop1(page)).toBe('Bevestig uw e-mailadres');
    await bekijk(page, 'regiopartner-bevestigen');
    expect((await aanmeldingenMet(k))[0]!.status).toBe('aangemeld');

    await page.getByRole('button', { name: 'E-mailadres bevestigen' }).click();
    await page.waitForURL(/\/portaal\/regiopartner-worden\/bevestigd$/);
    expect(await kop1(page)).toBe('Dank u wel');
    expect(await page.textContent('main')).toContain('Uw e-mailadres is bevestigd');
    await bekijk(page, 'regiopartner-bevestigd');
    expect((await aanmeldingenMet(k))[0]).toMatchObject({ status: 'bevestigd', versie: 2 });

    // The button once more: the link is used; a clear page, not an error of ours, and nothing changes.
    await page.goto(url(pad!));
    const tweede = page.waitForResponse((x) => x.request().method() === 'POST');
    await page.getByRole('button', { name: 'E-mailadres bevestigen' }).click();
    expect((await tweede).status()).toBe(422);
    expect(await kop1(page)).toBe('Deze bevestigingslink werkt niet');
    await bekijk(page, 'regiopartner-link-werkt-niet');
    expect((await aanmeldingenMet(k))[0]).toMatchObject({ status: 'bevestigd', versie: 2 });

    // An unknown token gets the same page as a used one; a malformed one is unknown without a read.
    const onbekend = await postPagina(`/portaal/regiopartner-aanmelding/${'A'.repeat(43)}`, '');
    expect(onbekend.status).toBe(422);
    expect(onbekend.tekst).toContain('Deze bevestigingslink werkt niet');
    const kapot = await page.goto(url('/portaal/regiopartner-aanmelding/kort'));
    expect([kapot!.status(), await kop1(page)]).toEqual([404, 'Deze bevestigingslink werkt niet']);
    await page.context().close();
  }, BROWSER_TIJD);
});

describe('the pages as a whole', () => {
  it('every page carries the pages’ headers and no script', async () => {
    for (const pad of ['/portaal/lid-worden', '/portaal/lid-worden/ontvangen', '/portaal/regiopartner-worden', '/portaal/regiopartner-worden/ontvangen', '/portaal/regiopartner-worden/bevestigd', `/portaal/regiopartner-aanmelding/${'C'.repeat(43)}`]) {
      const r = await fetch(url(pad));
      expect([pad, r.status]).toEqual([pad, 200]);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('content-security-policy')).toBe(PAGINA_CSP);
      expect(await r.text()).not.toMatch(/<script/i);
    }
  });

  it('bad form input never answers 5xx and writes nothing', async () => {
    const voor = { leden: (await alle<Lid>('/v1/leden?pageSize=100', 'leden')).length, aanmeldingen: (await alle('/v1/regiopartner-aanmeldingen?pageSize=100', 'aanmeldingen')).length };
    const k = nieuwKvk();
    for (const [pad, velden] of [
      ['/portaal/lid-worden/controle', lidVelden(k)],
      ['/portaal/lid-worden/versturen', lidVelden(k)],
      ['/portaal/regiopartner-worden/controle', partnerVelden(k)],
      ['/portaal/regiopartner-worden/versturen', partnerVelden(k)],
    ] as const) {
      // A field the form does not have (here: the other form's), as the API refuses unknown fields.
      const onbekend = await postPagina(pad, form({ ...velden, [pad.includes('lid') ? 'soort' : 'sectoren']: 'x' }));
      expect([pad, onbekend.status]).toEqual([pad, 400]);
      expect(onbekend.tekst).toContain('Het formulier klopt niet');
      expect((await postPagina(pad, JSON.stringify(velden), 'application/json')).status).toBe(415);
      expect((await postPagina(pad, form({ ...velden, naam: 'x'.repeat(17_000) }))).status).toBe(413);
      // Nonsense in every field: the form again with its errors.
      const onzin = await postPagina(pad, form(Object.fromEntries(Object.keys(velden).map((n) => [n, n === 'arbeidsmarktregios' ? ['Atlantis', 'Atlantis'] : '\u0000%%%']))));
      expect([pad, onzin.status]).toEqual([pad, 400]);
      expect(onzin.tekst).toContain('Er is een probleem');
    }
    const bevestigen = `/portaal/regiopartner-aanmelding/${'D'.repeat(43)}`;
    expect((await postPagina(bevestigen, 'token=x')).status).toBe(400);
    expect((await postPagina(bevestigen, '{}', 'application/json')).status).toBe(415);
    expect((await postPagina(bevestigen, `x=${'y'.repeat(17_000)}`)).status).toBe(413);
    expect({ leden: (await alle<Lid>('/v1/leden?pageSize=100', 'leden')).length, aanmeldingen: (await alle('/v1/regiopartner-aanmeldingen?pageSize=100', 'aanmeldingen')).length }).toEqual(voor);
  });

  it('the per-address limit is the API’s own: sign-ups, confirmations, and (last, as it uses up this address) a membership application in the browser', async () => {
    // The sign-up: ten an hour from one address, then a page that says how long to wait, with Retry-After.
    const adres = nieuwAdres();
    let geweigerd: Awaited<ReturnType<typeof postPagina>> | undefined;
    for (let i = 0; i < 2 * LIMIETEN.aanmelden.aantal + 1 && !geweigerd; i++) {
      const r = await postPagina('/portaal/regiopartner-worden/versturen', form(partnerVelden(nieuwKvk())), undefined, adres);
      if (r.status === 429) geweigerd = r;
      else expect(r.status).toBe(303);
    }
    expect(geweigerd!.tekst).toContain('Te vaak geprobeerd');
    expect(Number(geweigerd!.headers.get('retry-after'))).toBeGreaterThan(0);
    // The API's endpoint counts in the same counter: this address is refused there too.
    expect((await call('POST', '/v1/regiopartner-aanmeldingen', { vanAdres: adres, body: { naam: 'X', kvkNummer: nieuwKvk(), soort: 'overig', arbeidsmarktregios: ['Twente'], contactpersoon: { naam: 'X', email: 'x@example.nl' } } })).status).toBe(429);

    // Confirming: guessed tokens are slowed down after twenty.
    const raden = nieuwAdres();
    let statussen: number[] = [];
    for (let i = 0; i < 2 * LIMIETEN.bevestigen.aantal + 1 && !statussen.includes(429); i++)
      statussen = [...statussen, (await postPagina(`/portaal/regiopartner-aanmelding/${String(i).padStart(43, 'E')}`, '', undefined, raden)).status];
    expect(statussen.at(-1)).toBe(429);
    expect(new Set(statussen.slice(0, -1))).toEqual(new Set([422]));

    // The browser's own address (loopback): the API's applications use up its budget, then the form says so.
    for (let i = 0; i < 2 * LIMIETEN.lidAanvragen.aantal + 1; i++) {
      const r = await fetch(url('/v1/leden'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ naam: 'Vol', kvkNummer: nieuwKvk(), sectoren: ['x'], werksoorten: [], contactpersoon: { naam: 'V', email: 'v@example.nl' }, toezeggingen: { reguliereBanen: 0, participatieplaatsen: 0, beschutWerkplekken: 0, banenafspraakBanen: 0 } }),
      });
      if (r.status === 429) break;
    }
    const k = nieuwKvk();
    const page = await nieuwTabblad(browser);
    expect(await lidVersturen(page, k)).toBe(429);
    expect(await kop1(page)).toBe('Te vaak geprobeerd');
    await bekijk(page, 'lid-worden-te-vaak');
    expect(await ledenMet(k)).toEqual([]);
    await page.context().close();
  }, BROWSER_TIJD);
});
