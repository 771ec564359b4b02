import { httpHandler } from '../../../shared/http/handler';
import { verwijzingenRoutes } from '../../../shared/routes/verwijzingen';
import { verwijzingen } from './verwijzingen';

export const handler = httpHandler(verwijzingenRoutes.verwijzingIntrekken, async ({ principal, params, body, ifMatch }) => {
  const v = await verwijzingen.statusWijzigen(principal, params.verwijzingId, 'intrekken', { reden: body.reden, ifMatch });
  return { status: 200, body: v, versie: v.versie };
});
