import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { CLAIM_ROL, CLAIM_TENANT, ROLLEN, type Rol } from '../../shared/auth/rollen';

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
  };
};
