import { httpHandler } from '../../../shared/http/handler';
import { abonnementenRoutes } from '../../../shared/routes/abonnementen';
import { abonnementen } from './abonnementen';

export const handler = httpHandler(abonnementenRoutes.abonnementOphalen, async ({ principal, params }) => {
  const abonnement = await abonnementen.haal(principal, params.abonnementId);
  return { status: 200, body: abonnement, versie: abonnement.versie };
});
