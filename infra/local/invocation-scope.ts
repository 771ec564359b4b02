import { AsyncLocalStorage } from 'node:async_hooks';

declare global {
  /**
   * Called by the DynamoDB client module (shared/store) for every command it sends. Set only by the
   * local runtime, which attributes each call to the request or consumer batch that made it; absent in
   * AWS, where the optional call costs nothing.
   */
  var __werkcoopOnDynamoDbCommand: ((commandName: string) => void) | undefined;
}

/** What one invocation (an HTTP request, an SQS batch, a stream batch) did, for local diagnostics. */
export interface InvocationScope {
  readonly dynamodbCommands: string[];
  /** The processing log's flush (shared/privacy/vastleggen.ts), kept apart from the invocation's own work. */
  readonly verwerkingenlogCommands: string[];
}

/** The prefix shared/store/dynamodb.ts gives the processing log's commands (VERWERKINGENLOG_LABEL). */
const VERWERKINGENLOG = 'Verwerkingenlog.';
const nieuweScope = (): InvocationScope => ({ dynamodbCommands: [], verwerkingenlogCommands: [] });

const scopes = new AsyncLocalStorage<InvocationScope>();

/** Installs the hook; idempotent, so several runtimes or pollers in one process can each call it. */
export const installDynamoDbCommandHook = (): void => {
  globalThis.__werkcoopOnDynamoDbCommand = (commandName) => {
    const scope = scopes.getStore();
    const naam = commandName.replace(/Command$/, '');
    if (naam.startsWith(VERWERKINGENLOG)) scope?.verwerkingenlogCommands.push(naam.slice(VERWERKINGENLOG.length));
    else scope?.dynamodbCommands.push(naam);
  };
};

/** Runs `fn` as one invocation; every DynamoDB command sent from within it (however deep) is recorded. */
export const runInvocation = async <T>(fn: () => Promise<T>): Promise<{ result: T; scope: InvocationScope }> => {
  const scope = nieuweScope();
  const result = await scopes.run(scope, fn);
  return { result, scope };
};

/** Same, for when the invocation throws: the scope is still reported, the error rethrown by the caller. */
export const runInvocationSettled = async <T>(
  fn: () => Promise<T>,
): Promise<{ ok: true; result: T; scope: InvocationScope } | { ok: false; error: unknown; scope: InvocationScope }> => {
  const scope = nieuweScope();
  try {
    return { ok: true, result: await scopes.run(scope, fn), scope };
  } catch (error) {
    return { ok: false, error, scope };
  }
};
