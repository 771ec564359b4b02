import { CloudEvent } from 'cloudevents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { apiClient, expectProblem, nieuwAdres, ok, type Kop } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';

let rt: LocalRuntime;
let admin: Kop;
const { call } = apiClient(() => rt);

beforeAll(async () => {
  rt = await startTestRuntime();
  admin = await authorization(rt, 'coopAdmin');
});
afterAll(() => rt?.stop());

let kvkTeller = 10_000_000 + Math.floor(Math.random() * 80_000_000);
const goedgekeurdLid = async () => {
  const lid = ok(
    await call('POST', '/v1/leden', {
      vanAdres: nieuwAdres(),
      body: {
        kvkNummer: String(++kvkTeller),
        naam: 'Hoveniersbedrijf Het Hout',
        sectoren: ['groen'],
        werksoorten: ['groen'],
        contactpersoon: { naam: 'Sanne de Vries', email: 'sanne@hethout.nl' },
        toezeggingen: { reguliereBanen: 1, participatieplaatsen: 2, beschutWerkplekken: 0, banenafspraakBanen: 1 },
      },
    }),
    201,
  );
  ok(await call('POST', `/v1/leden/${lid.id}/goedkeuring`, { headers: admin }));
  return { id: lid.id as string, headers: await authorization(rt, 'werkgever', lid.id) };
};

/** Reads a feed to its first empty page, as a poller would; answers what it saw and the link to come back to. */
const lees = async (headers: Kop, vanaf: string) => {
  const gezien: any[] = [];
  let pad = vanaf;
  for (;;) {
    const r = ok(await call('GET', pad, { headers }));
    expect(typeof r.volgendePagina).toBe('string');
    pad = r.volgendePagina;
    if (r.gebeurtenissen.length === 0) return { gezien, terug: pad };
    gezien.push(...r.gebeurtenissen);
  }
};
const feed = async (headers: Kop, pageSize = 1) => (await lees(headers, `/v1/gebeurtenissen?pageSize=${pageSize}`)).gezien;

describe('de feed van gebeurtenissen en één gebeurtenis', () => {
  it('een goedgekeurd lid ziet zijn eigen gebeurtenis, als geldig CloudEvent zonder persoonsgegevens; een ander lid en een gemeente niet (404)', async () => {
    const a = await goedgekeurdLid();
    const b = await goedgekeurdLid();
    const [eigen] = await feed(a.headers);
    expect(eigen).toMatchObject({ type: 'nl.werkcoop.leden.goedgekeurd', subject: a.id, data: { status: 'actief' }, sequence: '2' });
    expect(eigen.dataref).toMatch(new RegExp(`/v1/leden/${a.id}$`));
    expect(new CloudEvent({ ...eigen }).validate()).toBe(true);
    expect(JSON.stringify(eigen)).not.toMatch(/Sanne|hethout|Hout/);

    expect(ok(await call('GET', `/v1/gebeurtenissen/${eigen.id}`, { headers: a.headers }))).toEqual(eigen);
    expectProblem(await call('GET', `/v1/gebeurtenissen/${eigen.id}`, { headers: b.headers }), 404);
    expectProblem(await call('GET', `/v1/gebeurtenissen/${eigen.id}`, { headers: await authorization(rt, 'gemeente', 'GM0363') }), 404);
    expect((await feed(b.headers)).map((g) => g.subject)).toEqual([b.id]);
    expect(await feed(await authorization(rt, 'gemeente', 'GM0363'))).toEqual([]);
  });

  it('coördinatoren zien alles, op volgorde van ontstaan; met de laatste cursor komen later alleen de nieuwe', async () => {
    const a = await goedgekeurdLid();
    const alle = await feed(admin, 2);
    expect(alle.map((g) => g.subject)).toContain(a.id);
    expect(alle.map((g) => g.id)).toEqual([...alle.map((g) => g.id)].sort());
    const { terug } = await lees(admin, '/v1/gebeurtenissen?pageSize=100');
    const b = await goedgekeurdLid();
    const nieuw = await lees(admin, terug);
    expect(nieuw.gezien.map((g) => [g.type, g.subject])).toEqual([['nl.werkcoop.leden.goedgekeurd', b.id]]);
    expect((await lees(admin, nieuw.terug)).gezien).toEqual([]);
  });

  it('een id die geen ULID is of een cursor van elders is 400', async () => {
    expectProblem(await call('GET', '/v1/gebeurtenissen/abc', { headers: admin }), 400);
    expectProblem(await call('GET', '/v1/gebeurtenissen?cursor=eyJwayI6IlZFUldJSlpJTkcjMSIsInNrIjoiVkVSV0lKWklORyJ9', { headers: admin }), 400);
    expectProblem(await call('GET', '/v1/gebeurtenissen?onbekend=1', { headers: admin }), 400);
  });
});
