/**
 * `npm start` (and `npm run demo`): the whole API on this machine, on Amazon's DynamoDB Local and a
 * local SQS, with the real handlers. Everything that must survive a restart lives in .data/.
 */
import { JavaMissingError } from './dynamodb-local';
import { loadDemoData } from './demo';
import { DEFAULT_DATA_DIR } from './paths';
import { PortInUseError } from './ports';
import { startLocalRuntime, type LocalRuntime } from './runtime';

const demo = process.argv.includes('--demo');
const dataDir = process.env.WERKCOOP_DATA_DIR ?? DEFAULT_DATA_DIR;
const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a port number`);
  return value;
};

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
let runtime: LocalRuntime | undefined;

try {
  console.log('werkcoop lokaal starten …');
  runtime = await startLocalRuntime({
    port: numberFrom('PORT', 3000),
    dynamodbPort: numberFrom('WERKCOOP_DYNAMODB_PORT', 8000),
    sqsPort: numberFrom('WERKCOOP_SQS_PORT', 9324),
    dataDir,
    ...(process.env.CORS_ALLOWED_ORIGINS ? { corsAllowedOrigins: process.env.CORS_ALLOWED_ORIGINS } : {}),
    onProgress: (step) => console.log(`  ${step} (${elapsed()})`),
  });
} catch (error) {
  if (error instanceof JavaMissingError || error instanceof PortInUseError) {
    console.error(`\nwerkcoop kan niet starten: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

const rt = runtime;
const rssMb = rt.dynamodb.engine?.rssKb();
const lines = [
  '',
  `werkcoop draait lokaal (gestart in ${elapsed()})`,
  '',
  `  API            ${rt.baseUrl}/v1   (OpenAPI: ${rt.baseUrl}/v1/openapi.json)`,
  `  portaal        ${rt.baseUrl}/portaal   (inloggen: kies op ${rt.baseUrl}/local/inloggen een rol en organisatie, of een lokaal account)`,
  `  DynamoDB Local ${rt.dynamodb.endpoint}   tabel ${rt.table.tableName}, data in ${rt.dynamodb.engine?.dbPath ?? '(extern)'}` +
    (rssMb ? `, JVM ${Math.round(rssMb / 1024)} MB` : ''),
  `  SQS (fauxqs)   ${rt.sqs.endpoint}`,
  ...rt.queues.map((q) => `                 ${q.name}: ${q.url}  (DLQ ${q.dlqName})`),
  `  JWKS           ${rt.issuer.jwksUrl}   (issuer ${rt.issuer.issuerUrl}, audience ${rt.issuer.audience})`,
  `  mail-outbox    ${rt.mail.dir}   (lijst: GET ${rt.baseUrl}/local/mail)`,
  '',
  '  token:         npm run -s token -- coopAdmin          (of: gemeente GM0363 | werkgever <lidId>)',
  `                 curl -X POST ${rt.baseUrl}/local/tokens -d '{"rol":"gemeente","tenant":"GM0363"}'`,
  `                 npm run -s token -- --gebruiker <e-mail>   (een medewerker van een regiopartner; accounts in ${rt.env.LOCAL_USERS_DIR})`,
  `  DLQ terugzetten: npm run redrive -- <wachtrij>   (of: curl -X POST ${rt.baseUrl}/local/dlq/<wachtrij>/redrive)`,
  ...Object.entries(rt.jobs.nextRuns()).map(([job, at]) => `  taak ${job}: volgende run ${at ?? '—'}; nu: npm run job -- ${job} [--datum JJJJ-MM-DD]`),
  '',
  'Ctrl-C stopt alles.',
];
console.log(lines.join('\n'));

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) {
    // A second Ctrl-C: stop waiting; the JVM dies with this process (parent-death signal).
    process.exit(1);
  }
  stopping = true;
  console.log(`\n${signal}: stoppen …`);
  await rt.stop();
  console.log('gestopt.');
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

if (demo) {
  try {
    console.log('\ndemodata laden via de API …');
    const result = await loadDemoData({ baseUrl: rt.baseUrl, mintToken: rt.mintToken, log: (l) => console.log(`  ${l}`) });
    console.log('\nleden:');
    for (const lid of result.leden) console.log(`  ${lid.id}  ${lid.status.padEnd(11)} ${lid.naam}`);
    console.log('\ntokens (1 uur geldig; nieuwe met npm run -s token):');
    for (const [wie, token] of Object.entries(result.tokens)) console.log(`  ${wie}:\n    ${token}\n`);
  } catch (error) {
    console.error(`demodata laden mislukt: ${(error as Error).message}`);
  }
}
