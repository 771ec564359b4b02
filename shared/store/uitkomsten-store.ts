import { GetCommand, QueryCommand, TransactWriteCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { uitkomstVan, scopesVan, type Escalatiedeel, type Kenmerken, type Momentdeel, type Plaatsingdeel } from '../domain/uitkomsten/bronnen';
import type { Aansluitingbron, Toezeggingen, Uitkomst, Uitkomstenscope } from '../domain/uitkomsten/rapport';
import type { UitkomstenStore } from '../use-cases/poorten';
import { haalSamen } from './batch';
import { dynamo, tabel } from './dynamodb';
import { geweigerd } from './items';
import { volgnummer } from './regiotellers-store';
import { sleutels, UITKOMSTEN_SHARDS_NATIONAAL, uitkomstenShard } from './sleutels';

/**
 * The outcome records (issue 12), kept exactly once from the table's stream like the regional counters
 * (regiotellers-store.ts), and read per scope.
 *
 * Layout, and why. A placement's head item (UITKOMST#<id>) keeps every source's part — the placement, each
 * follow-up moment, each escalation — with the last stream record applied to it, and the list of its copies.
 * The anonymous record made from the parts is copied into one item collection per scope it is reported in
 * (UITKOMSTEN#GEMEENTE#<gm>#0, #REGIO#<regio>#0, #LID#<id>#0, #NATIONAAL#<0..7>), sorted by start date, in
 * the same transaction as the head. So a gemeente's, region's or member's report is one paged Query and the
 * national one 8 in parallel, whatever the number of placements — no Scan, no read per placement; a cohort is
 * a range of the sort key. The price is 5 item writes per change of a placement (placements change a few
 * dozen times in their life), against reads that would otherwise be a scan. Several scopes cannot share one
 * GSI (an item has one key per index), hence copies, not indexes. The national collection is sharded so
 * neither its writes nor a national report's ~5,000 read units land on one partition (1000 WCU / 3000 RCU).
 *
 * Concurrency: records of one item arrive in order, but a placement's moments and escalations are other
 * items, in other stream shards, handled by concurrent invocations. The head's `revisie` serialises them:
 * each write is made from a consistent read of the head and conditional on its revision; a lost race reads
 * again. A record not newer than its source's part (a duplicate, a retried batch) changes nothing.
 */
const Deel = z.object({ v: z.string(), d: z.unknown() });
const KopItem = z.object({
  entiteit: z.literal('Uitkomst'),
  revisie: z.number().int(),
  plaatsing: Deel.optional(),
  momenten: z.record(z.string(), Deel).default({}),
  escalaties: z.record(z.string(), Deel).default({}),
  kenmerken: z.record(z.string(), z.string()).optional(),
  kopieen: z.array(z.object({ pk: z.string(), sk: z.string() })).default([]),
  record: z.string().optional(),
});
type Kop = z.infer<typeof KopItem>;

export type Bron = { soort: 'plaatsing'; deel: Plaatsingdeel } | { soort: 'moment'; id: string; deel: Momentdeel } | { soort: 'escalatie'; id: string; deel: Escalatiedeel };
export type Toepassing = 'toegepast' | 'ongewijzigd' | 'alVerwerkt';

const kopieSleutels = (u: Uitkomst | undefined) =>
  u ? scopesVan(u).map((s) => sleutels.uitkomstkopie(s, s === 'NATIONAAL' ? uitkomstenShard(u.plaatsingId) : 0, u.startdatum, u.plaatsingId)) : [];

const POGINGEN = 8;

/**
 * Applies one source's stream record to its placement's outcome, exactly once. `kenmerken` reads the
 * referral's and place's codes; it is asked once per placement (they do not change), and its answer kept.
 */
export const pasUitkomstToe = async (plaatsingId: string, sequenceNumber: string, bron: Bron, kenmerken: (p: Plaatsingdeel) => Promise<Kenmerken>): Promise<Toepassing> => {
  const v = volgnummer(sequenceNumber);
  for (let poging = 0; poging < POGINGEN; poging++) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.uitkomst(plaatsingId), ConsistentRead: true }));
    const kop: Kop = Item ? KopItem.parse(Item) : { entiteit: 'Uitkomst', revisie: 0, momenten: {}, escalaties: {}, kopieen: [] };
    const huidig = bron.soort === 'plaatsing' ? kop.plaatsing : bron.soort === 'moment' ? kop.momenten[bron.id] : kop.escalaties[bron.id];
    if (huidig && huidig.v >= v) return 'alVerwerkt';
    const nieuw: Kop = {
      ...kop,
      revisie: kop.revisie + 1,
      ...(bron.soort === 'plaatsing' ? { plaatsing: { v, d: bron.deel } } : {}),
      momenten: bron.soort === 'moment' ? { ...kop.momenten, [bron.id]: { v, d: bron.deel } } : kop.momenten,
      escalaties: bron.soort === 'escalatie' ? { ...kop.escalaties, [bron.id]: { v, d: bron.deel } } : kop.escalaties,
    };
    const plaatsing = nieuw.plaatsing?.d as Plaatsingdeel | undefined;
    if (plaatsing && !nieuw.kenmerken) nieuw.kenmerken = Object.fromEntries(Object.entries(await kenmerken(plaatsing)).filter(([, w]) => typeof w === 'string')) as Record<string, string>;
    const uitkomst = uitkomstVan(
      plaatsingId,
      plaatsing,
      Object.values(nieuw.momenten).map((m) => m.d as Momentdeel),
      Object.values(nieuw.escalaties).map((e) => e.d as Escalatiedeel),
      nieuw.kenmerken ?? {},
    );
    const record = uitkomst ? JSON.stringify(uitkomst) : undefined;
    const kopieen = kopieSleutels(uitkomst);
    const nieuweSleutels = new Set(kopieen.map((k) => `${k.pk}|${k.sk}`));
    const weg = kop.kopieen.filter((k) => !nieuweSleutels.has(`${k.pk}|${k.sk}`));
    const kopieerOpnieuw = record !== kop.record;
    const { entiteit: _e, record: _r, kopieen: _k, ...velden } = nieuw;
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tabel(),
                Item: { ...sleutels.uitkomst(plaatsingId), entiteit: 'Uitkomst', ...velden, kopieen, ...(record ? { record } : {}) },
                ConditionExpression: kop.revisie === 0 ? 'attribute_not_exists(pk)' : 'revisie = :r',
                ...(kop.revisie === 0 ? {} : { ExpressionAttributeValues: { ':r': kop.revisie } }),
              },
            },
            ...(kopieerOpnieuw && record ? kopieen.map((k) => ({ Put: { TableName: tabel(), Item: { ...k, entiteit: 'Uitkomstkopie', u: record } } })) : []),
            ...weg.map((k) => ({ Delete: { TableName: tabel(), Key: k } })),
          ],
        }),
      );
      return kopieerOpnieuw || weg.length ? 'toegepast' : 'ongewijzigd';
    } catch (error) {
      // Another source of this placement got there first: read its revision and make the record again.
      if (geweigerd(error, 0)) continue;
      throw error;
    }
  }
  throw new Error(`uitkomst ${plaatsingId}: na ${POGINGEN} pogingen steeds een nieuwere revisie`);
};

const AansluitingbronItem = z.object({ entiteit: z.literal('Aansluitingbron'), volgnummer: z.string(), bron: z.string().optional(), gewist: z.boolean().optional() });

/**
 * Applies one referral's or place's stream record to its region's supply and demand, exactly once: the
 * source item remembers the last record applied and what it put where; one transaction moves it.
 */
export const pasAansluitingToe = async (
  bron: string,
  sequenceNumber: string,
  maak: (eerder: Aansluitingbron | undefined) => Aansluitingbron | undefined,
  opties: { wis?: true } = {},
): Promise<Toepassing> => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.aansluitingbron(bron), ConsistentRead: true }));
  const huidig = Item ? AansluitingbronItem.parse(Item) : undefined;
  if (huidig?.gewist) return 'alVerwerkt';
  // An erasure's record is another item's: its number does not compare with the referral's, and it is final.
  const v = opties.wis ? '9'.repeat(40) : volgnummer(sequenceNumber);
  if (huidig && huidig.volgnummer >= v) return 'alVerwerkt';
  const eerder = huidig?.bron ? (JSON.parse(huidig.bron) as Aansluitingbron) : undefined;
  const nieuw = maak(eerder);
  const tekst = nieuw ? JSON.stringify(nieuw) : undefined;
  if (huidig && tekst === huidig.bron && !opties.wis) {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [{ Update: { TableName: tabel(), Key: sleutels.aansluitingbron(bron), UpdateExpression: 'SET volgnummer = :v', ConditionExpression: 'volgnummer < :v', ExpressionAttributeValues: { ':v': v } } }],
      }),
    ).catch((error) => {
      if (!geweigerd(error, 0)) throw error;
    });
    return 'ongewijzigd';
  }
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tabel(),
              Item: { ...sleutels.aansluitingbron(bron), entiteit: 'Aansluitingbron', volgnummer: v, ...(tekst ? { bron: tekst } : {}), ...(opties.wis ? { gewist: true } : {}) },
              ConditionExpression: 'attribute_not_exists(pk) OR volgnummer < :v',
              ExpressionAttributeValues: { ':v': v },
            },
          },
          ...(eerder && (!nieuw || nieuw.arbeidsmarktregio !== eerder.arbeidsmarktregio) ? [{ Delete: { TableName: tabel(), Key: sleutels.aansluiting(eerder.arbeidsmarktregio, bron) } }] : []),
          ...(nieuw && tekst ? [{ Put: { TableName: tabel(), Item: { ...sleutels.aansluiting(nieuw.arbeidsmarktregio, bron), entiteit: 'Aansluiting', a: tekst } } }] : []),
        ],
      }),
    );
    return 'toegepast';
  } catch (error) {
    if (geweigerd(error, 0)) return 'alVerwerkt';
    throw error;
  }
};

const allePaginas = async <T>(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>, lees: (item: Record<string, unknown>) => T): Promise<T[]> => {
  const uit: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await dynamo().send(new QueryCommand({ TableName: tabel(), ...input, ExclusiveStartKey: start }));
    for (const item of r.Items ?? []) uit.push(lees(item));
    start = r.LastEvaluatedKey;
  } while (start);
  return uit;
};

const KopieItem = z.object({ entiteit: z.literal('Uitkomstkopie'), u: z.string() });
const AansluitingItem = z.object({ entiteit: z.literal('Aansluiting'), a: z.string() });
const LidRegel = z.object({ entiteit: z.literal('Lid'), id: z.string(), status: z.string(), toezeggingen: z.record(z.string(), z.number()) });

const SrgPlaatsingItem = z.object({
  entiteit: z.literal('Plaatsing'),
  id: z.string(),
  verwijzingId: z.string(),
  contract: z.object({ startdatum: z.string(), contractvorm: z.string() }).optional(),
  beeindiging: z.object({ einddatum: z.string(), reden: z.string() }).optional(),
  instrumenten: z.array(z.object({ invoer: z.object({ soort: z.string(), startdatum: z.string(), einddatum: z.string().optional() }) })),
});
const DossierItem = z.object({ entiteit: z.literal('Verwijzing'), id: z.string(), dossierkenmerk: z.string() });

const scopePartities = (s: Uitkomstenscope): string[] =>
  s.soort === 'nationaal'
    ? Array.from({ length: UITKOMSTEN_SHARDS_NATIONAAL }, (_, i) => sleutels.uitkomstenPartitie('NATIONAAL', i))
    : [
        sleutels.uitkomstenPartitie(
          s.soort === 'gemeente' ? `GEMEENTE#${s.gemeente}` : s.soort === 'lid' ? `LID#${s.lidId}` : s.soort === 'partner' ? `PARTNER#${s.partnerId}` : `REGIO#${s.arbeidsmarktregio}`,
          0,
        ),
      ];

/** Pledges count for members that are or were active; an application's pledge is not one yet. */
const LEDEN_MET_TOEZEGGING = new Set(['actief', 'geschorst', 'uitgetreden']);

export const dynamoUitkomstenStore = (): UitkomstenStore => ({
  async uitkomsten(scope) {
    const perPartitie = await Promise.all(
      scopePartities(scope).map((p) =>
        allePaginas({ KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': p }, ProjectionExpression: 'entiteit, u' }, (item) => JSON.parse(KopieItem.parse(item).u) as Uitkomst),
      ),
    );
    return perPartitie.flat();
  },

  async aansluiting(regios) {
    const perRegio = await Promise.all(
      regios.map((r) =>
        allePaginas({ KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': sleutels.aansluitingPartitie(r) }, ProjectionExpression: 'entiteit, a' }, (item) => JSON.parse(AansluitingItem.parse(item).a) as Aansluitingbron),
      ),
    );
    return perRegio.flat();
  },

  async toezeggingen(lidId) {
    const items = lidId
      ? [(await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.lid(lidId), ProjectionExpression: 'entiteit, id, #s, toezeggingen', ExpressionAttributeNames: { '#s': 'status' } }))).Item].filter((i) => i !== undefined)
      : await allePaginas(
          {
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :p',
            ExpressionAttributeValues: { ':p': sleutels.ledenPartitie },
            ProjectionExpression: 'entiteit, id, #s, toezeggingen',
            ExpressionAttributeNames: { '#s': 'status' },
          },
          (i) => i,
        );
    return items
      .map((i) => LidRegel.parse(i))
      .filter((l) => LEDEN_MET_TOEZEGGING.has(l.status))
      .map((l) => ({ lidId: l.id, toezeggingen: l.toezeggingen as unknown as Toezeggingen }));
  },

  async regioVanGemeente(code) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.gemeente(code), ProjectionExpression: 'arbeidsmarktregio' }));
    return typeof Item?.arbeidsmarktregio === 'string' ? Item.arbeidsmarktregio : undefined;
  },

  async srgBronnen(gemeente) {
    const [plaatsingen, verwijzingen] = await Promise.all([
      allePaginas(
        {
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :p',
          ExpressionAttributeValues: { ':p': sleutels.plaatsingenPerGemeentePartitie(gemeente) },
          ProjectionExpression: 'entiteit, id, verwijzingId, contract, beeindiging, instrumenten',
        },
        (i) => SrgPlaatsingItem.parse(i),
      ),
      allePaginas(
        {
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': sleutels.verwijzingenPerGemeentePartitie(gemeente) },
          ProjectionExpression: 'entiteit, id, dossierkenmerk',
        },
        (i) => DossierItem.parse(i),
      ),
    ]);
    return { plaatsingen: plaatsingen.map(({ entiteit: _e, ...p }) => p), dossiers: new Map(verwijzingen.map((v) => [v.id, v.dossierkenmerk])) };
  },

  async regiosVanPartner(partnerId) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.partner(partnerId), ProjectionExpression: 'arbeidsmarktregios' }));
    return Item ? ((Item.arbeidsmarktregios as string[] | undefined) ?? []) : undefined;
  },
});

/** The referral's doelgroep and region (or what its erasure left) and the place's kind, in one BatchGetItem. */
export const leesKenmerken = async (p: Plaatsingdeel): Promise<Kenmerken> => {
  const items = await haalSamen([sleutels.verwijzing(p.verwijzingId), sleutels.anoniemeVerwijzing(p.verwijzingId), sleutels.werkplek(p.werkplekId)], {
    projectie: 'entiteit, doelgroep, arbeidsmarktregio, soort, werksoort',
  });
  const verwijzing = items.find((i) => i.entiteit === 'Verwijzing') ?? items.find((i) => i.entiteit === 'AnoniemeVerwijzing');
  const werkplek = items.find((i) => i.entiteit === 'Werkplek');
  const s = (i: Record<string, unknown> | undefined, n: string) => (typeof i?.[n] === 'string' ? (i[n] as string) : undefined);
  return {
    doelgroep: s(verwijzing, 'doelgroep'),
    arbeidsmarktregio: s(verwijzing, 'arbeidsmarktregio') ?? s(werkplek, 'arbeidsmarktregio'),
    soortWerkplek: s(werkplek, 'soort'),
    werksoort: s(werkplek, 'werksoort'),
  };
};
