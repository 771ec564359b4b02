import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { localDynamoDbClient } from '../../infra/local/aws-local';
import type { LocalRuntime } from '../../infra/local/runtime';
import { sleutels } from '../../shared/store/sleutels';
import type { ApiClient } from './http';

export interface Distribution {
  readonly n: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

/** Nearest-rank percentiles over milliseconds. */
export const distribution = (samplesMs: readonly number[]): Distribution => {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  return {
    n: sorted.length,
    p50: at(50),
    p90: at(90),
    p99: at(99),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
  };
};

export interface SequentialLatency {
  readonly api: Distribution;
  readonly raw: Distribution;
  /** GET of an unknown path: HTTP, runtime, event and middy pipeline, but no token check and no DynamoDB. */
  readonly notFound: Distribution;
  readonly ratioP50: number;
  readonly ratioP99: number;
  readonly blocks: number;
  readonly blockSize: number;
  readonly warmup: number;
}

export interface Throughput {
  readonly label: string;
  readonly connections: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

export interface LatencyTarget {
  readonly lidId: string;
  readonly headers: Record<string, string>;
}

/**
 * The bench's own DocumentClient on the same DynamoDB Local, reading the same item the same way as the
 * store does (ConsistentRead) — the floor the API path is compared with.
 */
const rawReader = (rt: LocalRuntime, lidId: string) => {
  const doc = DynamoDBDocumentClient.from(localDynamoDbClient(rt.dynamodb.endpoint));
  const command = () => new GetCommand({ TableName: rt.table.tableName, Key: sleutels.lid(lidId), ConsistentRead: true });
  return {
    async get() {
      const { Item } = await doc.send(command());
      if (!Item) throw new Error(`raw GetItem found no item for ${lidId}`);
    },
    close: () => doc.destroy(),
  };
};

export const timed = async (fn: () => Promise<void>): Promise<number> => {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

export interface InterleaveOptions {
  readonly warmup: number;
  readonly perSide: number;
  readonly blockSize: number;
}

/**
 * `warmup` untimed calls per side, then `perSide` timed calls per side at concurrency 1, in blocks of
 * `blockSize` that rotate which side goes first — drift lands on every side alike (see sequentialLatency).
 */
export const interleaved = async (sides: readonly (() => Promise<void>)[], options: InterleaveOptions): Promise<Distribution[]> => {
  const samples = sides.map(() => [] as number[]);
  for (let i = 0; i < options.warmup; i++) for (const side of sides) await side();
  const blocks = Math.ceil(options.perSide / options.blockSize);
  for (let b = 0; b < blocks; b++) {
    for (let k = 0; k < sides.length; k++) {
      const at = (b + k) % sides.length;
      const n = Math.min(options.blockSize, options.perSide - samples[at]!.length);
      for (let i = 0; i < n; i++) samples[at]!.push(await timed(sides[at]!));
    }
  }
  return samples.map(distribution);
};

/**
 * Concurrency 1, in interleaved blocks (rotating which side goes first), so drift — JIT, GC, DynamoDB
 * Local warming its caches, other load on the machine — lands on every side alike. A third side, an
 * unknown path, splits the API's overhead into "runtime + pipeline" and "token + validation + store".
 */
export const sequentialLatency = async (
  rt: LocalRuntime,
  api: ApiClient,
  target: LatencyTarget,
  options: { warmup: number; perSide: number; blockSize: number },
): Promise<SequentialLatency> => {
  const raw = rawReader(rt, target.lidId);
  const get = (path: string, headers: Record<string, string>, status: number) => async () => {
    const r = await api.call('GET', path, { headers });
    if (r.status !== status) throw new Error(`GET ${path} answered ${r.status}: ${r.text.slice(0, 300)}`);
  };
  const sides = [
    { fn: get(`/v1/leden/${target.lidId}`, target.headers, 200), samples: [] as number[] },
    { fn: raw.get, samples: [] as number[] },
    { fn: get('/v1/bestaat-niet', {}, 404), samples: [] as number[] },
  ];
  try {
    for (let i = 0; i < options.warmup; i++) for (const side of sides) await side.fn();
    const blocks = Math.ceil(options.perSide / options.blockSize);
    for (let b = 0; b < blocks; b++) {
      for (let k = 0; k < sides.length; k++) {
        const side = sides[(b + k) % sides.length]!;
        for (let i = 0; i < options.blockSize; i++) side.samples.push(await timed(side.fn));
      }
    }
    const [a, r, n] = sides.map((side) => distribution(side.samples)) as [Distribution, Distribution, Distribution];
    return { api: a, raw: r, notFound: n, ratioP50: a.p50 / r.p50, ratioP99: a.p99 / r.p99, blocks, blockSize: options.blockSize, warmup: options.warmup };
  } finally {
    raw.close();
  }
};

/**
 * The in-process cost of the bearer check alone (RS256 signature, claims), with the JWKS cached as in a
 * warm function: the part of the API's overhead that is cryptography rather than plumbing.
 */
export const tokenVerification = async (authorization: string, iterations: number): Promise<Distribution> => {
  const { verifieerToken } = await import('../../shared/auth/token');
  for (let i = 0; i < 100; i++) await verifieerToken(authorization);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) samples.push(await timed(() => verifieerToken(authorization).then(() => undefined)));
  return distribution(samples);
};

/**
 * autocannon in a child process: the runtime shares this process's event loop, so a load generator in
 * here would compete with the server it measures.
 */
interface AutocannonResult {
  readonly requests: { readonly average: number };
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly errors?: number;
  readonly timeouts?: number;
  readonly non2xx?: number;
}

const autocannon = (args: string[]): Promise<AutocannonResult> =>
  new Promise((resolve, reject) => {
    const bin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err.slice(-500)}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)!));
      } catch (error) {
        reject(new Error(`autocannon output not JSON: ${out.slice(0, 300)} ${String(error)}`));
      }
    });
  });

export const apiThroughput = async (rt: LocalRuntime, target: LatencyTarget, connections: number, seconds: number): Promise<Throughput> => {
  const url = `${rt.baseUrl}/v1/leden/${target.lidId}`;
  const headers = Object.entries(target.headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]);
  // A short unrecorded run first: connections opened, handler paths hot.
  await autocannon(['-j', '-n', '-c', String(connections), '-d', '1', ...headers, url]);
  const r = await autocannon(['-j', '-n', '-c', String(connections), '-d', String(seconds), ...headers, url]);
  return {
    label: 'API GET /v1/leden/{lidId} (autocannon)',
    connections,
    seconds,
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: (r.errors ?? 0) + (r.timeouts ?? 0) + (r.non2xx ?? 0),
  };
};

/** `connections` concurrent loops of GetItem for `seconds`: the same shape of load as autocannon's. */
export const rawThroughput = async (rt: LocalRuntime, lidId: string, connections: number, seconds: number): Promise<Throughput> => {
  const raw = rawReader(rt, lidId);
  try {
    const run = async (ms: number, samples?: number[]) => {
      const until = Date.now() + ms;
      let errors = 0;
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (Date.now() < until) {
            try {
              const t = await timed(raw.get);
              samples?.push(t);
            } catch {
              errors++;
            }
          }
        }),
      );
      return errors;
    };
    await run(1000);
    const samples: number[] = [];
    const errors = await run(seconds * 1000, samples);
    const d = distribution(samples);
    return { label: 'raw GetItem (DocumentClient loop)', connections, seconds, requestsPerSecond: samples.length / seconds, p50: d.p50, p99: d.p99, errors };
  } finally {
    raw.close();
  }
};
