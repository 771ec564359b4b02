import { dynamoRegiocijfersStore } from '../../../shared/store/regiocijfers-store';
import { dynamoRegiopartnersStore } from '../../../shared/store/regiopartners-store';
import { regiopartnersUseCases } from '../../../shared/use-cases/regiopartners';

/** The regiopartners use cases wired to DynamoDB, once per container. */
export const regiopartners = regiopartnersUseCases({ store: dynamoRegiopartnersStore(), cijfers: dynamoRegiocijfersStore() });
