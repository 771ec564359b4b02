import { ulid } from 'ulidx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { bezettingWijzigen } from '../../shared/domain/werkplekken';
import type { Lid } from '../../shared/schemas/leden';
import type { Werkplek } from '../../shared/schemas/werkplekken';
import { dynamoWerkplekkenStore } from '../../shared/store/werkplekken-store';
import { apiClient, expectProblem, namen, nieuwAdres } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';
import { scenario } from '../support/scenario';

let rt: LocalRuntime;
let admin: { authorization: string };
beforeAll(async () => {
  rt = await startTestRuntime();
  admin = await authorization(rt, 'coopAdmin');
  await gegeven.gemeente(admin, {
    code: 'GM0363',
    naam: 'Amsterdam',
    arbeidsmarktregio: 'Groot Amsterdam',
    contactpersoon: { naam: 'Werkgeversservicepunt', email: 'wsp@amsterdam.nl' },
  });
});
afterAll(() => rt?.stop());

const api = apiClient(() => rt);
const { call } = api;
const gegeven = scenario(api, () => rt);

let kvkTeller = 10_000_000 + Math.floor(Math.random() * 80_000_000);
const aanvraag = () => ({
  kvkNummer: String(++kvkTeller),
  naam: 'Hoveniersbedrijf Het Hout',
  sectoren: ['groen'],
  werksoorten: ['groen'],
  contactpersoon: { naam: 'Sanne de Vries', email: 'sanne@hethout.nl' },
  toezeggingen: { reguliereBanen: 1, participatieplaatsen: 2, beschutWerkplekken: 0, banenafspraakBanen: 1 },
});
const aangevraagd = async (): Promise<Lid> => {
  const r = await call('POST', '/v1/leden', { body: aanvraag(), vanAdres: nieuwAdres() });
  expect(r.status).toBe(201);
  return r.body as Lid;
};
const actiefLid = () => gegeven.actiefLid(admin, aanvraag());

const invoer = (over: Record<string, unknown> = {}) => ({
  titel: 'Medewerker groenonderhoud',
  soort: 'participatieplaats',
  werksoort: 'groen',
  uren: { minimum: 16, maximum: 32 },
  locatie: { postcodegebied: '1102', gemeente: 'GM0363' },
  aantalPlaatsen: 2,
  eisen: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', taalniveau: 'A2', rijbewijs: false },
  werkaanpassingen: ['vasteStructuur', 'extraPauzes'],
  begeleiding: { eigenJobcoach: true, buddy: false },
  teltVoorBanenafspraak: true,
  ...over,
});
const aangeboden = (headers: Record<string, string>, over: Record<string, unknown> = {}) => gegeven.werkplek(headers, invoer(over));
const patch = (headers: Record<string, string>, versie: number, body: unknown) => ({
  headers: { ...headers, 'content-type': 'application/merge-patch+json', 'if-match': `"${versie}"` },
  body,
});
const alle = async (pad: string, headers: Record<string, string>): Promise<Werkplek[]> => {
  const gezien: Werkplek[] = [];
  let volgende: string | null = pad;
  while (volgende) {
    const r = await call('GET', volgende, { headers });
    expect(r.status).toBe(200);
    expect(r.ops).toEqual(['Query']);
    gezien.push(...r.body.werkplekken);
    volgende = r.body.volgendePagina;
  }
  return gezien;
};

describe('een lid biedt een werkplek aan', () => {
  it('krijgt 201 met Location en ETag; de werkplek staat open in de regio van zijn gemeente, met twee reads en één transactie', async () => {
    const { lid, headers } = await actiefLid();
    const r = await call('POST', '/v1/werkplekken', { headers, body: invoer() });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ ...invoer(), lidId: lid.id, arbeidsmarktregio: 'Groot Amsterdam', status: 'open', aantalBezet: 0, versie: 1 });
    expect(r.headers.get('location')).toBe(`/v1/werkplekken/${r.body.id}`);
    expect(r.headers.get('etag')).toBe('"1"');
    expect(r.headers.get('api-version')).toBe('1.0.0');
    // The member and the gemeente are read in parallel.
    expect(r.ops).toEqual(['GetItem', 'GetItem', 'TransactWriteItems']);
  });

  it('krijgt alle validatiefouten tegelijk, ook een BSN in de titel en velden die het systeem zelf zet; er verandert niets', async () => {
    const { lid, headers } = await actiefLid();
    const r = await call('POST', '/v1/werkplekken', {
      headers,
      body: {
        ...invoer(),
        titel: 'Plek voor 111222333',
        aantalPlaatsen: 0,
        uren: { minimum: 30, maximum: 20 },
        locatie: { postcodegebied: '0123', gemeente: 'Amsterdam' },
        status: 'vervuld',
        aantalBezet: 3,
        lidId: lid.id,
        diagnose: 'x',
      },
    });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(
      expect.arrayContaining([
        'body.titel',
        'body.aantalPlaatsen',
        'body.uren.minimum',
        'body.locatie.postcodegebied',
        'body.locatie.gemeente',
        'body.status',
        'body.aantalBezet',
        'body.lidId',
        'body.diagnose',
      ]),
    );
    expect(r.ops).toEqual([]);
    expect(await alle('/v1/werkplekken', headers)).toEqual([]);
  });

  it('alleen een lid zelf biedt aan: zonder token 401, coördinator en gemeente 403', async () => {
    expectProblem(await call('POST', '/v1/werkplekken', { body: invoer() }), 401);
    expectProblem(await call('POST', '/v1/werkplekken', { headers: admin, body: invoer() }), 403);
    expectProblem(await call('POST', '/v1/werkplekken', { headers: await authorization(rt, 'gemeente', 'GM0363'), body: invoer() }), 403);
  });

  it('een niet-geregistreerde gemeente is 422; een lid dat niet actief is 409', async () => {
    const { headers } = await actiefLid();
    const onbekend = await call('POST', '/v1/werkplekken', { headers, body: invoer({ locatie: { postcodegebied: '3011', gemeente: 'GM0599' } }) });
    expectProblem(onbekend, 422);
    expect(onbekend.body.detail).toContain('GM0599');
    expect(onbekend.ops).toEqual(['GetItem', 'GetItem']);

    const aanvrager = await aangevraagd();
    const nogNiet = await call('POST', '/v1/werkplekken', { headers: await authorization(rt, 'werkgever', aanvrager.id), body: invoer() });
    expectProblem(nogNiet, 409);
    expect(nogNiet.body.detail).toContain("'aangevraagd'");

    const { lid, headers: geschorst } = await actiefLid();
    await call('POST', `/v1/leden/${lid.id}/schorsing`, { headers: admin, body: { reden: 'Afspraken niet nagekomen' } });
    expectProblem(await call('POST', '/v1/werkplekken', { headers: geschorst, body: invoer() }), 409);
    expect(await alle('/v1/werkplekken', geschorst)).toEqual([]);
  });
});

describe('werkplekken zien en zoeken, met tenancy', () => {
  it('het lid, gemeenten en coördinatoren zien een werkplek met één GetItem; een ander lid krijgt 404', async () => {
    const x = await actiefLid();
    const y = await actiefLid();
    const w = await aangeboden(x.headers);
    for (const headers of [x.headers, admin, await authorization(rt, 'gemeente', 'GM0437')]) {
      const r = await call('GET', `/v1/werkplekken/${w.id}`, { headers });
      expect(r.status).toBe(200);
      expect(r.body).toEqual(w);
      expect(r.headers.get('etag')).toBe('"1"');
      expect(r.ops).toEqual(['GetItem']);
    }
    const vreemd = await call('GET', `/v1/werkplekken/${w.id}`, { headers: y.headers });
    expectProblem(vreemd, 404);
    const onbekend = await call('GET', '/v1/werkplekken/01JDZZZZZZZZZZZZZZZZZZZZZZ', { headers: y.headers });
    expect({ ...onbekend.body, instance: undefined }).toEqual({ ...vreemd.body, instance: undefined });
    expectProblem(await call('GET', '/v1/werkplekken/geen-ulid', { headers: admin }), 400);
    expectProblem(await call('GET', `/v1/werkplekken/${w.id}`, { headers: await authorization(rt, 'regiopartner', '01JD0000000000000000000009') }), 403);
    expectProblem(await call('GET', `/v1/werkplekken/${w.id}`), 401);
  });

  it('een lid ziet alleen de eigen werkplekken; gemeenten en coördinatoren alle, op status en lid, gepagineerd met één Query per pagina', async () => {
    const x = await actiefLid();
    const y = await actiefLid();
    const vanX = [await aangeboden(x.headers), await aangeboden(x.headers), await aangeboden(x.headers)];
    const vanY = await aangeboden(y.headers);
    const dicht = await call('PATCH', `/v1/werkplekken/${vanX[2]!.id}`, patch(x.headers, 1, { status: 'gesloten' }));
    expect(dicht.status).toBe(200);

    expect((await alle('/v1/werkplekken?pageSize=1', x.headers)).map((w) => w.id).sort()).toEqual(vanX.map((w) => w.id).sort());
    expect((await alle('/v1/werkplekken?status=open', x.headers)).map((w) => w.id).sort()).toEqual([vanX[0]!.id, vanX[1]!.id].sort());
    // Another member's list through the filter: empty, nothing leaks.
    const vreemd = await call('GET', `/v1/werkplekken?lidId=${y.lid.id}`, { headers: x.headers });
    expect(vreemd.body).toEqual({ werkplekken: [], volgendePagina: null });
    expect(vreemd.ops).toEqual([]);

    const gemeente = await authorization(rt, 'gemeente', 'GM0363');
    const open = await alle('/v1/werkplekken?status=open&pageSize=2', gemeente);
    expect(open.every((w) => w.status === 'open')).toBe(true);
    expect(open.map((w) => w.id)).toEqual(expect.arrayContaining([vanX[0]!.id, vanX[1]!.id, vanY.id]));
    expect(open.map((w) => w.id)).not.toContain(vanX[2]!.id);
    expect((await alle(`/v1/werkplekken?lidId=${x.lid.id}&status=gesloten`, admin)).map((w) => w.id)).toEqual([vanX[2]!.id]);

    const eerste = await call('GET', '/v1/werkplekken?status=open&pageSize=1', { headers: admin });
    expect(eerste.body.volgendePagina).toMatch(/^\/v1\/werkplekken\?status=open&pageSize=1&cursor=/);
  });

  it('weigert onbekende queryparameters, een ongeldige status en een cursor van een andere lijst met 400', async () => {
    const x = await actiefLid();
    await aangeboden(x.headers);
    await aangeboden(x.headers);
    const r = await call('GET', '/v1/werkplekken?sortering=titel&status=bezet&pageSize=0', { headers: admin });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(expect.arrayContaining(['query.sortering', 'query.status', 'query.pageSize']));
    const eigen = await call('GET', '/v1/werkplekken?pageSize=1', { headers: x.headers });
    const cursor = new URL(eigen.body.volgendePagina, rt.baseUrl).searchParams.get('cursor');
    expectProblem(await call('GET', `/v1/werkplekken?pageSize=1&cursor=${cursor}`, { headers: admin }), 400);
    expectProblem(await call('GET', '/v1/werkplekken?cursor=bm9vaXQ', { headers: admin }), 400);
  });
});

describe('een werkplek wijzigen (merge patch met If-Match)', () => {
  it('vraagt If-Match (428), weigert een verouderde versie (412) en wijzigt met één read en één transactie', async () => {
    const x = await actiefLid();
    const w = await aangeboden(x.headers);
    const zonder = await call('PATCH', `/v1/werkplekken/${w.id}`, { headers: { ...x.headers, 'content-type': 'application/merge-patch+json' }, body: { titel: 'Hovenier' } });
    expectProblem(zonder, 428);
    expectProblem(await call('PATCH', `/v1/werkplekken/${w.id}`, patch(x.headers, 7, { titel: 'Hovenier' })), 412);
    const ok = await call('PATCH', `/v1/werkplekken/${w.id}`, patch(x.headers, 1, { titel: 'Hovenier', aantalPlaatsen: 3 }));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ titel: 'Hovenier', aantalPlaatsen: 3, status: 'open', versie: 2 });
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(ok.ops).toEqual(['GetItem', 'TransactWriteItems']);
  });

  it('vervuld en de bezetting zijn niet te zetten; een ander lid krijgt 404, een gemeente 403, een coördinator mag', async () => {
    const x = await actiefLid();
    const y = await actiefLid();
    const w = await aangeboden(x.headers);
    const r = await call('PATCH', `/v1/werkplekken/${w.id}`, patch(x.headers, 1, { status: 'vervuld', aantalBezet: 2, soort: 'beschutWerk', lidId: y.lid.id }));
    expectProblem(r, 400);
    expect(namen(r)).toEqual(expect.arrayContaining(['body.status', 'body.aantalBezet', 'body.soort', 'body.lidId']));
    expectProblem(await call('PATCH', `/v1/werkplekken/${w.id}`, patch(x.headers, 1, {})), 400);

    const vreemd = await call('PATCH', `/v1/werkplekken/${w.id}`, patch(y.headers, 1, { titel: 'Overgenomen' }));
    expectProblem(vreemd, 404);
    expect(vreemd.ops).toEqual(['GetItem']);
    expectProblem(await call('PATCH', `/v1/werkplekken/${w.id}`, patch(await authorization(rt, 'gemeente', 'GM0363'), 1, { titel: 'x' })), 403);
    expect((await call('GET', `/v1/werkplekken/${w.id}`, { headers: admin })).body.titel).toBe(w.titel);

    const viaAdmin = await call('PATCH', `/v1/werkplekken/${w.id}`, patch(admin, 1, { status: 'gesloten' }));
    expect(viaAdmin.body).toMatchObject({ status: 'gesloten', versie: 2 });
  });

  it('de bezetting volgt de plaatsingen: minder plaatsen dan bezet is 409, een volle werkplek openzetten ook, meer plaatsen opent hem weer', async () => {
    const x = await actiefLid();
    const w = await aangeboden(x.headers, { aantalPlaatsen: 2 });
    // Two placements start: the placements' transactions write this same mutation (werkplekMutatieItems).
    const store = dynamoWerkplekkenStore();
    let huidig = w;
    for (const _ of [1, 2]) {
      const m = bezettingWijzigen(huidig, 1, { rol: 'coopAdmin', subject: 'plaatsing' }, { nu: new Date().toISOString(), nieuwId: () => ulid() });
      await store.pasToe(m);
      huidig = m.werkplek;
    }
    const vol = await call('GET', `/v1/werkplekken/${w.id}`, { headers: x.headers });
    expect(vol.body).toMatchObject({ aantalBezet: 2, status: 'vervuld', versie: 3 });

    const minder = await call('PATCH', `/v1/werkplekken/${w.id}`, patch(x.headers, 3, { aantalPlaatsen: 1 }));
    expectProblem(minder, 409);
    expect(minder.body.detail).toContain('2 plaatsen bezet');
    expectProblem(await call('PATCH', `/v1/werkplekken/${w.id}`, patch(x.headers, 3, { status: 'open' })), 409);
    const meer = await call('PATCH', `/v1/werkplekken/${w.id}`, patch(x.headers, 3, { aantalPlaatsen: 3 }));
    expect(meer.body).toMatchObject({ aantalPlaatsen: 3, aantalBezet: 2, status: 'open', versie: 4 });
  });

  it('van tien gelijktijdige wijzigingen op dezelfde versie wint er precies één', async () => {
    const x = await actiefLid();
    const w = await aangeboden(x.headers);
    const antwoorden = await Promise.all(Array.from({ length: 10 }, (_, i) => call('PATCH', `/v1/werkplekken/${w.id}`, patch(x.headers, 1, { titel: `Titel ${i}` }))));
    expect(antwoorden.filter((a) => a.status === 200)).toHaveLength(1);
    expect(antwoorden.filter((a) => a.status === 412)).toHaveLength(9);
  });
});

describe('de geschiedenis van een werkplek', () => {
  it('legt aanbieden, wijzigen, sluiten en heropenen vast met wie en wanneer; alleen voor het lid en coördinatoren', async () => {
    const x = await actiefLid();
    const y = await actiefLid();
    const w = await aangeboden(x.headers);
    await call('PATCH', `/v1/werkplekken/${w.id}`, patch(x.headers, 1, { uren: { minimum: 20, maximum: 24 } }));
    await call('PATCH', `/v1/werkplekken/${w.id}`, patch(admin, 2, { status: 'gesloten' }));
    await call('PATCH', `/v1/werkplekken/${w.id}`, patch(x.headers, 3, { status: 'open' }));

    const g = await call('GET', `/v1/werkplekken/${w.id}/gebeurtenissen`, { headers: x.headers });
    expect(g.status).toBe(200);
    expect(g.ops).toEqual(['GetItem', 'Query']);
    expect(g.body.gebeurtenissen).toMatchObject([
      { soort: 'aangeboden', naarStatus: 'open', door: { rol: 'werkgever' }, versie: 1 },
      { soort: 'gewijzigd', gewijzigdeVelden: ['uren'], versie: 2 },
      { soort: 'gesloten', vanStatus: 'open', naarStatus: 'gesloten', door: { rol: 'coopAdmin' }, versie: 3 },
      { soort: 'heropend', vanStatus: 'gesloten', naarStatus: 'open', versie: 4 },
    ]);
    const pagina = await call('GET', `/v1/werkplekken/${w.id}/gebeurtenissen?pageSize=3`, { headers: admin });
    expect(pagina.body.gebeurtenissen).toHaveLength(3);
    expect(pagina.body.volgendePagina).toMatch(new RegExp(`^/v1/werkplekken/${w.id}/gebeurtenissen\\?pageSize=3&cursor=`));
    expect((await call('GET', pagina.body.volgendePagina, { headers: admin })).body.gebeurtenissen.map((e: { versie: number }) => e.versie)).toEqual([4]);

    expectProblem(await call('GET', `/v1/werkplekken/${w.id}/gebeurtenissen`, { headers: y.headers }), 404);
    expectProblem(await call('GET', `/v1/werkplekken/${w.id}/gebeurtenissen`, { headers: await authorization(rt, 'gemeente', 'GM0363') }), 403);
    expectProblem(await call('GET', '/v1/werkplekken/01JDZZZZZZZZZZZZZZZZZZZZZZ/gebeurtenissen', { headers: admin }), 404);
  });
});
