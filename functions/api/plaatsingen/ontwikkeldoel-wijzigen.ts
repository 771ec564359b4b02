import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { plaatsingen } from './plaatsingen';

export const handler = httpHandler(routes.ontwikkeldoelWijzigen, async ({ principal, params, body, ifMatch }) => {
  const { plaatsing, doel } = await plaatsingen.ontwikkeldoelWijzigen(principal, params.plaatsingId, params.doelId, body, ifMatch);
  return { status: 200, body: doel, versie: plaatsing.versie };
});
