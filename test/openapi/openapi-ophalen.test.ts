import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_VERSION } from '../../shared/http/api-version';
import { buildOpenApiDocument } from '../../shared/openapi/document';

const event = (): APIGatewayProxyEventV2 => ({
  version: '2.0',
  routeKey: 'GET /v1/openapi.json',
  rawPath: '/v1/openapi.json',
  rawQueryString: '',
  headers: { accept: 'application/json', host: 'api.werkcoop.nl' },
  isBase64Encoded: false,
  requestContext: {
    accountId: '123456789012',
    apiId: 'api',
    domainName: 'api.werkcoop.nl',
    domainPrefix: 'api',
    http: { method: 'GET', path: '/v1/openapi.json', protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'vitest' },
    requestId: 'req-1',
    routeKey: 'GET /v1/openapi.json',
    stage: '$default',
    time: '26/Nov/2026:09:30:00 +0000',
    timeEpoch: 1795685400000,
  },
});

const context = {
  functionName: 'openapi-ophalen',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-central-1:123456789012:function:openapi-ophalen',
  memoryLimitInMB: '128',
  awsRequestId: 'req-1',
  getRemainingTimeInMillis: () => 3000,
} as unknown as Context;

let handler: (e: APIGatewayProxyEventV2, c: Context) => Promise<APIGatewayProxyStructuredResultV2>;

beforeAll(async () => {
  // The shared pipeline reads the function environment at load, as every API function does.
  vi.stubEnv('TABLE_NAME', 'werkcoop-test');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  ({ handler } = (await import('../../functions/api/openapi/openapi-ophalen')) as unknown as { handler: typeof handler });
});

describe('GET /v1/openapi.json', () => {
  it('serves the generated document as JSON, without a token', async () => {
    const response = await handler(event(), context);

    expect(response.statusCode).toBe(200);
    expect(response.headers?.['Content-Type']).toBe('application/json');
    expect(JSON.parse(response.body ?? '')).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  it('carries API-Version, no-store and the security headers', async () => {
    const { headers } = await handler(event(), context);

    expect(headers).toMatchObject({
      'API-Version': API_VERSION,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
    });
    expect(String(headers?.['Strict-Transport-Security'])).toMatch(/max-age=\d+/);
    expect(String(headers?.['Content-Security-Policy'])).toContain("frame-ancestors 'none'");
  });
});
