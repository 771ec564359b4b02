import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One mail as the 'bestand' mail adapter wrote it: a JSON file in MAIL_OUTBOX_DIR. */
export interface OutboxMail {
  readonly file: string;
  readonly writtenAt: string;
  readonly mail: unknown;
}

export interface MailOutbox {
  readonly dir: string;
  /** Newest first, so the mail a test just caused is `list()[0]`. */
  list(): OutboxMail[];
}

export const mailOutbox = (dir: string): MailOutbox => {
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    list: () =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((file) => {
          const path = join(dir, file);
          return { file, mtimeMs: statSync(path).mtimeMs, text: readFileSync(path, 'utf8') };
        })
        .sort((a, b) => b.mtimeMs - a.mtimeMs || b.file.localeCompare(a.file))
        .map(({ file, mtimeMs, text }) => {
          let mail: unknown;
          try {
            mail = JSON.parse(text);
          } catch {
            // A file being written right now; show it as text rather than failing the whole list.
            mail = text;
          }
          return { file, writtenAt: new Date(mtimeMs).toISOString(), mail };
        }),
  };
};
