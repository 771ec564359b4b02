import { httpHandler } from '../../../shared/http/handler';
import { plaatsingenRoutes } from '../../../shared/routes/plaatsingen';
import { plaatsingen } from './plaatsingen';

export const handler = httpHandler(plaatsingenRoutes.begeleidingsnotitieToevoegen, async ({ principal, params, body, ifMatch }) => {
  const { plaatsing, notitie } = await plaatsingen.wijzigen(principal, params.plaatsingId, { actie: 'notitieToevoegen', invoer: body }, ifMatch);
  return { status: 201, body: notitie, versie: plaatsing.versie };
});
