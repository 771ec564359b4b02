import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { logger } from '../observability/logger';
import { schrijfVerwerkingen } from '../store/verwerkingen-store';
import { pseudonimiseerder } from './pseudoniem';
import { huidigeVerwerkingsscope, inVerwerkingsscope, type Verwerkingsscope } from './verwerkingen';

/**
 * Writing an invocation's processing records (collected by `logVerwerking`, see verwerkingen.ts): once, at
 * the invocation's end — one conditional request for up to 100 records (shared/store/verwerkingen-store.ts) —
 * pseudonymised here, where the key is at hand, so the use cases stay synchronous and free of it.
 */
export const legVast = async (scope: Verwerkingsscope): Promise<number> => {
  const regels = scope.regels.splice(0);
  if (regels.length === 0) return 0;
  try {
    const pseudoniem = await pseudonimiseerder();
    await schrijfVerwerkingen(
      regels.map((r) => ({
        id: r.id,
        activiteitId: r.activiteitId,
        traceId: scope.traceId,
        verwerkingsactiviteit: r.activiteit,
        door: r.door,
        betrokkene: pseudoniem(r.betrokkene),
        status: r.status,
        op: r.op,
      })),
    );
    return regels.length;
  } catch (error) {
    // The records then survive in the function's log (the `verwerking` lines and this one), to be replayed.
    logger.error('Verwerkingenlogboek niet geschreven', { error: error as Error, traceId: scope.traceId, verwerkingen: regels });
    throw error;
  }
};

/**
 * The trace id Logius' log asks for: the caller's W3C trace context when it sent one (so the gemeente's
 * own log and ours can be joined), else API Gateway's X-Ray trace, else the Lambda request id.
 */
export const traceIdVan = (headers: Record<string, string | undefined> | undefined, context: Pick<Context, 'awsRequestId'> | undefined): string => {
  const w3c = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(headers?.traceparent?.trim() ?? '');
  if (w3c?.[1] && !/^0+$/.test(w3c[1])) return w3c[1];
  const xray = /(?:^|;)\s*Root=([0-9a-f-]{1,64})/i.exec(headers?.['x-amzn-trace-id'] ?? '');
  if (xray?.[1]) return xray[1];
  return context?.awsRequestId ?? 'onbekend';
};

/** Wraps an API function: its request gets a buffer of its own for the records it makes. */
export const metVerwerkingsscope =
  <R>(handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<R>) =>
  (event: APIGatewayProxyEventV2, context: Context): Promise<R> =>
    inVerwerkingsscope(traceIdVan(event.headers, context), () => handler(event, context));

/**
 * The middleware that writes the request's records once the use case is done. `after` runs first of the
 * after-middlewares (it is used last), so when the write fails on a read the request fails instead (a 500
 * problem, through the error middlewares): no personal data leaves without its record. A change is already
 * committed by then, so a failed write of its records is logged but does not turn its answer into an error.
 * `onError` writes too: what was processed before a later step failed was processed all the same, and
 * refusals (status geweigerd) are records of their own.
 */
export const verwerkingenVastleggen = <E extends APIGatewayProxyEventV2, R>(): middy.MiddlewareObj<E, R> => ({
  after: async (request) => {
    const scope = huidigeVerwerkingsscope();
    if (!scope) return;
    try {
      await legVast(scope);
    } catch (error) {
      if (request.event.requestContext.http.method === 'GET') throw error;
    }
  },
  onError: async () => {
    const scope = huidigeVerwerkingsscope();
    if (scope) await legVast(scope).catch(() => undefined);
  },
});

/**
 * For consumers and jobs: runs a batch in a scope of its own and writes its records at the end. A failed
 * write is logged with the records and does not fail the batch: redoing it would not process anyone again.
 */
export const metVerwerkingenlog = async <T>(context: Pick<Context, 'awsRequestId'> | undefined, fn: () => Promise<T>): Promise<T> =>
  inVerwerkingsscope(traceIdVan(undefined, context), async (scope) => {
    try {
      return await fn();
    } finally {
      await legVast(scope).catch(() => undefined);
    }
  });
