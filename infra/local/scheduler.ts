import awsCronParser from 'aws-cron-parser';
import type { ScheduleDefinition } from '../../shared/schedules/definition';
import { runInvocationSettled } from './invocation-scope';
import { invokeWithTimeout, lambdaContext, localFunctionName, type HandlerLoader } from './lambda';
import { describeCommands, type RuntimeLog } from './log';

/**
 * The local counterpart of EventBridge Scheduler: runs each job's handler on its schedule expression (in
 * its time zone) and on demand. Like a Lambda invoked by the scheduler, a run of a job does not wait for
 * an earlier one still running: overlapping sweeps are a case the jobs must handle anyway.
 */
export interface SchedulerOptions {
  readonly schedules: readonly ScheduleDefinition[];
  readonly loadHandler: HandlerLoader;
  readonly log: RuntimeLog;
  /** Tests: a clock to schedule against. Default the real one. */
  readonly now?: () => Date;
  /** Tests: how often the scheduler looks at the clock. Default 1 s (cron has minute resolution, rate too). */
  readonly tickMs?: number;
  /** false: only on demand (tests that run a job themselves and must not meet a scheduled run). Default true. */
  readonly automatic?: boolean;
}

export interface JobRun {
  readonly job: string;
  readonly trigger: 'schedule' | 'onDemand';
  readonly at: string;
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error?: string;
}

export interface LocalScheduler {
  /** Runs a job now and answers its result (or throws its error). */
  runNow(name: string, event?: unknown): Promise<unknown>;
  /** When each job runs next, by the scheduler's clock. */
  nextRuns(): Record<string, string | null>;
  /** Every run so far, newest last. */
  readonly runs: readonly JobRun[];
  /** Waits until no job is running. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export class UnknownJobError extends Error {
  constructor(name: string, known: readonly string[]) {
    super(`unknown job ${name}; known: ${known.join(', ')}`);
    this.name = 'UnknownJobError';
  }
}

/** The UTC offset of a time zone at an instant, in ms (Europe/Amsterdam: +1 h or +2 h). */
const offsetMs = (timeZone: string, at: Date): number => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
};

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

/**
 * The first run strictly after `from`. cron(…) is EventBridge's six-field cron (with ? L W #), parsed by
 * aws-cron-parser, which computes in UTC: the expression is evaluated on the zone's wall clock and mapped
 * back. rate(…) counts from `from`, as a new schedule does. at(…) one-time schedules are not used.
 */
export const nextRun = (schedule: Pick<ScheduleDefinition, 'expression' | 'timezone'>, from: Date): Date | null => {
  const rate = RATE.exec(schedule.expression);
  if (rate) return new Date(from.getTime() + Number(rate[1]) * UNIT_MS[rate[2]!.replace(/s$/, '') as keyof typeof UNIT_MS]);
  const cron = /^cron\((.+)\)$/.exec(schedule.expression);
  if (!cron) throw new Error(`unsupported schedule expression ${schedule.expression}`);
  const parsed = awsCronParser.parse(cron[1]!);
  const offset = offsetMs(schedule.timezone, from);
  // The parser's "next" is from the given instant onwards; a second later makes it strictly after.
  const wall = awsCronParser.next(parsed, new Date(from.getTime() + offset + 1000));
  if (!wall) return null;
  return new Date(wall.getTime() - offsetMs(schedule.timezone, new Date(wall.getTime() - offset)));
};

export const startScheduler = (options: SchedulerOptions): LocalScheduler => {
  const now = options.now ?? (() => new Date());
  const { log } = options;
  const runs: JobRun[] = [];
  const running = new Set<Promise<unknown>>();
  const due = new Map(options.schedules.map((s) => [s.name, nextRun(s, now())]));

  const invoke = (schedule: ScheduleDefinition, trigger: JobRun['trigger'], event: unknown): Promise<unknown> => {
    const run = (async () => {
      const at = now().toISOString();
      const outcome = await runInvocationSettled(async () => {
        const handler = await options.loadHandler(schedule.handler);
        const context = lambdaContext(localFunctionName(schedule.name), schedule.timeoutSeconds, schedule.memoryMb);
        return invokeWithTimeout(handler, event, context, schedule.timeoutSeconds);
      });
      const commands = describeCommands(outcome.scope.dynamodbCommands);
      if (outcome.ok) {
        runs.push({ job: schedule.name, trigger, at, ok: true, result: outcome.result });
        log.info(`${schedule.name} (${trigger}): done, ${commands}`);
        return outcome.result;
      }
      runs.push({ job: schedule.name, trigger, at, ok: false, error: String((outcome.error as Error)?.message ?? outcome.error) });
      log.error(`${schedule.name} (${trigger}): failed after ${commands}`, outcome.error);
      throw outcome.error;
    })();
    running.add(run);
    void run.catch(() => undefined).finally(() => running.delete(run));
    return run;
  };

  const timer = setInterval(() => {
    if (options.automatic === false) return;
    const t = now();
    for (const schedule of options.schedules) {
      const at = due.get(schedule.name);
      if (!at || at > t) continue;
      // EventBridge Scheduler fires once per occurrence; after a pause here, missed ones are not replayed
      // one by one (the sweep's checkpoint catches up on missed days itself).
      due.set(schedule.name, nextRun(schedule, t));
      // EventBridge Scheduler passes no payload unless the target has an input; the local run does likewise.
      void invoke(schedule, 'schedule', {}).catch(() => undefined);
    }
  }, options.tickMs ?? 1000);
  timer.unref();

  return {
    runNow(name, event = {}) {
      const schedule = options.schedules.find((s) => s.name === name);
      if (!schedule) throw new UnknownJobError(name, options.schedules.map((s) => s.name));
      return invoke(schedule, 'onDemand', event);
    },
    nextRuns: () => Object.fromEntries([...due].map(([name, at]) => [name, at?.toISOString() ?? null])),
    runs,
    async idle() {
      while (running.size) await Promise.allSettled([...running]);
    },
    async stop() {
      clearInterval(timer);
      await Promise.allSettled([...running]);
    },
  };
};
