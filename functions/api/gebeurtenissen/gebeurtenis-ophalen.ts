import { httpHandler } from '../../../shared/http/handler';
import { gebeurtenissenRoutes } from '../../../shared/routes/gebeurtenissen';
import { gebeurtenissen } from './gebeurtenissen';

export const handler = httpHandler(gebeurtenissenRoutes.gebeurtenisOphalen, async ({ principal, params }) => ({
  status: 200,
  body: await gebeurtenissen.gebeurtenis(principal, params.gebeurtenisId),
}));
