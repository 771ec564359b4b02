import { GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { vandaagInNederland } from '../../shared/domain/kalender';
import { linkHash, nieuwLinkToken } from '../../shared/domain/nazorglinks';
import { plusDagen } from '../../shared/domain/nazorg';
import type { Escalatie, Nazorgmoment } from '../../shared/schemas/nazorg';
import { dynamo } from '../../shared/store/dynamodb';
import { sleutels } from '../../shared/store/sleutels';
import { bekijk, geenToegankelijkheidsfouten, nieuwTabblad, startBrowser } from '../support/browser';
import { apiClient, ok } from '../support/http';
import { linksInMails, maakPortaalWereld, type PortaalWereld } from '../support/portaal-wereld';
import { startTestRuntime } from '../support/runtime';

/**
 * Answering a follow-up by the link in its mail, in a real Chromium against the local runtime on DynamoDB
 * Local: the sweep mails the invitations, the person opens the link, makes a mistake, corrects it, checks and
 * sends; the answer raises the escalation exactly as an API answer does. Also without JavaScript, by
 * keyboard only, and every state of a link that can no longer be used.
 */
let rt: LocalRuntime;
let browser: Browser;
let w: PortaalWereld;
const { call } = apiClient(() => rt);
const vandaag = () => vandaagInNederland(new Date());

beforeAll(async () => {
  [rt, browser] = await Promise.all([startTestRuntime({ scheduler: { automatic: false } }), startBrowser()]);
  // Started a month ago: the moments after one and four weeks are due, and today's sweep sends both.
  w = await maakPortaalWereld(rt, { startdatum: plusDagen(vandaag(), -30) });
  await rt.jobs.runNow('nazorg-sweep', {});
  await rt.settle({ timeoutMs: 30_000 });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await rt?.stop();
});

const url = (pad: string) => `${rt.baseUrl}${pad}`;
const momenten = async (): Promise<Nazorgmoment[]> => ok(await call('GET', `/v1/plaatsingen/${w.plaatsing.id}/nazorgmomenten`, { headers: w.admin })).nazorgmomenten;
const openEscalaties = async (): Promise<Escalatie[]> =>
  ok(await call('GET', '/v1/escalaties?status=open&pageSize=100', { headers: w.admin })).escalaties.filter((e: Escalatie) => e.plaatsingId === w.plaatsing.id);

/** Fill the form the way a person does, by label. */
const vulIn = async (page: Page, a: { inDienst: 'Ja' | 'Nee'; uren: string; verzuim: string; hoe: string; steun: 'Ja' | 'Nee'; risicos?: string[]; notitie?: string }) => {
  await page.getByRole('group', { name: 'Is de medewerker nog bij u in dienst?' }).getByLabel(a.inDienst, { exact: true }).check();
  await page.getByLabel('Hoeveel uur per week werkt de medewerker gemiddeld?', { exact: true }).fill(a.uren);
  await page.getByLabel('Hoeveel dagen was de medewerker afwezig sinds het vorige nazorgmoment?', { exact: true }).fill(a.verzuim);
  await page.getByLabel(a.hoe, { exact: true }).check();
  await page.getByRole('group', { name: 'Is er extra ondersteuning nodig?' }).getByLabel(a.steun, { exact: true }).check();
  for (const r of a.risicos ?? []) await page.getByLabel(r).check();
  if (a.notitie !== undefined) await page.getByRole('textbox', { name: /^Wilt u nog iets toelichten/ }).fill(a.notitie);
};

describe('a follow-up answered by its link', () => {
  it('the sweep mails every recipient a link of its own; the table keeps only the hashes', async () => {
    const lid = linksInMails(rt, w.lid.email);
    const partner = linksInMails(rt, w.partner.email);
    expect(lid).toHaveLength(2);
    expect(partner).toHaveLength(2);
    expect(new Set([...lid, ...partner]).size).toBe(4);
    // Once the mails are out, no item holds a usable token: the links' items are keyed by its hash and the
    // sent notifications keep their text without the link.
    const tokens = [...lid, ...partner].map((l) => l.split('/').at(-1)!);
    const items = JSON.stringify((await rt.dynamodb.client.send(new ScanCommand({ TableName: rt.table.tableName }))).Items);
    for (const t of tokens) {
      expect(items).not.toContain(t);
      expect(items).toContain(linkHash(t));
    }
    expect(items).toContain('[persoonlijke link, niet bewaard]');
  });

  it('opening the link uses nothing up; an error is shown at the top and at the field; the checked answer raises the escalation', async () => {
    const pad = linksInMails(rt, w.lid.email)[0]!;
    const page = await nieuwTabblad(browser);
    // A mail scanner opens the link first: the person can still use it.
    expect((await fetch(url(pad))).status).toBe(200);
    const r = await page.goto(url(pad));
    expect(r!.status()).toBe(200);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hoe gaat het met de plaatsing?');
    expect(await page.textContent('main')).toContain(w.werkplekTitel);
    expect(await page.textContent('main')).not.toContain('Jan de Boer');
    await bekijk(page, 'nazorglink-formulier');

    // Hours left empty and a note with a BSN in it: both errors at once, nothing written.
    await vulIn(page, { inDienst: 'Ja', uren: '', verzuim: '12', hoe: '1 — slecht', steun: 'Ja', risicos: ['Werkdruk'], notitie: 'Zijn BSN is 111222333' });
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.textContent()).toContain('Er is een probleem');
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Vul het aantal uren per week in als heel getal van 0 tot en met 60',
      'Maak de toelichting korter (hoogstens 2000 tekens) en schrijf er geen BSN in',
    ]);
    expect(await page.title()).toMatch(/^Fout: /);
    await bekijk(page, 'nazorglink-fout');
    // The summary's link lands on the field.
    await summary.getByRole('link', { name: /uur per week/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('gewerkteUrenPerWeek');
    expect((await momenten()).find((m) => m.status === 'beantwoord')).toBeUndefined();

    await page.getByLabel('Hoeveel uur per week werkt de medewerker gemiddeld?', { exact: true }).fill('24');
    await page.getByRole('textbox', { name: /^Wilt u nog iets toelichten/ }).fill('Het werk is zwaar in de drukke weken.');
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Controleer uw antwoorden');
    expect(await page.textContent('main')).toContain('24 uur');
    await bekijk(page, 'nazorglink-controle');

    await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
    await page.waitForURL(/\/bevestiging$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dank u wel');
    expect(await page.textContent('main')).toContain('Wat gebeurt er nu?');
    await bekijk(page, 'nazorglink-bevestiging');

    // The same use case as the API's answer: the moment is answered, by the member, and the high signal escalated.
    const beantwoord = (await momenten()).filter((m) => m.status === 'beantwoord');
    expect(beantwoord).toHaveLength(1);
    expect(beantwoord[0]!.antwoorden[0]).toMatchObject({ gewerkteUrenPerWeek: 24, verzuimdagenInPeriode: 12, hoeGaatHet: 1, door: { rol: 'werkgever', subject: expect.stringMatching(/^nazorglink:[0-9a-f]{16}$/) } });
    expect(await openEscalaties()).toHaveLength(1);

    // Back to the link: it says when it was answered; a replayed post changes nothing.
    await page.goto(url(pad));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dit nazorgmoment is al beantwoord');
    await bekijk(page, 'nazorglink-al-beantwoord');
    const replay = await fetch(url(`${pad}/versturen`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'nogInDienst=ja&gewerkteUrenPerWeek=30&verzuimdagenInPeriode=0&hoeGaatHet=5&ondersteuningNodig=nee',
      redirect: 'manual',
    });
    expect(replay.status).toBe(409);
    expect((await momenten()).filter((m) => m.status === 'beantwoord')).toHaveLength(1);
    expect(await openEscalaties()).toHaveLength(1);
    // The jobcoach's link for the same moment: answered by the other recipient.
    const jobcoach = await nieuwTabblad(browser);
    const gelijk = linksInMails(rt, w.partner.email).find((l) => l !== undefined)!;
    await jobcoach.goto(url(gelijk));
    const titels = [await jobcoach.getByRole('heading', { level: 1 }).textContent()];
    // The mails do not say which of the two links is for which moment; the other one is still open.
    await jobcoach.goto(url(linksInMails(rt, w.partner.email)[1]!));
    titels.push(await jobcoach.getByRole('heading', { level: 1 }).textContent());
    expect(titels.sort()).toEqual(['Dit nazorgmoment is al beantwoord', 'Hoe gaat het met de plaatsing?']);
    await page.context().close();
    await jobcoach.context().close();
  });

  it('works without JavaScript and by keyboard alone', async () => {
    const pad = linksInMails(rt, w.lid.email)[1]!;
    const page = await nieuwTabblad(browser, { javaScriptEnabled: false });
    await page.goto(url(pad));
    // Skip link first, then the fields in order; space selects, the form submits on Enter.
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Naar de inhoud');
    await page.getByRole('group', { name: 'Is de medewerker nog bij u in dienst?' }).getByLabel('Ja', { exact: true }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab'); // to the next group (werkzaamElders, optional)
    await page.keyboard.press('Tab'); // to the hours
    await page.keyboard.type('32');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // the radio group: 1 → 2 …
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // 5 — heel goed
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // Nee: no support needed
    await page.getByRole('button', { name: 'Verder naar controleren' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/controle$/);
    expect(await page.locator('.werkcoop-foutsamenvatting').count(), await page.locator('main').innerText()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Controleer uw antwoorden');
    expect(await page.textContent('main')).toContain('5 — heel goed');
    await page.getByRole('button', { name: 'Antwoorden versturen' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/bevestiging$/);
    const m = (await momenten()).filter((x) => x.status === 'beantwoord');
    expect(m).toHaveLength(2);
    expect(m.map((x) => x.antwoorden[0]!.hoeGaatHet).sort()).toEqual([1, 5]);
    // A good answer raises nothing new.
    expect(await openEscalaties()).toHaveLength(1);
    await page.context().close();
  });
});

describe('links that cannot be used', () => {
  const kop = async (pad: string) => {
    const page = await nieuwTabblad(browser);
    const r = await page.goto(url(pad));
    return { page, status: r!.status(), titel: await page.getByRole('heading', { level: 1 }).textContent() };
  };

  it('a link acts for its one recipient and its one moment: one naming another placement, or a member that is not the placement\'s, opens nothing', async () => {
    const [pad] = linksInMails(rt, w.lid.email);
    const echt = (await dynamo().send(new GetCommand({ TableName: rt.table.tableName, Key: sleutels.nazorglink(linkHash(pad!.split('/').at(-1)!)) }))).Item!;
    // Links as a forged or corrupted item would name them: the moment of this placement, with another placement or another member.
    const vervalst = async (wijziging: Record<string, unknown>) => {
      const token = nieuwLinkToken();
      await dynamo().send(new PutCommand({ TableName: rt.table.tableName, Item: { ...echt, ...sleutels.nazorglink(linkHash(token)), sleutelHash: linkHash(token), ...wijziging } }));
      return fetch(url(`/portaal/nazorg/${token}`));
    };
    expect((await vervalst({ plaatsingId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).status).toBe(404);
    expect((await vervalst({ ontvanger: { rol: 'werkgever', lidId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' } })).status).toBe(404);
    expect((await vervalst({ ontvanger: { rol: 'regiopartner', partnerId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' } })).status).toBe(404);
    // The real link still opens.
    expect((await vervalst({})).status).toBe(200);
  });

  it('an unknown and a malformed token get the same page, and guessing is slowed down per address', async () => {
    const onbekend = await kop(`/portaal/nazorg/${'A'.repeat(43)}`);
    expect([onbekend.status, onbekend.titel]).toEqual([404, 'Deze link kennen wij niet']);
    await bekijk(onbekend.page, 'nazorglink-onbekend');
    const kapot = await kop('/portaal/nazorg/kort');
    expect([kapot.status, kapot.titel]).toEqual([404, 'Deze link kennen wij niet']);
    await onbekend.page.context().close();
    await kapot.page.context().close();
    const statussen: number[] = [];
    for (let i = 0; i < 30; i++) statussen.push((await fetch(url(`/portaal/nazorg/${String(i).padStart(43, 'x')}`))).status);
    expect(statussen.at(-1)).toBe(429);
    expect(statussen.filter((s) => s === 404).length).toBeLessThanOrEqual(28);
  });

  it('an expired link says until when it worked, and mails a fresh one to the registered address only, once per wait', async () => {
    // A placement of its own, its links mailed by today's sweep; the employer's first link then expires.
    const tweede = await maakPortaalWereld(rt, { startdatum: plusDagen(vandaag(), -10) });
    await rt.jobs.runNow('nazorg-sweep', {});
    await rt.settle({ timeoutMs: 30_000 });
    const [pad] = linksInMails(rt, tweede.lid.email);
    const token = pad!.split('/').at(-1)!;
    await dynamo().send(
      new UpdateCommand({ TableName: rt.table.tableName, Key: sleutels.nazorglink(linkHash(token)), UpdateExpression: 'SET geldigTot = :d', ExpressionAttributeValues: { ':d': plusDagen(vandaag(), -1) } }),
    );
    const p = await kop(pad!);
    expect([p.status, p.titel]).toEqual([200, 'Deze link is verlopen']);
    await bekijk(p.page, 'nazorglink-verlopen');
    // Posting the answer through the expired link is refused by the answer's own transaction.
    const direct = await fetch(url(`${pad}/versturen`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'nogInDienst=ja&gewerkteUrenPerWeek=30&verzuimdagenInPeriode=0&hoeGaatHet=5&ondersteuningNodig=nee',
      redirect: 'manual',
    });
    expect(direct.status).toBe(409);

    const voor = rt.mail.list().length;
    await p.page.getByRole('button', { name: 'Mail mij een nieuwe link' }).click();
    expect(await p.page.getByRole('heading', { level: 1 }).textContent()).toBe('We hebben u een nieuwe link gemaild');
    await bekijk(p.page, 'nazorglink-nieuwe-link');
    await rt.settle({ timeoutMs: 30_000 });
    expect(rt.mail.list().length).toBe(voor + 1);
    const nieuw = linksInMails(rt, tweede.lid.email).filter((l) => l !== pad).at(-1)!;
    expect(JSON.stringify(rt.mail.list()[0]!.mail)).toContain(tweede.lid.email);
    expect((await kop(nieuw)).titel).toBe('Hoe gaat het met de plaatsing?');
    // Asked again at once: no second mail.
    const weer = await fetch(url(`${pad}/nieuwe-link`), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(weer.status).toBe(429);
    await rt.settle({ timeoutMs: 30_000 });
    expect(rt.mail.list().length).toBe(voor + 1);
    await p.page.context().close();
  });

  it('every page carries the headers that keep a link private', async () => {
    const pad = linksInMails(rt, w.lid.email)[0]!;
    for (const pagina of [pad, `/portaal/nazorg/${'B'.repeat(43)}`]) {
      const r = await fetch(url(pagina));
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('x-robots-tag')).toBe('noindex, nofollow');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(r.headers.get('content-security-policy')).not.toContain('script-src');
      const html = await r.text();
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain('<meta name="robots" content="noindex, nofollow"');
    }
    const css = (await (await fetch(url(pad))).text()).match(/href="(\/portaal\/statisch\/werkcoop\.[0-9a-f]{16}\.css)"/)![1]!;
    const s = await fetch(url(css));
    expect([s.status, s.headers.get('cache-control'), s.headers.get('content-type')]).toEqual([200, 'public, max-age=31536000, immutable', 'text/css; charset=utf-8']);
    // fetch asks for gzip and unpacks it: the sheet travels compressed, and unpacks to the theme.
    expect(s.headers.get('content-encoding')).toBe('gzip');
    expect(await s.text()).toContain('.werkcoop-theme');
    expect((await fetch(url('/portaal/statisch/werkcoop.0000000000000000.css'))).status).toBe(404);
  });

  it('bad form input never answers 5xx and writes nothing', async () => {
    const pad = linksInMails(rt, w.lid.email)[0]!;
    const post = (body: string, type = 'application/x-www-form-urlencoded') =>
      fetch(url(`${pad}/controle`), { method: 'POST', headers: { 'content-type': type }, body, redirect: 'manual' });
    expect((await post('onbekendVeld=1')).status).toBe(400);
    expect((await post('{"nogInDienst":true}', 'application/json')).status).toBe(415);
    expect((await post(`notitie=${'x'.repeat(17_000)}`)).status).toBe(413);
    expect((await post('gewerkteUrenPerWeek=veel&hoeGaatHet=9&nogInDienst=misschien')).status).toBeLessThan(500);
  });
});
