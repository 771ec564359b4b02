import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { nazorg } from './nazorg';

export const handler = httpHandler(routes.nazorgmomentBeantwoorden, async ({ principal, params, body }) => {
  const moment = await nazorg.beantwoorden(principal, params.nazorgmomentId, body);
  return { status: 200, body: moment, versie: moment.versie };
});
