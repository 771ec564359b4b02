import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { gemeenten } from './gemeenten';

export const handler = httpHandler(routes.gemeenteRegistreren, async ({ principal, body }) => {
  const gemeente = await gemeenten.registreren(principal, body);
  return { status: 201, body: gemeente, versie: gemeente.versie, location: `/v1/gemeenten/${gemeente.code}` };
});
