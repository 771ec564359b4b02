import { dynamoLedenStore } from '../../../shared/store/leden-store';
import { ledenUseCases } from '../../../shared/use-cases/leden';

/** The leden use cases wired to DynamoDB, once per container. */
export const leden = ledenUseCases({ store: dynamoLedenStore() });
