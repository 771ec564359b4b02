import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSBatchResponse, SQSEvent, SQSHandler } from 'aws-lambda';
import { ulid } from 'ulidx';
import * as z from 'zod';
import { portaalUrl } from '../../shared/config/env';
import { vandaagInNederland } from '../../shared/domain/kalender';
import { linkGeldigTot, linkHash, nazorglinkUrl, nieuwLinkToken, type LinkOntvanger, type NazorgLink } from '../../shared/domain/nazorglinks';
import type { Notificatie } from '../../shared/domain/notificaties';
import { logger } from '../../shared/observability/logger';
import { STANDAARD_LINK_NATERMIJN_DAGEN } from '../../shared/schemas/gemeenten';
import type { Nazorgmoment } from '../../shared/schemas/nazorg';
import { tabel, dynamo } from '../../shared/store/dynamodb';
import {
  antwoordUiterlijkBijVersturen,
  escalatiedatum,
  escaleerOnbeantwoord,
  haalMomenten,
  haalProjectie,
  markeerVerstuurd,
  type MomentVerwijzing,
} from '../../shared/store/nazorg-store';
import { linkItem } from '../../shared/store/nazorglinks-store';
import { gebeurtenisItems } from '../../shared/store/uitgaand-store';
import { uitMomentVerstuurd } from '../../shared/domain/abonnementen/wijzigingen';
import { notificatieItem } from '../../shared/store/notificaties-store';
import { sleutels } from '../../shared/store/sleutels';
import type { TransactieItem } from '../../shared/store/zoekprofielen';

/**
 * The nazorg queue's consumer. A message names a moment the sweep found in the due index; what is due is
 * decided here by the moment's status:
 * - gepland and due: it becomes the open follow-up task of the employer and the jobcoach — marked
 *   verstuurd, with their invitations in the outbox, conditional on `gepland`; its answer deadline counts
 *   from today;
 * - verstuurd, unanswered, past antwoordUiterlijk: escalated (escalation + the gemeente's notice), once;
 * - anything else (answered, cancelled, not yet due, already escalated): nothing.
 * A duplicate, a second sweep's message or a retry after a crash meets a failed condition: one effect.
 *
 * The batch is handled as a batch, by hand rather than with Powertools' BatchProcessor (which handles one
 * record at a time): its moments are read in one BatchGetItem, the contacts and gemeenten they need in one
 * more, and every moment's writes go in one TransactWriteItems — three requests for up to ten follow-ups
 * instead of four per follow-up. Each moment's writes stay all-or-nothing: a moment whose condition fails
 * (already handled) is dropped from the transaction and the rest retried; a message that cannot be handled
 * is reported alone (ReportBatchItemFailures) and ends in the DLQ after maxReceiveCount.
 */
const Bericht = z.strictObject({
  nazorgmomentId: z.string().min(1).max(64),
  // Named by the sweep from the due index's keys; a message without them is looked up through the pointer.
  plaatsingId: z.string().min(1).max(64).optional(),
  vervaldatum: z.iso.date().optional(),
});

/** Only the name and address of whoever's contact person: the rest of the item is not read. */
const Contactpersoon = z.object({ naam: z.string(), email: z.string() });
type Contactpersoon = z.infer<typeof Contactpersoon>;
/** Of the gemeente, for an invitation: how long its links stay valid after the deadline. */
const LinkInstelling = z.object({ nazorglinkGeldigNaDeadlineDagen: z.number().int().min(0).optional() }).optional();

/** A message naming a moment that does not exist: it fails alone and, after maxReceiveCount, lands in the DLQ. */
export class OnbekendNazorgmoment extends Error {
  constructor(id: string) {
    super(`nazorgmoment ${id} bestaat niet`);
    this.name = 'OnbekendNazorgmoment';
  }
}

export type NazorgUitkomst = 'verstuurd' | 'geescaleerd' | 'nietsTeDoen' | 'alAfgehandeld';

/** How often a transaction cancelled by a concurrent write (an answer at the same moment) is tried again. */
const SCHRIJFPOGINGEN = 4;
/** DynamoDB's limit on the items of one transaction. */
const MAX_TRANSACTIE_ITEMS = 100;

type Actie = { soort: 'versturen' | 'escaleren'; moment: Nazorgmoment; items?: TransactieItem[] };

/**
 * The invitation to one recipient, with the personal link that lets it answer without an account
 * (shared/domain/nazorglinks.ts): the link item (only the token's hash) is written in the same transaction.
 */
const uitnodiging = (m: Nazorgmoment, aan: Contactpersoon, link: NazorgLink, token: string, nu: string): Notificatie => {
  const uiterlijk = antwoordUiterlijkBijVersturen(m, nu);
  return {
    id: ulid(),
    soort: 'nazorgmomentVerstuurd',
    aan,
    onderwerp: 'Nazorg: hoe gaat het met de plaatsing?',
    tekst:
      `Beste ${aan.naam},\n\nEr staat een nazorgmoment open voor een plaatsing die u begeleidt (vervaldatum ${m.vervaldatum}). ` +
      `Wilt u de vragen uiterlijk ${uiterlijk} beantwoorden? Dat kost een paar minuten en kan met deze persoonlijke link, zonder in te loggen:\n\n` +
      `${nazorglinkUrl(portaalUrl(), token)}\n\n` +
      `De link werkt tot en met ${link.geldigTot} en is alleen voor u: stuur hem niet door. Werkt uw organisatie met een eigen systeem, ` +
      `dan kan het antwoord ook via de API van werkcoop (nazorgmoment ${m.id}).`,
    onderwerpType: 'nazorgmoment',
    onderwerpId: m.id,
    aangemaaktOp: nu,
  };
};

const ontvangerVan = (m: Nazorgmoment, pk: string): LinkOntvanger =>
  pk === sleutels.lid(m.lidId).pk ? { rol: 'werkgever', lidId: m.lidId } : { rol: 'regiopartner', partnerId: m.jobcoachPartnerId! };

const wat = (m: Nazorgmoment, dag: string): Actie['soort'] | undefined => {
  if (m.status === 'gepland' && m.vervaldatum <= dag) return 'versturen';
  const onbeantwoord = m.status === 'verstuurd' && m.antwoorden.length === 0 && m.geescaleerdOp === undefined;
  return onbeantwoord && escalatiedatum(m) <= dag ? 'escaleren' : undefined;
};

/**
 * The contacts of the employers, jobcoach organisations and gemeenten the actions need, and the gemeenten's
 * link setting for invitations, in one BatchGetItem.
 */
const contacten = async (acties: readonly Actie[]): Promise<{ adressen: Map<string, Contactpersoon>; natermijnen: Map<string, number> }> => {
  const keys = acties.flatMap(({ soort, moment: m }) =>
    soort === 'versturen'
      ? [sleutels.lid(m.lidId), sleutels.gemeente(m.gemeente), ...(m.jobcoachPartnerId ? [sleutels.partner(m.jobcoachPartnerId)] : [])]
      : [sleutels.gemeente(m.gemeente)],
  );
  const unieke = [...new Map(keys.map((k) => [k.pk, k])).values()];
  const adressen = new Map<string, Contactpersoon>();
  const natermijnen = new Map<string, number>();
  for (const item of unieke.length ? await haalProjectie(unieke, 'contactpersoon, instellingen') : []) {
    const c = Contactpersoon.safeParse(item.contactpersoon);
    if (c.success) adressen.set(String(item.pk), { naam: c.data.naam, email: c.data.email });
    const i = LinkInstelling.safeParse(item.instellingen);
    if (i.success && i.data?.nazorglinkGeldigNaDeadlineDagen !== undefined) natermijnen.set(String(item.pk), i.data.nazorglinkGeldigNaDeadlineDagen);
  }
  return { adressen, natermijnen };
};

const itemsVoor = (a: Actie, { adressen, natermijnen }: Awaited<ReturnType<typeof contacten>>, nu: string): TransactieItem[] => {
  const m = a.moment;
  if (a.soort === 'versturen') {
    const aan = [sleutels.lid(m.lidId).pk, ...(m.jobcoachPartnerId ? [sleutels.partner(m.jobcoachPartnerId).pk] : [])].flatMap((pk) => {
      const c = adressen.get(pk);
      return c ? [{ pk, contact: c }] : [];
    });
    const natermijn = natermijnen.get(sleutels.gemeente(m.gemeente).pk) ?? STANDAARD_LINK_NATERMIJN_DAGEN;
    const geldigTot = linkGeldigTot(antwoordUiterlijkBijVersturen(m, nu), natermijn);
    return [
      markeerVerstuurd(m, nu),
      ...aan.flatMap(({ pk, contact }) => {
        const token = nieuwLinkToken();
        const link: NazorgLink = { sleutelHash: linkHash(token), nazorgmomentId: m.id, plaatsingId: m.plaatsingId, ontvanger: ontvangerVan(m, pk), geldigTot, aangemaaktOp: nu };
        return [
          linkItem(link),
          { Put: { TableName: tabel(), Item: notificatieItem(uitnodiging(m, contact, link, token, nu)), ConditionExpression: 'attribute_not_exists(pk)' } },
        ];
      }),
      // Sent, for other systems (issue #14): in the same all-or-nothing write, after the moment's condition.
      ...gebeurtenisItems([uitMomentVerstuurd({ ...m, versie: m.versie + 1 }, ulid(Date.parse(nu)), nu)]),
    ];
  }
  const gemeente = adressen.get(sleutels.gemeente(m.gemeente).pk);
  if (!gemeente) throw new Error(`gemeente ${m.gemeente} van nazorgmoment ${m.id} niet gevonden`);
  return escaleerOnbeantwoord(m, { contactpersoon: gemeente }, { escalatieId: ulid(), notificatieId: ulid() }, nu);
};

/**
 * Writes each action's items all-or-nothing, as few transactions as the 100-item limit allows. The first
 * item of every action is its moment's condition: a ConditionalCheckFailed there means another delivery
 * got there first (alAfgehandeld) and the action leaves the transaction; anything else cancelled (a
 * concurrent answer, a conflict) is tried again. Returns the ids of the moments whose writes could not
 * be made.
 */
const schrijf = async (acties: Actie[], afgehandeld: Set<string>): Promise<Set<string>> => {
  const groepen: Actie[][] = [];
  for (const a of acties) {
    const laatste = groepen.at(-1);
    if (laatste && laatste.reduce((n, x) => n + x.items!.length, 0) + a.items!.length <= MAX_TRANSACTIE_ITEMS) laatste.push(a);
    else groepen.push([a]);
  }
  const mislukt = new Set<string>();
  for (let open of groepen) {
    for (let poging = 1; open.length > 0; poging++) {
      try {
        await dynamo().send(new TransactWriteCommand({ TransactItems: open.flatMap((a) => a.items!) }));
        open = [];
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const redenen = error.CancellationReasons ?? [];
        let i = 0;
        const nogOpen: Actie[] = [];
        for (const a of open) {
          if (redenen[i]?.Code === 'ConditionalCheckFailed') afgehandeld.add(a.moment.id);
          else nogOpen.push(a);
          i += a.items!.length;
        }
        open = nogOpen;
        if (poging >= SCHRIJFPOGINGEN) {
          for (const a of open) mislukt.add(a.moment.id);
          open = [];
        }
      }
    }
  }
  return mislukt;
};

export interface BatchUitkomst {
  /** Per message id: what happened, or the error that makes it fail alone. */
  readonly perBericht: ReadonlyMap<string, NazorgUitkomst | Error>;
}

/** Handles one batch of messages (id → body); exported for the tests and the bench. */
export const verwerkBatch = async (berichten: readonly { id: string; body: string }[], nu = new Date()): Promise<BatchUitkomst> => {
  const perBericht = new Map<string, NazorgUitkomst | Error>();
  const dag = vandaagInNederland(nu);
  const tijdstip = nu.toISOString();

  const gelezen: { id: string; verwijzing: MomentVerwijzing }[] = [];
  for (const b of berichten) {
    try {
      gelezen.push({ id: b.id, verwijzing: Bericht.parse(JSON.parse(b.body)) });
    } catch (error) {
      perBericht.set(b.id, error instanceof Error ? error : new Error(String(error)));
    }
  }
  const momenten = await haalMomenten(gelezen.map((g) => g.verwijzing));

  // One action per moment, however many messages name it in this batch.
  const acties = new Map<string, Actie>();
  for (const { verwijzing } of gelezen) {
    const m = momenten.get(verwijzing.nazorgmomentId);
    const soort = m && wat(m, dag);
    if (m && soort) acties.set(m.id, { soort, moment: m });
  }
  const adressen = await contacten([...acties.values()]);
  const fouten = new Map<string, Error>();
  for (const a of acties.values()) {
    try {
      a.items = itemsVoor(a, adressen, tijdstip);
    } catch (error) {
      fouten.set(a.moment.id, error instanceof Error ? error : new Error(String(error)));
      acties.delete(a.moment.id);
    }
  }
  const afgehandeld = new Set<string>();
  for (const id of await schrijf([...acties.values()], afgehandeld)) fouten.set(id, new Error(`nazorgmoment ${id}: schrijven bleef mislukken; later opnieuw`));

  const gedaan = new Set<string>();
  for (const { id, verwijzing } of gelezen) {
    const mid = verwijzing.nazorgmomentId;
    const actie = acties.get(mid);
    const fout = fouten.get(mid);
    if (!momenten.has(mid)) perBericht.set(id, new OnbekendNazorgmoment(mid));
    else if (fout) perBericht.set(id, fout);
    else if (!actie) perBericht.set(id, 'nietsTeDoen');
    else if (afgehandeld.has(mid) || gedaan.has(mid)) perBericht.set(id, 'alAfgehandeld');
    else {
      perBericht.set(id, actie.soort === 'versturen' ? 'verstuurd' : 'geescaleerd');
      gedaan.add(mid);
    }
  }
  return { perBericht };
};

/** One moment, as a batch of one message (tests, and the local `npm run job` tooling). */
export const verwerkNazorgmoment = async (nazorgmomentId: string, nu = new Date()): Promise<NazorgUitkomst> => {
  const uitkomst = (await verwerkBatch([{ id: '1', body: JSON.stringify({ nazorgmomentId }) }], nu)).perBericht.get('1')!;
  if (uitkomst instanceof Error) throw uitkomst;
  return uitkomst;
};

/** Nazorg queue consumer: each failed message is reported alone (ReportBatchItemFailures). */
export const handler: SQSHandler = async (event: SQSEvent, context): Promise<SQSBatchResponse> => {
  logger.addContext(context);
  const { perBericht } = await verwerkBatch(event.Records.map((r) => ({ id: r.messageId, body: r.body })));
  const telling: Record<string, number> = {};
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const [messageId, uitkomst] of perBericht) {
    if (uitkomst instanceof Error) {
      logger.error('nazorgbericht mislukt', { messageId, fout: uitkomst.message, soort: uitkomst.name });
      batchItemFailures.push({ itemIdentifier: messageId });
    } else telling[uitkomst] = (telling[uitkomst] ?? 0) + 1;
  }
  // One line per batch, not per moment: at a region's daily volume a line per moment is the larger bill.
  logger.info('nazorgbatch verwerkt', { berichten: event.Records.length, ...telling, mislukt: batchItemFailures.length });
  return { batchItemFailures };
};

export { vandaagInNederland as vandaag };
