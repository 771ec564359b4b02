import { httpHandler } from '../../../shared/http/handler';
import { verwijzingenRoutes } from '../../../shared/routes/verwijzingen';
import { verwijzingen } from './verwijzingen';

export const handler = httpHandler(verwijzingenRoutes.verwijzingIndienen, async ({ principal, body }) => {
  const v = await verwijzingen.indienen(principal, body);
  return { status: 201, body: v, versie: v.versie, location: `/v1/verwijzingen/${v.id}` };
});
