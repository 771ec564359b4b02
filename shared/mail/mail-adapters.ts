import { join } from 'node:path';
import { schrijfEenmalig } from '../lokaal/bestanden';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { env, requireEnv } from '../config/env';
import type { MailPoort } from '../use-cases/poorten';

/** SES in AWS. SES has no idempotency key: the outbox lease keeps duplicates to a crash in the send window. */
const sesMail = (): MailPoort => {
  const ses = new SESv2Client({});
  return {
    async verstuur(b) {
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: env().MAIL_AFZENDER,
          Destination: { ToAddresses: [`${b.aan.naam.replace(/[<>",]/g, '')} <${b.aan.email}>`] },
          Content: { Simple: { Subject: { Data: b.onderwerp, Charset: 'UTF-8' }, Body: { Text: { Data: b.tekst, Charset: 'UTF-8' } } } },
        }),
      );
    },
  };
};

/**
 * Locally every mail is a JSON file named by its notification id, created exclusively: a second send of
 * the same message fails with EEXIST and counts as already sent, so the outbox shows each mail once.
 */
const bestandMail = (): MailPoort => ({
  async verstuur(b) {
    const dir = requireEnv('MAIL_OUTBOX_DIR');
    const bericht = { ...b, van: env().MAIL_AFZENDER, verstuurdOp: new Date().toISOString() };
    await schrijfEenmalig(join(dir, `${b.id}.json`), JSON.stringify(bericht, null, 2), 0o644);
  },
});

export const mailAdapter = (): MailPoort => (env().MAIL_ADAPTER === 'bestand' ? bestandMail() : sesMail());
