import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { requireEnv } from '../../shared/config/env';
import { logger } from '../../shared/observability/logger';
import { sqs } from '../../shared/queues/sqs';
import { ENTITY_ATTRIBUTE } from '../../shared/table/definition';

/**
 * Forwards each new outbox item (a Notificatie written in the same transaction as its change) from the
 * table's stream to the notifications queue. Only the id travels. A record forwarded twice (a retried
 * batch) is absorbed by the consumer's idempotency; on a failed send the first failed record is
 * reported, so the stream retries from there and nothing after it is skipped.
 */
export const handler = async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> => {
  logger.addContext(context);
  const queueUrl = requireEnv('NOTIFICATIES_QUEUE_URL');
  const records = event.Records.filter(
    (r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage?.[ENTITY_ATTRIBUTE]?.S === 'Notificatie',
  );
  for (let i = 0; i < records.length; i += 10) {
    const batch = records.slice(i, i + 10);
    const r = await sqs().send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: batch.map((rec, j) => ({ Id: String(j), MessageBody: JSON.stringify({ notificatieId: rec.dynamodb!.NewImage!.id!.S }) })),
      }),
    );
    const mislukt = (r.Failed ?? []).map((f) => Number(f.Id)).sort((a, b) => a - b)[0];
    if (mislukt !== undefined) {
      logger.warn('notificatie niet doorgestuurd; de stream probeert opnieuw', { failed: r.Failed });
      return { batchItemFailures: [{ itemIdentifier: batch[mislukt]!.dynamodb!.SequenceNumber! }] };
    }
  }
  return { batchItemFailures: [] };
};
