import type { Browser, Page } from 'playwright-core';
import type { LocalRuntime } from '../../infra/local/runtime';
import type { Principal } from '../../shared/auth/rollen';
import { SESSIE_COOKIE, startSessie, type Sessie } from '../../shared/web/sessie';
import { nieuwTabblad } from './browser';

/**
 * A signed-in person without the sign-in pages: the real session item in the test's table, and its cookie in
 * a fresh browser context, as the sign-in would leave them.
 */
export const ingelogd = async (browser: Browser, rt: LocalRuntime, principal: Principal, naam: string): Promise<{ page: Page; sessie: Sessie; cookie: string }> => {
  const { token, sessie } = await startSessie(principal, naam);
  const page = await nieuwTabblad(browser);
  // By host and path, not by url: Chromium's DevTools protocol refuses a Secure cookie set for an http:// url,
  // though the browser itself sends one to http://localhost (a secure context).
  await page.context().addCookies([{ name: SESSIE_COOKIE, value: token, domain: new URL(rt.baseUrl).hostname, path: '/', secure: true, httpOnly: true, sameSite: 'Lax' }]);
  return { page, sessie, cookie: `${SESSIE_COOKIE}=${token}` };
};

/** A form post as the browser sends it, with the session's cookie, not following the redirect. */
export const postFormulier = (rt: LocalRuntime, pad: string, cookie: string, velden: Record<string, string>): Promise<Response> =>
  fetch(`${rt.baseUrl}${pad}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams(velden).toString(),
    redirect: 'manual',
  });
