import { httpHandler } from '../../../shared/http/handler';
import { abonnementenRoutes } from '../../../shared/routes/abonnementen';
import { abonnementen } from './abonnementen';

export const handler = httpHandler(abonnementenRoutes.afleveringOphalen, async ({ principal, params }) => ({
  status: 200,
  body: await abonnementen.aflevering(principal, params.abonnementId, params.gebeurtenisId),
}));
