import type { Context } from 'aws-lambda';
import * as z from 'zod';
import type { ZodType } from 'zod';
import type { Principal } from '../auth/rollen';
import { verifieerToken } from '../auth/token';
import { verbodenVelden, vormVoorRol } from '../privacy/rolvorm';
import type { RouteDefinition } from '../routes/route';
import { HttpProblem, ongeldigeInvoer, type InvalidParam } from './problem';
import { httpPipeline, type HttpEvent, type HttpResponse } from './pipeline';

type Infer<T> = T extends ZodType ? z.output<T> : undefined;

export interface HttpRequest<P, Q, B, Pub extends boolean> {
  readonly principal: Pub extends true ? undefined : Principal;
  readonly params: Infer<P>;
  readonly query: Infer<Q>;
  readonly body: Infer<B>;
  /** The version the caller last saw (If-Match), when it sent one. */
  readonly ifMatch: number | undefined;
  readonly event: HttpEvent;
  readonly context: Context;
}

export interface HttpResult {
  readonly status: number;
  readonly body?: unknown;
  /** The object's version, sent as a strong ETag. */
  readonly versie?: number;
  readonly location?: string;
  /** The same answer in another representation the caller asked for (Accept), sent instead of the JSON body. */
  readonly representatie?: { readonly contentType: string; readonly inhoud: string };
}

/** Whether the caller asked for CSV (Accept: text/csv), on a route whose answer has a CSV representation. */
export const wilCsv = (event: HttpEvent): boolean => /(^|,)\s*text\/csv\b/i.test(event.headers.accept ?? '');

const STANDAARD_MAX_BODY = 16 * 1024;

/**
 * What a route without query parameters accepts: none. Without it, `?status=open` on such a route was
 * ignored and answered 200 as if it had filtered (found by the security suite's fuzzing); a route with
 * query parameters already refuses unknown ones (strict schemas), and now every route does.
 */
const GEEN_QUERY = z.strictObject({});

const bodyTekst = (event: HttpEvent): string | undefined => {
  if (event.body === undefined || event.body === '') return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
};

/** `"3"` or `W/"3"` → 3; `*` → undefined (any version); anything else is a client error. */
const leesIfMatch = (header: string | undefined, problemen: InvalidParam[]): number | undefined => {
  if (header === undefined || header.trim() === '*') return undefined;
  const m = header.trim().match(/^(?:W\/)?"(\d{1,9})"$/);
  if (!m?.[1]) {
    problemen.push({ name: 'header.If-Match', code: 'invalid_etag', reason: 'If-Match moet een ETag zijn zoals "3".' });
    return undefined;
  }
  return Number(m[1]);
};

const valideer = (deel: 'path' | 'query' | 'body', schema: ZodType | undefined, waarde: unknown, problemen: InvalidParam[]) => {
  if (!schema) return undefined;
  const r = schema.safeParse(waarde);
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    const pad = issue.path.map(String);
    // Unknown keys are reported per key, so a client sees each field it must remove.
    const namen = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...pad, k]) : [pad];
    for (const n of namen) problemen.push({ name: [deel, ...n].join('.'), code: issue.code, reason: issue.message });
  }
  return undefined;
};

/**
 * Wraps one manifest route: authenticates and authorises by the route's roles, enforces size and content
 * type, validates path, query and body against the route's schemas (every error at once), and maps the
 * use case's result to HTTP. Handlers stay one line: parse → use case → answer.
 */
export const httpHandler = <P extends ZodType, Q extends ZodType, B extends ZodType, const R extends RouteDefinition<P, Q, B>>(
  route: R & RouteDefinition<P, Q, B>,
  useCase: (request: HttpRequest<P, Q, B, R['roles'] extends 'public' ? true : false>) => Promise<HttpResult>,
) =>
  httpPipeline(async (event, context): Promise<HttpResponse> => {
    let principal: Principal | undefined;
    if (route.roles !== 'public') {
      principal = await verifieerToken(event.headers.authorization);
      if (!route.roles.includes(principal.rol))
        throw new HttpProblem(403, 'Geen toegang', `De rol ${principal.rol} mag ${route.operationId} niet gebruiken.`, { slug: 'geen-toegang' });
    }

    const problemen: InvalidParam[] = [];
    const spec = route.request ?? {};
    const tekst = bodyTekst(event);
    let json: unknown;
    if (tekst !== undefined) {
      const max = spec.maxBodyBytes ?? STANDAARD_MAX_BODY;
      if (Buffer.byteLength(tekst, 'utf8') > max)
        throw new HttpProblem(413, 'Verzoek te groot', `De body mag hoogstens ${max} bytes zijn.`, { slug: 'te-groot' });
      const toegestaan = spec.contentTypes ?? ['application/json'];
      const mediaType = (event.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!toegestaan.includes(mediaType))
        throw new HttpProblem(415, 'Niet ondersteund mediatype', `Stuur de body als ${toegestaan.join(' of ')}.`, { slug: 'mediatype' });
      try {
        json = JSON.parse(tekst);
      } catch {
        problemen.push({ name: 'body', code: 'invalid_json', reason: 'De body is geen geldige JSON.' });
      }
    }
    if (!spec.body && json !== undefined && !(typeof json === 'object' && json !== null && Object.keys(json).length === 0))
      problemen.push({ name: 'body', code: 'unexpected_body', reason: 'Deze operatie verwacht geen body.' });

    const params = valideer('path', spec.params, event.pathParameters ?? {}, problemen);
    const query = valideer('query', spec.query ?? GEEN_QUERY, event.queryStringParameters ?? {}, problemen);
    const body =
      spec.body && json === undefined && !problemen.some((p) => p.name === 'body')
        ? (problemen.push({ name: 'body', code: 'required', reason: 'Deze operatie verwacht een JSON-body.' }), undefined)
        : json !== undefined
          ? valideer('body', spec.body, json, problemen)
          : undefined;
    const ifMatch = spec.ifMatch ? leesIfMatch(event.headers['if-match'], problemen) : undefined;
    if (problemen.length > 0) throw ongeldigeInvoer(problemen);
    // A field this role may not set (another role may): refused by name, nothing done (shared/privacy/rolvorm.ts).
    const verboden = verbodenVelden(route.operationId, principal, body);
    if (verboden.length > 0)
      throw new HttpProblem(403, 'Veld niet toegestaan voor deze rol', `De rol ${principal!.rol} mag ${verboden.map((v) => v.name).join(', ')} niet zetten.`, {
        slug: 'veld-niet-toegestaan',
        invalidParams: verboden,
      });
    if (spec.ifMatch === 'required' && event.headers['if-match'] === undefined)
      throw new HttpProblem(428, 'If-Match vereist', 'Haal het object eerst op en stuur zijn ETag mee in If-Match.', { slug: 'if-match-vereist' });

    const result = await useCase({ principal, params, query, body, ifMatch, event, context } as never);
    // The answer as this role may see it: employers never get gemeente-internal fields (shared/privacy/rolvorm.ts).
    const uit = vormVoorRol(principal, route.responses[result.status]?.schema, result.body);
    const headers: Record<string, string> = {};
    if (result.representatie) return { statusCode: result.status, headers: { 'Content-Type': result.representatie.contentType }, body: result.representatie.inhoud };
    if (result.body !== undefined) headers['Content-Type'] = 'application/json';
    if (result.versie !== undefined) headers.ETag = `"${result.versie}"`;
    if (result.location) headers.Location = result.location;
    return {
      statusCode: result.status,
      headers,
      ...(uit !== undefined ? { body: JSON.stringify(uit) } : {}),
    };
  });
