import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { plaatsingen } from './plaatsingen';

export const handler = httpHandler(routes.begeleidingsnotitieToevoegen, async ({ principal, params, body, ifMatch }) => {
  const { plaatsing, notitie } = await plaatsingen.wijzigen(principal, params.plaatsingId, { actie: 'notitieToevoegen', invoer: body }, ifMatch);
  return { status: 201, body: notitie, versie: plaatsing.versie };
});
