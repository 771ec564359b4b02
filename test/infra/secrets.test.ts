import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/local/paths';
import { secretFindings, secretsInText } from './checks';

/**
 * Tracked files that may contain a secret pattern, each with the reason. Only keys that are clearly test
 * keys belong here (generated for a test, never used anywhere else); a real secret goes to Secrets
 * Manager or SSM and is referenced, never committed. Empty today: the local token issuer and the tests
 * generate their keys at run time.
 */
const ALLOWED: Readonly<Record<string, string>> = {};

/** Built at run time so that this file does not contain what it looks for. */
const PEM = ['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' ');
const AWS_KEY_ID = ['AKIA', 'IOSFODNN7EXAMPLE'].join('');
const AWS_SECRET_KEY = ['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYEXAMPLEKEY'].join('/');

/** Tracked files, and untracked ones git does not ignore (what the next `git add` would take). */
const trackedFiles = (): readonly string[] =>
  execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f !== '');

describe('no secret in code or config', () => {
  it('has no private key or AWS key in any file of the repository (tracked, or untracked and not ignored)', () => {
    const files = trackedFiles();
    // The scan covers the code, the config and the tests, not an empty list.
    expect(files).toEqual(expect.arrayContaining(['infra/config/deployments.ts', 'package.json', 'test/infra/stacks.test.ts']));
    const findings = files
      .filter((f) => !(f in ALLOWED))
      .flatMap((f) => {
        let text: string;
        try {
          text = readFileSync(join(PROJECT_ROOT, f), 'utf8');
        } catch {
          return []; // tracked but deleted in the working tree (another change in progress)
        }
        return secretsInText(text).map((what) => `${f}: ${what}`);
      });
    expect(findings).toEqual([]);
  });

  it('allows a file only with a reason, and only while it is tracked', () => {
    const files = new Set(trackedFiles());
    for (const [file, reason] of Object.entries(ALLOWED)) {
      expect(files.has(file), file).toBe(true);
      expect(reason.length, file).toBeGreaterThan(20);
    }
  });

  it('recognises a private key, an AWS access key id and an AWS secret access key', () => {
    expect(secretsInText(`x\n${PEM}\nMIIE...`)).toEqual(['private key']);
    expect(secretsInText(`id = ${AWS_KEY_ID}`)).toEqual(['AWS access key id']);
    expect(secretsInText(`aws_secret_access_key = ${AWS_SECRET_KEY}`)).toEqual(['AWS secret access key']);
    // The local runtime's dummy credentials are not keys.
    expect(secretsInText("{ accessKeyId: 'lokaal', secretAccessKey: 'lokaal' }")).toEqual([]);
  });

  it('flags a literal secret in a template, but not a reference or a dynamic reference', () => {
    const template = (value: unknown) => ({ Resources: { Fn: { Properties: { Environment: { Variables: { CLIENT_SECRET: value } } } } } });
    expect(secretFindings(template('s3cr3t'), 't.json')).toEqual(['t.json .Resources.Fn.Properties.Environment.Variables.CLIENT_SECRET: a literal value under a secret-like name']);
    expect(secretFindings(template({ Ref: 'ClientSecretParameter' }), 't.json')).toEqual([]);
    expect(secretFindings(template('{{resolve:secretsmanager:werkcoop/client:SecretString:secret}}'), 't.json')).toEqual([]);
    expect(secretFindings({ Resources: { Key: { Properties: { Material: PEM } } } }, 't.json')).toEqual(['t.json .Resources.Key.Properties.Material: private key']);
    // Settings named after secrets that are not secrets: a boolean, a policy object.
    expect(secretFindings({ Resources: { Client: { Properties: { GenerateSecret: false, PasswordPolicy: { MinimumLength: 14 } } } } }, 't.json')).toEqual([]);
  });
});
