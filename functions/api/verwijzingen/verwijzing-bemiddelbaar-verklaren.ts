import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { verwijzingen } from './verwijzingen';

export const handler = httpHandler(routes.verwijzingBemiddelbaarVerklaren, async ({ principal, params, ifMatch }) => {
  const v = await verwijzingen.statusWijzigen(principal, params.verwijzingId, 'bemiddelbaarVerklaren', { ifMatch });
  return { status: 200, body: v, versie: v.versie };
});
