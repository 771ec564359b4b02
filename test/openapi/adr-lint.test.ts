import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/openapi/document';

// The ruleset is Logius' API Design Rules linter (CC-BY 4.0, © Logius), copied unchanged from
// ../shared/conformance/ so a clean clone in CI lints with the same rules; see README.md here.
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const RULESET = join(projectRoot, 'test/openapi/nl-api-design-rules.spectral.yaml');
const SHARED_RULESET = resolve(projectRoot, '../shared/conformance/nl-api-design-rules.spectral.yaml');
const SPECTRAL = join(projectRoot, 'node_modules/@stoplight/spectral-cli/dist/index.js');

interface SpectralResult {
  readonly code: string;
  readonly message: string;
  readonly path: readonly (string | number)[];
  /** 0 error, 1 warning, 2 info, 3 hint. */
  readonly severity: number;
}

const workDir = mkdtempSync(join(tmpdir(), 'werkcoop-openapi-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const lint = (name: string, document: unknown): SpectralResult[] => {
  const file = join(workDir, `${name}.json`);
  const output = join(workDir, `${name}.spectral.json`);
  writeFileSync(file, JSON.stringify(document, null, 2));
  const run = spawnSync(
    process.execPath,
    [SPECTRAL, 'lint', '--quiet', '-r', RULESET, '--format', 'json', '--output', output, file],
    { encoding: 'utf8' },
  );
  // Spectral exits 1 when it finds errors; anything else without an output file is a broken run.
  if (!existsSync(output)) throw new Error(`spectral gaf geen resultaat (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(readFileSync(output, 'utf8')) as SpectralResult[];
};

const describeResult = (r: SpectralResult) => `${r.code} at ${r.path.join('.')}: ${r.message}`;

describe('the OpenAPI document against the NL API Design Rules', () => {
  it('lints with zero errors', { timeout: 60_000 }, () => {
    const results = lint('openapi', buildOpenApiDocument());

    const errors = results.filter((r) => r.severity === 0);
    const warnings = results.filter((r) => r.severity === 1);
    console.info(
      `ADR lint: ${errors.length} error(s), ${warnings.length} warning(s)` +
        warnings.map((w) => `\n  warning ${describeResult(w)}`).join(''),
    );
    expect(errors.map(describeResult)).toEqual([]);
  });

  it('lints with zero errors as the local runtime serves it, with its own server listed', { timeout: 60_000 }, () => {
    const results = lint('openapi-lokaal', buildOpenApiDocument({ lokaleServerUrl: 'http://localhost:3000/v1' }));
    expect(results.filter((r) => r.severity === 0).map(describeResult)).toEqual([]);
  });

  it('is a lint that bites: a document breaking the rules gets errors', { timeout: 60_000 }, () => {
    const document = buildOpenApiDocument();
    const { contact: _contact, ...infoWithoutContact } = document.info;
    const broken = {
      ...document,
      info: infoWithoutContact,
      paths: { ...document.paths, '/Leden_Overzicht/': document.paths?.['/leden'] },
    };

    const codes = new Set(lint('broken', broken).filter((r) => r.severity === 0).map((r) => r.code));

    expect(codes).toContain('info-contact');
    expect(codes).toContain('nlgov:paths-kebab-case');
    // Logius' own nlgov:paths-no-trailing-slash never matches (its pattern has a stray space); this one does.
    expect(codes).toContain('path-keys-no-trailing-slash');
  });

  it.skipIf(!existsSync(SHARED_RULESET))('uses the ruleset in ../shared/conformance unchanged', () => {
    expect(readFileSync(RULESET).equals(readFileSync(SHARED_RULESET))).toBe(true);
  });
});
