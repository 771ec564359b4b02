import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { CloudEvent } from 'cloudevents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { dynamo } from '../../shared/store/dynamodb';
import { apiClient, expectProblem, nieuwAdres, ok, type Kop } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';
import { startOntvanger, type Ontvanger } from '../support/ontvanger';

/**
 * Webhooks end to end through the local runtime: the API, the outbox on the table's stream, the webhooks
 * queue on the local SQS and its consumer, to a real HTTPS receiver in this process that checks every
 * signature with the `standardwebhooks` package.
 */
let rt: LocalRuntime;
let admin: Kop;
let ontvanger: Ontvanger;
const { call } = apiClient(() => rt);

beforeAll(async () => {
  ontvanger = await startOntvanger();
  process.env.WEBHOOKS_TEST_CA = ontvanger.ca;
  rt = await startTestRuntime();
  admin = await authorization(rt, 'coopAdmin');
});
afterAll(async () => {
  delete process.env.WEBHOOKS_TEST_CA;
  await rt?.stop();
  await ontvanger?.stop();
});

let kvkTeller = 10_000_000 + Math.floor(Math.random() * 80_000_000);
const aangevraagd = async () =>
  ok(
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
  ) as { id: string };

const wachtTot = async (voorwaarde: () => boolean | Promise<boolean>, ms = 15_000) => {
  const tot = Date.now() + ms;
  while (!(await voorwaarde())) {
    if (Date.now() > tot) throw new Error('wachten duurde te lang');
    // Polled, not settled: a planned retry is a delayed message, and the queue is not idle until it is due.
    await new Promise((r) => setTimeout(r, 100));
  }
};

const afleveringen = async (abonnementId: string) =>
  (
    await dynamo().send(
      new QueryCommand({ TableName: process.env.TABLE_NAME, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': `AFLEVERING#${abonnementId}` }, ConsistentRead: true }),
    )
  ).Items ?? [];

describe('webhooks', () => {
  it('verificatie maakt het abonnement actief; daarna komt elke gebeurtenis één keer aan, ondertekend, met de Authorization', async () => {
    const abonnement = ok(
      await call('POST', '/v1/abonnementen', {
        headers: admin,
        body: { types: ['nl.werkcoop.leden.goedgekeurd', 'nl.werkcoop.leden.geschorst'], callbackUrl: ontvanger.url('/coop'), contactEmail: 'beheer@werkcoop.nl', authorization: 'Bearer coop-systeem' },
      }),
      201,
    );
    ontvanger.geheim = abonnement.geheim;
    await wachtTot(async () => ok(await call('GET', `/v1/abonnementen/${abonnement.id}`, { headers: admin })).status === 'actief');
    const verificatie = ontvanger.ontvangen.find((v) => v.pad === '/coop')!;
    expect(verificatie.handtekeningGeldig).toBe(true);
    expect(JSON.parse(verificatie.body).type).toBe('nl.werkcoop.abonnementen.verificatie');

    const lid = await aangevraagd();
    ok(await call('POST', `/v1/leden/${lid.id}/goedkeuring`, { headers: admin }));
    ok(await call('POST', `/v1/leden/${lid.id}/schorsing`, { headers: admin, body: { reden: 'Betaalt contributie niet' } }));
    await wachtTot(() => ontvanger.ontvangen.filter((v) => v.pad === '/coop' && v.body.includes(lid.id)).length >= 2);
    await rt.settle();
    await new Promise((r) => setTimeout(r, 500));
    const voorLid = ontvanger.ontvangen.filter((v) => v.pad === '/coop' && v.body.includes(lid.id));
    expect(voorLid.map((v) => JSON.parse(v.body).type)).toEqual(['nl.werkcoop.leden.goedgekeurd', 'nl.werkcoop.leden.geschorst']);
    for (const v of voorLid) {
      expect(v.handtekeningGeldig).toBe(true);
      expect(v.headers.authorization).toBe('Bearer coop-systeem');
      const ce = JSON.parse(v.body);
      expect(v.headers['webhook-id']).toBe(ce.id);
      expect(new CloudEvent({ ...ce }).validate()).toBe(true);
      expect(v.body).not.toMatch(/Sanne|hethout|contributie/);
      expect(ok(await call('GET', `/v1/gebeurtenissen/${ce.id}`, { headers: admin }))).toEqual(ce);
    }
    const items = await afleveringen(abonnement.id);
    expect(items.filter((i) => i.entiteit === 'Aflevering').map((i) => i.status)).toEqual(['afgeleverd', 'afgeleverd', 'afgeleverd']);
    expect(items.filter((i) => i.entiteit === 'Afleverpoging')).toHaveLength(3);
  });

  it('een ontvanger die 500 geeft: de poging wordt vastgelegd en de volgende gepland (± 5 s); 410 schakelt het abonnement uit', async () => {
    let antwoord = 204;
    ontvanger.antwoord = (v, res) => res.writeHead(v.pad === '/tweede' ? antwoord : 204).end();
    const abonnement = ok(
      await call('POST', '/v1/abonnementen', { headers: admin, body: { types: ['nl.werkcoop.leden.goedgekeurd'], callbackUrl: ontvanger.url('/tweede'), contactEmail: 'beheer@werkcoop.nl' } }),
      201,
    );
    ontvanger.geheim = abonnement.geheim;
    await wachtTot(async () => ok(await call('GET', `/v1/abonnementen/${abonnement.id}`, { headers: admin })).status === 'actief');
    antwoord = 500;
    const lid = await aangevraagd();
    ok(await call('POST', `/v1/leden/${lid.id}/goedkeuring`, { headers: admin }));
    await wachtTot(async () => (await afleveringen(abonnement.id)).some((i) => i.entiteit === 'Aflevering' && i.poging === 2));
    const wachtend = (await afleveringen(abonnement.id)).find((i) => i.entiteit === 'Aflevering' && i.poging === 2)!;
    expect(wachtend).toMatchObject({ status: 'wachtend', laatsteStatus: 500 });
    const wacht = Date.parse(wachtend.volgendePogingOp) - Date.parse(wachtend.laatstePogingOp);
    expect(wacht).toBeGreaterThanOrEqual(4_000);
    expect(wacht).toBeLessThanOrEqual(6_000);

    antwoord = 410;
    await wachtTot(async () => ok(await call('GET', `/v1/abonnementen/${abonnement.id}`, { headers: admin })).status === 'uitgeschakeld', 20_000);
    expect(ok(await call('GET', `/v1/abonnementen/${abonnement.id}`, { headers: admin })).uitgeschakeldOmdat).toBe('opgezegd');
    // One mail to the contact, through the outbox and the notifications queue.
    await wachtTot(() => rt.mail.list().some((m) => (m.mail as { tekst: string }).tekst.includes(abonnement.id)));
    const mails = rt.mail.list().map((m) => m.mail as { aan: { email: string }; onderwerp: string; tekst: string }).filter((m) => m.tekst.includes(abonnement.id));
    expect(mails).toEqual([expect.objectContaining({ aan: expect.objectContaining({ email: 'beheer@werkcoop.nl' }), onderwerp: expect.stringContaining('uitgeschakeld') })]);
    expect(mails[0]!.tekst).toContain('410');
    const pogingen = (await afleveringen(abonnement.id)).filter((i) => i.entiteit === 'Afleverpoging' && i.gebeurtenisId !== undefined && i.status !== 204);
    expect(pogingen.map((p) => p.status)).toEqual([500, 410]);

    // The delivery log: the failed delivery is kept, with every attempt.
    const pad = `/v1/abonnementen/${abonnement.id}`;
    const mislukt = ok(await call('GET', `${pad}/afleveringen?status=mislukt`, { headers: admin })).afleveringen;
    expect(mislukt).toEqual([expect.objectContaining({ status: 'mislukt', poging: 2, laatsteStatus: 410 })]);
    const eenAflevering = ok(await call('GET', `${pad}/afleveringen/${mislukt[0].gebeurtenisId}`, { headers: admin }));
    expect(eenAflevering.pogingen.map((p: { status: number }) => p.status)).toEqual([500, 410]);
    expect(eenAflevering.pogingen.every((p: { duurMs: number; op: string }) => p.duurMs >= 0 && !Number.isNaN(Date.parse(p.op)))).toBe(true);

    // While disabled an event passes it by; re-enabled (a change verifies again) it can resend and replay.
    const gemist = await aangevraagd();
    ok(await call('POST', `/v1/leden/${gemist.id}/goedkeuring`, { headers: admin }));
    await rt.settle();
    antwoord = 204;
    const huidig = ok(await call('GET', pad, { headers: admin }));
    ok(await call('PATCH', pad, { headers: { ...admin, 'if-match': `"${huidig.versie}"` }, body: { contactEmail: 'beheer@werkcoop.nl' } }));
    await wachtTot(async () => ok(await call('GET', pad, { headers: admin })).status === 'actief');

    expect((await call('POST', `${pad}/afleveringen/${mislukt[0].gebeurtenisId}/herbezorging`, { headers: admin })).status).toBe(202);
    await wachtTot(async () => ok(await call('GET', `${pad}/afleveringen/${mislukt[0].gebeurtenisId}`, { headers: admin })).status === 'afgeleverd');
    expect(ok(await call('GET', `${pad}/afleveringen/${mislukt[0].gebeurtenisId}`, { headers: admin })).pogingen.map((p: { status: number }) => p.status)).toEqual([500, 410, 204]);

    const voorHerhaling = ontvanger.ontvangen.filter((v) => v.pad === '/tweede' && v.body.includes(gemist.id)).length;
    expect(voorHerhaling).toBe(0);
    const van = new Date(Date.now() - 3_600_000).toISOString();
    const tot = new Date(Date.now() + 60_000).toISOString();
    expect((await call('POST', `${pad}/herhaling`, { headers: admin, body: { van, tot } })).status).toBe(202);
    await wachtTot(() => ontvanger.ontvangen.some((v) => v.pad === '/tweede' && v.body.includes(gemist.id)));
    // A second replay of the same period sends nothing it already delivered.
    expect((await call('POST', `${pad}/herhaling`, { headers: admin, body: { van, tot } })).status).toBe(202);
    await rt.settle();
    await new Promise((r) => setTimeout(r, 500));
    expect(ontvanger.ontvangen.filter((v) => v.pad === '/tweede' && v.body.includes(gemist.id)).every((v) => v.handtekeningGeldig)).toBe(true);
    expect(ontvanger.ontvangen.filter((v) => v.pad === '/tweede' && v.body.includes(gemist.id))).toHaveLength(1);
    expectProblem(await call('POST', `${pad}/herhaling`, { headers: admin, body: { van: tot, tot: van } }), 422);
    expectProblem(await call('POST', `${pad}/afleveringen/${mislukt[0].gebeurtenisId}/herbezorging`, { headers: await authorization(rt, 'gemeente', 'GM0363') }), 404);
  }, 60_000);
});
