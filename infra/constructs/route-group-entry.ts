import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RouteDefinition } from '../../shared/routes/route';
import { PROJECT_ROOT } from '../local/paths';

/**
 * Where the generated entries live: under the project root (NodejsFunction requires its entry there), in the
 * cache folder tools keep in node_modules, so nothing generated lands in the repository.
 */
const ENTRY_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'werkcoop-routegroepen');

/**
 * The entry module of a function that serves several routes, generated from the manifest: it imports each
 * route's handler module (so the bundle holds exactly those) and dispatches on the route key
 * (shared/http/routegroep.ts). Generated rather than written by hand, so a route added to the manifest is
 * served without another file to keep in step. The file name carries a hash of the content, so parallel
 * syntheses write the same file and a changed group gets a new one; the rename makes the write atomic.
 */
export const routeGroupEntry = (name: string, routes: readonly RouteDefinition[]): string => {
  const source = [
    `import { routeGroepHandler } from '${join(PROJECT_ROOT, 'shared/http/routegroep.ts')}';`,
    ...routes.map((r, i) => `import { handler as h${i} } from '${join(PROJECT_ROOT, r.handler)}';`),
    'export const handler = routeGroepHandler({',
    ...routes.map((r, i) => `  '${r.method} ${r.path}': h${i},`),
    '});',
    '',
  ].join('\n');
  const file = join(ENTRY_DIR, `${name}-${createHash('sha256').update(source).digest('hex').slice(0, 16)}.ts`);
  if (!existsSync(file)) {
    mkdirSync(ENTRY_DIR, { recursive: true });
    const temporary = `${file}.${process.pid}`;
    writeFileSync(temporary, source);
    renameSync(temporary, file);
  }
  return file;
};
