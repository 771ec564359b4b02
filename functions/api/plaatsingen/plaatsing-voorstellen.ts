import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { plaatsingen } from './plaatsingen';

export const handler = httpHandler(routes.plaatsingVoorstellen, async ({ principal, body }) => {
  const plaatsing = await plaatsingen.voorstellen(principal, body);
  return { status: 201, body: plaatsing, versie: plaatsing.versie, location: `/v1/plaatsingen/${plaatsing.id}` };
});
