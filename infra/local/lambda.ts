import { randomUUID } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './aws-local';
import { PROJECT_ROOT } from './paths';

// Handlers are typed by their own modules; the runtime only needs to call them.
export type AnyHandler = (event: unknown, context: Context) => Promise<unknown> | unknown;

/**
 * Imports each handler module once, like a warm Lambda container: module-scope clients and the parsed
 * environment are reused across invocations. Lazy, so a module being written by someone else breaks only
 * its own route, and only after the environment is set.
 */
export const createHandlerLoader = (projectRoot: string = PROJECT_ROOT) => {
  const cache = new Map<string, Promise<AnyHandler>>();
  return (modulePath: string): Promise<AnyHandler> => {
    let loaded = cache.get(modulePath);
    if (!loaded) {
      const file = isAbsolute(modulePath) ? modulePath : resolve(projectRoot, modulePath);
      loaded = import(pathToFileURL(file).href).then((mod: { handler?: unknown }) => {
        if (typeof mod.handler !== 'function') throw new Error(`${modulePath} does not export a handler function`);
        return mod.handler as AnyHandler;
      });
      // A failed import is retried on the next invocation (after the developer fixed the file).
      loaded.catch(() => cache.delete(modulePath));
      cache.set(modulePath, loaded);
    }
    return loaded;
  };
};
export type HandlerLoader = ReturnType<typeof createHandlerLoader>;

/** The name the CDK stack gives a function, readable in logs: werkcoop-lokaal-lidAanvragen. */
export const localFunctionName = (name: string): string => `werkcoop-lokaal-${name}`;

/** A Lambda context as the Node.js runtime passes it, with a real deadline from the function's timeout. */
export const lambdaContext = (functionName: string, timeoutSeconds: number, memoryMb = 1024): Context => {
  const deadline = Date.now() + timeoutSeconds * 1000;
  const awsRequestId = randomUUID();
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: String(memoryMb),
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]lokaal`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

export class InvocationTimeoutError extends Error {
  constructor(functionName: string, seconds: number) {
    super(`${functionName}: Task timed out after ${seconds.toFixed(2)} seconds`);
    this.name = 'InvocationTimeoutError';
  }
}

/**
 * Invokes with Lambda's timeout: the caller sees a failure when the deadline passes, as the event source
 * would. (The handler's promise keeps running in this process; Lambda would freeze it instead.)
 */
export const invokeWithTimeout = async (
  handler: AnyHandler,
  event: unknown,
  context: Context,
  timeoutSeconds: number,
): Promise<unknown> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new InvocationTimeoutError(context.functionName, timeoutSeconds)), timeoutSeconds * 1000);
  });
  try {
    return await Promise.race([Promise.resolve().then(() => handler(event, context)), timeout]);
  } finally {
    clearTimeout(timer);
  }
};
