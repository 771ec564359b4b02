import { dynamoPlaatsingenStore } from '../../../shared/store/plaatsingen-store';
import { plaatsingenUseCases } from '../../../shared/use-cases/plaatsingen';

/** The plaatsingen use cases wired to DynamoDB, once per container. */
export const plaatsingen = plaatsingenUseCases({ store: dynamoPlaatsingenStore() });
