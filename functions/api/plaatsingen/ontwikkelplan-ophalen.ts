import { httpHandler } from '../../../shared/http/handler';
import { plaatsingenRoutes } from '../../../shared/routes/plaatsingen';
import { plaatsingen } from './plaatsingen';

export const handler = httpHandler(plaatsingenRoutes.ontwikkelplanOphalen, async ({ principal, params }) => {
  const { plan, versie } = await plaatsingen.ontwikkelplan(principal, params.plaatsingId);
  return { status: 200, body: plan, versie };
});
