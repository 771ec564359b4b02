import { httpHandler } from '../../../shared/http/handler';
import { werkplekkenRoutes } from '../../../shared/routes/werkplekken';
import { werkplekken } from './werkplekken';

export const handler = httpHandler(werkplekkenRoutes.werkplekAanbieden, async ({ principal, body }) => {
  const werkplek = await werkplekken.aanbieden(principal, body);
  return { status: 201, body: werkplek, versie: werkplek.versie, location: `/v1/werkplekken/${werkplek.id}` };
});
