import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { nazorg } from './nazorg';

export const handler = httpHandler(routes.nazorgmomentenOphalen, async ({ principal, params }) => ({
  status: 200,
  body: await nazorg.lijst(principal, params.plaatsingId),
}));
