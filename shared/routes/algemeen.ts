import * as z from 'zod';
import { route } from './route';

export const algemeenRoutes = {
  openapiOphalen: route({
    operationId: 'openapiOphalen',
    method: 'GET',
    path: '/v1/openapi.json',
    handler: 'functions/api/openapi/openapi-ophalen.ts',
    roles: 'public',
    tag: 'API',
    summary: 'De OpenAPI-beschrijving van deze API.',
    responses: { 200: { description: 'OpenAPI 3.1 document.', schema: z.record(z.string(), z.unknown()) } },
    errors: [],
  }),
} as const;
