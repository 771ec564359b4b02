import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { localDynamoDbClient } from '../../infra/local/aws-local';
import type { LocalRuntime } from '../../infra/local/runtime';
import type { Principal } from '../../shared/auth/rollen';
import { sleutels } from '../../shared/store/sleutels';
import { naarVerwijzing } from '../../shared/store/verwijzingen-store';
import { naarWerkplek } from '../../shared/store/werkplekken-store';
import { naarZoekprofiel } from '../../shared/store/zoekprofielen';
import { matchingUseCases } from '../../shared/use-cases/matching';
import type { MatchingStore } from '../../shared/use-cases/poorten';
import { pool, type ApiClient } from './http';
import { distribution, interleaved, timed, type Distribution, type InterleaveOptions } from './latency';
import { GEMEENTEN, type BenchGemeente, type Scenario } from './scenario';

/**
 * The store's cap on one partition Query (MAX_PER_PARTITIE in shared/store/matching-store.ts, which does
 * not export it): the raw side reads exactly what the store reads.
 */
const MAX_PER_PARTITIE = 250;
/** The API's default page (PaginaParameters): the kandidaten route releases names only for this page. */
const PAGE_SIZE = 25;

const WERKSOORT_A = 'groen';
const WERKSOORT_B = 'schoonmaak';

export interface MatchingFixture {
  readonly size: number;
  readonly gemeente: BenchGemeente;
  /** A bemiddelbaar referral preferring [B, A]: its matches read both werksoort partitions of the region. */
  readonly verwijzingId: string;
  /** An open place of werksoort A, whose candidates are the region's A partition; its member's id. */
  readonly werkplekId: string;
  readonly lidId: string;
  /** Candidates who consented to meet that member: they rank on the first page, so the route reads them. */
  readonly consented: number;
}

// Profiles vary by index, so scores, ranking and the reasons' texts vary as they would in a real region.
const NIVEAU = ['laag', 'gemiddeld', 'hoog'] as const;
const ZELFSTANDIGHEID = ['begeleidingNodig', 'deelsZelfstandig', 'zelfstandig'] as const;
const TAAL = ['A1', 'A2', 'B1', 'B2'] as const;
const UREN = [
  { minimum: 8, maximum: 16 },
  { minimum: 16, maximum: 24 },
  { minimum: 20, maximum: 28 },
  { minimum: 24, maximum: 32 },
  { minimum: 32, maximum: 40 },
] as const;
const DOELGROEP = ['participatiewet', 'banenafspraak', 'beschutWerk', 'voormaligWsw'] as const;
const AANPASSINGEN = [['vasteStructuur'], ['geenTilwerk', 'zittendWerk'], ['prikkelarmeOmgeving'], [], ['extraPauzes', 'binnenwerk']] as const;
const SOORT = ['reguliereBaan', 'participatieplaats', 'beschutWerk', 'proefplaatsing', 'leerwerkplek'] as const;

const kandidaatProfiel = (g: BenchGemeente, i: number) => ({
  doelgroep: DOELGROEP[i % 4],
  mogelijkheden: {
    fysiekeBelastbaarheid: NIVEAU[i % 3],
    werktempo: NIVEAU[(i + 1) % 3],
    zelfstandigheid: ZELFSTANDIGHEID[(i + 2) % 3],
    taalniveau: TAAL[i % 4],
    rijbewijs: i % 5 === 0,
  },
  werkaanpassingen: AANPASSINGEN[i % 5],
  uren: UREN[i % 5],
  mobiliteit: { reisafstandKm: [5, 10, 15, 25][i % 4], vervoer: ['fiets', 'ov'] },
  postcodegebied: g.postcodes[i % g.postcodes.length],
  // The region's A partition holds every candidate; A as second choice keeps the consenting ones (A first) on top.
  werksoortVoorkeuren: [WERKSOORT_B, WERKSOORT_A],
});

const werkplekProfiel = (g: BenchGemeente, i: number) => ({
  titel: i % 2 === 0 ? `Medewerker groenonderhoud ${i}` : `Schoonmaakmedewerker ${i}`,
  soort: SOORT[i % 5],
  werksoort: i % 2 === 0 ? WERKSOORT_A : WERKSOORT_B,
  uren: UREN[(i + 2) % 5],
  locatie: { postcodegebied: g.postcodes[(i * 7) % g.postcodes.length], gemeente: g.code },
  aantalPlaatsen: 1 + (i % 3),
  eisen: { fysiekeBelastbaarheid: NIVEAU[i % 3], werktempo: NIVEAU[(i + 2) % 3], taalniveau: ['geen', 'A1', 'A2', 'B1'][i % 4], rijbewijs: i % 7 === 0 },
  werkaanpassingen: AANPASSINGEN[(i + 1) % 5],
  begeleiding: { eigenJobcoach: i % 2 === 0, buddy: i % 3 === 0 },
  teltVoorBanenafspraak: i % 4 === 0,
});

/**
 * A region with `size` open places (half werksoort A, half B, from four members) and `size` placeable,
 * consenting candidates who all have A among their preferences, made through the API. So
 *   GET /v1/verwijzingen/{id}/matches     reads `size` places in two Queries (size/2 each), and
 *   GET /v1/werkplekken/{id}/kandidaten   reads `size` zoekprofielen in one Query, plus a BatchGetItem of
 *                                         the `consented` candidates who agreed to meet the place's member.
 */
export const matchingFixture = async (
  s: Scenario,
  key: 'matching40' | 'matching250',
  size: number,
  concurrency: number,
  consented = 3,
): Promise<MatchingFixture> => {
  const g = GEMEENTEN[key];
  const leden = await pool([0, 1, 2, 3], concurrency, () => s.werkgever());
  const eigenaar = leden[0]!;
  // Index 0 is the place whose candidates are listed: the default place (A) at the region's first PC4.
  const werkplekken = await pool(Array.from({ length: size }, (_, i) => i), concurrency, (i) =>
    s.werkplek(leden[i % leden.length]!.headers, key, i === 0 ? { werksoort: WERKSOORT_A } : werkplekProfiel(g, i)),
  );
  // The consenting candidates fit that place best (A first, its hours, its PC4), so they are on its first page.
  const verwijzingen = await pool(Array.from({ length: size }, (_, i) => i), concurrency, (i) =>
    s.verwijzing(key, i < consented ? { werksoortVoorkeuren: [WERKSOORT_A] } : kandidaatProfiel(g, i)),
  );
  await pool(verwijzingen.slice(0, consented), concurrency, (v) => s.toestemming(key, v.id, eigenaar.lid.id));
  return { size, gemeente: g, verwijzingId: verwijzingen[consented]!.id, werkplekId: werkplekken[0]!.id, lidId: eigenaar.lid.id, consented };
};

type Item = Record<string, unknown>;
interface RawRead {
  readonly commands: string[];
  readonly first: Item;
  readonly items: Item[];
  readonly batch: Item[];
}

/**
 * The same DynamoDB calls as the matching store, sent directly with the bench's own DocumentClient: the
 * keys come from shared/store/sleutels.ts, the reads in the same order (GetItem, then the Queries — in
 * parallel for the referral's werksoorten — then the BatchGetItem of the consenting candidates).
 */
const rawMatching = (rt: LocalRuntime) => {
  const doc = DynamoDBDocumentClient.from(localDynamoDbClient(rt.dynamodb.endpoint));
  const TableName = rt.table.tableName;
  const get = async (Key: Record<string, string>): Promise<Item> => {
    const { Item } = await doc.send(new GetCommand({ TableName, Key, ConsistentRead: true }));
    if (!Item) throw new Error(`raw GetItem found no item for ${Key.pk}`);
    return Item;
  };
  const partitie = async (gsi2pk: string): Promise<Item[]> =>
    (
      await doc.send(
        new QueryCommand({ TableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': gsi2pk }, Limit: MAX_PER_PARTITIE }),
      )
    ).Items ?? [];
  return {
    async matches(verwijzingId: string): Promise<RawRead> {
      const v = await get(sleutels.verwijzing(verwijzingId));
      const werksoorten = [...new Set(v.werksoortVoorkeuren as string[])];
      const delen = await Promise.all(werksoorten.map((w) => partitie(sleutels.openWerkplekkenPartitie(v.arbeidsmarktregio as string, w))));
      return { commands: ['GetItem', ...werksoorten.map(() => 'Query')], first: v, items: delen.flat(), batch: [] };
    },
    async kandidaten(werkplekId: string): Promise<RawRead> {
      const w = await get(sleutels.werkplek(werkplekId));
      const items = await partitie(sleutels.kandidatenPartitie(w.arbeidsmarktregio as string, w.werksoort as string));
      const ids = items.filter((z) => (z.toestemmingWerkgevers as string[]).includes(w.lidId as string)).map((z) => z.verwijzingId as string);
      const commands = ['GetItem', 'Query'];
      const batch: Item[] = [];
      let keys: Record<string, unknown>[] | undefined = ids.map((id) => sleutels.verwijzing(id));
      while (keys && keys.length > 0) {
        commands.push('BatchGetItem');
        const r: BatchGetCommandOutput = await doc.send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: keys, ConsistentRead: true } } }));
        batch.push(...(r.Responses?.[TableName] ?? []));
        keys = r.UnprocessedKeys?.[TableName]?.Keys;
      }
      return { commands, first: w, items, batch };
    },
    close: () => doc.destroy(),
  };
};

/**
 * The use case alone, in this process, on the items the raw side read: zod parsing of every item,
 * scoring, ranking, the page, and JSON.stringify of the answer — no HTTP, no token, no DynamoDB. The part
 * of the API's overhead that grows with the partition.
 */
const inProcess = async (matches: RawRead, kandidaten: RawRead, iterations: number): Promise<{ matches: Distribution; kandidaten: Distribution }> => {
  const store: MatchingStore = {
    verwijzing: async () => naarVerwijzing(matches.first),
    openWerkplekken: async () => matches.items.map(naarWerkplek),
    kandidaten: async () => kandidaten.items.map(naarZoekprofiel),
    verwijzingen: async (ids) => kandidaten.batch.filter((v) => ids.includes(v.id as string)).map(naarVerwijzing),
  };
  const uc = matchingUseCases({ store, werkplekken: { haal: async () => naarWerkplek(kandidaten.first) } });
  const admin: Principal = { rol: 'coopAdmin', subject: 'lokaal-coopAdmin' };
  const m = async () => {
    const r = await uc.matchesVoorVerwijzing(admin, matches.first.id as string, { pageSize: PAGE_SIZE });
    JSON.stringify({ matches: r.items, volgendePagina: r.cursor ?? null });
  };
  const k = async () => {
    const r = await uc.kandidatenVoorWerkplek(admin, kandidaten.first.id as string, { pageSize: PAGE_SIZE });
    JSON.stringify({ kandidaten: r.items, volgendePagina: r.cursor ?? null });
  };
  for (let i = 0; i < Math.min(20, iterations); i++) {
    await m();
    await k();
  }
  const ms: number[] = [];
  const ks: number[] = [];
  for (let i = 0; i < iterations; i++) {
    ms.push(await timed(m));
    ks.push(await timed(k));
  }
  return { matches: distribution(ms), kandidaten: distribution(ks) };
};

export interface RouteComparison {
  readonly route: string;
  readonly api: Distribution;
  readonly raw: Distribution;
  readonly ratioP50: number;
  readonly ratioP99: number;
  /** What the API request sent (x-werkcoop-dynamodb-commands) and what the raw side sent: they must agree. */
  readonly apiCommands: readonly string[];
  readonly rawCommands: readonly string[];
  /** Items the Queries returned (the partition sizes as read), and items the BatchGetItem returned. */
  readonly itemsRead: number;
  readonly batchRead: number;
  readonly responseBytes: number;
  readonly suggestions: number;
  /** The use case and serialisation alone, in-process, on the same items. */
  readonly inProcess: Distribution;
}

export interface MatchingLatency {
  readonly size: number;
  readonly region: string;
  readonly consented: number;
  readonly options: InterleaveOptions;
  readonly matches: RouteComparison;
  readonly kandidaten: RouteComparison;
}

/**
 * Four sides, interleaved: the two matching routes through the API (as a coordinator) and their raw
 * DynamoDB baselines, on one fixture.
 */
export const matchingLatency = async (
  rt: LocalRuntime,
  api: ApiClient,
  s: Scenario,
  f: MatchingFixture,
  options: InterleaveOptions & { inProcessIterations: number },
): Promise<MatchingLatency> => {
  const raw = rawMatching(rt);
  try {
    const matchesPath = `/v1/verwijzingen/${f.verwijzingId}/matches`;
    const kandidatenPath = `/v1/werkplekken/${f.werkplekId}/kandidaten`;
    const call = async (path: string) => {
      const r = await api.call('GET', path, { headers: s.admin });
      if (r.status !== 200) throw new Error(`GET ${path} answered ${r.status}: ${r.text.slice(0, 300)}`);
      return r;
    };
    const [m, k] = [await call(matchesPath), await call(kandidatenPath)];
    const [rm, rk] = [await raw.matches(f.verwijzingId), await raw.kandidaten(f.werkplekId)];
    const [apiM, rawM, apiK, rawK] = await interleaved(
      [
        async () => void (await call(matchesPath)),
        async () => void (await raw.matches(f.verwijzingId)),
        async () => void (await call(kandidatenPath)),
        async () => void (await raw.kandidaten(f.werkplekId)),
      ],
      options,
    );
    const cpu = await inProcess(rm, rk, options.inProcessIterations);
    const compare = (route: string, a: Distribution, r: Distribution, resp: typeof m, read: RawRead, list: string, own: Distribution): RouteComparison => ({
      route,
      api: a,
      raw: r,
      ratioP50: a.p50 / r.p50,
      ratioP99: a.p99 / r.p99,
      apiCommands: resp.commands,
      rawCommands: read.commands,
      itemsRead: read.items.length,
      batchRead: read.batch.length,
      responseBytes: Buffer.byteLength(resp.text),
      suggestions: (resp.json<Record<string, unknown[]>>()[list] ?? []).length,
      inProcess: own,
    });
    return {
      size: f.size,
      region: f.gemeente.arbeidsmarktregio,
      consented: f.consented,
      options: { warmup: options.warmup, perSide: options.perSide, blockSize: options.blockSize },
      matches: compare('GET /v1/verwijzingen/{id}/matches', apiM!, rawM!, m, rm, 'matches', cpu.matches),
      kandidaten: compare('GET /v1/werkplekken/{id}/kandidaten', apiK!, rawK!, k, rk, 'kandidaten', cpu.kandidaten),
    };
  } finally {
    raw.close();
  }
};

/** For section 5: a fixture's ids, so the sample invocations read a realistic partition. */
export type MatchingTargets = Pick<MatchingFixture, 'verwijzingId' | 'werkplekId' | 'size' | 'consented'>;
