import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/**
 * The one deployment config. Each entry is stamped out by infra/app.ts as two stacks,
 * `werkcoop-<name>-stateful` and `werkcoop-<name>-stateless`; `cdk synth -c deployment=<name>` picks one.
 */

/** The 35 arbeidsmarktregio's (since 2021); a deployment serves a group of them. */
export const ARBEIDSMARKTREGIOS = [
  'Achterhoek',
  'Amersfoort',
  'Drechtsteden',
  'Drenthe',
  'Flevoland',
  'FoodValley',
  'Friesland',
  'Gooi en Vechtstreek',
  'Gorinchem',
  'Groningen',
  'Groot Amsterdam',
  'Haaglanden',
  'Helmond-De Peel',
  'Holland Rijnland',
  'Midden-Brabant',
  'Midden-Gelderland',
  'Midden-Holland',
  'Midden-Limburg',
  'Midden-Utrecht',
  'Noord-Holland Noord',
  'Noord-Limburg',
  'Noordoost-Brabant',
  'Regio Zwolle',
  'Rijk van Nijmegen',
  'Rijnmond',
  'Rivierenland',
  'Stedendriehoek en Noordwest Veluwe',
  'Twente',
  'West-Brabant',
  'Zaanstreek/Waterland',
  'Zeeland',
  'Zuid-Holland Centraal',
  'Zuid-Kennemerland en IJmond',
  'Zuid-Limburg',
  'Zuidoost-Brabant',
] as const;
export type Arbeidsmarktregio = (typeof ARBEIDSMARKTREGIOS)[number];

export type Stage = 'test' | 'acceptatie' | 'productie';

/** EU regions only: the data of Dutch benefit recipients stays in the EU (AVG). */
export type DeploymentRegion = 'eu-central-1' | 'eu-west-1';

export interface Deployment {
  /** Lower-case kebab-case; part of stack, queue and Cognito domain names. */
  readonly name: string;
  readonly stage: Stage;
  /** Absent: the stacks are environment-agnostic and deploy to the CLI's current account. */
  readonly account?: string;
  readonly region: DeploymentRegion;
  readonly arbeidsmarktregios: readonly Arbeidsmarktregio[];
  /** Browser origins allowed by CORS (API Gateway preflight and the functions' CORS_ALLOWED_ORIGINS). */
  readonly corsAllowedOrigins: readonly string[];
  /** Redirect URIs of the human app client (authorization code + PKCE). */
  readonly oauthCallbackUrls: readonly string[];
  readonly oauthLogoutUrls: readonly string[];
  /** Sender of outgoing mail; its domain must be a verified SES identity in the deployment's account and region. */
  readonly mailAfzender: string;
  readonly logRetention: RetentionDays;
  /** Receives the DLQ alarms by e-mail; absent: subscribe to the `alarmen` topic another way. */
  readonly alarmEmail?: string;
  /** Default stage throttling of the HTTP API (requests per second, burst). */
  readonly apiThrottle: { readonly rateLimit: number; readonly burstLimit: number };
}

export const deployments: readonly Deployment[] = [
  {
    name: 'test',
    stage: 'test',
    region: 'eu-central-1',
    arbeidsmarktregios: ['Groot Amsterdam', 'Zuid-Holland Centraal'],
    corsAllowedOrigins: ['https://portaal.test.werkcoop.nl'],
    oauthCallbackUrls: ['https://portaal.test.werkcoop.nl/inloggen/terug'],
    oauthLogoutUrls: ['https://portaal.test.werkcoop.nl/'],
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
    corsAllowedOrigins: ['https://portaal.werkcoop.nl'],
    oauthCallbackUrls: ['https://portaal.werkcoop.nl/inloggen/terug'],
    oauthLogoutUrls: ['https://portaal.werkcoop.nl/'],
    mailAfzender: 'noreply@werkcoop.nl',
    // AVG: personal-data processing is logged; a year lets an audit look back over a full cycle.
    logRetention: RetentionDays.ONE_YEAR,
    alarmEmail: 'beheer@werkcoop.nl',
    apiThrottle: { rateLimit: 500, burstLimit: 1000 },
  },
];

/** Mistakes a typed list cannot catch; checked on every synth, so a bad entry never reaches AWS. */
export const validateDeployments = (list: readonly Deployment[]): void => {
  const problems: string[] = [];
  const names = new Set<string>();
  const served = new Map<string, string>();
  for (const d of list) {
    if (!/^[a-z][a-z0-9-]{1,20}$/.test(d.name)) problems.push(`${d.name}: name must be lower-case kebab-case, 2-21 characters`);
    if (names.has(d.name)) problems.push(`${d.name}: name used twice`);
    names.add(d.name);
    if (d.account !== undefined && !/^\d{12}$/.test(d.account)) problems.push(`${d.name}: account must be 12 digits`);
    if (d.arbeidsmarktregios.length === 0) problems.push(`${d.name}: serves no arbeidsmarktregio`);
    for (const regio of d.arbeidsmarktregios) {
      // One regio in two deployments of the same stage would split its gemeenten's data over two tables.
      const key = `${d.stage}/${regio}`;
      const other = served.get(key);
      if (other) problems.push(`${d.name}: ${regio} is already served by ${other} (stage ${d.stage})`);
      served.set(key, d.name);
    }
    for (const origin of [...d.corsAllowedOrigins, ...d.oauthCallbackUrls, ...d.oauthLogoutUrls]) {
      if (!/^https:\/\/[^/\s]+(\/\S*)?$/.test(origin)) problems.push(`${d.name}: ${origin} is not an https URL`);
    }
    for (const origin of d.corsAllowedOrigins) {
      if (new URL(origin).origin !== origin) problems.push(`${d.name}: CORS origin ${origin} has a path or trailing slash`);
    }
    if (!/^[^@\s]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(d.mailAfzender)) problems.push(`${d.name}: mailAfzender is not an address`);
  }
  if (problems.length > 0) throw new Error(`werkcoop: infra/config/deployments.ts is invalid:\n- ${problems.join('\n- ')}`);
};

/** All deployments, or the one named (cdk context `deployment`); an unknown name fails the synth. */
export const selectDeployments = (name: string | undefined, list: readonly Deployment[] = deployments): readonly Deployment[] => {
  validateDeployments(list);
  if (name === undefined) return list;
  const found = list.filter((d) => d.name === name);
  if (found.length === 0) {
    throw new Error(`werkcoop: no deployment '${name}' in infra/config/deployments.ts (known: ${list.map((d) => d.name).join(', ')}).`);
  }
  return found;
};

export const stackName = (d: Deployment, part: 'stateful' | 'stateless'): string => `werkcoop-${d.name}-${part}`;
/** The sender's domain: the SES identity the mail consumer may send as. */
export const mailDomain = (d: Deployment): string => d.mailAfzender.slice(d.mailAfzender.indexOf('@') + 1);
