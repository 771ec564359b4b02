import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSHandler, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { gebruikersaccountAdapter } from '../../shared/auth/gebruikersaccounts';
import { logger } from '../../shared/observability/logger';
import { metVerwerkingenlog } from '../../shared/privacy/vastleggen';
import { dynamoCoordinatorGebruikersStore, dynamoLidGebruikersStore, dynamoPartnerGebruikersStore } from '../../shared/store/partner-gebruikers-store';
import { voerAccountopdrachtUit } from '../../shared/use-cases/partner-gebruikers';
import { beeindigSessiesVanAccount } from '../../shared/web/sessie';

const Sleutel = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
/** What the outbox forwarder sends for an Accountopdracht: the invitation's keys (a partner's, a member's or a coordinator's), never the address. */
export const GebruikerBericht = z.union([
  z.strictObject({ partnerId: z.string().min(1).max(64), sleutel: Sleutel }),
  z.strictObject({ lidId: z.string().min(1).max(64), sleutel: Sleutel }),
  z.strictObject({ coordinator: z.literal(true), sleutel: Sleutel }),
]);

const accounts = gebruikersaccountAdapter();
const sessies = { beeindigVanAccount: beeindigSessiesVanAccount };
const partners = { store: dynamoPartnerGebruikersStore(), accounts, sessies };
const leden = { store: dynamoLidGebruikersStore(), accounts, sessies };
const coordinatoren = { store: dynamoCoordinatorGebruikersStore(), accounts, sessies };
const processor = new BatchProcessor(EventType.SQS);

const verwerk = async (record: SQSRecord) => {
  const bericht = GebruikerBericht.parse(JSON.parse(record.body));
  const uitkomst =
    'partnerId' in bericht
      ? await voerAccountopdrachtUit(partners, bericht.partnerId, bericht.sleutel)
      : 'lidId' in bericht
        ? await voerAccountopdrachtUit(leden, bericht.lidId, bericht.sleutel)
        : await voerAccountopdrachtUit(coordinatoren, '', bericht.sleutel);
  // 'adresInGebruik' is an outcome, not a failure: retrying would not change whose address it is.
  (uitkomst === 'adresInGebruik' || uitkomst === 'nietVanDezePartner' ? logger.warn : logger.info).call(logger, 'account verwerkt', {
    ...('partnerId' in bericht ? { partnerId: bericht.partnerId } : 'lidId' in bericht ? { lidId: bericht.lidId } : { coordinator: true }),
    uitkomst,
    ontvangen: record.attributes.ApproximateReceiveCount,
  });
};

/**
 * The accounts queue's consumer: one account per invited person of a partner, approved member's contact or coordinator, and none once revoked,
 * however often the message comes (shared/use-cases/partner-gebruikers.ts). Each failed message is reported alone; the processing
 * records are written once, at the batch's end.
 */
export const handler: SQSHandler = async (event: SQSEvent, context) => {
  logger.addContext(context);
  return metVerwerkingenlog(context, () => processPartialResponse(event, verwerk, processor, { context }));
};
