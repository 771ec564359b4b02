import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { plaatsingen } from './plaatsingen';

export const handler = httpHandler(routes.plaatsingOphalen, async ({ principal, params }) => {
  const plaatsing = await plaatsingen.ophalen(principal, params.plaatsingId);
  return { status: 200, body: plaatsing, versie: plaatsing.versie };
});
