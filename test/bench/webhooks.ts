/**
 * The webhooks benchmark (`npm run bench -- --webhooks [--webhooks-n 200]`, issue #14): events per second
 * from a change to the receiver on loopback, the latency of each, and the DynamoDB and SQS requests per
 * delivered event.
 *  1. The local runtime (DynamoDB Local, the local SQS, the outbox stream, the webhooks queue's consumer)
 *     and an HTTPS receiver in this process that checks every signature with `standardwebhooks`
 *     (test/support/ontvanger.ts; trusted through WEBHOOKS_TEST_CA, loopback allowed by the runtime's switch).
 *  2. A coordinator's subscription to `nl.werkcoop.leden.geschorst`, made actief by its verification.
 *  3. N members applied and approved (not measured; each from its own loopback address, as the public
 *     POST /v1/leden is rate limited per address).
 *  4. Measured: N suspensions through the API at CONCURRENCY in flight; each one's time from sending the
 *     request to its event at the receiver, and every DynamoDB and SQS request the process made until the
 *     runtime is idle again. The API's own DynamoDB commands (x-werkcoop-dynamodb-commands) are counted
 *     apart, so what the outbox, fan-out and delivery add is the rest.
 *  5. The baseline in the same run: N signed POSTs from this process straight to the same receiver, a fresh
 *     TLS connection each (as the delivery makes them, shared/webhooks/verzenden.ts), at the same concurrency:
 *     the floor of one HTTPS delivery on loopback.
 * It prints; it asserts nothing about time.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:https';
import { loadavg, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { ulid } from 'ulidx';
import { errorsOnlyLog } from '../../infra/local/log';
import { startLocalRuntime } from '../../infra/local/runtime';
import { startOntvanger } from '../support/ontvanger';
import { apiClient, expectStatus, pool } from './http';
import { heading, ms, progress, ratio, table } from './report';
import { scenario } from './scenario';

const CONCURRENCY = 4;
const TYPE = 'nl.werkcoop.leden.geschorst';

const kwantiel = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const verdeling = (waarden: readonly number[]) => {
  const s = [...waarden].sort((a, b) => a - b);
  return { p50: kwantiel(s, 0.5), p99: kwantiel(s, 0.99), max: s[s.length - 1] ?? NaN };
};
const som = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
const lijst = (r: Record<string, number>, n: number) =>
  Object.entries(r)
    .sort(([, a], [, b]) => b - a)
    .map(([k, v]) => `${k} ${(v / n).toFixed(2)}`)
    .join(', ');

export const webhooksBench = async (n: number): Promise<void> => {
  const loadBefore = loadavg();
  const id = randomBytes(3).toString('hex');
  const ontvanger = await startOntvanger();
  process.env.WEBHOOKS_TEST_CA = ontvanger.ca;
  const aankomst = new Map<string, number>();
  ontvanger.antwoord = (v, res) => {
    // An invalid signature is counted in the report (from ontvanger.ontvangen), not thrown: a throw here would end the process.
    try {
      const ce = JSON.parse(v.body) as { type?: string };
      // Keyed by every id in the event (the member's is in its dataref and subject): the first arrival counts.
      if (ce.type === TYPE) for (const k of v.body.match(/[0-9A-HJKMNP-TV-Z]{26}/g) ?? []) if (!aankomst.has(k)) aankomst.set(k, performance.now());
    } catch {
      // the baseline's bodies are not CloudEvents of this type
    }
    res.writeHead(204).end();
  };

  progress('webhooks: starting the local runtime (DynamoDB Local, local SQS, handlers) …');
  const rt = await startLocalRuntime({
    port: 0,
    tableName: `werkcoop-bench-webhooks-${id}`,
    queuePrefix: `bench-webhooks-${id}-`,
    mailOutboxDir: mkdtempSync(join(tmpdir(), 'werkcoop-bench-mail-')),
    log: errorsOnlyLog,
    powertoolsLogLevel: 'WARN',
  });
  const setup = apiClient(rt.baseUrl, { sockets: CONCURRENCY });
  try {
    const s = await scenario(rt, setup);
    const abonnement = expectStatus(
      await setup.call('POST', '/v1/abonnementen', {
        headers: s.admin,
        body: { types: [TYPE], callbackUrl: ontvanger.url('/bench'), contactEmail: 'beheer@werkcoop.nl' },
      }),
      201,
      'POST /v1/abonnementen',
    ).json<{ id: string; geheim: string }>();
    ontvanger.geheim = abonnement.geheim;
    const tot = Date.now() + 30_000;
    while (expectStatus(await setup.call('GET', `/v1/abonnementen/${abonnement.id}`, { headers: s.admin }), 200, 'GET abonnement').json<{ status: string }>().status !== 'actief') {
      if (Date.now() > tot) throw new Error('bench set-up: the subscription did not become actief');
      await new Promise((r) => setTimeout(r, 100));
    }

    progress(`webhooks: ${n} members applied and approved (set-up, not measured) …`);
    const leden = await pool(Array.from({ length: n }), CONCURRENCY, () => s.actief());
    await rt.settle();

    // Count every request from here on.
    const ddb: Record<string, number> = {};
    const sqsTelling: Record<string, number> = {};
    const apiDdb: Record<string, number> = {};
    const vorige = globalThis.__werkcoopOnDynamoDbCommand;
    globalThis.__werkcoopOnDynamoDbCommand = (c) => {
      ddb[c] = (ddb[c] ?? 0) + 1;
      vorige?.(c);
    };
    const { sqs } = await import('../../shared/queues/sqs');
    for (const client of [sqs(), rt.sqs.client]) {
      client.middlewareStack.add(
        (next, context) => (args) => {
          const c = String(context.commandName).replace(/Command$/, '');
          sqsTelling[c] = (sqsTelling[c] ?? 0) + 1;
          return next(args);
        },
        { step: 'initialize', name: `webhooksBenchTeller${randomBytes(2).toString('hex')}` },
      );
    }

    progress(`webhooks: ${n} suspensions through the API, ${CONCURRENCY} in flight, each until its event is at the receiver …`);
    const verstuurd = new Map<string, number>();
    const api = apiClient(rt.baseUrl, { sockets: CONCURRENCY });
    const t0 = performance.now();
    await pool(leden, CONCURRENCY, async (lid) => {
      verstuurd.set(lid.id, performance.now());
      const r = expectStatus(
        await api.call('POST', `/v1/leden/${lid.id}/schorsing`, { headers: s.admin, body: { reden: 'Afspraken niet nagekomen' } }),
        200,
        'POST …/schorsing',
      );
      for (const c of r.commands) apiDdb[c] = (apiDdb[c] ?? 0) + 1;
    });
    const apiKlaar = performance.now();
    const wachtTot = Date.now() + 120_000 + n * 500;
    while (leden.some((l) => !aankomst.has(l.id))) {
      if (Date.now() > wachtTot) throw new Error(`bench: only ${leden.filter((l) => aankomst.has(l.id)).length} of ${n} events arrived`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const laatste = Math.max(...leden.map((l) => aankomst.get(l.id)!));
    await rt.settle();
    globalThis.__werkcoopOnDynamoDbCommand = vorige;
    const sqsVoorBaseline = { ...sqsTelling };
    const sqsZonderOntvangen = Object.fromEntries(Object.entries(sqsVoorBaseline).filter(([k]) => k !== 'ReceiveMessage' && k !== 'GetQueueAttributes'));
    const latenties = leden.map((l) => aankomst.get(l.id)! - verstuurd.get(l.id)!);
    const eindeTotEinde = { seconden: (laatste - t0) / 1000, ...verdeling(latenties) };
    const ontvangenBench = ontvanger.ontvangen.filter((v) => v.pad === '/bench' && v.body.includes(TYPE));
    const ongeldig = ontvangenBench.filter((v) => v.handtekeningGeldig !== true).length;

    progress(`webhooks: baseline, ${n} signed POSTs straight to the receiver, a fresh TLS connection each …`);
    const ondertekenaar = new Webhook(abonnement.geheim);
    const doel = new URL(ontvanger.url('/baseline'));
    const post = (body: string) =>
      new Promise<number>((resolve, reject) => {
        const msgId = ulid();
        const nu = new Date();
        const req = request(
          {
            host: doel.hostname,
            port: doel.port,
            path: doel.pathname,
            method: 'POST',
            agent: false,
            ca: ontvanger.ca,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              'webhook-id': msgId,
              'webhook-timestamp': String(Math.floor(nu.getTime() / 1000)),
              'webhook-signature': ondertekenaar.sign(msgId, nu, body),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const voorbeeld = ontvangenBench[0]?.body ?? '{}';
    const b0 = performance.now();
    const baselineLatenties = await pool(Array.from({ length: n }), CONCURRENCY, async () => {
      const t = performance.now();
      const status = await post(voorbeeld);
      if (status !== 204) throw new Error(`bench baseline: receiver answered ${status}`);
      return performance.now() - t;
    });
    const baseline = { seconden: (performance.now() - b0) / 1000, ...verdeling(baselineLatenties) };
    const baselineOngeldig = ontvanger.ontvangen.filter((v) => v.pad === '/baseline' && v.handtekeningGeldig !== true).length;
    api.close();

    const p = console.log;
    p(heading(`Webhooks: change → receiver on loopback (${n} suspensions, ${CONCURRENCY} in flight)`));
    p(`  machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    p(`  delivered ${ontvangenBench.length} of ${n} events (${ongeldig} with an invalid signature); baseline ${baselineOngeldig} invalid`);
    p(
      table(
        [{ header: '' }, { header: 'events/s', align: 'right' }, { header: 'p50', align: 'right' }, { header: 'p99', align: 'right' }, { header: 'max', align: 'right' }],
        [
          ['change → receiver (API, outbox stream, fan-out, webhooks queue, delivery)', (n / eindeTotEinde.seconden).toFixed(1), ms(eindeTotEinde.p50, 1), ms(eindeTotEinde.p99, 1), ms(eindeTotEinde.max, 1)],
          ['baseline: signed POST straight to the receiver (fresh TLS)', (n / baseline.seconden).toFixed(1), ms(baseline.p50, 1), ms(baseline.p99, 1), ms(baseline.max, 1)],
          ['ratio', ratio((n / baseline.seconden) / (n / eindeTotEinde.seconden)), ratio(eindeTotEinde.p50 / baseline.p50), ratio(eindeTotEinde.p99 / baseline.p99), ''],
        ],
      ),
    );
    p(`  the API calls alone took ${((apiKlaar - t0) / 1000).toFixed(2)} s (${(n / ((apiKlaar - t0) / 1000)).toFixed(1)} changes/s)`);
    const webhooksDdb = Object.fromEntries(Object.entries(ddb).map(([k, v]) => [k, v - (apiDdb[k] ?? 0)]).filter(([, v]) => (v as number) > 0));
    p(
      table(
        [{ header: 'requests per delivered event' }, { header: 'total', align: 'right' }, { header: 'by command' }],
        [
          ['DynamoDB, everything', (som(ddb) / n).toFixed(2), lijst(ddb, n)],
          ['  of which the API call (the change and its event)', (som(apiDdb) / n).toFixed(2), lijst(apiDdb, n)],
          ['  the rest (outbox, fan-out, delivery, other consumers)', (som(webhooksDdb as Record<string, number>) / n).toFixed(2), lijst(webhooksDdb as Record<string, number>, n)],
          ['SQS, everything', (som(sqsVoorBaseline) / n).toFixed(2), lijst(sqsVoorBaseline, n)],
          // The local poller long-polls each queue all the time (Lambda's event source mapping does too, and SQS bills it):
          // its empty receives grow with the run's length, not with the events.
          ['  without ReceiveMessage and GetQueueAttributes', (som(sqsZonderOntvangen) / n).toFixed(2), lijst(sqsZonderOntvangen, n)],
        ],
      ),
    );
  } finally {
    setup.close();
    await rt.stop();
    await ontvanger.stop();
    delete process.env.WEBHOOKS_TEST_CA;
  }
};
