import { ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulidx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInvocation } from '../../infra/local/invocation-scope';
import type { LocalRuntime } from '../../infra/local/runtime';
import { vandaag, verwerkBatch, verwerkNazorgmoment } from '../../functions/consumers/nazorgmoment-versturen';
import type { SweepResultaat } from '../../functions/jobs/nazorg-sweep';
import { plusDagen } from '../../shared/domain/nazorg';
import type { Nazorgmoment } from '../../shared/schemas/nazorg';
import { dynamo } from '../../shared/store/dynamodb';
import { nieuwMomentItems } from '../../shared/store/nazorg-store';
import { sleutels } from '../../shared/store/sleutels';
import { apiClient } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';

/**
 * The nazorg machinery end to end on DynamoDB Local and the local SQS: the sweep (run on demand, as
 * `npm run job -- nazorg-sweep` does), the nazorg queue with Lambda's semantics, the consumer, the outbox
 * and its mails. Each fault case must give exactly one effect. A short visibility timeout (5 s: longer than a batch with its 1 s window takes here) makes the
 * poison message reach the DLQ in seconds; the scheduler runs nothing on its own here.
 */
let rt: LocalRuntime;
const { call } = apiClient(() => rt);
const CHECKPOINT = { pk: 'JOB#nazorg-sweep', sk: 'CHECKPOINT' };
const dag = (n: number) => plusDagen(vandaag(new Date()), n);
const gemeente = `GM${String(Math.floor(Math.random() * 9000) + 1000)}`;
const lidId = ulid();
const jobcoachId = ulid();

beforeAll(async () => {
  rt = await startTestRuntime({ visibilityTimeoutSeconds: (q) => (q.name === 'nazorg' ? 5 : 1), scheduler: { automatic: false } });
  const admin = await authorization(rt, 'coopAdmin');
  const r = await call('POST', '/v1/gemeenten', {
    headers: admin,
    body: { code: gemeente, naam: 'Zaanstad', arbeidsmarktregio: 'Zaanstreek/Waterland', contactpersoon: { naam: 'Noor Bakker', email: 'participatie@zaanstad.nl' } },
  });
  expect(r.status).toBe(201);
  // The consumer reads only the contacts of the employer and the jobcoach organisation.
  await dynamo().send(new PutCommand({ TableName: rt.table.tableName, Item: { ...sleutels.lid(lidId), entiteit: 'Lid', contactpersoon: { naam: 'Sam de Werkgever', email: 'sam@bakkerij.nl' } } }));
  await dynamo().send(new PutCommand({ TableName: rt.table.tableName, Item: { ...sleutels.partner(jobcoachId), entiteit: 'Regiopartner', contactpersoon: { naam: 'Jo Coach', email: 'jo@jobcoach.nl' } } }));
}, 60_000);
afterAll(() => rt?.stop());

/**
 * Moments as planning writes them (the other half of #4): the moment item in the due index and its pointer.
 * Planned at `geplandOp`, by default long before they fall due; a moment already due when planned is in the
 * index on the day it was planned.
 */
const LANG_GELEDEN = `${dag(-365)}T09:00:00.000Z`;
const plan = async (vervaldata: string[], metJobcoach = true, geplandOp = LANG_GELEDEN): Promise<Nazorgmoment[]> => {
  const plaatsingId = ulid();
  const momenten: Nazorgmoment[] = vervaldata.map((vervaldatum) => ({
    id: ulid(),
    plaatsingId,
    lidId,
    gemeente,
    ...(metJobcoach ? { jobcoachPartnerId: jobcoachId } : {}),
    soort: 'regulier',
    vervaldatum,
    status: 'gepland',
    reactietermijnDagen: 14,
    antwoorden: [],
    versie: 1,
  }));
  for (const m of momenten) await dynamo().send(new TransactWriteCommand({ TransactItems: nieuwMomentItems(m, geplandOp) }));
  return momenten;
};
const lees = async (m: Nazorgmoment) =>
  (await dynamo().send(new GetCommand({ TableName: rt.table.tableName, Key: sleutels.nazorgmoment(m.plaatsingId, m.vervaldatum, m.id), ConsistentRead: true }))).Item!;
const mailsOver = (id: string) => rt.mail.list().filter((m) => JSON.stringify(m.mail).includes(id));
const zetCheckpoint = (laatsteDag: string) => dynamo().send(new PutCommand({ TableName: rt.table.tableName, Item: { ...CHECKPOINT, entiteit: 'JobCheckpoint', laatsteDag } }));
const sweep = async (datum?: string) => (await rt.jobs.runNow('nazorg-sweep', datum ? { datum } : {})) as SweepResultaat;
const stuur = (...ids: string[]) =>
  rt.sqs.client.send(new SendMessageBatchCommand({ QueueUrl: rt.queueUrl('nazorg'), Entries: ids.map((id, i) => ({ Id: String(i), MessageBody: JSON.stringify({ nazorgmomentId: id }) })) }));

describe('the nazorg machinery', () => {
  it('sweeps a placement started in the past: due moments are sent to employer and jobcoach, the unanswered one escalates after its reactietermijn', async () => {
    const [oud, recent, later] = await plan([dag(-20), dag(-3), dag(30)]);
    await zetCheckpoint(dag(-25));
    // Up to a week ago first (as a sweep that ran then): the oldest moment is sent. Its answer deadline
    // counts from the day it is sent (today), not from its due date 20 days ago.
    const r = await sweep(dag(-8));
    expect(r.dagen.map((d) => d.dag)).toEqual(Array.from({ length: 18 }, (_, i) => dag(-25 + i)));
    await rt.settle({ timeoutMs: 30_000 });
    expect(await lees(oud!)).toMatchObject({ status: 'verstuurd', versie: 2, antwoordUiterlijk: dag(14), ...sleutels.nazorgVervalIndex(dag(15), oud!.id) });
    expect(mailsOver(oud!.id).map((x) => (x.mail as { aan: { email: string } }).aan.email).sort()).toEqual(['jo@jobcoach.nl', 'sam@bakkerij.nl']);
    expect(mailsOver(oud!.id).every((x) => JSON.stringify(x.mail).includes(`uiterlijk ${dag(14)}`))).toBe(true);
    expect(await lees(recent!)).toMatchObject({ status: 'gepland', versie: 1 });

    // Today: the recent moment is sent; the old one, sent today too, is not escalated although its due date
    // plus 14 days lies in the past; the future one stays planned.
    await sweep();
    await rt.settle({ timeoutMs: 30_000 });
    expect(await lees(recent!)).toMatchObject({ status: 'verstuurd', versie: 2, antwoordUiterlijk: dag(14), ...sleutels.nazorgVervalIndex(dag(15), recent!.id) });
    expect(mailsOver(recent!.id)).toHaveLength(2);
    expect(await lees(oud!)).toMatchObject({ status: 'verstuurd', versie: 2 });
    expect((await lees(oud!)).geescaleerdOp).toBeUndefined();

    // Fifteen days on, unanswered: as if the old moment had been sent fifteen days ago (its deadline and its
    // place in the due index moved back), today's sweep escalates it, with one notice to the gemeente.
    await dynamo().send(
      new UpdateCommand({
        TableName: rt.table.tableName,
        Key: sleutels.nazorgmoment(oud!.plaatsingId, oud!.vervaldatum, oud!.id),
        UpdateExpression: 'SET antwoordUiterlijk = :u, gsi2pk = :p',
        ExpressionAttributeValues: { ':u': dag(-1), ':p': sleutels.nazorgVervalIndex(dag(0), oud!.id).gsi2pk },
      }),
    );
    await zetCheckpoint(dag(-1));
    await sweep();
    await rt.settle({ timeoutMs: 30_000 });
    const geescaleerd = await lees(oud!);
    expect(geescaleerd).toMatchObject({ status: 'verstuurd', versie: 3, geescaleerdOp: expect.any(String) });
    expect(geescaleerd.gsi2pk).toBeUndefined();
    const aanGemeente = () => rt.mail.list().filter((m) => JSON.stringify(m.mail).includes('participatie@zaanstad.nl') && JSON.stringify(m.mail).includes(oud!.plaatsingId));
    expect(aanGemeente()).toHaveLength(1);
    expect(JSON.stringify(aanGemeente()[0]!.mail)).toContain(`uiterlijk ${dag(-1)}`);
    expect(await lees(recent!)).toMatchObject({ status: 'verstuurd', versie: 2 });
    expect(await lees(later!)).toMatchObject({ status: 'gepland', versie: 1 });
    expect(mailsOver(later!.id)).toEqual([]);

    // Sweeping the same days again finds nothing left to do.
    await zetCheckpoint(dag(-25));
    await sweep();
    await rt.settle({ timeoutMs: 30_000 });
    expect(await lees(oud!)).toMatchObject({ versie: 3 });
    expect(await lees(recent!)).toMatchObject({ versie: 2 });
    expect(aanGemeente()).toHaveLength(1);
  }, 90_000);

  it('the consumer escalates only after the reactietermijn counted from sending, once, also when asked twice in one batch', async () => {
    const [m] = await plan([dag(-30)], false);
    const nu = new Date();
    expect(await verwerkNazorgmoment(m!.id, nu)).toBe('verstuurd');
    const na = (dagen: number) => new Date(nu.getTime() + dagen * 86_400_000);
    expect(await verwerkNazorgmoment(m!.id, na(14))).toBe('nietsTeDoen');
    const twee = await verwerkBatch(
      [
        { id: 'a', body: JSON.stringify({ nazorgmomentId: m!.id }) },
        { id: 'b', body: JSON.stringify({ nazorgmomentId: m!.id, plaatsingId: m!.plaatsingId, vervaldatum: m!.vervaldatum }) },
      ],
      na(15),
    );
    expect([...twee.perBericht.values()].sort()).toEqual(['alAfgehandeld', 'geescaleerd']);
    expect(await verwerkNazorgmoment(m!.id, na(16))).toBe('nietsTeDoen');
    expect(await lees(m!)).toMatchObject({ versie: 3, geescaleerdOp: na(15).toISOString() });
  });

  it('a batch makes three DynamoDB requests for ten follow-ups: the moments, the contacts, one transaction', async () => {
    const momenten = await plan(Array.from({ length: 10 }, () => dag(-1)));
    // Counted within this call's own invocation scope: the runtime's pollers in this process send their own.
    const { result: r, scope } = await runInvocation(() =>
      verwerkBatch(momenten.map((m, i) => ({ id: String(i), body: JSON.stringify({ nazorgmomentId: m.id, plaatsingId: m.plaatsingId, vervaldatum: m.vervaldatum }) }))),
    );
    expect([...r.perBericht.values()]).toEqual(Array(10).fill('verstuurd'));
    const teller = scope.dynamodbCommands;
    expect(teller).toEqual(['BatchGetItem', 'BatchGetItem', 'TransactWriteItems']);
    for (const m of momenten) expect(await lees(m)).toMatchObject({ status: 'verstuurd', versie: 2 });
  });

  it('a duplicate delivery sends once', async () => {
    const [m] = await plan([dag(-1)]);
    await stuur(m!.id, m!.id);
    await rt.sqs.client.send(new SendMessageCommand({ QueueUrl: rt.queueUrl('nazorg'), MessageBody: JSON.stringify({ nazorgmomentId: m!.id }) }));
    await rt.settle({ timeoutMs: 30_000 });
    expect(await lees(m!)).toMatchObject({ status: 'verstuurd', versie: 2 });
    expect(mailsOver(m!.id)).toHaveLength(2);
  }, 60_000);

  it('two sweeps at once: every moment is sent exactly once', async () => {
    const momenten = await plan(Array.from({ length: 40 }, (_, i) => dag(-1 - (i % 3))), false);
    await zetCheckpoint(dag(-5));
    await Promise.all([sweep(), sweep()]);
    await rt.settle({ timeoutMs: 30_000 });
    for (const m of momenten) {
      expect(await lees(m)).toMatchObject({ status: 'verstuurd', versie: 2 });
      expect(mailsOver(m.id)).toHaveLength(1);
    }
  }, 90_000);

  it('a crash between steps: a sweep that died before its checkpoint re-enqueues, the consumer absorbs it', async () => {
    const [m] = await plan([dag(-2)]);
    await zetCheckpoint(dag(-4));
    await sweep();
    await rt.settle({ timeoutMs: 30_000 });
    // As if the checkpoint write never happened: the same days are swept again.
    await zetCheckpoint(dag(-4));
    await sweep();
    await rt.settle({ timeoutMs: 30_000 });
    expect(await lees(m!)).toMatchObject({ status: 'verstuurd', versie: 2 });
    expect(mailsOver(m!.id)).toHaveLength(2);
    // And a consumer run on a moment another run already marked does nothing.
    expect(await verwerkNazorgmoment(m!.id)).toBe('nietsTeDoen');
  }, 90_000);

  it('catches up after downtime: every day from the checkpoint on, each moment once', async () => {
    const momenten = await plan(Array.from({ length: 12 }, (_, i) => dag(-11 + i)), false);
    await zetCheckpoint(dag(-12));
    const r = await sweep();
    expect(r.dagen.map((d) => d.dag)).toEqual(Array.from({ length: 13 }, (_, i) => dag(-12 + i)));
    await rt.settle({ timeoutMs: 30_000 });
    for (const m of momenten) {
      expect(await lees(m)).toMatchObject({ status: 'verstuurd', versie: 2 });
      expect(mailsOver(m.id)).toHaveLength(1);
    }
    const { Item } = await dynamo().send(new GetCommand({ TableName: rt.table.tableName, Key: CHECKPOINT, ConsistentRead: true }));
    expect(Item?.laatsteDag).toBe(dag(0));
  }, 90_000);

  it('a moment planned when it was long due (a backdated start) is sent by the next sweep, once, however late', async () => {
    const nu = new Date().toISOString();
    const momenten = await plan([dag(-200), dag(-60), dag(-10)], false, nu);
    for (const m of momenten) expect(await lees(m)).toMatchObject({ status: 'gepland', ...sleutels.nazorgVervalIndex(dag(0), m.id) });
    await zetCheckpoint(dag(-1));
    await sweep();
    await rt.settle({ timeoutMs: 30_000 });
    await sweep();
    await rt.settle({ timeoutMs: 30_000 });
    for (const m of momenten) {
      // Its reactietermijn counts from today, when it was sent, not from its due date.
      expect(await lees(m)).toMatchObject({ status: 'verstuurd', versie: 2, antwoordUiterlijk: dag(14) });
      expect(mailsOver(m.id)).toHaveLength(1);
    }
  }, 90_000);

  it('after downtime longer than the window: a moment planned overdue on the last swept day, after its sweep, is still sent', async () => {
    const [opDeCheckpointdag] = await plan([dag(-100)], false, `${dag(-40)}T16:00:00.000Z`);
    const [tijdensDeStilstand] = await plan([dag(-90)], false, `${dag(-20)}T16:00:00.000Z`);
    await zetCheckpoint(dag(-40));
    const r = await sweep();
    expect(r.dagen[0]!.dag).toBe(dag(-40));
    await rt.settle({ timeoutMs: 30_000 });
    for (const m of [opDeCheckpointdag!, tijdensDeStilstand!]) {
      expect(await lees(m)).toMatchObject({ status: 'verstuurd', versie: 2 });
      expect(mailsOver(m.id)).toHaveLength(1);
    }
  }, 90_000);

  it('with the clock in the past: a moment planned overdue thirty days ago is sent by that day\'s sweep', async () => {
    const [m] = await plan([dag(-90)], false, `${dag(-30)}T10:00:00.000Z`);
    await zetCheckpoint(dag(-31));
    const r = await sweep(dag(-30));
    expect(r.dagen.map((d) => d.dag)).toContain(dag(-30));
    await rt.settle({ timeoutMs: 30_000 });
    expect(await lees(m!)).toMatchObject({ status: 'verstuurd', versie: 2 });
    expect(mailsOver(m!.id)).toHaveLength(1);
  }, 90_000);

  it('a poison message ends in the DLQ after maxReceiveCount while the rest of its batch succeeds; redrive puts it back', async () => {
    const [goed] = await plan([dag(-1)], false);
    const onbekend = ulid();
    await rt.sqs.client.send(
      new SendMessageBatchCommand({
        QueueUrl: rt.queueUrl('nazorg'),
        Entries: [
          { Id: '0', MessageBody: JSON.stringify({ nazorgmomentId: goed!.id }) },
          { Id: '1', MessageBody: 'geen json' },
          { Id: '2', MessageBody: JSON.stringify({ nazorgmomentId: onbekend }) },
        ],
      }),
    );
    await rt.queueDeliveries.drain({ timeoutMs: 60_000 });
    expect(await lees(goed!)).toMatchObject({ status: 'verstuurd', versie: 2 });
    expect(mailsOver(goed!.id)).toHaveLength(1);
    const dlq = rt.queues.find((q) => q.definition.name === 'nazorg')!.dlqUrl;
    const { Messages = [] } = await rt.sqs.client.send(new ReceiveMessageCommand({ QueueUrl: dlq, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }));
    expect(Messages.map((x) => x.Body).sort()).toEqual([JSON.stringify({ nazorgmomentId: onbekend }), 'geen json'].sort());

    const res = await fetch(`${rt.baseUrl}/local/dlq/nazorg/redrive`, { method: 'POST' });
    expect(await res.json()).toEqual({ queue: 'nazorg', redriven: 2 });
    await rt.queueDeliveries.drain({ timeoutMs: 60_000 });
  }, 120_000);

  it('runs the sweep through the local endpoint that `npm run job -- nazorg-sweep --datum` calls', async () => {
    const res = await fetch(`${rt.baseUrl}/local/jobs/nazorg-sweep/run`, { method: 'POST', body: JSON.stringify({ datum: dag(0) }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ job: 'nazorg-sweep', result: { dagen: expect.any(Array) } });
    expect((await fetch(`${rt.baseUrl}/local/jobs/onbekend/run`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
