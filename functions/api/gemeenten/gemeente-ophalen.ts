import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { gemeenten } from './gemeenten';

export const handler = httpHandler(routes.gemeenteOphalen, async ({ principal, params }) => {
  const gemeente = await gemeenten.ophalen(principal, params.gemeenteCode);
  return { status: 200, body: gemeente, versie: gemeente.versie };
});
