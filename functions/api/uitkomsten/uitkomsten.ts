import { dynamoUitkomstenStore } from '../../../shared/store/uitkomsten-store';
import { uitkomstenUseCases } from '../../../shared/use-cases/uitkomsten';

/** The uitkomsten use cases wired to DynamoDB, once per container (the portal's page uses the same). */
export const uitkomsten = uitkomstenUseCases({ store: dynamoUitkomstenStore() });
