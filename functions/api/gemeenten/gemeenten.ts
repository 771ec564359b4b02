import { dynamoGemeentenStore } from '../../../shared/store/gemeenten-store';
import { gemeentenUseCases } from '../../../shared/use-cases/gemeenten';

/** The gemeenten use cases wired to DynamoDB, once per container. */
export const gemeenten = gemeentenUseCases({ store: dynamoGemeentenStore() });
