import { createHmac } from 'node:crypto';
import { env } from '../config/env';

/**
 * The processing log names a data subject by a pseudonym: HMAC-SHA256 of the subject's id (the referral's
 * id for a candidate; the member's, gemeente's or partner's id for a contact person) under a secret key,
 * base64url. Why this and not something else:
 *
 * - not the id in clear: the log is kept longer than the data it records (it must survive an erasure to
 *   account for it), and whoever reads it should not be able to join it with the table or with a
 *   gemeente's own records without the key;
 * - not a plain SHA-256 of the id: ids are known to many (the gemeente has its referral's id), so anyone
 *   could hash an id and find that person's records; with a keyed hash only a holder of the key can;
 * - not random per record: the log must be queryable per person, so the same person must get the same
 *   pseudonym every time — the coordinator asks for a referral's id and the API computes its pseudonym.
 *
 * The key is a Secrets Manager secret in AWS (created with the table, readable only by the functions), so
 * it is not in the function's configuration; locally and in the tests the runtime sets it directly.
 */
let sleutel: Promise<Buffer> | undefined;

const laadSleutel = async (): Promise<Buffer> => {
  const { PSEUDONIEM_SLEUTEL, PSEUDONIEM_SLEUTEL_ARN } = env();
  if (PSEUDONIEM_SLEUTEL) return Buffer.from(PSEUDONIEM_SLEUTEL, 'utf8');
  if (!PSEUDONIEM_SLEUTEL_ARN) throw new Error('werkcoop: geen sleutel voor de pseudoniemen van het verwerkingenlogboek (PSEUDONIEM_SLEUTEL_ARN).');
  // Loaded only where a function first writes or reads the log, so a cold start that logs nothing pays nothing.
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({});
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: PSEUDONIEM_SLEUTEL_ARN }));
    if (!SecretString || SecretString.length < 32) throw new Error('werkcoop: het geheim met de pseudoniemsleutel is leeg of te kort.');
    return Buffer.from(SecretString, 'utf8');
  } finally {
    client.destroy();
  }
};

/**
 * The deployment's secret key material (read once; a failed read is tried again next time). Besides the
 * pseudonyms it seals the subscriptions' secrets (shared/webhooks/verzegelen.ts), under a key of its own
 * derived with HKDF, so every API function that already reads it needs no second secret or right.
 */
export const sleutelmateriaal = (): Promise<Buffer> =>
  (sleutel ??= laadSleutel().catch((error: unknown) => {
    sleutel = undefined;
    throw error;
  }));

/** The pseudonymiser with the container's key. */
export const pseudonimiseerder = async (): Promise<(id: string) => string> => {
  const k = await sleutelmateriaal();
  return (id) => createHmac('sha256', k).update(id, 'utf8').digest('base64url');
};
