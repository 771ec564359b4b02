import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { PROJECT_ROOT } from '../local/paths';

export interface StatischeBestanden {
  /** The folder holding the built files, as functions/web/statisch.ts serves them. */
  readonly dir: string;
  /** The stylesheet's href, content hash in its name, for every page (PORTAAL_STIJL). */
  readonly stijl: string;
  readonly bestanden: readonly string[];
}

const INGANG = join(PROJECT_ROOT, 'shared/web/stijl/index.css');

/**
 * Builds the portal's static files into `dir`: the tokens, the Utrecht components and our theme as one
 * minified stylesheet named by a hash of its content, so it can be cached for a year (immutable) and a new
 * version is a new name. The same build runs at synth (bundled beside the static function) and when the
 * local runtime starts, so what is served locally is what deploys.
 */
export const bouwStatischeBestanden = (dir: string): StatischeBestanden => {
  // Synchronous: the CDK app is synchronous, and one stylesheet builds in well under a second.
  const uit = buildSync({ entryPoints: [INGANG], bundle: true, minify: true, write: false, logLevel: 'warning', outfile: 'werkcoop.css' });
  const css = uit.outputFiles[0]!.contents;
  const naam = `werkcoop.${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, naam), css);
  return { dir, stijl: `/portaal/statisch/${naam}`, bestanden: [naam] };
};
