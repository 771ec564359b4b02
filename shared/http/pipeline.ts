import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpSecurityHeaders from '@middy/http-security-headers';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { env } from '../config/env';
import { logger } from '../observability/logger';
import { metVerwerkingsscope, verwerkingenVastleggen } from '../privacy/vastleggen';
import { API_VERSION } from './api-version';
import { corsBeleid } from './cors';
import { naarProblem, problemBody } from './problem';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResponse = APIGatewayProxyStructuredResultV2 & { headers: Record<string, string | number | boolean> };

/**
 * Headers every answer carries, errors included. middy's security-headers middleware only sets
 * X-Frame-Options and the CSP on HTML responses; an API must send them on every response (ADR), so
 * they are set here, together with API-Version and no-store (responses may hold personal data).
 */
const apiHeaders = (): middy.MiddlewareObj<HttpEvent, HttpResponse> => {
  const zet = (request: middy.Request<HttpEvent, HttpResponse>) => {
    if (!request.response) return;
    request.response.headers = {
      ...request.response.headers,
      'API-Version': API_VERSION,
      'Cache-Control': 'no-store',
      'X-Frame-Options': 'DENY',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    };
  };
  return { after: zet, onError: zet };
};

/** Every thrown error becomes problem+json; 5xx are logged with their cause and shown generically. */
const problemErrors = (): middy.MiddlewareObj<HttpEvent, HttpResponse> => ({
  onError: (request) => {
    const problem = naarProblem(request.error);
    if (problem.status >= 500) logger.error('Onverwachte fout', { error: request.error as Error });
    else logger.info('Verzoek geweigerd', { status: problem.status, title: problem.title });
    request.response = {
      statusCode: problem.status,
      headers: { 'Content-Type': 'application/problem+json', ...problem.extra.headers },
      body: problemBody(problem, request.event.rawPath),
    };
  },
});

/**
 * The shared HTTP pipeline of every API function. Order matters: onError runs in reverse, so the problem
 * mapper creates the response first and the header middlewares then decorate it. The processing log's
 * middleware comes last, so it writes the request's records first after the handler (and on an error);
 * the request runs in a processing scope of its own (shared/privacy/vastleggen.ts).
 */
export const httpPipeline = (fn: (event: HttpEvent, context: Context) => Promise<HttpResponse>) =>
  metVerwerkingsscope(httpMiddy(fn));

const httpMiddy = (fn: (event: HttpEvent, context: Context) => Promise<HttpResponse>) =>
  middy<HttpEvent, HttpResponse>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(httpHeaderNormalizer())
    .use(
      httpCors({
        origins: env().CORS_ALLOWED_ORIGINS.split(',').filter(Boolean),
        headers: corsBeleid.allowHeaders.join(','),
        exposeHeaders: corsBeleid.exposeHeaders.join(','),
        methods: corsBeleid.allowMethods.join(','),
        maxAge: corsBeleid.maxAgeSeconds,
      }),
    )
    // No reporting endpoint is configured, so the header would go out empty; an API has no powered-by.
    .use(httpSecurityHeaders({ reportingEndpoints: false, poweredBy: false } as Parameters<typeof httpSecurityHeaders>[0]))
    .use(apiHeaders())
    .use(problemErrors())
    .use(verwerkingenVastleggen<HttpEvent, HttpResponse>())
    .handler(fn);
