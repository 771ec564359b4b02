import { randomUUID } from 'node:crypto';
import { link, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Writes a file only if none exists at that path, and never lets a reader see it half-written: the
 * content goes whole into a name of its own, then link() puts it in place, which fails with EEXIST when
 * the path is taken. With writeFile's 'wx' alone a racing reader (a second delivery of the same message,
 * a test polling the outbox) could find the file empty. The local adapters (accounts, mail) stand in
 * for Cognito and SES, which are atomic; so must they be. Returns whether this call wrote it.
 */
export const schrijfEenmalig = async (pad: string, inhoud: string, mode = 0o600): Promise<boolean> => {
  await mkdir(dirname(pad), { recursive: true });
  const tijdelijk = join(dirname(pad), `.${randomUUID()}.tmp`);
  await writeFile(tijdelijk, inhoud, { mode });
  try {
    await link(tijdelijk, pad);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(tijdelijk, { force: true });
  }
};
