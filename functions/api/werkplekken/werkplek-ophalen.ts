import { httpHandler } from '../../../shared/http/handler';
import { werkplekkenRoutes } from '../../../shared/routes/werkplekken';
import { werkplekken } from './werkplekken';

export const handler = httpHandler(werkplekkenRoutes.werkplekOphalen, async ({ principal, params }) => {
  const werkplek = await werkplekken.ophalen(principal, params.werkplekId);
  return { status: 200, body: werkplek, versie: werkplek.versie };
});
