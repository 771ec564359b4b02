import { httpHandler } from '../../../shared/http/handler';
import { plaatsingenRoutes } from '../../../shared/routes/plaatsingen';
import { plaatsingen } from './plaatsingen';

export const handler = httpHandler(plaatsingenRoutes.plaatsingOphalen, async ({ principal, params }) => {
  const plaatsing = await plaatsingen.ophalen(principal, params.plaatsingId);
  return { status: 200, body: plaatsing, versie: plaatsing.versie };
});
