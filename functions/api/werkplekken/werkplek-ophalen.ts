import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { werkplekken } from './werkplekken';

export const handler = httpHandler(routes.werkplekOphalen, async ({ principal, params }) => {
  const werkplek = await werkplekken.ophalen(principal, params.werkplekId);
  return { status: 200, body: werkplek, versie: werkplek.versie };
});
