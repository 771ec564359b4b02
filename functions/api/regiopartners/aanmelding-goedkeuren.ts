import { machineClientAdapter } from '../../../shared/auth/machine-clients';
import { httpHandler } from '../../../shared/http/handler';
import { regiopartnersRoutes } from '../../../shared/routes/regiopartners';
import { aanmeldingenUseCases } from '../../../shared/use-cases/regiopartner-aanmeldingen';
import { aanmeldingenBasis } from './aanmeldingen';

const aanmeldingen = aanmeldingenUseCases({ ...aanmeldingenBasis, machineClients: machineClientAdapter });

export const handler = httpHandler(regiopartnersRoutes.regiopartnerAanmeldingGoedkeuren, async ({ principal, params, ifMatch }) => {
  // The answer carries the client secret: like every answer it is Cache-Control: no-store.
  const goedkeuring = await aanmeldingen.goedkeuren(principal, params.aanmeldingId, ifMatch);
  return { status: 200, body: goedkeuring };
});
