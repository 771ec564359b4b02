import { httpHandler } from '../../../shared/http/handler';
import { abonnementenRoutes } from '../../../shared/routes/abonnementen';
import { abonnementen } from './abonnementen';

export const handler = httpHandler(abonnementenRoutes.abonnementWijzigen, async ({ principal, params, body, ifMatch }) => {
  const abonnement = await abonnementen.wijzig(principal, params.abonnementId, body, ifMatch);
  return { status: 200, body: abonnement, versie: abonnement.versie };
});
