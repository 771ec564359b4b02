import { dynamoGemeentenStore } from '../../../shared/store/gemeenten-store';
import { dynamoNazorgStore } from '../../../shared/store/nazorg-store';
import { dynamoPlaatsingenStore } from '../../../shared/store/plaatsingen-store';
import { plaatsingenUseCases } from '../../../shared/use-cases/plaatsingen';

/** The plaatsingen use cases wired to DynamoDB, once per container. */
const gemeenten = dynamoGemeentenStore();
const nazorg = dynamoNazorgStore();
export const plaatsingen = plaatsingenUseCases({
  store: dynamoPlaatsingenStore(),
  nazorg: { instellingen: async (code) => (await gemeenten.haal(code))?.instellingen, openMomenten: (id) => nazorg.openMomenten(id) },
});
