import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { lokaalAccountRegister } from '../../shared/auth/gebruikersaccounts';
import { apiClient, expectProblem, namen } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';

/** Coordinators invite coordinators: the partners' staff machinery for coopAdmin, through the local runtime. */
let rt: LocalRuntime;
let admin: { authorization: string };
beforeAll(async () => {
  rt = await startTestRuntime();
  admin = await authorization(rt, 'coopAdmin');
});
afterAll(() => rt?.stop());

const { call } = apiClient(() => rt);
let teller = 0;
const adres = () => `coordinator${++teller}-${Date.now()}@werkcoop.nl`;
type Coordinator = { id: string; email: string; naam: string; status: string; rol: string };
const coordinatoren = async (): Promise<Coordinator[]> => {
  const alle: Coordinator[] = [];
  let pad: string | null = '/v1/coordinatoren?pageSize=100';
  while (pad) {
    const r = await call('GET', pad, { headers: admin });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    alle.push(...(r.body.coordinatoren as Coordinator[]));
    pad = r.body.volgendePagina as string | null;
  }
  return alle;
};
const anderen = async () => [
  await authorization(rt, 'gemeente', 'GM0363'),
  await authorization(rt, 'werkgever', '01JDAAAAAAAAAAAAAAAAAAAAAA'),
  await authorization(rt, 'regiopartner', '01JDAAAAAAAAAAAAAAAAAAAAAA'),
];

describe('een coördinator nodigt een coördinator uit', () => {
  it('202 en één transactie; het account volgt met de rol coopAdmin en zonder tenant; hetzelfde adres nog eens, in andere letters, 409', async () => {
    const collega = adres();
    const r = await call('POST', '/v1/coordinatoren', { headers: admin, body: { naam: 'Sanne de Boer', email: collega.toUpperCase() } });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.ops).toEqual(['TransactWriteItems']);
    expect(r.body).toMatchObject({ naam: 'Sanne de Boer', email: collega, rol: 'coopAdmin', status: 'uitgenodigd', versie: 1, uitgenodigdDoor: { rol: 'coopAdmin' } });
    await rt.settle();
    expect((await coordinatoren()).find((g) => g.id === r.body.id)?.status).toBe('aangemaakt');
    const account = await lokaalAccountRegister(rt.env.LOCAL_USERS_DIR!).haal(collega);
    expect(account?.attributen).toMatchObject({ 'custom:rol': 'coopAdmin', email: collega });
    expect(account?.attributen).not.toHaveProperty('custom:tenant');
    for (const email of [collega, collega.toUpperCase(), collega.replace('coordinator', 'Coordinator')])
      expectProblem(await call('POST', '/v1/coordinatoren', { headers: admin, body: { naam: 'Sanne', email } }), 409);
    expect((await coordinatoren()).filter((g) => g.email === collega)).toHaveLength(1);
  });

  it('slechte invoer: alle fouten tegelijk, 400 als problem+json, en er verandert niets', async () => {
    const voor = (await coordinatoren()).length;
    const r = await call('POST', '/v1/coordinatoren', { headers: admin, body: { naam: '', email: 'geen-adres', rol: 'gemeente', tenant: 'GM0363', bsn: '111222333' } });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(expect.arrayContaining(['body.naam', 'body.email', 'body.rol', 'body.tenant', 'body.bsn']));
    expect(r.ops).toEqual([]);
    expectProblem(await call('POST', '/v1/coordinatoren', { headers: admin, body: { naam: 'x'.repeat(201), email: `${'a'.repeat(250)}@x.nl` } }), 400);
    expectProblem(await call('POST', '/v1/coordinatoren', { headers: admin, raw: '{"naam":' }), 400);
    expectProblem(await call('GET', '/v1/coordinatoren?pageSize=0', { headers: admin }), 400);
    await rt.settle();
    expect(await coordinatoren()).toHaveLength(voor);
  });

  it('alleen een coördinator: gemeente, werkgever en regiopartner 403, zonder token 401, en er verandert niets', async () => {
    const voor = await coordinatoren();
    const [eerste] = voor;
    for (const headers of await anderen()) {
      expectProblem(await call('POST', '/v1/coordinatoren', { headers, body: { naam: 'Indringer', email: adres() } }), 403);
      expectProblem(await call('GET', '/v1/coordinatoren', { headers }), 403);
      expectProblem(await call('POST', `/v1/coordinatoren/${eerste?.id ?? '01JDZZZZZZZZZZZZZZZZZZZZZZ'}/intrekking`, { headers }), 403);
    }
    expectProblem(await call('POST', '/v1/coordinatoren', { body: { naam: 'Indringer', email: adres() } }), 401);
    expectProblem(await call('GET', '/v1/coordinatoren', {}), 401);
    await rt.settle();
    expect(await coordinatoren()).toEqual(voor);
  });

  it('de lijst pagineert', async () => {
    for (let i = 0; i < 3; i++) expect((await call('POST', '/v1/coordinatoren', { headers: admin, body: { naam: `Coördinator ${i}`, email: adres() } })).status).toBe(202);
    const r = await call('GET', '/v1/coordinatoren?pageSize=2', { headers: admin });
    expect(r.status).toBe(200);
    expect(r.body.coordinatoren).toHaveLength(2);
    expect(r.body.volgendePagina).toMatch(/^\/v1\/coordinatoren\?/);
    const ids = (await coordinatoren()).map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('intrekken: 202, het account verdwijnt, een tweede keer 409; onbekend 404, ongeldig id 400; opnieuw uitnodigen geeft weer een account', async () => {
    const collega = adres();
    const uitnodiging = await call('POST', '/v1/coordinatoren', { headers: admin, body: { naam: 'Sanne de Boer', email: collega } });
    await rt.settle();
    const register = lokaalAccountRegister(rt.env.LOCAL_USERS_DIR!);
    expect(await register.haal(collega)).toBeDefined();

    const pad = `/v1/coordinatoren/${uitnodiging.body.id}/intrekking`;
    expectProblem(await call('POST', pad, { headers: admin, body: { status: 'ingetrokken' } }), 400);
    const r = await call('POST', pad, { headers: admin });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.ops).toEqual(['Query', 'TransactWriteItems']);
    expect(r.body).toMatchObject({ id: uitnodiging.body.id, status: 'intrekken', versie: 3 });
    await rt.settle();
    expect(await register.haal(collega)).toBeUndefined();
    expect((await coordinatoren()).find((g) => g.id === uitnodiging.body.id)?.status).toBe('ingetrokken');
    expectProblem(await call('POST', pad, { headers: admin }), 409);
    expectProblem(await call('POST', '/v1/coordinatoren/01JDZZZZZZZZZZZZZZZZZZZZZZ/intrekking', { headers: admin }), 404);
    expectProblem(await call('POST', '/v1/coordinatoren/geen-ulid/intrekking', { headers: admin }), 400);

    const weer = await call('POST', '/v1/coordinatoren', { headers: admin, body: { naam: 'Sanne de Boer', email: collega } });
    expect(weer.status).toBe(202);
    expect(weer.body.id).not.toBe(uitnodiging.body.id);
    await rt.settle();
    expect((await register.haal(collega))?.attributen['custom:rol']).toBe('coopAdmin');
  });
});
