import { dynamoEscalatieStore } from '../../../shared/store/escalaties-store';
import { dynamoNazorgStore } from '../../../shared/store/nazorg-store';
import { nazorgUseCases } from '../../../shared/use-cases/nazorg';

/** The nazorg use cases wired to DynamoDB, once per container. */
export const nazorg = nazorgUseCases({ store: dynamoNazorgStore(), escalaties: dynamoEscalatieStore() });
