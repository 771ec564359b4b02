import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The local key of the processing log's pseudonyms (in AWS a Secrets Manager secret; see
 * shared/privacy/pseudoniem.ts). With a data directory (npm start) it is kept there, so a person's records
 * written before a restart are still found under the same pseudonym; without one (tests) it is new per run.
 */
export const localPseudoniemSleutel = (dataDir?: string): string => {
  if (!dataDir) return randomBytes(32).toString('base64url');
  const file = join(dataDir, 'privacy', 'pseudoniem-sleutel');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const sleutel = randomBytes(32).toString('base64url');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, sleutel, { mode: 0o600 });
    return sleutel;
  }
};
