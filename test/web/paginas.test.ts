import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { allePaginas, INLOGGEN, type PaginaDefinitie } from '../../shared/web/paginas';
import { PAGINA_CSP } from '../../shared/web/pagina-handler';
import { startTestRuntime } from '../support/runtime';

/**
 * Every page of the page manifest, without a browser and without a session, the way a stranger or a
 * scanner reaches it: it answers with the pages' headers, never a 5xx, and a page for roles sends the
 * stranger to sign in (GET) or refuses (POST). Bad form bodies (unknown fields, another content type, too
 * large) are refused with a 4xx page. A page added to the manifest is tried here without touching this file.
 */
let rt: LocalRuntime;

beforeAll(async () => {
  rt = await startTestRuntime({ scheduler: { automatic: false } });
}, 60_000);
afterAll(() => rt?.stop());

/** The page's path with every parameter filled by a value that names nothing. */
const pad = (p: PaginaDefinitie): string =>
  p.path.replace(/\{([A-Za-z]+)\}/g, (_, naam: string) => (naam === 'token' ? 'Z'.repeat(43) : naam === 'bestand' ? 'werkcoop.ffffffffffffffff.css' : '01ARZ3NDEKTSV4RRFFQ69G5FAV'));
const vraag = (p: PaginaDefinitie, body?: string, type = 'application/x-www-form-urlencoded') =>
  fetch(`${rt.baseUrl}${pad(p)}`, {
    method: p.method,
    redirect: 'manual',
    ...(p.method === 'POST' ? { headers: { 'content-type': type }, body: body ?? '' } : {}),
  });

const paginas = allePaginas.filter((p) => p.bijzonder !== 'statisch');

describe('every page, as a stranger reaches it', () => {
  it.each(paginas.map((p) => [`${p.method} ${p.path}`, p] as const))('%s: the pages\' headers, no 5xx, and no way in without its credential', async (_n, p) => {
    const r = await vraag(p);
    expect(r.status).toBeLessThan(500);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('content-security-policy')).toBe(PAGINA_CSP);
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(r.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    if (Array.isArray(p.toegang)) {
      if (p.method === 'GET') {
        expect(r.status).toBe(303);
        expect(r.headers.get('location')).toBe(`${INLOGGEN}?terug=${encodeURIComponent(pad(p))}`);
      } else expect(r.status).toBe(401);
    }
    // A link that names nothing does nothing: refused on a POST; a GET shows at most a page that reads
    // nothing (the partner's confirmation shows its button without looking the token up).
    if (p.toegang === 'link') expect(p.method === 'POST' ? [404, 422] : [200, 404]).toContain(r.status);
    const html = await r.text();
    if (r.status !== 303) {
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(html.startsWith('<!doctype html><html lang="nl"')).toBe(true);
      expect(html).not.toMatch(/<script/i);
    }
  });

  it.each(paginas.filter((p) => p.method === 'POST').map((p) => [`${p.method} ${p.path}`, p] as const))(
    '%s: an unknown field, another content type or a body too large is a 4xx page',
    async (_n, p) => {
      for (const r of await Promise.all([vraag(p, 'onbekendVeld=1&csrf=x'), vraag(p, '{"a":1}', 'application/json'), vraag(p, `x=${'y'.repeat(20_000)}`)])) {
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      }
    },
  );

  it('an unknown path under /portaal is a page that says so (404, HTML, a way back); one under /v1 stays problem+json', async () => {
    for (const adres of ['/portaal/bestaat-niet', '/portaal/plaatsingen/01ARZ3NDEKTSV4RRFFQ69G5FAV/bestaat-niet', '/portaal/werklijst/']) {
      const r = await fetch(`${rt.baseUrl}${adres}`, { redirect: 'manual' });
      expect(r.status, adres).toBe(404);
      expect(r.headers.get('content-type'), adres).toBe('text/html; charset=utf-8');
      expect(r.headers.get('content-security-policy')).toBe(PAGINA_CSP);
      const html = await r.text();
      expect(html).toContain('Pagina niet gevonden');
      expect(html).toContain('href="/portaal"');
    }
    // The pages that exist are still theirs: the catch-all only gets what no page matches.
    expect((await fetch(`${rt.baseUrl}/portaal/werklijst`, { redirect: 'manual' })).status).toBe(303);
    const api = await fetch(`${rt.baseUrl}/v1/bestaat-niet`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
