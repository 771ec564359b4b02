import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { isGretig, pathPattern, type RouteDefinition } from '../../shared/routes/route';
import { LOCAL_ACCOUNT_ID } from './aws-local';

/** API Gateway HTTP API's payload limit; larger requests never reach the function. */
export const MAX_REQUEST_BODY_BYTES = 10 * 1024 * 1024;
export const LOCAL_API_ID = 'lokaal';

/**
 * What API Gateway routes by: the API's manifest routes and the page manifest's pages alike (a page's id is
 * its operationId here: the local function's name).
 */
export type LocalRoute = Pick<RouteDefinition, 'operationId' | 'method' | 'path' | 'handler' | 'memoryMb'>;

export interface MatchedRoute {
  readonly route: LocalRoute | undefined;
  readonly routeKey: string;
  readonly pathParameters: Record<string, string> | undefined;
}

const decode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** Compiled once: the manifest is static for the runtime's life. */
export const createRouteMatcher = (routes: readonly LocalRoute[]) => {
  // Greedy routes ({x+}) last: API Gateway gives them only what no more specific route matches.
  const compiled = [...routes.filter((r) => !isGretig(r.path)), ...routes.filter((r) => isGretig(r.path))].map((route) => ({ route, pattern: pathPattern(route.path) }));
  return (method: string, path: string): MatchedRoute => {
    for (const { route, pattern } of compiled) {
      if (route.method !== method) continue;
      const match = pattern.exec(path);
      if (!match) continue;
      const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, decode(v)]));
      return { route, routeKey: `${route.method} ${route.path}`, pathParameters: Object.keys(params).length ? params : undefined };
    }
    // API Gateway sends anything unmatched (wrong method, trailing slash, unknown path) to $default.
    return { route: undefined, routeKey: '$default', pathParameters: undefined };
  };
};

/**
 * Request bodies API Gateway hands over as text; everything else (including form posts and bodies
 * without a content type) arrives base64-encoded with isBase64Encoded true.
 */
const isTextContentType = (contentType: string | undefined): boolean => {
  if (!contentType) return false;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    mediaType.startsWith('text/') ||
    /^application\/(json|javascript|xml|yaml)$/.test(mediaType) ||
    /^application\/[\w.-]+\+(json|xml)$/.test(mediaType)
  );
};

/** `12/Mar/2020:19:03:58 +0000`, the format of requestContext.time. */
const clfTime = (date: Date): string => {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${p(date.getUTCHours())}:${p(date.getUTCMinutes())}:${p(date.getUTCSeconds())} +0000`;
};

/** API Gateway's request ids look like `JKJaXmPLvHcESHA=`; the shape matters to log parsers, not the value. */
export const apiGatewayRequestId = (): string => `${randomBytes(10).toString('base64').slice(0, 14)}=`;

export interface RawRequest {
  readonly req: IncomingMessage;
  readonly body: Buffer;
  readonly requestId: string;
  readonly receivedAt: Date;
}

export const buildEventV2 = ({ req, body, requestId, receivedAt }: RawRequest, matched: MatchedRoute): APIGatewayProxyEventV2 => {
  const rawUrl = req.url ?? '/';
  const queryStart = rawUrl.indexOf('?');
  const rawPath = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
  const rawQueryString = queryStart === -1 ? '' : rawUrl.slice(queryStart + 1);

  // Header names lower-cased, repeated headers joined with commas; cookies move to their own field.
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    const value = req.rawHeaders[i + 1]!;
    if (name === 'cookie') {
      cookies = [...(cookies ?? []), ...value.split(';').map((c) => c.trim()).filter(Boolean)];
      continue;
    }
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  const sourceIp = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const port = String(req.socket.localPort ?? '');
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${sourceIp}` : sourceIp;
  headers['x-forwarded-port'] = port;
  headers['x-forwarded-proto'] = 'http';
  headers['x-amzn-trace-id'] = `Root=1-${Math.floor(receivedAt.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;

  let queryStringParameters: Record<string, string> | undefined;
  for (const [key, value] of new URLSearchParams(rawQueryString)) {
    queryStringParameters ??= {};
    queryStringParameters[key] = key in queryStringParameters ? `${queryStringParameters[key]},${value}` : value;
  }

  const method = req.method ?? 'GET';
  const host = headers.host ?? 'localhost';
  const hasBody = body.length > 0;
  const text = isTextContentType(headers['content-type']);

  return {
    version: '2.0',
    routeKey: matched.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: LOCAL_API_ID,
      domainName: host,
      domainPrefix: host.split('.')[0]?.split(':')[0] ?? host,
      http: {
        method,
        path: rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: matched.routeKey,
      stage: '$default',
      time: clfTime(receivedAt),
      timeEpoch: receivedAt.getTime(),
    },
    ...(hasBody ? { body: text ? body.toString('utf8') : body.toString('base64') } : {}),
    ...(matched.pathParameters ? { pathParameters: matched.pathParameters } : {}),
    isBase64Encoded: hasBody && !text,
  };
};

export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly cookies: readonly string[];
  readonly body: Buffer;
}

export const jsonResponse = (statusCode: number, value: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  cookies: [],
  body: Buffer.from(JSON.stringify(value)),
});

/** API Gateway's own error bodies are `{"message": …}`, not problem+json: that is why $default has a handler. */
export const gatewayError = (statusCode: number, message: string): HttpResponse => jsonResponse(statusCode, { message });

const isStructured = (result: unknown): result is APIGatewayProxyStructuredResultV2 =>
  typeof result === 'object' && result !== null && 'statusCode' in result;

/**
 * Maps a handler's result by payload format 2.0's rules: a result with `statusCode` is taken as the
 * response; any other value is treated as a JSON body with status 200.
 */
export const mapResultV2 = (returned: unknown): HttpResponse => {
  // Lambda hands API Gateway the JSON of what the function returned: undefined values vanish, dates
  // become strings, and a result that cannot be serialized is an error, as it is there.
  const result: unknown = returned === undefined ? null : JSON.parse(JSON.stringify(returned));
  if (!isStructured(result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(body) };
  }
  const statusCode = Number(result.statusCode);
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw new Error(`invalid statusCode in the function's response: ${String(result.statusCode)}`);
  }
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
  const raw = result.body ?? '';
  return {
    statusCode,
    headers,
    cookies: result.cookies ?? [],
    body: result.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8'),
  };
};
