import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  apiGatewayRequestId,
  buildEventV2,
  createRouteMatcher,
  gatewayError,
  mapResultV2,
  MAX_REQUEST_BODY_BYTES,
  type HttpResponse,
  type LocalRoute,
} from './api-gateway';
import { isPreflight, preflightResponse, withCorsHeaders, type CorsConfig } from './cors';
import { runInvocationSettled } from './invocation-scope';
import { invokeWithTimeout, lambdaContext, localFunctionName, type HandlerLoader } from './lambda';
import { describeCommands, type RuntimeLog } from './log';

/** A function behind API Gateway may run up to the integration timeout of 30 s; the stack sets 29 s. */
export const API_FUNCTION_TIMEOUT_SECONDS = 29;

/** Local-only endpoints under /local; answers undefined for paths it does not know. */
export type LocalEndpoints = (req: IncomingMessage, path: string, body: Buffer) => Promise<HttpResponse | undefined>;

export interface ApiServerOptions {
  readonly routes: readonly LocalRoute[];
  /** Module invoked for every request no route matches, as API Gateway's $default route. */
  readonly defaultRouteHandler: string;
  readonly loadHandler: HandlerLoader;
  readonly cors: CorsConfig;
  readonly localEndpoints?: LocalEndpoints;
  readonly log: RuntimeLog;
}

class BodyTooLargeError extends Error {}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_REQUEST_BODY_BYTES) return reject(new BodyTooLargeError());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });

const send = (res: ServerResponse, response: HttpResponse): void => {
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  if (response.cookies.length) res.setHeader('set-cookie', [...response.cookies]);
  res.setHeader('content-length', response.body.length);
  res.writeHead(response.statusCode);
  res.end(response.body);
};

/** The HTTP API: routing, events, results and limits as API Gateway HTTP API (payload format 2.0). */
export const createApiServer = (options: ApiServerOptions): Server => {
  const match = createRouteMatcher(options.routes);
  const { log, cors } = options;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const receivedAt = new Date();
    const requestId = apiGatewayRequestId();
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    res.setHeader('apigw-requestid', requestId);

    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      res.setHeader('connection', 'close');
      send(res, gatewayError(413, 'Request Entity Too Large'));
      log.info(`${method} ${path} → 413 (body over ${MAX_REQUEST_BODY_BYTES} bytes)`);
      return;
    }

    if (isPreflight(method, req.headers)) return send(res, preflightResponse(cors, req.headers));

    if (path === '/local' || path.startsWith('/local/')) {
      const local = await options.localEndpoints?.(req, path, body);
      return send(res, withCorsHeaders(cors, req.headers, local ?? gatewayError(404, 'Not Found')));
    }

    const matched = match(method, path);
    const modulePath = matched.route?.handler ?? options.defaultRouteHandler;
    const functionName = localFunctionName(matched.route?.operationId ?? 'standaardRoute');
    const context = lambdaContext(functionName, API_FUNCTION_TIMEOUT_SECONDS, matched.route?.memoryMb);
    const event = buildEventV2({ req, body, requestId, receivedAt }, matched);

    const outcome = await runInvocationSettled(async () => {
      const handler = await options.loadHandler(modulePath);
      return mapResultV2(await invokeWithTimeout(handler, event, context, API_FUNCTION_TIMEOUT_SECONDS));
    });
    let response: HttpResponse;
    if (outcome.ok) {
      response = outcome.result;
    } else {
      // What API Gateway answers when the integration fails; the cause is only in the function's log.
      log.error(`${method} ${path} → ${functionName} failed (request ${requestId})`, outcome.error);
      response = gatewayError(500, 'Internal Server Error');
    }
    const commands = outcome.scope.dynamodbCommands;
    response = withCorsHeaders(cors, req.headers, {
      ...response,
      headers: {
        ...response.headers,
        'x-werkcoop-dynamodb-ops': String(commands.length),
        'x-werkcoop-dynamodb-commands': commands.join(','),
        // The processing log's flush, apart: the counts above stay those of the operation itself.
        'x-werkcoop-verwerkingenlog-commands': outcome.scope.verwerkingenlogCommands.join(','),
      },
    });
    send(res, response);
    log.info(
      `${method} ${path} → ${response.statusCode} ${matched.routeKey} (${Date.now() - receivedAt.getTime()} ms, ${describeCommands(commands)})`,
    );
  };

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error(`${req.method} ${req.url} → runtime error`, error);
      if (!res.headersSent) send(res, gatewayError(500, 'Internal Server Error'));
      else res.destroy();
    });
  });
};

/** Listens and answers the bound port (port 0 picks a free one). */
export const listen = (server: Server, port: number, host = '127.0.0.1'): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
