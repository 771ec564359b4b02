import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { nazorg } from './nazorg';

export const handler = httpHandler(routes.nazorgmomentVerplaatsen, async ({ principal, params, body, ifMatch }) => {
  const moment = await nazorg.verplaatsen(principal, params.nazorgmomentId, body.vervaldatum, ifMatch);
  return { status: 200, body: moment, versie: moment.versie };
});
