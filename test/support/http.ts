import { expect } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';

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

export type Verzoek = { headers?: Kop; body?: unknown; raw?: string };

/**
 * Calls the local runtime's API. The runtime is passed as a getter because it is started in
 * `beforeAll`, after the test file's module scope has run.
 */
export const apiClient = (runtime: () => LocalRuntime) => {
  const call = async (method: string, path: string, opts: Verzoek = {}): Promise<Antwoord> => {
    const headers: Kop = { ...opts.headers };
    if ((opts.body !== undefined || opts.raw !== undefined) && !headers['content-type']) headers['content-type'] = 'application/json';
    const response = await fetch(`${runtime().baseUrl}${path}`, {
      method,
      headers,
      ...(opts.raw !== undefined ? { body: opts.raw } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
      ops: response.headers.get('x-werkcoop-dynamodb-commands')?.split(',').filter(Boolean) ?? [],
      logOps: response.headers.get('x-werkcoop-verwerkingenlog-commands')?.split(',').filter(Boolean) ?? [],
    };
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
