import { portaalUrl } from '../../../shared/config/env';
import { dynamoAanmeldingenStore } from '../../../shared/store/regiopartner-aanmeldingen-store';
import { aanmeldingenUseCases, type AanmeldingenDeps } from '../../../shared/use-cases/regiopartner-aanmeldingen';

/** The confirmation link opens the portal's page, whose button confirms through this same use case. */
export const aanmeldingenBasis: Omit<AanmeldingenDeps, 'machineClients'> = { store: dynamoAanmeldingenStore(), portaal: portaalUrl() };

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
