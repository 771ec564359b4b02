import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import * as z from 'zod';
import { requireEnv } from '../config/env';
import { HttpProblem } from '../http/problem';
import { API_SCOPE, CLAIM_ROL, CLAIM_TENANT, type Principal } from './rollen';

/**
 * Bearer token verification, done in the function rather than by an API Gateway JWT authorizer: the
 * authorizer's 401 cannot be shaped into problem+json, which the NL API Design Rules require. The checks
 * are the authorizer's: RS256 signature against the issuer's JWKS, `iss`, `exp`/`nbf`, and the audience
 * in `aud` or (Cognito access tokens) `client_id`. The same code runs in AWS and locally.
 */
let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
const keySet = () => (jwks ??= createRemoteJWKSet(new URL(requireEnv('JWKS_URL')), { cacheMaxAge: 10 * 60_000 }));

const onbevoegd = (detail: string) =>
  new HttpProblem(401, 'Niet geauthenticeerd', detail, {
    slug: 'niet-geauthenticeerd',
    headers: { 'WWW-Authenticate': 'Bearer realm="werkcoop"' },
  });

const Tenant = {
  gemeente: z.string().regex(/^GM\d{4}$/),
  werkgever: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/),
  regiopartner: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/),
};

/**
 * The principal of werkcoop claims (`werkcoop:rol`, `werkcoop:tenant`, `sub`), the tenant checked by its
 * shape; undefined when either is missing or wrong. The API's tokens and the portal's sign-in both use it.
 */
export const principalUitClaims = (claims: Readonly<Record<string, unknown>>): Principal | undefined => {
  const rol = claims[CLAIM_ROL];
  const tenant = claims[CLAIM_TENANT];
  const subject = typeof claims.sub === 'string' ? claims.sub : undefined;
  if (!subject) return undefined;
  switch (rol) {
    case 'coopAdmin':
    case 'systeem':
      return { rol, subject };
    case 'gemeente':
      return Tenant.gemeente.safeParse(tenant).success ? { rol, subject, gemeente: tenant as string } : undefined;
    case 'werkgever':
      return Tenant.werkgever.safeParse(tenant).success ? { rol, subject, lidId: tenant as string } : undefined;
    case 'regiopartner':
      return Tenant.regiopartner.safeParse(tenant).success ? { rol, subject, partnerId: tenant as string } : undefined;
    default:
      return undefined;
  }
};

export const verifieerToken = async (authorization: string | undefined): Promise<Principal> => {
  const match = authorization?.match(/^Bearer ([A-Za-z0-9._~+/-]+=*)$/);
  if (!match?.[1]) throw onbevoegd('Stuur een geldig toegangstoken mee: Authorization: Bearer <token>.');
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(match[1], keySet(), {
      issuer: requireEnv('JWT_ISSUER'),
      algorithms: ['RS256'],
      clockTolerance: 5,
      // jose checks exp only when present: a token without one would never expire (found by the security
      // suite). Cognito's access tokens always carry exp and sub.
      requiredClaims: ['exp', 'sub'],
    }));
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) throw onbevoegd('Het toegangstoken is ongeldig of verlopen.');
    throw error;
  }
  const audiences = requireEnv('JWT_AUDIENCE').split(',');
  const aud = [claims.aud ?? [], claims.client_id ?? []].flat().filter((a): a is string => typeof a === 'string');
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  if (!aud.some((a) => audiences.includes(a)) && !scopes.includes(API_SCOPE))
    throw onbevoegd('Het toegangstoken is niet voor deze API bedoeld.');
  if (claims.token_use !== undefined && claims.token_use !== 'access') throw onbevoegd('Gebruik een access token, geen ID-token.');
  const principal = principalUitClaims(claims);
  if (!principal) throw onbevoegd('Het toegangstoken mist een geldige rol of tenant.');
  return principal;
};
