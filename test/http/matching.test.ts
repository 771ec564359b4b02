import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import type { Kandidaatprofiel, Verwijzing } from '../../shared/schemas/verwijzingen';
import type { Matchscore, Werkplek } from '../../shared/schemas/werkplekken';
import { apiClient, expectProblem } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';
import { scenario } from '../support/scenario';

/**
 * Matching through the API, on data made through the API: gemeenten registered by a coordinator,
 * referrals made placeable through intake, places offered by active members.
 */
let rt: LocalRuntime;
let admin: { authorization: string };
let amsterdam: { authorization: string };
let ouderAmstel: { authorization: string };
beforeAll(async () => {
  rt = await startTestRuntime();
  admin = await authorization(rt, 'coopAdmin');
  amsterdam = await authorization(rt, 'gemeente', 'GM0363');
  ouderAmstel = await authorization(rt, 'gemeente', 'GM0437');
  for (const [code, naam, arbeidsmarktregio] of [
    ['GM0363', 'Amsterdam', 'Groot Amsterdam'],
    ['GM0437', 'Ouder-Amstel', 'Groot Amsterdam'],
    ['GM0599', 'Rotterdam', 'Rijnmond'],
  ] as const) {
    await gegeven.gemeente(admin, { code, naam, arbeidsmarktregio, contactpersoon: { naam: 'Loket werk', email: `werk@${code.toLowerCase()}.nl` } });
  }
});
afterAll(() => rt?.stop());

const api = apiClient(() => rt);
const { call } = api;
const gegeven = scenario(api, () => rt);

let kvkTeller = 10_000_000 + Math.floor(Math.random() * 80_000_000);
const actiefLid = () =>
  gegeven.actiefLid(admin, {
    kvkNummer: String(++kvkTeller),
    naam: 'Groen & Schoon BV',
    sectoren: ['groen'],
    werksoorten: ['groen', 'schoonmaak'],
    contactpersoon: { naam: 'Kees Jansen', email: 'kees@groenschoon.nl' },
    toezeggingen: { reguliereBanen: 1, participatieplaatsen: 2, beschutWerkplekken: 0, banenafspraakBanen: 1 },
  });

const werkplek = (headers: Record<string, string>, over: Record<string, unknown> = {}): Promise<Werkplek> =>
  gegeven.werkplek(headers, {
    titel: 'Medewerker groenonderhoud',
    soort: 'participatieplaats',
    werksoort: 'groen',
    uren: { minimum: 16, maximum: 32 },
    locatie: { postcodegebied: '1102', gemeente: 'GM0363' },
    aantalPlaatsen: 2,
    eisen: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', taalniveau: 'A2', rijbewijs: false },
    werkaanpassingen: ['vasteStructuur', 'extraPauzes'],
    begeleiding: { eigenJobcoach: true, buddy: false },
    teltVoorBanenafspraak: false,
    ...over,
  });

let dossier = 0;
const NAAM = 'Noah Bakker';
const verwijzingInvoer = (over: Record<string, unknown> = {}) => ({
  dossierkenmerk: `PW-2026-${String(++dossier).padStart(5, '0')}`,
  doelgroep: 'participatiewet',
  kandidaat: { naam: NAAM, email: 'noah.bakker@example.nl', telefoonnummer: '06 12345678' },
  mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'gemiddeld', zelfstandigheid: 'deelsZelfstandig', taalniveau: 'B1', rijbewijs: false },
  werkaanpassingen: ['vasteStructuur'],
  uren: { minimum: 20, maximum: 28 },
  mobiliteit: { reisafstandKm: 15, vervoer: ['fiets', 'ov'] },
  postcodegebied: '1103',
  werksoortVoorkeuren: ['groen', 'schoonmaak'],
  beschikbaarVanaf: '2026-12-01',
  toestemmingProfielDelen: true,
  ...over,
});
/** A referral of `gemeente`, through intake to bemiddelbaar (unless `tot` says where to stop). */
const verwijzing = (gemeente = amsterdam, over: Record<string, unknown> = {}, tot: 'ingediend' | 'bemiddelbaar' = 'bemiddelbaar'): Promise<Verwijzing> =>
  tot === 'ingediend' ? gegeven.verwijzing(gemeente, verwijzingInvoer(over)) : gegeven.bemiddelbaar(admin, gemeente, verwijzingInvoer(over));

type WerkplekMatch = { werkplek: Werkplek; score: Matchscore };
type KandidaatMatch = { profiel: Kandidaatprofiel; score: Matchscore };
const expectUitgelegd = (score: Matchscore) => {
  expect(score.redenen.map((r) => r.criterium)).toEqual(['werksoort', 'uren', 'reisafstand', 'begeleiding', 'doelgroep', 'eisen', 'werkaanpassingen']);
  expect(score.totaal).toBe(score.redenen.reduce((som, r) => som + r.punten, 0));
  for (const r of score.redenen) expect(r.toelichting.length).toBeGreaterThan(10);
};
const gesorteerd = (scores: Matchscore[]) => scores.every((s, i) => i === 0 || scores[i - 1]!.totaal >= s.totaal);

describe('werkplekken voor een verwijzing', () => {
  it('geeft de open werkplekken in de regio per werksoortvoorkeur, best passend eerst, met redenen; GetItem plus één Query per werksoort', async () => {
    const x = await actiefLid();
    const y = await actiefLid();
    const groen = await werkplek(x.headers);
    const schoonmaak = await werkplek(x.headers, { werksoort: 'schoonmaak', titel: 'Schoonmaker' });
    const metRijbewijs = await werkplek(y.headers, { eisen: { fysiekeBelastbaarheid: 'laag', werktempo: 'laag', taalniveau: 'geen', rijbewijs: true } });
    const logistiek = await werkplek(y.headers, { werksoort: 'logistiek' });
    const rotterdam = await werkplek(y.headers, { locatie: { postcodegebied: '3011', gemeente: 'GM0599' } });
    const dicht = await werkplek(y.headers);
    await call('PATCH', `/v1/werkplekken/${dicht.id}`, { headers: { ...y.headers, 'if-match': '"1"' }, body: { status: 'gesloten' } });
    const v = await verwijzing();

    for (const headers of [admin, amsterdam]) {
      const r = await call('GET', `/v1/verwijzingen/${v.id}/matches`, { headers });
      expect(r.status).toBe(200);
      expect(r.ops).toEqual(['GetItem', 'Query', 'Query']);
      const matches = r.body.matches as WerkplekMatch[];
      const ids = matches.map((m) => m.werkplek.id);
      expect(ids).toEqual(expect.arrayContaining([groen.id, schoonmaak.id, metRijbewijs.id]));
      for (const weg of [logistiek.id, rotterdam.id, dicht.id]) expect(ids).not.toContain(weg);
      expect(gesorteerd(matches.map((m) => m.score))).toBe(true);
      matches.forEach((m) => expectUitgelegd(m.score));
      expect(ids.indexOf(groen.id)).toBeLessThan(ids.indexOf(schoonmaak.id));
      const rijbewijs = matches.find((m) => m.werkplek.id === metRijbewijs.id)!;
      expect(rijbewijs.score.redenen.find((r) => r.criterium === 'eisen')!.toelichting).toMatch(/^Harde mismatch: rijbewijs/);
      expect(r.body.volgendePagina).toBeNull();
    }
    // Nothing is placed by matching: the places are untouched.
    expect((await call('GET', `/v1/werkplekken/${groen.id}`, { headers: admin })).body).toMatchObject({ aantalBezet: 0, versie: 1 });
  });

  it('pagineert de gerangschikte lijst; elke werkplek komt precies één keer; een vreemde cursor is 400', async () => {
    const x = await actiefLid();
    for (let i = 0; i < 3; i++) await werkplek(x.headers, { werksoort: 'bakkerij', titel: `Bakker ${i}` });
    const v = await verwijzing(amsterdam, { werksoortVoorkeuren: ['bakkerij'] });
    const gezien: string[] = [];
    let pad: string | null = `/v1/verwijzingen/${v.id}/matches?pageSize=2`;
    while (pad) {
      const r = await call('GET', pad, { headers: admin });
      expect(r.status).toBe(200);
      expect(r.body.matches.length).toBeLessThanOrEqual(2);
      gezien.push(...r.body.matches.map((m: WerkplekMatch) => m.werkplek.id));
      pad = r.body.volgendePagina;
      if (pad) expect(pad).toMatch(new RegExp(`^/v1/verwijzingen/${v.id}/matches\\?pageSize=2&cursor=`));
    }
    expect(gezien).toHaveLength(3);
    expect(new Set(gezien).size).toBe(3);
    expectProblem(await call('GET', `/v1/verwijzingen/${v.id}/matches?cursor=bm9vaXQ`, { headers: admin }), 400);
    expectProblem(await call('GET', `/v1/verwijzingen/${v.id}/matches?pageSize=500&sortering=score`, { headers: admin }), 400);
  });

  it('een andere gemeente krijgt 404, een werkgever 403, zonder token 401; een verwijzing die niet bemiddelbaar is 409', async () => {
    const v = await verwijzing();
    const vreemd = await call('GET', `/v1/verwijzingen/${v.id}/matches`, { headers: ouderAmstel });
    expectProblem(vreemd, 404);
    expect(vreemd.ops).toEqual(['GetItem']);
    const onbekend = await call('GET', '/v1/verwijzingen/01JDZZZZZZZZZZZZZZZZZZZZZZ/matches', { headers: ouderAmstel });
    expect({ ...onbekend.body, instance: undefined }).toEqual({ ...vreemd.body, instance: undefined });
    const x = await actiefLid();
    expectProblem(await call('GET', `/v1/verwijzingen/${v.id}/matches`, { headers: x.headers }), 403);
    expectProblem(await call('GET', `/v1/verwijzingen/${v.id}/matches`), 401);
    expectProblem(await call('GET', '/v1/verwijzingen/geen-ulid/matches', { headers: admin }), 400);

    const ingediend = await verwijzing(amsterdam, {}, 'ingediend');
    const r = await call('GET', `/v1/verwijzingen/${ingediend.id}/matches`, { headers: amsterdam });
    expectProblem(r, 409);
    expect(r.body.detail).toContain("'ingediend'");
  });
});

describe('kandidaten voor een werkplek', () => {
  it('het lid ziet bemiddelbare kandidaten als anoniem profiel, best passend eerst, met GetItem en één Query', async () => {
    const x = await actiefLid();
    const w = await werkplek(x.headers, { werksoort: 'hovenier' });
    const past = await verwijzing(amsterdam, { werksoortVoorkeuren: ['hovenier'] });
    const uitOuderAmstel = await verwijzing(ouderAmstel, { werksoortVoorkeuren: ['schoonmaak', 'hovenier'], uren: { minimum: 36, maximum: 40 } });
    const zonderToestemming = await verwijzing(amsterdam, { werksoortVoorkeuren: ['hovenier'], toestemmingProfielDelen: false });
    const nietBemiddelbaar = await verwijzing(amsterdam, { werksoortVoorkeuren: ['hovenier'] }, 'ingediend');
    const rotterdam = await verwijzing(await authorization(rt, 'gemeente', 'GM0599'), { werksoortVoorkeuren: ['hovenier'], postcodegebied: '3011' });

    for (const headers of [x.headers, admin]) {
      const r = await call('GET', `/v1/werkplekken/${w.id}/kandidaten`, { headers });
      expect(r.status).toBe(200);
      expect(r.ops).toEqual(['GetItem', 'Query']);
      const kandidaten = r.body.kandidaten as KandidaatMatch[];
      expect(kandidaten.map((k) => k.profiel.verwijzingId)).toEqual([past.id, uitOuderAmstel.id]);
      kandidaten.forEach((k) => expectUitgelegd(k.score));
      expect(gesorteerd(kandidaten.map((k) => k.score))).toBe(true);
      for (const k of kandidaten) expect(k.profiel).toMatchObject({ arbeidsmarktregio: 'Groot Amsterdam', doelgroep: 'participatiewet', uren: expect.any(Object) });
      // Anonymous: no name, no contact, no dossier reference, nothing of the gemeente's file.
      const tekst = JSON.stringify(r.body);
      for (const geheim of [NAAM, 'noah.bakker@example.nl', '06 12345678', past.dossierkenmerk]) expect(tekst).not.toContain(geheim);
      for (const weg of [zonderToestemming.id, nietBemiddelbaar.id, rotterdam.id]) expect(tekst).not.toContain(weg);
    }
  });

  it('een ander lid krijgt 404, een gemeente 403; een gesloten werkplek 409', async () => {
    const x = await actiefLid();
    const y = await actiefLid();
    const w = await werkplek(x.headers);
    const vreemd = await call('GET', `/v1/werkplekken/${w.id}/kandidaten`, { headers: y.headers });
    expectProblem(vreemd, 404);
    expect(vreemd.ops).toEqual(['GetItem']);
    expectProblem(await call('GET', `/v1/werkplekken/${w.id}/kandidaten`, { headers: amsterdam }), 403);
    expectProblem(await call('GET', `/v1/werkplekken/${w.id}/kandidaten`), 401);
    expectProblem(await call('GET', '/v1/werkplekken/01JDZZZZZZZZZZZZZZZZZZZZZZ/kandidaten', { headers: admin }), 404);
    await call('PATCH', `/v1/werkplekken/${w.id}`, { headers: { ...x.headers, 'if-match': '"1"' }, body: { status: 'gesloten' } });
    expectProblem(await call('GET', `/v1/werkplekken/${w.id}/kandidaten`, { headers: x.headers }), 409);
  });

  it('naam en contact alleen voor het lid waarmee de kandidaat wil kennismaken, tot die toestemming is ingetrokken', async () => {
    const x = await actiefLid();
    const y = await actiefLid();
    const vanX = await werkplek(x.headers, { werksoort: 'kwekerij' });
    const vanY = await werkplek(y.headers, { werksoort: 'kwekerij' });
    const v = await verwijzing(amsterdam, { werksoortVoorkeuren: ['kwekerij'] });
    const anoniem = await verwijzing(amsterdam, { werksoortVoorkeuren: ['kwekerij'], kandidaat: { naam: 'Sem de Wit' } });

    const toestemming = await call('POST', `/v1/verwijzingen/${v.id}/toestemmingen`, { headers: amsterdam, body: { lidId: x.lid.id } });
    expect(toestemming.status).toBe(200);

    const alsX = await call('GET', `/v1/werkplekken/${vanX.id}/kandidaten`, { headers: x.headers });
    expect(alsX.ops).toEqual(['GetItem', 'Query', 'BatchGetItem']);
    const kandidaten = alsX.body.kandidaten as KandidaatMatch[];
    expect(kandidaten.find((k) => k.profiel.verwijzingId === v.id)!.profiel.kandidaat).toEqual({ naam: NAAM, email: 'noah.bakker@example.nl', telefoonnummer: '06 12345678' });
    expect(kandidaten.find((k) => k.profiel.verwijzingId === anoniem.id)!.profiel).not.toHaveProperty('kandidaat');
    expect(JSON.stringify(alsX.body)).not.toContain('Sem de Wit');

    // The consent was for X: Y sees the same candidate anonymously, without reading the referrals.
    const alsY = await call('GET', `/v1/werkplekken/${vanY.id}/kandidaten`, { headers: y.headers });
    expect(alsY.ops).toEqual(['GetItem', 'Query']);
    expect(alsY.body.kandidaten.map((k: KandidaatMatch) => k.profiel.verwijzingId)).toContain(v.id);
    expect(JSON.stringify(alsY.body)).not.toContain(NAAM);

    const ingetrokken = await call('DELETE', `/v1/verwijzingen/${v.id}/toestemmingen/${x.lid.id}`, { headers: amsterdam });
    expect(ingetrokken.status).toBe(204);
    const weer = await call('GET', `/v1/werkplekken/${vanX.id}/kandidaten`, { headers: x.headers });
    expect(weer.ops).toEqual(['GetItem', 'Query']);
    expect(weer.body.kandidaten.map((k: KandidaatMatch) => k.profiel.verwijzingId)).toContain(v.id);
    expect(JSON.stringify(weer.body)).not.toContain(NAAM);
    expect(JSON.stringify(weer.body)).not.toContain('noah.bakker@example.nl');
  });

  it('wie zijn profiel niet meer deelt of wordt teruggemeld, verdwijnt uit de kandidaten', async () => {
    const x = await actiefLid();
    const w = await werkplek(x.headers, { werksoort: 'fietsenmaker' });
    const a = await verwijzing(amsterdam, { werksoortVoorkeuren: ['fietsenmaker'] });
    const b = await verwijzing(amsterdam, { werksoortVoorkeuren: ['fietsenmaker'] });
    const ids = async () => (await call('GET', `/v1/werkplekken/${w.id}/kandidaten`, { headers: x.headers })).body.kandidaten.map((k: KandidaatMatch) => k.profiel.verwijzingId);
    expect((await ids()).sort()).toEqual([a.id, b.id].sort());
    const wijziging = await call('PATCH', `/v1/verwijzingen/${a.id}`, { headers: { ...amsterdam, 'if-match': `"${a.versie}"` }, body: { toestemmingProfielDelen: false } });
    expect(wijziging.status).toBe(200);
    expect((await call('POST', `/v1/verwijzingen/${b.id}/terugmelding`, { headers: admin, body: { reden: 'Kandidaat verhuisd' } })).status).toBe(200);
    expect(await ids()).toEqual([]);
    expectProblem(await call('GET', `/v1/verwijzingen/${b.id}/matches`, { headers: amsterdam }), 409);
  });
});
