import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import * as z from 'zod';
import { claimsFor } from '../../functions/auth/token-claims';
import type { Principal } from '../auth/rollen';
import { principalUitClaims } from '../auth/token';
import { dynamo, tabel } from '../store/dynamodb';
import { sleutels } from '../store/sleutels';
import { INLOGGEN, INLOGGEN_TERUG, PORTAAL_BASIS, UITLOGGEN } from './paginas';

/**
 * Signing in to the portal with the deployment's Cognito user pool: OpenID Connect's authorization code flow
 * with PKCE (S256) through the managed login, the code exchanged by the function, never by the browser.
 *
 * What the flow must remember between the redirect to Cognito and the return (the PKCE verifier, the nonce,
 * where to go back to) is a short-lived table item under the SHA-256 of the `state`, not a signed or encrypted
 * cookie: the verifier never leaves the server, so a code that leaks (a log, a browser extension) cannot be
 * redeemed without it; the return deletes the item with a condition, so a replayed callback finds nothing;
 * and there is no cookie key to manage and rotate. The browser holds only the `state` itself, in a
 * `__Host-` cookie, and the return must bring the same `state` in its query: a callback URL made by someone
 * else (login CSRF: signing the victim in as the attacker) does not match the victim's cookie.
 */
/**
 * Locally (PORTAAL_INLOGGEN=lokaal, set only by the local runtime) the sign-in sends the browser here instead
 * of to Cognito: a page of infra/local/local-endpoints.ts that makes the same session for a chosen role.
 */
export const LOKAAL_INLOGGEN = '/local/inloggen';
export const INLOG_COOKIE = '__Host-werkcoop-inloggen';
/** Long enough to type a password and a one-time code, short enough that a forgotten tab expires soon. */
export const INLOGPOGING_SECONDEN = 600;

/**
 * Where to go after signing in: a path of the portal only, never another site (`//evil.example`, `https:…`,
 * `/\evil.example`, which browsers read as a host) and never the sign-in itself (a loop). Anything else is
 * the portal's start.
 */
export const veiligTerug = (terug: string | null | undefined): string => {
  if (!terug || !terug.startsWith('/') || terug.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(terug)) return PORTAAL_BASIS;
  let url: URL;
  try {
    url = new URL(terug, 'https://portaal.invalid');
  } catch {
    return PORTAAL_BASIS;
  }
  if (url.origin !== 'https://portaal.invalid') return PORTAAL_BASIS;
  const pad = url.pathname;
  if (pad !== PORTAAL_BASIS && !pad.startsWith(`${PORTAAL_BASIS}/`)) return PORTAAL_BASIS;
  if (pad === INLOGGEN || pad.startsWith(`${INLOGGEN}/`) || pad === UITLOGGEN) return PORTAAL_BASIS;
  return `${pad}${url.search}`;
};

const b64url = (bytes: Buffer) => bytes.toString('base64url');
const sha256 = (tekst: string) => createHash('sha256').update(tekst, 'utf8').digest();
const STATE = /^[A-Za-z0-9_-]{43}$/;

export interface Inlogpoging {
  readonly state: string;
  readonly verifier: string;
  readonly nonce: string;
  readonly terug: string;
}

const PogingItem = z.object({ entiteit: z.literal('Inlogpoging'), verifier: z.string(), nonce: z.string(), terug: z.string(), verlooptOp: z.number() });

/** A new sign-in: random state, PKCE verifier and nonce (32 bytes each), stored until the return or 10 minutes. */
export const begin = async (terug: string, nu = new Date()): Promise<Inlogpoging> => {
  const poging = { state: b64url(randomBytes(32)), verifier: b64url(randomBytes(32)), nonce: b64url(randomBytes(32)), terug: veiligTerug(terug) };
  await dynamo().send(
    new PutCommand({
      TableName: tabel(),
      Item: {
        ...sleutels.inlogpoging(sha256(poging.state).toString('hex')),
        entiteit: 'Inlogpoging',
        verifier: poging.verifier,
        nonce: poging.nonce,
        terug: poging.terug,
        verlooptOp: Math.floor(nu.getTime() / 1000) + INLOGPOGING_SECONDEN,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return poging;
};

/**
 * The return: the state in the query must be the one in this browser's cookie, and its item is deleted in
 * the same request that reads it, so each sign-in can be completed once. Undefined for anything else:
 * no cookie, another state, used, expired (DynamoDB's TTL deletes late: the item's own end is checked).
 */
export const neem = async (stateUitQuery: string | null, stateUitCookie: string | undefined, nu = new Date()): Promise<Inlogpoging | undefined> => {
  if (!stateUitQuery || !stateUitCookie || !STATE.test(stateUitQuery)) return undefined;
  const a = Buffer.from(stateUitQuery);
  const b = Buffer.from(stateUitCookie);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return undefined;
  try {
    const { Attributes } = await dynamo().send(
      new DeleteCommand({
        TableName: tabel(),
        Key: sleutels.inlogpoging(sha256(stateUitQuery).toString('hex')),
        ConditionExpression: 'attribute_exists(pk)',
        ReturnValues: 'ALL_OLD',
      }),
    );
    const r = PogingItem.safeParse(Attributes);
    if (!r.success || r.data.verlooptOp < nu.getTime() / 1000) return undefined;
    return { state: stateUitQuery, verifier: r.data.verifier, nonce: r.data.nonce, terug: r.data.terug };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
};

/** The state's cookie: Lax is sent on the top-level return from Cognito's domain; it lives as long as the attempt. */
export const inlogCookie = (state: string): string => `${INLOG_COOKIE}=${state}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=${INLOGPOGING_SECONDEN}`;
export const wisInlogCookie = (): string => `${INLOG_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0`;

/** A sign-in that cannot be completed; the page says so and offers to start again. */
export class InloggenMislukt extends Error {
  constructor(
    readonly reden: 'poging' | 'code' | 'idToken' | 'geenRol' | 'idp',
    detail: string,
  ) {
    super(detail);
    this.name = 'InloggenMislukt';
  }
}

export interface OidcInstellingen {
  /** The user pool's issuer, https://cognito-idp.<region>.amazonaws.com/<poolId>; its JWKS is under /.well-known/jwks.json. */
  readonly issuer: string;
  readonly clientId: string;
  /** The managed login's domain (https://<prefix>.auth.<region>.amazoncognito.com): /oauth2/authorize, /oauth2/token, /logout. */
  readonly loginUrl: string;
  /** The portal's origin: the redirect URI is <portaal>/portaal/inloggen/terug, the logout URI <portaal>/portaal. */
  readonly portaal: string;
}

export interface Ingelogd {
  readonly principal: Principal;
  readonly naam: string;
  /** The account's address, under which the session is listed so that revoking the account ends it. */
  readonly email?: string;
}

const TOKEN_ANTWOORD = z.object({ id_token: z.string().min(1) });

/**
 * The person of a verified ID token: role and tenant from the account's attributes (`custom:rol`,
 * `custom:tenant`), mapped exactly as the pre-token-generation trigger maps them for the API's access
 * tokens and checked as the API checks a token's claims. An account without a valid role signs in to nothing.
 */
export const ingelogdUit = (claims: JWTPayload): Ingelogd | undefined => {
  const attributen = Object.fromEntries(Object.entries(claims).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const principal = principalUitClaims({ ...claimsFor(attributen), sub: claims.sub });
  if (!principal || principal.rol === 'systeem') return undefined;
  const naam = typeof claims.name === 'string' && claims.name ? claims.name : typeof claims.email === 'string' ? claims.email : principal.subject;
  return { principal, naam, ...(typeof claims.email === 'string' && claims.email ? { email: claims.email } : {}) };
};

/** OpenID Connect against the user pool: the authorize URL, the code exchange with ID token check, the logout URL. */
export const oidcClient = (o: OidcInstellingen) => {
  const redirectUri = `${o.portaal}${INLOGGEN_TERUG}`;
  const sleutels = createRemoteJWKSet(new URL(`${o.issuer}/.well-known/jwks.json`), { cacheMaxAge: 10 * 60_000, timeoutDuration: 5_000 });
  return {
    redirectUri,
    autorisatieUrl(p: Inlogpoging): string {
      const q = new URLSearchParams({
        response_type: 'code',
        client_id: o.clientId,
        redirect_uri: redirectUri,
        scope: 'openid email',
        state: p.state,
        nonce: p.nonce,
        code_challenge: b64url(sha256(p.verifier)),
        code_challenge_method: 'S256',
      });
      return `${o.loginUrl}/oauth2/authorize?${q}`;
    },

    /** Exchanges the code (with the verifier) at the token endpoint and verifies the ID token it answers. */
    async wissel(code: string, p: Inlogpoging): Promise<Ingelogd> {
      let antwoord: Response;
      try {
        antwoord = await fetch(`${o.loginUrl}/oauth2/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams({ grant_type: 'authorization_code', client_id: o.clientId, code, redirect_uri: redirectUri, code_verifier: p.verifier }),
          signal: AbortSignal.timeout(8_000),
          redirect: 'error',
        });
      } catch (error) {
        throw new InloggenMislukt('idp', `token endpoint unreachable: ${(error as Error).message}`);
      }
      // 400 invalid_grant: a used, expired or foreign code, or a verifier that does not match.
      if (antwoord.status >= 400 && antwoord.status < 500) throw new InloggenMislukt('code', `token endpoint answered ${antwoord.status}`);
      if (!antwoord.ok) throw new InloggenMislukt('idp', `token endpoint answered ${antwoord.status}`);
      const body = TOKEN_ANTWOORD.safeParse(await antwoord.json().catch(() => undefined));
      if (!body.success) throw new InloggenMislukt('idp', 'the token endpoint answered no id_token');
      let claims: JWTPayload;
      try {
        ({ payload: claims } = await jwtVerify(body.data.id_token, sleutels, {
          issuer: o.issuer,
          audience: o.clientId,
          algorithms: ['RS256'],
          clockTolerance: 5,
          requiredClaims: ['exp', 'iat', 'sub', 'nonce'],
        }));
      } catch (error) {
        if (error instanceof joseErrors.JOSEError) throw new InloggenMislukt('idToken', `ID token refused: ${error.code}`);
        throw error;
      }
      if (claims.token_use !== 'id') throw new InloggenMislukt('idToken', 'not an ID token');
      const nonce = Buffer.from(String(claims.nonce));
      const verwacht = Buffer.from(p.nonce);
      if (nonce.length !== verwacht.length || !timingSafeEqual(nonce, verwacht)) throw new InloggenMislukt('idToken', 'nonce does not match');
      const wie = ingelogdUit(claims);
      if (!wie) throw new InloggenMislukt('geenRol', 'the account has no valid role and tenant');
      return wie;
    },

    /** Cognito's logout ends its own session too, then sends the browser to the portal's start. */
    uitlogUrl: (): string => `${o.loginUrl}/logout?${new URLSearchParams({ client_id: o.clientId, logout_uri: `${o.portaal}${PORTAAL_BASIS}` })}`,
  };
};
export type OidcClient = ReturnType<typeof oidcClient>;
