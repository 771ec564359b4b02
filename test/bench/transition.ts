import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulidx';
import { localDynamoDbClient } from '../../infra/local/aws-local';
import type { LocalRuntime } from '../../infra/local/runtime';
import type { Principal } from '../../shared/auth/rollen';
import { gevolgen, nodigVoor, voerUit, type PlaatsingOpdracht } from '../../shared/domain/plaatsingen';
import type { Plaatsing } from '../../shared/schemas/plaatsingen';
import { plaatsingTransactie } from '../../shared/store/plaatsingen-store';
import { sleutels } from '../../shared/store/sleutels';
import type { TransactieItem } from '../../shared/store/zoekprofielen';
import { pool, type ApiClient, type ApiResponse } from './http';
import { interleaved, type Distribution, type InterleaveOptions } from './latency';
import { progress } from './report';
import type { Scenario } from './scenario';

const OPDRACHT: PlaatsingOpdracht = { actie: 'kennismaking', datum: '2026-12-01' };

export interface TransitionLatency {
  readonly route: string;
  readonly caller: string;
  readonly api: Distribution;
  readonly raw: Distribution;
  readonly ratioP50: number;
  readonly ratioP99: number;
  readonly apiCommands: readonly string[];
  readonly rawCommands: readonly string[];
  /** The TransactWriteItems entries, as sent by both sides: operation, key and condition. */
  readonly transactItems: readonly string[];
  readonly options: InterleaveOptions;
  readonly setup: { readonly placements: number; readonly verwijzingen: number; readonly werkplekken: number; readonly calls: number; readonly seconds: number };
}

/** "Put PLAATSING#… / PLAATSING if versie = :verwacht" — what one transaction entry does, for the report. */
const describe = (item: TransactieItem): string => {
  const [op, body] = Object.entries(item)[0] as [string, { Key?: Record<string, unknown>; Item?: Record<string, unknown>; ConditionExpression?: string }];
  const key = body.Key ?? body.Item ?? {};
  const sk = String(key.sk ?? '').replace(/#.*/, '#…');
  const pk = String(key.pk ?? '').replace(/#.*/, '');
  return `${op} ${pk}/${sk}${body.ConditionExpression ? ` if ${body.ConditionExpression}` : ''}`;
};

/**
 * POST /v1/plaatsingen/{id}/kennismaking through the API (the member records the meeting) against the
 * same DynamoDB calls sent directly: GetItem of the placement (consistent), then one TransactWriteItems
 * with exactly the entries the store sends — built beforehand by the store's own plaatsingTransactie from
 * the domain's decision, so items, keys and conditions are the same; only the building is not timed.
 *
 * A transition changes its placement, so every sample needs a placement still in `voorgesteld`: they are
 * proposed beforehand (not timed), k referrals × k places so that each pair is new (one open placement
 * per pair), half for each side.
 */
export const placementTransition = async (
  rt: LocalRuntime,
  api: ApiClient,
  s: Scenario,
  options: InterleaveOptions & { concurrency: number },
): Promise<TransitionLatency> => {
  const perSide = options.warmup + options.perSide;
  const total = 2 * perSide;
  const k = Math.ceil(Math.sqrt(total));
  const started = Date.now();
  progress(`transition set-up: ${k} referrals × ${k} places, ${total} proposed placements through the API …`);
  const lid = await s.werkgever();
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const verwijzingen = await pool(range(k), options.concurrency, () => s.verwijzing('transities', { werksoortVoorkeuren: ['productie'] }));
  const werkplekken = await pool(range(k), options.concurrency, () =>
    s.werkplek(lid.headers, 'transities', { werksoort: 'productie', titel: 'Productiemedewerker', soort: 'reguliereBaan' }),
  );
  const plaatsingen = await pool(range(total), options.concurrency, (i) => s.voorstellen(verwijzingen[i % k]!.id, werkplekken[Math.floor(i / k)]!.id));
  const seconds = (Date.now() - started) / 1000;

  // The raw side's transactions, decided and built as the use case and the store would (same principal).
  const door: Principal = { rol: 'werkgever', subject: `lokaal-werkgever-${lid.lid.id}`, lidId: lid.lid.id };
  if (nodigVoor(OPDRACHT).werkplek || nodigVoor(OPDRACHT).verwijzing) throw new Error('bench: this transition reads the place or referral; the raw side does not');
  const omgeving = { nu: new Date().toISOString(), nieuwId: () => ulid() };
  const build = (pl: Plaatsing) => {
    const m = voerUit(pl, OPDRACHT, door, undefined, omgeving);
    return { id: pl.id, items: plaatsingTransactie(m, gevolgen(m, {}, door, omgeving)).items };
  };
  const apiQueue = plaatsingen.filter((_, i) => i % 2 === 0);
  const rawQueue = plaatsingen.filter((_, i) => i % 2 === 1).map(build);
  const TableName = rt.table.tableName;
  const tabel = (rawQueue[0]?.items[0] as { Put?: { TableName?: string } } | undefined)?.Put?.TableName;
  if (tabel !== TableName) throw new Error(`bench: the store builds for table ${tabel}, the runtime's is ${TableName}`);

  const doc = DynamoDBDocumentClient.from(localDynamoDbClient(rt.dynamodb.endpoint));
  let last: ApiResponse | undefined;
  try {
    const [a, r] = await interleaved(
      [
        async () => {
          const pl = apiQueue.shift()!;
          const res = await api.call('POST', `/v1/plaatsingen/${pl.id}/kennismaking`, { headers: lid.headers, body: { datum: OPDRACHT.datum } });
          if (res.status !== 200) throw new Error(`POST …/kennismaking answered ${res.status}: ${res.text.slice(0, 300)}`);
          last = res;
        },
        async () => {
          const p = rawQueue.shift()!;
          const { Item } = await doc.send(new GetCommand({ TableName, Key: sleutels.plaatsing(p.id), ConsistentRead: true }));
          if (!Item) throw new Error(`raw GetItem found no placement ${p.id}`);
          await doc.send(new TransactWriteCommand({ TransactItems: p.items }));
        },
      ],
      options,
    );
    const example = build({ ...plaatsingen[0]!, versie: 1, fase: 'voorgesteld' }).items;
    return {
      route: 'POST /v1/plaatsingen/{id}/kennismaking',
      caller: 'werkgever (the member)',
      api: a!,
      raw: r!,
      ratioP50: a!.p50 / r!.p50,
      ratioP99: a!.p99 / r!.p99,
      apiCommands: last?.commands ?? [],
      rawCommands: ['GetItem', 'TransactWriteItems'],
      transactItems: example.map(describe),
      options: { warmup: options.warmup, perSide: options.perSide, blockSize: options.blockSize },
      setup: { placements: total, verwijzingen: k, werkplekken: k, calls: 3 * k + k + total + 2, seconds },
    };
  } finally {
    doc.destroy();
  }
};
