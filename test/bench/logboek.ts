import { BatchWriteCommand, DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulidx';
import { localDynamoDbClient } from '../../infra/local/aws-local';
import type { LocalRuntime } from '../../infra/local/runtime';
import type { Verwerking } from '../../shared/schemas/verwerkingen';
import { verwerkingItem } from '../../shared/store/verwerkingen-store';
import { interleaved, type Distribution, type InterleaveOptions } from './latency';

/** How a request's processing records can reach the table; the store uses the first two (see verwerkingen-store.ts). */
export type Schrijfwijze = 'PutItem' | 'TransactWriteItems' | 'BatchWriteItem';

export interface LogboekRij {
  readonly records: number;
  readonly wijze: Schrijfwijze;
  /** Whether the write refuses to replace an existing record: the log's "never changed" guarantee. */
  readonly voorwaarde: boolean;
  readonly requests: number;
  /** Write units DynamoDB charges for the records (items under 1 KB): a transaction's puts cost two each. */
  readonly wcu: number;
  readonly latency: Distribution;
}

/** Records as legVast builds them: fresh ULIDs, one pseudonym-shaped subject each. */
const records = (n: number): Verwerking[] => {
  const op = new Date().toISOString();
  const activiteitId = ulid();
  return Array.from({ length: n }, () => ({
    id: ulid(),
    activiteitId,
    traceId: ulid(),
    verwerkingsactiviteit: 'lidInzien',
    door: { rol: 'coopAdmin', subject: 'bench' },
    betrokkene: ulid().padEnd(43, 'x'),
    status: 'gelukt',
    op,
  }));
};

const VOORWAARDE = 'attribute_not_exists(pk)';

/**
 * The same fresh records written three ways against the runtime's DynamoDB Local, interleaved: one
 * conditional TransactWriteItems (what the store did for every flush), conditional PutItems in parallel
 * (one per record), and one BatchWriteItem (no conditions possible). 1 record is a read of one object;
 * 25 a list page.
 */
export const logboekSchrijfwijzen = async (rt: LocalRuntime, sizes: readonly number[], options: InterleaveOptions): Promise<LogboekRij[]> => {
  const doc = DynamoDBDocumentClient.from(localDynamoDbClient(rt.dynamodb.endpoint), { marshallOptions: { removeUndefinedValues: true } });
  const TableName = rt.table.tableName;
  try {
    const rows: LogboekRij[] = [];
    for (const n of sizes) {
      const wijzen: { wijze: Schrijfwijze; voorwaarde: boolean; requests: number; wcu: number; schrijf: () => Promise<void> }[] = [
        {
          wijze: 'PutItem',
          voorwaarde: true,
          requests: n,
          wcu: n,
          schrijf: async () => {
            await Promise.all(records(n).map((v) => doc.send(new PutCommand({ TableName, Item: verwerkingItem(v), ConditionExpression: VOORWAARDE }))));
          },
        },
        {
          wijze: 'TransactWriteItems',
          voorwaarde: true,
          requests: 1,
          wcu: 2 * n,
          schrijf: async () => {
            const rs = records(n);
            await doc.send(
              new TransactWriteCommand({
                TransactItems: rs.map((v) => ({ Put: { TableName, Item: verwerkingItem(v), ConditionExpression: VOORWAARDE } })),
                ClientRequestToken: rs[0]!.id,
              }),
            );
          },
        },
        {
          wijze: 'BatchWriteItem',
          voorwaarde: false,
          requests: Math.ceil(n / 25),
          wcu: n,
          // At most 25 items a request: more go in parallel requests.
          schrijf: async () => {
            const rs = records(n);
            await Promise.all(
              Array.from({ length: Math.ceil(n / 25) }, async (_, i) => {
                const stuk = rs.slice(i * 25, i * 25 + 25).map((v) => ({ PutRequest: { Item: verwerkingItem(v) } }));
                const r = await doc.send(new BatchWriteCommand({ RequestItems: { [TableName]: stuk } }));
                if (Object.keys(r.UnprocessedItems ?? {}).length) throw new Error('BatchWriteItem left items unprocessed');
              }),
            );
          },
        },
      ];
      const d = await interleaved(
        wijzen.map((w) => w.schrijf),
        options,
      );
      rows.push(...wijzen.map((w, i) => ({ records: n, wijze: w.wijze, voorwaarde: w.voorwaarde, requests: w.requests, wcu: w.wcu, latency: d[i]! })));
    }
    return rows;
  } finally {
    doc.destroy();
  }
};
