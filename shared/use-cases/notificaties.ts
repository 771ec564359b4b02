import { zonderPersoonlijkeLinks } from '../domain/nazorglinks';
import { logVerwerking } from '../privacy/verwerkingen';
import type { MailPoort, NotificatieStore } from './poorten';

export type VerzendUitkomst = 'verzonden' | 'alVerzonden' | 'onbekend';

/**
 * Sends one outbox message at most once per successful claim. Duplicates (a re-forwarded stream record, a
 * redelivered SQS message) find it sent and do nothing; a sender that died mid-way leaves a lease that
 * expires, after which a retry sends it. 'bezet' throws so the message is retried later, not dropped.
 */
export const verstuurNotificatie = async (
  deps: { store: NotificatieStore; mail: MailPoort; klok?: () => Date },
  notificatieId: string,
): Promise<VerzendUitkomst> => {
  const nu = deps.klok?.() ?? new Date();
  const n = await deps.store.haal(notificatieId);
  if (!n) return 'onbekend';
  if (n.status === 'verzonden') return 'alVerzonden';
  const claim = await deps.store.claim(notificatieId, nu);
  if (claim === 'alVerzonden') return 'alVerzonden';
  if (claim === 'bezet') throw new Error(`Notificatie ${notificatieId} wordt al door een andere verzender verstuurd; later opnieuw.`);
  await deps.mail.verstuur({ id: n.id, aan: n.aan, onderwerp: n.onderwerp, tekst: n.tekst });
  // A personal link is a credential: once the mail is out, the kept notification no longer holds it.
  const bewaard = zonderPersoonlijkeLinks(n.tekst);
  await deps.store.markeerVerzonden(notificatieId, deps.klok?.() ?? new Date(), bewaard === n.tekst ? undefined : bewaard);
  logVerwerking({ activiteit: 'notificatieVersturen', door: { rol: 'systeem', subject: 'notificaties' }, betrokkenen: [n.onderwerpId], status: 'gelukt' });
  return 'verzonden';
};
