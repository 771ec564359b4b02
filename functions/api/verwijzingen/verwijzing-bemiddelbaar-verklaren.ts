import { httpHandler } from '../../../shared/http/handler';
import { verwijzingenRoutes } from '../../../shared/routes/verwijzingen';
import { verwijzingen } from './verwijzingen';

export const handler = httpHandler(verwijzingenRoutes.verwijzingBemiddelbaarVerklaren, async ({ principal, params, ifMatch }) => {
  const v = await verwijzingen.statusWijzigen(principal, params.verwijzingId, 'bemiddelbaarVerklaren', { ifMatch });
  return { status: 200, body: v, versie: v.versie };
});
