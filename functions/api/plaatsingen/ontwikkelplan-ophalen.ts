import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { plaatsingen } from './plaatsingen';

export const handler = httpHandler(routes.ontwikkelplanOphalen, async ({ principal, params }) => {
  const { plan, versie } = await plaatsingen.ontwikkelplan(principal, params.plaatsingId);
  return { status: 200, body: plan, versie };
});
