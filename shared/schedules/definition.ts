/**
 * The one definition of the scheduled jobs. The CDK stateless stack creates an EventBridge Scheduler
 * schedule per job from this; the local runtime's scheduler runs the same handler on the same expression
 * (and on demand: `npm run job -- <name>`).
 */
export interface ScheduleDefinition {
  /** Logical name, also the name of the deployed schedule's suffix and of `npm run job -- <name>`. */
  readonly name: string;
  /** Handler module (exports `handler`), relative to the project root. */
  readonly handler: string;
  /** EventBridge Scheduler expression: `cron(min hour day-of-month month day-of-week year)` or `rate(…)`. */
  readonly expression: string;
  /** The time zone the cron expression is read in (EventBridge Scheduler's ScheduleExpressionTimezone). */
  readonly timezone: string;
  readonly timeoutSeconds: number;
  /** Lambda memory, from the peak RSS `npm run bench -- --nazorg` measured (≥ 40% headroom). */
  readonly memoryMb: number;
  /** Queues the job sends to (their URL env var and send permission), by queue name. */
  readonly sendsTo: readonly string[];
  /**
   * 'readWrite' for a job that changes the items it finds (the retention job erases people's data); absent:
   * it reads, and writes only its own checkpoint item.
   */
  readonly tableAccess?: 'readWrite';
}

export const scheduleDefinitions = {
  nazorgSweep: {
    name: 'nazorg-sweep',
    handler: 'functions/jobs/nazorg-sweep.ts',
    // Early morning, Dutch time, so the day's follow-ups are in the mailboxes when people start work.
    expression: 'cron(0 6 * * ? *)',
    timezone: 'Europe/Amsterdam',
    // Pages 16 shards per day in parallel; a catch-up over weeks of downtime still fits well within this.
    timeoutSeconds: 900,
    memoryMb: 256,
    sendsTo: ['nazorg'],
  },
  bewaartermijn: {
    name: 'bewaartermijn',
    handler: 'functions/jobs/bewaartermijn.ts',
    // At night, Dutch time, outside office hours: the erasures write and nobody is waiting for them.
    expression: 'cron(30 2 * * ? *)',
    timezone: 'Europe/Amsterdam',
    // A night's expiries are erased one person at a time (a few transactions each); a backlog after an
    // outage is taken up where it stopped by the next night's run.
    timeoutSeconds: 900,
    memoryMb: 256,
    sendsTo: [],
    tableAccess: 'readWrite',
  },
} as const satisfies Record<string, ScheduleDefinition>;

export type ScheduleName = keyof typeof scheduleDefinitions;

export const scheduleByName = (name: string): ScheduleDefinition | undefined =>
  Object.values(scheduleDefinitions).find((s) => s.name === name);
