import { httpHandler } from '../../../shared/http/handler';
import { abonnementenRoutes } from '../../../shared/routes/abonnementen';
import { abonnementen } from './abonnementen';

export const handler = httpHandler(abonnementenRoutes.abonnementGeheimRoteren, async ({ principal, params }) => {
  const { abonnement, geheim } = await abonnementen.roteer(principal, params.abonnementId);
  return { status: 200, body: { ...abonnement, geheim }, versie: abonnement.versie };
});
