import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import type { Gemeente } from '../../shared/schemas/gemeenten';
import { apiClient, expectProblem, namen } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';

let rt: LocalRuntime;
let admin: { authorization: string };
beforeAll(async () => {
  rt = await startTestRuntime();
  admin = await authorization(rt, 'coopAdmin');
});
afterAll(() => rt?.stop());

const { call } = apiClient(() => rt);

let volgnummer = 1000 + Math.floor(Math.random() * 8000);
const nieuweCode = () => `GM${++volgnummer}`;
const registratie = (over: Record<string, unknown> = {}) => ({
  code: nieuweCode(),
  naam: 'Zaanstad',
  arbeidsmarktregio: 'Zaanstreek/Waterland',
  contactpersoon: { naam: 'Noor Bakker', email: 'participatie@zaanstad.nl' },
  ...over,
});
const registreer = async (over: Record<string, unknown> = {}) => {
  const r = await call('POST', '/v1/gemeenten', { headers: admin, body: registratie(over) });
  expect(r.status).toBe(201);
  return r.body as Gemeente;
};
const alleCodes = async () => {
  const codes: string[] = [];
  let pad: string | null = '/v1/gemeenten?pageSize=100';
  while (pad) {
    const r = await call('GET', pad, { headers: admin });
    codes.push(...r.body.gemeenten.map((g: Gemeente) => g.code));
    pad = r.body.volgendePagina;
  }
  return codes;
};

describe('een coördinator registreert een gemeente', () => {
  it('krijgt 201 met Location en ETag, de standaardinstellingen, in één transactie', async () => {
    const body = registratie();
    const r = await call('POST', '/v1/gemeenten', { headers: admin, body });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      ...body,
      instellingen: { nazorgMomenten: ['P1W', 'P4W', 'P3M', 'P6M', 'P9M', 'P12M'], duurzaamheidsChecks: ['P6M', 'P12M'], reactietermijnDagen: 14 },
      versie: 1,
    });
    expect(r.headers.get('location')).toBe(`/v1/gemeenten/${body.code}`);
    expect(r.headers.get('etag')).toBe('"1"');
    expect(r.ops).toEqual(['TransactWriteItems']);
  });

  it('weigert een code die al geregistreerd is met 409', async () => {
    const g = await registreer();
    const r = await call('POST', '/v1/gemeenten', { headers: admin, body: registratie({ code: g.code, naam: 'Dubbel' }) });
    expectProblem(r, 409);
    expect((await call('GET', `/v1/gemeenten/${g.code}`, { headers: admin })).body.naam).toBe(g.naam);
  });

  it('alleen een coördinator: een gemeente, werkgever of regiopartner krijgt 403, zonder token 401', async () => {
    const body = registratie();
    expectProblem(await call('POST', '/v1/gemeenten', { headers: await authorization(rt, 'gemeente', body.code), body }), 403);
    expectProblem(await call('POST', '/v1/gemeenten', { headers: await authorization(rt, 'werkgever', '01JDAAAAAAAAAAAAAAAAAAAAAA'), body }), 403);
    expectProblem(await call('POST', '/v1/gemeenten', { headers: await authorization(rt, 'regiopartner', '01JDAAAAAAAAAAAAAAAAAAAAAA'), body }), 403);
    expectProblem(await call('POST', '/v1/gemeenten', { body }), 401);
    expect(await alleCodes()).not.toContain(body.code);
  });

  it('geeft alle validatiefouten tegelijk en schrijft niets', async () => {
    const r = await call('POST', '/v1/gemeenten', {
      headers: admin,
      body: {
        ...registratie(),
        code: '0363',
        contactpersoon: { naam: '', email: 'geen-mail' },
        instellingen: { nazorgMomenten: ['1 week'], reactietermijnDagen: 0 },
        versie: 3,
      },
    });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(
      expect.arrayContaining([
        'body.code',
        'body.contactpersoon.naam',
        'body.contactpersoon.email',
        'body.instellingen.nazorgMomenten.0',
        'body.instellingen.reactietermijnDagen',
        'body.versie',
      ]),
    );
    expect(await alleCodes()).not.toContain('0363');
  });

  it('weigert kapotte JSON (400), een verkeerd mediatype (415) en een te grote body (413)', async () => {
    expectProblem(await call('POST', '/v1/gemeenten', { headers: { ...admin, 'content-type': 'application/json' }, raw: '{"code":' }), 400);
    expectProblem(await call('POST', '/v1/gemeenten', { headers: { ...admin, 'content-type': 'text/plain' }, raw: 'GM0363' }), 415);
    expectProblem(await call('POST', '/v1/gemeenten', { headers: admin, body: registratie({ naam: 'x'.repeat(20_000) }) }), 413);
  });
});

describe('gemeenten ophalen en zoeken, met tenancy', () => {
  it('een coördinator ziet elke gemeente met één GetItem; een gemeente zichzelf; een andere gemeente krijgt 404 zonder te lezen', async () => {
    const [a, b] = [await registreer(), await registreer()];
    const viaAdmin = await call('GET', `/v1/gemeenten/${a.code}`, { headers: admin });
    expect(viaAdmin.status).toBe(200);
    expect(viaAdmin.headers.get('etag')).toBe('"1"');
    expect(viaAdmin.ops).toEqual(['GetItem']);
    const alsA = await authorization(rt, 'gemeente', a.code);
    expect((await call('GET', `/v1/gemeenten/${a.code}`, { headers: alsA })).body).toEqual(a);
    const vreemd = await call('GET', `/v1/gemeenten/${b.code}`, { headers: alsA });
    expectProblem(vreemd, 404);
    expect(vreemd.ops).toEqual([]);
    expect(JSON.stringify(vreemd.body)).not.toContain(b.contactpersoon.email);
    const onbekend = await call('GET', '/v1/gemeenten/GM9998', { headers: alsA });
    expect({ ...onbekend.body, instance: undefined, detail: undefined }).toEqual({ ...vreemd.body, instance: undefined, detail: undefined });
  });

  it('een onbekende gemeente is 404, een ongeldige code 400, werkgever en regiopartner 403, zonder token 401', async () => {
    const g = await registreer();
    expectProblem(await call('GET', '/v1/gemeenten/GM9997', { headers: admin }), 404);
    expectProblem(await call('GET', '/v1/gemeenten/amsterdam', { headers: admin }), 400);
    expectProblem(await call('GET', `/v1/gemeenten/${g.code}`, { headers: await authorization(rt, 'werkgever', '01JDAAAAAAAAAAAAAAAAAAAAAA') }), 403);
    expectProblem(await call('GET', `/v1/gemeenten/${g.code}`, { headers: await authorization(rt, 'regiopartner', '01JDAAAAAAAAAAAAAAAAAAAAAA') }), 403);
    expectProblem(await call('GET', `/v1/gemeenten/${g.code}`), 401);
  });

  it('de lijst pagineert met één Query per pagina; een gemeente ziet alleen zichzelf, met één GetItem', async () => {
    const eigen = [await registreer(), await registreer(), await registreer()];
    const eerste = await call('GET', '/v1/gemeenten?pageSize=2', { headers: admin });
    expect(eerste.ops).toEqual(['Query']);
    expect(eerste.body.gemeenten).toHaveLength(2);
    expect(eerste.body.volgendePagina).toMatch(/^\/v1\/gemeenten\?pageSize=2&cursor=/);
    const codes: string[] = [];
    let pad: string | null = '/v1/gemeenten?pageSize=2';
    while (pad) {
      const r = await call('GET', pad, { headers: admin });
      codes.push(...r.body.gemeenten.map((g: Gemeente) => g.code));
      pad = r.body.volgendePagina;
    }
    expect(new Set(codes).size).toBe(codes.length);
    for (const g of eigen) expect(codes).toContain(g.code);

    const alsGemeente = await call('GET', '/v1/gemeenten', { headers: await authorization(rt, 'gemeente', eigen[0]!.code) });
    expect(alsGemeente.body).toEqual({ gemeenten: [eigen[0]], volgendePagina: null });
    expect(alsGemeente.ops).toEqual(['GetItem']);
    const nietGeregistreerd = await call('GET', '/v1/gemeenten', { headers: await authorization(rt, 'gemeente', 'GM9996') });
    expect(nietGeregistreerd.body).toEqual({ gemeenten: [], volgendePagina: null });
    expectProblem(await call('GET', '/v1/gemeenten', { headers: await authorization(rt, 'werkgever', '01JDAAAAAAAAAAAAAAAAAAAAAA') }), 403);
  });

  it('weigert onbekende queryparameters, een te grote pageSize en een vervalste cursor met 400', async () => {
    const r = await call('GET', '/v1/gemeenten?pageSize=500&regio=x', { headers: admin });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(expect.arrayContaining(['query.pageSize', 'query.regio']));
    const vervalst = Buffer.from(JSON.stringify({ pk: 'GEMEENTE#GM0363', sk: 'GEMEENTE', geheim: 'x' })).toString('base64url');
    expectProblem(await call('GET', `/v1/gemeenten?cursor=${vervalst}`, { headers: admin }), 400);
  });
});

describe('een gemeente wijzigen (merge patch met If-Match, alleen de coördinator)', () => {
  it('vraagt If-Match (428), weigert een verouderde versie (412) en wijzigt alleen de meegestuurde instellingen, met één read en één transactie', async () => {
    const g = await registreer({ instellingen: { reactietermijnDagen: 10 } });
    const patch = { headers: { ...admin, 'content-type': 'application/merge-patch+json' }, body: { instellingen: { nazorgMomenten: ['P2W', 'P3M', 'P12M'] } } };
    expectProblem(await call('PATCH', `/v1/gemeenten/${g.code}`, patch), 428);
    expectProblem(await call('PATCH', `/v1/gemeenten/${g.code}`, { ...patch, headers: { ...patch.headers, 'if-match': '"7"' } }), 412);
    const ok = await call('PATCH', `/v1/gemeenten/${g.code}`, { ...patch, headers: { ...patch.headers, 'if-match': '"1"' } });
    expect(ok.status).toBe(200);
    expect(ok.body.instellingen).toEqual({ nazorgMomenten: ['P2W', 'P3M', 'P12M'], duurzaamheidsChecks: ['P6M', 'P12M'], reactietermijnDagen: 10 });
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(ok.ops).toEqual(['GetItem', 'TransactWriteItems']);

    const geschiedenis = await call('GET', `/v1/gemeenten/${g.code}/gebeurtenissen`, { headers: admin });
    expect(geschiedenis.ops).toEqual(['Query']);
    expect(geschiedenis.body.gebeurtenissen).toMatchObject([
      { soort: 'geregistreerd', versie: 1, instellingen: { reactietermijnDagen: 10 } },
      { soort: 'gewijzigd', versie: 2, gewijzigdeVelden: ['instellingen.nazorgMomenten'], instellingen: ok.body.instellingen, door: { rol: 'coopAdmin' } },
    ]);
  });

  it('een gemeente mag zichzelf niet wijzigen (403); velden buiten de wijziging zijn 400; een onbekende gemeente 404', async () => {
    const g = await registreer();
    const headers = { ...(await authorization(rt, 'gemeente', g.code)), 'if-match': '"1"' };
    expectProblem(await call('PATCH', `/v1/gemeenten/${g.code}`, { headers, body: { naam: 'Overgenomen' } }), 403);
    const r = await call('PATCH', `/v1/gemeenten/${g.code}`, { headers: { ...admin, 'if-match': '"1"' }, body: { code: 'GM0001', versie: 4, instellingen: { onbekend: 1 } } });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(expect.arrayContaining(['body.code', 'body.versie', 'body.instellingen.onbekend']));
    expectProblem(await call('PATCH', `/v1/gemeenten/${g.code}`, { headers: { ...admin, 'if-match': '"1"' }, body: {} }), 400);
    expectProblem(await call('PATCH', '/v1/gemeenten/GM9995', { headers: { ...admin, 'if-match': '"1"' }, body: { naam: 'X' } }), 404);
    expect((await call('GET', `/v1/gemeenten/${g.code}`, { headers: admin })).body.versie).toBe(1);
  });

  it('van tien gelijktijdige wijzigingen op dezelfde versie wint er precies één', async () => {
    const g = await registreer();
    const antwoorden = await Promise.all(
      Array.from({ length: 10 }, (_, i) => call('PATCH', `/v1/gemeenten/${g.code}`, { headers: { ...admin, 'if-match': '"1"' }, body: { instellingen: { reactietermijnDagen: 20 + i } } })),
    );
    expect(antwoorden.filter((a) => a.status === 200)).toHaveLength(1);
    expect(antwoorden.filter((a) => a.status === 412)).toHaveLength(9);
    const geschiedenis = await call('GET', `/v1/gemeenten/${g.code}/gebeurtenissen`, { headers: admin });
    expect(geschiedenis.body.gebeurtenissen.map((e: { versie: number }) => e.versie)).toEqual([1, 2]);
  });
});

describe('de geschiedenis van een gemeente', () => {
  it('een gemeente ziet de eigen geschiedenis; een andere gemeente en een onbekende code 404; gepagineerd', async () => {
    const [a, b] = [await registreer(), await registreer()];
    for (let i = 0; i < 2; i++)
      await call('PATCH', `/v1/gemeenten/${a.code}`, { headers: { ...admin, 'if-match': `"${i + 1}"` }, body: { instellingen: { reactietermijnDagen: 5 + i } } });
    const alsA = await authorization(rt, 'gemeente', a.code);
    const eerste = await call('GET', `/v1/gemeenten/${a.code}/gebeurtenissen?pageSize=2`, { headers: alsA });
    expect(eerste.body.gebeurtenissen.map((e: { versie: number }) => e.versie)).toEqual([1, 2]);
    const tweede = await call('GET', eerste.body.volgendePagina, { headers: alsA });
    expect(tweede.body.gebeurtenissen.map((e: { versie: number }) => e.versie)).toEqual([3]);
    expectProblem(await call('GET', `/v1/gemeenten/${b.code}/gebeurtenissen`, { headers: alsA }), 404);
    expectProblem(await call('GET', '/v1/gemeenten/GM9994/gebeurtenissen', { headers: admin }), 404);
  });
});
