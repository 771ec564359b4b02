import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../../infra/local/paths';

/**
 * Debian's Chromium (apt package `chromium`; `.ci/run` installs it when missing) driven by playwright-core:
 * nothing is downloaded at install time. The flags keep Chromium off this machine's closed network (it
 * otherwise tries Google's services at every start) and run it as root in a container.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const startBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

/** Where the tests leave a screenshot of every page, at desktop width and at 320 CSS px (the README names it). */
export const SCREENSHOTS = join(PROJECT_ROOT, 'docs', 'screenshots');

export const DESKTOP = { width: 1280, height: 900 } as const;
export const SMAL = { width: 320, height: 720 } as const;

export const nieuwTabblad = async (browser: Browser, opties: BrowserContextOptions = {}): Promise<Page> => {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'nl-NL', ...opties });
  // Well below the test's timeout, so a missing element fails with its own message.
  context.setDefaultTimeout(8_000);
  context.setDefaultNavigationTimeout(8_000);
  return context.newPage();
};

/** axe-core in the page with the WCAG 2.1 A and AA rules: a page passes with no violation at all. */
export const geenToegankelijkheidsfouten = async (page: Page): Promise<void> => {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
};

/**
 * The page at 320 CSS px: nothing wider than the viewport (WCAG 1.4.10 reflow), then both screenshots.
 * The viewport is put back to desktop afterwards.
 */
export const bekijk = async (page: Page, naam: string): Promise<void> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await geenToegankelijkheidsfouten(page);
  await page.screenshot({ path: join(SCREENSHOTS, `${naam}-desktop.png`), fullPage: true });
  await page.setViewportSize(SMAL);
  const breedte = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(breedte, `${naam} scrolls sideways at 320 px`).toBeLessThanOrEqual(SMAL.width);
  await page.screenshot({ path: join(SCREENSHOTS, `${naam}-320.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
};
