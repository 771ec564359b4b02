import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { LIMIETEN, venster } from '../../shared/domain/aanvraaglimiet';
import { DEFAULT_SERVER_URL } from '../../shared/openapi/document';
import type { Lid } from '../../shared/schemas/leden';
import { apiClient, expectProblem, namen, nieuwAdres, type Antwoord } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';
import { scenario } from '../support/scenario';

let rt: LocalRuntime;
let admin: { authorization: string };
beforeAll(async () => {
  rt = await startTestRuntime();
  admin = await authorization(rt, 'coopAdmin');
});
afterAll(() => rt?.stop());

let kvkTeller = 10_000_000 + Math.floor(Math.random() * 80_000_000);
const nieuweKvk = () => String(++kvkTeller);

const aanvraag = (over: Record<string, unknown> = {}) => ({
  kvkNummer: nieuweKvk(),
  naam: 'Bakkerij De Verwachting',
  sectoren: ['voedingsmiddelen'],
  werksoorten: ['productie', 'logistiek'],
  contactpersoon: { naam: 'Fatima el Amrani', email: 'hr@deverwachting.nl' },
  toezeggingen: { reguliereBanen: 2, participatieplaatsen: 3, beschutWerkplekken: 0, banenafspraakBanen: 1 },
  ...over,
});

const api = apiClient(() => rt);
const { call } = api;
const gegeven = scenario(api, () => rt);

const aanvragen = async (over: Record<string, unknown> = {}) => {
  const r = await call('POST', '/v1/leden', { body: aanvraag(over), vanAdres: nieuwAdres() });
  expect(r.status).toBe(201);
  return r.body as Lid;
};
const goedgekeurd = async () => (await gegeven.actiefLid(admin, aanvraag())).lid;
const aantalLeden = async () => {
  let n = 0;
  let pad: string | null = '/v1/leden?pageSize=100';
  while (pad) {
    const r = await call('GET', pad, { headers: admin });
    n += r.body.leden.length;
    pad = r.body.volgendePagina;
  }
  return n;
};

describe('een werkgever vraagt het lidmaatschap aan', () => {
  it('krijgt 201 met Location, ETag, de conventie-headers en één transactie (na de telling van de aanvraaglimiet)', async () => {
    const body = aanvraag();
    const r = await call('POST', '/v1/leden', { body });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ ...body, status: 'aangevraagd', versie: 1 });
    expect(r.headers.get('location')).toBe(`/v1/leden/${r.body.id}`);
    expect(r.headers.get('etag')).toBe('"1"');
    expect(r.headers.get('api-version')).toBe('1.0.0');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(r.headers.get('reporting-endpoints')).toBeNull();
    expect(r.ops).toEqual(['UpdateItem', 'TransactWriteItems']);
  });

  it('weigert een dubbel KvK-nummer met 409, maar na afwijzing mag het opnieuw', async () => {
    const lid = await aanvragen();
    expectProblem(await call('POST', '/v1/leden', { body: aanvraag({ kvkNummer: lid.kvkNummer }) }), 409);
    const afgewezen = await call('POST', `/v1/leden/${lid.id}/afwijzing`, { headers: admin, body: { reden: 'Geen vestiging in de regio' } });
    expect(afgewezen.body.status).toBe('afgewezen');
    expect((await call('POST', '/v1/leden', { body: aanvraag({ kvkNummer: lid.kvkNummer }) })).status).toBe(201);
  });

  it('krijgt alle validatiefouten tegelijk, als problem+json, en er verandert niets', async () => {
    const voor = await aantalLeden();
    const r = await call('POST', '/v1/leden', {
      body: {
        ...aanvraag(),
        kvkNummer: '123456789012',
        contactpersoon: { naam: '', email: 'geen-mail' },
        toezeggingen: { reguliereBanen: -1, participatieplaatsen: 'drie', beschutWerkplekken: 0, banenafspraakBanen: 0 },
        status: 'actief',
        bsn: '123456782',
      },
    });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(
      expect.arrayContaining([
        'body.kvkNummer',
        'body.contactpersoon.naam',
        'body.contactpersoon.email',
        'body.toezeggingen.reguliereBanen',
        'body.toezeggingen.participatieplaatsen',
        'body.status',
        'body.bsn',
      ]),
    );
    expect(await aantalLeden()).toBe(voor);
  });

  it('weigert kapotte JSON (400), een verkeerd mediatype (415), een te grote body (413) en een ontbrekende body (400)', async () => {
    expectProblem(await call('POST', '/v1/leden', { raw: '{"kvkNummer": ', headers: { 'content-type': 'application/json' } }), 400);
    expectProblem(await call('POST', '/v1/leden', { raw: 'kvkNummer=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
    expectProblem(await call('POST', '/v1/leden', { body: aanvraag({ naam: 'x'.repeat(20_000) }) }), 413);
    expectProblem(await call('POST', '/v1/leden', { headers: { 'content-type': 'application/json' } }), 400);
    expectProblem(await call('POST', '/v1/leden', { body: [1, 2, 3] }), 400);
  });
});

describe('de limiet per clientadres, als bij de aanmelding van regiopartners', () => {
  it('laat per uur tien aanvragen door vanaf één adres; de volgende krijgt 429 met Retry-After en schrijft niets; een ander adres gaat gewoon door', async () => {
    const adres = nieuwAdres();
    const vensterVoor = venster(new Date(), LIMIETEN.lidAanvragen).start;
    const statussen: number[] = [];
    let geweigerd: Antwoord | undefined;
    for (let i = 0; i < 2 * LIMIETEN.lidAanvragen.aantal + 1 && !geweigerd; i++) {
      const r = await call('POST', '/v1/leden', { body: aanvraag(), vanAdres: adres });
      statussen.push(r.status);
      if (r.status === 429) geweigerd = r;
    }
    expect(geweigerd).toBeDefined();
    expectProblem(geweigerd!, 429);
    const wacht = Number(geweigerd!.headers.get('retry-after'));
    expect(Number.isInteger(wacht) && wacht >= 1 && wacht <= LIMIETEN.lidAanvragen.vensterSeconden).toBe(true);
    // Refused after counting, before the use case: no write.
    expect(geweigerd!.ops).toEqual(['UpdateItem']);
    // Exactly ten, unless the burst happened to cross the top of the hour (then up to twenty: a fixed window).
    const toegelaten = statussen.filter((s) => s === 201).length;
    if (venster(new Date(), LIMIETEN.lidAanvragen).start === vensterVoor) expect(toegelaten).toBe(LIMIETEN.lidAanvragen.aantal);
    else expect(toegelaten).toBeLessThanOrEqual(2 * LIMIETEN.lidAanvragen.aantal);
    expect(statussen.every((s) => s === 201 || s === 429)).toBe(true);
    // An invalid request is refused before it is counted, so it does not help an address past the limit either.
    expectProblem(await call('POST', '/v1/leden', { body: { ...aanvraag(), kvkNummer: 'x' }, vanAdres: adres }), 400);
    expect((await call('POST', '/v1/leden', { body: aanvraag(), vanAdres: nieuwAdres() })).status).toBe(201);
  });
});

describe('leden ophalen en zoeken, met tenancy', () => {
  it('een coördinator ziet elk lid met één GetItem; het lid zichzelf; een ander lid krijgt 404', async () => {
    const a = await goedgekeurd();
    const b = await goedgekeurd();
    const viaAdmin = await call('GET', `/v1/leden/${a.id}`, { headers: admin });
    expect(viaAdmin.status).toBe(200);
    expect(viaAdmin.headers.get('etag')).toBe('"2"');
    expect(viaAdmin.ops).toEqual(['GetItem']);
    const alsA = await authorization(rt, 'werkgever', a.id);
    expect((await call('GET', `/v1/leden/${a.id}`, { headers: alsA })).body.id).toBe(a.id);
    const vreemd = await call('GET', `/v1/leden/${b.id}`, { headers: alsA });
    expectProblem(vreemd, 404);
    expect(JSON.stringify(vreemd.body)).not.toContain(b.kvkNummer);
    expect(JSON.stringify(vreemd.body)).not.toContain(b.contactpersoon.email);
    // Another tenant's object and a non-existent one are indistinguishable.
    const onbekend = await call('GET', '/v1/leden/01JDZZZZZZZZZZZZZZZZZZZZZZ', { headers: alsA });
    expect({ ...onbekend.body, instance: undefined, detail: undefined }).toEqual({ ...vreemd.body, instance: undefined, detail: undefined });
    expect(vreemd.ops).toEqual([]);
  });

  it('zonder token 401, met een verkeerde rol 403, een ongeldig id 400, een onbekend id 404', async () => {
    const a = await aanvragen();
    const zonder = await call('GET', `/v1/leden/${a.id}`);
    expectProblem(zonder, 401);
    expect(zonder.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expectProblem(await call('GET', `/v1/leden/${a.id}`, { headers: { authorization: 'Bearer kapot.token.hier' } }), 401);
    expectProblem(await call('GET', `/v1/leden/${a.id}`, { headers: await authorization(rt, 'gemeente', 'GM0363') }), 403);
    // Another audience is refused, unless the token carries the API's resource-server scope (machine clients).
    const vreemd = await rt.mintToken({ rol: 'coopAdmin', audience: 'een-andere-api', scope: 'profiel' });
    expectProblem(await call('GET', `/v1/leden/${a.id}`, { headers: { authorization: `Bearer ${vreemd}` } }), 401);
    const machine = await rt.mintToken({ rol: 'coopAdmin', audience: 'machine-client-1', scope: 'werkcoop/api' });
    expect((await call('GET', `/v1/leden/${a.id}`, { headers: { authorization: `Bearer ${machine}` } })).status).toBe(200);
    expectProblem(await call('GET', '/v1/leden/niet-een-ulid', { headers: admin }), 400);
    expectProblem(await call('GET', '/v1/leden/01JDZZZZZZZZZZZZZZZZZZZZZZ', { headers: admin }), 404);
  });

  it('de lijst pagineert met één Query per pagina en filtert op status; een lid ziet alleen zichzelf', async () => {
    const actief = [await goedgekeurd(), await goedgekeurd(), await goedgekeurd()];
    const eerste = await call('GET', '/v1/leden?status=actief&pageSize=2', { headers: admin });
    expect(eerste.status).toBe(200);
    expect(eerste.ops).toEqual(['Query']);
    expect(eerste.body.leden).toHaveLength(2);
    expect(eerste.body.volgendePagina).toMatch(/^\/v1\/leden\?status=actief&pageSize=2&cursor=/);
    const gezien = new Set<string>();
    let pad: string | null = '/v1/leden?status=actief&pageSize=2';
    while (pad) {
      const r = await call('GET', pad, { headers: admin });
      for (const l of r.body.leden as Lid[]) {
        expect(l.status).toBe('actief');
        expect(gezien.has(l.id)).toBe(false);
        gezien.add(l.id);
      }
      pad = r.body.volgendePagina;
    }
    for (const l of actief) expect(gezien.has(l.id)).toBe(true);

    const alsLid = await call('GET', '/v1/leden', { headers: await authorization(rt, 'werkgever', actief[0]!.id) });
    expect(alsLid.body.leden.map((l: Lid) => l.id)).toEqual([actief[0]!.id]);
    expect(alsLid.body.volgendePagina).toBeNull();
  });

  it('weigert onbekende queryparameters, een te grote pageSize en een vervalste cursor met 400', async () => {
    const r = await call('GET', '/v1/leden?pageSize=1000&sortering=naam&status=kwijt', { headers: admin });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(expect.arrayContaining(['query.pageSize', 'query.sortering', 'query.status']));
    const vervalst = Buffer.from(JSON.stringify({ pk: 'LID#x', sk: 'LID', geheim: 'x' })).toString('base64url');
    expectProblem(await call('GET', `/v1/leden?cursor=${vervalst}`, { headers: admin }), 400);
  });
});

describe('een lid wijzigen (merge patch met If-Match)', () => {
  it('vraagt If-Match (428), weigert een verouderde versie (412) en wijzigt met één read en één transactie', async () => {
    const lid = await goedgekeurd();
    const alsLid = await authorization(rt, 'werkgever', lid.id);
    const patch = { headers: { ...alsLid, 'content-type': 'application/merge-patch+json' }, body: { werksoorten: ['productie'] } };
    expectProblem(await call('PATCH', `/v1/leden/${lid.id}`, patch), 428);
    expectProblem(await call('PATCH', `/v1/leden/${lid.id}`, { ...patch, headers: { ...patch.headers, 'if-match': '"1"' } }), 412);
    const ok = await call('PATCH', `/v1/leden/${lid.id}`, { ...patch, headers: { ...patch.headers, 'if-match': '"2"' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ werksoorten: ['productie'], versie: 3 });
    expect(ok.headers.get('etag')).toBe('"3"');
    expect(ok.ops).toEqual(['GetItem', 'TransactWriteItems']);
  });

  it('weigert velden die een lid niet zelf mag zetten en een ander lid (404)', async () => {
    const [a, b] = [await goedgekeurd(), await goedgekeurd()];
    const alsA = { ...(await authorization(rt, 'werkgever', a.id)), 'if-match': '"2"' };
    const r = await call('PATCH', `/v1/leden/${a.id}`, { headers: alsA, body: { status: 'actief', versie: 9, kvkNummer: '12345678' } });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(expect.arrayContaining(['body.status', 'body.versie', 'body.kvkNummer']));
    expectProblem(await call('PATCH', `/v1/leden/${b.id}`, { headers: alsA, body: { naam: 'Overgenomen' } }), 404);
    expect((await call('GET', `/v1/leden/${b.id}`, { headers: admin })).body.naam).toBe(b.naam);
  });

  it('van twee gelijktijdige wijzigingen op dezelfde versie wint er precies één', async () => {
    const lid = await goedgekeurd();
    const headers = { ...admin, 'if-match': '"2"' };
    const antwoorden = await Promise.all(
      Array.from({ length: 10 }, (_, i) => call('PATCH', `/v1/leden/${lid.id}`, { headers, body: { naam: `Naam ${i}` } })),
    );
    expect(antwoorden.filter((a) => a.status === 200)).toHaveLength(1);
    expect(antwoorden.filter((a) => a.status === 412)).toHaveLength(9);
    const geschiedenis = await call('GET', `/v1/leden/${lid.id}/gebeurtenissen`, { headers: admin });
    expect(geschiedenis.body.gebeurtenissen.map((g: { soort: string }) => g.soort)).toEqual(['aangevraagd', 'goedgekeurd', 'gewijzigd']);
  });
});

describe('statuswijzigingen', () => {
  it('alleen een coördinator keurt goed (werkgever 403); twee keer goedkeuren is 409; de geschiedenis legt wie, wanneer en waarom vast', async () => {
    const lid = await aanvragen();
    expectProblem(await call('POST', `/v1/leden/${lid.id}/goedkeuring`, { headers: await authorization(rt, 'werkgever', lid.id) }), 403);
    const ok = await call('POST', `/v1/leden/${lid.id}/goedkeuring`, { headers: admin });
    expect(ok.body.status).toBe('actief');
    expect(ok.ops).toEqual(['GetItem', 'TransactWriteItems']);
    expectProblem(await call('POST', `/v1/leden/${lid.id}/goedkeuring`, { headers: admin }), 409);
    expectProblem(await call('POST', `/v1/leden/${lid.id}/schorsing`, { headers: admin }), 400);
    expectProblem(await call('POST', `/v1/leden/${lid.id}/schorsing`, { headers: { ...admin, 'if-match': '"1"' }, body: { reden: 'x' } }), 412);
    const geschorst = await call('POST', `/v1/leden/${lid.id}/schorsing`, { headers: admin, body: { reden: 'Afspraken niet nagekomen' } });
    expect(geschorst.body).toMatchObject({ status: 'geschorst', statusReden: 'Afspraken niet nagekomen' });
    expect((await call('POST', `/v1/leden/${lid.id}/schorsing-opheffing`, { headers: admin })).body.status).toBe('actief');
    const alsLid = await authorization(rt, 'werkgever', lid.id);
    expect((await call('POST', `/v1/leden/${lid.id}/uittreding`, { headers: alsLid, body: {} })).body.status).toBe('uitgetreden');

    const g = await call('GET', `/v1/leden/${lid.id}/gebeurtenissen`, { headers: alsLid });
    expect(g.ops).toEqual(['Query']);
    expect(g.body.gebeurtenissen).toMatchObject([
      { soort: 'aangevraagd', versie: 1 },
      { soort: 'goedgekeurd', vanStatus: 'aangevraagd', naarStatus: 'actief', door: { rol: 'coopAdmin' }, versie: 2 },
      { soort: 'geschorst', reden: 'Afspraken niet nagekomen', versie: 3 },
      { soort: 'schorsingOpgeheven', versie: 4 },
      { soort: 'uitgetreden', door: { rol: 'werkgever', subject: expect.any(String) }, versie: 5 },
    ]);
    for (const e of g.body.gebeurtenissen) expect(e.op).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('van vijftig gelijktijdige goedkeuringen slaagt er precies één', async () => {
    const lid = await aanvragen();
    const antwoorden = await Promise.all(Array.from({ length: 50 }, () => call('POST', `/v1/leden/${lid.id}/goedkeuring`, { headers: admin })));
    expect(antwoorden.filter((a) => a.status === 200)).toHaveLength(1);
    expect(antwoorden.every((a) => a.status === 200 || a.status === 409 || a.status === 412)).toBe(true);
    const g = await call('GET', `/v1/leden/${lid.id}/gebeurtenissen`, { headers: admin });
    expect(g.body.gebeurtenissen.map((e: { soort: string }) => e.soort)).toEqual(['aangevraagd', 'goedgekeurd']);
  });

  it('goedkeuring en afwijzing bereiken de contactpersoon via outbox, stream, wachtrij en consumer — precies één keer', async () => {
    const a = await aanvragen({ contactpersoon: { naam: 'Kees Jansen', email: 'kees@jansen-installatie.nl' } });
    const b = await aanvragen({ contactpersoon: { naam: 'Ayla Demir', email: 'ayla@demir-schoonmaak.nl' } });
    await call('POST', `/v1/leden/${a.id}/goedkeuring`, { headers: admin });
    await call('POST', `/v1/leden/${b.id}/afwijzing`, { headers: admin, body: { reden: 'Buiten de regio' } });
    await rt.settle();
    const mails = rt.mail.list().map((m) => m.mail as { aan: { email: string }; onderwerp: string; tekst: string });
    expect(mails.filter((m) => m.aan.email === 'kees@jansen-installatie.nl')).toHaveLength(1);
    const afwijzing = mails.filter((m) => m.aan.email === 'ayla@demir-schoonmaak.nl');
    expect(afwijzing).toHaveLength(1);
    expect(afwijzing[0]!.tekst).toContain('Buiten de regio');
    const lokaal = await fetch(`${rt.baseUrl}/local/mail`);
    expect(JSON.stringify(await lokaal.json())).toContain('kees@jansen-installatie.nl');
  });
});

describe('HTTP-conventies', () => {
  it('onbekende paden en een slash aan het eind zijn 404 problem+json; een bekend pad met een andere methode 405 met Allow', async () => {
    expectProblem(await call('GET', '/v1/bestaat-niet'), 404);
    expectProblem(await call('GET', '/v1/leden/'), 404);
    const r = await call('DELETE', '/v1/leden');
    expectProblem(r, 405);
    expect(r.headers.get('allow')).toBe('POST, GET');
    expect(r.headers.get('api-version')).toBe('1.0.0');
  });

  it('CORS alleen voor toegestane origins', async () => {
    const ok = await call('GET', '/v1/openapi.json', { headers: { origin: 'http://localhost:5173' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const vreemd = await call('GET', '/v1/openapi.json', { headers: { origin: 'https://kwaadwillend.example' } });
    expect(vreemd.headers.get('access-control-allow-origin')).not.toBe('https://kwaadwillend.example');
  });

  it('serveert de OpenAPI-beschrijving zonder token', async () => {
    const r = await call('GET', '/v1/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    expect(Object.keys(r.body.paths)).toContain('/leden/{lidId}');
    // Served by the local runtime, it names that runtime too: a client can call what it read it from.
    expect(r.body.servers.map((s: { url: string }) => s.url)).toEqual([DEFAULT_SERVER_URL, `${rt.baseUrl}/v1`]);
  });
});
