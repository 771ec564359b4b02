import { afterEach, describe, expect, it } from 'vitest';
import { scheduleDefinitions } from '../../shared/schedules/definition';
import { createHandlerLoader } from '../../infra/local/lambda';
import { errorsOnlyLog } from '../../infra/local/log';
import { nextRun, startScheduler, UnknownJobError, type LocalScheduler } from '../../infra/local/scheduler';
import { jobFixture } from './fixtures/job-handler';

const amsterdam = (expression: string) => ({ expression, timezone: 'Europe/Amsterdam' });
const fixtureJob = (expression: string) => ({
  name: 'proef',
  handler: 'test/local/fixtures/job-handler.ts',
  expression,
  timezone: 'Europe/Amsterdam',
  timeoutSeconds: 5,
  memoryMb: 128,
  sendsTo: [],
});

describe('nextRun: EventBridge Scheduler expressions in their time zone', () => {
  it('runs the nazorg sweep at 06:00 Amsterdam time: 05:00 UTC in winter, 04:00 UTC in summer', () => {
    const sweep = scheduleDefinitions.nazorgSweep;
    expect(nextRun(sweep, new Date('2026-11-27T04:00:00Z'))?.toISOString()).toBe('2026-11-27T05:00:00.000Z');
    expect(nextRun(sweep, new Date('2026-11-27T05:00:00Z'))?.toISOString()).toBe('2026-11-28T05:00:00.000Z');
    expect(nextRun(sweep, new Date('2026-07-01T12:00:00Z'))?.toISOString()).toBe('2026-07-02T04:00:00.000Z');
  });

  it('reads six-field cron with ? and day-of-week names, as unix cron parsers do not', () => {
    expect(nextRun(amsterdam('cron(30 8 ? * MON-FRI *)'), new Date('2026-11-27T12:00:00Z'))?.toISOString()).toBe('2026-11-30T07:30:00.000Z');
  });

  it('counts rate() from the given moment', () => {
    expect(nextRun(amsterdam('rate(5 minutes)'), new Date('2026-11-27T12:00:00Z'))?.toISOString()).toBe('2026-11-27T12:05:00.000Z');
  });
});

describe('the local scheduler', () => {
  let scheduler: LocalScheduler | undefined;
  afterEach(async () => {
    await scheduler?.stop();
    jobFixture().length = 0;
  });

  it('runs a job on its schedule, by the clock it is given', async () => {
    // A fake clock that moves a minute per tick: an every-minute cron fires on every tick.
    let t = Date.parse('2026-11-27T05:59:30Z');
    scheduler = startScheduler({ schedules: [fixtureJob('cron(* * * * ? *)')], loadHandler: createHandlerLoader(), log: errorsOnlyLog, now: () => new Date((t += 60_000)), tickMs: 20 });
    await expect.poll(() => jobFixture().length, { timeout: 5000 }).toBeGreaterThanOrEqual(3);
    await scheduler.idle();
    expect(scheduler.runs.every((r) => r.trigger === 'schedule' && r.ok)).toBe(true);
    expect(jobFixture()[0]).toEqual({});
  });

  it('runs a job on demand with an event, and not on its schedule when automatic is off', async () => {
    let t = Date.now();
    scheduler = startScheduler({ schedules: [fixtureJob('rate(1 minute)')], loadHandler: createHandlerLoader(), log: errorsOnlyLog, now: () => new Date((t += 3_600_000)), tickMs: 10, automatic: false });
    await expect(scheduler.runNow('proef', { datum: '2026-11-27' })).resolves.toEqual({ runs: 1 });
    await new Promise((r) => setTimeout(r, 100));
    expect(jobFixture()).toEqual([{ datum: '2026-11-27' }]);
    expect(scheduler.runs).toMatchObject([{ job: 'proef', trigger: 'onDemand', ok: true }]);
    expect(() => scheduler!.runNow('onbekend')).toThrow(UnknownJobError);
  });
});
