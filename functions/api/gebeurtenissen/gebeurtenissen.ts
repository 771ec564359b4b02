import { apiUrl } from '../../../shared/config/env';
import { dynamoUitgaandStore } from '../../../shared/store/uitgaand-store';
import { gebeurtenissenUseCases } from '../../../shared/use-cases/gebeurtenissen';

/** The events' use cases wired to DynamoDB, once per container. */
export const gebeurtenissen = gebeurtenissenUseCases({ store: dynamoUitgaandStore(), apiUrl });
