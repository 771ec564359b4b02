import { dynamoGemeentenStore } from '../../../shared/store/gemeenten-store';
import { dynamoLedenStore } from '../../../shared/store/leden-store';
import { dynamoWerkplekkenStore } from '../../../shared/store/werkplekken-store';
import { werkplekkenUseCases } from '../../../shared/use-cases/werkplekken';

/** The werkplekken use cases wired to DynamoDB, once per container. */
export const werkplekken = werkplekkenUseCases({ store: dynamoWerkplekkenStore(), leden: dynamoLedenStore(), gemeenten: dynamoGemeentenStore() });
