import type { RouteDefinition } from '../../shared/routes/route';

/**
 * Section 7: how many requests of a realistic day meet a cold start, and the p99 that follows, for one
 * function per route against one function per route group (tag). A discrete-event simulation of Lambda's
 * container reuse over Poisson arrivals, fed with this run's measured init and warm times.
 *
 * The request mix (share of a day's requests per tag; within a tag a GET route weighs 3, any other 1,
 * the read:write ratio of a case-handling system where every change is preceded by reads):
 * - Nazorg 22 %, Plaatsingen 22 %: running placements are the daily work — follow-up moments answered by
 *   employer and jobcoach, placements, development plans and notes read and updated;
 * - Verwijzingen 18 %: gemeenten refer, update and read their candidates;
 * - Matching 12 %: coordinators look for places per referral and candidates per place;
 * - Werkplekken 8 %, Leden 6 %, Regiopartners 5 %, Gemeenten 4 %: master data, changed rarely;
 * - Privacy 2 % (the processing log, access and erasure requests), API 1 % (the OpenAPI document).
 * Arrivals: a Poisson process whose rate follows office hours — 85 % of the day's requests between 08:00
 * and 18:00, the rest spread over the other 14 hours (staff and their systems work days; batch jobs are
 * not API calls).
 */
export const TAG_SHARE: Readonly<Record<string, number>> = {
  Nazorg: 0.22,
  Plaatsingen: 0.22,
  Verwijzingen: 0.18,
  Matching: 0.12,
  Werkplekken: 0.08,
  Leden: 0.06,
  Regiopartners: 0.05,
  Gemeenten: 0.04,
  Privacy: 0.02,
  API: 0.01,
};
const GET_WEIGHT = 3;
const OFFICE = { from: 8, to: 18, share: 0.85 } as const;

/**
 * How long an idle container is kept: 10 minutes after its last request, as measured by Mikhail Shilkov
 * ("AWS Lambda Cold Starts After 10 Minutes", mikhail.io, August 2019: "every instance lives for precisely
 * 10 minutes after the last request"). AWS documents no figure; earlier measurements (Yan Cui, "How long
 * does AWS Lambda keep your idle functions around", theburningmonk.com, 2017) saw 45–60 minutes, run as
 * the sensitivity case.
 */
export const IDLE_LIFETIMES_MIN = [10, 45] as const;
export const DAILY_REQUESTS = [1_000, 10_000, 100_000] as const;
const DAYS = 7;

export interface Timing {
  /** Median cold import (module init) per function, ms. */
  readonly initMs: number;
  /** The first invocation after init (clients created, key read, code paths compiled) beyond a warm one, ms. */
  readonly firstInvokeExtraMs: number;
}

export interface Granularity {
  readonly name: string;
  /** The function that serves a route. */
  readonly functionOf: (route: RouteDefinition) => string;
  readonly timing: (fn: string) => Timing;
}

export interface DayResult {
  readonly granularity: string;
  readonly functions: number;
  readonly perDay: number;
  readonly idleMin: number;
  readonly requests: number;
  readonly coldShare: number;
  readonly p50: number;
  readonly p99: number;
  /** Containers started per day (each one an init billed and waited for). */
  readonly coldPerDay: number;
}

/** Deterministic, so two runs of the bench simulate the same days (mulberry32). */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Poisson arrival times (ms since midnight) over DAYS days at the office-hours profile. */
const arrivals = (perDay: number, rnd: () => number): number[] => {
  const out: number[] = [];
  const hourMs = 3_600_000;
  for (let day = 0; day < DAYS; day++) {
    for (let hour = 0; hour < 24; hour++) {
      const office = hour >= OFFICE.from && hour < OFFICE.to;
      const rate = office ? (perDay * OFFICE.share) / (OFFICE.to - OFFICE.from) : (perDay * (1 - OFFICE.share)) / (24 - (OFFICE.to - OFFICE.from));
      // Exponential gaps at this hour's rate: a Poisson process, piecewise constant per hour.
      let t = 0;
      for (;;) {
        t += (-Math.log(1 - rnd()) / rate) * hourMs;
        if (t >= hourMs) break;
        out.push((day * 24 + hour) * hourMs + t);
      }
    }
  }
  return out;
};

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/**
 * One granularity at one daily volume and idle lifetime. Each function keeps its containers; a request
 * takes the most recently used idle one that is still alive, else a new container starts (cold: init +
 * the first invocation's extra + the request). A container serves one request at a time, so a burst
 * within a function starts more containers, as Lambda does. Warm request times are drawn from a
 * log-normal fitted to this run's measured p50 and p99 of GET /v1/leden/{lidId}.
 */
export const simulateDay = (
  routes: readonly RouteDefinition[],
  g: Granularity,
  perDay: number,
  idleMin: number,
  warm: { p50: number; p99: number },
): DayResult => {
  const rnd = random(perDay ^ (idleMin << 20));
  const weights = routes.map((r) => {
    const inTag = routes.filter((x) => x.tag === r.tag);
    const tagWeight = inTag.reduce((a, x) => a + (x.method === 'GET' ? GET_WEIGHT : 1), 0);
    return ((TAG_SHARE[r.tag] ?? 0) * (r.method === 'GET' ? GET_WEIGHT : 1)) / tagWeight;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  for (const w of weights) cumulative.push((cumulative.at(-1) ?? 0) + w / total);
  const mu = Math.log(warm.p50);
  const sigma = Math.max(0, (Math.log(warm.p99) - mu) / 2.326);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const containers = new Map<string, { freeAt: number }[]>();
  const idleMs = idleMin * 60_000;
  const latencies: number[] = [];
  let cold = 0;
  const times = arrivals(perDay, rnd);
  for (const t of times) {
    const u = rnd();
    const route = routes[cumulative.findIndex((c) => u <= c)] ?? routes.at(-1)!;
    const fn = g.functionOf(route);
    const service = Math.exp(mu + sigma * normal());
    const pool = containers.get(fn) ?? containers.set(fn, []).get(fn)!;
    // Expired containers are gone; of the live idle ones, Lambda reuses one (the most recently freed here).
    const alive = pool.filter((c) => t - c.freeAt <= idleMs);
    const idle = alive.filter((c) => c.freeAt <= t).sort((a, b) => b.freeAt - a.freeAt)[0];
    let latency: number;
    if (idle) {
      latency = service;
      idle.freeAt = t + latency;
    } else {
      const timing = g.timing(fn);
      latency = timing.initMs + timing.firstInvokeExtraMs + service;
      alive.push({ freeAt: t + latency });
      cold++;
    }
    containers.set(fn, alive);
    latencies.push(latency);
  }
  latencies.sort((a, b) => a - b);
  return {
    granularity: g.name,
    functions: new Set(routes.map(g.functionOf)).size,
    perDay,
    idleMin,
    requests: times.length,
    coldShare: cold / times.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    coldPerDay: cold / DAYS,
  };
};

export const SIMULATED_DAYS = DAYS;
