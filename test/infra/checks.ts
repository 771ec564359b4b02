import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The most resources any one stack may have: CloudFormation's limit is 500, and a stack that reaches 400
 * must be split (a route group by tag) before the next few routes, not during the deployment that fails.
 */
export const RESOURCE_BUDGET = 400;

export interface SynthesisedTemplate {
  /** The template file in the cloud assembly: `<stack>.template.json` or `<…>.nested.template.json`. */
  readonly file: string;
  readonly resources: number;
  readonly template: unknown;
}

/** Every template of a synthesised assembly, top-level and nested, with its resource count. */
export const resourceCounts = (assemblyDirectory: string): readonly SynthesisedTemplate[] =>
  readdirSync(assemblyDirectory)
    .filter((f) => f.endsWith('.template.json'))
    .sort()
    .map((file) => {
      const template = JSON.parse(readFileSync(join(assemblyDirectory, file), 'utf8')) as { Resources?: Record<string, unknown> };
      return { file, resources: Object.keys(template.Resources ?? {}).length, template };
    });

/**
 * What a committed secret looks like. The PEM marker is written with `-{5}` so that this file does not
 * match itself; the AWS key id prefixes are those of access keys (AKIA long-term, ASIA temporary, …).
 */
export const SECRET_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['private key', /-{5}BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-{5}/],
  ['AWS access key id', /\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b/],
  ['AWS secret access key', /aws_?secret_?access_?key\W{1,4}[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/i],
];

export const secretsInText = (text: string): readonly string[] => SECRET_PATTERNS.filter(([, re]) => re.test(text)).map(([what]) => what);

/** A property whose name says it holds a secret. Its value must be a reference (Ref, dynamic reference), never a literal. */
const SECRET_NAME = /secret|passw(or)?d|private_?key|api_?key|access_?key|credential/i;
/** CloudFormation dynamic references resolve at deploy time from Secrets Manager or SSM: the template holds a name, not the secret. */
const DYNAMIC_REFERENCE = /^\{\{resolve:(secretsmanager|ssm-secure):/;

/**
 * Walks a template: a literal string under a secret-like name (an environment variable CLIENT_SECRET,
 * a property MasterUserPassword), or any string with a secret pattern, is a finding.
 */
export const secretFindings = (template: unknown, file: string): readonly string[] => {
  const findings: string[] = [];
  const walk = (value: unknown, path: string, key: string): void => {
    if (typeof value === 'string') {
      for (const what of secretsInText(value)) findings.push(`${file} ${path}: ${what}`);
      if (SECRET_NAME.test(key) && !DYNAMIC_REFERENCE.test(value)) findings.push(`${file} ${path}: a literal value under a secret-like name`);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`, key));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, k);
    }
  };
  walk(template, '', '');
  return findings;
};
