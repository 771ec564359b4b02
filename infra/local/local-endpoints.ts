import type { IncomingMessage } from 'node:http';
import { ROLLEN, type Rol } from '../../shared/auth/rollen';
import { gatewayError, jsonResponse, type HttpResponse } from './api-gateway';
import { clientCredentialsToken, LOCAL_TOKEN_PATH, type ClientCredentialsDeps, type LocalIssuer } from './issuer';
import { lokaalInloggen, type LokaalInloggenDeps } from './inloggen';
import type { MailOutbox } from './mail-outbox';
import { LOKAAL_INLOGGEN } from '../../shared/web/inloggen';
import { UnknownJobError } from './scheduler';
import { UnknownQueueError } from './sqs-poller';

/**
 * Endpoints that exist only locally, under /local: never in the route manifest, never deployed.
 * In AWS their counterparts are Cognito (tokens, JWKS), SES (mail) and the SQS console (redrive).
 */
export interface LocalEndpointDeps {
  readonly issuer: () => LocalIssuer;
  readonly outbox: MailOutbox;
  readonly redriveDlq: (queue: string) => Promise<number>;
  /** Runs a scheduled job now (`npm run job -- <name>`); answers its result. */
  readonly runJob: (name: string, event: unknown) => Promise<unknown>;
  readonly overview: () => unknown;
  /** The client-credentials token endpoint of machine clients (approved regiopartners). */
  readonly clientCredentials?: ClientCredentialsDeps;
  /** The portal's local sign-in page (where Cognito's managed login is in AWS). */
  readonly inloggen?: LokaalInloggenDeps;
}

const TOKEN_LIFETIME_SECONDS = 3600;

const parseJson = (body: Buffer): unknown => {
  try {
    return body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    return undefined;
  }
};

export const localEndpoints =
  (deps: LocalEndpointDeps) =>
  async (req: IncomingMessage, path: string, body: Buffer): Promise<HttpResponse | undefined> => {
    const method = req.method ?? 'GET';
    if (method === 'GET' && (path === '/local' || path === '/local/')) return jsonResponse(200, deps.overview());
    if (method === 'GET' && path === '/local/jwks.json') return jsonResponse(200, deps.issuer().jwks());

    if (method === 'POST' && path === '/local/tokens') {
      const input = parseJson(body) as { rol?: unknown; tenant?: unknown; subject?: unknown } | undefined;
      const rol = input?.rol;
      if (typeof rol !== 'string' || !ROLLEN.includes(rol as Rol)) {
        return gatewayError(400, `give {"rol": one of ${ROLLEN.join(', ')}, "tenant": gemeente code, lid id or partner id}`);
      }
      try {
        const accessToken = await deps.issuer().mintToken({
          rol: rol as Rol,
          ...(typeof input?.tenant === 'string' ? { tenant: input.tenant } : {}),
          ...(typeof input?.subject === 'string' ? { subject: input.subject } : {}),
          expiresIn: TOKEN_LIFETIME_SECONDS,
        });
        return jsonResponse(200, { access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS });
      } catch (error) {
        return gatewayError(400, (error as Error).message);
      }
    }

    if (method === 'POST' && path === LOCAL_TOKEN_PATH && deps.clientCredentials) {
      const r = await clientCredentialsToken(deps.clientCredentials, {
        contentType: req.headers['content-type'],
        authorization: req.headers.authorization,
        body,
      });
      return jsonResponse(r.status, r.body, r.headers);
    }

    if ((method === 'GET' || method === 'POST') && path === LOKAAL_INLOGGEN && deps.inloggen)
      return lokaalInloggen(deps.inloggen, method, new URL(req.url ?? '/', 'http://lokaal').searchParams, body);

    if (method === 'GET' && path === '/local/mail') return jsonResponse(200, { mails: deps.outbox.list() });

    const redrive = /^\/local\/dlq\/([^/]+)\/redrive$/.exec(path);
    if (method === 'POST' && redrive?.[1]) {
      const queue = decodeURIComponent(redrive[1]);
      try {
        return jsonResponse(200, { queue, redriven: await deps.redriveDlq(queue) });
      } catch (error) {
        if (error instanceof UnknownQueueError) return gatewayError(404, error.message);
        throw error;
      }
    }

    const job = /^\/local\/jobs\/([^/]+)\/run$/.exec(path);
    if (method === 'POST' && job?.[1]) {
      const event = parseJson(body);
      if (event === undefined || typeof event !== 'object' || event === null) return gatewayError(400, 'the body is the job\'s event: a JSON object, e.g. {"datum": "2026-11-27"}');
      try {
        return jsonResponse(200, { job: job[1], result: await deps.runJob(decodeURIComponent(job[1]), event) });
      } catch (error) {
        if (error instanceof UnknownJobError) return gatewayError(404, error.message);
        return gatewayError(500, `job failed: ${(error as Error).message}`);
      }
    }
    return undefined;
  };
