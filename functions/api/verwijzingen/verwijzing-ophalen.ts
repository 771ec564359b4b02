import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { verwijzingen } from './verwijzingen';

export const handler = httpHandler(routes.verwijzingOphalen, async ({ principal, params }) => {
  const v = await verwijzingen.ophalen(principal, params.verwijzingId);
  return { status: 200, body: v, versie: v.versie };
});
