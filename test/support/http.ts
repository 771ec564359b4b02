import { request } from 'node:http';
import { expect } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
export { nieuwAdres } from './adressen';

export type Kop = Record<string, string>;

export type Antwoord = {
  status: number;
  headers: Headers;
  // The tests read response bodies field by field; each asserts the shape it relies on.
  body: any;
  /** The DynamoDB commands the request sent, in order, as the runtime reports them. */
  ops: string[];
  /** The processing log's flush of the request (shared/privacy/vastleggen.ts), reported apart from `ops`. */
  logOps: string[];
};

/** `vanAdres`: the loopback address the request comes from (the runtime's requestContext.http.sourceIp). */
export type Verzoek = { headers?: Kop; body?: unknown; raw?: string; vanAdres?: string };

const antwoord = (status: number, headers: Headers, text: string): Antwoord => ({
  status,
  headers,
  body: text ? JSON.parse(text) : undefined,
  ops: headers.get('x-werkcoop-dynamodb-commands')?.split(',').filter(Boolean) ?? [],
  logOps: headers.get('x-werkcoop-verwerkingenlog-commands')?.split(',').filter(Boolean) ?? [],
});

/**
 * A request from a loopback address of its own, answered as it came (the pages' HTML as much as the API's
 * JSON): fetch cannot choose its source address; node:http can (`localAddress`).
 */
export const vanAdresRuw = (
  runtime: LocalRuntime,
  adres: string,
  method: string,
  path: string,
  headers: Kop,
  body: string | undefined,
): Promise<{ status: number; headers: Headers; tekst: string }> =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: runtime.port, method, path, headers, localAddress: adres }, (res) => {
      const delen: Buffer[] = [];
      res.on('data', (d: Buffer) => delen.push(d));
      res.on('end', () => {
        const kop = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) kop.set(k, Array.isArray(v) ? v.join(', ') : v);
        resolve({ status: res.statusCode ?? 0, headers: kop, tekst: Buffer.concat(delen).toString('utf8') });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });

const vanAdres = async (runtime: LocalRuntime, adres: string, method: string, path: string, headers: Kop, body: string | undefined): Promise<Antwoord> => {
  const r = await vanAdresRuw(runtime, adres, method, path, headers, body);
  return antwoord(r.status, r.headers, r.tekst);
};

/**
 * Calls the local runtime's API. The runtime is passed as a getter because it is started in
 * `beforeAll`, after the test file's module scope has run.
 */
export const apiClient = (runtime: () => LocalRuntime) => {
  const call = async (method: string, path: string, opts: Verzoek = {}): Promise<Antwoord> => {
    const headers: Kop = { ...opts.headers };
    const body = opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined);
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    if (opts.vanAdres) return vanAdres(runtime(), opts.vanAdres, method, path, headers, body);
    const response = await fetch(`${runtime().baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    return antwoord(response.status, response.headers, await response.text());
  };
  return { call };
};

export type ApiClient = ReturnType<typeof apiClient>;

/** The body of an answer with the expected status (default 200); on any other, fails showing the body. */
export const ok = (r: Antwoord, status = 200) => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
};

/** An RFC 9457 problem with the given status. */
export const expectProblem = (r: Antwoord, status: number) => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(r.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
};

/** The names of a 400 problem's invalid parameters. */
export const namen = (r: Antwoord): string[] => r.body.invalidParams.map((p: { name: string }) => p.name);
