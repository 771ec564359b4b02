import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../infra/local/demo';
import type { LocalRuntime } from '../../infra/local/runtime';
import { startTestRuntime } from '../support/runtime';

/** The demo through the real manifest and handlers: what `npm run demo` does, on a fresh table. */
let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(() => rt?.stop());

describe('demo data', () => {
  it('applies, approves, rejects and suspends through the API, and a second run changes nothing', async () => {
    const deps = { baseUrl: rt.baseUrl, mintToken: rt.mintToken, log: () => undefined };
    const first = await loadDemoData(deps);
    expect(first.leden.map((l) => l.status)).toEqual(['actief', 'geschorst', 'afgewezen', 'aangevraagd']);
    expect(Object.keys(first.tokens)).toHaveLength(4);

    const second = await loadDemoData(deps);
    expect(second.leden).toEqual(first.leden);

    const werkgever = first.tokens[Object.keys(first.tokens).find((k) => k.startsWith('werkgever'))!];
    const eigen = await fetch(`${rt.baseUrl}/v1/leden/${first.leden[0]!.id}`, { headers: { authorization: `Bearer ${werkgever}` } });
    expect(eigen.status).toBe(200);
  });
});
