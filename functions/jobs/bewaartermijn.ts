import type { Context } from 'aws-lambda';
import * as z from 'zod';
import type { Principal } from '../../shared/auth/rollen';
import { DomeinFout } from '../../shared/domain/fouten';
import { logger } from '../../shared/observability/logger';
import { pseudonimiseerder } from '../../shared/privacy/pseudoniem';
import { metVerwerkingenlog } from '../../shared/privacy/vastleggen';
import { verlopenBewaartermijnen } from '../../shared/store/bewaartermijn-store';
import { dynamoPrivacyStore } from '../../shared/store/privacy-store';
import { dynamoVerwijzingenStore } from '../../shared/store/verwijzingen-store';
import { privacyUseCases } from '../../shared/use-cases/privacy';

const Invoer = z
  .object({
    /** The day to erase up to, in Europe/Amsterdam; default today. `npm run job -- bewaartermijn --datum`. */
    datum: z.iso.date().optional(),
  })
  .loose();

const vandaag = (nu: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(nu);

const SYSTEEM: Principal = { rol: 'systeem', subject: 'bewaartermijn' };
const verwijzingen = dynamoVerwijzingenStore();
const privacy = privacyUseCases({ store: dynamoPrivacyStore(), verwijzing: (id) => verwijzingen.haal(id), pseudonimiseerder });

export interface BewaartermijnResultaat {
  readonly datum: string;
  readonly gewist: number;
  readonly mislukt: number;
}

/**
 * The retention job (EventBridge Scheduler, nightly): every closed referral whose term ended by `datum` is
 * erased through the same use case as an erasure request (aanleiding 'bewaartermijn'), found through the
 * sparse expiry index — never a Scan. Idempotent and resumable as that erasure is: an erased referral's
 * expiry item goes with it, so the next run does not meet it again; one that fails (a concurrent change)
 * keeps its expiry item and is taken up again the next night, where it stopped.
 */
export const handler = async (event: unknown, context?: Context): Promise<BewaartermijnResultaat> => {
  if (context) logger.addContext(context);
  const { datum = vandaag(new Date()) } = Invoer.parse(event ?? {});
  return metVerwerkingenlog(context, async () => {
    let gewist = 0;
    let mislukt = 0;
    let cursor: string | undefined;
    do {
      const pagina = await verlopenBewaartermijnen(datum, cursor);
      for (const verwijzingId of pagina.verwijzingIds) {
        try {
          await privacy.verwijderen(SYSTEEM, verwijzingId, 'bewaartermijn');
          gewist++;
        } catch (error) {
          // One person's failure does not stop the others'; it stays due and is tried again next time.
          mislukt++;
          logger.warn('Bewaartermijn: wissen niet gelukt', { verwijzingId, fout: error instanceof DomeinFout ? error.message : String(error) });
        }
      }
      // Erased items leave the index, but a page read before them may still hold a cursor past them: read on.
      cursor = pagina.cursor;
    } while (cursor);
    logger.info('bewaartermijn klaar', { datum, gewist, mislukt });
    return { datum, gewist, mislukt };
  });
};
