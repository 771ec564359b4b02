import { httpHandler } from '../../../shared/http/handler';
import { werkplekkenRoutes } from '../../../shared/routes/werkplekken';
import { werkplekken } from './werkplekken';

export const handler = httpHandler(werkplekkenRoutes.werkplekWijzigen, async ({ principal, params, body, ifMatch }) => {
  const werkplek = await werkplekken.wijzigen(principal, params.werkplekId, body, ifMatch);
  return { status: 200, body: werkplek, versie: werkplek.versie };
});
