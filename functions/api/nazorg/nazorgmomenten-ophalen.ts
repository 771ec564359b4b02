import { httpHandler } from '../../../shared/http/handler';
import { nazorgRoutes } from '../../../shared/routes/nazorg';
import { nazorg } from './nazorg';

export const handler = httpHandler(nazorgRoutes.nazorgmomentenOphalen, async ({ principal, params }) => ({
  status: 200,
  body: await nazorg.lijst(principal, params.plaatsingId),
}));
