/**
 * The nazorg sweep benchmark (`npm run bench -- --nazorg [--nazorg-n 10000]`, default 100,000 moments):
 *  1. N due moments spread over 342 gemeenten, written with BatchWriteItem (not timed);
 *  2. the sweep's peak memory (maxRSS of a child process running the real handler) at N/10 and at N;
 *  3. sweep + consume end to end through the local runtime (the nazorg queue with Lambda's semantics,
 *     the real consumer), timed, with every DynamoDB and SQS request counted;
 *  4. the raw baseline in the same run: N items with BatchWriteItem and N messages with SendMessageBatch
 *     to the same DynamoDB Local and fauxqs;
 *  5. a second baseline, the floor of exactly-once: the same conditional writes the consumer makes (per ten
 *     moments one TransactWriteItems of ten conditional updates and ten conditional puts), issued directly
 *     at the consumer's concurrency. The machinery against this floor is what the sweep, the queue and the
 *     reads add; the floor against the first baseline is what exactly-once costs on this engine;
 *  6. cost per 1000 placements per month from AWS list prices and the measured requests.
 * The outbox stream is not forwarded here (its mails are the notification path, measured by the main
 * bench): the end-to-end time is the sweep and the consumer's transactions.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteCommand, DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, PurgeQueueCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { ulid } from 'ulidx';
import { errorsOnlyLog } from '../../infra/local/log';
import { startLocalRuntime } from '../../infra/local/runtime';
import { plusDagen } from '../../shared/domain/nazorg';
import { queueDefinitions } from '../../shared/queues/definition';
import { scheduleDefinitions } from '../../shared/schedules/definition';
import { buildBundles, loadBundling, productionNodeOptions } from './bundles';
import type { Nazorgmoment } from '../../shared/schemas/nazorg';
import { momentItem, verwijzerItem } from '../../shared/store/nazorg-store';
import { sleutels } from '../../shared/store/sleutels';

const CONCURRENCY = 16;
const vandaag = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

/** List prices (USD), eu-central-1, as of 2025 — to verify on aws.amazon.com/pricing before quoting. */
export const PRIJZEN = {
  dynamodbWriteRequestUnitPerMillion: 0.7625,
  dynamodbReadRequestUnitPerMillion: 0.1525,
  sqsStandardPerMillionRequests: 0.4,
  lambdaGbSecondArm: 0.0000133334,
  lambdaRequestsPerMillion: 0.2,
  schedulerInvocationsPerMillion: 1.0,
} as const;

const pool = async <T>(items: readonly T[], n: number, fn: (item: T) => Promise<unknown>) => {
  let i = 0;
  await Promise.all(Array.from({ length: n }, async () => { while (i < items.length) await fn(items[i++]!); }));
};
const chunks = <T>(a: readonly T[], n: number): T[][] => Array.from({ length: Math.ceil(a.length / n) }, (_, i) => a.slice(i * n, i * n + n));

const batchWrite = async (doc: DynamoDBDocumentClient, table: string, items: Record<string, unknown>[]) => {
  await pool(chunks(items, 25), CONCURRENCY, async (part) => {
    let open: { PutRequest: { Item: Record<string, unknown> } }[] | undefined = part.map((Item) => ({ PutRequest: { Item } }));
    while (open?.length) {
      const r = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: open } }));
      open = r.UnprocessedItems?.[table] as typeof open;
    }
  });
};

const MEASURE_CHILD = join(import.meta.dirname, 'fixtures', 'measure-child.mjs');

/**
 * The sweep's peak memory as Lambda would report it: its production bundle (the construct's esbuild
 * options), invoked once in a fresh plain `node` with only the function's environment — no tsx loader,
 * whose transpiler would be most of the number.
 */
const sweepBundel = async (): Promise<string> => {
  const [bundle] = await buildBundles(await loadBundling(), [{ name: 'nazorg-sweep (job)', kind: 'queue', entry: scheduleDefinitions.nazorgSweep.handler }], mkdtempSync(join(tmpdir(), 'werkcoop-bench-sweep-')));
  return bundle!.file;
};

/**
 * With an old-space cap the heap cannot grow with the work: if the sweep held a day's moments, a capped
 * run at 100,000 would die of it. Uncapped, V8 lets the heap grow with the allocation rate before it
 * collects, so the uncapped peak rises with the sweep's length without anything being retained.
 */
export const OLD_SPACE_CAP_MB = 48;

const childPeak = (bundle: string, env: Record<string, string>, heapCapMb?: number): Promise<{ maxRssMb: number; ms: number }> =>
  new Promise((resolve, reject) => {
    const eventFile = join(mkdtempSync(join(tmpdir(), 'werkcoop-bench-sweep-event-')), 'event.json');
    writeFileSync(eventFile, '{}');
    const child = spawn(process.execPath, [MEASURE_CHILD, bundle, 'invoke', eventFile, 'nazorg-sweep', '256'], {
      env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: `${productionNodeOptions()}${heapCapMb ? ` --max-old-space-size=${heapCapMb}` : ''}`, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('@@bench '));
      if (code !== 0 || !line) return reject(new Error(`sweep child exited ${code}: ${out.slice(-500)}`));
      const o = JSON.parse(line.slice('@@bench '.length)) as { maxRssKb: number; invokeMs: number; result?: { summary?: string; error?: string } };
      if (o.result?.error) return reject(new Error(`sweep child threw: ${o.result.error}`));
      resolve({ maxRssMb: o.maxRssKb / 1024, ms: o.invokeMs });
    });
  });

export const nazorgBench = async (n: number, opties: { alleenGeheugen?: boolean } = {}): Promise<void> => {
  const id = randomBytes(3).toString('hex');
  const rt = await startLocalRuntime({
    port: 0,
    tableName: `werkcoop-bench-nazorg-${id}`,
    queuePrefix: `bench-nazorg-${id}-`,
    mailOutboxDir: mkdtempSync(join(tmpdir(), 'werkcoop-bench-mail-')),
    log: errorsOnlyLog,
    powertoolsLogLevel: 'WARN',
    streamConsumers: [],
    scheduler: { automatic: false },
  });
  const doc = DynamoDBDocumentClient.from(rt.dynamodb.client, { marshallOptions: { removeUndefinedValues: true } });
  const T = rt.table.tableName;
  try {
    const gisteren = plusDagen(vandaag(), -1);
    const leden = Array.from({ length: 500 }, () => ulid());
    await batchWrite(doc, T, leden.map((lidId, i) => ({ ...sleutels.lid(lidId), entiteit: 'Lid', contactpersoon: { naam: `Werkgever ${i}`, email: `w${i}@voorbeeld.nl` } })));
    // Planned well before they fell due, as a start plans them: each in the due index on its own date.
    const geplandOp = `${plusDagen(gisteren, -30)}T09:00:00.000Z`;
    const seed = async (count: number) => {
      const items: Record<string, unknown>[] = [];
      for (let i = 0; i < count; i++) {
        const m: Nazorgmoment = {
          id: ulid(), plaatsingId: ulid(), lidId: leden[i % leden.length]!, gemeente: `GM${String(i % 342).padStart(4, '0')}`,
          soort: 'regulier', vervaldatum: gisteren, status: 'gepland', reactietermijnDagen: 14, antwoorden: [], versie: 1,
        };
        items.push(momentItem(m, geplandOp), verwijzerItem(m));
        if (items.length >= 5000) await batchWrite(doc, T, items.splice(0));
      }
      await batchWrite(doc, T, items);
    };
    const checkpoint = () => doc.send(new PutCommand({ TableName: T, Item: { pk: 'JOB#nazorg-sweep', sk: 'CHECKPOINT', entiteit: 'JobCheckpoint', laatsteDag: plusDagen(gisteren, -1) } }));

    // Memory: the real sweep handler in a child process, sending to a queue nobody polls.
    const { QueueUrl: dummy } = await rt.sqs.client.send(new CreateQueueCommand({ QueueName: `bench-nazorg-${id}-geheugen` }));
    const childEnv = { ...rt.env, NAZORG_QUEUE_URL: dummy!, POWERTOOLS_LOG_LEVEL: 'WARN' };
    const bundle = await sweepBundel();
    const geheugen: { n: number; maxRssMb: number; ms: number; begrensdMb: number }[] = [];
    let geseed = 0;
    const sweepNaarDummy = async (size: number, heapCapMb?: number) => {
      await checkpoint();
      const r = await childPeak(bundle, childEnv, heapCapMb);
      const { Attributes } = await rt.sqs.client.send(new GetQueueAttributesCommand({ QueueUrl: dummy!, AttributeNames: ['ApproximateNumberOfMessages'] }));
      const verstuurd = Number(Attributes?.ApproximateNumberOfMessages);
      if (verstuurd !== size) throw new Error(`sweep child sent ${verstuurd}, expected ${size}`);
      await rt.sqs.client.send(new PurgeQueueCommand({ QueueUrl: dummy! }));
      return r;
    };
    for (const size of [Math.round(n / 10), n]) {
      const t = Date.now();
      await seed(size - geseed);
      geseed = size;
      console.log(`  ${size} moments seeded (${((Date.now() - t) / 1000).toFixed(1)} s, not timed)`);
      const r = await sweepNaarDummy(size);
      const begrensd = await sweepNaarDummy(size, OLD_SPACE_CAP_MB);
      geheugen.push({ n: size, maxRssMb: r.maxRssMb, ms: r.ms, begrensdMb: begrensd.maxRssMb });
    }
    const geheugenRapport = () => {
      for (const g of geheugen)
        console.log(`  sweep peak memory at ${g.n}: maxRSS ${g.maxRssMb.toFixed(0)} MB (sweep ${(g.ms / 1000).toFixed(1)} s); with old space capped at ${OLD_SPACE_CAP_MB} MB: ${g.begrensdMb.toFixed(0)} MB, completed`);
      console.log(`  memory ratio ${geheugen[1]!.n}/${geheugen[0]!.n}: ${(geheugen[1]!.maxRssMb / geheugen[0]!.maxRssMb).toFixed(2)} uncapped, ${(geheugen[1]!.begrensdMb / geheugen[0]!.begrensdMb).toFixed(2)} capped (aim ≈ 1)`);
    };
    if (opties.alleenGeheugen) {
      console.log(`\nnazorg sweep memory, ${n} due moments over 342 gemeenten`);
      geheugenRapport();
      return;
    }

    // End to end, counting every request.
    const ddb: Record<string, number> = {};
    const sqsCount: Record<string, number> = {};
    const vorige = globalThis.__werkcoopOnDynamoDbCommand;
    globalThis.__werkcoopOnDynamoDbCommand = (c) => { ddb[c] = (ddb[c] ?? 0) + 1; vorige?.(c); };
    const { sqs } = await import('../../shared/queues/sqs');
    for (const client of [sqs(), rt.sqs.client]) {
      client.middlewareStack.add((next, context) => (args) => {
        const c = String(context.commandName).replace(/Command$/, '');
        sqsCount[c] = (sqsCount[c] ?? 0) + 1;
        return next(args);
      }, { step: 'initialize', name: `nazorgBenchTeller${randomBytes(2).toString('hex')}` });
    }
    await checkpoint();
    const t0 = Date.now();
    const sweep = (await rt.jobs.runNow('nazorg-sweep')) as { verstuurd: number };
    const sweepMs = Date.now() - t0;
    // Progress on stderr while the queue drains (at 100,000 this takes tens of minutes on DynamoDB Local).
    const voortgang = setInterval(() => {
      void rt.sqs.client
        .send(new GetQueueAttributesCommand({ QueueUrl: rt.queueUrl('nazorg'), AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }))
        .then(({ Attributes: a }) => process.stderr.write(`  … ${Math.round((Date.now() - t0) / 1000)} s: ${a?.ApproximateNumberOfMessages} waiting, ${a?.ApproximateNumberOfMessagesNotVisible} in flight\n`))
        .catch(() => undefined);
    }, 60_000);
    await rt.queueDeliveries.drain({ timeoutMs: 3 * 3_600_000 }).finally(() => clearInterval(voortgang));
    const e2eMs = Date.now() - t0;
    globalThis.__werkcoopOnDynamoDbCommand = vorige;
    const sqsBeforeBaseline = { ...sqsCount };

    // Raw baseline: N items with BatchWriteItem and N messages with SendMessageBatch, same engines, same concurrency.
    const { QueueUrl: rauw } = await rt.sqs.client.send(new CreateQueueCommand({ QueueName: `bench-nazorg-${id}-rauw` }));
    const t1 = Date.now();
    const ids = Array.from({ length: n }, () => ulid());
    await Promise.all([
      batchWrite(doc, T, ids.map((x) => ({ pk: `RAUW#${x}`, sk: 'RAUW', entiteit: 'Rauw', status: 'verstuurd', versie: 2 }))),
      pool(chunks(ids, 10), CONCURRENCY, (part) =>
        rt.sqs.client.send(new SendMessageBatchCommand({ QueueUrl: rauw!, Entries: part.map((x, i) => ({ Id: String(i), MessageBody: JSON.stringify({ nazorgmomentId: x }) })) })),
      ),
    ]);
    const rawMs = Date.now() - t1;

    // The floor of exactly-once: the consumer's own writes, issued raw, at the consumer's concurrency. A rate,
    // so a sample of at most 20,000 moments says it (at 100,000 the whole set would add ~20 minutes).
    const vloerIds = ids.slice(0, Math.min(n, 20_000));
    const t2 = Date.now();
    await pool(chunks(vloerIds, 10), queueDefinitions.nazorg.maxConcurrency, (part) =>
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            ...part.map((x) => ({
              Update: {
                TableName: T,
                Key: { pk: `RAUW#${x}`, sk: 'RAUW' },
                UpdateExpression: 'SET #s = :nieuw, versie = versie + :een',
                ConditionExpression: '#s = :oud',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':nieuw': 'gedaan', ':oud': 'verstuurd', ':een': 1 },
              },
            })),
            ...part.map((x) => ({ Put: { TableName: T, Item: { pk: `RAUWBERICHT#${x}`, sk: 'RAUW', entiteit: 'Rauw', tekst: 'x'.repeat(400) }, ConditionExpression: 'attribute_not_exists(pk)' } })),
          ],
        }),
      ),
    );
    const vloerMs = ((Date.now() - t2) * n) / vloerIds.length; // scaled to n at the sample's rate

    const ddbTotal = Object.values(ddb).reduce((a, b) => a + b, 0);
    // GetQueueAttributes is the local runtime's idle check, not something Lambda's event source mapping bills.
    const { GetQueueAttributes: _idle, ...sqsBilled } = sqsBeforeBaseline;
    const sqsTotal = Object.values(sqsBilled).reduce((a, b) => a + b, 0);
    console.log(`\nnazorg sweep, ${n} due moments over 342 gemeenten (sweep sent ${sweep.verstuurd})`);
    console.log(`  end to end (sweep + consume): ${(e2eMs / 1000).toFixed(1)} s = ${Math.round(n / (e2eMs / 1000))} follow-ups/s (sweep alone ${(sweepMs / 1000).toFixed(1)} s)`);
    console.log(`  raw baseline (BatchWriteItem + SendMessageBatch of ${n}): ${(rawMs / 1000).toFixed(1)} s = ${Math.round(n / (rawMs / 1000))}/s`);
    console.log(`  ratio machinery/raw throughput: ${(rawMs / e2eMs).toFixed(2)} (aim ≥ 0.5)`);
    console.log(`  exactly-once floor (the consumer's conditional transactions issued raw, ${queueDefinitions.nazorg.maxConcurrency} at a time, ${vloerIds.length} sampled): ${(vloerMs / 1000).toFixed(1)} s for ${n} = ${Math.round(n / (vloerMs / 1000))}/s`);
    console.log(`    machinery/floor: ${(vloerMs / e2eMs).toFixed(2)} (what sweep, queue and reads add); floor/raw: ${(rawMs / vloerMs).toFixed(2)} (what conditional, transactional writes cost on this engine)`);
    console.log(`  DynamoDB requests per follow-up: ${(ddbTotal / n).toFixed(2)}  ${JSON.stringify(ddb)}`);
    console.log(`  SQS requests per follow-up: ${(sqsTotal / n).toFixed(2)}  ${JSON.stringify(sqsBilled)} (local idle checks not counted: ${_idle ?? 0} GetQueueAttributes)`);
    geheugenRapport();

    // Cost per 1000 placements per month: each placement has 8 follow-ups a year on average (6 cadence + ~2
    // instrument/contract triggers), i.e. 8/12 per month, each sent once; escalations are rare and left out.
    // Capacity units from the consumer's design and the measured requests: per follow-up one conditional
    // update of the moment and one outbox put per recipient in a transaction (2 WRU per item ≤ 1 KB), the
    // notification's claim and sent mark later (2 × 1 WRU); reads: the moment strongly consistent (1 RRU), the
    // contact eventually consistent (0.5 RRU), the sweep's key-only index pages (≈ 0.01 RRU per moment).
    const perMaand = 1000 * (8 / 12);
    const ontvangers = 1; // the bench's moments have an employer and no jobcoach
    const wru = 2 * (1 + ontvangers) + 2 * ontvangers;
    const rru = 1 + 0.5 * ontvangers + 0.01;
    const ddbUsd = perMaand * ((wru * PRIJZEN.dynamodbWriteRequestUnitPerMillion + rru * PRIJZEN.dynamodbReadRequestUnitPerMillion) / 1e6);
    const sqsUsd = perMaand * ((sqsTotal / n) * PRIJZEN.sqsStandardPerMillionRequests) / 1e6;
    // Lambda: the consumer's invocations are per batch of ten; 256 MB for ~150 ms per batch (measured locally, to verify on AWS).
    const lambdaUsd = perMaand * (0.256 * 0.015 * PRIJZEN.lambdaGbSecondArm + (0.1 * PRIJZEN.lambdaRequestsPerMillion) / 1e6);
    const schedulerUsd = (30 * PRIJZEN.schedulerInvocationsPerMillion) / 1e6;
    console.log(`  cost per 1000 placements per month (list prices ${JSON.stringify(PRIJZEN)} USD, eu-central-1, to verify):`);
    console.log(`    DynamoDB $${ddbUsd.toFixed(5)} (${wru} WRU + ${rru} RRU per follow-up), SQS $${sqsUsd.toFixed(5)} (${(sqsTotal / n).toFixed(2)} requests per follow-up), Lambda $${lambdaUsd.toFixed(5)} (256 MB, ~15 ms per follow-up in batches of 10), Scheduler $${schedulerUsd.toFixed(6)} per deployment`);
    console.log(`    total ≈ $${(ddbUsd + sqsUsd + lambdaUsd + schedulerUsd).toFixed(4)} (free tiers ignored)`);
  } finally {
    await rt.stop();
  }
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--nazorg-n');
  await nazorgBench(i === -1 ? 100_000 : Number(process.argv[i + 1]), { alleenGeheugen: process.argv.includes('--alleen-geheugen') });
}
