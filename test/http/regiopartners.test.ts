import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import type { Regiopartner } from '../../shared/schemas/regiopartners';
import { dynamo, tabel } from '../../shared/store/dynamodb';
import { sleutels } from '../../shared/store/sleutels';
import { apiClient, expectProblem, namen } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';
import { lokaalAccountRegister } from '../../shared/auth/gebruikersaccounts';

let rt: LocalRuntime;
let admin: { authorization: string };
beforeAll(async () => {
  rt = await startTestRuntime();
  admin = await authorization(rt, 'coopAdmin');
});
afterAll(() => rt?.stop());

const { call } = apiClient(() => rt);

const invoer = (over: Record<string, unknown> = {}) => ({
  naam: 'Jobcoach Amstel',
  kvkNummer: '34123456',
  soort: 'jobcoachOrganisatie',
  arbeidsmarktregios: ['Groot Amsterdam'],
  contactpersoon: { naam: 'Lotte Visser', email: 'lotte@jobcoachamstel.nl' },
  ...over,
});
const maak = async (over: Record<string, unknown> = {}) => {
  const r = await call('POST', '/v1/regiopartners', { headers: admin, body: invoer(over) });
  expect(r.status).toBe(201);
  return r.body as Regiopartner;
};

describe('een coördinator maakt een regiopartner aan', () => {
  it('goedgekeurd, versie 1, met Location en ETag, in één transactie; status en soort staan bovenaan het item voor de ConditionCheck van de plaatsingen', async () => {
    const r = await call('POST', '/v1/regiopartners', { headers: admin, body: invoer() });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ ...invoer(), status: 'goedgekeurd', versie: 1 });
    expect(r.headers.get('location')).toBe(`/v1/regiopartners/${r.body.id}`);
    expect(r.headers.get('etag')).toBe('"1"');
    expect(r.ops).toEqual(['TransactWriteItems']);
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.partner(r.body.id) }));
    expect(Item).toMatchObject({ entiteit: 'Regiopartner', status: 'goedgekeurd', soort: 'jobcoachOrganisatie', gsi1pk: 'PARTNERS' });
  });

  it('alleen een coördinator: gemeente, werkgever en regiopartner 403, zonder token 401', async () => {
    for (const [rol, tenant] of [['gemeente', 'GM0363'], ['werkgever', '01JDAAAAAAAAAAAAAAAAAAAAAA'], ['regiopartner', '01JDAAAAAAAAAAAAAAAAAAAAAA']] as const)
      expectProblem(await call('POST', '/v1/regiopartners', { headers: await authorization(rt, rol, tenant), body: invoer() }), 403);
    expectProblem(await call('POST', '/v1/regiopartners', { body: invoer() }), 401);
  });

  it('geeft alle validatiefouten tegelijk: onbekende soort, vestigingsnummer, geen regio, status zelf zetten', async () => {
    const r = await call('POST', '/v1/regiopartners', {
      headers: admin,
      body: invoer({ soort: 'uitzendbureau', kvkNummer: '341234560001', arbeidsmarktregios: [], status: 'goedgekeurd' }),
    });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(
      expect.arrayContaining(['body.soort', 'body.kvkNummer', 'body.arbeidsmarktregios', 'body.status']),
    );
  });
});

describe('regiopartners ophalen en zoeken, met tenancy', () => {
  it('een coördinator ziet elke partner met één GetItem; een partner zichzelf; een andere partner 404 zonder te lezen', async () => {
    const [a, b] = [await maak(), await maak({ naam: 'SW-bedrijf Zaan', soort: 'swBedrijf' })];
    const viaAdmin = await call('GET', `/v1/regiopartners/${b.id}`, { headers: admin });
    expect(viaAdmin.body).toEqual(b);
    expect(viaAdmin.ops).toEqual(['GetItem']);
    const alsA = await authorization(rt, 'regiopartner', a.id);
    expect((await call('GET', `/v1/regiopartners/${a.id}`, { headers: alsA })).body).toEqual(a);
    const vreemd = await call('GET', `/v1/regiopartners/${b.id}`, { headers: alsA });
    expectProblem(vreemd, 404);
    expect(vreemd.ops).toEqual([]);
    expect(JSON.stringify(vreemd.body)).not.toContain(b.contactpersoon.email);
    expectProblem(await call('GET', '/v1/regiopartners/01JDZZZZZZZZZZZZZZZZZZZZZZ', { headers: admin }), 404);
    expectProblem(await call('GET', '/v1/regiopartners/geen-ulid', { headers: admin }), 400);
    expectProblem(await call('GET', `/v1/regiopartners/${a.id}`, { headers: await authorization(rt, 'gemeente', 'GM0363') }), 403);
    expectProblem(await call('GET', `/v1/regiopartners/${a.id}`, { headers: await authorization(rt, 'werkgever', a.id) }), 403);
  });

  it('de lijst pagineert met één Query per pagina; een partner ziet alleen zichzelf, met één GetItem', async () => {
    const eigen = [await maak(), await maak(), await maak()];
    const ids: string[] = [];
    let pad: string | null = '/v1/regiopartners?pageSize=2';
    while (pad) {
      const r = await call('GET', pad, { headers: admin });
      expect(r.ops).toEqual(['Query']);
      expect(r.body.regiopartners.length).toBeLessThanOrEqual(2);
      ids.push(...r.body.regiopartners.map((p: Regiopartner) => p.id));
      pad = r.body.volgendePagina;
    }
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of eigen) expect(ids).toContain(p.id);
    const alsPartner = await call('GET', '/v1/regiopartners', { headers: await authorization(rt, 'regiopartner', eigen[1]!.id) });
    expect(alsPartner.body).toEqual({ regiopartners: [eigen[1]], volgendePagina: null });
    expect(alsPartner.ops).toEqual(['GetItem']);
    expectProblem(await call('GET', '/v1/regiopartners', { headers: await authorization(rt, 'gemeente', 'GM0363') }), 403);
    expectProblem(await call('GET', '/v1/regiopartners?soort=swBedrijf', { headers: admin }), 400);
  });
});

describe('medewerkers van een regiopartner krijgen toegang', () => {
  let adresTeller = 0;
  const adres = () => `coach${++adresTeller}-${Date.now()}@jobcoachamstel.nl`;
  const gebruikersVan = async (partnerId: string, headers = admin) => {
    const r = await call('GET', `/v1/regiopartners/${partnerId}/gebruikers`, { headers });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.gebruikers as { email: string; status: string; naam: string }[];
  };

  it('ook een rechtstreeks aangemaakte partner: de contactpersoon krijgt een account, net als na een goedgekeurde aanmelding', async () => {
    const contact = adres();
    const p = await maak({ contactpersoon: { naam: 'Lotte Visser', email: contact } });
    await rt.settle();
    expect(await gebruikersVan(p.id)).toEqual([expect.objectContaining({ email: contact, naam: 'Lotte Visser', status: 'aangemaakt', rol: 'regiopartner' })]);
    expect((await lokaalAccountRegister(rt.env.LOCAL_USERS_DIR!).haal(contact))?.attributen).toMatchObject({ 'custom:tenant': p.id, 'custom:rol': 'regiopartner' });
  });

  it('een coördinator nodigt een collega uit: 202 en één transactie; het account volgt; hetzelfde adres nog eens 409', async () => {
    const p = await maak({ contactpersoon: { naam: 'Lotte Visser', email: adres() } });
    const collega = adres();
    const r = await call('POST', `/v1/regiopartners/${p.id}/gebruikers`, { headers: admin, body: { naam: 'Ahmed Yilmaz', email: collega } });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.ops).toEqual(['TransactWriteItems']);
    expect(r.body).toMatchObject({ partnerId: p.id, naam: 'Ahmed Yilmaz', email: collega, status: 'uitgenodigd', uitgenodigdDoor: { rol: 'coopAdmin' } });
    await rt.settle();
    expect((await gebruikersVan(p.id)).find((g) => g.email === collega)?.status).toBe('aangemaakt');
    const dubbel = await call('POST', `/v1/regiopartners/${p.id}/gebruikers`, { headers: admin, body: { naam: 'Ahmed', email: collega.toUpperCase() } });
    expectProblem(dubbel, 409);
    expect(await gebruikersVan(p.id)).toHaveLength(2);
  });

  it('slechte invoer: alle fouten tegelijk, 400 als problem+json, en er verandert niets; een onbekende partner 404, een ongeldig id 400', async () => {
    const p = await maak({ contactpersoon: { naam: 'Lotte Visser', email: adres() } });
    const r = await call('POST', `/v1/regiopartners/${p.id}/gebruikers`, {
      headers: admin,
      body: { naam: '', email: 'geen-adres', rol: 'coopAdmin', tenant: 'GM0363', bsn: '111222333' },
    });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(expect.arrayContaining(['body.naam', 'body.email', 'body.rol', 'body.tenant', 'body.bsn']));
    expect(r.ops).toEqual([]);
    expectProblem(await call('POST', `/v1/regiopartners/${p.id}/gebruikers`, { headers: admin, body: { naam: 'x'.repeat(201), email: `${'a'.repeat(250)}@x.nl` } }), 400);
    expectProblem(await call('POST', `/v1/regiopartners/${p.id}/gebruikers`, { headers: admin, raw: '{"naam":' }), 400);
    expectProblem(await call('POST', '/v1/regiopartners/01JDZZZZZZZZZZZZZZZZZZZZZZ/gebruikers', { headers: admin, body: { naam: 'Ahmed', email: adres() } }), 404);
    expectProblem(await call('POST', '/v1/regiopartners/geen-ulid/gebruikers', { headers: admin, body: { naam: 'Ahmed', email: adres() } }), 400);
    await rt.settle();
    expect(await gebruikersVan(p.id)).toHaveLength(1);
  });

  it('intrekken: 202, het account verdwijnt, een tweede keer 409; opnieuw uitnodigen geeft weer een account', async () => {
    const p = await maak({ contactpersoon: { naam: 'Lotte Visser', email: adres() } });
    const collega = adres();
    const uitnodiging = await call('POST', `/v1/regiopartners/${p.id}/gebruikers`, { headers: admin, body: { naam: 'Ahmed Yilmaz', email: collega } });
    await rt.settle();
    const register = lokaalAccountRegister(rt.env.LOCAL_USERS_DIR!);
    expect(await register.haal(collega)).toBeDefined();

    const pad = `/v1/regiopartners/${p.id}/gebruikers/${uitnodiging.body.id}/intrekking`;
    const r = await call('POST', pad, { headers: admin });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    // Found by a Query of the partner's staff, then one transaction with the consumer's task.
    expect(r.ops).toEqual(['Query', 'TransactWriteItems']);
    expect(r.body).toMatchObject({ id: uitnodiging.body.id, status: 'intrekken', versie: 3 });
    await rt.settle();
    expect(await register.haal(collega)).toBeUndefined();
    expect((await gebruikersVan(p.id)).find((g) => g.email === collega)?.status).toBe('ingetrokken');
    expectProblem(await call('POST', pad, { headers: admin }), 409);

    const weer = await call('POST', `/v1/regiopartners/${p.id}/gebruikers`, { headers: admin, body: { naam: 'Ahmed Yilmaz', email: collega } });
    expect(weer.status).toBe(202);
    expect(weer.body.id).not.toBe(uitnodiging.body.id);
    await rt.settle();
    expect((await register.haal(collega))?.attributen['custom:tenant']).toBe(p.id);
    expect((await gebruikersVan(p.id)).find((g) => g.email === collega)?.status).toBe('aangemaakt');
  });

  it('intrekken mag alleen een coördinator (403), voor een medewerker van deze partner (404 voor die van een ander of een onbekende), met geldige ids (400)', async () => {
    const [a, b] = [await maak({ contactpersoon: { naam: 'A', email: adres() } }), await maak({ contactpersoon: { naam: 'B', email: adres() } })];
    const [vanA] = (await gebruikersVan(a.id)) as unknown as { id: string }[];
    const [vanB] = (await gebruikersVan(b.id)) as unknown as { id: string }[];
    for (const [rol, tenant] of [['regiopartner', a.id], ['gemeente', 'GM0363'], ['werkgever', a.id]] as const)
      expectProblem(await call('POST', `/v1/regiopartners/${a.id}/gebruikers/${vanA!.id}/intrekking`, { headers: await authorization(rt, rol, tenant) }), 403);
    expectProblem(await call('POST', `/v1/regiopartners/${a.id}/gebruikers/${vanA!.id}/intrekking`, {}), 401);
    expectProblem(await call('POST', `/v1/regiopartners/${a.id}/gebruikers/${vanB!.id}/intrekking`, { headers: admin }), 404);
    expectProblem(await call('POST', `/v1/regiopartners/${a.id}/gebruikers/01JDZZZZZZZZZZZZZZZZZZZZZZ/intrekking`, { headers: admin }), 404);
    expectProblem(await call('POST', `/v1/regiopartners/${a.id}/gebruikers/geen-ulid/intrekking`, { headers: admin }), 400);
    expectProblem(await call('POST', `/v1/regiopartners/${a.id}/gebruikers/${vanA!.id}/intrekking`, { headers: admin, body: { status: 'ingetrokken' } }), 400);
    await rt.settle();
    expect((await gebruikersVan(a.id)).map((g) => g.status)).toEqual(['aangemaakt']);
    expect((await gebruikersVan(b.id)).map((g) => g.status)).toEqual(['aangemaakt']);
  });

  it('alleen coördinatoren nodigen uit; een partner ziet alleen de eigen medewerkers, een andere partner 404; zonder token 401', async () => {
    const [a, b] = [await maak({ contactpersoon: { naam: 'A', email: adres() } }), await maak({ contactpersoon: { naam: 'B', email: adres() } })];
    const alsA = await authorization(rt, 'regiopartner', a.id);
    const body = { naam: 'Ahmed', email: adres() };
    expectProblem(await call('POST', `/v1/regiopartners/${a.id}/gebruikers`, { headers: alsA, body }), 403);
    for (const [rol, tenant] of [['gemeente', 'GM0363'], ['werkgever', a.id]] as const) {
      const headers = await authorization(rt, rol, tenant);
      expectProblem(await call('POST', `/v1/regiopartners/${a.id}/gebruikers`, { headers, body }), 403);
      expectProblem(await call('GET', `/v1/regiopartners/${a.id}/gebruikers`, { headers }), 403);
    }
    expectProblem(await call('POST', `/v1/regiopartners/${a.id}/gebruikers`, { body }), 401);
    expect((await gebruikersVan(a.id, alsA)).map((g) => g.naam)).toEqual(['A']);
    const vreemd = await call('GET', `/v1/regiopartners/${b.id}/gebruikers`, { headers: alsA });
    expectProblem(vreemd, 404);
    expect(vreemd.ops).toEqual([]);
    expect(JSON.stringify(vreemd.body)).not.toContain(b.contactpersoon.email);
  });
});
