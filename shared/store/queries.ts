import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import type { Pagina } from '../use-cases/poorten';
import { DomeinFout } from '../domain/fouten';
import { leesCursor, maakCursor } from './cursor';
import { dynamo, tabel } from './dynamodb';
import { parseItem } from './items';
import { sleutels } from './sleutels';

export type PaginaVerzoek = { pageSize: number; cursor?: string | undefined };
type Startsleutel = Record<string, unknown> | undefined;

/**
 * A cursor is good only for the list it came from. A forged one, or one from another list, names another
 * partition, index or sort-key range; DynamoDB refuses such a start key with a ValidationException — a 500
 * for a client's mistake (found by the security suite's fuzzing) — so it is refused here first: exactly
 * the key attributes of this query, its partition, and a sort key within its prefix. Checked also when a
 * store passes its own start key: a store's check may know the partition but not the sort-key range.
 */
const vereisStartInLijst = (start: Startsleutel, index: 'tabel' | 'gsi1' | 'gsi2' | 'gsi3', partitie: string, prefix: string | undefined): Startsleutel => {
  if (start === undefined) return undefined;
  const [pkNaam, skNaam] = index === 'tabel' ? ['pk', 'sk'] : [`${index}pk`, `${index}sk`];
  const namen = [...new Set(['pk', 'sk', pkNaam, skNaam])];
  const sk = start[skNaam];
  const past =
    Object.keys(start).length === namen.length &&
    namen.every((n) => typeof start[n] === 'string') &&
    start[pkNaam] === partitie &&
    (prefix === undefined || (typeof sk === 'string' && sk.startsWith(prefix)));
  if (!past) throw new DomeinFout('ongeldigeInvoer', 'Deze cursor hoort niet bij deze lijst.', 'query.cursor');
  return start;
};

/**
 * One page of the items in one partition whose sort keys begin with `prefix`, in sort-key order. `start`
 * replaces the plain cursor check where a store checks that the cursor belongs to this list.
 */
export const partitiePagina = async <S extends z.ZodType<object>>(
  pk: string,
  prefix: string,
  { pageSize, cursor }: PaginaVerzoek,
  schema: S,
  start: Startsleutel = leesCursor(cursor),
): Promise<Pagina<ReturnType<typeof parseItem<S>>>> => {
  vereisStartInLijst(start, 'tabel', pk, prefix);
  const r = await dynamo().send(
    new QueryCommand({
      TableName: tabel(),
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':p': pk, ':s': prefix },
      Limit: pageSize,
      ExclusiveStartKey: start,
    }),
  );
  return { items: (r.Items ?? []).map((item) => parseItem(schema, item)), cursor: maakCursor(r.LastEvaluatedKey) };
};

/** One page of an entity's history: the GEBEURTENIS# items in its partition, in version order. */
export const gebeurtenissenPagina = <S extends z.ZodType<object>>(
  pk: string,
  pagina: PaginaVerzoek,
  schema: S,
  start: Startsleutel = leesCursor(pagina.cursor),
): Promise<Pagina<ReturnType<typeof parseItem<S>>>> => partitiePagina(pk, sleutels.gebeurtenissenPrefix, pagina, schema, start);

/**
 * One page of a list kept in an index partition, optionally narrowed to the sort keys that begin with
 * `prefix` (a status: the lists are ordered status#…), so a filter is a key condition, never a filter
 * after reading.
 */
export const lijstPagina = async <S extends z.ZodType<object>>(
  index: 'gsi1' | 'gsi2' | 'gsi3',
  partitie: string,
  prefix: string | undefined,
  { pageSize, cursor }: PaginaVerzoek,
  schema: S,
  start: Startsleutel = leesCursor(cursor),
): Promise<Pagina<ReturnType<typeof parseItem<S>>>> => {
  vereisStartInLijst(start, index, partitie, prefix);
  const r = await dynamo().send(
    new QueryCommand({
      TableName: tabel(),
      IndexName: index,
      KeyConditionExpression: prefix ? `${index}pk = :p AND begins_with(${index}sk, :s)` : `${index}pk = :p`,
      ExpressionAttributeValues: { ':p': partitie, ...(prefix ? { ':s': prefix } : {}) },
      Limit: pageSize,
      ExclusiveStartKey: start,
    }),
  );
  return { items: (r.Items ?? []).map((item) => parseItem(schema, item)), cursor: maakCursor(r.LastEvaluatedKey) };
};
