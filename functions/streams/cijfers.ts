import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { ENTITY_ATTRIBUTE } from '../../shared/table/definition';
import { volgnummer } from '../../shared/store/regiotellers-store';
import { handler as regiotellers } from './regiotellers';
import { handler as uitkomsten } from './uitkomsten';

/** The entities each part reads; the event source's filter is their union (shared/queues/definition.ts). */
export const REGIOTELLER_ENTITEITEN = ['Plaatsing', 'Werkplek'] as const;
export const UITKOMST_ENTITEITEN = ['Plaatsing', 'Nazorgmoment', 'Escalatie', 'Verwijzing', 'AnoniemeVerwijzing', 'Werkplek'] as const;

const alleen = (event: DynamoDBStreamEvent, entiteiten: readonly string[]): DynamoDBStreamEvent => ({
  Records: event.Records.filter((r) => entiteiten.includes(r.dynamodb?.NewImage?.[ENTITY_ATTRIBUTE]?.S ?? '')),
});

/**
 * The figures kept from the table's stream: the regions' counters and the anonymous outcome records with
 * supply and demand, in one event source mapping. DynamoDB Streams serves at most two readers per shard
 * before it throttles, and the outbox forwarder is the other one; a third mapping would slow all three.
 * The two parts keep their own exactly-once bookkeeping (each source's last applied sequence number), so
 * they run side by side on the same batch; when either fails, the lowest failed record is reported and the
 * stream retries from there — what either part already applied after it is recognised and skipped.
 */
export const handler = async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> => {
  const delen = await Promise.all([regiotellers(alleen(event, REGIOTELLER_ENTITEITEN), context), uitkomsten(alleen(event, UITKOMST_ENTITEITEN), context)]);
  const mislukt = delen.flatMap((d) => d.batchItemFailures.map((f) => f.itemIdentifier));
  if (mislukt.length === 0) return { batchItemFailures: [] };
  const eerste = mislukt.sort((a, b) => (volgnummer(a) < volgnummer(b) ? -1 : 1))[0]!;
  return { batchItemFailures: [{ itemIdentifier: eerste }] };
};
