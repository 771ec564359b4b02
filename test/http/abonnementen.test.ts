import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { dynamo } from '../../shared/store/dynamodb';
import { sleutels } from '../../shared/store/sleutels';
import { apiClient, expectProblem, namen, ok, type Kop } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';
import { startOntvanger, type Ontvanger } from '../support/ontvanger';
import { ulid } from 'ulidx';

let rt: LocalRuntime;
let admin: Kop;
let gemeenteA: Kop;
let gemeenteB: Kop;
let ontvanger: Ontvanger;
const { call } = apiClient(() => rt);

beforeAll(async () => {
  ontvanger = await startOntvanger();
  // Trusted, so the verifications succeed and leave no retry pending when the runtime stops.
  process.env.WEBHOOKS_TEST_CA = ontvanger.ca;
  rt = await startTestRuntime();
  admin = await authorization(rt, 'coopAdmin');
  gemeenteA = await authorization(rt, 'gemeente', 'GM0363');
  gemeenteB = await authorization(rt, 'gemeente', 'GM0599');
});
afterAll(async () => {
  await ontvanger?.stop();
  await rt?.stop();
});

const invoer = (over: Record<string, unknown> = {}) => ({
  types: ['nl.werkcoop.plaatsingen.gestart', 'nl.werkcoop.verwijzingen.status-gewijzigd'],
  callbackUrl: ontvanger.url(),
  contactEmail: 'functioneelbeheer@amsterdam.nl',
  authorization: 'Bearer zaaksysteem-token-123',
  ...over,
});

const leesItem = async (id: string) => (await dynamo().send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: sleutels.abonnement(id) }))).Item!;

describe('abonnementen', () => {
  it('aanmaken toont het geheim één keer; de Authorization-waarde nooit; beide liggen versleuteld in de tabel', async () => {
    const r = await call('POST', '/v1/abonnementen', { headers: gemeenteA, body: invoer() });
    const a = ok(r, 201);
    expect(a).toMatchObject({ status: 'inAfwachting', eigenaar: { rol: 'gemeente', gemeente: 'GM0363' }, authorizationIngesteld: true, berichtvorm: 'cloudevents', versie: 1 });
    expect(a.geheim).toMatch(/^whsec_/);
    expect(r.headers.get('location')).toBe(`/v1/abonnementen/${a.id}`);
    expect(JSON.stringify(a)).not.toContain('zaaksysteem-token-123');

    const gelezen = ok(await call('GET', `/v1/abonnementen/${a.id}`, { headers: gemeenteA }));
    expect(gelezen).not.toHaveProperty('geheim');
    expect(JSON.stringify(gelezen)).not.toContain('zaaksysteem-token');
    const item = await leesItem(a.id);
    expect(JSON.stringify(item)).not.toContain('zaaksysteem-token-123');
    expect(JSON.stringify(item)).not.toContain(a.geheim.slice(6));
    expect(item.geheim).toMatch(/^v1\./);

    expect(ok(await call('GET', '/v1/abonnementen', { headers: gemeenteA })).abonnementen.map((x: any) => x.id)).toContain(a.id);
    expect(ok(await call('GET', '/v1/abonnementen', { headers: gemeenteB })).abonnementen).toEqual([]);
    expectProblem(await call('GET', `/v1/abonnementen/${a.id}`, { headers: gemeenteB }), 404);
    expect(ok(await call('GET', `/v1/abonnementen/${a.id}`, { headers: admin })).id).toBe(a.id);
  });

  it('weigert met alle fouten tegelijk, onbekende velden, en types over objecten die de beller niet ziet', async () => {
    const r = await call('POST', '/v1/abonnementen', { headers: gemeenteA, body: { types: [], callbackUrl: 5, contactEmail: 'geen-adres', extra: true } });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(expect.arrayContaining(['body.callbackUrl', 'body.contactEmail', 'body.types']));
    expectProblem(await call('POST', '/v1/abonnementen', { headers: gemeenteA, body: invoer({ types: ['nl.werkcoop.escalaties.aangemaakt'] }) }), 422);
    expectProblem(await call('POST', '/v1/abonnementen', { headers: await authorization(rt, 'werkgever', ulid()), body: invoer({ types: ['nl.werkcoop.verwijzingen.status-gewijzigd'] }) }), 422);
  });

  it.each([
    ['http://127.0.0.1/hook', 400],
    ['https://gebruiker:wachtwoord@8.8.8.8/hook', 400],
    ['https://10.0.0.1/hook', 422],
    ['https://169.254.169.254/latest/meta-data/', 422],
    ['https://100.64.0.1/hook', 422],
    ['https://[fd00::1]/hook', 422],
    ['https://[::ffff:127.0.0.1]/hook', 422],
    ['https://224.0.0.1/hook', 422],
    ['https://0.0.0.0/hook', 422],
    ['https://bestaat-niet.invalid/hook', 422],
  ])('SSRF bij aanmaken: %s is %i', async (callbackUrl, status) => {
    expectProblem(await call('POST', '/v1/abonnementen', { headers: gemeenteA, body: invoer({ callbackUrl }) }), status);
  });

  it('wijzigen met If-Match (dat van een ander is 404); Authorization weghalen; roteren toont een nieuw geheim; verwijderen', async () => {
    const a = ok(await call('POST', '/v1/abonnementen', { headers: gemeenteA, body: invoer() }), 201);
    const pad = `/v1/abonnementen/${a.id}`;
    expectProblem(await call('PATCH', pad, { headers: gemeenteA, body: { contactEmail: 'x@amsterdam.nl' } }), 428);
    expectProblem(await call('PATCH', pad, { headers: { ...gemeenteA, 'if-match': '"9"' }, body: { contactEmail: 'x@amsterdam.nl' } }), 412);
    expectProblem(await call('PATCH', pad, { headers: { ...gemeenteB, 'if-match': '"1"' }, body: { contactEmail: 'x@amsterdam.nl' } }), 404);
    const w = ok(await call('PATCH', pad, { headers: { ...gemeenteA, 'if-match': '"1"' }, body: { authorization: null, berichtvorm: 'zgw' } }));
    expect(w).toMatchObject({ authorizationIngesteld: false, berichtvorm: 'zgw', versie: 2 });
    expect((await leesItem(a.id)).authorization).toBeUndefined();

    const rot = ok(await call('POST', `${pad}/geheim-rotatie`, { headers: gemeenteA }));
    expect(rot.geheim).toMatch(/^whsec_/);
    expect(rot.geheim).not.toBe(a.geheim);
    expect(Date.parse(rot.vorigGeheimGeldigTot) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    const naRotatie = await leesItem(a.id);
    expect(naRotatie.vorigGeheim).toMatch(/^v1\./);
    expect(naRotatie.vorigGeheim).not.toBe(naRotatie.geheim);

    expectProblem(await call('DELETE', pad, { headers: gemeenteB }), 404);
    expect((await call('DELETE', pad, { headers: gemeenteA })).status).toBe(204);
    expectProblem(await call('GET', pad, { headers: gemeenteA }), 404);
  });
});
