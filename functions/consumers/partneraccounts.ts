import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSHandler, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { gebruikersaccountAdapter } from '../../shared/auth/gebruikersaccounts';
import { logger } from '../../shared/observability/logger';
import { metVerwerkingenlog } from '../../shared/privacy/vastleggen';
import { dynamoPartnerGebruikersStore } from '../../shared/store/partner-gebruikers-store';
import { voerAccountopdrachtUit } from '../../shared/use-cases/partner-gebruikers';

/** What the outbox forwarder sends for an Accountopdracht: the invitation's keys, never the address. */
export const GebruikerBericht = z.strictObject({ partnerId: z.string().min(1).max(64), sleutel: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

const deps = { store: dynamoPartnerGebruikersStore(), accounts: gebruikersaccountAdapter() };
const processor = new BatchProcessor(EventType.SQS);

const verwerk = async (record: SQSRecord) => {
  const { partnerId, sleutel } = GebruikerBericht.parse(JSON.parse(record.body));
  const uitkomst = await voerAccountopdrachtUit(deps, partnerId, sleutel);
  // 'adresInGebruik' is an outcome, not a failure: retrying would not change whose address it is.
  (uitkomst === 'adresInGebruik' || uitkomst === 'nietVanDezePartner' ? logger.warn : logger.info).call(logger, 'account van een partnermedewerker verwerkt', {
    partnerId,
    uitkomst,
    ontvangen: record.attributes.ApproximateReceiveCount,
  });
};

/**
 * The accounts queue's consumer: one account per invited person of a partner, and none once revoked,
 * however often the message comes (shared/use-cases/partner-gebruikers.ts). Each failed message is reported alone; the processing
 * records are written once, at the batch's end.
 */
export const handler: SQSHandler = async (event: SQSEvent, context) => {
  logger.addContext(context);
  return metVerwerkingenlog(context, () => processPartialResponse(event, verwerk, processor, { context }));
};
