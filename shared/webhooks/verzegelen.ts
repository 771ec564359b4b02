import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { sleutelmateriaal } from '../privacy/pseudoniem';

/**
 * A subscription's signing secret and its Authorization value are stored sealed: AES-256-GCM (authenticated,
 * so a changed ciphertext fails rather than decrypts to garbage) under a key derived with HKDF-SHA256 from the
 * deployment's secret in Secrets Manager (the pseudonym key's secret; locally the runtime's local key), with
 * a label of its own so the two uses never share a key. The subscription's id is the associated data: a
 * sealed value copied onto another subscription does not open there. Reading the table gives neither value.
 */
const LABEL = 'werkcoop:abonnementen:verzegeld:v1';
let sleutel: Promise<Buffer> | undefined;
const aesSleutel = (): Promise<Buffer> =>
  (sleutel ??= sleutelmateriaal().then((m) => Buffer.from(hkdfSync('sha256', m, Buffer.alloc(0), LABEL, 32))));

export const verzegel = async (waarde: string, abonnementId: string): Promise<string> => {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', await aesSleutel(), iv);
  c.setAAD(Buffer.from(abonnementId, 'utf8'));
  const tekst = Buffer.concat([c.update(waarde, 'utf8'), c.final()]);
  return `v1.${Buffer.concat([iv, c.getAuthTag(), tekst]).toString('base64url')}`;
};

export const ontzegel = async (verzegeld: string, abonnementId: string): Promise<string> => {
  if (!verzegeld.startsWith('v1.')) throw new Error('verzegelen: onbekende vorm');
  const b = Buffer.from(verzegeld.slice(3), 'base64url');
  const d = createDecipheriv('aes-256-gcm', await aesSleutel(), b.subarray(0, 12));
  d.setAAD(Buffer.from(abonnementId, 'utf8'));
  d.setAuthTag(b.subarray(12, 28));
  return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
};
