/**
 * `npm run bench`: werkcoop's numbers, measured in one run on loopback — the local runtime's latency
 * against a raw GetItem, the matching queries and a placement transition against the same DynamoDB calls
 * sent directly, DynamoDB operations per route, bundle size, cold-import time and peak memory per
 * function, and the local runtime's own memory. It prints; it asserts nothing about timing.
 *
 *   npm run bench                       # report on stdout, progress on stderr
 *   npm run bench -- --out bench.json   # also the numbers as JSON
 *   npm run bench -- --quick            # fewer samples and only the 40-item matching region, for working on the bench itself
 *   npm run bench -- --init-samples 5   # more cold imports per bundle (default 3): that phase grows
 *                                       # with every function, ~3 × 0.25 s each on an idle machine
 *   npm run bench -- --uitkomsten [--uitkomsten-nationaal 100000]
 *                                       # only the outcome reports (test/bench/uitkomsten.ts): a region of
 *                                       # 10,000 placements and the nation (default 100,000; smaller for a quick look)
 *   npm run bench -- --webhooks [--webhooks-n 200]
 *                                       # only the webhooks section (test/bench/webhooks.ts): changes → receiver on loopback
 *   The full run ends with the same reports, the nation at 20,000 placements (seeding 100,000 takes ~1.5 min
 *   here): `--uitkomsten-nationaal 100000` for the issue's scale, `--zonder-uitkomsten` to leave them out.
 *   Then the webhooks section at 100 changes (20 with --quick), in a child process; `--zonder-webhooks` leaves it out.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { errorsOnlyLog } from '../../infra/local/log';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime';
import { allRoutes } from '../../shared/routes/manifest';
import type { RouteDefinition } from '../../shared/routes/route';
import {
  benchFunctions,
  buildBundles,
  buildGroupBundles,
  BUNDLE_TARGET_BYTES,
  constructDefaultMemoryMb,
  loadBundling,
  productionNodeOptions,
  type BuiltBundle,
  type Bundling,
} from './bundles';
import { prepareInvocations } from './events';
import { apiClient } from './http';
import { apiThroughput, rawThroughput, sequentialLatency, tokenVerification, type Distribution, type SequentialLatency, type Throughput } from './latency';
import type { MatchingLatency, RouteComparison } from './matching';
import { initTimes, invocationPeaks, memoryRule, type InitTime, type InvocationPeak } from './memory';
import { logboekSchrijfwijzen, type LogboekRij } from './logboek';
import { countOperations, type OperationCount } from './operations';
import { DAILY_REQUESTS, IDLE_LIFETIMES_MIN, SIMULATED_DAYS, simulateDay, type DayResult, type Granularity } from './dag';
import { clip, heading, kb, mb, ms, progress, ratio, table } from './report';
import { scenario } from './scenario';
import type { TransitionLatency } from './transition';

const argv = process.argv.slice(2);
const outIndex = argv.indexOf('--out');
const outFile = outIndex === -1 ? undefined : argv[outIndex + 1];
if (outIndex !== -1 && !outFile) throw new Error('--out needs a file name');
const quick = argv.includes('--quick');
const initSamplesIndex = argv.indexOf('--init-samples');
const initSamples = initSamplesIndex === -1 ? undefined : Number(argv[initSamplesIndex + 1]);
if (initSamples !== undefined && !(Number.isInteger(initSamples) && initSamples > 0)) throw new Error('--init-samples needs a positive whole number');
// `--nazorg [--nazorg-n 10000]`: only the nazorg sweep benchmark (test/bench/nazorg.ts), default 100,000 moments
// (issue #4's scale; ~25 min on this machine, most of it DynamoDB Local's transactions), smaller for a quick look;
// `--alleen-geheugen` measures only the sweep's memory (seeding and two capped and uncapped sweeps, a few minutes).
if (argv.includes('--nazorg')) {
  const n = argv.indexOf('--nazorg-n');
  const { nazorgBench } = await import('./nazorg');
  await nazorgBench(n === -1 ? 100_000 : Number(argv[n + 1]), { alleenGeheugen: argv.includes('--alleen-geheugen') });
  process.exit(0);
}

// `--webhooks [--webhooks-n 200]`: only the webhooks section (test/bench/webhooks.ts): N changes through the API to a
// receiver on loopback, events/s and latency against signed POSTs straight to it, DynamoDB/SQS requests per event.
if (argv.includes('--webhooks')) {
  const n = argv.indexOf('--webhooks-n');
  const { webhooksBench } = await import('./webhooks');
  await webhooksBench(n === -1 ? 200 : Number(argv[n + 1]));
  process.exit(0);
}

if (argv.includes('--uitkomsten')) {
  const n = argv.indexOf('--uitkomsten-nationaal');
  const { uitkomstenBench } = await import('./uitkomsten');
  await uitkomstenBench(n === -1 ? 100_000 : Number(argv[n + 1]));
  process.exit(0);
}

const PRESET = quick
  ? {
      warmup: 50,
      perSide: 200,
      blockSize: 50,
      connections: 10,
      seconds: 2,
      initSamples: 2,
      tokenIterations: 200,
      // One region only: the 250-item one costs ~1,000 set-up calls (~30 s on a busy machine).
      matching: [{ size: 40, warmup: 5, perSide: 30, blockSize: 10, inProcessIterations: 30 }],
      transition: { warmup: 5, perSide: 40, blockSize: 10 },
      logboek: { warmup: 10, perSide: 60, blockSize: 10 },
    }
  : // 1000 per side (three sides) and 5 s of load per side keep section 1 near 40 s on an idle 2-core machine.
    // Cold imports: 3 fresh processes per bundle (the median of 3) — with ~60 functions, 5 took ~2.5 min on a busy machine.
    {
      warmup: 200,
      perSide: 1000,
      blockSize: 100,
      connections: 10,
      seconds: 5,
      initSamples: 3,
      tokenIterations: 1000,
      // Section 1b: ~75 s on a busy 2-core machine, a third of it creating data (the 250-item region: ~1,000 calls).
      // Small blocks: a burst of other load lands on all four sides rather than on one.
      matching: [
        { size: 40, warmup: 10, perSide: 150, blockSize: 10, inProcessIterations: 100 },
        { size: 250, warmup: 5, perSide: 50, blockSize: 10, inProcessIterations: 30 },
      ],
      transition: { warmup: 10, perSide: 150, blockSize: 10 },
      logboek: { warmup: 20, perSide: 200, blockSize: 20 },
    };
const SETTINGS = { ...PRESET, ...(initSamples ? { initSamples } : {}) };
/** Parallel requests while creating data (never while timing): overlaps DynamoDB Local's latency. */
const SETUP_CONCURRENCY = 4;

const P50_RATIO_TARGET = 1.3;
const PER_TAG = 'per group (tag)';
const PER_TAG_ACCESS = 'per tag × access (deployed)';
/** The records a kandidaten call writes: one per candidate on the page, one more per released name (the consented ones rank first). */
const kandidatenRecords = (m: MatchingLatency): number => m.kandidaten.suggestions + Math.min(m.consented, m.kandidaten.suggestions);

/** The p50 of the write the store makes for `records` records (verwerkingen-store.ts), measured in section 1c. */
const logWriteP50 = (r: Pick<Results, 'logboek'>, records: number): number =>
  r.logboek.find((w) => w.records === records && w.wijze === (records === 1 ? 'PutItem' : 'TransactWriteItems'))?.latency.p50 ?? NaN;

/** Goal 4's measure: Δ p50 less what section 1 and 1c attribute (use case, request path, token check, log write). */
const unattributed = (r: Pick<Results, 'logboek' | 'latency' | 'token'>, m: MatchingLatency, route: 'matches' | 'kandidaten'): number => {
  const c = m[route];
  const records = route === 'matches' ? 1 : kandidatenRecords(m);
  return c.api.p50 - c.raw.p50 - c.inProcess.p50 - r.latency.notFound.p50 - r.token.p50 - logWriteP50(r, records);
};

/** The function that serves the OpenAPI document: it needs the generator, so it is reported on its own. */
const OPENAPI_FUNCTION = 'openapiOphalen';
const OPENAPI_GROUP = 'group APILezen';

interface RuntimeMemory {
  readonly nodeMaxRssKb: number;
  readonly nodeRssKb: number;
  readonly nodeHeapUsedKb: number;
  readonly jvmRssKb: number | undefined;
  readonly jvmPeakRssKb: number | undefined;
  readonly jvmHeapCap: string | undefined;
}

/** The JVM's peak (VmHWM) and its -Xmx from /proc: the cap is stated as the runtime actually started it. */
const jvmFacts = (pid: number | undefined): { peakKb?: number; heapCap?: string } => {
  if (!pid || pid < 0) return {};
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s*(\d+)/.exec(status)?.[1];
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const xmx = cmdline.find((a) => a.startsWith('-Xmx'))?.slice(4);
    const gc = cmdline.find((a) => /^-XX:\+Use\w+GC$/.test(a))?.slice(5);
    return { ...(hwm ? { peakKb: Number(hwm) } : {}), ...(xmx ? { heapCap: `-Xmx${xmx}${gc ? `, ${gc}` : ''}` } : {}) };
  } catch {
    return {};
  }
};

const runtimeMemory = (rt: LocalRuntime): RuntimeMemory => {
  const engine = rt.dynamodb.engine;
  const jvm = jvmFacts(engine?.pid);
  const usage = process.memoryUsage();
  return {
    nodeMaxRssKb: process.resourceUsage().maxRSS,
    nodeRssKb: usage.rss / 1024,
    nodeHeapUsedKb: usage.heapUsed / 1024,
    jvmRssKb: engine?.rssKb(),
    jvmPeakRssKb: jvm.peakKb,
    jvmHeapCap: jvm.heapCap,
  };
};

/** Median import time of one bundle in fresh processes without --enable-source-maps (attribution of the flag's cost). */
const withoutSourceMaps = async (bundles: readonly BuiltBundle[], env: Record<string, string>, samples: number) => {
  const { NODE_OPTIONS: _n, ...plain } = env;
  return initTimes(bundles, plain, samples);
};

const main = async () => {
  const started = Date.now();
  const loadBefore = loadavg();
  const work = mkdtempSync(join(tmpdir(), 'werkcoop-bench-'));
  const id = randomBytes(4).toString('hex');

  progress('starting the local runtime (DynamoDB Local, fauxqs, handlers) …');
  const rt = await startLocalRuntime({
    port: 0,
    tableName: `werkcoop-bench-${id}`,
    queuePrefix: `bench-${id}-`,
    mailOutboxDir: join(work, 'mail-runtime'),
    log: errorsOnlyLog,
    powertoolsLogLevel: 'WARN',
  });
  const api = apiClient(rt.baseUrl);
  const setupApi = apiClient(rt.baseUrl, { sockets: SETUP_CONCURRENCY });
  try {
    const s = await scenario(rt, setupApi);
    const target = await s.actief();

    progress(`latency: ${SETTINGS.warmup} warm-up + ${SETTINGS.perSide} sequential requests per side, interleaved blocks of ${SETTINGS.blockSize} …`);
    const latency = await sequentialLatency(rt, api, { lidId: target.id, headers: s.admin }, SETTINGS);
    const token = await tokenVerification(s.admin.authorization, SETTINGS.tokenIterations);

    progress(`throughput: ${SETTINGS.connections} connections × ${SETTINGS.seconds} s, API (autocannon) then raw …`);
    const throughput: Throughput[] = [
      await apiThroughput(rt, { lidId: target.id, headers: s.admin }, SETTINGS.connections, SETTINGS.seconds),
      await rawThroughput(rt, target.id, SETTINGS.connections, SETTINGS.seconds),
    ];

    // Imported only now: they load the use cases and stores, whose Powertools logger takes its level from the
    // environment when first imported — before the runtime set POWERTOOLS_LOG_LEVEL it would log at INFO.
    const { matchingFixture, matchingLatency } = await import('./matching');
    const { placementTransition } = await import('./transition');
    const fixtures = [];
    for (const m of SETTINGS.matching) {
      const t0 = Date.now();
      progress(`matching set-up: ${m.size} open places and ${m.size} placeable candidates in one region, through the API …`);
      fixtures.push(await matchingFixture(s, m.size === 40 ? 'matching40' : 'matching250', m.size, SETUP_CONCURRENCY));
      progress(`  … ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
    // The members' approvals put mail in the outbox: delivered before timing, not during.
    await rt.settle({ timeoutMs: 60_000 });
    const matching: MatchingLatency[] = [];
    for (const [i, m] of SETTINGS.matching.entries()) {
      progress(`matching latency at ${m.size} items: ${m.warmup} warm-up + ${m.perSide} per side, 4 sides interleaved in blocks of ${m.blockSize} …`);
      matching.push(await matchingLatency(rt, api, s, fixtures[i]!, m));
    }
    const transition = await placementTransition(rt, api, s, { ...SETTINGS.transition, concurrency: SETUP_CONCURRENCY });
    progress('  … transition measured');
    // 1, 3 and 25 records, and as many as a kandidaten page writes (one per candidate shown, one more per released name).
    const sizes = [...new Set([1, 3, 25, ...matching.map(kandidatenRecords)])].sort((a, b) => a - b);
    progress(`processing-log writes: ${sizes.join(', ')} records, three ways, ${SETTINGS.logboek.perSide} per side …`);
    const logboek = await logboekSchrijfwijzen(rt, sizes, SETTINGS.logboek);

    progress('DynamoDB operations per route …');
    const operations = await countOperations(api, s);
    await rt.settle({ timeoutMs: 30_000 });
    // Sampled here, after the load: the bundling and child processes below are not the runtime's memory.
    const memory = runtimeMemory(rt);

    const fns = benchFunctions();
    progress('importing WERKCOOP_BUNDLING from the construct (loads aws-cdk-lib) …');
    const bundling = await loadBundling();
    for (const w of bundling.warnings) process.stderr.write(`WARNING ${w}\n`);
    progress(`bundling ${fns.length} functions with ${bundling.source === 'construct' ? "the construct's" : 'the mirrored'} options …`);
    const bundles = await buildBundles(bundling, fns, join(work, 'bundles'));

    const childEnv: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      ...rt.env,
      MAIL_OUTBOX_DIR: join(work, 'mail-children'),
      POWERTOOLS_LOG_LEVEL: 'WARN',
      NODE_OPTIONS: productionNodeOptions(),
    };
    // The bundles of whole route groups (section 7), built now so their cold imports share rounds with the
    // routes' own: measured apart, a burst of other load on the machine would favour one side.
    const { functionGroups, routeGroups } = await import('../../infra/stacks/route-group-stack');
    const groupings = { tag: routeGroups(allRoutes), access: functionGroups(allRoutes) };
    const groupBundles = await buildGroupBundles(bundling, new Map([...groupings.tag, ...groupings.access]), join(work, 'groups'));
    const allInits = await initTimes([...bundles, ...groupBundles], childEnv, SETTINGS.initSamples, (round) =>
      progress(`cold imports, round ${round}/${SETTINGS.initSamples} (${bundles.length} functions and ${groupBundles.length} route groups, fresh processes) …`),
    );
    const inits = allInits.slice(0, bundles.length);
    const groupInits = allInits.slice(bundles.length);
    const largest = [...bundles].sort((a, b) => b.bytes - a.bytes)[0]!;
    const baseline = bundles.find((b) => b.fn.kind === 'baseline')!;
    progress('cold imports without --enable-source-maps (largest bundle and baseline) …');
    const noMaps = await withoutSourceMaps([largest, baseline], childEnv, SETTINGS.initSamples);

    progress('one invocation per function in a fresh process (peak RSS) …');
    // Matching's samples read the largest region measured: memory follows the items read.
    const invocations = await prepareInvocations(rt, s, fns, fixtures.at(-1)!);
    const peaks = await invocationPeaks(bundles, invocations, childEnv, work, constructDefaultMemoryMb());

    progress('the simulated days (section 7) …');
    const days = simulatedDays(groupings, inits, groupInits, peaks, latency);
    const deployedGroups = [...groupings.access.keys()].map((name) => `group ${name}`);

    const elapsedS = (Date.now() - started) / 1000;
    const context = {
      node: process.version,
      arch: arch(),
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '?',
      loadBefore: loadBefore.map((l) => Number(l.toFixed(2))),
      loadAfter: loadavg().map((l) => Number(l.toFixed(2))),
      elapsedS,
      nodeOptions: productionNodeOptions(),
    };
    printReport({ context, bundling, latency, token, logboek, throughput, matching, transition, operations, memory, bundles, inits, noMaps, largest, baseline, peaks, groupInits, deployedGroups, days });
    if (outFile) {
      const file = resolve(outFile);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(
        file,
        `${JSON.stringify(toJson({ context, bundling, latency, token, logboek, throughput, matching, transition, operations, memory, bundles, inits, noMaps, peaks, groupInits, deployedGroups, days }), null, 2)}\n`,
      );
      progress(`written ${file}`);
    }
  } finally {
    api.close();
    setupApi.close();
    await rt.stop();
    rmSync(work, { recursive: true, force: true });
  }
};

interface Results {
  context: { node: string; arch: string; cpus: number; cpuModel: string; loadBefore: number[]; loadAfter: number[]; elapsedS: number; nodeOptions: string };
  bundling: Bundling;
  latency: SequentialLatency;
  token: Distribution;
  logboek: LogboekRij[];
  throughput: Throughput[];
  matching: MatchingLatency[];
  transition: TransitionLatency;
  operations: { rows: OperationCount[]; uncovered: string[] };
  memory: RuntimeMemory;
  bundles: BuiltBundle[];
  inits: InitTime[];
  noMaps: InitTime[];
  largest: BuiltBundle;
  baseline: BuiltBundle;
  peaks: InvocationPeak[];
  groupInits: InitTime[];
  /** Names of the group bundles that deploy (infra/stacks/route-group-stack.ts, functionGroups). */
  deployedGroups: string[];
  days: DayResult[];
}

const printReport = (r: Results): void => {
  const out: string[] = [];
  const p = (line = '') => out.push(line);
  const c = r.context;
  p(`werkcoop benchmark — ${new Date().toISOString()} — ${c.elapsedS.toFixed(0)} s`);
  p(`Node ${c.node} on ${c.arch}, ${c.cpus} × ${c.cpuModel}; load average ${c.loadBefore.join(' ')} before, ${c.loadAfter.join(' ')} after.`);
  p('Loopback only: no network, no API Gateway, no Lambda sandbox. Lambda runs nodejs22.x on arm64 (Graviton): absolute');
  p('times there differ; the ratios and the bytes carry over.');
  const busiest = Math.max(...c.loadBefore.slice(0, 1), ...c.loadAfter.slice(0, 1));
  if (busiest > c.cpus * 0.75)
    p(`WARNING machine busy (1-min load up to ${busiest.toFixed(1)} on ${c.cpus} cores, other work running): timings are inflated and noisier; bytes and op counts are not affected.`);
  for (const w of r.bundling.warnings) p(`WARNING ${w}`);

  // 1 ------------------------------------------------------------------------------------------------
  const l = r.latency;
  p(heading('1. Latency: GET /v1/leden/{lidId} through the local runtime vs a raw GetItem'));
  p(`  Sequential (concurrency 1), ${l.api.n} requests per side after ${l.warmup} warm-up each, ${l.blocks} interleaved blocks of ${l.blockSize}.`);
  p('  Both read the same item with ConsistentRead from the same DynamoDB Local over keep-alive HTTP; the API side adds');
  p('  HTTP parsing, the v2 event, JWT (RS256) verification, zod validation, the middy pipeline and the response headers.');
  p('  The runtime runs the handlers\' TypeScript through tsx in this process (sections 3–5 use the real bundles). Handlers log');
  p('  at WARN here to keep the output readable; deployed they log INFO, which adds one JSON line (the AVG processing record) per read.');
  p(
    table(
      [{ header: '' }, { header: 'p50', align: 'right' }, { header: 'p90', align: 'right' }, { header: 'p99', align: 'right' }, { header: 'mean', align: 'right' }, { header: 'min', align: 'right' }, { header: 'max', align: 'right' }],
      [
        ['API (coopAdmin)', l.api.p50, l.api.p90, l.api.p99, l.api.mean, l.api.min, l.api.max],
        ['raw GetItem', l.raw.p50, l.raw.p90, l.raw.p99, l.raw.mean, l.raw.min, l.raw.max],
        ['404 path (no token, no DB)', l.notFound.p50, l.notFound.p90, l.notFound.p99, l.notFound.mean, l.notFound.min, l.notFound.max],
        ['token check only (in-process)', r.token.p50, r.token.p90, r.token.p99, r.token.mean, r.token.min, r.token.max],
      ].map(([name, ...v]) => [String(name), ...v.map((x) => ms(Number(x), 3))]),
    ),
  );
  const verdict = l.ratioP50 <= P50_RATIO_TARGET ? 'within' : 'ABOVE';
  p(`  ratio API/raw: p50 ${ratio(l.ratioP50)} (target ≤ ${P50_RATIO_TARGET}×: ${verdict}), p99 ${ratio(l.ratioP99)}; overhead at p50 ${ms(l.api.p50 - l.raw.p50, 3)}.`);
  p(
    `  Of that overhead, roughly: ${ms(l.notFound.p50, 3)} is the HTTP round trip + runtime + pipeline (the 404 path), ${ms(r.token.p50, 3)} the token ` +
      `check, and ${ms(Math.max(0, l.api.p50 - l.raw.p50 - l.notFound.p50 - r.token.p50), 3)} the rest (validation, use case, serialisation) — p50s do not add exactly.`,
  );
  p();
  p(
    table(
      [{ header: `Throughput at ${r.throughput[0]?.connections ?? 10} connections` }, { header: 'req/s', align: 'right' }, { header: 'p50', align: 'right' }, { header: 'p99', align: 'right' }, { header: 'errors', align: 'right' }],
      r.throughput.map((t) => [t.label, t.requestsPerSecond.toFixed(0), ms(t.p50, 2), ms(t.p99, 2), String(t.errors)]),
    ),
  );
  const [ta, tr] = r.throughput;
  if (ta && tr) p(`  API reaches ${((ta.requestsPerSecond / tr.requestsPerSecond) * 100).toFixed(0)}% of the raw rate; autocannon runs in its own process, the runtime shares one event loop with fauxqs and the pollers.`);

  // 1b -----------------------------------------------------------------------------------------------
  printMatchingAndTransition(r, p);

  // 1c -----------------------------------------------------------------------------------------------
  p(heading("1c. The processing log's write: a request's records, three ways (DynamoDB Local, in this process)"));
  p('  Fresh records (new ULIDs) as legVast builds them, interleaved; "conditional" = attribute_not_exists(pk), the log\'s');
  p('  "never changed" guarantee. PutItem: one per record, in parallel. WCU: what DynamoDB charges for items under 1 KB.');
  p(
    table(
      [{ header: 'records' }, { header: 'how' }, { header: 'conditional' }, { header: 'requests', align: 'right' }, { header: 'WCU', align: 'right' }, { header: 'p50', align: 'right' }, { header: 'p99', align: 'right' }, { header: 'vs transaction p50', align: 'right' }],
      r.logboek.map((w) => {
        const tx = r.logboek.find((x) => x.records === w.records && x.wijze === 'TransactWriteItems')!;
        return [String(w.records), w.wijze, w.voorwaarde ? 'yes' : 'NO', String(w.requests), String(w.wcu), ms(w.latency.p50, 2), ms(w.latency.p99, 2), ratio(w.latency.p50 / tx.latency.p50)];
      }),
    ),
  );
  p('  The store writes one record with a conditional PutItem and several with one conditional TransactWriteItems per 100');
  p('  (shared/store/verwerkingen-store.ts); BatchWriteItem cannot refuse to replace a record, so it is measured, not used.');

  // 2 ------------------------------------------------------------------------------------------------
  p(heading('2. DynamoDB operations per request (x-werkcoop-dynamodb-commands)'));
  p('  One success-path call per manifest route, in manifest order, on data made for it through the API in a gemeente of its own.');
  p(
    table(
      [{ header: 'route' }, { header: 'caller' }, { header: 'status', align: 'right' }, { header: 'ops', align: 'right' }, { header: 'commands' }],
      r.operations.rows.map((o) => [o.label, o.caller, o.expected ? String(o.status) : `${o.status} UNEXPECTED`, String(o.ops), o.commands.join(', ') || '—']),
    ),
  );
  const unexpected = r.operations.rows.filter((o) => !o.expected);
  if (unexpected.length) p(`  WARNING ${unexpected.length} call(s) did not get their success status: their counts are of the error path.`);
  const covered = new Set(r.operations.rows.map((o) => o.operationId)).size - (r.operations.rows.some((o) => o.operationId === '$default') ? 1 : 0);
  p(`  Covered: ${covered} of ${covered + r.operations.uncovered.length} manifest routes, plus the $default route.`);
  if (r.operations.uncovered.length) p(`  Other manifest routes (no row here yet): ${r.operations.uncovered.join(', ')}.`);

  // 3 ------------------------------------------------------------------------------------------------
  p(heading('3. Bundle size per function (minified index.mjs from the esbuild metafile)'));
  const bo = r.bundling.cdk;
  p(
    `  Options: ${r.bundling.source === 'construct' ? 'WERKCOOP_BUNDLING imported from infra/constructs/werkcoop-function.ts' : 'MIRRORED copy (construct not importable)'} — ` +
      `${bo.format ?? 'cjs'}, ${bo.target ?? r.bundling.runtime}, minify ${bo.minify ? 'on' : 'off'}, external [${(bo.externalModules ?? ['@aws-sdk/*']).join(', ')}], ` +
      `banner ${bo.banner?.includes('createRequire') ? 'createRequire shim' : bo.banner ? 'custom' : 'none'}. Target ≤ ${kb(BUNDLE_TARGET_BYTES)}.`,
  );
  const initOf = new Map(r.inits.map((i) => [i.bundle, i]));
  const base = r.baseline;
  p(
    table(
      [{ header: 'function' }, { header: 'entry' }, { header: 'bundle', align: 'right' }, { header: 'vs baseline', align: 'right' }, { header: '.map', align: 'right' }, { header: 'inputs', align: 'right' }, { header: '' }],
      r.bundles.map((b) => [
        b.fn.name,
        b.fn.entry,
        kb(b.bytes),
        b === base ? '—' : `${b.bytes >= base.bytes ? '+' : ''}${kb(b.bytes - base.bytes)}`,
        kb(b.mapBytes),
        String(b.inputFiles),
        b.bytes > BUNDLE_TARGET_BYTES ? 'OVER' : 'ok',
      ]),
    ),
  );
  const over = r.bundles.filter((b) => b.bytes > BUNDLE_TARGET_BYTES && b.fn.kind !== 'baseline');
  p(`  Over target: ${over.length} of ${r.bundles.length - 1} functions${base.bytes > BUNDLE_TARGET_BYTES ? ` — the baseline itself (SDK only) is ${kb(base.bytes)}` : ''}.`);
  p(`  Largest: ${r.largest.fn.name} (${kb(r.largest.bytes)}); top contributors by output bytes:`);
  p(
    table(
      [{ header: 'package' }, { header: 'bytes', align: 'right' }, { header: 'share', align: 'right' }, { header: 'in baseline', align: 'right' }],
      r.largest.packages.slice(0, 6).map((pk) => {
        const inBase = base.packages.find((b) => b.name === pk.name);
        return [pk.name, kb(pk.bytes), `${((pk.bytes / r.largest.bytes) * 100).toFixed(0)}%`, inBase ? kb(inBase.bytes) : '—'];
      }),
      '    ',
    ),
  );

  // 4 ------------------------------------------------------------------------------------------------
  p(heading('4. Module init: cold import of each bundle in a fresh node process'));
  p(`  Medians of ${r.inits[0]?.samplesMs.length ?? 0} fresh processes per bundle, NODE_OPTIONS=${c.nodeOptions} as deployed; \`await import(bundle)\` only`);
  p(`  (process start excluded): wall time (what Lambda's Init Duration counts) and CPU time (less disturbed by other load).`);
  p(`  Node ${c.node} here, nodejs22.x on Lambda; an arm64 Lambda vCPU share differs from this ${c.arch} core.`);
  const baseInit = initOf.get(base)?.medianMs ?? NaN;
  const baseCpu = initOf.get(base)?.medianCpuMs ?? NaN;
  p(
    table(
      [
        { header: 'function' },
        { header: 'bundle', align: 'right' },
        { header: 'wall', align: 'right' },
        { header: 'vs baseline', align: 'right' },
        { header: 'CPU', align: 'right' },
        { header: 'vs baseline', align: 'right' },
        { header: 'wall samples (ms)' },
      ],
      r.inits.map((i) => [
        i.bundle.fn.name,
        kb(i.bundle.bytes),
        ms(i.medianMs, 1),
        i.bundle === base ? '—' : `${i.medianMs >= baseInit ? '+' : ''}${ms(i.medianMs - baseInit, 1)}`,
        ms(i.medianCpuMs, 1),
        i.bundle === base ? '—' : `${i.medianCpuMs >= baseCpu ? '+' : ''}${ms(i.medianCpuMs - baseCpu, 1)}`,
        i.samplesMs.map((x) => x.toFixed(0)).join(' '),
      ]),
    ),
  );
  for (const n of r.noMaps) {
    const w = initOf.get(n.bundle);
    if (w)
      p(
        `  ${n.bundle.fn.name}: ${ms(w.medianMs, 1)} wall / ${ms(w.medianCpuMs, 1)} CPU with --enable-source-maps, ` +
          `${ms(n.medianMs, 1)} / ${ms(n.medianCpuMs, 1)} without (map ${kb(n.bundle.mapBytes)}).`,
      );
  }
  const attribution = initAttribution(r);
  if (attribution.length) {
    p('  Attribution by difference of medians (bundles that differ mainly by one dependency):');
    for (const a of attribution) p(`    ${a}`);
  }

  // 5 ------------------------------------------------------------------------------------------------
  p(heading('5. Peak memory of one invocation per function (fresh process, real DynamoDB Local / SQS)'));
  p('  RSS before import / after import / after the invocation, and the process peak (getrusage maxRSS ≈ Lambda\'s "Max Memory Used").');
  p(
    table(
      [
        { header: 'function' },
        { header: 'invocation' },
        { header: 'result' },
        { header: 'invoke', align: 'right' },
        { header: 'rss0', align: 'right' },
        { header: 'import', align: 'right' },
        { header: 'invoked', align: 'right' },
        { header: 'peak', align: 'right' },
        { header: 'fits MB', align: 'right' },
        { header: 'configure', align: 'right' },
        { header: 'now MB', align: 'right' },
        { header: 'why' },
      ],
      r.peaks.map((m) => [
        m.bundle.fn.name,
        m.does,
        clip(m.ok ? m.outcome : `FAILED ${m.outcome}`, 40),
        ms(m.invokeMs, 0),
        mb(m.rssBeforeKb),
        mb(m.rssAfterImportKb),
        mb(m.rssAfterInvokeKb),
        mb(m.maxRssKb),
        `${m.fitsMb}`,
        m.bundle.fn.kind === 'baseline' ? '—' : `${m.recommendedMb} MB`,
        m.configuredMb ? `${m.configuredMb}` : '—',
        m.reason,
      ]),
    ),
  );
  const without = r.bundles.filter((b) => !r.peaks.some((m) => m.bundle === b)).map((b) => b.fn.name);
  if (without.length) p(`  No realistic event in the bench yet (not invoked): ${without.join(', ')}.`);
  p(`  Rule: ${memoryRule()}`);
  const differ = r.peaks.filter((m) => m.configuredMb !== undefined && m.configuredMb !== m.recommendedMb);
  if (differ.length) p(`  Configured differently from the rule: ${differ.map((m) => `${m.bundle.fn.name} ${m.configuredMb}→${m.recommendedMb}`).join(', ')}.`);
  else p('  Every configured memory size matches the rule.');

  // 6 ------------------------------------------------------------------------------------------------
  const m = r.memory;
  p(heading('6. Memory of the local runtime after the load (sections 1, 1b and 2)'));
  p(
    table(
      [{ header: 'process' }, { header: 'peak RSS', align: 'right' }, { header: 'RSS now', align: 'right' }, { header: 'notes' }],
      [
        ['node (this process)', mb(m.nodeMaxRssKb), mb(m.nodeRssKb), `runtime + handlers (via tsx) + fauxqs + the bench client; heap used ${mb(m.nodeHeapUsedKb)}`],
        [
          'DynamoDB Local (JVM)',
          m.jvmPeakRssKb !== undefined ? mb(m.jvmPeakRssKb) : '?',
          m.jvmRssKb !== undefined ? mb(m.jvmRssKb) : '?',
          `heap capped at ${m.jvmHeapCap ?? 'unknown'} (infra/local/dynamodb-local.ts), -inMemory`,
        ],
      ],
    ),
  );
  printDays(r, p);
  printGoals(r, p);
  console.log(out.join('\n'));
};

/** Section 7: cold-start exposure of a simulated day, per route against per group. */
const printDays = (r: Results, p: (line?: string) => void): void => {
  p(heading('7. Cold-start exposure of a realistic day: one function per route vs one per route group (tag)'));
  p(`  ${SIMULATED_DAYS} simulated days per row of Poisson arrivals (85 % in office hours 08–18), the request mix per tag of test/bench/dag.ts`);
  p('  (Nazorg 22 %, Plaatsingen 22 %, Verwijzingen 18 %, Matching 12 %, Werkplekken 8 %, Leden 6 %, Regiopartners 5 %, Gemeenten 4 %,');
  p('  Privacy 2 %, API 1 %; GET 3 : other 1 within a tag), containers kept 10 min idle (Shilkov 2019; 45 min: Cui 2017, sensitivity).');
  p('  Cold = module init measured in section 4 (route bundles) or below (group bundles) + the first invocation\'s extra (section 5)');
  p('  + the request; warm = log-normal on section 1\'s p50/p99. Lambda\'s own sandbox start comes on top of both and is not modelled.');
  p(
    table(
      [{ header: 'group bundle' }, { header: 'routes in tag', align: 'right' }, { header: 'bundle', align: 'right' }, { header: 'init wall', align: 'right' }, { header: 'slowest route init of the tag', align: 'right' }],
      r.groupInits.map((g) => {
        const group = g.bundle.fn.name.replace(/^group /, '');
        const own = r.inits.filter((i) => i.bundle.fn.route && group.startsWith(i.bundle.fn.route.tag));
        return [group, String(own.length), kb(g.bundle.bytes), ms(g.medianMs, 1), ms(Math.max(...own.map((i) => i.medianMs)), 1)];
      }),
    ),
  );
  p(
    table(
      [
        { header: 'requests/day' },
        { header: 'idle' },
        { header: 'granularity' },
        { header: 'functions', align: 'right' },
        { header: 'cold starts/day', align: 'right' },
        { header: 'cold share', align: 'right' },
        { header: 'p50', align: 'right' },
        { header: 'p99', align: 'right' },
      ],
      r.days.map((d) => [d.perDay.toLocaleString('en'), `${d.idleMin} min`, d.granularity, String(d.functions), d.coldPerDay.toFixed(0), `${(d.coldShare * 100).toFixed(2)} %`, ms(d.p50, 1), ms(d.p99, 1)]),
    ),
  );
};

/** Issue 13's goals, each as the ratio measured in this run against its baseline, and whether it is met. */
const printGoals = (r: Results, p: (line?: string) => void): void => {
  p(heading('Goals (issue 13): measured in this run, against baselines of the same run'));
  const rows: string[][] = [];
  const goal = (name: string, measured: number, target: number, unit: 'ratio' | 'ms', what: string) =>
    rows.push([name, unit === 'ratio' ? ratio(measured) : ms(measured, 1), `≤ ${unit === 'ratio' ? ratio(target) : ms(target, 0)}`, measured <= target ? 'met' : 'NOT MET', what]);
  const base = r.baseline;
  const worst = <T,>(xs: readonly T[], f: (x: T) => number) => xs.reduce<T | undefined>((a, x) => (a === undefined || f(x) > f(a) ? x : a), undefined);
  // The deployed API functions: one per tag × access (section 7), and the $default one.
  const deployed = r.groupInits.filter((g) => r.deployedGroups.includes(g.bundle.fn.name));
  const api = [...deployed.map((g) => g.bundle), ...r.bundles.filter((b) => b.fn.kind === 'default')];
  const isOpenapi = (b: BuiltBundle) => b.fn.name === OPENAPI_GROUP;
  const validating = api.filter((b) => !isOpenapi(b));
  const background = r.bundles.filter((b) => b.fn.kind === 'queue' || b.fn.kind === 'stream');
  for (const [name, set, target] of [
    ['1 bundle, API functions', validating, 1.25],
    [`1 bundle, ${OPENAPI_FUNCTION}`, api.filter(isOpenapi), 1.25],
    ['1 bundle, consumers + streams', background, 1.15],
  ] as const) {
    const w = worst(set, (b) => b.bytes);
    if (w) goal(name, w.bytes / base.bytes, target, 'ratio', `largest: ${w.fn.name} ${kb(w.bytes)} vs ${kb(base.bytes)}`);
  }
  const baseInit = r.inits.find((i) => i.bundle === base);
  const apiInits = [...deployed, ...r.inits.filter((i) => i.bundle.fn.kind === 'default')].filter((i) => validating.includes(i.bundle));
  const wWall = worst(apiInits, (i) => i.medianMs);
  const wCpu = worst(apiInits, (i) => i.medianCpuMs);
  if (baseInit && wWall && wCpu) {
    goal('2 cold import wall, API', wWall.medianMs / baseInit.medianMs, 1.25, 'ratio', `slowest: ${wWall.bundle.fn.name} ${ms(wWall.medianMs, 1)} vs ${ms(baseInit.medianMs, 1)}`);
    goal('2 cold import CPU, API', wCpu.medianCpuMs / baseInit.medianCpuMs, 1.25, 'ratio', `slowest: ${wCpu.bundle.fn.name} ${ms(wCpu.medianCpuMs, 1)} vs ${ms(baseInit.medianCpuMs, 1)}`);
  }
  goal('3 GET /v1/leden/{id} p50', r.latency.ratioP50, 2.0, 'ratio', `${ms(r.latency.api.p50, 2)} vs raw GetItem ${ms(r.latency.raw.p50, 2)}`);
  goal('3 GET /v1/leden/{id} p99', r.latency.ratioP99, 2.5, 'ratio', `${ms(r.latency.api.p99, 2)} vs raw GetItem ${ms(r.latency.raw.p99, 2)}`);
  // A read and its record are two DynamoDB requests in series (the record says what the read found): their sum is the floor.
  const floor = r.latency.raw.p50 + logWriteP50(r, 1);
  rows.push(['3 … vs GetItem + PutItem', ratio(r.latency.api.p50 / floor), '(floor)', '', `p50 ${ms(r.latency.api.p50, 2)} vs ${ms(floor, 2)}: the read and its record's conditional PutItem (1c), in series`]);
  const fixed = r.latency.notFound.p50 + r.token.p50;
  for (const m of r.matching)
    for (const [name, c] of [['matches', m.matches], ['kandidaten', m.kandidaten]] as const)
      goal(`4 ${name} @ ${m.size}, Δ not attributed`, unattributed(r, m, name), 5, 'ms', `p50, after the use case, request path and log write (${ms(c.api.p50 - c.raw.p50 - c.inProcess.p50 - fixed, 1)} before the log write)`);
  for (const perDay of DAILY_REQUESTS) {
    const at = (granularity: string) => r.days.find((d) => d.perDay === perDay && d.idleMin === IDLE_LIFETIMES_MIN[0] && d.granularity === granularity);
    const route = at('per route');
    for (const name of [PER_TAG, PER_TAG_ACCESS]) {
      const g = at(name);
      if (route && g)
        rows.push([
          `5 cold share @ ${perDay.toLocaleString('en')}/day`,
          `${(g.coldShare * 100).toFixed(2)} %`,
          `vs ${(route.coldShare * 100).toFixed(2)} %`,
          g.coldShare < route.coldShare ? 'fewer' : 'more',
          `${name} (${g.functions} functions) vs per route (${route.functions}); p99 ${ms(g.p99, 0)} vs ${ms(route.p99, 0)}, ${IDLE_LIFETIMES_MIN[0]} min idle`,
        ]);
    }
  }
  p(table([{ header: 'goal' }, { header: 'measured', align: 'right' }, { header: 'target' }, { header: '' }, { header: 'of' }], rows));
  p(`  Goals 1 and 2 are of the deployed functions (one per tag × access, section 7, and $default); per-route bundles are in sections 3–4.`);
  p(`  Goal 2 excludes ${OPENAPI_FUNCTION} (${OPENAPI_GROUP}): it serves the document and carries the generator and classic zod.`);
};

/** Section 1b: the matching routes and a placement transition, each against the same DynamoDB calls sent directly. */
const printMatchingAndTransition = (r: Results, p: (line?: string) => void): void => {
  p(heading('1b. Matching and a placement transition vs raw DynamoDB'));
  const first = r.matching[0];
  if (first) {
    p(`  Sequential (concurrency 1) as a coordinator, 4 sides interleaved (both routes, API and raw). The raw side sends the store's calls itself`);
    p('  with a DocumentClient, keys from shared/store/sleutels.ts: GetItem (consistent), then the gsi2 Queries (Limit 250) — for matches one');
    p("  per werksoort preference, in parallel — and for kandidaten the BatchGetItem (consistent) of the candidates who consented to meet the");
    p("  place's member. Each region holds N open places (half in each of the referral's two werksoorten) and N placeable candidates with");
    p(`  varying profiles; ${first.consented} of them consented to the place's member and rank on its first page (the raw side batch-gets every consenting`);
    p('  candidate in the partition: the same ones). Pages of 25, at most 50 suggestions.');
    const rows = r.matching.flatMap((m) =>
      [m.matches, m.kandidaten].map((c) => {
        const same = c.apiCommands.join(',') === c.rawCommands.join(',');
        const read = c === m.kandidaten ? `${c.itemsRead} + ${c.batchRead}` : `${c.itemsRead}`;
        return [
          `${c === m.matches ? 'matches' : 'kandidaten'} @ ${m.size}`,
          read,
          `${c.apiCommands.join(', ')}${same ? '' : ` ≠ raw ${c.rawCommands.join(', ')}`}`,
          ms(c.api.p50, 2),
          ms(c.raw.p50, 2),
          ratio(c.ratioP50),
          ms(c.api.p99, 2),
          ms(c.raw.p99, 2),
          ratio(c.ratioP99),
          ms(c.api.p50 - c.raw.p50, 2),
          ms(c.inProcess.p50, 2),
          kb(c.responseBytes),
        ];
      }),
    );
    p(
      table(
        [
          { header: 'route @ items in region' },
          { header: 'items read', align: 'right' },
          { header: 'DynamoDB calls (API = raw)' },
          { header: 'API p50', align: 'right' },
          { header: 'raw p50', align: 'right' },
          { header: 'ratio', align: 'right' },
          { header: 'API p99', align: 'right' },
          { header: 'raw p99', align: 'right' },
          { header: 'ratio', align: 'right' },
          { header: 'Δ p50', align: 'right' },
          { header: 'use case', align: 'right' },
          { header: 'answer', align: 'right' },
        ],
        rows,
      ),
    );
    const few = r.matching.some((m) => m.options.perSide < 100) ? ' (below 100 samples p99 is the maximum)' : '';
    p(`  ${r.matching.map((m) => `@ ${m.size}: ${m.options.perSide} per side after ${m.options.warmup} warm-up`).join('; ')}${few}. "items read": Query items (+ BatchGetItem items).`);
    p('  "use case": the use case alone in this process on the same items (zod parse of every item, score, rank, page, JSON.stringify) —');
    p(`  p50 of ${r.matching.map((m) => `${m.matches.inProcess.n} @ ${m.size}`).join(', ')} runs, no I/O. Δ also holds the request itself: section 1's 404 path (HTTP, v2 event,`);
    const fixed = r.latency.notFound.p50 + r.token.p50;
    const rest = (c: RouteComparison) => ms(c.api.p50 - c.raw.p50 - c.inProcess.p50 - fixed, 1);
    p(`  middy) ${ms(r.latency.notFound.p50, 2)} and the token check ${ms(r.token.p50, 2)} at p50. Not attributed (Δ − use case − those): ${r.matching
      .map((m) => `@ ${m.size} ${rest(m.matches)} / ${rest(m.kandidaten)}`)
      .join(', ')} (matches / kandidaten${r.matching.some((m) => [m.matches, m.kandidaten].some((c) => c.api.p50 - c.raw.p50 - c.inProcess.p50 - fixed < 0)) ? '; below 0: Δ is within the noise' : ''});`);
    p(`  of that, the processing log's write (section 1c: matches 1 record, kandidaten ${r.matching.map((m) => `${kandidatenRecords(m)} @ ${m.size}`).join(', ')}): ${r.matching
      .map((m) => `@ ${m.size} ${ms(logWriteP50(r, 1), 1)} / ${ms(logWriteP50(r, kandidatenRecords(m)), 1)}`)
      .join(', ')}, leaving ${r.matching.map((m) => `@ ${m.size} ${ms(unattributed(r, m, 'matches'), 1)} / ${ms(unattributed(r, m, 'kandidaten'), 1)}`).join(', ')};`);
    p(`  section 1's single GetItem leaves ${ms(r.latency.api.p50 - r.latency.raw.p50 - fixed, 1)} the same way — per-request cost outside the use case (validation, the SDK call made`);
    p('  inside the invocation, the answer over loopback, event-loop turns that a busy machine delays), not per item.');
    const [small, large] = [r.matching[0], r.matching.at(-1)];
    if (small && large && small !== large) {
      const grow = (a: RouteComparison, b: RouteComparison, name: string) =>
        `${name} API ${ms(a.api.p50, 1)} → ${ms(b.api.p50, 1)} (+${ms(b.api.p50 - a.api.p50, 1)}), raw ${ms(a.raw.p50, 1)} → ${ms(b.raw.p50, 1)} (+${ms(b.raw.p50 - a.raw.p50, 1)}), use case ${ms(a.inProcess.p50, 1)} → ${ms(b.inProcess.p50, 1)}`;
      p(`  From ${small.size} to ${large.size} items (p50): ${grow(small.matches, large.matches, 'matches')};`);
      p(`  ${grow(small.kandidaten, large.kandidaten, 'kandidaten')}.`);
    }
  }
  const t = r.transition;
  p();
  p(`  ${t.route} as ${t.caller}: ${t.api.n} per side after ${t.options.warmup} warm-up, interleaved blocks of ${t.options.blockSize}; every sample on its own`);
  p(`  placement in voorgesteld (${t.setup.placements} proposed beforehand over ${t.setup.verwijzingen} referrals × ${t.setup.werkplekken} places, ~${t.setup.calls} API calls in ${t.setup.seconds.toFixed(0)} s, not timed).`);
  p(
    table(
      [{ header: '' }, { header: 'p50', align: 'right' }, { header: 'p90', align: 'right' }, { header: 'p99', align: 'right' }, { header: 'mean', align: 'right' }, { header: 'min', align: 'right' }, { header: 'max', align: 'right' }],
      [
        [`API (${t.apiCommands.join(', ')})`, t.api],
        [`raw ${t.rawCommands.join(' + ')}`, t.raw],
      ].map(([name, d]) => {
        const x = d as Distribution;
        return [String(name), ...[x.p50, x.p90, x.p99, x.mean, x.min, x.max].map((v) => ms(v, 2))];
      }),
    ),
  );
  const sameT = t.apiCommands.join(',') === t.rawCommands.join(',');
  p(`  ratio API/raw: p50 ${ratio(t.ratioP50)}, p99 ${ratio(t.ratioP99)}; overhead at p50 ${ms(t.api.p50 - t.raw.p50, 2)}.${sameT ? '' : ' WARNING the API sent other commands than the raw side.'}`);
  p(
    `  Of that, roughly: ${ms(r.latency.notFound.p50, 2)} the 404 path and ${ms(r.token.p50, 2)} the token check (section 1), ` +
      `${ms(Math.max(0, t.api.p50 - t.raw.p50 - r.latency.notFound.p50 - r.token.p50), 2)} the rest (validation, the domain's decision, building the transaction, the answer).`,
  );
  p('  The transaction, the same entries on both sides (built by the store\'s plaatsingTransactie from the domain\'s decision):');
  for (const item of t.transactItems) p(`    ${item}`);
};

/** Import-time differences between bundles whose contents differ in one known way, read off the metafiles. */
const initAttribution = (r: Results): string[] => {
  const byName = (pred: (b: BuiltBundle) => boolean) => r.inits.find((i) => pred(i.bundle));
  const has = (b: BuiltBundle, pkg: string) => b.packages.some((p) => p.name === pkg);
  const tiny = byName((b) => b.fn.kind === 'cognito');
  const base = byName((b) => b.fn.kind === 'baseline');
  const noSdk = byName((b) => b.fn.kind === 'default' && !has(b, '@smithy/core'));
  const largest = byName((b) => b === r.largest);
  const lines: string[] = [];
  const diff = (a: InitTime | undefined, b: InitTime | undefined, what: string) => {
    if (!a || !b || a === b) return;
    lines.push(
      `${what}: ${ms(a.medianMs - b.medianMs, 1)} wall, ${ms(a.medianCpuMs - b.medianCpuMs, 1)} CPU ` +
        `(${a.bundle.fn.name} − ${b.bundle.fn.name}; ${kb(a.bundle.bytes - b.bundle.bytes)})`,
    );
  };
  diff(base, tiny, 'AWS SDK DynamoDB DocumentClient (@smithy/*, @aws-sdk/*)');
  if (noSdk) {
    const zod = noSdk.bundle.packages.find((p) => p.name === 'zod');
    diff(noSdk, tiny, `zod${zod ? ` (${kb(zod.bytes)})` : ''} + Powertools logger + problem/pipeline code, no SDK`);
  }
  diff(largest, base, `what ${r.largest.fn.name} adds over the SDK-only baseline`);
  return lines;
};

/**
 * Section 7's inputs from this run: per route its bundle's median init and its first invocation's extra over
 * a warm request (section 5, where measured; else the median of the measured ones); per group its group
 * bundle's init and the largest extra of its routes.
 */
const simulatedDays = (
  groupings: { readonly tag: ReadonlyMap<string, readonly RouteDefinition[]>; readonly access: ReadonlyMap<string, readonly RouteDefinition[]> },
  inits: readonly InitTime[],
  groupInits: readonly InitTime[],
  peaks: readonly InvocationPeak[],
  latency: SequentialLatency,
): DayResult[] => {
  const routes = [...groupings.tag.values()].flat();
  const extraOf = new Map(peaks.filter((m) => m.ok && m.bundle.fn.route).map((m) => [m.bundle.fn.route!.operationId, Math.max(0, m.invokeMs - latency.api.p50)]));
  const extras = [...extraOf.values()].sort((a, b) => a - b);
  const typicalExtra = extras[Math.floor(extras.length / 2)] ?? 0;
  const extra = (r: RouteDefinition) => extraOf.get(r.operationId) ?? typicalExtra;
  const initOf = new Map(inits.filter((i) => i.bundle.fn.route).map((i) => [i.bundle.fn.route!.operationId, i.medianMs]));
  const perRoute: Granularity = {
    name: 'per route',
    functionOf: (r) => r.operationId,
    timing: (fn) => {
      const r = routes.find((x) => x.operationId === fn)!;
      return { initMs: initOf.get(fn) ?? NaN, firstInvokeExtraMs: extra(r) };
    },
  };
  const groupInit = new Map(groupInits.map((g) => [g.bundle.fn.name, g.medianMs]));
  const grouped = (name: string, groups: ReadonlyMap<string, readonly RouteDefinition[]>): Granularity => {
    const groupOf = new Map([...groups].flatMap(([group, rs]) => rs.map((r) => [r, `group ${group}`] as const)));
    return {
      name,
      functionOf: (r) => groupOf.get(r)!,
      timing: (fn) => ({
        initMs: groupInit.get(fn) ?? NaN,
        firstInvokeExtraMs: Math.max(...routes.filter((r) => groupOf.get(r) === fn).map(extra)),
      }),
    };
  };
  const granularities = [perRoute, grouped(PER_TAG, groupings.tag), grouped(PER_TAG_ACCESS, groupings.access)];
  return DAILY_REQUESTS.flatMap((perDay) =>
    IDLE_LIFETIMES_MIN.flatMap((idle) => granularities.map((g) => simulateDay(routes, g, perDay, idle, latency.api))),
  );
};

const toJson = (r: Omit<Results, 'largest' | 'baseline'>) => ({
  context: r.context,
  bundling: { source: r.bundling.source, runtime: r.bundling.runtime, options: r.bundling.cdk, warnings: r.bundling.warnings },
  latency: r.latency,
  tokenVerificationMs: r.token,
  processingLogWrites: r.logboek,
  throughput: r.throughput,
  matching: r.matching,
  placementTransition: r.transition,
  operations: r.operations,
  runtimeMemoryKb: r.memory,
  functions: r.bundles.map((b) => {
    const init = r.inits.find((i) => i.bundle === b);
    const peak = r.peaks.find((m) => m.bundle === b);
    const { bundle: _b, ...peakData } = peak ?? ({} as Partial<InvocationPeak>);
    return {
      name: b.fn.name,
      kind: b.fn.kind,
      entry: b.fn.entry,
      bundleBytes: b.bytes,
      mapBytes: b.mapBytes,
      inputFiles: b.inputFiles,
      topPackages: b.packages.slice(0, 8),
      initMedianMs: init?.medianMs,
      initMedianCpuMs: init?.medianCpuMs,
      initSamplesMs: init?.samplesMs,
      invocation: peak ? peakData : undefined,
    };
  }),
  initWithoutSourceMaps: r.noMaps.map((n) => ({ name: n.bundle.fn.name, medianMs: n.medianMs, medianCpuMs: n.medianCpuMs, samplesMs: n.samplesMs })),
  memoryRule: memoryRule(),
  routeGroups: r.groupInits.map((g) => ({ name: g.bundle.fn.name, bundleBytes: g.bundle.bytes, initMedianMs: g.medianMs, initMedianCpuMs: g.medianCpuMs })),
  simulatedDays: r.days,
});

const UITKOMSTEN_NATIONAAL_STANDAARD = 20_000;

main().then(
  async () => {
    if (!argv.includes('--zonder-uitkomsten')) {
      const n = argv.indexOf('--uitkomsten-nationaal');
      const { uitkomstenBench } = await import('./uitkomsten');
      await uitkomstenBench(n === -1 ? UITKOMSTEN_NATIONAAL_STANDAARD : Number(argv[n + 1]));
    }
    if (!argv.includes('--zonder-webhooks')) {
      // In a process of its own: handlers read their environment once per process, so a second runtime here
      // would use the first one's table and queues. About half a minute for 100 changes on a busy 2-core machine.
      const { spawnSync } = await import('node:child_process');
      const r = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--webhooks', '--webhooks-n', quick ? '20' : '100'], { stdio: 'inherit' });
      if (r.status !== 0) throw new Error(`the webhooks section exited ${r.status}`);
    }
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
