import * as z from 'zod';

/**
 * The environment a function runs with, read once at module load and failing fast: a missing variable
 * is a deployment mistake, found on the first cold start instead of on the first request that needs it.
 * The CDK stack sets these per function; the local runtime sets the same names for its in-process
 * handlers.
 */
const Env = z.object({
  TABLE_NAME: z.string().min(1).optional(),
  /** Only set locally: DynamoDB Local's endpoint. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** Only set locally: the local SQS endpoint (its queue URLs use host names that do not resolve). */
  SQS_ENDPOINT: z.url().optional(),
  NOTIFICATIES_QUEUE_URL: z.string().min(1).optional(),
  /** The webhooks consumer's own queue: the outbox forwards new events here, and the consumer its re-sends. */
  WEBHOOKS_QUEUE_URL: z.string().min(1).optional(),
  /** The nazorg sweep sends due moments here. */
  NAZORG_QUEUE_URL: z.string().min(1).optional(),
  /** Bearer token verification: the issuer, the accepted audiences/client ids and the JWKS. */
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  JWKS_URL: z.url().optional(),
  /** Comma-separated origins allowed by CORS. */
  CORS_ALLOWED_ORIGINS: z.string().default(''),
  /** 'ses' in AWS; 'bestand' writes each mail as a JSON file into MAIL_OUTBOX_DIR (local). */
  MAIL_ADAPTER: z.enum(['ses', 'bestand']).default('ses'),
  MAIL_AFZENDER: z.string().default('noreply@werkcoop.nl'),
  MAIL_OUTBOX_DIR: z.string().optional(),
  /** Machine clients of approved regiopartners: 'cognito' app clients in USER_POOL_ID, or the local issuer's registry in LOCAL_CLIENTS_DIR. */
  MACHINE_CLIENT_ADAPTER: z.enum(['cognito', 'lokaal']).default('cognito'),
  USER_POOL_ID: z.string().min(1).optional(),
  LOCAL_CLIENTS_DIR: z.string().optional(),
  /** Accounts of partners' staff: 'cognito' users in USER_POOL_ID, or the local register of accounts in LOCAL_USERS_DIR. */
  ACCOUNT_ADAPTER: z.enum(['cognito', 'lokaal']).default('cognito'),
  LOCAL_USERS_DIR: z.string().optional(),
  /** Where the partner-accounts consumer sends its work (the outbox forwards PartnerGebruiker items here). */
  GEBRUIKERS_QUEUE_URL: z.string().min(1).optional(),
  /** Only set locally: the local runtime's API base URL (with /v1), listed as a server in the OpenAPI document it serves. */
  LOKALE_API_URL: z.url().optional(),
  /**
   * The API's public address with /v1, which events name as their `dataref` (issue #14). Unset, the local
   * runtime's address (LOKALE_API_URL) or else the production address of the OpenAPI document.
   */
  API_URL: z.url().optional(),
  /**
   * The SSRF guard's switch (shared/webhooks/verzenden.ts): 'ja' lets callbacks reach loopback, for a receiver
   * in the test process. Only the local runtime and the tests set it; never a stack (test/infra asserts it).
   */
  WEBHOOKS_LOOPBACK_TOESTAAN: z.enum(['ja']).optional(),
  /** The OAuth 2.0 token endpoint a machine client uses (client credentials). */
  TOKEN_URL: z.url().optional(),
  /**
   * The key of the processing log's pseudonyms (HMAC-SHA256 of a data subject's id). In AWS only the ARN
   * of the Secrets Manager secret that holds it is configured, and the key is read from there on first use;
   * PSEUDONIEM_SLEUTEL itself is set only by the local runtime and the tests (shared/privacy/pseudoniem.ts).
   */
  PSEUDONIEM_SLEUTEL_ARN: z.string().min(1).optional(),
  PSEUDONIEM_SLEUTEL: z.string().min(32).optional(),
  /**
   * How long the personal data of a closed referral and its placements is kept after it closed, before the
   * retention job erases it (shared/privacy/bewaartermijn.ts). One term for the deployment: see there why.
   */
  BEWAARTERMIJN_MAANDEN: z.coerce.number().int().min(0).max(240).default(24),
  /**
   * How long a record of the processing log is kept (from the moment of the processing), after which the
   * table's TTL removes it. Longer than BEWAARTERMIJN_MAANDEN, so the log can account for data after it is
   * gone. Five years by default: our choice, not a legal term; set it per deployment as the processing
   * agreement with the gemeenten says.
   */
  VERWERKINGEN_BEWAARTERMIJN_MAANDEN: z.coerce.number().int().min(1).max(240).default(60),
  /**
   * The portal's address as people reach it (the links in mails point here): the deployment's portal domain
   * in AWS, the local runtime's own address locally.
   */
  PORTAAL_URL: z.url().optional(),
  /** The portal's stylesheet with its content hash in the name (infra/web/statisch.ts), served by functions/web/statisch.ts. */
  PORTAAL_STIJL: z.string().startsWith('/portaal/statisch/').default('/portaal/statisch/werkcoop.css'),
  /**
   * How people sign in to the portal: 'cognito' (the user pool's managed login; the default, and the only
   * value in AWS) or 'lokaal', which only the local runtime sets: a page under /local then picks the role.
   * Never set by the CDK stacks (test/infra asserts it).
   */
  PORTAAL_INLOGGEN: z.enum(['cognito', 'lokaal']).default('cognito'),
  /** The portal's app client in the user pool (authorization code + PKCE, public) and the pool's issuer and managed login domain. */
  PORTAAL_CLIENT_ID: z.string().min(1).optional(),
  PORTAAL_OIDC_ISSUER: z.url().optional(),
  PORTAAL_LOGIN_URL: z.url().optional(),
  /** Where functions/web/statisch.ts finds the built files: beside its bundle in AWS, a build folder locally. */
  STATISCH_DIR: z.string().optional(),
});
export type Env = z.infer<typeof Env>;

let cached: Env | undefined;

/** Parsed on first use (module load of the function that needs it) and kept for the container's life. */
export const env = (): Env => {
  if (!cached) {
    const parsed = Env.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`werkcoop: environment incomplete (${problems}). Set these in the stack or the local runtime.`);
    }
    cached = parsed.data;
  }
  return cached;
};

export const requireEnv = <K extends keyof Env>(key: K): NonNullable<Env[K]> => {
  const value = env()[key];
  if (value === undefined || value === '') throw new Error(`werkcoop: environment variable ${String(key)} is not set.`);
  return value as NonNullable<Env[K]>;
};

/**
 * The portal's address, where the links in mails point: PORTAAL_URL, or else the deployment's first CORS
 * origin (the portal's domain, which the deployments config names).
 */
export const portaalUrl = (): string => env().PORTAAL_URL ?? env().CORS_ALLOWED_ORIGINS.split(',').find(Boolean) ?? 'https://portaal.werkcoop.nl';

/** The API's public address, with /v1: where an event's `dataref` points (shared/domain/abonnementen). */
export const apiUrl = (): string => env().API_URL ?? env().LOKALE_API_URL ?? 'https://api.werkcoop.nl/v1';
