import { httpHandler } from '../../../shared/http/handler';
import { gemeentenRoutes } from '../../../shared/routes/gemeenten';
import { gemeenten } from './gemeenten';

export const handler = httpHandler(gemeentenRoutes.gemeenteOphalen, async ({ principal, params }) => {
  const gemeente = await gemeenten.ophalen(principal, params.gemeenteCode);
  return { status: 200, body: gemeente, versie: gemeente.versie };
});
