import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildOpenApiDocument } from '../../shared/openapi/document';

/**
 * `npm run openapi -- [file] [--server-url <url>]`: writes the OpenAPI document to `file`, or prints it
 * when no file is given. `--server-url` documents another base URL (with /v1), e.g. the local runtime's.
 */
const { values, positionals } = parseArgs({
  options: { 'server-url': { type: 'string' } },
  allowPositionals: true,
});

const serverUrl = values['server-url'];
const json = `${JSON.stringify(buildOpenApiDocument(serverUrl ? { serverUrl } : {}), null, 2)}\n`;
const file = positionals[0];

if (file === undefined) {
  process.stdout.write(json);
} else {
  const target = resolve(file);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, json);
  console.error(`OpenAPI-document geschreven naar ${target}`);
}
