import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { listen } from '../../infra/local/http-server';

/**
 * A stand-in for the user pool's managed login in the test process: the endpoints the portal uses, answered
 * as Cognito answers them — /oauth2/authorize (signs in `volgende` at once and redirects with a code),
 * /oauth2/token (authorization_code with PKCE S256, each code once, for its client and redirect URI),
 * /.well-known/jwks.json (RS256) and /logout. ID tokens are made with jose; `knoei` spoils the next one.
 */
export interface Persoon {
  readonly sub: string;
  readonly attributen: Readonly<Record<string, string>>;
}

export type Knoei = 'andereSleutel' | 'andereAudience' | 'andereIssuer' | 'verlopen' | 'andereNonce' | 'accessToken' | 'zonderNonce';

interface Code {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly challenge: string;
  readonly nonce: string | undefined;
  readonly persoon: Persoon;
}

export interface StandInIdp {
  readonly url: string;
  readonly clientId: string;
  /** Who signs in at the next authorize. */
  volgende: Persoon;
  /** Spoils the next ID token this way (then back to none). */
  knoei: Knoei | undefined;
  /** The token endpoint answers this status once instead (an outage). */
  storing: number | undefined;
  readonly tokenVerzoeken: URLSearchParams[];
  stop(): Promise<void>;
}

export const startStandInIdp = async (clientId: string): Promise<StandInIdp> => {
  const sleutel = await generateKeyPair('RS256');
  const vreemd = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(sleutel.publicKey)), kid: 'sleutel-1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, Code>();
  let url = '';

  const idToken = async (c: Code, knoei: Knoei | undefined): Promise<string> => {
    const claims: JWTPayload = {
      ...c.persoon.attributen,
      token_use: knoei === 'accessToken' ? 'access' : 'id',
      ...(knoei === 'zonderNonce' ? {} : { nonce: knoei === 'andereNonce' ? 'een-andere-nonce' : c.nonce }),
      auth_time: Math.floor(Date.now() / 1000),
    };
    const nu = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'sleutel-1' })
      .setIssuer(knoei === 'andereIssuer' ? 'https://cognito-idp.eu-central-1.amazonaws.com/ander' : url)
      .setAudience(knoei === 'andereAudience' ? 'een-andere-client' : c.clientId)
      .setSubject(c.persoon.sub)
      .setIssuedAt(knoei === 'verlopen' ? nu - 7200 : nu)
      .setExpirationTime(knoei === 'verlopen' ? nu - 3600 : nu + 3600)
      .sign((knoei === 'andereSleutel' ? vreemd.privateKey : sleutel.privateKey) as CryptoKey);
  };

  const idp: StandInIdp = {
    url: '',
    clientId,
    volgende: { sub: 'onbekend', attributen: {} },
    knoei: undefined,
    storing: undefined,
    tokenVerzoeken: [],
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const u = new URL(req.url ?? '/', url);
        const json = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(JSON.stringify(body));
        };
        if (req.method === 'GET' && u.pathname === '/.well-known/jwks.json') return json(200, { keys: [jwk] });
        if (req.method === 'GET' && u.pathname === '/oauth2/authorize') {
          const q = u.searchParams;
          if (q.get('client_id') !== clientId || q.get('response_type') !== 'code') return json(400, { error: 'invalid_request' });
          if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) return json(400, { error: 'invalid_request', error_description: 'PKCE S256 required' });
          const code = randomBytes(24).toString('base64url');
          codes.set(code, { clientId, redirectUri: q.get('redirect_uri') ?? '', challenge: q.get('code_challenge')!, nonce: q.get('nonce') ?? undefined, persoon: idp.volgende });
          const terug = new URL(q.get('redirect_uri')!);
          terug.searchParams.set('code', code);
          terug.searchParams.set('state', q.get('state') ?? '');
          res.writeHead(302, { location: terug.toString() });
          return res.end();
        }
        if (req.method === 'POST' && u.pathname === '/oauth2/token') {
          const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
          idp.tokenVerzoeken.push(form);
          if (idp.storing) {
            const status = idp.storing;
            idp.storing = undefined;
            return json(status, { error: 'server_error' });
          }
          const code = codes.get(form.get('code') ?? '');
          codes.delete(form.get('code') ?? '');
          const verifier = form.get('code_verifier') ?? '';
          if (
            form.get('grant_type') !== 'authorization_code' ||
            !code ||
            code.clientId !== form.get('client_id') ||
            code.redirectUri !== form.get('redirect_uri') ||
            createHash('sha256').update(verifier).digest('base64url') !== code.challenge
          )
            return json(400, { error: 'invalid_grant' });
          const knoei = idp.knoei;
          idp.knoei = undefined;
          return json(200, { id_token: await idToken(code, knoei), access_token: 'niet-gebruikt', token_type: 'Bearer', expires_in: 3600 });
        }
        if (req.method === 'GET' && u.pathname === '/logout') {
          res.writeHead(302, { location: u.searchParams.get('logout_uri') ?? '/' });
          return res.end();
        }
        json(404, { error: 'not_found' });
      })();
    });
  });
  const port = await listen(server, 0);
  url = `http://127.0.0.1:${port}`;
  Object.assign(idp, { url });
  return idp;
};
