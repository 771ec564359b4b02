import { dynamoCoordinatorGebruikersStore } from '../../../shared/store/partner-gebruikers-store';
import { coordinatorGebruikersUseCases } from '../../../shared/use-cases/coordinator-gebruikers';

/** The coordinators' accounts' use cases wired to DynamoDB, once per container. */
export const coordinatorGebruikers = coordinatorGebruikersUseCases({ store: dynamoCoordinatorGebruikersStore() });
