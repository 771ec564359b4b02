import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Rol } from '../../shared/auth/rollen';
import { errorsOnlyLog } from '../../infra/local/log';
import { startLocalRuntime, type LocalRuntime, type LocalRuntimeOptions } from '../../infra/local/runtime';
import { testEngines, uniqueName } from './engines';

/**
 * The local runtime on the run's shared engines: a unique table and queue prefix, a temp mail outbox,
 * a free port, quiet logs. One per test file (beforeAll), stopped in afterAll: handlers read their
 * environment once per process.
 */
export const startTestRuntime = (options: Partial<LocalRuntimeOptions> = {}): Promise<LocalRuntime> => {
  const { dynamodbEndpoint, sqsEndpoint } = testEngines();
  return startLocalRuntime({
    port: 0,
    dynamodbEndpoint,
    sqsEndpoint,
    startEngines: false,
    tableName: uniqueName('werkcoop'),
    queuePrefix: uniqueName(''),
    mailOutboxDir: mkdtempSync(join(tmpdir(), 'werkcoop-mail-')),
    log: errorsOnlyLog,
    powertoolsLogLevel: 'WARN',
    // Tests wait for deliveries with idle(); a short poll keeps that wait short.
    streamPollIntervalMs: 50,
    streamRetryBackoffMs: 20,
    ...options,
  });
};

/** `Authorization` header for a caller; tenant as in the token: CBS code, lid id or partner id. */
export const authorization = async (runtime: LocalRuntime, rol: Rol, tenant?: string): Promise<{ authorization: string }> => ({
  authorization: `Bearer ${await runtime.mintToken({ rol, ...(tenant ? { tenant } : {}) })}`,
});
