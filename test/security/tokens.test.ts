import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ulid } from 'ulidx';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuerKeyFile } from '../../infra/local/issuer';
import type { LocalRuntime } from '../../infra/local/runtime';
import { CLAIM_ROL, CLAIM_TENANT, type Rol } from '../../shared/auth/rollen';
import { allRoutes } from '../../shared/routes/manifest';
import type { RouteDefinition } from '../../shared/routes/route';
import { startTestRuntime } from '../support/runtime';
import { PARAMETERS } from './fixtures';
import { isProblem, kort, stuur } from './verzoek';

/**
 * Bearer tokens the API must refuse with 401 problem+json (and WWW-Authenticate: Bearer), before reading
 * anything: expired, not yet valid, another issuer or audience, another key, `alg: none`, HS256 with the
 * public key, a payload changed under its signature, missing or unknown role and tenant, an ID token, no
 * expiry, and malformed Authorization headers. Every case on every non-public route; a correctly made token
 * of an allowed role is the control that proves the refusals are the verifier's, not a broken test token.
 *
 * Tokens are signed here with the local issuer's own key (the runtime persists it under its data dir), so
 * each case changes exactly one thing of a token the verifier would otherwise accept.
 */
type Sleutel = Parameters<SignJWT['sign']>[0];

let rt: LocalRuntime;
let sleutel: Sleutel;
let kid: string;
let publiekeJwk: JWK;
let vreemdeSleutel: Sleutel;
const telling = { routes: 0, verzoeken: 0, perGeval: new Map<string, number>() };

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'werkcoop-tokens-'));
  rt = await startTestRuntime({ dataDir, scheduler: { automatic: false } });
  const opgeslagen = JSON.parse(readFileSync(issuerKeyFile(dataDir), 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
  sleutel = await importJWK(opgeslagen.privateJwk, 'RS256');
  kid = opgeslagen.publicJwk.kid!;
  publiekeJwk = opgeslagen.publicJwk;
  vreemdeSleutel = (await generateKeyPair('RS256')).privateKey;
}, 60_000);

afterAll(async () => {
  console.log(
    `[security] tokens: ${telling.perGeval.size} token cases on ${steekproef.size} routes (one of each kind), ${KERN.size} of them on all ${telling.routes} non-public routes: ` +
      `${telling.verzoeken} requests, each refused with 401 before any read; the control token (one change less) accepted on every route`,
  );
  await rt?.stop();
});

const nu = () => Math.floor(Date.now() / 1000);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** The claims of a token the verifier accepts, for a role with its tenant; each case changes one thing. */
const claims = (rol: Rol, tenant: string | undefined): JWTPayload => ({
  iss: rt.issuer.issuerUrl,
  aud: rt.issuer.audience,
  client_id: rt.issuer.audience,
  token_use: 'access',
  scope: `werkcoop/${rol}`,
  sub: `security-${rol}`,
  jti: randomUUID(),
  iat: nu(),
  exp: nu() + 3600,
  [CLAIM_ROL]: rol,
  ...(tenant ? { [CLAIM_TENANT]: tenant } : {}),
});

const teken = (payload: JWTPayload, opties: { sleutel?: Sleutel; kid?: string } = {}) =>
  new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: opties.kid ?? kid, typ: 'JWT' }).sign(opties.sleutel ?? sleutel);

const zonder = (p: JWTPayload, ...namen: string[]) => Object.fromEntries(Object.entries(p).filter(([k]) => !namen.includes(k)));

/** A tenant of the right shape for each role (the token is refused or accepted before any object is read). */
const TENANT: Record<Rol, string | undefined> = { coopAdmin: undefined, systeem: undefined, gemeente: 'GM0363', werkgever: ulid(), regiopartner: ulid() };

type Geval = { naam: string; authorization: (rol: Rol) => Promise<string | undefined> };

const GEVALLEN: readonly Geval[] = [
  { naam: 'verlopen', authorization: async (r) => `Bearer ${await teken({ ...claims(r, TENANT[r]), iat: nu() - 7200, exp: nu() - 600 })}` },
  { naam: 'nog niet geldig (nbf)', authorization: async (r) => `Bearer ${await teken({ ...claims(r, TENANT[r]), nbf: nu() + 600 })}` },
  { naam: 'andere uitgever', authorization: async (r) => `Bearer ${await teken({ ...claims(r, TENANT[r]), iss: 'https://login.example.com/local' })}` },
  { naam: 'uitgever met een slash meer', authorization: async (r) => `Bearer ${await teken({ ...claims(r, TENANT[r]), iss: `${rt.issuer.issuerUrl}/` })}` },
  { naam: 'andere audience', authorization: async (r) => `Bearer ${await teken({ ...claims(r, TENANT[r]), aud: 'andere-api', client_id: 'andere-client' })}` },
  { naam: 'andere sleutel, zelfde kid', authorization: async (r) => `Bearer ${await teken(claims(r, TENANT[r]), { sleutel: vreemdeSleutel })}` },
  { naam: 'andere sleutel, onbekende kid', authorization: async (r) => `Bearer ${await teken(claims(r, TENANT[r]), { sleutel: vreemdeSleutel, kid: 'onbekend' })}` },
  { naam: 'alg none', authorization: async (r) => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims(r, TENANT[r]))}.` },
  { naam: 'alg none met kid', authorization: async (r) => `Bearer ${b64({ alg: 'none', kid, typ: 'JWT' })}.${b64(claims(r, TENANT[r]))}.` },
  {
    naam: 'HS256 met de publieke sleutel als geheim',
    authorization: async (r) =>
      `Bearer ${await new SignJWT(claims(r, TENANT[r])).setProtectedHeader({ alg: 'HS256', kid }).sign(new TextEncoder().encode(JSON.stringify(publiekeJwk)))}`,
  },
  {
    naam: 'payload vervangen onder een geldige handtekening',
    authorization: async (r) => {
      const [kop, , handtekening] = (await teken(claims('werkgever', TENANT.werkgever))).split('.');
      return `Bearer ${kop}.${b64(claims(r, TENANT[r]))}.${handtekening}`;
    },
  },
  { naam: 'zonder rol', authorization: async (r) => `Bearer ${await teken(zonder(claims(r, TENANT[r]), CLAIM_ROL))}` },
  { naam: 'onbekende rol', authorization: async (r) => `Bearer ${await teken({ ...claims(r, TENANT[r]), [CLAIM_ROL]: 'superAdmin' })}` },
  {
    naam: 'zonder tenant (gemeente)',
    authorization: async () => `Bearer ${await teken(zonder(claims('gemeente', 'GM0363'), CLAIM_TENANT))}`,
  },
  { naam: 'tenant van de verkeerde vorm (gemeente)', authorization: async () => `Bearer ${await teken(claims('gemeente', 'Amsterdam'))}` },
  { naam: 'tenant van de verkeerde vorm (werkgever)', authorization: async () => `Bearer ${await teken(claims('werkgever', 'GM0363'))}` },
  { naam: 'zonder sub', authorization: async (r) => `Bearer ${await teken(zonder(claims(r, TENANT[r]), 'sub'))}` },
  { naam: 'ID-token', authorization: async (r) => `Bearer ${await teken({ ...claims(r, TENANT[r]), token_use: 'id' })}` },
  { naam: 'zonder exp', authorization: async (r) => `Bearer ${await teken(zonder(claims(r, TENANT[r]), 'exp'))}` },
  { naam: 'geen Authorization', authorization: async () => undefined },
  { naam: 'Authorization: Bearer', authorization: async () => 'Bearer' },
  { naam: 'Authorization: Bearer en spatie', authorization: async () => 'Bearer ' },
  { naam: 'Basic', authorization: async () => `Basic ${Buffer.from('admin:admin').toString('base64')}` },
  { naam: 'token zonder schema', authorization: async (r) => teken(claims(r, TENANT[r])) },
  { naam: 'ander schema', authorization: async (r) => `Token ${await teken(claims(r, TENANT[r]))}` },
  { naam: 'geen JWT', authorization: async () => 'Bearer a.b.c' },
  { naam: 'vier delen', authorization: async (r) => `Bearer ${await teken(claims(r, TENANT[r]))}.extra` },
  { naam: 'twee tokens', authorization: async (r) => `Bearer ${await teken(claims(r, TENANT[r]))} ${await teken(claims(r, TENANT[r]))}` },
  { naam: 'twee Authorization-headers samengevoegd', authorization: async (r) => `Bearer ${await teken(claims(r, TENANT[r]))},Bearer ${await teken(claims(r, TENANT[r]))}` },
  // Large, but within the header limits of API Gateway (10 KB) and Node (16 KB), so the verifier answers.
  { naam: 'groot token', authorization: async () => `Bearer ${'A'.repeat(3_000)}.${'B'.repeat(3_000)}.${'C'.repeat(1_500)}` },
];

const nietPubliek = allRoutes.filter((r): r is RouteDefinition & { roles: readonly Rol[] } => r.roles !== 'public');

/**
 * Every case runs on one route of each kind — method, on an object or not, and the role the token is made
 * for — and a core of cases on every other non-public route (no token at all is in the matrix too). That
 * keeps the file at a few hundred requests while a route of a new kind is sampled automatically.
 */
const soort = (r: RouteDefinition & { roles: readonly Rol[] }) => `${r.method} ${/\{/.test(r.path)} ${rolVoor(r)}`;
const rolVoor = (r: { roles: readonly Rol[] }): Rol => (r.roles.includes('coopAdmin') ? 'coopAdmin' : r.roles[0]!);
const steekproef = new Set(nietPubliek.filter((r, i) => nietPubliek.findIndex((x) => soort(x) === soort(r)) === i).map((r) => r.operationId));
const KERN = new Set(['verlopen', 'andere sleutel, zelfde kid', 'alg none', 'payload vervangen onder een geldige handtekening', 'zonder rol', 'geen Authorization']);
const gevallenVoor = (r: RouteDefinition) => (steekproef.has(r.operationId) ? GEVALLEN : GEVALLEN.filter((g) => KERN.has(g.naam)));

/** Any well-formed path: the token is refused before any object is looked up. */
const pad = (route: RouteDefinition) => route.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, p: string) => encodeURIComponent(PARAMETERS[p]?.onbestaand() ?? ulid()));

const roep = (route: RouteDefinition, authorization: string | undefined) =>
  stuur(rt, {
    method: route.method,
    pad: pad(route),
    headers: {
      ...(authorization !== undefined ? { authorization } : {}),
      ...(route.request?.body ? { 'content-type': 'application/json' } : {}),
    },
    ...(route.request?.body ? { body: '{}' } : {}),
  });

describe('tokens: elke ongeldige vorm is 401 problem+json, op elke niet-openbare route', () => {
  for (const route of nietPubliek) {
    it(`${route.method} ${route.path} (${route.operationId})`, async () => {
      const rol = rolVoor(route);
      const fouten: string[] = [];
      const controle = await roep(route, `Bearer ${await teken(claims(rol, TENANT[rol]))}`);
      if (controle.status === 401 || controle.status === 403 || controle.status >= 500) fouten.push(`controle (${rol}): ${kort(controle)}`);
      await Promise.all(
        gevallenVoor(route).map(async (g) => {
          const a = await roep(route, await g.authorization(rol));
          telling.verzoeken++;
          telling.perGeval.set(g.naam, (telling.perGeval.get(g.naam) ?? 0) + 1);
          if (a.status !== 401) fouten.push(`${g.naam}: verwacht 401, kreeg ${kort(a)}`);
          else {
            if (!isProblem(a)) fouten.push(`${g.naam}: 401 zonder problem+json`);
            if (!String(a.headers['www-authenticate'] ?? '').startsWith('Bearer')) fouten.push(`${g.naam}: 401 zonder WWW-Authenticate: Bearer`);
            if (a.ops.length > 0) fouten.push(`${g.naam}: 401 na DynamoDB-operaties ${a.ops.join(',')}`);
          }
        }),
      );
      telling.routes++;
      expect(fouten, fouten.join('\n')).toEqual([]);
    });
  }

  it('elk geval op een route van elke soort, de kern op elke niet-openbare route', () => {
    expect(telling.routes).toBe(nietPubliek.length);
    for (const g of GEVALLEN) expect(telling.perGeval.get(g.naam), g.naam).toBe(KERN.has(g.naam) ? nietPubliek.length : steekproef.size);
  });
});
