import { httpHandler } from '../../../shared/http/handler';
import { abonnementenRoutes } from '../../../shared/routes/abonnementen';
import { abonnementen } from './abonnementen';

export const handler = httpHandler(abonnementenRoutes.abonnementAanmaken, async ({ principal, body }) => {
  const { abonnement, geheim } = await abonnementen.maak(principal, body);
  return { status: 201, body: { ...abonnement, geheim }, versie: abonnement.versie, location: `/v1/abonnementen/${abonnement.id}` };
});
