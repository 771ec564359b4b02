import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { nazorg } from './nazorg';

export const handler = httpHandler(routes.escalatieOphalen, async ({ principal, params }) => ({
  status: 200,
  body: await nazorg.escalatie(principal, params.escalatieId),
}));
