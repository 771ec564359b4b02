import { httpHandler } from '../../../shared/http/handler';
import { nazorgRoutes } from '../../../shared/routes/nazorg';
import { nazorg } from './nazorg';

export const handler = httpHandler(nazorgRoutes.escalatieOphalen, async ({ principal, params }) => ({
  status: 200,
  body: await nazorg.escalatie(principal, params.escalatieId),
}));
