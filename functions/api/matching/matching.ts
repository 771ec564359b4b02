import { dynamoMatchingStore } from '../../../shared/store/matching-store';
import { dynamoWerkplekkenStore } from '../../../shared/store/werkplekken-store';
import { matchingUseCases } from '../../../shared/use-cases/matching';

/** The matching use cases wired to DynamoDB, once per container. */
export const matching = matchingUseCases({ store: dynamoMatchingStore(), werkplekken: dynamoWerkplekkenStore() });
