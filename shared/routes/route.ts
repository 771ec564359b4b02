import type { ZodType } from 'zod';
import type { Rol } from '../auth/rollen';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Error statuses a route can answer besides the ones every route has (401/403 when not public, 500). */
export type FoutStatus = 400 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429;

export interface ResponseDefinition {
  readonly description: string;
  readonly schema?: ZodType;
  /** Response headers besides API-Version (added to every response). */
  readonly headers?: readonly ('ETag' | 'Location')[];
  /** Also served as CSV (RFC 4180) when the caller sends Accept: text/csv. */
  readonly csv?: true;
}

/**
 * One entry of the route manifest: the single description of an operation that the CDK stack (API
 * Gateway routes, functions), the local runtime (routing, auth) and the OpenAPI generator all read.
 */
export interface RouteDefinition<
  P extends ZodType = ZodType,
  Q extends ZodType = ZodType,
  B extends ZodType = ZodType,
> {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** API Gateway style path with {parameters}, starting with /v1. */
  readonly path: string;
  /** Handler module relative to the project root; exports `handler`. */
  readonly handler: string;
  /** Who may call it. 'public' routes carry no authorizer. */
  readonly roles: readonly Rol[] | 'public';
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly request?: {
    readonly params?: P;
    readonly query?: Q;
    readonly body?: B;
    /** Accepted request content types; the first is documented. Default application/json. */
    readonly contentTypes?: readonly string[];
    /** Larger bodies are refused with 413 before parsing. */
    readonly maxBodyBytes?: number;
    /** 'required' answers 428 without If-Match; either way a stale If-Match answers 412. */
    readonly ifMatch?: 'required' | 'optional';
  };
  readonly responses: { readonly [status: number]: ResponseDefinition };
  readonly errors: readonly FoutStatus[];
  /** Memory chosen from the benchmark's measured peak (see README, Benchmark). */
  readonly memoryMb?: number;
  /**
   * The function creates and deletes machine clients (Cognito app clients with client credentials): the
   * stack gives it the user pool's id and token URL and cognito-idp:Create/DeleteUserPoolClient on that pool.
   */
  readonly machineClients?: true;
}

/** Identity function that keeps each route's literal schema types for the handlers. */
export const route = <P extends ZodType, Q extends ZodType, B extends ZodType>(
  r: RouteDefinition<P, Q, B>,
): RouteDefinition<P, Q, B> => r;

/** Turns `/v1/leden/{lidId}` into a matcher; shared by the local runtime and the not-found handler. */
export const pathPattern = (path: string): RegExp =>
  new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([A-Za-z0-9_]+)\\?\}/g, '(?<$1>[^/]+)')}$`);
