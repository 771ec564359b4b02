import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent, SQSHandler, SQSRecord } from 'aws-lambda';
import { ulid } from 'ulidx';
import * as z from 'zod';
import { plusDagen } from '../../shared/domain/nazorg';
import type { Notificatie } from '../../shared/domain/notificaties';
import { logger } from '../../shared/observability/logger';
import type { Nazorgmoment } from '../../shared/schemas/nazorg';
import { dynamo, tabel } from '../../shared/store/dynamodb';
import { escaleerOnbeantwoord, haalMomentMetPlaatsing, markeerVerstuurd } from '../../shared/store/nazorg-store';
import { notificatieItem } from '../../shared/store/notificaties-store';
import { sleutels } from '../../shared/store/sleutels';
import type { TransactieItem } from '../../shared/store/zoekprofielen';

const Bericht = z.strictObject({ nazorgmomentId: z.string().min(1).max(64) });
const Contact = z.object({ naam: z.string(), email: z.string() });
type Contact = z.infer<typeof Contact>;

/** A message naming a moment that does not exist: it fails alone and, after maxReceiveCount, lands in the DLQ. */
export class OnbekendNazorgmoment extends Error {
  constructor(id: string) {
    super(`nazorgmoment ${id} bestaat niet`);
    this.name = 'OnbekendNazorgmoment';
  }
}

export type NazorgUitkomst = 'verstuurd' | 'geescaleerd' | 'nietsTeDoen' | 'alAfgehandeld';

const processor = new BatchProcessor(EventType.SQS);
/** The sweep and the consumer count days as the Dutch calendar does. */
export const vandaag = (nu: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(nu);

/** The contacts of the employer and (if assigned) the jobcoach organisation, in one BatchGetItem. */
const contacten = async (m: Nazorgmoment): Promise<Contact[]> => {
  const keys = [sleutels.lid(m.lidId), ...(m.jobcoachPartnerId ? [sleutels.partner(m.jobcoachPartnerId)] : [])];
  const r = await dynamo().send(new BatchGetCommand({ RequestItems: { [tabel()]: { Keys: keys, ProjectionExpression: 'contactpersoon' } } }));
  if (Object.keys(r.UnprocessedKeys ?? {}).length) throw new Error('contactgegevens niet volledig gelezen; later opnieuw');
  return (r.Responses?.[tabel()] ?? []).flatMap((i) => {
    const c = Contact.safeParse(i.contactpersoon);
    return c.success ? [{ naam: c.data.naam, email: c.data.email }] : [];
  });
};

const uitnodiging = (m: Nazorgmoment, aan: Contact, nu: string): Notificatie => ({
  id: ulid(),
  soort: 'nazorgmomentVerstuurd',
  aan,
  onderwerp: 'Nazorg: hoe gaat het met de plaatsing?',
  tekst:
    `Er staat een nazorgmoment open voor plaatsing ${m.plaatsingId} (vervaldatum ${m.vervaldatum}). ` +
    `Beantwoord het uiterlijk ${plusDagen(m.vervaldatum, m.reactietermijnDagen)} via werkcoop, nazorgmoment ${m.id}.`,
  onderwerpType: 'nazorgmoment',
  onderwerpId: m.id,
  aangemaaktOp: nu,
});

/** One transaction whose first entry is the moment's condition: a failed condition there means already done. */
const schrijf = async (items: TransactieItem[]): Promise<boolean> => {
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
    return true;
  } catch (error) {
    if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
    throw error;
  }
};

/**
 * What is due for one moment, decided by its status (the due index only says "look at it"):
 * - gepland and due: it becomes the open follow-up task of the employer and the jobcoach — marked
 *   verstuurd, with their invitations in the outbox, in one transaction conditional on `gepland`; the
 *   due index moves to the answer deadline;
 * - verstuurd, unanswered, deadline passed: escalated (escalation + the gemeente's notice), once;
 * - anything else (answered, cancelled, not yet due, already escalated): nothing.
 * A duplicate, a second sweep's message or a retry after a crash meets a failed condition: one effect.
 */
export const verwerkNazorgmoment = async (nazorgmomentId: string, nu = new Date()): Promise<NazorgUitkomst> => {
  const { moment: m, gemeente } = await haalMomentMetPlaatsing(nazorgmomentId, true);
  if (!m) throw new OnbekendNazorgmoment(nazorgmomentId);
  const dag = vandaag(nu);
  const tijdstip = nu.toISOString();
  if (m.status === 'gepland' && m.vervaldatum <= dag) {
    const mails = (await contacten(m)).map((c) => uitnodiging(m, c, tijdstip));
    const items: TransactieItem[] = [
      markeerVerstuurd(m, tijdstip),
      ...mails.map((n) => ({ Put: { TableName: tabel(), Item: notificatieItem(n), ConditionExpression: 'attribute_not_exists(pk)' } })),
    ];
    return (await schrijf(items)) ? 'verstuurd' : 'alAfgehandeld';
  }
  const onbeantwoord = m.status === 'verstuurd' && m.antwoorden.length === 0 && m.geescaleerdOp === undefined;
  if (onbeantwoord && plusDagen(m.vervaldatum, m.reactietermijnDagen) <= dag) {
    if (!gemeente) throw new Error(`gemeente ${m.gemeente} van nazorgmoment ${m.id} niet gevonden`);
    const items = escaleerOnbeantwoord(m, gemeente, { escalatieId: ulid(), notificatieId: ulid() }, tijdstip);
    return (await schrijf(items)) ? 'geescaleerd' : 'alAfgehandeld';
  }
  return 'nietsTeDoen';
};

const verwerk = async (record: SQSRecord) => {
  const { nazorgmomentId } = Bericht.parse(JSON.parse(record.body));
  const uitkomst = await verwerkNazorgmoment(nazorgmomentId);
  logger.info('nazorgmoment verwerkt', { nazorgmomentId, uitkomst, ontvangen: record.attributes.ApproximateReceiveCount });
};

/** Nazorg queue consumer: each failed message is reported alone (ReportBatchItemFailures). */
export const handler: SQSHandler = async (event: SQSEvent, context) => {
  logger.addContext(context);
  return processPartialResponse(event, verwerk, processor, { context });
};
