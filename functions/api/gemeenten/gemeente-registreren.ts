import { httpHandler } from '../../../shared/http/handler';
import { gemeentenRoutes } from '../../../shared/routes/gemeenten';
import { gemeenten } from './gemeenten';

export const handler = httpHandler(gemeentenRoutes.gemeenteRegistreren, async ({ principal, body }) => {
  const gemeente = await gemeenten.registreren(principal, body);
  return { status: 201, body: gemeente, versie: gemeente.versie, location: `/v1/gemeenten/${gemeente.code}` };
});
