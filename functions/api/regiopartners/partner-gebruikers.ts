import { dynamoPartnerGebruikersStore } from '../../../shared/store/partner-gebruikers-store';
import { partnerGebruikersUseCases } from '../../../shared/use-cases/partner-gebruikers';

/** The staff accounts' use cases wired to DynamoDB, once per container. */
export const partnerGebruikers = partnerGebruikersUseCases({ store: dynamoPartnerGebruikersStore() });
