import { httpHandler } from '../../../shared/http/handler';
import { nazorgRoutes } from '../../../shared/routes/nazorg';
import { nazorg } from './nazorg';

export const handler = httpHandler(nazorgRoutes.nazorgmomentVerplaatsen, async ({ principal, params, body, ifMatch }) => {
  const moment = await nazorg.verplaatsen(principal, params.nazorgmomentId, body.vervaldatum, ifMatch);
  return { status: 200, body: moment, versie: moment.versie };
});
