import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { AttributeValue, Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { requireEnv } from '../../shared/config/env';
import { logger } from '../../shared/observability/logger';
import { sqs } from '../../shared/queues/sqs';
import { ENTITY_ATTRIBUTE } from '../../shared/table/definition';

type Beeld = Record<string, AttributeValue>;

/** Per outbox entity: the queue it goes to and the message, which carries keys only, never personal data. */
const bestemmingen: Record<string, { readonly queue: 'NOTIFICATIES_QUEUE_URL' | 'GEBRUIKERS_QUEUE_URL' | 'WEBHOOKS_QUEUE_URL'; readonly bericht: (b: Beeld) => unknown }> = {
  Notificatie: { queue: 'NOTIFICATIES_QUEUE_URL', bericht: (b) => ({ notificatieId: b.id!.S }) },
  // An event for other systems: the webhooks consumer fans it out to its subscriptions (issue #14).
  UitgaandeGebeurtenis: { queue: 'WEBHOOKS_QUEUE_URL', bericht: (b) => ({ soort: 'uitwaaieren', gebeurtenisId: b.id!.S }) },
  // A new callback: its signed verification is the first attempt of a delivery of its own.
  Herbezorgopdracht: { queue: 'WEBHOOKS_QUEUE_URL', bericht: (b) => ({ soort: 'afleveren', gebeurtenisId: b.gebeurtenisId!.S, abonnementId: b.abonnementId!.S, poging: Number(b.poging!.N) }) },
  Herhaalopdracht: { queue: 'WEBHOOKS_QUEUE_URL', bericht: (b) => ({ soort: 'herhalen', abonnementId: b.abonnementId!.S, van: b.van!.S, tot: b.tot!.S }) },
  Verificatieopdracht: { queue: 'WEBHOOKS_QUEUE_URL', bericht: (b) => ({ soort: 'afleveren', gebeurtenisId: b.id!.S, abonnementId: b.abonnementId!.S, poging: 1, verificatie: true }) },
  // A partner's staff, a member's contact or a coordinator: the consumer finds the invitation in that organisation's partition.
  Accountopdracht: {
    queue: 'GEBRUIKERS_QUEUE_URL',
    bericht: (b) =>
      b.coordinator?.BOOL
        ? { coordinator: true, sleutel: b.sleutel!.S }
        : b.lidId
          ? { lidId: b.lidId.S, sleutel: b.sleutel!.S }
          : { partnerId: b.partnerId!.S, sleutel: b.sleutel!.S },
  },
};

const entiteit = (r: DynamoDBRecord) => r.dynamodb?.NewImage?.[ENTITY_ATTRIBUTE]?.S ?? '';

/**
 * Forwards each new outbox item (written in the same transaction as its change) from the table's stream
 * to its queue: mails to the notifications queue, account tasks of partners' staff to the accounts queue.
 * A record forwarded twice (a retried batch) is absorbed by the consumers' idempotency. Records go in
 * stream order, in runs of up to ten for one queue; on a failed send the first failed record is reported,
 * so the stream retries from there and nothing after it is skipped.
 */
export const handler = async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> => {
  logger.addContext(context);
  const records = event.Records.filter((r) => r.eventName === 'INSERT' && entiteit(r) in bestemmingen);
  for (let i = 0; i < records.length; ) {
    const bestemming = bestemmingen[entiteit(records[i]!)]!;
    let einde = i + 1;
    while (einde < records.length && einde - i < 10 && entiteit(records[einde]!) === entiteit(records[i]!)) einde++;
    const batch = records.slice(i, einde);
    const r = await sqs().send(
      new SendMessageBatchCommand({
        QueueUrl: requireEnv(bestemming.queue),
        Entries: batch.map((rec, j) => ({ Id: String(j), MessageBody: JSON.stringify(bestemming.bericht(rec.dynamodb!.NewImage!)) })),
      }),
    );
    const mislukt = (r.Failed ?? []).map((f) => Number(f.Id)).sort((a, b) => a - b)[0];
    if (mislukt !== undefined) {
      logger.warn('outbox-item niet doorgestuurd; de stream probeert opnieuw', { failed: r.Failed });
      return { batchItemFailures: [{ itemIdentifier: batch[mislukt]!.dynamodb!.SequenceNumber! }] };
    }
    i = einde;
  }
  return { batchItemFailures: [] };
};
