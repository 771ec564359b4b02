import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSHandler, SQSRecord } from 'aws-lambda';
import { ulid } from 'ulidx';
import * as z from 'zod';
import { apiUrl, requireEnv } from '../../shared/config/env';
import { logger } from '../../shared/observability/logger';
import { metVerwerkingenlog } from '../../shared/privacy/vastleggen';
import { sqs } from '../../shared/queues/sqs';
import { verwerkBericht, type AfleverDeps, type Bericht } from '../../shared/webhooks/afleveren';
import { adresregels, testCa, verstuur } from '../../shared/webhooks/verzenden';

const Id = z.string().min(1).max(64);
const BerichtSchema = z.discriminatedUnion('soort', [
  z.strictObject({ soort: z.literal('uitwaaieren'), gebeurtenisId: Id }),
  z.strictObject({
    soort: z.literal('afleveren'),
    gebeurtenisId: Id,
    abonnementId: Id,
    poging: z.number().int().min(1).max(20),
    dueMs: z.number().int().optional(),
    verificatie: z.literal(true).optional(),
  }),
  z.strictObject({ soort: z.literal('herhalen'), abonnementId: Id, van: z.string().max(40), tot: z.string().max(40) }),
]);

/** Re-sends go to this same queue, at most ten per call and each with its own delay (≤ 900 s). */
const stuur: AfleverDeps['stuur'] = async (berichten) => {
  for (let i = 0; i < berichten.length; i += 10) {
    const r = await sqs().send(
      new SendMessageBatchCommand({
        QueueUrl: requireEnv('WEBHOOKS_QUEUE_URL'),
        Entries: berichten.slice(i, i + 10).map((b, j) => ({ Id: String(j), MessageBody: JSON.stringify(b.bericht), DelaySeconds: b.vertragingSeconden })),
      }),
    );
    // A lost re-send would lose a retry: fail the message, so SQS offers it again (the claim absorbs the repeat).
    if (r.Failed?.length) throw new Error(`webhooks: ${r.Failed.length} berichten niet verstuurd`);
  }
};

export const afleverDeps: AfleverDeps = {
  klok: () => new Date(),
  willekeur: Math.random,
  stuur,
  verstuur,
  verzendopties: () => ({ regels: adresregels(), ca: testCa() }),
  apiUrl,
  nieuwId: () => ulid(),
};

const processor = new BatchProcessor(EventType.SQS);
const verwerk = async (record: SQSRecord) => {
  const bericht = BerichtSchema.parse(JSON.parse(record.body)) as Bericht;
  const afloop = await verwerkBericht(bericht, afleverDeps);
  logger.info('webhookbericht verwerkt', { soort: bericht.soort, abonnementId: 'abonnementId' in bericht ? bericht.abonnementId : undefined, afloop, ontvangen: record.attributes.ApproximateReceiveCount });
};

/**
 * The webhooks queue's consumer: the fan-out of each new event to its subscriptions, and each delivery
 * attempt. Each failed message is reported alone (ReportBatchItemFailures).
 */
export const handler: SQSHandler = async (event: SQSEvent, context) => {
  logger.addContext(context);
  return metVerwerkingenlog(context, () => processPartialResponse(event, verwerk, processor, { context }));
};
