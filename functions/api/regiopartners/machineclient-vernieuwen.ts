import { machineClientAdapter } from '../../../shared/auth/machine-clients';
import { httpHandler } from '../../../shared/http/handler';
import { regiopartnersRoutes } from '../../../shared/routes/regiopartners';
import { haalPartnerClientId, vervangPartnerClient } from '../../../shared/store/machine-clients-store';
import { dynamoRegiopartnersStore } from '../../../shared/store/regiopartners-store';
import { regiopartnersUseCases } from '../../../shared/use-cases/regiopartners';

// Wired here, not in ./regiopartners.ts: only this function (and the approval) carries the Cognito client.
const regiopartners = regiopartnersUseCases({
  store: dynamoRegiopartnersStore(),
  machineClients: machineClientAdapter,
  partnerClients: { huidige: haalPartnerClientId, vervang: vervangPartnerClient },
});

export const handler = httpHandler(regiopartnersRoutes.machineClientVernieuwen, async ({ principal, params }) => {
  // The answer carries the client secret: like every answer it is Cache-Control: no-store.
  return { status: 201, body: await regiopartners.machineClientVernieuwen(principal, params.partnerId) };
});
