import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulidx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { verwijzingenRoutes } from '../../shared/routes/verwijzingen';
import type { Verwijzing } from '../../shared/schemas/verwijzingen';
import { dynamo, tabel } from '../../shared/store/dynamodb';
import { sleutels } from '../../shared/store/sleutels';
import { naarZoekprofiel } from '../../shared/store/zoekprofielen';
import { apiClient, expectProblem, namen } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';
import { scenario } from '../support/scenario';

type Headers = Record<string, string>;
let rt: LocalRuntime;
let admin: Headers;
let amsterdam: Headers;
let rotterdam: Headers;
let werkgever: Headers;
let regiopartner: Headers;
let lidId: string;
// A region name of its own keeps this file's gsi2 partitions apart from any other run's.
const REGIO_A = `Groot Amsterdam ${ulid()}`;

const api = apiClient(() => rt);
const { call } = api;
const gegeven = scenario(api, () => rt);

beforeAll(async () => {
  rt = await startTestRuntime();
  admin = await authorization(rt, 'coopAdmin');
  amsterdam = await authorization(rt, 'gemeente', 'GM0363');
  rotterdam = await authorization(rt, 'gemeente', 'GM0599');
  regiopartner = await authorization(rt, 'regiopartner', ulid());
  const contactpersoon = { naam: 'Noor Bakker', email: 'participatie@gemeente.nl' };
  for (const [code, naam, arbeidsmarktregio] of [['GM0363', 'Amsterdam', REGIO_A], ['GM0599', 'Rotterdam', 'Rijnmond']])
    await gegeven.gemeente(admin, { code, naam, arbeidsmarktregio, contactpersoon });
  const actief = await gegeven.actiefLid(admin, {
    kvkNummer: String(40_000_000 + Math.floor(Math.random() * 50_000_000)),
    naam: 'Groen BV',
    sectoren: ['groen'],
    werksoorten: ['groen'],
    contactpersoon: { naam: 'Eva de Boer', email: 'eva@groen.nl' },
    toezeggingen: { reguliereBanen: 1, participatieplaatsen: 1, beschutWerkplekken: 0, banenafspraakBanen: 1 },
  });
  lidId = actief.lid.id;
  werkgever = actief.headers;
});
afterAll(() => rt?.stop());

const invoer = (over: Record<string, unknown> = {}) => ({
  dossierkenmerk: 'PW-2026-00412',
  doelgroep: 'banenafspraak',
  kandidaat: { naam: 'Sem de Wit', email: 'sem@example.nl', telefoonnummer: '06 12345678' },
  mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', zelfstandigheid: 'deelsZelfstandig', taalniveau: 'B1', rijbewijs: false },
  werkaanpassingen: ['vasteStructuur', 'prikkelarmeOmgeving'],
  uren: { minimum: 16, maximum: 24 },
  mobiliteit: { reisafstandKm: 10, vervoer: ['fiets', 'ov'] },
  postcodegebied: '1102',
  werksoortVoorkeuren: ['groen', 'schoonmaak'],
  beschikbaarVanaf: '2026-12-01',
  toestemmingProfielDelen: true,
  ...over,
});
const indienen = async (headers = amsterdam, over: Record<string, unknown> = {}) => {
  const r = await call('POST', '/v1/verwijzingen', { headers, body: invoer(over) });
  expect(r.status).toBe(201);
  return r.body as Verwijzing;
};
const operatie = async (v: { id: string }, segment: string, headers = admin, body?: unknown) => {
  const r = await call('POST', `/v1/verwijzingen/${v.id}/${segment}`, { headers, ...(body !== undefined ? { body } : {}) });
  expect(r.status).toBe(200);
  return r.body as Verwijzing;
};
const bemiddelbaar = (over: Record<string, unknown> = {}) => gegeven.bemiddelbaar(admin, amsterdam, invoer(over));
const lijst = async (headers: Headers, query = '') => {
  const ids: string[] = [];
  let pad: string | null = `/v1/verwijzingen?pageSize=100${query}`;
  while (pad) {
    const r = await call('GET', pad, { headers });
    expect(r.status).toBe(200);
    ids.push(...r.body.verwijzingen.map((v: Verwijzing) => v.id));
    pad = r.body.volgendePagina;
  }
  return ids;
};
const zoekprofielen = async (verwijzingId: string) => {
  const r = await dynamo().send(
    new QueryCommand({
      TableName: tabel(),
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':p': sleutels.verwijzing(verwijzingId).pk, ':s': sleutels.zoekprofielPrefix },
      ConsistentRead: true,
    }),
  );
  return (r.Items ?? []).map(naarZoekprofiel);
};

describe('een gemeente verwijst een kandidaat', () => {
  it('krijgt 201 met Location en ETag; de verwijzing is van haar gemeente en regio; één GetItem (de gemeente) en één transactie', async () => {
    const r = await call('POST', '/v1/verwijzingen', { headers: amsterdam, body: invoer() });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ ...invoer(), gemeente: 'GM0363', arbeidsmarktregio: REGIO_A, status: 'ingediend', aantalPlaatsingen: 0, toestemmingWerkgevers: [], versie: 1 });
    expect(r.headers.get('location')).toBe(`/v1/verwijzingen/${r.body.id}`);
    expect(r.headers.get('etag')).toBe('"1"');
    expect(r.ops).toEqual(['GetItem', 'TransactWriteItems']);
  });

  it('een niet-geregistreerde gemeente krijgt 422 met uitleg, en er wordt niets geschreven', async () => {
    const r = await call('POST', '/v1/verwijzingen', { headers: await authorization(rt, 'gemeente', 'GM0001'), body: invoer() });
    expectProblem(r, 422);
    expect(r.body.detail).toContain('GM0001');
    expect(r.body.detail).toContain('niet geregistreerd');
    expect(r.ops).toEqual(['GetItem']);
  });

  it('alleen een gemeente verwijst: een coördinator (ook niet namens), werkgever en regiopartner krijgen 403, zonder token 401', async () => {
    for (const headers of [admin, werkgever, regiopartner]) expectProblem(await call('POST', '/v1/verwijzingen', { headers, body: invoer() }), 403);
    expectProblem(await call('POST', '/v1/verwijzingen', { body: invoer() }), 401);
  });

  it('weigert een BSN in het dossierkenmerk en in de naam (400); een negencijferig getal dat geen BSN is mag', async () => {
    const voor = await lijst(amsterdam);
    const inKenmerk = await call('POST', '/v1/verwijzingen', { headers: amsterdam, body: invoer({ dossierkenmerk: '111222333' }) });
    expectProblem(inKenmerk, 400);
    expect(namen(inKenmerk)).toEqual(['body.dossierkenmerk']);
    expect(JSON.stringify(inKenmerk.body)).not.toContain('111222333');
    const inNaam = await call('POST', '/v1/verwijzingen', { headers: amsterdam, body: invoer({ kandidaat: { naam: 'Sem 1112.22.333' } }) });
    expectProblem(inNaam, 400);
    expect(namen(inNaam)).toEqual(['body.kandidaat.naam']);
    expect(await lijst(amsterdam)).toEqual(voor);
    const geenBsn = await call('POST', '/v1/verwijzingen', { headers: amsterdam, body: invoer({ dossierkenmerk: '123456789' }) });
    expect(geenBsn.status).toBe(201);
  });

  it('weigert een diagnose of vrije medische tekst (onbekende velden) en velden die het systeem zet, alle fouten tegelijk', async () => {
    const r = await call('POST', '/v1/verwijzingen', {
      headers: amsterdam,
      body: {
        ...invoer({ uren: { minimum: 30, maximum: 20 }, werksoortVoorkeuren: [], postcodegebied: '1102AB' }),
        diagnose: 'depressie',
        medischeToelichting: 'rugklachten, medicatie',
        gemeente: 'GM0599',
        status: 'bemiddelbaar',
      },
    });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(
      expect.arrayContaining([
        'body.diagnose',
        'body.medischeToelichting',
        'body.gemeente',
        'body.status',
        'body.uren.minimum',
        'body.werksoortVoorkeuren',
        'body.postcodegebied',
      ]),
    );
    const mogelijkheden = await call('POST', '/v1/verwijzingen', {
      headers: amsterdam,
      body: invoer({ mogelijkheden: { ...invoer().mogelijkheden, beperking: 'autisme' } }),
    });
    expect(namen(mogelijkheden)).toEqual(['body.mogelijkheden.beperking']);
  });

  it('weigert kapotte JSON (400), een verkeerd mediatype (415) en een te grote body (413)', async () => {
    expectProblem(await call('POST', '/v1/verwijzingen', { headers: { ...amsterdam, 'content-type': 'application/json' }, raw: '{"doelgroep":' }), 400);
    expectProblem(await call('POST', '/v1/verwijzingen', { headers: { ...amsterdam, 'content-type': 'text/csv' }, raw: 'a,b' }), 415);
    expectProblem(await call('POST', '/v1/verwijzingen', { headers: amsterdam, body: invoer({ dossierkenmerk: 'x'.repeat(20_000) }) }), 413);
  });
});

describe('verwijzingen ophalen en zoeken, met tenancy', () => {
  it('de eigen gemeente en een coördinator zien de verwijzing met één GetItem; een andere gemeente krijgt 404, niet te onderscheiden van onbekend', async () => {
    const v = await indienen();
    const eigen = await call('GET', `/v1/verwijzingen/${v.id}`, { headers: amsterdam });
    expect(eigen.body).toEqual(v);
    expect(eigen.headers.get('etag')).toBe('"1"');
    expect(eigen.ops).toEqual(['GetItem']);
    expect((await call('GET', `/v1/verwijzingen/${v.id}`, { headers: admin })).body).toEqual(v);
    const vreemd = await call('GET', `/v1/verwijzingen/${v.id}`, { headers: rotterdam });
    expectProblem(vreemd, 404);
    expect(JSON.stringify(vreemd.body)).not.toContain('Sem');
    expect(JSON.stringify(vreemd.body)).not.toContain(v.dossierkenmerk);
    const onbekend = await call('GET', `/v1/verwijzingen/${ulid()}`, { headers: rotterdam });
    expect({ ...onbekend.body, instance: undefined }).toEqual({ ...vreemd.body, instance: undefined });
    expectProblem(await call('GET', '/v1/verwijzingen/geen-ulid', { headers: admin }), 400);
  });

  it('een gemeente ziet in de lijst alleen de eigen (één Query op haar partitie), ook als zij om een andere gemeente vraagt', async () => {
    const [a, b] = [await indienen(amsterdam), await indienen(rotterdam, { postcodegebied: '3011' })];
    const alsA = await call('GET', '/v1/verwijzingen', { headers: amsterdam });
    expect(alsA.ops).toEqual(['Query']);
    expect(alsA.body.verwijzingen.every((v: Verwijzing) => v.gemeente === 'GM0363')).toBe(true);
    const idsA = await lijst(amsterdam);
    expect(idsA).toContain(a.id);
    expect(idsA).not.toContain(b.id);
    const idsB = await lijst(rotterdam);
    expect(idsB).toContain(b.id);
    expect(idsB).not.toContain(a.id);
    const vraagtAnder = await call('GET', '/v1/verwijzingen?gemeente=GM0599', { headers: amsterdam });
    expect(vraagtAnder.body).toEqual({ verwijzingen: [], volgendePagina: null });
    expect(vraagtAnder.ops).toEqual([]);
    expect(await lijst(amsterdam, '&gemeente=GM0363')).toEqual(idsA);
  });

  it('een coördinator ziet alle, op status en gemeente, gepagineerd met één Query per pagina', async () => {
    const a = await indienen(amsterdam);
    const b = await indienen(rotterdam);
    await operatie(b, 'intake');
    const eerste = await call('GET', '/v1/verwijzingen?pageSize=1', { headers: admin });
    expect(eerste.ops).toEqual(['Query']);
    expect(eerste.body.volgendePagina).toMatch(/^\/v1\/verwijzingen\?pageSize=1&cursor=/);
    const tweede = await call('GET', eerste.body.volgendePagina, { headers: admin });
    expect(tweede.status).toBe(200);
    expect(tweede.body.verwijzingen[0].id).not.toBe(eerste.body.verwijzingen[0].id);

    const alle = await lijst(admin);
    expect(alle).toEqual(expect.arrayContaining([a.id, b.id]));
    const inIntake = await lijst(admin, '&status=inIntake');
    expect(inIntake).toContain(b.id);
    expect(inIntake).not.toContain(a.id);
    const rotterdamIntake = await call('GET', '/v1/verwijzingen?status=inIntake&gemeente=GM0599&pageSize=1', { headers: admin });
    expect(rotterdamIntake.body.verwijzingen.every((v: Verwijzing) => v.gemeente === 'GM0599' && v.status === 'inIntake')).toBe(true);
    if (rotterdamIntake.body.volgendePagina) expect(rotterdamIntake.body.volgendePagina).toContain('status=inIntake&gemeente=GM0599');
  });

  it('weigert onbekende queryparameters, een ongeldige status of gemeente en een vervalste cursor met 400', async () => {
    const r = await call('GET', '/v1/verwijzingen?status=zoek&gemeente=Amsterdam&bsn=1', { headers: admin });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(expect.arrayContaining(['query.status', 'query.gemeente', 'query.bsn']));
    const vervalst = Buffer.from(JSON.stringify({ pk: 'VERWIJZING#x', sk: 'VERWIJZING', gsi9pk: 'x' })).toString('base64url');
    expectProblem(await call('GET', `/v1/verwijzingen?cursor=${vervalst}`, { headers: amsterdam }), 400);
  });
});

describe('de gemeente wijzigt haar verwijzing (merge patch met If-Match)', () => {
  it('vraagt If-Match (428), weigert een verouderde versie (412) en wijzigt met één read en één transactie', async () => {
    const v = await indienen();
    const patch = { headers: { ...amsterdam, 'content-type': 'application/merge-patch+json' }, body: { uren: { minimum: 8, maximum: 16 } } };
    expectProblem(await call('PATCH', `/v1/verwijzingen/${v.id}`, patch), 428);
    expectProblem(await call('PATCH', `/v1/verwijzingen/${v.id}`, { ...patch, headers: { ...patch.headers, 'if-match': '"5"' } }), 412);
    const ok = await call('PATCH', `/v1/verwijzingen/${v.id}`, { ...patch, headers: { ...patch.headers, 'if-match': '"1"' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ uren: { minimum: 8, maximum: 16 }, versie: 2, status: 'ingediend' });
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(ok.ops).toEqual(['GetItem', 'TransactWriteItems']);
  });

  it('niet het dossierkenmerk, de doelgroep of systeemvelden; geen BSN; een andere gemeente 404; een coördinator 403', async () => {
    const v = await indienen();
    const headers = { ...amsterdam, 'if-match': '"1"' };
    const r = await call('PATCH', `/v1/verwijzingen/${v.id}`, { headers, body: { dossierkenmerk: 'ander', doelgroep: 'beschutWerk', status: 'bemiddelbaar', diagnose: 'x' } });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(expect.arrayContaining(['body.dossierkenmerk', 'body.doelgroep', 'body.status', 'body.diagnose']));
    expect(namen(await call('PATCH', `/v1/verwijzingen/${v.id}`, { headers, body: { kandidaat: { naam: 'Sem 111222333' } } }))).toEqual(['body.kandidaat.naam']);
    expectProblem(await call('PATCH', `/v1/verwijzingen/${v.id}`, { headers, body: {} }), 400);
    expectProblem(await call('PATCH', `/v1/verwijzingen/${v.id}`, { headers: { ...rotterdam, 'if-match': '"1"' }, body: { uren: { minimum: 8, maximum: 16 } } }), 404);
    expectProblem(await call('PATCH', `/v1/verwijzingen/${v.id}`, { headers: { ...admin, 'if-match': '"1"' }, body: { uren: { minimum: 8, maximum: 16 } } }), 403);
    expect((await call('GET', `/v1/verwijzingen/${v.id}`, { headers: amsterdam })).body).toEqual(v);
  });

  it('een afgesloten verwijzing verandert niet meer (409), maar de toestemming om het profiel te delen kan altijd worden ingetrokken', async () => {
    const v = await indienen();
    await operatie(v, 'intrekking', amsterdam, { reden: 'Kandidaat heeft zelf werk gevonden' });
    expectProblem(await call('PATCH', `/v1/verwijzingen/${v.id}`, { headers: { ...amsterdam, 'if-match': '"2"' }, body: { uren: { minimum: 8, maximum: 16 } } }), 409);
    const ok = await call('PATCH', `/v1/verwijzingen/${v.id}`, { headers: { ...amsterdam, 'if-match': '"2"' }, body: { toestemmingProfielDelen: false } });
    expect(ok.body).toMatchObject({ status: 'ingetrokken', toestemmingProfielDelen: false, versie: 3 });
  });
});

describe('de overgangen', () => {
  it('intake en bemiddelbaarverklaring door een coördinator, elk met één read en één transactie; een gemeente mag dat niet (403)', async () => {
    const v = await indienen();
    expectProblem(await call('POST', `/v1/verwijzingen/${v.id}/intake`, { headers: amsterdam }), 403);
    const intake = await call('POST', `/v1/verwijzingen/${v.id}/intake`, { headers: { ...admin, 'if-match': '"1"' } });
    expect(intake.body).toMatchObject({ status: 'inIntake', versie: 2 });
    expect(intake.headers.get('etag')).toBe('"2"');
    expect(intake.ops).toEqual(['GetItem', 'TransactWriteItems']);
    expectProblem(await call('POST', `/v1/verwijzingen/${v.id}/intake`, { headers: admin }), 409);
    expectProblem(await call('POST', `/v1/verwijzingen/${v.id}/bemiddelbaarverklaring`, { headers: { ...admin, 'if-match': '"1"' } }), 412);
    const b = await call('POST', `/v1/verwijzingen/${v.id}/bemiddelbaarverklaring`, { headers: admin });
    expect(b.body.status).toBe('bemiddelbaar');
    expect(b.ops).toEqual(['GetItem', 'TransactWriteItems']);
    expectProblem(await call('POST', `/v1/verwijzingen/${v.id}/bemiddelbaarverklaring`, { headers: admin, body: { reden: 'x' } }), 400);
  });

  it('terugmelden vraagt een reden, alleen een coördinator doet het, en een afgesloten verwijzing gaat nergens meer heen', async () => {
    const v = await bemiddelbaar();
    expectProblem(await call('POST', `/v1/verwijzingen/${v.id}/terugmelding`, { headers: admin }), 400);
    expectProblem(await call('POST', `/v1/verwijzingen/${v.id}/terugmelding`, { headers: admin, body: { reden: '' } }), 400);
    expectProblem(await call('POST', `/v1/verwijzingen/${v.id}/terugmelding`, { headers: amsterdam, body: { reden: 'x' } }), 403);
    const t = await call('POST', `/v1/verwijzingen/${v.id}/terugmelding`, { headers: admin, body: { reden: 'Niet bemiddelbaar binnen de regio' } });
    expect(t.body).toMatchObject({ status: 'teruggemeld', statusReden: 'Niet bemiddelbaar binnen de regio' });
    expect(t.ops).toEqual(['GetItem', 'TransactWriteItems']);
    expectProblem(await call('POST', `/v1/verwijzingen/${v.id}/terugmelding`, { headers: admin, body: { reden: 'nog eens' } }), 409);
    expectProblem(await call('POST', `/v1/verwijzingen/${v.id}/intrekking`, { headers: amsterdam, body: { reden: 'x' } }), 409);
  });

  it('intrekken door de eigen gemeente, met reden; een andere gemeente 404, een coördinator 403', async () => {
    const v = await indienen();
    expectProblem(await call('POST', `/v1/verwijzingen/${v.id}/intrekking`, { headers: admin, body: { reden: 'x' } }), 403);
    expectProblem(await call('POST', `/v1/verwijzingen/${v.id}/intrekking`, { headers: rotterdam, body: { reden: 'x' } }), 404);
    expectProblem(await call('POST', `/v1/verwijzingen/${v.id}/intrekking`, { headers: amsterdam, body: {} }), 400);
    const i = await call('POST', `/v1/verwijzingen/${v.id}/intrekking`, { headers: amsterdam, body: { reden: 'Kandidaat verhuist' } });
    expect(i.body).toMatchObject({ status: 'ingetrokken', statusReden: 'Kandidaat verhuist' });
  });

  it('van twintig gelijktijdige intakes slaagt er precies één', async () => {
    const v = await indienen();
    const antwoorden = await Promise.all(Array.from({ length: 20 }, () => call('POST', `/v1/verwijzingen/${v.id}/intake`, { headers: admin })));
    expect(antwoorden.filter((a) => a.status === 200)).toHaveLength(1);
    expect(antwoorden.every((a) => [200, 409, 412].includes(a.status))).toBe(true);
    const g = await call('GET', `/v1/verwijzingen/${v.id}/gebeurtenissen`, { headers: admin });
    expect(g.body.gebeurtenissen.map((e: { soort: string }) => e.soort)).toEqual(['ingediend', 'inIntakeGenomen']);
  });
});

describe('zoekprofielen: de kandidaat in de matching', () => {
  it('na bemiddelbaarverklaring met toestemming één anoniem zoekprofiel per werksoort; na intrekken van de toestemming (PATCH) of terugmelden zijn ze weg', async () => {
    const v = await bemiddelbaar();
    const profielen = await zoekprofielen(v.id);
    expect(profielen.map((z) => [z.werksoort, z.gsi2pk]).sort()).toEqual([
      ['groen', `KANDIDATEN#${REGIO_A}#groen`],
      ['schoonmaak', `KANDIDATEN#${REGIO_A}#schoonmaak`],
    ]);
    expect(JSON.stringify(profielen)).not.toContain('Sem de Wit');
    expect(JSON.stringify(profielen)).not.toContain(v.dossierkenmerk);
    await call('PATCH', `/v1/verwijzingen/${v.id}`, { headers: { ...amsterdam, 'if-match': '"3"' }, body: { toestemmingProfielDelen: false } });
    expect(await zoekprofielen(v.id)).toEqual([]);
    await call('PATCH', `/v1/verwijzingen/${v.id}`, { headers: { ...amsterdam, 'if-match': '"4"' }, body: { toestemmingProfielDelen: true } });
    expect(await zoekprofielen(v.id)).toHaveLength(2);
    await operatie(v, 'terugmelding', admin, { reden: 'Verhuisd' });
    expect(await zoekprofielen(v.id)).toEqual([]);
  });
});

describe('toestemming om kennis te maken met een lid', () => {
  it('geven en intrekken werkt de verwijzing en haar zoekprofielen bij, elk met één read en één transactie; herhalen leest alleen', async () => {
    const v = await bemiddelbaar();
    const gegeven = await call('POST', `/v1/verwijzingen/${v.id}/toestemmingen`, { headers: amsterdam, body: { lidId } });
    expect(gegeven.status).toBe(200);
    expect(gegeven.body).toMatchObject({ toestemmingWerkgevers: [lidId], versie: 4 });
    expect(gegeven.ops).toEqual(['GetItem', 'TransactWriteItems']);
    for (const z of await zoekprofielen(v.id)) expect(z.toestemmingWerkgevers).toEqual([lidId]);
    const nogmaals = await call('POST', `/v1/verwijzingen/${v.id}/toestemmingen`, { headers: admin, body: { lidId } });
    expect(nogmaals.body.versie).toBe(4);
    expect(nogmaals.ops).toEqual(['GetItem']);

    const ingetrokken = await call('DELETE', `/v1/verwijzingen/${v.id}/toestemmingen/${lidId}`, { headers: amsterdam });
    expect(ingetrokken.status).toBe(204);
    expect(ingetrokken.body).toBeUndefined();
    expect(ingetrokken.ops).toEqual(['GetItem', 'TransactWriteItems']);
    for (const z of await zoekprofielen(v.id)) expect(z.toestemmingWerkgevers).toEqual([]);
    const weer = await call('DELETE', `/v1/verwijzingen/${v.id}/toestemmingen/${lidId}`, { headers: admin });
    expect(weer.status).toBe(204);
    expect(weer.ops).toEqual(['GetItem']);

    const g = await call('GET', `/v1/verwijzingen/${v.id}/gebeurtenissen`, { headers: amsterdam });
    expect(g.body.gebeurtenissen.slice(-2)).toMatchObject([
      { soort: 'toestemmingGegeven', lidId, door: { rol: 'gemeente' } },
      { soort: 'toestemmingIngetrokken', lidId },
    ]);
  });

  it('alleen voor een actief lid (422); een stale If-Match 412; een andere gemeente 404; werkgever en regiopartner 403', async () => {
    const v = await indienen();
    const r = await call('POST', `/v1/verwijzingen/${v.id}/toestemmingen`, { headers: amsterdam, body: { lidId: ulid() } });
    expectProblem(r, 422);
    expect(r.ops).toEqual(['GetItem', 'TransactWriteItems']);
    expectProblem(await call('POST', `/v1/verwijzingen/${v.id}/toestemmingen`, { headers: { ...amsterdam, 'if-match': '"9"' }, body: { lidId } }), 412);
    expectProblem(await call('POST', `/v1/verwijzingen/${v.id}/toestemmingen`, { headers: rotterdam, body: { lidId } }), 404);
    expectProblem(await call('DELETE', `/v1/verwijzingen/${v.id}/toestemmingen/${lidId}`, { headers: rotterdam }), 404);
    expectProblem(await call('POST', `/v1/verwijzingen/${v.id}/toestemmingen`, { headers: amsterdam, body: { lidId: 'geen-ulid', extra: 1 } }), 400);
    expectProblem(await call('DELETE', `/v1/verwijzingen/${v.id}/toestemmingen/geen-ulid`, { headers: amsterdam }), 400);
    for (const headers of [werkgever, regiopartner]) {
      expectProblem(await call('POST', `/v1/verwijzingen/${v.id}/toestemmingen`, { headers, body: { lidId } }), 403);
      expectProblem(await call('DELETE', `/v1/verwijzingen/${v.id}/toestemmingen/${lidId}`, { headers }), 403);
    }
    expect((await call('GET', `/v1/verwijzingen/${v.id}`, { headers: amsterdam })).body).toEqual(v);
  });

  it('bij een afgesloten verwijzing geen nieuwe toestemming (409), intrekken kan wel', async () => {
    const v = await indienen();
    await call('POST', `/v1/verwijzingen/${v.id}/toestemmingen`, { headers: amsterdam, body: { lidId } });
    await operatie(v, 'intrekking', amsterdam, { reden: 'x' });
    expectProblem(await call('POST', `/v1/verwijzingen/${v.id}/toestemmingen`, { headers: admin, body: { lidId: ulid() } }), 409);
    expect((await call('DELETE', `/v1/verwijzingen/${v.id}/toestemmingen/${lidId}`, { headers: amsterdam })).status).toBe(204);
    expect((await call('GET', `/v1/verwijzingen/${v.id}`, { headers: amsterdam })).body.toestemmingWerkgevers).toEqual([]);
  });
});

describe('de geschiedenis van een verwijzing', () => {
  it('legt elke overgang vast met wie, wanneer en waarom; één Query, ook voor de toegangscontrole; gepagineerd', async () => {
    const v = await bemiddelbaar();
    await operatie(v, 'terugmelding', admin, { reden: 'Geen passend werk in de regio' });
    const g = await call('GET', `/v1/verwijzingen/${v.id}/gebeurtenissen`, { headers: amsterdam });
    expect(g.ops).toEqual(['Query']);
    expect(g.body.gebeurtenissen).toMatchObject([
      { soort: 'ingediend', naarStatus: 'ingediend', door: { rol: 'gemeente', subject: expect.any(String) }, versie: 1 },
      { soort: 'inIntakeGenomen', vanStatus: 'ingediend', naarStatus: 'inIntake', door: { rol: 'coopAdmin' }, versie: 2 },
      { soort: 'bemiddelbaarVerklaard', naarStatus: 'bemiddelbaar', versie: 3 },
      { soort: 'teruggemeld', vanStatus: 'bemiddelbaar', naarStatus: 'teruggemeld', reden: 'Geen passend werk in de regio', versie: 4 },
    ]);
    for (const e of g.body.gebeurtenissen) {
      expect(e.op).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(e).not.toHaveProperty('gemeente');
    }
    const eerste = await call('GET', `/v1/verwijzingen/${v.id}/gebeurtenissen?pageSize=3`, { headers: admin });
    const tweede = await call('GET', eerste.body.volgendePagina, { headers: admin });
    expect([...eerste.body.gebeurtenissen, ...tweede.body.gebeurtenissen].map((e: { versie: number }) => e.versie)).toEqual([1, 2, 3, 4]);
    expectProblem(await call('GET', `/v1/verwijzingen/${v.id}/gebeurtenissen`, { headers: rotterdam }), 404);
    expectProblem(await call('GET', `/v1/verwijzingen/${v.id}/gebeurtenissen?pageSize=3&cursor=${eerste.body.volgendePagina.split('cursor=')[1]}`, { headers: rotterdam }), 404);
    expectProblem(await call('GET', `/v1/verwijzingen/${ulid()}/gebeurtenissen`, { headers: admin }), 404);
  });
});

describe('werkgevers en regiopartners zien geen verwijzingen', () => {
  it('krijgen 403 op elke verwijzingsroute, zonder dat er iets gelezen wordt', async () => {
    const v = await indienen();
    for (const route of Object.values(verwijzingenRoutes)) {
      const pad = route.path.replace('{verwijzingId}', v.id).replace('{lidId}', lidId);
      const body = route.method === 'POST' || route.method === 'PATCH' ? {} : undefined;
      for (const headers of [werkgever, regiopartner]) {
        const r = await call(route.method, pad, { headers: { ...headers, 'if-match': '"1"' }, ...(body ? { body } : {}) });
        expectProblem(r, 403);
        expect(r.ops).toEqual([]);
      }
    }
  });
});
