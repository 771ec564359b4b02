import { httpHandler } from '../../../shared/http/handler';
import { plaatsingenRoutes } from '../../../shared/routes/plaatsingen';
import { plaatsingen } from './plaatsingen';

export const handler = httpHandler(plaatsingenRoutes.plaatsingVoorstellen, async ({ principal, body }) => {
  const plaatsing = await plaatsingen.voorstellen(principal, body);
  return { status: 201, body: plaatsing, versie: plaatsing.versie, location: `/v1/plaatsingen/${plaatsing.id}` };
});
