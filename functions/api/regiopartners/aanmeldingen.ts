import { env } from '../../../shared/config/env';
import { dynamoAanmeldingenStore } from '../../../shared/store/regiopartner-aanmeldingen-store';
import { aanmeldingenUseCases, type AanmeldingenDeps } from '../../../shared/use-cases/regiopartner-aanmeldingen';

/**
 * The portal is the deployment's first CORS origin (the browser app that calls this API): the confirmation
 * link opens a page there, which posts the token to the API.
 */
const portaal = env().CORS_ALLOWED_ORIGINS.split(',').find(Boolean) ?? 'https://portaal.werkcoop.nl';

export const aanmeldingenBasis: Omit<AanmeldingenDeps, 'machineClients'> = { store: dynamoAanmeldingenStore(), portaal };

/**
 * The sign-up's use cases wired to DynamoDB, once per container. Only the approval makes machine clients:
 * it wires its own (aanmelding-goedkeuren.ts), so no other function bundles the Cognito client.
 */
export const aanmeldingen = aanmeldingenUseCases({
  ...aanmeldingenBasis,
  machineClients: () => {
    throw new Error('Deze functie maakt geen machineclients; dat doet alleen de goedkeuring.');
  },
});
