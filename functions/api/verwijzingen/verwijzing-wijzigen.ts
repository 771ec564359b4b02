import { httpHandler } from '../../../shared/http/handler';
import { verwijzingenRoutes } from '../../../shared/routes/verwijzingen';
import { verwijzingen } from './verwijzingen';

export const handler = httpHandler(verwijzingenRoutes.verwijzingWijzigen, async ({ principal, params, body, ifMatch }) => {
  const v = await verwijzingen.wijzigen(principal, params.verwijzingId, body, ifMatch);
  return { status: 200, body: v, versie: v.versie };
});
