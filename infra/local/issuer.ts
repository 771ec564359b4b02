import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { LokaalClientRegister } from '../../shared/auth/machine-clients';
import { API_SCOPE, CLAIM_ROL, CLAIM_TENANT, ROLLEN, type Rol } from '../../shared/auth/rollen';

/** The audience (and client id) of locally minted tokens; JWT_AUDIENCE is set to it for the handlers. */
export const LOCAL_AUDIENCE = 'werkcoop-lokaal';
const ALG = 'RS256';
/** Scopes of the client-credentials clients in the user pool, by role; one per role keeps it readable. */
const scopeOf = (rol: Rol): string => `werkcoop/${rol}`;

export interface MintTokenOptions {
  readonly rol: Rol;
  /** gemeente: CBS code (GM0363); werkgever: lid id; regiopartner: partner id. Required for those roles. */
  readonly tenant?: string;
  readonly subject?: string;
  /** Seconds, or a jose time span ('1h'). Default one hour, as Cognito's access tokens. */
  readonly expiresIn?: number | string;
  /** Override to test that handlers refuse tokens for another audience or from another issuer. */
  readonly audience?: string;
  readonly issuer?: string;
  readonly scope?: string;
}

export interface LocalIssuer {
  /** e.g. http://localhost:3000/local — the `iss` of every token and the base of the JWKS URL. */
  readonly issuerUrl: string;
  readonly jwksUrl: string;
  readonly audience: string;
  jwks(): { keys: JWK[] };
  mintToken(options: MintTokenOptions): Promise<string>;
  /**
   * A client-credentials access token as Cognito issues one: `sub` and `client_id` are the client, the
   * scope is the resource server's, and the werkcoop claims are what the pre-token-generation trigger
   * added (none for an unregistered client, which the API then refuses).
   */
  mintClientCredentialsToken(options: { clientId: string; scope: string; claims: Readonly<Record<string, string>>; expiresIn: number }): Promise<string>;
}

const TENANT_ROLLEN: readonly Rol[] = ['gemeente', 'werkgever', 'regiopartner'];

interface StoredKey {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

const newKey = async (): Promise<StoredKey> => {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true, modulusLength: 2048 });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALG, use: 'sig' },
    publicJwk: { ...publicJwk, kid, alg: ALG, use: 'sig' },
  };
};

/**
 * The dev key: persisted under the data dir for `npm start`, so tokens minted yesterday (or by
 * `npm run token` without the server) still verify; ephemeral when no file is given (tests).
 */
const loadOrCreateKey = async (keyFile: string | undefined): Promise<StoredKey> => {
  if (keyFile && existsSync(keyFile)) return JSON.parse(readFileSync(keyFile, 'utf8')) as StoredKey;
  const key = await newKey();
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(key, null, 2), { mode: 0o600 });
  }
  return key;
};

export const issuerKeyFile = (dataDir: string): string => join(dataDir, 'issuer', 'dev-key.json');
/** The local accounts of partners' staff (shared/auth/gebruikersaccounts.ts), as the user pool holds them in AWS. */
export const localUsersDir = (dataDir: string): string => join(dataDir, 'issuer', 'gebruikers');
export const localIssuerUrl = (baseUrl: string): string => `${baseUrl}/local`;

export const createLocalIssuer = async (options: { baseUrl: string; keyFile?: string }): Promise<LocalIssuer> => {
  const key = await loadOrCreateKey(options.keyFile);
  const privateKey = await importJWK(key.privateJwk, ALG);
  const issuerUrl = localIssuerUrl(options.baseUrl);

  return {
    issuerUrl,
    jwksUrl: `${issuerUrl}/jwks.json`,
    audience: LOCAL_AUDIENCE,
    jwks: () => ({ keys: [key.publicJwk] }),
    async mintToken(o) {
      if (!ROLLEN.includes(o.rol)) throw new Error(`unknown rol ${String(o.rol)}; one of ${ROLLEN.join(', ')}`);
      if (TENANT_ROLLEN.includes(o.rol) && !o.tenant) throw new Error(`rol ${o.rol} needs a tenant`);
      const audience = o.audience ?? LOCAL_AUDIENCE;
      // Shaped like a Cognito access token (client_id, token_use, scope) plus the aud the verifier checks.
      return new SignJWT({
        client_id: audience,
        token_use: 'access',
        scope: o.scope ?? scopeOf(o.rol),
        [CLAIM_ROL]: o.rol,
        ...(o.tenant ? { [CLAIM_TENANT]: o.tenant } : {}),
      })
        .setProtectedHeader({ alg: ALG, kid: key.publicJwk.kid ?? '', typ: 'JWT' })
        .setIssuer(o.issuer ?? issuerUrl)
        .setAudience(audience)
        .setSubject(o.subject ?? `lokaal-${o.rol}${o.tenant ? `-${o.tenant}` : ''}`)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime(typeof o.expiresIn === 'number' ? Math.floor(Date.now() / 1000) + o.expiresIn : (o.expiresIn ?? '1h'))
        .sign(privateKey);
    },
    async mintClientCredentialsToken({ clientId, scope, claims, expiresIn }) {
      return new SignJWT({ ...claims, client_id: clientId, token_use: 'access', scope })
        .setProtectedHeader({ alg: ALG, kid: key.publicJwk.kid ?? '', typ: 'JWT' })
        .setIssuer(issuerUrl)
        .setSubject(clientId)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn)
        .sign(privateKey);
    },
  };
};

/** The local OAuth 2.0 token endpoint (client credentials), where Cognito's /oauth2/token is in AWS. */
export const LOCAL_TOKEN_PATH = '/local/oauth2/token';
export const localTokenUrl = (baseUrl: string): string => `${baseUrl}${LOCAL_TOKEN_PATH}`;

export interface ClientCredentialsDeps {
  readonly issuer: () => LocalIssuer;
  /** The registry the approval's local machine-client adapter writes (shared/auth/machine-clients.ts). */
  readonly clients: Pick<LokaalClientRegister, 'controleer'>;
  /** The claims the Cognito trigger (functions/auth/token-claims.ts) gives this client. */
  readonly claims: (clientId: string) => Promise<Record<string, string>>;
}

export interface TokenAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Record<string, string>;
}

const CLIENT_CREDENTIALS_LIFETIME_SECONDS = 3600;
const formDecode = (v: string): string => {
  try {
    return decodeURIComponent(v.replace(/\+/g, ' '));
  } catch {
    return v;
  }
};
const oauthFout = (status: number, error: string, description: string, headers: Record<string, string> = {}): TokenAnswer => ({
  status,
  body: { error, error_description: description },
  headers: { 'cache-control': 'no-store', ...headers },
});

/**
 * RFC 6749 §4.4 as Cognito answers it: a form post with grant_type=client_credentials, the client
 * authenticated by HTTP Basic (client_secret_basic) or by client_id and client_secret in the form
 * (client_secret_post); the only scope is the API's. Checks the secret against the registry's hash.
 */
export const clientCredentialsToken = async (
  deps: ClientCredentialsDeps,
  request: { contentType: string | undefined; authorization: string | undefined; body: Buffer },
): Promise<TokenAnswer> => {
  if ((request.contentType ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/x-www-form-urlencoded')
    return oauthFout(400, 'invalid_request', 'send the request as application/x-www-form-urlencoded');
  const form = new URLSearchParams(request.body.toString('utf8'));
  let clientId = form.get('client_id') ?? undefined;
  let clientSecret = form.get('client_secret') ?? undefined;
  const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(request.authorization ?? '');
  if (basic?.[1]) {
    // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
    const [id, ...geheim] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
    clientId = formDecode(id ?? '');
    clientSecret = formDecode(geheim.join(':'));
  }
  if (form.get('grant_type') !== 'client_credentials') return oauthFout(400, 'unsupported_grant_type', 'only grant_type=client_credentials');
  if (!clientId || !clientSecret || !(await deps.clients.controleer(clientId, clientSecret)))
    return oauthFout(401, 'invalid_client', 'unknown client or wrong secret', basic ? { 'www-authenticate': 'Basic realm="werkcoop"' } : {});
  const scope = form.get('scope') ?? API_SCOPE;
  if (scope.split(' ').some((s) => s !== API_SCOPE)) return oauthFout(400, 'invalid_scope', `the only scope is ${API_SCOPE}`);
  const accessToken = await deps.issuer().mintClientCredentialsToken({
    clientId,
    scope: API_SCOPE,
    claims: await deps.claims(clientId),
    expiresIn: CLIENT_CREDENTIALS_LIFETIME_SECONDS,
  });
  return {
    status: 200,
    body: { access_token: accessToken, token_type: 'Bearer', expires_in: CLIENT_CREDENTIALS_LIFETIME_SECONDS },
    headers: { 'cache-control': 'no-store' },
  };
};
