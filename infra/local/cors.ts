import type { IncomingHttpHeaders } from 'node:http';
import { corsBeleid } from '../../shared/http/cors';
import type { HttpResponse } from './api-gateway';

/**
 * The HTTP API's CORS configuration. With CORS configured, API Gateway answers preflights itself and
 * replaces any CORS headers a function returns, so the runtime does the same.
 */
export interface CorsConfig {
  readonly allowOrigins: readonly string[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly maxAgeSeconds: number;
}

export const LOCAL_DEFAULT_CORS_ORIGINS = 'http://localhost:5173';

export const corsConfig = (allowedOrigins: string): CorsConfig => ({
  allowOrigins: allowedOrigins.split(',').map((o) => o.trim()).filter(Boolean),
  allowMethods: corsBeleid.allowMethods,
  allowHeaders: corsBeleid.allowHeaders.map((h) => h.toLowerCase()),
  exposeHeaders: corsBeleid.exposeHeaders.map((h) => h.toLowerCase()),
  maxAgeSeconds: corsBeleid.maxAgeSeconds,
});

const allowedOrigin = (cors: CorsConfig, headers: IncomingHttpHeaders): string | undefined => {
  const origin = headers.origin;
  if (!origin) return undefined;
  return cors.allowOrigins.includes('*') ? '*' : cors.allowOrigins.includes(origin) ? origin : undefined;
};

export const isPreflight = (method: string | undefined, headers: IncomingHttpHeaders): boolean =>
  method === 'OPTIONS' && Boolean(headers.origin) && Boolean(headers['access-control-request-method']);

/** A disallowed origin still gets 204, only without the allow headers, so the browser blocks the call. */
export const preflightResponse = (cors: CorsConfig, headers: IncomingHttpHeaders): HttpResponse => {
  const origin = allowedOrigin(cors, headers);
  return {
    statusCode: 204,
    headers: origin
      ? {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': cors.allowMethods.join(','),
          'access-control-allow-headers': cors.allowHeaders.join(','),
          'access-control-max-age': String(cors.maxAgeSeconds),
          vary: 'origin',
        }
      : {},
    cookies: [],
    body: Buffer.alloc(0),
  };
};

export const withCorsHeaders = (cors: CorsConfig, headers: IncomingHttpHeaders, response: HttpResponse): HttpResponse => {
  const own = Object.fromEntries(Object.entries(response.headers).filter(([k]) => !k.startsWith('access-control-')));
  const origin = allowedOrigin(cors, headers);
  if (!origin) return { ...response, headers: own };
  return {
    ...response,
    headers: {
      ...own,
      'access-control-allow-origin': origin,
      'access-control-expose-headers': cors.exposeHeaders.join(','),
      vary: own.vary ? `${own.vary}, origin` : 'origin',
    },
  };
};
