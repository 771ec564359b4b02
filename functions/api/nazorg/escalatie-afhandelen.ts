import { httpHandler } from '../../../shared/http/handler';
import { nazorgRoutes } from '../../../shared/routes/nazorg';
import { nazorg } from './nazorg';

export const handler = httpHandler(nazorgRoutes.escalatieAfhandelen, async ({ principal, params, body }) => ({
  status: 200,
  body: await nazorg.escalatieAfhandelen(principal, params.escalatieId, body),
}));
