import { httpHandler } from '../../../shared/http/handler';
import { verwijzingenRoutes } from '../../../shared/routes/verwijzingen';
import { verwijzingen } from './verwijzingen';

export const handler = httpHandler(verwijzingenRoutes.verwijzingOphalen, async ({ principal, params }) => {
  const v = await verwijzingen.ophalen(principal, params.verwijzingId);
  return { status: 200, body: v, versie: v.versie };
});
