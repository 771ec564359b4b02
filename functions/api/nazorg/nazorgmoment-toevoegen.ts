import { httpHandler } from '../../../shared/http/handler';
import { nazorgRoutes } from '../../../shared/routes/nazorg';
import { nazorg } from './nazorg';

export const handler = httpHandler(nazorgRoutes.nazorgmomentToevoegen, async ({ principal, params, body }) => {
  const moment = await nazorg.toevoegen(principal, params.plaatsingId, body);
  return { status: 201, body: moment, versie: moment.versie, location: `/v1/nazorgmomenten/${moment.id}` };
});
