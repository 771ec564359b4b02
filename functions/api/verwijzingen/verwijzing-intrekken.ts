import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { verwijzingen } from './verwijzingen';

export const handler = httpHandler(routes.verwijzingIntrekken, async ({ principal, params, body, ifMatch }) => {
  const v = await verwijzingen.statusWijzigen(principal, params.verwijzingId, 'intrekken', { reden: body.reden, ifMatch });
  return { status: 200, body: v, versie: v.versie };
});
