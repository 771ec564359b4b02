import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSHandler, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { mailAdapter } from '../../shared/mail/mail-adapters';
import { logger } from '../../shared/observability/logger';
import { metVerwerkingenlog } from '../../shared/privacy/vastleggen';
import { dynamoNotificatieStore } from '../../shared/store/notificaties-store';
import { verstuurNotificatie } from '../../shared/use-cases/notificaties';

const Bericht = z.strictObject({ notificatieId: z.string().min(1).max(64) });
const deps = { store: dynamoNotificatieStore(), mail: mailAdapter() };
const processor = new BatchProcessor(EventType.SQS);

const verwerk = async (record: SQSRecord) => {
  const { notificatieId } = Bericht.parse(JSON.parse(record.body));
  const uitkomst = await verstuurNotificatie(deps, notificatieId);
  logger.info('notificatie verwerkt', { notificatieId, uitkomst, ontvangen: record.attributes.ApproximateReceiveCount });
};

/**
 * Notifications queue consumer: each failed message is reported alone (ReportBatchItemFailures). The batch's
 * processing records are written once, at its end.
 */
export const handler: SQSHandler = async (event: SQSEvent, context) => {
  logger.addContext(context);
  return metVerwerkingenlog(context, () => processPartialResponse(event, verwerk, processor, { context }));
};
