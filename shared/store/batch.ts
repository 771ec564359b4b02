import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { dynamo, tabel } from './dynamodb';

/**
 * BatchGetItem until DynamoDB has answered every key: 100 keys per request (its limit), unprocessed keys
 * asked again, a key named twice asked once (DynamoDB refuses duplicates). Consistent unless told otherwise;
 * a projection always keeps pk and sk, so callers can match items to their keys.
 */
export const haalSamen = async (
  keys: readonly { pk: string; sk: string }[],
  opties: { consistent?: boolean; projectie?: string } = {},
): Promise<Record<string, unknown>[]> => {
  const { consistent = true, projectie } = opties;
  const uniek = [...new Map(keys.map((k) => [`${k.pk}|${k.sk}`, k])).values()];
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < uniek.length; i += 100) {
    let open: Record<string, unknown>[] | undefined = uniek.slice(i, i + 100);
    while (open && open.length > 0) {
      const r: BatchGetCommandOutput = await dynamo().send(
        new BatchGetCommand({
          RequestItems: { [tabel()]: { Keys: open, ...(consistent ? { ConsistentRead: true } : {}), ...(projectie ? { ProjectionExpression: `pk, sk, ${projectie}` } : {}) } },
        }),
      );
      items.push(...(r.Responses?.[tabel()] ?? []));
      open = r.UnprocessedKeys?.[tabel()]?.Keys;
    }
  }
  return items;
};
