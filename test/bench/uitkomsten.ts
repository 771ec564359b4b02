/**
 * The outcome reports' benchmark (`npm run bench -- --uitkomsten [--uitkomsten-nationaal 100000]`):
 *  1. a region with 10,000 placements over 8 cohorts, and the nation with N (default 100,000; the region's
 *     among them), as the uitkomsten consumer lays them out (shared/store/uitkomsten-store.ts), written with
 *     BatchWriteItem (not timed; the consumer's own cost per change is its transaction, see the README);
 *  2. GET /v1/uitkomsten through the local runtime as a coordinator, per region and nationally: p50/p99,
 *     the DynamoDB requests per report (the runtime's count) and the read units they consume (the same
 *     Queries sent once more with ReturnConsumedCapacity), and the runtime process's memory;
 *  3. the cost of a report from list prices (read request units; Lambda at the route's memory).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulidx';
import { errorsOnlyLog } from '../../infra/local/log';
import { startLocalRuntime } from '../../infra/local/runtime';
import { plusDagen } from '../../shared/domain/nazorg';
import type { Uitkomst } from '../../shared/domain/uitkomsten/rapport';
import { scopesVan } from '../../shared/domain/uitkomsten/bronnen';
import { uitkomstenRoutes } from '../../shared/routes/uitkomsten';
import { sleutels, UITKOMSTEN_SHARDS_NATIONAAL, uitkomstenShard } from '../../shared/store/sleutels';
import { PRIJZEN } from './nazorg';

const CONCURRENCY = 16;
const REGIO = 'Twente';
const REGIO_N = 10_000;

const pool = async <T>(items: readonly T[], n: number, fn: (item: T) => Promise<unknown>) => {
  let i = 0;
  await Promise.all(Array.from({ length: n }, async () => { while (i < items.length) await fn(items[i++]!); }));
};
const chunks = <T>(a: readonly T[], n: number): T[][] => Array.from({ length: Math.ceil(a.length / n) }, (_, i) => a.slice(i * n, i * n + n));

/** A deterministic pseudo-random stream, so two runs seed the same figures. */
const rng = (seed: number) => () => ((seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);

const uitkomst = (r: () => number, regio: string, gemeente: string, lidId: string): Uitkomst => {
  // 8 cohorts: 2024-K1 to 2025-K4; ends without work mostly in the first year, some into regular work.
  const start = plusDagen('2024-01-01', Math.floor(r() * 730));
  const eindigt = r() < 0.45;
  const na = Math.floor(30 + r() * 500);
  const reden = r() < 0.25 ? 'uitstroomRegulierWerk' : r() < 0.4 ? 'terugNaarGemeente' : 'contractNietVerlengd';
  const antwoord = () => (r() < 0.7 ? 'inDienst' : r() < 0.5 ? 'elders' : 'nietInWerk') as 'inDienst';
  const checks: Record<string, 'inDienst'> = {};
  if (r() < 0.85) checks.P6M = antwoord();
  if (r() < 0.75) checks.P12M = antwoord();
  return {
    plaatsingId: ulid(),
    startdatum: start,
    ...(eindigt ? { einde: { datum: plusDagen(start, na), reden } } : {}),
    checks,
    gemeente,
    arbeidsmarktregio: regio,
    lidId,
    doelgroep: ['participatiewet', 'banenafspraak', 'beschutWerk', 'voormaligWsw'][Math.floor(r() * 4)]!,
    soortWerkplek: ['reguliereBaan', 'participatieplaats', 'beschutWerk', 'leerwerkplek'][Math.floor(r() * 4)]!,
    werksoort: ['groen', 'logistiek', 'schoonmaak', 'horeca'][Math.floor(r() * 4)]!,
    contractvorm: ['bepaaldeTijd', 'onbepaaldeTijd', 'detachering', 'participatieplaats'][Math.floor(r() * 4)]!,
    urenPerWeek: 12 + Math.floor(r() * 28),
    teltVoorBanenafspraak: r() < 0.5,
    instrumenten: [...(r() < 0.4 ? ['jobcoach'] : []), ...(r() < 0.3 ? ['loonkostensubsidie'] : [])],
    nazorg: { regulier: { beslist: 4, opTijd: r() < 0.8 ? 4 : 3 }, duurzaamheidscheck: { beslist: 2, opTijd: 2 } },
    escalaties: r() < 0.1 ? [{ op: plusDagen(start, 40), afhandelUren: Math.round(r() * 96) }] : [],
  };
};

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export const uitkomstenBench = async (nationaalN: number): Promise<void> => {
  const id = randomBytes(3).toString('hex');
  // The handlers run in this process and read the level when first loaded: their per-report log line is noise here.
  process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
  const rt = await startLocalRuntime({
    port: 0,
    tableName: `werkcoop-bench-uitkomsten-${id}`,
    queuePrefix: `bench-uitkomsten-${id}-`,
    mailOutboxDir: mkdtempSync(join(tmpdir(), 'werkcoop-bench-mail-')),
    log: errorsOnlyLog,
    powertoolsLogLevel: 'WARN',
    streamConsumers: [],
    scheduler: { automatic: false },
  });
  const doc = DynamoDBDocumentClient.from(rt.dynamodb.client, { marshallOptions: { removeUndefinedValues: true } });
  const T = rt.table.tableName;
  const schrijf = async (items: Record<string, unknown>[]) =>
    pool(chunks(items, 25), CONCURRENCY, async (part) => {
      let open: { PutRequest: { Item: Record<string, unknown> } }[] | undefined = part.map((Item) => ({ PutRequest: { Item } }));
      while (open?.length) {
        const r = await doc.send(new BatchWriteCommand({ RequestItems: { [T]: open } }));
        open = r.UnprocessedItems?.[T] as typeof open;
      }
    });
  try {
    const r = rng(12);
    const leden = Array.from({ length: 500 }, () => ulid());
    await schrijf(leden.map((lidId) => ({ ...sleutels.lid(lidId), entiteit: 'Lid', id: lidId, status: 'actief', gsi1pk: sleutels.ledenPartitie, gsi1sk: `actief#2024-01-01T00:00:00.000Z#${lidId}`, toezeggingen: { reguliereBanen: 5, participatieplaatsen: 3, beschutWerkplekken: 1, banenafspraakBanen: 4 } })));
    const t0 = Date.now();
    let grootte = 0;
    let geschreven = 0;
    for (let i = 0; i < nationaalN; i += 5000) {
      const items: Record<string, unknown>[] = [];
      for (let j = i; j < Math.min(nationaalN, i + 5000); j++) {
        const inRegio = j < REGIO_N;
        const u = uitkomst(r, inRegio ? REGIO : `Regio ${j % 34}`, `GM${String(j % 342).padStart(4, '0')}`, leden[j % leden.length]!);
        const tekst = JSON.stringify(u);
        grootte += tekst.length;
        for (const s of scopesVan(u).filter((s) => s === 'NATIONAAL' || (inRegio && s.startsWith('REGIO#'))))
          items.push({ ...sleutels.uitkomstkopie(s, s === 'NATIONAAL' ? uitkomstenShard(u.plaatsingId) : 0, u.startdatum, u.plaatsingId), entiteit: 'Uitkomstkopie', u: tekst });
      }
      geschreven += items.length;
      await schrijf(items);
      process.stderr.write(`\r  seeded ${Math.min(nationaalN, i + 5000)}/${nationaalN} placements`);
    }
    process.stderr.write(`\n`);
    const seedS = (Date.now() - t0) / 1000;

    const token = await rt.mintToken({ rol: 'coopAdmin' });
    const meet = async (naam: string, pad: string, n: number, partities: string[]) => {
      const tijden: number[] = [];
      let ops: string[] = [];
      let bytes = 0;
      for (let i = 0; i < n + 2; i++) {
        const t = performance.now();
        const a = await fetch(`${rt.baseUrl}${pad}`, { headers: { authorization: `Bearer ${token}` } });
        const body = await a.text();
        if (a.status !== 200) throw new Error(`${pad}: ${a.status} ${body.slice(0, 300)}`);
        if (i >= 2) tijden.push(performance.now() - t);
        ops = a.headers.get('x-werkcoop-dynamodb-commands')?.split(',').filter(Boolean) ?? [];
        bytes = body.length;
      }
      // The read units of the report's outcome Queries, asked of the engine for the same partitions.
      let rcu = 0;
      for (const p of partities) {
        let start: Record<string, unknown> | undefined;
        do {
          const q = await doc.send(new QueryCommand({ TableName: T, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': p }, ProjectionExpression: 'entiteit, u', ExclusiveStartKey: start, ReturnConsumedCapacity: 'TOTAL' }));
          rcu += q.ConsumedCapacity?.CapacityUnits ?? 0;
          start = q.LastEvaluatedKey;
        } while (start);
      }
      const mem = process.memoryUsage();
      const perSoort = ops.reduce<Record<string, number>>((a, o) => ({ ...a, [o]: (a[o] ?? 0) + 1 }), {});
      const lambdaUsd = ((uitkomstenRoutes.uitkomstenOphalen.memoryMb ?? 256) / 1024) * (pct(tijden, 50) / 1000) * PRIJZEN.lambdaGbSecondArm + PRIJZEN.lambdaRequestsPerMillion / 1e6;
      const ddbUsd = (rcu * PRIJZEN.dynamodbReadRequestUnitPerMillion) / 1e6;
      console.log(`  ${naam}: p50 ${pct(tijden, 50).toFixed(0)} ms, p99 ${pct(tijden, 99).toFixed(0)} ms over ${n} reports; ${ops.length} DynamoDB requests ${JSON.stringify(perSoort)}; ${rcu.toFixed(1)} read units (eventually consistent); answer ${(bytes / 1024).toFixed(0)} KB`);
      console.log(`    runtime process after: rss ${(mem.rss / 2 ** 20).toFixed(0)} MB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB, maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
      console.log(`    cost per report: DynamoDB $${ddbUsd.toFixed(6)} + Lambda $${lambdaUsd.toFixed(6)} (${uitkomstenRoutes.uitkomstenOphalen.memoryMb} MB × local p50; to verify on AWS) = $${(ddbUsd + lambdaUsd).toFixed(6)}; 1000 reports $${(1000 * (ddbUsd + lambdaUsd)).toFixed(3)}`);
    };
    console.log(`\nuitkomsten reports: ${REGIO_N} placements in ${REGIO} over 8 cohorts (2024-K1..2025-K4), ${nationaalN} nationally; ${geschreven} copies seeded in ${seedS.toFixed(0)} s, ${(grootte / nationaalN).toFixed(0)} bytes per record`);
    await meet(`region (${REGIO_N})`, `/v1/uitkomsten?arbeidsmarktregio=${REGIO}`, 20, [sleutels.uitkomstenPartitie(`REGIO#${REGIO}`, 0)]);
    await meet(`nation (${nationaalN})`, '/v1/uitkomsten', nationaalN > 50_000 ? 5 : 10, Array.from({ length: UITKOMSTEN_SHARDS_NATIONAAL }, (_, i) => sleutels.uitkomstenPartitie('NATIONAAL', i)));
    console.log(`  (list prices ${JSON.stringify(PRIJZEN)} USD, eu-central-1, to verify)`);
  } finally {
    await rt.stop();
  }
};
