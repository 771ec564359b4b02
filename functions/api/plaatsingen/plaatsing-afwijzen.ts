import { httpHandler } from '../../../shared/http/handler';
import { plaatsingenRoutes } from '../../../shared/routes/plaatsingen';
import { plaatsingen } from './plaatsingen';

export const handler = httpHandler(plaatsingenRoutes.plaatsingAfwijzen, async ({ principal, params, body, ifMatch }) => {
  const { plaatsing } = await plaatsingen.wijzigen(principal, params.plaatsingId, { actie: 'afwijzen', reden: body.reden }, ifMatch);
  return { status: 200, body: plaatsing, versie: plaatsing.versie };
});
