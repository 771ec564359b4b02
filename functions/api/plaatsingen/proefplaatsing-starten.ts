import { httpHandler } from '../../../shared/http/handler';
import { plaatsingenRoutes } from '../../../shared/routes/plaatsingen';
import { plaatsingen } from './plaatsingen';

export const handler = httpHandler(plaatsingenRoutes.proefplaatsingStarten, async ({ principal, params, body, ifMatch }) => {
  const { plaatsing } = await plaatsingen.wijzigen(principal, params.plaatsingId, { actie: 'proefplaatsing', ...body }, ifMatch);
  return { status: 200, body: plaatsing, versie: plaatsing.versie };
});
