import { createHash } from 'node:crypto';
import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { LocalRuntime } from '../../infra/local/runtime';

/**
 * The whole test table as text, one line per item, sorted: to prove that requests changed nothing. Attribute
 * values stay in DynamoDB's typed form (sorted by name), so a number that became a string shows up too.
 */
export interface TabelInhoud {
  readonly items: readonly string[];
  /** SHA-256 over the sorted items: one line for a summary. */
  readonly hash: string;
  /** Items left out by `negeer`, counted. */
  readonly genegeerd: number;
}

const canoniek = (item: Record<string, AttributeValue>): string =>
  JSON.stringify(Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))));

export const tabelInhoud = async (
  rt: LocalRuntime,
  negeer: (item: Record<string, AttributeValue>) => boolean = () => false,
): Promise<TabelInhoud> => {
  const items: string[] = [];
  let genegeerd = 0;
  let start: Record<string, AttributeValue> | undefined;
  do {
    // Consistent: a write the API acknowledged must be seen by the scan right after it.
    const r = await rt.dynamodb.client.send(new ScanCommand({ TableName: rt.table.tableName, ConsistentRead: true, ExclusiveStartKey: start }));
    for (const item of r.Items ?? []) {
      if (negeer(item)) genegeerd++;
      else items.push(canoniek(item));
    }
    start = r.LastEvaluatedKey;
  } while (start);
  items.sort();
  return { items, hash: createHash('sha256').update(items.join('\n')).digest('hex'), genegeerd };
};
