import { httpHandler } from '../../../shared/http/handler';
import { nazorgRoutes } from '../../../shared/routes/nazorg';
import { nazorg } from './nazorg';

export const handler = httpHandler(nazorgRoutes.nazorgmomentBeantwoorden, async ({ principal, params, body }) => {
  const moment = await nazorg.beantwoorden(principal, params.nazorgmomentId, body);
  return { status: 200, body: moment, versie: moment.versie };
});
