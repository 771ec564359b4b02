import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { nazorg } from './nazorg';

export const handler = httpHandler(routes.nazorgmomentToevoegen, async ({ principal, params, body }) => {
  const moment = await nazorg.toevoegen(principal, params.plaatsingId, body);
  return { status: 201, body: moment, versie: moment.versie, location: `/v1/nazorgmomenten/${moment.id}` };
});
