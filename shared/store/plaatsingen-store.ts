import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { haalSamen } from './batch';
import * as z from 'zod';
import { DomeinFout } from '../domain/fouten';
import type { Gevolgen, PlaatsingMutatie } from '../domain/plaatsingen';
import { Begeleidingsnotitie, Ontwikkeldoel, Plaatsing, PlaatsingGebeurtenis } from '../schemas/plaatsingen';
import { GelijktijdigGewijzigd, type PlaatsingenFilter, type PlaatsingenLijst, type PlaatsingenStore } from '../use-cases/poorten';
import { leesCursor, maakCursor } from './cursor';
import { dynamo, tabel } from './dynamodb';
import { parseItem } from './items';
import { gebeurtenissenPagina } from './queries';
import { sleutels } from './sleutels';
import { bewaartermijnPut } from './bewaartermijn-store';
import { nazorgPlanItems } from './nazorg-store';
import { naarPlaatsing } from './plaatsing-item';
import { naarVerwijzing, verwijzingTransactieItems } from './verwijzingen-store';
import { naarWerkplek, werkplekMutatieItems } from './werkplekken-store';
import type { TransactieItem } from './zoekprofielen';
import { gebeurtenisItems } from './uitgaand-store';
import { uitPlaatsing } from '../domain/abonnementen/wijzigingen';

const sleutelVelden = { pk: z.string(), sk: z.string() };
const GebeurtenisItem = PlaatsingGebeurtenis.extend({ ...sleutelVelden, entiteit: z.literal('PlaatsingGebeurtenis') });
const DoelItem = Ontwikkeldoel.extend({ ...sleutelVelden, entiteit: z.literal('Ontwikkeldoel'), plaatsingId: z.string() });
const NotitieItem = Begeleidingsnotitie.extend({ ...sleutelVelden, entiteit: z.literal('Begeleidingsnotitie'), plaatsingId: z.string() });

const naarDoel = (item: unknown): Ontwikkeldoel => {
  const { plaatsingId: _p, ...d } = parseItem(DoelItem, item);
  return d;
};
const naarNotitie = (item: unknown): Begeleidingsnotitie => {
  const { plaatsingId: _p, ...n } = parseItem(NotitieItem, item);
  return n;
};

/**
 * The placement's item with the lists it appears in: its member's (gsi1), its referral's gemeente's (gsi2)
 * and — once assigned — its jobcoach organisation's (gsi3). A reassignment moves it in the same write.
 */
export const plaatsingItem = (pl: Plaatsing) => ({
  ...sleutels.plaatsing(pl.id),
  ...sleutels.plaatsingenPerLid(pl.lidId, pl.aangemaaktOp, pl.id),
  ...sleutels.plaatsingenPerGemeente(pl.gemeente, pl.aangemaaktOp, pl.id),
  ...(pl.jobcoachPartnerId ? sleutels.plaatsingenPerPartner(pl.jobcoachPartnerId, pl.aangemaaktOp, pl.id) : {}),
  // Whose placement it is, for an export or erasure of that person's data (gsi4, shared/privacy).
  ...sleutels.betreft('verwijzing', pl.verwijzingId, 'Plaatsing', pl.id),
  entiteit: 'Plaatsing',
  ...pl,
});
const gebeurtenisItem = (g: PlaatsingGebeurtenis) => ({ ...sleutels.plaatsingGebeurtenis(g.plaatsingId, g.versie), entiteit: 'PlaatsingGebeurtenis', ...g });
const doelItem = (plaatsingId: string, d: Ontwikkeldoel) => ({ ...sleutels.ontwikkeldoel(plaatsingId, d.id), entiteit: 'Ontwikkeldoel', plaatsingId, ...d });
const notitieItem = (plaatsingId: string, n: Begeleidingsnotitie) => ({
  ...sleutels.begeleidingsnotitie(plaatsingId, n.datum, n.id),
  entiteit: 'Begeleidingsnotitie',
  plaatsingId,
  ...n,
});

/** What each entry of a placement's transaction stands for, to tell the caller which condition failed. */
type Rol = 'plaatsing' | 'paar' | 'verwijzingStatus' | 'werkplekStatus' | 'partner' | 'gevolg';

/**
 * The entries of one placement change, in one TransactWriteItems: the placement (new, or at the version
 * read) and its history record; the pair guard; the ConditionChecks on referral, place and partner; the
 * goal or note; and the place's and the referral's own change with their history (built by their owners'
 * functions, so their keys — the sparse matching keys included — are computed in one place); and the
 * follow-up moments the change plans or cancels (nazorg-store's items).
 */
export const plaatsingTransactie = (m: PlaatsingMutatie, g: Gevolgen): { items: TransactieItem[]; rollen: Rol[] } => {
  const T = tabel();
  const { plaatsing: pl } = m;
  const entries: [Rol, TransactieItem][] = [
    [
      'plaatsing',
      m.verwachteVersie === undefined
        ? { Put: { TableName: T, Item: plaatsingItem(pl), ConditionExpression: 'attribute_not_exists(pk)' } }
        : { Put: { TableName: T, Item: plaatsingItem(pl), ConditionExpression: 'versie = :verwacht', ExpressionAttributeValues: { ':verwacht': m.verwachteVersie } } },
    ],
    ['plaatsing', { Put: { TableName: T, Item: gebeurtenisItem(m.gebeurtenis), ConditionExpression: 'attribute_not_exists(pk)' } }],
  ];
  const paar = sleutels.verwijzingPlaatsing(pl.verwijzingId, pl.werkplekId);
  if (m.paar === 'claimen')
    entries.push([
      'paar',
      {
        Put: {
          TableName: T,
          Item: { ...paar, entiteit: 'VerwijzingPlaatsing', verwijzingId: pl.verwijzingId, werkplekId: pl.werkplekId, plaatsingId: pl.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ]);
  if (m.paar === 'vrijgeven')
    entries.push(['paar', { Delete: { TableName: T, Key: paar, ConditionExpression: 'plaatsingId = :id', ExpressionAttributeValues: { ':id': pl.id } } }]);
  if (m.verwijzingBemiddelbaar)
    entries.push([
      'verwijzingStatus',
      {
        ConditionCheck: {
          TableName: T,
          Key: sleutels.verwijzing(pl.verwijzingId),
          ConditionExpression: '#status = :bemiddelbaar',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':bemiddelbaar': 'bemiddelbaar' },
        },
      },
    ]);
  if (m.werkplekOpen)
    entries.push([
      'werkplekStatus',
      {
        ConditionCheck: {
          TableName: T,
          Key: sleutels.werkplek(pl.werkplekId),
          ConditionExpression: '#status = :open AND aantalBezet < aantalPlaatsen',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'open' },
        },
      },
    ]);
  if (m.jobcoachPartnerId)
    entries.push([
      'partner',
      {
        ConditionCheck: {
          TableName: T,
          Key: sleutels.partner(m.jobcoachPartnerId),
          ConditionExpression: '#status = :goedgekeurd AND #soort = :jobcoach',
          ExpressionAttributeNames: { '#status': 'status', '#soort': 'soort' },
          ExpressionAttributeValues: { ':goedgekeurd': 'goedgekeurd', ':jobcoach': 'jobcoachOrganisatie' },
        },
      },
    ]);
  // Goals and notes are guarded by the placement's version in the same transaction; the note's condition
  // only makes a replayed write fail instead of overwrite.
  if (m.doel) entries.push(['plaatsing', { Put: { TableName: T, Item: doelItem(pl.id, m.doel) } }]);
  if (m.notitie) entries.push(['plaatsing', { Put: { TableName: T, Item: notitieItem(pl.id, m.notitie), ConditionExpression: 'attribute_not_exists(pk)' } }]);
  if (g.werkplek) for (const item of werkplekMutatieItems(g.werkplek)) entries.push(['gevolg', item]);
  if (g.verwijzing) for (const item of verwijzingTransactieItems(g.verwijzing)) entries.push(['gevolg', item]);
  // A moment sent or answered between the read and this write fails its cancellation: read and decide again.
  if (g.nazorg) for (const item of nazorgPlanItems(g.nazorg, pl.gewijzigdOp)) entries.push(['gevolg', item]);
  // The end of a placement that leaves its referral placed (the person went on to work) closes the case: its
  // retention term starts here (shared/privacy/bewaartermijn.ts). A return to the gemeente closes the
  // referral itself, whose own entries above carry the term.
  if (m.gebeurtenis.soort === 'beeindigd' && !g.verwijzing) entries.push(['gevolg', bewaartermijnPut(pl.verwijzingId, pl.gemeente, pl.gewijzigdOp)]);
  // The events for other systems (issue #14), in this same transaction: last, so the indexes above stay.
  for (const item of gebeurtenisItems(uitPlaatsing(m.gebeurtenis, pl))) entries.push(['gevolg', item]);
  return { items: entries.map(([, item]) => item), rollen: entries.map(([rol]) => rol) };
};

const MELDING: Record<Exclude<Rol, 'gevolg'>, () => DomeinFout> = {
  plaatsing: () => new DomeinFout('verouderd', 'De plaatsing is intussen door een ander gewijzigd. Haal haar opnieuw op en probeer het nog eens.'),
  paar: () => new DomeinFout('conflict', 'Voor deze kandidaat loopt al een plaatsing op deze werkplek.'),
  verwijzingStatus: () => new DomeinFout('ongeldigeOvergang', 'De verwijzing is niet (meer) bemiddelbaar: de kandidaat is teruggemeld, ingetrokken of al geplaatst.'),
  werkplekStatus: () => new DomeinFout('ongeldigeOvergang', 'De werkplek is niet (meer) open met een vrije plaats.'),
  partner: () => new DomeinFout('onverwerkbaar', 'Deze regiopartner is geen goedgekeurde jobcoachorganisatie.'),
};

/** Maps a cancelled transaction to the refusal the caller can act on; the placement's own version first. */
const weigering = (error: unknown, rollen: readonly Rol[]): Error | undefined => {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  const redenen = error.CancellationReasons ?? [];
  const mislukt = (code: string) => new Set(redenen.flatMap((r, i) => (r.Code === code ? [rollen[i]] : [])));
  const voorwaarde = mislukt('ConditionalCheckFailed');
  for (const rol of ['plaatsing', 'paar', 'verwijzingStatus', 'werkplekStatus', 'partner'] as const) if (voorwaarde.has(rol)) return MELDING[rol]();
  if (voorwaarde.has('gevolg') || mislukt('TransactionConflict').size > 0) return new GelijktijdigGewijzigd();
  return undefined;
};

const LIJSTEN = {
  lidId: { index: 'gsi1', partitie: sleutels.plaatsingenPerLidPartitie },
  gemeente: { index: 'gsi2', partitie: sleutels.plaatsingenPerGemeentePartitie },
  partnerId: { index: 'gsi3', partitie: sleutels.plaatsingenPerPartnerPartitie },
} as const;

/**
 * A cursor is only good for the list it came from: DynamoDB answers a start key of another partition or
 * index with a ValidationException — a 500 for what is a client's mistake — so it is refused here.
 */
const cursorVoor = (cursor: string | undefined, index: string, partitie: string) => {
  const sleutel = leesCursor(cursor);
  if (sleutel === undefined) return undefined;
  const velden = Object.keys(sleutel).sort().join(',');
  const verwacht = index === 'tabel' ? 'pk,sk' : [`${index}pk`, `${index}sk`, 'pk', 'sk'].sort().join(',');
  const pk = index === 'tabel' ? sleutel.pk : sleutel[`${index}pk` as keyof typeof sleutel];
  if (velden !== verwacht || pk !== partitie) throw new DomeinFout('ongeldigeInvoer', 'Deze cursor hoort niet bij deze lijst.', 'query.cursor');
  return sleutel;
};

const FILTERVELDEN = ['fase', 'verwijzingId', 'werkplekId', 'gemeente', 'lidId'] as const;

export const dynamoPlaatsingenStore = (): PlaatsingenStore => ({
  async haal(plaatsingId) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.plaatsing(plaatsingId), ConsistentRead: true }));
    return Item ? naarPlaatsing(Item) : undefined;
  },

  async haalMetDoel(plaatsingId, doelId) {
    const items = await haalSamen([sleutels.plaatsing(plaatsingId), sleutels.ontwikkeldoel(plaatsingId, doelId)]);
    const item = items.find((i) => i.sk === sleutels.plaatsing(plaatsingId).sk);
    const doel = items.find((i) => i.sk === sleutels.ontwikkeldoel(plaatsingId, doelId).sk);
    return { plaatsing: item ? naarPlaatsing(item) : undefined, doel: doel ? naarDoel(doel) : undefined };
  },

  async haalVerwijzingEnWerkplek({ verwijzingId, werkplekId }) {
    const keys = [...(verwijzingId ? [sleutels.verwijzing(verwijzingId)] : []), ...(werkplekId ? [sleutels.werkplek(werkplekId)] : [])];
    const items = keys.length > 0 ? await haalSamen(keys) : [];
    const v = verwijzingId ? items.find((i) => i.pk === sleutels.verwijzing(verwijzingId).pk && i.sk === sleutels.verwijzing(verwijzingId).sk) : undefined;
    const w = werkplekId ? items.find((i) => i.pk === sleutels.werkplek(werkplekId).pk && i.sk === sleutels.werkplek(werkplekId).sk) : undefined;
    return { verwijzing: v ? naarVerwijzing(v) : undefined, werkplek: w ? naarWerkplek(w) : undefined };
  },

  async zoek(lijst, filter: PlaatsingenFilter) {
    const [soort, waarde] = Object.entries(lijst)[0] as [keyof typeof LIJSTEN, string];
    const { index, partitie } = LIJSTEN[soort];
    const pk = partitie(waarde);
    const velden = FILTERVELDEN.filter((v) => filter[v] !== undefined);
    const r = await dynamo().send(
      new QueryCommand({
        TableName: tabel(),
        IndexName: index,
        KeyConditionExpression: `${index}pk = :p`,
        ...(velden.length > 0
          ? {
              FilterExpression: velden.map((v) => `#${v} = :${v}`).join(' AND '),
              ExpressionAttributeNames: Object.fromEntries(velden.map((v) => [`#${v}`, v])),
            }
          : {}),
        ExpressionAttributeValues: { ':p': pk, ...Object.fromEntries(velden.map((v) => [`:${v}`, filter[v]])) },
        Limit: filter.pageSize,
        ExclusiveStartKey: cursorVoor(filter.cursor, index, pk),
      }),
    );
    return { items: (r.Items ?? []).map(naarPlaatsing), cursor: maakCursor(r.LastEvaluatedKey) };
  },

  async gebeurtenissen(plaatsingId, pagina) {
    const pk = sleutels.plaatsing(plaatsingId).pk;
    return gebeurtenissenPagina(pk, pagina, GebeurtenisItem, cursorVoor(pagina.cursor, 'tabel', pk));
  },

  async ontwikkelplan(plaatsingId) {
    // The placement, its goals and its notes share one partition: one Query (more pages only past 1 MB),
    // leaving the history out.
    let plaatsing: Plaatsing | undefined;
    const doelen: Ontwikkeldoel[] = [];
    const notities: Begeleidingsnotitie[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await dynamo().send(
        new QueryCommand({
          TableName: tabel(),
          KeyConditionExpression: 'pk = :p',
          FilterExpression: 'entiteit IN (:pl, :d, :n)',
          ExpressionAttributeValues: { ':p': sleutels.plaatsing(plaatsingId).pk, ':pl': 'Plaatsing', ':d': 'Ontwikkeldoel', ':n': 'Begeleidingsnotitie' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of r.Items ?? []) {
        if (item.entiteit === 'Plaatsing') plaatsing = naarPlaatsing(item);
        else if (item.entiteit === 'Ontwikkeldoel') doelen.push(naarDoel(item));
        else notities.push(naarNotitie(item));
      }
      start = r.LastEvaluatedKey;
    } while (start);
    return { plaatsing, doelen, notities };
  },

  async schrijf(mutatie, gevolgen) {
    const { items, rollen } = plaatsingTransactie(mutatie, gevolgen);
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      throw weigering(error, rollen) ?? error;
    }
  },
});
