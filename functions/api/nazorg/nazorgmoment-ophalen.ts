import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { nazorg } from './nazorg';

export const handler = httpHandler(routes.nazorgmomentOphalen, async ({ principal, params }) => {
  const moment = await nazorg.ophalen(principal, params.nazorgmomentId);
  return { status: 200, body: moment, versie: moment.versie };
});
