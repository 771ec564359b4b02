import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { claimsFor } from '../../functions/auth/token-claims';
import { lokaalAccountRegister } from '../../shared/auth/gebruikersaccounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { LIMIETEN, venster } from '../../shared/domain/aanvraaglimiet';
import { tokenHash } from '../../shared/domain/regiopartners';
import type { RegiopartnerAanmelding } from '../../shared/schemas/regiopartners';
import { dynamo, tabel } from '../../shared/store/dynamodb';
import { sleutels } from '../../shared/store/sleutels';
import { apiClient, expectProblem, namen, nieuwAdres, type Antwoord, type Verzoek } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';

let rt: LocalRuntime;
let admin: { authorization: string };
beforeAll(async () => {
  rt = await startTestRuntime();
  admin = await authorization(rt, 'coopAdmin');
});
afterAll(() => rt?.stop());

const { call } = apiClient(() => rt);

/** Each test calls the public endpoints from an address of its own (test/support/http.ts). */
const vanAf = (adres: string) => (method: string, path: string, opts: Verzoek = {}): Promise<Antwoord> => call(method, path, { ...opts, vanAdres: adres });

let kvkTeller = 40_000_000 + Math.floor(Math.random() * 50_000_000);
const nieuweKvk = () => String(++kvkTeller);
let mailTeller = 0;
const invoer = (over: Record<string, unknown> = {}) => ({
  naam: 'Jobcoach Amstel',
  kvkNummer: nieuweKvk(),
  soort: 'jobcoachOrganisatie',
  arbeidsmarktregios: ['Groot Amsterdam', 'Zaanstreek/Waterland'],
  contactpersoon: { naam: 'Lotte Visser', email: `lotte${++mailTeller}@jobcoachamstel.nl` },
  ...over,
});

type Mail = { id: string; aan: { naam: string; email: string }; onderwerp: string; tekst: string };
const mailsAan = async (email: string): Promise<Mail[]> => {
  await rt.settle();
  return rt.mail.list().map((m) => m.mail as Mail).filter((m) => m.aan?.email === email);
};
const tokenUit = (mail: Mail): string => {
  const m = /\/portaal\/regiopartner-aanmelding\/([A-Za-z0-9_-]{43})\b/.exec(mail.tekst);
  expect(m, mail.tekst).not.toBeNull();
  return m![1]!;
};

const alleAanmeldingen = async (): Promise<RegiopartnerAanmelding[]> => {
  const uit: RegiopartnerAanmelding[] = [];
  let pad: string | null = '/v1/regiopartner-aanmeldingen?pageSize=100';
  while (pad) {
    const r = await call('GET', pad, { headers: admin });
    expect(r.status).toBe(200);
    uit.push(...r.body.aanmeldingen);
    pad = r.body.volgendePagina;
  }
  return uit;
};
const aanmeldingenVan = async (kvkNummer: string) => (await alleAanmeldingen()).filter((a) => a.kvkNummer === kvkNummer);

/** Applies from `adres`, reads the link from the mail and finds the application as a coordinator sees it. */
const aangemeld = async (adres = nieuwAdres(), over: Record<string, unknown> = {}) => {
  const body = invoer(over);
  const r = await vanAf(adres)('POST', '/v1/regiopartner-aanmeldingen', { body });
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  const [mail] = await mailsAan(body.contactpersoon.email);
  const [aanmelding] = await aanmeldingenVan(body.kvkNummer);
  return { body, token: tokenUit(mail!), aanmelding: aanmelding!, adres };
};
const bevestigd = async (over: Record<string, unknown> = {}) => {
  const a = await aangemeld(nieuwAdres(), over);
  const r = await vanAf(a.adres)('POST', '/v1/regiopartner-aanmeldingen/bevestiging', { body: { token: a.token } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return a;
};
const clientBestanden = () => readdirSync(rt.env.LOCAL_CLIENTS_DIR!).filter((f) => f.endsWith('.json'));

describe('een organisatie meldt zich aan', () => {
  it('krijgt 202 met een vaste tekst en geen id; de contactpersoon krijgt een link naar het portaal; de coördinator ziet de aanmelding', async () => {
    const body = invoer();
    const r = await vanAf(nieuwAdres())('POST', '/v1/regiopartner-aanmeldingen', { body });
    expect(r.status).toBe(202);
    expect(Object.keys(r.body)).toEqual(['bericht']);
    expect(r.headers.get('location')).toBeNull();
    expect(r.headers.get('cache-control')).toBe('no-store');
    // One conditional UpdateItem for the rate limit, one transaction for the application.
    expect(r.ops).toEqual(['UpdateItem', 'TransactWriteItems']);
    const [mail, ...meer] = await mailsAan(body.contactpersoon.email);
    expect(meer).toEqual([]);
    expect(mail!.tekst).toContain(`${rt.baseUrl}/portaal/regiopartner-aanmelding/${tokenUit(mail!)}\n`);
    const [a] = await aanmeldingenVan(body.kvkNummer);
    expect(a).toMatchObject({ ...body, status: 'aangemeld', versie: 1 });
    expect(JSON.stringify(a)).not.toContain(tokenUit(mail!));
  });

  it('krijgt alle validatiefouten tegelijk: onbekende en dubbele regio, te veel regio\'s, vestigingsnummer, onbekende soort, onbekende velden en BSN; er verandert niets', async () => {
    const voor = (await alleAanmeldingen()).length;
    const r = await vanAf(nieuwAdres())('POST', '/v1/regiopartner-aanmeldingen', {
      body: {
        ...invoer(),
        kvkNummer: '341234560001',
        soort: 'uitzendbureau',
        arbeidsmarktregios: ['Groot Amsterdam', 'Groot Amsterdam', 'Atlantis'],
        contactpersoon: { naam: '', email: 'geen-mail' },
        status: 'bevestigd',
        bsn: '123456782',
      },
    });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(
      expect.arrayContaining([
        'body.kvkNummer',
        'body.soort',
        'body.arbeidsmarktregios.2',
        'body.contactpersoon.naam',
        'body.contactpersoon.email',
        'body.status',
        'body.bsn',
      ]),
    );
    // Refused before the use case: no write, and not even the rate limit's counter.
    expect(r.ops).toEqual([]);
    const teVeel = await vanAf(nieuwAdres())('POST', '/v1/regiopartner-aanmeldingen', {
      body: invoer({ arbeidsmarktregios: Array.from({ length: 36 }, () => 'Twente') }),
    });
    expectProblem(teVeel, 400);
    expect(namen(teVeel)).toContain('body.arbeidsmarktregios');
    const dubbel = await vanAf(nieuwAdres())('POST', '/v1/regiopartner-aanmeldingen', { body: invoer({ arbeidsmarktregios: ['Twente', 'Twente'] }) });
    expectProblem(dubbel, 400);
    expect(namen(dubbel)).toEqual(['body.arbeidsmarktregios']);
    expectProblem(await vanAf(nieuwAdres())('POST', '/v1/regiopartner-aanmeldingen', { body: invoer({ naam: 'x'.repeat(201) }) }), 400);
    expect((await alleAanmeldingen()).length).toBe(voor);
  });

  it('weigert een te grote body (413, ruim onder de gewone limiet), een verkeerd mediatype (415) en kapotte JSON (400)', async () => {
    const adres = vanAf(nieuwAdres());
    const groot = await adres('POST', '/v1/regiopartner-aanmeldingen', { body: invoer({ naam: 'x'.repeat(5000) }) });
    expectProblem(groot, 413);
    expect(groot.body.detail).toContain('4096');
    expectProblem(await adres('POST', '/v1/regiopartner-aanmeldingen', { raw: 'naam=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
    expectProblem(await adres('POST', '/v1/regiopartner-aanmeldingen', { raw: '{"naam": ' }), 400);
    expectProblem(await adres('POST', '/v1/regiopartner-aanmeldingen/bevestiging', { body: { token: 'x'.repeat(300) } }), 413);
  });
});

describe('een tweede aanmelding voor een KvK-nummer met een lopende aanmelding', () => {
  it('krijgt hetzelfde antwoord, maar er ontstaat niets; alleen de contactpersoon van de lopende hoort het, één keer', async () => {
    const eerste = await aangemeld();
    const adres = vanAf(nieuwAdres());
    const nieuw = await adres('POST', '/v1/regiopartner-aanmeldingen', { body: invoer() });
    const dubbel = { ...invoer({ kvkNummer: eerste.body.kvkNummer }), contactpersoon: { naam: 'Indringer', email: 'indringer@example.nl' } };
    const r = await adres('POST', '/v1/regiopartner-aanmeldingen', { body: dubbel });
    expect(r.status).toBe(202);
    expect(r.body).toEqual(nieuw.body);
    expect(r.headers.get('content-length')).toBe(nieuw.headers.get('content-length'));
    expect(await aanmeldingenVan(eerste.body.kvkNummer)).toHaveLength(1);
    expect((await adres('POST', '/v1/regiopartner-aanmeldingen', { body: dubbel })).status).toBe(202);
    expect(await mailsAan('indringer@example.nl')).toEqual([]);
    const aanEerste = await mailsAan(eerste.body.contactpersoon.email);
    expect(aanEerste.map((m) => m.onderwerp).sort()).toEqual([`Bevestig de aanmelding van ${eerste.body.naam} als regiopartner`, `Nog een aanmelding voor ${eerste.body.naam}`].sort());
  });

  it('ook als de lopende al bevestigd is; na een besluit mag het KvK-nummer opnieuw', async () => {
    const a = await bevestigd();
    await vanAf(nieuwAdres())('POST', '/v1/regiopartner-aanmeldingen', { body: invoer({ kvkNummer: a.body.kvkNummer }) });
    expect(await aanmeldingenVan(a.body.kvkNummer)).toHaveLength(1);
    const afwijzing = await call('POST', `/v1/regiopartner-aanmeldingen/${a.aanmelding.id}/afwijzing`, { headers: admin, body: { reden: 'Werkt niet in deze regio' } });
    expect(afwijzing.status).toBe(200);
    expect((await vanAf(nieuwAdres())('POST', '/v1/regiopartner-aanmeldingen', { body: invoer({ kvkNummer: a.body.kvkNummer }) })).status).toBe(202);
    expect((await aanmeldingenVan(a.body.kvkNummer)).map((x) => x.status).sort()).toEqual(['aangemeld', 'afgewezen']);
  });
});

describe('de bevestigingslink', () => {
  it('bevestigt één keer; daarna, en voor een onbekende of verlopen code, steeds hetzelfde 422-antwoord', async () => {
    const a = await aangemeld();
    const vanHier = vanAf(a.adres);
    const ok = await vanHier('POST', '/v1/regiopartner-aanmeldingen/bevestiging', { body: { token: a.token } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ naam: a.body.naam, status: 'bevestigd', bericht: expect.any(String) });
    expect(ok.ops).toEqual(['UpdateItem', 'GetItem', 'GetItem', 'TransactWriteItems']);
    expect((await call('GET', `/v1/regiopartner-aanmeldingen/${a.aanmelding.id}`, { headers: admin })).body).toMatchObject({ status: 'bevestigd', versie: 2 });

    const gebruikt = await vanHier('POST', '/v1/regiopartner-aanmeldingen/bevestiging', { body: { token: a.token } });
    const onbekend = await vanHier('POST', '/v1/regiopartner-aanmeldingen/bevestiging', { body: { token: 'A'.repeat(43) } });
    const b = await aangemeld();
    // The link expired: its expiry (TTL attribute) lies in the past. DynamoDB's TTL deletes late, so the API checks it itself.
    await dynamo().send(
      new UpdateCommand({ TableName: tabel(), Key: sleutels.aanmeldingsbevestiging(tokenHash(b.token)), UpdateExpression: 'SET verlooptOp = :toen', ExpressionAttributeValues: { ':toen': 1_000_000 } }),
    );
    const verlopen = await vanHier('POST', '/v1/regiopartner-aanmeldingen/bevestiging', { body: { token: b.token } });
    for (const r of [gebruikt, onbekend, verlopen]) expectProblem(r, 422);
    const zonderInstance = (r: Antwoord) => ({ ...r.body, instance: undefined });
    expect(zonderInstance(gebruikt)).toEqual(zonderInstance(onbekend));
    expect(zonderInstance(verlopen)).toEqual(zonderInstance(onbekend));
    expect((await call('GET', `/v1/regiopartner-aanmeldingen/${b.aanmelding.id}`, { headers: admin })).body.status).toBe('aangemeld');
  });

  it('weigert een misvormde code (400) en onbekende velden, zonder iets te tellen of te lezen', async () => {
    const r = await vanAf(nieuwAdres())('POST', '/v1/regiopartner-aanmeldingen/bevestiging', { body: { token: 'kort', aanmeldingId: 'x' } });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(expect.arrayContaining(['body.token', 'body.aanmeldingId']));
    expect(r.ops).toEqual([]);
  });
});

describe('de limiet per clientadres', () => {
  it('laat per uur tien aanmeldingen door vanaf één adres; de volgende krijgt 429 met Retry-After; een ander adres gaat gewoon door', async () => {
    const adres = vanAf(nieuwAdres());
    const vensterVoor = venster(new Date(), LIMIETEN.aanmelden).start;
    const statussen: number[] = [];
    let geweigerd: Antwoord | undefined;
    for (let i = 0; i < 2 * LIMIETEN.aanmelden.aantal + 1 && !geweigerd; i++) {
      const r = await adres('POST', '/v1/regiopartner-aanmeldingen', { body: invoer() });
      statussen.push(r.status);
      if (r.status === 429) geweigerd = r;
    }
    expect(geweigerd).toBeDefined();
    expectProblem(geweigerd!, 429);
    const wacht = Number(geweigerd!.headers.get('retry-after'));
    expect(Number.isInteger(wacht) && wacht >= 1 && wacht <= LIMIETEN.aanmelden.vensterSeconden).toBe(true);
    // A browser may read it: the portal's form shows how long to wait.
    const metOrigin = await adres('POST', '/v1/regiopartner-aanmeldingen', { body: invoer(), headers: { origin: 'http://localhost:5173' } });
    expect(metOrigin.status).toBe(429);
    expect(metOrigin.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('retry-after');
    // Exactly ten, unless the burst happened to cross the top of the hour (then up to twenty: a fixed window).
    const toegelaten = statussen.filter((s) => s === 202).length;
    if (venster(new Date(), LIMIETEN.aanmelden).start === vensterVoor) expect(toegelaten).toBe(LIMIETEN.aanmelden.aantal);
    else expect(toegelaten).toBeLessThanOrEqual(2 * LIMIETEN.aanmelden.aantal);
    expect(statussen.every((s) => s === 202 || s === 429)).toBe(true);
    expect((await vanAf(nieuwAdres())('POST', '/v1/regiopartner-aanmeldingen', { body: invoer() })).status).toBe(202);
  });

  it('begrenst ook het bevestigen: wie codes blijft proberen krijgt na twintig keer 429', async () => {
    const adres = vanAf(nieuwAdres());
    let eerste429 = 0;
    for (let i = 1; i <= 2 * LIMIETEN.bevestigen.aantal + 1 && !eerste429; i++) {
      const r = await adres('POST', '/v1/regiopartner-aanmeldingen/bevestiging', { body: { token: `${String(i).padStart(3, '0')}${'B'.repeat(40)}` } });
      if (r.status === 429) {
        expectProblem(r, 429);
        eerste429 = i;
      } else expectProblem(r, 422);
    }
    expect(eerste429).toBeGreaterThan(LIMIETEN.bevestigen.aantal);
  });
});

describe('het besluit van een coördinator', () => {
  it('alleen een coördinator: andere rollen 403, zonder token 401; een onbekende aanmelding 404, een ongeldig id 400', async () => {
    const a = await bevestigd();
    for (const [rol, tenant] of [['gemeente', 'GM0363'], ['werkgever', '01JDAAAAAAAAAAAAAAAAAAAAAA'], ['regiopartner', '01JDAAAAAAAAAAAAAAAAAAAAAA']] as const) {
      const h = await authorization(rt, rol, tenant);
      expectProblem(await call('POST', `/v1/regiopartner-aanmeldingen/${a.aanmelding.id}/goedkeuring`, { headers: h }), 403);
      expectProblem(await call('GET', '/v1/regiopartner-aanmeldingen', { headers: h }), 403);
      expectProblem(await call('GET', `/v1/regiopartner-aanmeldingen/${a.aanmelding.id}`, { headers: h }), 403);
    }
    expectProblem(await call('POST', `/v1/regiopartner-aanmeldingen/${a.aanmelding.id}/goedkeuring`), 401);
    expectProblem(await call('GET', '/v1/regiopartner-aanmeldingen'), 401);
    expectProblem(await call('POST', '/v1/regiopartner-aanmeldingen/01JDZZZZZZZZZZZZZZZZZZZZZZ/goedkeuring', { headers: admin }), 404);
    expectProblem(await call('GET', '/v1/regiopartner-aanmeldingen/geen-ulid', { headers: admin }), 400);
    expectProblem(await call('GET', '/v1/regiopartner-aanmeldingen?status=verlopen&sortering=naam', { headers: admin }), 400);
    expect(clientBestanden().length).toBe(0);
  });

  it('een niet-bevestigde aanmelding kan niet worden goedgekeurd of afgewezen (409), en er ontstaat geen client', async () => {
    const a = await aangemeld();
    const voor = clientBestanden().length;
    expectProblem(await call('POST', `/v1/regiopartner-aanmeldingen/${a.aanmelding.id}/goedkeuring`, { headers: admin }), 409);
    expectProblem(await call('POST', `/v1/regiopartner-aanmeldingen/${a.aanmelding.id}/afwijzing`, { headers: admin, body: { reden: 'x' } }), 409);
    expect(clientBestanden().length).toBe(voor);
  });

  it('goedkeuren toont het client secret één keer; nergens anders staat het; tweede keer 409, verouderde If-Match 412', async () => {
    const a = await bevestigd();
    expectProblem(await call('POST', `/v1/regiopartner-aanmeldingen/${a.aanmelding.id}/goedkeuring`, { headers: { ...admin, 'if-match': '"1"' } }), 412);
    const r = await call('POST', `/v1/regiopartner-aanmeldingen/${a.aanmelding.id}/goedkeuring`, { headers: { ...admin, 'if-match': '"2"' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.ops).toEqual(['GetItem', 'TransactWriteItems']);
    const { aanmelding, regiopartner, machineClient } = r.body;
    expect(machineClient).toEqual({ clientId: expect.stringMatching(/^[0-9a-z]{26}$/), clientSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), tokenUrl: `${rt.baseUrl}/local/oauth2/token`, scope: 'werkcoop/api' });
    expect(aanmelding).toMatchObject({ status: 'goedgekeurd', partnerId: regiopartner.id, clientId: machineClient.clientId, versie: 3 });
    expect(regiopartner).toMatchObject({ ...a.body, status: 'goedgekeurd', versie: 1 });

    const geheim = machineClient.clientSecret as string;
    const opnieuw = await call('GET', `/v1/regiopartner-aanmeldingen/${a.aanmelding.id}`, { headers: admin });
    expect(JSON.stringify(opnieuw.body)).not.toContain(geheim);
    const { Items } = await dynamo().send(new ScanCommand({ TableName: tabel() }));
    expect(JSON.stringify(Items)).not.toContain(geheim);
    const bestand = readFileSync(join(rt.env.LOCAL_CLIENTS_DIR!, `${machineClient.clientId}.json`), 'utf8');
    expect(bestand).not.toContain(geheim);
    expect(JSON.parse(bestand)).toMatchObject({ geheimHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(rt.mail.list())).not.toContain(geheim);

    const voor = clientBestanden().length;
    expectProblem(await call('POST', `/v1/regiopartner-aanmeldingen/${a.aanmelding.id}/goedkeuring`, { headers: admin }), 409);
    expect(clientBestanden().length).toBe(voor);
    const mails = await mailsAan(a.body.contactpersoon.email);
    expect(mails.map((m) => m.onderwerp)).toContain(`${a.body.naam} is regiopartner van de coöperatie`);
  });

  it('van twintig gelijktijdige goedkeuringen slaagt er één, en er blijft precies één machineclient over', async () => {
    const a = await bevestigd();
    const voor = clientBestanden().length;
    const antwoorden = await Promise.all(Array.from({ length: 20 }, () => call('POST', `/v1/regiopartner-aanmeldingen/${a.aanmelding.id}/goedkeuring`, { headers: admin })));
    const gelukt = antwoorden.filter((x) => x.status === 200);
    expect(gelukt).toHaveLength(1);
    expect(antwoorden.every((x) => [200, 409, 412].includes(x.status))).toBe(true);
    expect(clientBestanden().length).toBe(voor + 1);
    expect(clientBestanden()).toContain(`${gelukt[0]!.body.machineClient.clientId}.json`);
    const g = await call('GET', `/v1/regiopartner-aanmeldingen/${a.aanmelding.id}/gebeurtenissen`, { headers: admin });
    expect(g.body.gebeurtenissen.map((e: { soort: string }) => e.soort)).toEqual(['aangemeld', 'bevestigd', 'goedgekeurd']);
  });

  it('afwijzen vraagt een reden, legt haar vast in de geschiedenis en mailt haar', async () => {
    const a = await bevestigd();
    expectProblem(await call('POST', `/v1/regiopartner-aanmeldingen/${a.aanmelding.id}/afwijzing`, { headers: admin }), 400);
    const r = await call('POST', `/v1/regiopartner-aanmeldingen/${a.aanmelding.id}/afwijzing`, { headers: admin, body: { reden: 'Geen jobcoaches in dienst' } });
    expect(r.body).toMatchObject({ status: 'afgewezen', statusReden: 'Geen jobcoaches in dienst', versie: 3 });
    expect(r.headers.get('etag')).toBe('"3"');
    const g = await call('GET', `/v1/regiopartner-aanmeldingen/${a.aanmelding.id}/gebeurtenissen`, { headers: admin });
    expect(g.ops).toEqual(['Query']);
    expect(g.body.gebeurtenissen).toMatchObject([
      { soort: 'aangemeld', naarStatus: 'aangemeld', door: { subject: 'aanmelder' }, versie: 1 },
      { soort: 'bevestigd', vanStatus: 'aangemeld', door: { subject: 'contactpersoon' }, versie: 2 },
      { soort: 'afgewezen', reden: 'Geen jobcoaches in dienst', door: { rol: 'coopAdmin' }, versie: 3 },
    ]);
    expect((await mailsAan(a.body.contactpersoon.email)).some((m) => m.tekst.includes('Geen jobcoaches in dienst'))).toBe(true);
    expectProblem(await call('GET', '/v1/regiopartner-aanmeldingen/01JDZZZZZZZZZZZZZZZZZZZZZZ/gebeurtenissen', { headers: admin }), 404);
  });

  it('de lijst pagineert met één Query per pagina en filtert op status', async () => {
    const bevestigde = [await bevestigd(), await bevestigd(), await bevestigd()];
    const gezien = new Set<string>();
    let pad: string | null = '/v1/regiopartner-aanmeldingen?status=bevestigd&pageSize=2';
    while (pad) {
      const r = await call('GET', pad, { headers: admin });
      expect(r.ops).toEqual(['Query']);
      for (const a of r.body.aanmeldingen as RegiopartnerAanmelding[]) {
        expect(a.status).toBe('bevestigd');
        gezien.add(a.id);
      }
      pad = r.body.volgendePagina;
    }
    for (const b of bevestigde) expect(gezien.has(b.aanmelding.id)).toBe(true);
  });
});

describe('van aanmelding tot aanroep als partner (end-to-end)', () => {
  it('aanmelden → mail → bevestigen → goedkeuren → token met het getoonde secret → de API als regiopartner, alleen het eigene', async () => {
    // A gemeente in the partner's region with an open place, so the figures have something to count.
    await call('POST', '/v1/gemeenten', { headers: admin, body: { code: 'GM0479', naam: 'Zaanstad', arbeidsmarktregio: 'Zaanstreek/Waterland', contactpersoon: { naam: 'Wsp', email: 'wsp@zaanstad.nl' } } });
    const aanvraag = { kvkNummer: nieuweKvk(), naam: 'Groen Zaan', sectoren: ['groen'], werksoorten: ['groen'], contactpersoon: { naam: 'Ria', email: 'ria@groenzaan.nl' }, toezeggingen: { reguliereBanen: 1, participatieplaatsen: 1, beschutWerkplekken: 0, banenafspraakBanen: 0 } };
    const lid = (await call('POST', '/v1/leden', { body: aanvraag })).body;
    await call('POST', `/v1/leden/${lid.id}/goedkeuring`, { headers: admin });
    const werkplek = await call('POST', '/v1/werkplekken', {
      headers: await authorization(rt, 'werkgever', lid.id),
      body: {
        titel: 'Medewerker groen',
        soort: 'reguliereBaan',
        werksoort: 'groen',
        uren: { minimum: 16, maximum: 32 },
        locatie: { postcodegebied: '1506', gemeente: 'GM0479' },
        aantalPlaatsen: 3,
        eisen: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', taalniveau: 'A2', rijbewijs: false },
        werkaanpassingen: [],
        begeleiding: { eigenJobcoach: false, buddy: true },
        teltVoorBanenafspraak: true,
      },
    });
    expect(werkplek.status, JSON.stringify(werkplek.body)).toBe(201);

    const { aanmelding } = await bevestigd({ naam: 'Coachpunt Zaan', arbeidsmarktregios: ['Zaanstreek/Waterland'] });
    const goedkeuring = await call('POST', `/v1/regiopartner-aanmeldingen/${aanmelding.id}/goedkeuring`, { headers: admin });
    expect(goedkeuring.status).toBe(200);
    const { clientId, clientSecret, tokenUrl } = goedkeuring.body.machineClient;
    const partnerId = goedkeuring.body.regiopartner.id;

    const tokenVraag = (auth: string | undefined, form: Record<string, string>) =>
      fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(auth ? { authorization: auth } : {}) },
        body: new URLSearchParams(form).toString(),
      });
    const basic = (id: string, geheim: string) => `Basic ${Buffer.from(`${id}:${geheim}`).toString('base64')}`;
    const antwoord = await tokenVraag(basic(clientId, clientSecret), { grant_type: 'client_credentials', scope: 'werkcoop/api' });
    expect(antwoord.status).toBe(200);
    expect(antwoord.headers.get('cache-control')).toBe('no-store');
    const { access_token: token, token_type, expires_in } = (await antwoord.json()) as { access_token: string; token_type: string; expires_in: number };
    expect({ token_type, expires_in }).toEqual({ token_type: 'Bearer', expires_in: 3600 });
    expect(decodeJwt(token)).toMatchObject({ sub: clientId, client_id: clientId, scope: 'werkcoop/api', token_use: 'access', 'werkcoop:rol': 'regiopartner', 'werkcoop:tenant': partnerId });

    // Wrong secret, unknown client, another grant or scope: refused as OAuth errors, no token.
    expect((await tokenVraag(basic(clientId, `${clientSecret.slice(0, -1)}x`), { grant_type: 'client_credentials' })).status).toBe(401);
    expect((await tokenVraag(basic('01jdzzzzzzzzzzzzzzzzzzzzzz', clientSecret), { grant_type: 'client_credentials' })).status).toBe(401);
    expect(await (await tokenVraag(basic(clientId, clientSecret), { grant_type: 'password' })).json()).toMatchObject({ error: 'unsupported_grant_type' });
    expect(await (await tokenVraag(basic(clientId, clientSecret), { grant_type: 'client_credentials', scope: 'werkcoop/beheer' })).json()).toMatchObject({ error: 'invalid_scope' });
    // client_secret_post works too, as at Cognito.
    expect((await tokenVraag(undefined, { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret })).status).toBe(200);

    const alsPartner = { authorization: `Bearer ${token}` };
    const eigen = await call('GET', `/v1/regiopartners/${partnerId}`, { headers: alsPartner });
    expect(eigen.status).toBe(200);
    expect(eigen.body).toEqual(goedkeuring.body.regiopartner);
    expect((await call('GET', '/v1/regiopartners', { headers: alsPartner })).body.regiopartners.map((p: { id: string }) => p.id)).toEqual([partnerId]);
    const cijfers = await call('GET', '/v1/regiocijfers', { headers: alsPartner });
    expect(cijfers.status).toBe(200);
    expect(cijfers.body.regios).toEqual([
      { arbeidsmarktregio: 'Zaanstreek/Waterland', gemeenten: 1, openWerkplekken: 1, vrijePlaatsen: 3, plaatsingen: { lopend: 0, gestart: 0, beeindigd: 0 } },
    ]);
    expect(JSON.stringify(cijfers.body)).not.toContain(werkplek.body.id);
    expect(JSON.stringify(cijfers.body)).not.toContain(lid.id);
    // Placements: only those it is the jobcoach organisation of — none yet.
    expect((await call('GET', '/v1/plaatsingen', { headers: alsPartner })).body.plaatsingen).toEqual([]);

    // Not its own: another partner 404, another region 404; not its role: 403.
    const ander = await call('POST', '/v1/regiopartners', { headers: admin, body: { ...invoer(), arbeidsmarktregios: ['Twente'] } });
    expectProblem(await call('GET', `/v1/regiopartners/${ander.body.id}`, { headers: alsPartner }), 404);
    expectProblem(await call('GET', `/v1/regiocijfers?arbeidsmarktregio=${encodeURIComponent('Groot Amsterdam')}`, { headers: alsPartner }), 404);
    expectProblem(await call('GET', '/v1/regiopartner-aanmeldingen', { headers: alsPartner }), 403);
    expectProblem(await call('GET', '/v1/leden', { headers: alsPartner }), 403);
    expectProblem(await call('POST', '/v1/regiopartners', { headers: alsPartner, body: invoer() }), 403);
  });

  it('goedkeuren geeft de contactpersoon een account met de rol en tenant van de partner; met een token van dat account ziet de medewerker alleen het eigene', async () => {
    const { body, aanmelding } = await bevestigd({
      naam: 'Coachpunt Waterland',
      arbeidsmarktregios: ['Zaanstreek/Waterland'],
      contactpersoon: { naam: 'Sem de Wit', email: `Sem.de.Wit${++mailTeller}@CoachpuntWaterland.nl` },
    });
    const goedkeuring = await call('POST', `/v1/regiopartner-aanmeldingen/${aanmelding.id}/goedkeuring`, { headers: admin });
    expect(goedkeuring.status).toBe(200);
    // Still the approval's one transaction: the invitation is written in it, the account made afterwards.
    expect(goedkeuring.ops).toEqual(['GetItem', 'TransactWriteItems']);
    const partnerId = goedkeuring.body.regiopartner.id as string;
    const email = body.contactpersoon.email.toLowerCase();
    expect(goedkeuring.body.gebruiker).toMatchObject({ partnerId, naam: 'Sem de Wit', email, rol: 'regiopartner', status: 'uitgenodigd', versie: 1 });

    await rt.settle();
    const lijst = await call('GET', `/v1/regiopartners/${partnerId}/gebruikers`, { headers: admin });
    expect(lijst.status).toBe(200);
    expect(lijst.body.gebruikers).toEqual([{ ...goedkeuring.body.gebruiker, status: 'aangemaakt', versie: 2, gewijzigdOp: expect.any(String) }]);
    const account = await lokaalAccountRegister(rt.env.LOCAL_USERS_DIR!).haal(body.contactpersoon.email);
    expect(account).toMatchObject({
      gebruikersnaam: email,
      status: 'FORCE_CHANGE_PASSWORD',
      attributen: { email, email_verified: 'true', name: 'Sem de Wit', 'custom:rol': 'regiopartner', 'custom:tenant': partnerId },
    });
    // Exactly one account file for the address, and nothing of it in the table but the invitation.
    expect(readdirSync(rt.env.LOCAL_USERS_DIR!).filter((f) => f.endsWith('.json'))).toContain(`${createHash('sha256').update(email).digest('hex')}.json`);

    // Signing in: the trigger's mapping turns the account's attributes into the token's claims.
    const claims = claimsFor(account!.attributen);
    expect(claims).toEqual({ 'werkcoop:rol': 'regiopartner', 'werkcoop:tenant': partnerId });
    const alsMedewerker = { authorization: `Bearer ${await rt.mintToken({ rol: 'regiopartner', tenant: claims['werkcoop:tenant']!, subject: account!.sub })}` };
    expect((await call('GET', `/v1/regiopartners/${partnerId}`, { headers: alsMedewerker })).status).toBe(200);
    expect((await call('GET', '/v1/regiocijfers', { headers: alsMedewerker })).body.regios.map((r: { arbeidsmarktregio: string }) => r.arbeidsmarktregio)).toEqual(['Zaanstreek/Waterland']);
    expect((await call('GET', `/v1/regiopartners/${partnerId}/gebruikers`, { headers: alsMedewerker })).body.gebruikers).toHaveLength(1);
    const ander = await call('POST', '/v1/regiopartners', { headers: admin, body: { ...invoer(), arbeidsmarktregios: ['Twente'] } });
    expectProblem(await call('GET', `/v1/regiopartners/${ander.body.id}/gebruikers`, { headers: alsMedewerker }), 404);
    expectProblem(await call('GET', `/v1/regiocijfers?arbeidsmarktregio=Twente`, { headers: alsMedewerker }), 404);
    expectProblem(await call('POST', `/v1/regiopartners/${partnerId}/gebruikers`, { headers: alsMedewerker, body: { naam: 'X', email: 'x@example.nl' } }), 403);
    expectProblem(await call('GET', '/v1/leden', { headers: alsMedewerker }), 403);
  });

  it('een nieuwe machineclient: ook voor een rechtstreeks aangemaakte partner; de vorige krijgt daarna geen token meer', async () => {
    const tokenVoor = async (clientId: string, clientSecret: string) =>
      fetch(`${rt.baseUrl}/local/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
      });
    // A partner a coordinator made has no machine client until one is asked for.
    const rechtstreeks = (await call('POST', '/v1/regiopartners', { headers: admin, body: invoer({ arbeidsmarktregios: ['Twente'] }) })).body;
    const eerste = await call('POST', `/v1/regiopartners/${rechtstreeks.id}/machineclient`, { headers: admin });
    expect(eerste.status, JSON.stringify(eerste.body)).toBe(201);
    expect(eerste.headers.get('cache-control')).toBe('no-store');
    expect(eerste.ops).toEqual(['GetItem', 'GetItem', 'TransactWriteItems']);
    const token = (await (await tokenVoor(eerste.body.clientId, eerste.body.clientSecret)).json()) as { access_token: string };
    expect(decodeJwt(token.access_token)).toMatchObject({ 'werkcoop:rol': 'regiopartner', 'werkcoop:tenant': rechtstreeks.id });
    expect((await call('GET', '/v1/regiocijfers', { headers: { authorization: `Bearer ${token.access_token}` } })).status).toBe(200);

    // An approved partner's client, replaced: the old secret gets no token any more, the new one does.
    const a = await bevestigd();
    const { machineClient: oud, regiopartner } = (await call('POST', `/v1/regiopartner-aanmeldingen/${a.aanmelding.id}/goedkeuring`, { headers: admin })).body;
    expect((await tokenVoor(oud.clientId, oud.clientSecret)).status).toBe(200);
    const nieuw = await call('POST', `/v1/regiopartners/${regiopartner.id}/machineclient`, { headers: admin });
    expect(nieuw.status).toBe(201);
    expect(nieuw.body.clientId).not.toBe(oud.clientId);
    expect((await tokenVoor(oud.clientId, oud.clientSecret)).status).toBe(401);
    expect((await tokenVoor(nieuw.body.clientId, nieuw.body.clientSecret)).status).toBe(200);
    expect(clientBestanden()).not.toContain(`${oud.clientId}.json`);
    const { Items } = await dynamo().send(new ScanCommand({ TableName: tabel(), FilterExpression: 'clientId = :c', ExpressionAttributeValues: { ':c': oud.clientId }, ConsistentRead: true }));
    // Only the application still names the old client (its history of what the approval made).
    expect(Items!.map((i) => i.entiteit)).toEqual(['RegiopartnerAanmelding']);
  });

  it('tien vervangingen tegelijk: elk antwoord is 201 of 409, en precies één client van de partner blijft over en werkt', async () => {
    const partner = (await call('POST', '/v1/regiopartners', { headers: admin, body: invoer() })).body;
    const vanPartner = () => clientBestanden().filter((f) => readFileSync(join(rt.env.LOCAL_CLIENTS_DIR!, f), 'utf8').includes(`regiopartner-${partner.id}`));
    const antwoorden = await Promise.all(Array.from({ length: 10 }, () => call('POST', `/v1/regiopartners/${partner.id}/machineclient`, { headers: admin })));
    expect(antwoorden.every((r) => r.status === 201 || r.status === 409), JSON.stringify(antwoorden.map((r) => r.status))).toBe(true);
    const gelukt = antwoorden.filter((r) => r.status === 201);
    expect(gelukt.length).toBeGreaterThanOrEqual(1);
    for (const r of antwoorden.filter((x) => x.status === 409)) expectProblem(r, 409);
    expect(vanPartner()).toHaveLength(1);
    const over = vanPartner()[0]!.replace('.json', '');
    expect(gelukt.map((r) => r.body.clientId)).toContain(over);
  });

  it('een nieuwe machineclient vraagt alleen een coördinator (403), voor een bestaande partner (404, en er ontstaat geen client), met een geldig id (400)', async () => {
    const partner = (await call('POST', '/v1/regiopartners', { headers: admin, body: invoer() })).body;
    const voor = clientBestanden().length;
    for (const [rol, tenant] of [['regiopartner', partner.id], ['gemeente', 'GM0363'], ['werkgever', partner.id]] as const)
      expectProblem(await call('POST', `/v1/regiopartners/${partner.id}/machineclient`, { headers: await authorization(rt, rol, tenant) }), 403);
    expectProblem(await call('POST', `/v1/regiopartners/${partner.id}/machineclient`, {}), 401);
    expectProblem(await call('POST', '/v1/regiopartners/01JDZZZZZZZZZZZZZZZZZZZZZZ/machineclient', { headers: admin }), 404);
    expectProblem(await call('POST', '/v1/regiopartners/geen-ulid/machineclient', { headers: admin }), 400);
    expectProblem(await call('POST', `/v1/regiopartners/${partner.id}/machineclient`, { headers: admin, body: { rol: 'coopAdmin' } }), 400);
    expect(clientBestanden().length).toBe(voor);
  });

  it('beide wegen, rechtstreeks door een coördinator en via aanmelding, geven een partner met dezelfde velden', async () => {
    const a = await bevestigd();
    const viaAanmelding = (await call('POST', `/v1/regiopartner-aanmeldingen/${a.aanmelding.id}/goedkeuring`, { headers: admin })).body.regiopartner;
    const rechtstreeks = (await call('POST', '/v1/regiopartners', { headers: admin, body: invoer() })).body;
    expect(Object.keys(viaAanmelding).sort()).toEqual(Object.keys(rechtstreeks).sort());
    const opgehaald = (await call('GET', `/v1/regiopartners/${viaAanmelding.id}`, { headers: admin })).body;
    expect(opgehaald).toEqual(viaAanmelding);
  });
});

describe('regiocijfers', () => {
  it('een coördinator noemt één regio (anders 400); gemeente en werkgever 403; een onbekende regionaam 400', async () => {
    const r = await call('GET', `/v1/regiocijfers?arbeidsmarktregio=${encodeURIComponent('Zuid-Limburg')}`, { headers: admin });
    expect(r.status).toBe(200);
    expect(r.body.regios).toEqual([{ arbeidsmarktregio: 'Zuid-Limburg', gemeenten: 0, openWerkplekken: 0, vrijePlaatsen: 0, plaatsingen: { lopend: 0, gestart: 0, beeindigd: 0 } }]);
    expect(r.body.peilmoment).toMatch(/Z$/);
    expectProblem(await call('GET', '/v1/regiocijfers', { headers: admin }), 400);
    expectProblem(await call('GET', '/v1/regiocijfers?arbeidsmarktregio=Atlantis', { headers: admin }), 400);
    expectProblem(await call('GET', '/v1/regiocijfers', { headers: await authorization(rt, 'gemeente', 'GM0363') }), 403);
    expectProblem(await call('GET', '/v1/regiocijfers', { headers: await authorization(rt, 'werkgever', '01JDAAAAAAAAAAAAAAAAAAAAAA') }), 403);
    expectProblem(await call('GET', '/v1/regiocijfers'), 401);
    // A regiopartner token for a partner that does not exist sees nothing.
    expectProblem(await call('GET', '/v1/regiocijfers', { headers: await authorization(rt, 'regiopartner', '01JDAAAAAAAAAAAAAAAAAAAAAA') }), 404);
  });
});
