import { Agent, request } from 'node:http';

export interface ApiResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** The DynamoDB commands the request made, from the local runtime's x-werkcoop-dynamodb-commands. */
  readonly commands: string[];
  json<T = unknown>(): T;
}

export interface CallOptions {
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  /** The loopback address to send from: the public endpoints limit each client address (test/support/adressen.ts). */
  readonly vanAdres?: string;
}

/**
 * A bare node:http client with one keep-alive connection (or `sockets` of them). Not fetch: undici adds
 * tens of microseconds per request, which would land on the runtime's side of a latency ratio whose other
 * side (the SDK) also reuses a keep-alive socket on node:http.
 */
export const apiClient = (baseUrl: string, settings: { sockets?: number } = {}) => {
  const url = new URL(baseUrl);
  // One socket for anything timed (concurrency 1); set-up clients may open a few, to overlap DynamoDB Local's latency.
  const agent = new Agent({ keepAlive: true, maxSockets: settings.sockets ?? 1 });
  const call = (method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> =>
    once(method, path, options).catch((error: unknown) => {
      // The server closes a keep-alive socket after 5 idle seconds; a request sent on it at that moment
      // meets ECONNRESET before the server read it. Sent again on a fresh socket, as Node's docs advise.
      if ((error as { reusedSocket?: boolean; code?: string }).reusedSocket && (error as { code?: string }).code === 'ECONNRESET')
        return once(method, path, options);
      throw error;
    });
  const once = (method: string, path: string, options: CallOptions): Promise<ApiResponse> =>
    new Promise((resolve, reject) => {
      const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
      const headers: Record<string, string> = { ...options.headers };
      if (payload) {
        headers['content-type'] ??= 'application/json';
        headers['content-length'] = String(payload.length);
      }
      const req = request({ host: url.hostname, port: url.port, method, path, headers, agent, ...(options.vanAdres ? { localAddress: options.vanAdres } : {}) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const commands = String(res.headers['x-werkcoop-dynamodb-commands'] ?? '')
            .split(',')
            .filter(Boolean);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, commands, json: <T>() => JSON.parse(text) as T });
        });
        res.on('error', reject);
      });
      req.on('error', (error: Error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
      req.end(payload);
    });
  return { call, close: () => agent.destroy() };
};
export type ApiClient = ReturnType<typeof apiClient>;

/** Runs `task` over `items` with at most `limit` in flight; the results in the order of `items`. */
export const pool = async <T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]!, i);
      }
    }),
  );
  return results;
};

/** Throws with the answer when a set-up call does not get the status it needs: the bench measures nothing wrong silently. */
export const expectStatus = (r: ApiResponse, status: number, what: string): ApiResponse => {
  if (r.status !== status) throw new Error(`bench set-up: ${what} answered ${r.status}, expected ${status}: ${r.text.slice(0, 400)}`);
  return r;
};
