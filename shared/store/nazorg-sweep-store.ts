import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tabel } from './dynamodb';
import type { MomentVerwijzing } from './nazorg-store';
import { NAZORG_SHARDS, sleutels } from './sleutels';

/** The sweep's own bookkeeping: the last day it completed, so a sweep after downtime walks every missed day. */
const CHECKPOINT = { pk: 'JOB#nazorg-sweep', sk: 'CHECKPOINT' } as const;

/**
 * Small pages of keys only (the moment id and its table keys, which every index projects): 16 shards
 * paged in parallel hold at most 16 pages of references.
 */
export const SWEEP_PAGINA = 500;

export const leesSweepCheckpoint = async (): Promise<string | undefined> => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: CHECKPOINT, ConsistentRead: true }));
  return typeof Item?.laatsteDag === 'string' ? Item.laatsteDag : undefined;
};

/**
 * Moves the checkpoint forward only: a slow sweep finishing an older day after a faster one finished a
 * later day must not make the next sweep walk those days again (it would be harmless, but wasted).
 * Returns false when another sweep was already further.
 */
export const zetSweepCheckpoint = async (dag: string, nu: Date): Promise<boolean> => {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tabel(),
        Key: CHECKPOINT,
        UpdateExpression: 'SET entiteit = :e, laatsteDag = :dag, bijgewerktOp = :nu',
        ConditionExpression: 'attribute_not_exists(laatsteDag) OR laatsteDag < :dag',
        ExpressionAttributeValues: { ':e': 'JobCheckpoint', ':dag': dag, ':nu': nu.toISOString() },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

/**
 * Pages through one shard of one day of the due index, handing each page's moments to `perPagina`
 * before the next page is read: a day is never held in memory. Each reference carries the moment's own
 * keys, so the consumer reads the moment directly instead of through its pointer.
 */
const loopShard = async (dag: string, shard: number, perPagina: (momenten: MomentVerwijzing[]) => Promise<void>): Promise<number> => {
  let start: Record<string, unknown> | undefined;
  let aantal = 0;
  do {
    const pagina = await dynamo().send(
      new QueryCommand({
        TableName: tabel(),
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :p',
        ExpressionAttributeValues: { ':p': sleutels.nazorgVervalPartitie(dag, shard) },
        ProjectionExpression: 'gsi2sk, pk, sk',
        Limit: SWEEP_PAGINA,
        ExclusiveStartKey: start,
      }),
    );
    const momenten = (pagina.Items ?? []).map((i): MomentVerwijzing => sleutels.leesNazorgmomentSleutel({ pk: i.pk, sk: i.sk }) ?? { nazorgmomentId: String(i.gsi2sk) });
    if (momenten.length) await perPagina(momenten);
    aantal += momenten.length;
    start = pagina.LastEvaluatedKey;
  } while (start);
  return aantal;
};

/** All NAZORG_SHARDS shards of one day, queried in parallel; returns how many moments were handed over. */
export const loopDueIndexVanDag = async (dag: string, perPagina: (momenten: MomentVerwijzing[]) => Promise<void>): Promise<number> => {
  const perShard = await Promise.all(Array.from({ length: NAZORG_SHARDS }, (_, shard) => loopShard(dag, shard, perPagina)));
  return perShard.reduce((a, b) => a + b, 0);
};
