import { httpHandler } from '../../../shared/http/handler';
import { abonnementenRoutes } from '../../../shared/routes/abonnementen';
import { abonnementen } from './abonnementen';

export const handler = httpHandler(abonnementenRoutes.abonnementVerwijderen, async ({ principal, params, ifMatch }) => {
  await abonnementen.verwijder(principal, params.abonnementId, ifMatch);
  return { status: 204 };
});
