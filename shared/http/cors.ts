import type { HttpMethod } from '../routes/route';

/**
 * The CORS policy of the API, apart from the allowed origins (per deployment). API Gateway's CORS
 * configuration (infra/stacks), the local runtime's preflight answers (infra/local/cors.ts) and the
 * functions' own CORS headers (shared/http/pipeline.ts) all take it from here, so they cannot drift.
 */
export const corsBeleid = {
  // The manifest's methods, written out rather than derived: deriving them would put every route's schemas in
  // every function's bundle (this module is in the pipeline). test/local/http-runtime.test.ts holds them equal.
  allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'] as readonly HttpMethod[],
  allowHeaders: ['Authorization', 'Content-Type', 'If-Match'],
  // Retry-After: the portal's sign-up form must be able to read how long a 429 asks it to wait.
  exposeHeaders: ['API-Version', 'ETag', 'Location', 'Retry-After'],
  maxAgeSeconds: 3600,
} as const;
