import { dynamoGemeentenStore } from '../../../shared/store/gemeenten-store';
import { dynamoVerwijzingenStore } from '../../../shared/store/verwijzingen-store';
import { verwijzingenUseCases } from '../../../shared/use-cases/verwijzingen';

/** The verwijzingen use cases wired to DynamoDB, once per container. */
export const verwijzingen = verwijzingenUseCases({ store: dynamoVerwijzingenStore(), gemeenten: dynamoGemeentenStore() });
