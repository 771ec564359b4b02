import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { werkplekken } from './werkplekken';

export const handler = httpHandler(routes.werkplekAanbieden, async ({ principal, body }) => {
  const werkplek = await werkplekken.aanbieden(principal, body);
  return { status: 201, body: werkplek, versie: werkplek.versie, location: `/v1/werkplekken/${werkplek.id}` };
});
