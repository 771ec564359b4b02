import { httpHandler } from '../../../shared/http/handler';
import { plaatsingenRoutes } from '../../../shared/routes/plaatsingen';
import { plaatsingen } from './plaatsingen';

export const handler = httpHandler(plaatsingenRoutes.ontwikkeldoelWijzigen, async ({ principal, params, body, ifMatch }) => {
  const { plaatsing, doel } = await plaatsingen.ontwikkeldoelWijzigen(principal, params.plaatsingId, params.doelId, body, ifMatch);
  return { status: 200, body: doel, versie: plaatsing.versie };
});
