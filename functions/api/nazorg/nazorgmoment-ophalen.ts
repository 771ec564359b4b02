import { httpHandler } from '../../../shared/http/handler';
import { nazorgRoutes } from '../../../shared/routes/nazorg';
import { nazorg } from './nazorg';

export const handler = httpHandler(nazorgRoutes.nazorgmomentOphalen, async ({ principal, params }) => {
  const moment = await nazorg.ophalen(principal, params.nazorgmomentId);
  return { status: 200, body: moment, versie: moment.versie };
});
