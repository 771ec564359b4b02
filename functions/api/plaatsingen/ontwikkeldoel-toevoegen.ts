import { httpHandler } from '../../../shared/http/handler';
import { plaatsingenRoutes } from '../../../shared/routes/plaatsingen';
import { plaatsingen } from './plaatsingen';

export const handler = httpHandler(plaatsingenRoutes.ontwikkeldoelToevoegen, async ({ principal, params, body, ifMatch }) => {
  const { plaatsing, doel } = await plaatsingen.wijzigen(principal, params.plaatsingId, { actie: 'ontwikkeldoelToevoegen', invoer: body }, ifMatch);
  // The ETag is the placement's: the plan is part of it, and a goal's change is guarded by it.
  return { status: 201, body: doel, versie: plaatsing.versie, location: `/v1/plaatsingen/${plaatsing.id}/ontwikkeldoelen/${doel!.id}` };
});
