import { request } from 'node:http';
import type { LocalRuntime } from '../../infra/local/runtime';

/**
 * A raw HTTP call for the security suite. node:http rather than fetch: fetch normalises `..` in paths,
 * refuses a body on GET and always decides the content type of a string body, and the fuzzing needs each
 * of those as sent. The body is read as text and parsed only when it is JSON.
 */
export interface RauwAntwoord {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly tekst: string;
  readonly json: unknown;
  /** The DynamoDB commands the request sent, as the local runtime reports them. */
  readonly ops: readonly string[];
}

export interface RauwVerzoek {
  readonly method: string;
  /** Path and query as they go on the wire: the caller encodes. */
  readonly pad: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

export const stuur = (rt: LocalRuntime, v: RauwVerzoek): Promise<RauwAntwoord> =>
  new Promise((resolve, reject) => {
    const body = v.body === undefined ? undefined : Buffer.isBuffer(v.body) ? v.body : Buffer.from(v.body, 'utf8');
    const req = request(
      {
        host: '127.0.0.1',
        port: rt.port,
        method: v.method,
        path: v.pad,
        headers: { ...v.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
      },
      (res) => {
        const delen: Buffer[] = [];
        res.on('data', (d: Buffer) => delen.push(d));
        res.on('error', reject);
        res.on('end', () => {
          const tekst = Buffer.concat(delen).toString('utf8');
          let json: unknown;
          try {
            json = tekst ? JSON.parse(tekst) : undefined;
          } catch {
            json = undefined;
          }
          const commands = res.headers['x-werkcoop-dynamodb-commands'];
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            tekst,
            json,
            ops: typeof commands === 'string' ? commands.split(',').filter(Boolean) : [],
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });

/** problem+json with status and title matching the HTTP status: what every refusal must look like. */
export const isProblem = (a: RauwAntwoord): boolean => {
  const ct = a.headers['content-type'];
  const body = a.json as { status?: unknown; title?: unknown } | undefined;
  return typeof ct === 'string' && /^application\/problem\+json/.test(ct) && body?.status === a.status && typeof body.title === 'string' && body.title.length > 0;
};

export const kort = (a: RauwAntwoord): string => `${a.status} ${a.tekst.slice(0, 300)}`;
