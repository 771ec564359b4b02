import { inspect } from 'node:util';

/** The runtime's own lines (requests, batches, deliveries); handlers log through their own logger. */
export interface RuntimeLog {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

const detail = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : inspect(error));

export const consoleLog: RuntimeLog = {
  info: (message) => console.log(`[lokaal] ${message}`),
  error: (message, error) => console.error(`[lokaal] ${message}${error === undefined ? '' : `\n${detail(error)}`}`),
};

/** For tests: only errors, which are always worth seeing. */
export const errorsOnlyLog: RuntimeLog = { info: () => undefined, error: consoleLog.error };

/** `GetItem,TransactWriteItems` → `2 (GetItem, TransactWriteItems)`, for log lines. */
export const describeCommands = (commands: readonly string[]): string =>
  commands.length ? `${commands.length} DynamoDB (${commands.join(', ')})` : '0 DynamoDB';
