import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import * as z from 'zod';
import { ARBEIDSMARKTREGIOS } from '../../shared/domain/arbeidsmarktregios';
import { INLOGGEN_TERUG, PORTAAL_BASIS } from '../../shared/web/paginas';

/**
 * The one deployment config. Each entry is stamped out by infra/app.ts as two stacks,
 * `werkcoop-<name>-stateful` and `werkcoop-<name>-stateless` (the latter with a nested stack per route
 * group); `cdk synth -c deployment=<name>` picks one. A deployment per AWS region, or per group of
 * arbeidsmarktregio's, is one more entry below: no stack code changes (README, "Adding a deployment").
 */

/** The 35 arbeidsmarktregio's (since 2021), from the one list the domain validates against; a deployment serves a group of them. */
export { ARBEIDSMARKTREGIOS };
export type Arbeidsmarktregio = (typeof ARBEIDSMARKTREGIOS)[number];

/** The stages a deployment can be; `productie` gets termination protection. */
export const STAGES = ['test', 'acceptatie', 'productie'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The AWS regions a deployment may go to, as data: adding one is a line here, not a change to the stacks.
 * EU regions only (the data of Dutch benefit recipients stays in the EU, AVG), and only those that offer
 * everything a deployment uses (Cognito Plus with threat protection, EventBridge Scheduler, SES).
 * eu-west-2 (London) and eu-central-2 (Zürich) are outside the EU.
 */
export const DEPLOYMENT_REGIONS = ['eu-central-1', 'eu-west-1', 'eu-west-3', 'eu-north-1'] as const;
export type DeploymentRegion = (typeof DEPLOYMENT_REGIONS)[number];

const httpsUrl = z.string().regex(/^https:\/\/[^/\s]+(\/\S*)?$/, { error: (i) => `${String(i.input)} is not an https URL` });
/** A browser origin: scheme and host only, as the Origin header carries it. */
const origin = httpsUrl.refine((o) => new URL(o).origin === o, { error: (i) => `CORS origin ${String(i.input)} has a path or trailing slash` });
const uniek = <T>(items: readonly T[]) => new Set(items).size === items.length;

/**
 * One deployment, checked with zod on every synth (and in test/infra/deployments.test.ts), so a bad entry
 * fails `npm run synth` with every problem at once and never reaches AWS.
 */
export const DeploymentSchema = z.strictObject({
  /** Lower-case kebab-case; part of stack, queue, schedule and Cognito domain names. */
  name: z.string().regex(/^[a-z][a-z0-9-]{1,20}$/, 'name must be lower-case kebab-case, 2-21 characters'),
  stage: z.enum(STAGES),
  /** Absent: the stacks are environment-agnostic and deploy to the CLI's current account. */
  account: z.string().regex(/^\d{12}$/, 'account must be 12 digits').optional(),
  region: z.enum(DEPLOYMENT_REGIONS, { error: (i) => `region ${String(i.input)} is not one of ${DEPLOYMENT_REGIONS.join(', ')}` }),
  /**
   * The arbeidsmarktregio's this deployment serves, by the names the data uses (a gemeente's
   * `arbeidsmarktregio`). The functions get them as WERKCOOP_ARBEIDSMARKTREGIOS (a JSON array).
   */
  arbeidsmarktregios: z
    .array(z.enum(ARBEIDSMARKTREGIOS, { error: (i) => `${String(i.input)} is not an arbeidsmarktregio` }))
    .min(1, 'serves no arbeidsmarktregio')
    .refine(uniek, 'names an arbeidsmarktregio twice'),
  /**
   * The API's public address with its version, as clients reach it (issue #14): events name their resource
   * by it (`dataref`, the ZGW `resourceUrl`) and the feed's links start with it. Every function gets it as
   * API_URL, so none falls back to the production address of the OpenAPI document. A configured address, not
   * the HttpApi's generated endpoint: that token would tie every nested stack's functions to the API in a cycle.
   */
  apiUrl: httpsUrl.refine((u) => /^https:\/\/[^/]+\/v1$/.test(u), { error: (i) => `apiUrl ${String(i.input)} is not https://<host>/v1` }),
  /** Browser origins allowed by CORS (API Gateway preflight and the functions' CORS_ALLOWED_ORIGINS). */
  corsAllowedOrigins: z.array(origin),
  /**
   * Redirect URIs of the portal's app client (authorization code + PKCE): the portal's sign-in return,
   * <portal origin>/portaal/inloggen/terug. The first one's origin is the portal's address (PORTAAL_URL).
   */
  oauthCallbackUrls: z
    .array(httpsUrl.refine((u) => new URL(u).pathname === INLOGGEN_TERUG, { error: (i) => `${String(i.input)} is not <portal origin>${INLOGGEN_TERUG}` }))
    .min(1),
  /** Where Cognito's logout may return: the portal's start, <portal origin>/portaal. */
  oauthLogoutUrls: z
    .array(httpsUrl.refine((u) => new URL(u).pathname === PORTAAL_BASIS, { error: (i) => `${String(i.input)} is not <portal origin>${PORTAAL_BASIS}` }))
    .min(1),
  /** Sender of outgoing mail; its domain must be a verified SES identity in the deployment's account and region. */
  mailAfzender: z.string().regex(/^[^@\s]+@[a-z0-9.-]+\.[a-z]{2,}$/, 'mailAfzender is not an address'),
  logRetention: z.enum(RetentionDays),
  /** Receives the DLQ alarms by e-mail; absent: subscribe to the `alarmen` topic another way. */
  alarmEmail: z.email('alarmEmail is not an address').optional(),
  /** Default stage throttling of the HTTP API (requests per second, burst). */
  apiThrottle: z.strictObject({ rateLimit: z.number().int().positive(), burstLimit: z.number().int().positive() }),
});

type DeepReadonly<T> = T extends readonly (infer E)[] ? readonly E[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
export type Deployment = DeepReadonly<z.output<typeof DeploymentSchema>>;

export const deployments: readonly Deployment[] = [
  {
    name: 'test',
    stage: 'test',
    region: 'eu-central-1',
    arbeidsmarktregios: ['Groot Amsterdam', 'Zuid-Holland Centraal'],
    apiUrl: 'https://api.test.werkcoop.nl/v1',
    corsAllowedOrigins: ['https://portaal.test.werkcoop.nl'],
    oauthCallbackUrls: ['https://portaal.test.werkcoop.nl/portaal/inloggen/terug'],
    oauthLogoutUrls: ['https://portaal.test.werkcoop.nl/portaal'],
    mailAfzender: 'noreply@test.werkcoop.nl',
    logRetention: RetentionDays.ONE_MONTH,
    apiThrottle: { rateLimit: 50, burstLimit: 100 },
  },
  {
    name: 'productie',
    stage: 'productie',
    region: 'eu-central-1',
    arbeidsmarktregios: [
      'Groot Amsterdam',
      'Zaanstreek/Waterland',
      'Zuid-Kennemerland en IJmond',
      'Gooi en Vechtstreek',
      'Noord-Holland Noord',
      'Holland Rijnland',
      'Zuid-Holland Centraal',
      'Haaglanden',
      'Midden-Utrecht',
    ],
    apiUrl: 'https://api.werkcoop.nl/v1',
    corsAllowedOrigins: ['https://portaal.werkcoop.nl'],
    oauthCallbackUrls: ['https://portaal.werkcoop.nl/portaal/inloggen/terug'],
    oauthLogoutUrls: ['https://portaal.werkcoop.nl/portaal'],
    mailAfzender: 'noreply@werkcoop.nl',
    // AVG: personal-data processing is logged; a year lets an audit look back over a full cycle.
    logRetention: RetentionDays.ONE_YEAR,
    alarmEmail: 'beheer@werkcoop.nl',
    apiThrottle: { rateLimit: 500, burstLimit: 1000 },
  },
];

/**
 * The rules between deployments: names unique, and an arbeidsmarktregio in at most one deployment per
 * stage (one regio in two deployments of the same stage would split its gemeenten's data over two tables).
 */
export const DeploymentsSchema = z.array(DeploymentSchema).superRefine((list, ctx) => {
  const names = new Set<string>();
  const served = new Map<string, string>();
  list.forEach((d, index) => {
    if (names.has(d.name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: 'name used twice' });
    names.add(d.name);
    for (const regio of d.arbeidsmarktregios) {
      const key = `${d.stage}/${regio}`;
      const other = served.get(key);
      if (other !== undefined && other !== d.name) {
        ctx.addIssue({ code: 'custom', path: [index, 'arbeidsmarktregios'], message: `${regio} is already served by ${other} (stage ${d.stage})` });
      }
      served.set(key, d.name);
    }
  });
});

/** Fails with every problem of the list at once, each prefixed with the deployment it is in. */
export const validateDeployments = (list: readonly unknown[]): readonly Deployment[] => {
  const result = DeploymentsSchema.safeParse(list);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    const entry = typeof index === 'number' ? (list[index] as { name?: unknown } | undefined) : undefined;
    const who = typeof entry?.name === 'string' ? entry.name : `deployment #${String(index)}`;
    // A message that starts with its field's name ("account must be 12 digits") is not prefixed with it again.
    const named = rest.length === 0 || issue.message.startsWith(String(rest[0]));
    return `${who}: ${named ? '' : `${rest.map(String).join('.')}: `}${issue.message}`;
  });
  throw new Error(`werkcoop: infra/config/deployments.ts is invalid:\n- ${problems.join('\n- ')}`);
};

/** All deployments, or the one named (cdk context `deployment`); an unknown name fails the synth. */
export const selectDeployments = (name: string | undefined, list: readonly Deployment[] = deployments): readonly Deployment[] => {
  const valid = validateDeployments(list);
  if (name === undefined) return valid;
  const found = valid.filter((d) => d.name === name);
  if (found.length === 0) {
    throw new Error(`werkcoop: no deployment '${name}' in infra/config/deployments.ts (known: ${list.map((d) => d.name).join(', ')}).`);
  }
  return found;
};

export const stackName = (d: Deployment, part: 'stateful' | 'stateless'): string => `werkcoop-${d.name}-${part}`;
/** The sender's domain: the SES identity the mail consumer may send as. */
export const mailDomain = (d: Deployment): string => d.mailAfzender.slice(d.mailAfzender.indexOf('@') + 1);
