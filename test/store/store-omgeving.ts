import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/aws-local';
import { lokaalAccountRegister } from '../../shared/auth/gebruikersaccounts';
import { createTestTable, testEngines } from '../support/engines';

/**
 * Points the store modules at a fresh table in the run's DynamoDB Local. Must run before the first
 * store call: the environment is read once per process, as in Lambda.
 */
export const storeOmgeving = async (): Promise<{ tableName: string; mailDir: string }> => {
  const tableName = await createTestTable();
  const mailDir = mkdtempSync(join(tmpdir(), 'werkcoop-mail-'));
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: testEngines().dynamodbEndpoint,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    MAIL_ADAPTER: 'bestand',
    MAIL_OUTBOX_DIR: mailDir,
    POWERTOOLS_LOG_LEVEL: 'WARN',
    // The consumers write their processing records at a batch's end; without a key they would log an error and drop them.
    PSEUDONIEM_SLEUTEL: randomBytes(32).toString('hex'),
  });
  return { tableName, mailDir };
};

/**
 * The store environment plus a local account register in a temp dir, and the accounts consumer's handler
 * imported once that is set: it makes its adapter at module load, as in Lambda.
 */
export const accountsOmgeving = async () => {
  await storeOmgeving();
  const dir = mkdtempSync(join(tmpdir(), 'werkcoop-gebruikers-'));
  Object.assign(process.env, { ACCOUNT_ADAPTER: 'lokaal', LOCAL_USERS_DIR: dir });
  const { handler } = await import('../../functions/consumers/partneraccounts');
  return { dir, register: lokaalAccountRegister(dir), handler };
};
