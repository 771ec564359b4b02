import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../../infra/local/paths';
import { queueDefinitions, streamConsumers } from '../../shared/queues/definition';
import type { BenchFunction, BuiltBundle } from './bundles';
import type { Invocation } from './events';

const CHILD = fileURLToPath(new URL('./fixtures/measure-child.mjs', import.meta.url));

interface ChildOutput {
  importMs: number;
  importCpuMs: number;
  rssBefore: number;
  rssAfterImport: number;
  maxRssKb: number;
  invokeMs?: number;
  rssAfterInvoke?: number;
  result?: { statusCode?: number; body?: string; summary?: string; failures?: number; error?: string };
}

/**
 * A fresh `node` per sample, with only the variables a Lambda function would have (no tsx loader, no
 * NODE_OPTIONS inherited from this process): module init is only "cold" in a process that has loaded
 * nothing yet.
 */
const runChild = (args: string[], env: Record<string, string>): Promise<ChildOutput> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env, cwd: PROJECT_ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('@@bench '));
      if (code !== 0 || !line) return reject(new Error(`child ${args.join(' ')} exited ${code}:\n${err.slice(-1500)}\n${out.slice(-500)}`));
      resolve(JSON.parse(line.slice('@@bench '.length)) as ChildOutput);
    });
  });

const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export interface InitTime {
  readonly bundle: BuiltBundle;
  /** Wall-clock time of the import: what Lambda's Init Duration measures. */
  readonly medianMs: number;
  readonly samplesMs: readonly number[];
  /** CPU time (user + system) of the same imports: the intrinsic cost, less disturbed by other load. */
  readonly medianCpuMs: number;
}

/**
 * Median of `samples` cold imports per bundle. Round-robin over the bundles (not 5 in a row each), so a
 * burst of load on the machine spreads over all of them instead of inflating one.
 */
export const initTimes = async (
  bundles: readonly BuiltBundle[],
  env: Record<string, string>,
  samples: number,
  onRound?: (round: number) => void,
): Promise<InitTime[]> => {
  const wall = new Map<BuiltBundle, number[]>(bundles.map((b) => [b, []]));
  const cpu = new Map<BuiltBundle, number[]>(bundles.map((b) => [b, []]));
  for (let round = 0; round < samples; round++) {
    onRound?.(round + 1);
    for (const b of bundles) {
      const o = await runChild([b.file, 'init'], env);
      wall.get(b)!.push(o.importMs);
      cpu.get(b)!.push(o.importCpuMs);
    }
  }
  return bundles.map((bundle) => ({
    bundle,
    samplesMs: wall.get(bundle)!,
    medianMs: median(wall.get(bundle)!),
    medianCpuMs: median(cpu.get(bundle)!),
  }));
};

export interface InvocationPeak {
  readonly bundle: BuiltBundle;
  readonly does: string;
  readonly outcome: string;
  readonly ok: boolean;
  readonly importMs: number;
  readonly invokeMs: number;
  readonly rssBeforeKb: number;
  readonly rssAfterImportKb: number;
  readonly rssAfterInvokeKb: number;
  /** process.resourceUsage().maxRSS: the peak, which is what Lambda's "Max Memory Used" reports. */
  readonly maxRssKb: number;
  readonly configuredMb: number | undefined;
  readonly fitsMb: number;
  readonly recommendedMb: number;
  readonly reason: string;
}

/** Lambda memory sizes considered; above 512 MB no werkcoop function comes close. */
export const MEMORY_SIZES_MB = [128, 256, 512, 1024] as const;
export const HEADROOM = 0.4;
/** Synchronous API functions get at least this much (see memoryRule). */
export const API_MINIMUM_MB = 256;

export const memoryRule = (): string =>
  `memory = the smallest of ${MEMORY_SIZES_MB.join('/')} MB with ≥ ${HEADROOM * 100}% headroom over the measured peak RSS ` +
  `(headroom for warm-container heap growth, larger batches and pages, and the Lambda runtime client); ` +
  `API functions (a caller waits) at least ${API_MINIMUM_MB} MB, because Lambda allocates CPU in proportion to memory ` +
  `(1,769 MB = 1 vCPU, so 128 MB ≈ 7% of a vCPU) and their zod validation, RS256 verification and JSON work is CPU-bound.`;

const recommend = (fn: BenchFunction, maxRssKb: number): { fitsMb: number; recommendedMb: number; reason: string } => {
  const needMb = (maxRssKb / 1024) * (1 + HEADROOM);
  const fitsMb = MEMORY_SIZES_MB.find((m) => m >= needMb) ?? MEMORY_SIZES_MB.at(-1)!;
  const latencySensitive = fn.kind === 'api' || fn.kind === 'pagina' || fn.kind === 'default';
  if (latencySensitive && fitsMb < API_MINIMUM_MB) return { fitsMb, recommendedMb: API_MINIMUM_MB, reason: 'API: CPU ∝ memory' };
  if (fn.kind === 'baseline') return { fitsMb, recommendedMb: fitsMb, reason: 'reference only' };
  return { fitsMb, recommendedMb: fitsMb, reason: `peak × ${1 + HEADROOM}` };
};

/**
 * The memory a function is configured with now: the manifest's memoryMb for routes, the queue or stream
 * definition's memoryMb for consumers (the stateless stack passes those on), else a `memorySize` next to
 * the function's entry in a stack, else the construct's default. Stacks are read, not imported: they pull
 * in aws-cdk-lib, which would inflate this process's own RSS (reported in section 6).
 */
export const configuredMemoryMb = (fn: BenchFunction, constructDefault: number | undefined): number | undefined => {
  if (fn.kind === 'baseline') return undefined;
  if (fn.route?.memoryMb) return fn.route.memoryMb;
  const definition: { memoryMb?: number } | undefined =
    fn.kind === 'queue'
      ? Object.values(queueDefinitions).find((q) => q.consumer === fn.entry)
      : fn.kind === 'stream'
        ? Object.values(streamConsumers).find((c) => c.handler === fn.entry)
        : undefined;
  if (definition?.memoryMb) return definition.memoryMb;
  const stacks = join(PROJECT_ROOT, 'infra', 'stacks');
  if (existsSync(stacks)) {
    for (const f of readdirSync(stacks).filter((n) => n.endsWith('.ts'))) {
      const source = readFileSync(join(stacks, f), 'utf8');
      const at = source.indexOf(`entry: '${fn.entry}'`);
      const m = at === -1 ? null : /memorySize:\s*(\d+)/.exec(source.slice(at, at + 500));
      if (m) return Number(m[1]);
    }
  }
  return constructDefault;
};

/** One invocation per function, each in a fresh process, against the bench's DynamoDB Local and SQS. */
export const invocationPeaks = async (
  bundles: readonly BuiltBundle[],
  invocations: ReadonlyMap<BenchFunction, Invocation>,
  env: Record<string, string>,
  eventDir: string,
  constructDefaultMb: number | undefined,
): Promise<InvocationPeak[]> => {
  const peaks: InvocationPeak[] = [];
  for (const [i, bundle] of bundles.entries()) {
    const inv = invocations.get(bundle.fn);
    if (!inv) continue;
    const eventFile = join(eventDir, `event-${i}.json`);
    writeFileSync(eventFile, JSON.stringify(inv.event));
    const configuredMb = configuredMemoryMb(bundle.fn, constructDefaultMb);
    const o = await runChild([bundle.file, 'invoke', eventFile, bundle.fn.name.replace(/\W+/g, ''), String(configuredMb ?? 1024)], {
      ...env,
      ...inv.env,
    });
    const r = o.result ?? {};
    const outcome = r.error ? `threw: ${r.error.split('\n')[0]}` : r.statusCode !== undefined ? String(r.statusCode) : (r.summary ?? '');
    const ok = !r.error && !r.failures && (r.statusCode === undefined || r.statusCode < 400 || bundle.fn.kind === 'default');
    peaks.push({
      bundle,
      does: inv.does,
      outcome: ok || !r.body ? outcome : `${outcome} ${r.body}`,
      ok,
      importMs: o.importMs,
      invokeMs: o.invokeMs ?? NaN,
      rssBeforeKb: o.rssBefore / 1024,
      rssAfterImportKb: o.rssAfterImport / 1024,
      rssAfterInvokeKb: (o.rssAfterInvoke ?? NaN) / 1024,
      maxRssKb: o.maxRssKb,
      configuredMb,
      ...recommend(bundle.fn, o.maxRssKb),
    });
  }
  return peaks;
};
