import { httpHandler } from '../../../shared/http/handler';
import { gemeentenRoutes } from '../../../shared/routes/gemeenten';
import { gemeenten } from './gemeenten';

export const handler = httpHandler(gemeentenRoutes.gemeenteWijzigen, async ({ principal, params, body, ifMatch }) => {
  const gemeente = await gemeenten.wijzigen(principal, params.gemeenteCode, body, ifMatch);
  return { status: 200, body: gemeente, versie: gemeente.versie };
});
