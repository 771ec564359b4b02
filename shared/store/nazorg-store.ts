import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { haalSamen } from './batch';
import * as z from 'zod';
import { DomeinFout } from '../domain/fouten';
import { vandaagInNederland } from '../domain/kalender';
import { escalatie as maakEscalatie, plusDagen, verzenddag, type AntwoordMutatie, type EscalatieMet, type MomentWijziging, type NazorgPlanWijziging } from '../domain/nazorg';
import type { Gemeente } from '../schemas/gemeenten';
import { Escalatie, Nazorgmoment } from '../schemas/nazorg';
import type { Plaatsing } from '../schemas/plaatsingen';
import { GelijktijdigGewijzigd, type Pagina } from '../use-cases/poorten';
import type { NazorgStore } from '../use-cases/nazorg';
import { leesCursor, maakCursor } from './cursor';
import { dynamo, tabel } from './dynamodb';
import { naarGemeente } from './gemeenten-store';
import { parseItem } from './items';
import { linkGebruikItem } from './nazorglinks-store';
import { naarPlaatsing } from './plaatsing-item';
import { notificatieItem } from './notificaties-store';
import { sleutels } from './sleutels';
import { gebeurtenisItems } from './uitgaand-store';
import { uitAntwoord, uitEscalatie } from '../domain/abonnementen/wijzigingen';
import { ulid } from 'ulidx';
import type { TransactieItem } from './zoekprofielen';

/**
 * Follow-up moments in the table. A moment lives in its placement's partition (PLAATSING#<id> /
 * NAZORG#<vervaldatum>#<id>, so a placement's moments are one Query, by date) with a pointer item
 * NAZORGMOMENT#<id> that names its keys (get by id: the pointer, then the moment). The pointer only
 * changes when a moment is moved, so the moment's own writes touch one item.
 *
 * The due index (gsi2, write-sharded) holds a moment's NEXT ACTION DATE, and only while there is one:
 *   gepland                           vervaldatum, or the day it was written   (send it)
 *                                     when that was later (`verzenddag`)
 *   verstuurd, not escalated          the day after antwoordUiterlijk      (escalate if still unanswered)
 *   beantwoord, geannuleerd, escalated none
 * antwoordUiterlijk is the sending day plus reactietermijnDagen: a moment sent late (a backdated placement,
 * a sweep after downtime) still gets its full reactietermijn before it escalates.
 * `momentItem` computes it from the state, so every Put places the moment right; the conditional
 * updates below (`markeerVerstuurd`, `escaleerOnbeantwoord`, the cancellation) move it the same way.
 */
const sleutelVelden = { pk: z.string(), sk: z.string() };
const MomentItem = Nazorgmoment.extend({ ...sleutelVelden, entiteit: z.literal('Nazorgmoment'), gsi2pk: z.string().optional(), gsi2sk: z.string().optional() });
const VerwijzerItem = z.object({ ...sleutelVelden, entiteit: z.literal('NazorgmomentVerwijzer'), plaatsingId: z.string(), vervaldatum: z.string(), gemeente: z.string() });
const EscalatieItem = Escalatie.extend({
  ...sleutelVelden,
  entiteit: z.literal('Escalatie'),
  gsi1pk: z.string(),
  gsi1sk: z.string(),
  gsi4pk: z.string().optional(),
  gsi4sk: z.string().optional(),
});

export const naarMoment = (item: unknown): Nazorgmoment => parseItem(MomentItem, item);
export const naarEscalatie = (item: unknown): Escalatie => parseItem(EscalatieItem, item);

/** The next action date of a moment written at `geschrevenOp`, or none (see the table above). */
export const volgendeActie = (
  m: Pick<Nazorgmoment, 'status' | 'vervaldatum' | 'reactietermijnDagen' | 'geescaleerdOp' | 'antwoordUiterlijk'>,
  geschrevenOp: string,
): string | undefined => {
  if (m.status === 'gepland') return verzenddag(m.vervaldatum, geschrevenOp);
  if (m.status === 'verstuurd' && m.geescaleerdOp === undefined) return escalatiedatum(m);
  return undefined;
};

/** The day a sent, unanswered moment escalates: the day after antwoordUiterlijk. */
export const escalatiedatum = (m: Pick<Nazorgmoment, 'vervaldatum' | 'reactietermijnDagen' | 'antwoordUiterlijk'>): string =>
  // Moments sent before antwoordUiterlijk existed counted their reactietermijn from the due date.
  m.antwoordUiterlijk ? plusDagen(m.antwoordUiterlijk, 1) : plusDagen(m.vervaldatum, m.reactietermijnDagen);

export const momentItem = (m: Nazorgmoment, geschrevenOp: string) => {
  const actie = volgendeActie(m, geschrevenOp);
  return {
    ...sleutels.nazorgmoment(m.plaatsingId, m.vervaldatum, m.id),
    ...(actie ? sleutels.nazorgVervalIndex(actie, m.id) : {}),
    entiteit: 'Nazorgmoment',
    ...m,
  };
};
export const verwijzerItem = (m: Pick<Nazorgmoment, 'id' | 'plaatsingId' | 'vervaldatum' | 'gemeente'>) => ({
  ...sleutels.nazorgmomentVerwijzer(m.id),
  entiteit: 'NazorgmomentVerwijzer',
  plaatsingId: m.plaatsingId,
  vervaldatum: m.vervaldatum,
  gemeente: m.gemeente,
});
export const escalatieItem = (e: Escalatie) => ({
  ...sleutels.escalatie(e.id),
  ...sleutels.escalatiesIndex(e.status, e.aangemaaktOp, e.id),
  // The placement (so the person) it is about, for an export or erasure of that person's data (shared/privacy).
  ...sleutels.betreft('plaatsing', e.plaatsingId, 'Escalatie', e.id),
  entiteit: 'Escalatie',
  ...e,
});

type MomentSleutel = Pick<Nazorgmoment, 'id' | 'plaatsingId' | 'vervaldatum'>;
const sleutelVan = (m: MomentSleutel) => sleutels.nazorgmoment(m.plaatsingId, m.vervaldatum, m.id);

/** A new moment (written at `nu`) and its pointer; a replayed write fails instead of overwriting. */
export const nieuwMomentItems = (m: Nazorgmoment, nu: string): TransactieItem[] => [
  { Put: { TableName: tabel(), Item: momentItem(m, nu), ConditionExpression: 'attribute_not_exists(pk)' } },
  { Put: { TableName: tabel(), Item: verwijzerItem(m), ConditionExpression: 'attribute_not_exists(pk)' } },
];

/** Cancels an open moment as read: out of the due index; a moment sent or answered meanwhile fails the condition. */
export const annuleerMomentItem = (m: Nazorgmoment): TransactieItem => ({
  Update: {
    TableName: tabel(),
    Key: sleutelVan(m),
    UpdateExpression: 'SET #s = :geannuleerd, versie = :nieuw REMOVE gsi2pk, gsi2sk',
    ConditionExpression: 'versie = :versie',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':geannuleerd': 'geannuleerd', ':nieuw': m.versie + 1, ':versie': m.versie },
  },
});

/**
 * An open moment takes the placement's new jobcoach organisation (or none): conditional on the version and
 * status read, so a moment sent, answered or cancelled meanwhile fails it and the change is read again.
 * Neither its key nor its place in the due index changes.
 */
export const jobcoachMomentItem = ({ voor, na }: MomentWijziging): TransactieItem => ({
  Update: {
    TableName: tabel(),
    Key: sleutelVan(voor),
    UpdateExpression: na.jobcoachPartnerId ? 'SET jobcoachPartnerId = :j, versie = :nieuw' : 'SET versie = :nieuw REMOVE jobcoachPartnerId',
    ConditionExpression: 'versie = :versie AND #s = :status',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':nieuw': na.versie, ':versie': voor.versie, ':status': voor.status, ...(na.jobcoachPartnerId ? { ':j': na.jobcoachPartnerId } : {}) },
  },
});

/** The moments a placement's start, instrument, end or jobcoach plans (at `nu`), cancels and changes, for the placement's own transaction. */
export const nazorgPlanItems = (w: NazorgPlanWijziging, nu: string): TransactieItem[] => [
  ...w.annuleren.map(annuleerMomentItem),
  ...w.nieuw.flatMap((m) => nieuwMomentItems(m, nu)),
  ...(w.jobcoach ?? []).map(jobcoachMomentItem),
];

/**
 * For the nazorg consumer: a planned moment is sent. Conditional on it still being `gepland`, so a
 * duplicate delivery, a second sweep or a retry after a crash finds the condition failed and does nothing
 * (ConditionalCheckFailed = already done). The due index moves to the escalation date.
 */
export const markeerVerstuurd = (m: Pick<Nazorgmoment, 'id' | 'plaatsingId' | 'vervaldatum' | 'reactietermijnDagen'>, nu: string): TransactieItem => {
  const antwoordUiterlijk = antwoordUiterlijkBijVersturen(m, nu);
  const { gsi2pk, gsi2sk } = sleutels.nazorgVervalIndex(escalatiedatum({ ...m, antwoordUiterlijk }), m.id);
  return {
    Update: {
      TableName: tabel(),
      Key: sleutelVan(m),
      UpdateExpression: 'SET #s = :verstuurd, verstuurdOp = :nu, antwoordUiterlijk = :uiterlijk, gsi2pk = :g, gsi2sk = :gs, versie = versie + :een',
      ConditionExpression: '#s = :gepland',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':verstuurd': 'verstuurd', ':gepland': 'gepland', ':nu': nu, ':uiterlijk': antwoordUiterlijk, ':g': gsi2pk, ':gs': gsi2sk, ':een': 1 },
    },
  };
};

/** The reactietermijn counts from the day the moment is sent (in the Dutch calendar), not from its due date. */
export const antwoordUiterlijkBijVersturen = (m: Pick<Nazorgmoment, 'reactietermijnDagen'>, nu: string): string =>
  plusDagen(vandaagInNederland(new Date(nu)), m.reactietermijnDagen);

/** The escalation and the gemeente's notice; both new items, so a replay with the same ids fails. */
export const escalatieItems = (e: EscalatieMet): TransactieItem[] => [
  { Put: { TableName: tabel(), Item: escalatieItem(e.escalatie), ConditionExpression: 'attribute_not_exists(pk)' } },
  { Put: { TableName: tabel(), Item: notificatieItem(e.notificatie), ConditionExpression: 'attribute_not_exists(pk)' } },
  // The coordinators' systems hear of it too (issue #14); the escalation's own ULID names its creation event.
  ...gebeurtenisItems([uitEscalatie(e.escalatie, e.escalatie.id, e.escalatie.aangemaaktOp)]),
];

/**
 * For the nazorg consumer: a sent moment not answered within its reactietermijn. One transaction: the
 * moment is marked escalated (out of the due index), an Escalatie for the coordinators, a notification to
 * the gemeente's contact through the outbox. The first entry is conditional on the moment still being
 * `verstuurd` and not yet escalated: an answer that came first, or a duplicate, cancels the whole
 * transaction (CancellationReasons[0] = ConditionalCheckFailed) and nothing is written.
 */
export const escaleerOnbeantwoord = (
  m: Pick<Nazorgmoment, 'id' | 'plaatsingId' | 'verwijzingId' | 'vervaldatum' | 'lidId' | 'gemeente' | 'reactietermijnDagen' | 'antwoordUiterlijk'>,
  gemeente: Pick<Gemeente, 'contactpersoon'>,
  ids: { escalatieId: string; notificatieId: string },
  nu: string,
): TransactieItem[] => [
  {
    Update: {
      TableName: tabel(),
      Key: sleutelVan(m),
      UpdateExpression: 'SET geescaleerdOp = :nu, versie = versie + :een REMOVE gsi2pk, gsi2sk',
      ConditionExpression: '#s = :verstuurd AND attribute_not_exists(geescaleerdOp)',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':verstuurd': 'verstuurd', ':nu': nu, ':een': 1 },
    },
  },
  ...escalatieItems(maakEscalatie(m, gemeente, 'onbeantwoord', [`niet beantwoord binnen de reactietermijn van ${m.reactietermijnDagen} dagen (uiterlijk ${plusDagen(escalatiedatum(m), -1)})`], ids, nu)),
];

/**
 * An answer: the moment at the version read and still open; the placement's signal (and durability) as a
 * new version with its history record; with a high signal, the escalation and the gemeente's notice.
 */
export const antwoordItems = (a: AntwoordMutatie): { items: TransactieItem[]; rollen: ('moment' | 'plaatsing' | 'escalatie')[] } => {
  const T = tabel();
  const { plaatsing: pl } = a;
  const entries: ['moment' | 'plaatsing' | 'escalatie', TransactieItem][] = [
    [
      'moment',
      {
        Put: {
          TableName: T,
          Item: momentItem(a.moment, a.plaatsing.gewijzigdOp),
          ConditionExpression: 'versie = :versie AND #s IN (:gepland, :verstuurd)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':versie': a.verwachteMomentVersie, ':gepland': 'gepland', ':verstuurd': 'verstuurd' },
        },
      },
    ],
    [
      'plaatsing',
      {
        Update: {
          TableName: T,
          Key: sleutels.plaatsing(pl.id),
          UpdateExpression: `SET risico = :r, gewijzigdOp = :nu, versie = :nieuw${pl.duurzaamheid ? ', duurzaamheid = :d' : ''}`,
          ConditionExpression: 'versie = :oud',
          ExpressionAttributeValues: {
            ':r': pl.risico,
            ':nu': pl.gewijzigdOp,
            ':nieuw': pl.versie,
            ':oud': a.verwachtePlaatsingVersie,
            ...(pl.duurzaamheid ? { ':d': pl.duurzaamheid } : {}),
          },
        },
      },
    ],
    [
      'plaatsing',
      {
        Put: {
          TableName: T,
          Item: { ...sleutels.plaatsingGebeurtenis(pl.id, a.gebeurtenis.versie), entiteit: 'PlaatsingGebeurtenis', ...a.gebeurtenis },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ],
  ];
  if (a.escalatie) for (const item of escalatieItems(a.escalatie)) entries.push(['escalatie', item]);
  // Answered (and a durability check's outcome recorded), for other systems (issue #14): the answer's
  // history record names the first event, so a replayed answer cannot give a second.
  for (const item of gebeurtenisItems(uitAntwoord(a.moment, { beantwoord: a.gebeurtenis.id, duurzaamheid: ulid(Date.parse(a.plaatsing.gewijzigdOp)) }, a.plaatsing.gewijzigdOp)))
    entries.push(['plaatsing', item]);
  return { items: entries.map(([, i]) => i), rollen: entries.map(([r]) => r) };
};

/** Moving a planned moment (at `nu`): its date is in its key, so the old item goes and a new one comes, with the pointer. */
export const verplaatsItems = (oud: Nazorgmoment, nieuw: Nazorgmoment, nu: string): TransactieItem[] => [
  {
    Delete: {
      TableName: tabel(),
      Key: sleutelVan(oud),
      ConditionExpression: 'versie = :versie AND #s = :gepland',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':versie': oud.versie, ':gepland': 'gepland' },
    },
  },
  { Put: { TableName: tabel(), Item: momentItem(nieuw, nu), ConditionExpression: 'attribute_not_exists(pk)' } },
  { Put: { TableName: tabel(), Item: verwijzerItem(nieuw), ConditionExpression: 'attribute_exists(pk)' } },
];

const zelfde = (a: Record<string, unknown>, k: { pk: string; sk: string }) => a.pk === k.pk && a.sk === k.sk;

/**
 * A moment by id with its placement (and the gemeente, when asked): the pointer, then one BatchGetItem.
 * Exported for the nazorg consumer.
 */
export const haalMomentMetPlaatsing = async (
  momentId: string,
  metGemeente = false,
): Promise<{ moment?: Nazorgmoment | undefined; plaatsing?: Plaatsing | undefined; gemeente?: Gemeente | undefined }> => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.nazorgmomentVerwijzer(momentId), ConsistentRead: true }));
  if (!Item) return {};
  const v = VerwijzerItem.parse(Item);
  const km = sleutels.nazorgmoment(v.plaatsingId, v.vervaldatum, momentId);
  const kp = sleutels.plaatsing(v.plaatsingId);
  const kg = sleutels.gemeente(v.gemeente);
  const items = await haalSamen([km, kp, ...(metGemeente ? [kg] : [])]);
  const m = items.find((i) => zelfde(i, km));
  const p = items.find((i) => zelfde(i, kp));
  const g = items.find((i) => zelfde(i, kg));
  return { moment: m ? naarMoment(m) : undefined, plaatsing: p ? naarPlaatsing(p) : undefined, gemeente: g ? naarGemeente(g) : undefined };
};

/** Where the sweep found a moment: its id and, from the due index's projected table keys, its own keys. */
export interface MomentVerwijzing {
  readonly nazorgmomentId: string;
  readonly plaatsingId?: string | undefined;
  readonly vervaldatum?: string | undefined;
}

/**
 * The moments of one consumer batch: one BatchGetItem on their own keys (the sweep's messages name them).
 * A message without keys (sent by hand or before the sweep named them) or a moment moved since the sweep
 * read the index is found through its pointer instead. Missing from the result: no such moment.
 */
/** Items by key, projected, eventually consistent (contacts and names change rarely). */
export const haalProjectie = (keys: readonly { pk: string; sk: string }[], projectie: string) => haalSamen(keys, { consistent: false, projectie });

export const haalMomenten = async (verwijzingen: readonly MomentVerwijzing[]): Promise<Map<string, Nazorgmoment>> => {
  const gevonden = new Map<string, Nazorgmoment>();
  const metSleutel = verwijzingen.filter((v) => v.plaatsingId && v.vervaldatum);
  const keys = [...new Map(metSleutel.map((v) => [v.nazorgmomentId, sleutels.nazorgmoment(v.plaatsingId!, v.vervaldatum!, v.nazorgmomentId)])).values()];
  for (const item of keys.length ? await haalSamen(keys) : []) {
    const m = naarMoment(item);
    gevonden.set(m.id, m);
  }
  const viaVerwijzer = [...new Set(verwijzingen.map((v) => v.nazorgmomentId))].filter((id) => !gevonden.has(id));
  for (const id of viaVerwijzer) {
    const { moment } = await haalMomentMetPlaatsing(id);
    if (moment) gevonden.set(id, moment);
  }
  return gevonden;
};

/** Maps a cancelled transaction: the caller's own item first, anything else moved underneath it. */
const schrijfTransactie = async (items: TransactieItem[], melding: (index: number) => Error | undefined) => {
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const redenen = error.CancellationReasons ?? [];
    for (let i = 0; i < redenen.length; i++) if (redenen[i]?.Code === 'ConditionalCheckFailed') throw melding(i) ?? new GelijktijdigGewijzigd();
    throw new GelijktijdigGewijzigd();
  }
};

const momentVerouderd = () => new DomeinFout('verouderd', 'Het nazorgmoment is intussen gewijzigd. Haal het opnieuw op en probeer het nog eens.');

export const dynamoNazorgStore = (): NazorgStore => ({
  haalMetPlaatsing: haalMomentMetPlaatsing,

  async partitie(plaatsingId) {
    // The placement and its moments in one Query: NAZORG#… < NOTITIE#… < PLAATSING, the notes filtered out.
    let plaatsing: Plaatsing | undefined;
    const momenten: Nazorgmoment[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await dynamo().send(
        new QueryCommand({
          TableName: tabel(),
          KeyConditionExpression: 'pk = :p AND sk BETWEEN :van AND :tot',
          FilterExpression: 'entiteit IN (:pl, :m)',
          ExpressionAttributeValues: { ':p': sleutels.plaatsing(plaatsingId).pk, ':van': sleutels.nazorgmomentenPrefix, ':tot': sleutels.plaatsing(plaatsingId).sk, ':pl': 'Plaatsing', ':m': 'Nazorgmoment' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of r.Items ?? []) {
        if (item.entiteit === 'Plaatsing') plaatsing = naarPlaatsing(item);
        else momenten.push(naarMoment(item));
      }
      start = r.LastEvaluatedKey;
    } while (start);
    return { plaatsing, momenten };
  },

  async openMomenten(plaatsingId) {
    const momenten: Nazorgmoment[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await dynamo().send(
        new QueryCommand({
          TableName: tabel(),
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
          FilterExpression: '#s IN (:gepland, :verstuurd)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':p': sleutels.plaatsing(plaatsingId).pk, ':s': sleutels.nazorgmomentenPrefix, ':gepland': 'gepland', ':verstuurd': 'verstuurd' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      momenten.push(...(r.Items ?? []).map(naarMoment));
      start = r.LastEvaluatedKey;
    } while (start);
    return momenten;
  },

  async voegToe(m, nu) {
    const items: TransactieItem[] = [
      ...nieuwMomentItems(m, nu),
      // A placement that ended meanwhile takes no new moments.
      {
        ConditionCheck: {
          TableName: tabel(),
          Key: sleutels.plaatsing(m.plaatsingId),
          ConditionExpression: 'fase = :gestart',
          ExpressionAttributeValues: { ':gestart': 'gestart' },
        },
      },
    ];
    await schrijfTransactie(items, (i) =>
      i === 2 ? new DomeinFout('ongeldigeOvergang', 'De plaatsing is intussen beëindigd.') : new DomeinFout('conflict', 'Dit nazorgmoment bestaat al.'),
    );
  },

  async verplaats(oud, nieuw, nu) {
    await schrijfTransactie(verplaatsItems(oud, nieuw, nu), (i) => (i === 0 ? momentVerouderd() : undefined));
  },

  async beantwoord(a, viaLink) {
    const { items, rollen } = antwoordItems(a);
    if (viaLink) {
      const op = a.moment.antwoorden.at(-1)!.op;
      items.push(linkGebruikItem(viaLink.sleutelHash, op, vandaagInNederland(new Date(op))));
    }
    await schrijfTransactie(items, (i) =>
      rollen[i] === 'moment'
        ? momentVerouderd()
        : i === rollen.length
          ? new DomeinFout('conflict', 'Deze link is al gebruikt of niet meer geldig.')
          : undefined,
    );
  },

  async escalaties(status, { pageSize, cursor }) {
    const r = await dynamo().send(
      new QueryCommand({
        TableName: tabel(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p AND begins_with(gsi1sk, :s)',
        ExpressionAttributeValues: { ':p': sleutels.escalatiesPartitie, ':s': sleutels.escalatiesMetStatus(status) },
        Limit: pageSize,
        ExclusiveStartKey: escalatieCursor(cursor, status),
      }),
    );
    return { items: (r.Items ?? []).map(naarEscalatie), cursor: maakCursor(r.LastEvaluatedKey) } satisfies Pagina<Escalatie>;
  },
});

/**
 * A cursor of another list would be a ValidationException (a 500) from DynamoDB: refused here as a 400. The
 * open and the closed escalations share a partition, so a cursor is of this list only with this status.
 */
const escalatieCursor = (cursor: string | undefined, status: Escalatie['status']) => {
  const sleutel = leesCursor(cursor);
  if (sleutel === undefined) return undefined;
  if (
    sleutel.gsi1pk !== sleutels.escalatiesPartitie ||
    Object.keys(sleutel).length !== 4 ||
    !(sleutel.gsi1sk ?? '').startsWith(sleutels.escalatiesMetStatus(status))
  )
    throw new DomeinFout('ongeldigeInvoer', 'Deze cursor hoort niet bij deze lijst.', 'query.cursor');
  return sleutel;
};
