import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { nazorg } from './nazorg';

export const handler = httpHandler(routes.escalatieAfhandelen, async ({ principal, params, body }) => ({
  status: 200,
  body: await nazorg.escalatieAfhandelen(principal, params.escalatieId, body),
}));
