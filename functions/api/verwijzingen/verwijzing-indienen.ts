import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { verwijzingen } from './verwijzingen';

export const handler = httpHandler(routes.verwijzingIndienen, async ({ principal, body }) => {
  const v = await verwijzingen.indienen(principal, body);
  return { status: 201, body: v, versie: v.versie, location: `/v1/verwijzingen/${v.id}` };
});
