import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { aanmeldingen } from './aanmeldingen';

export const handler = httpHandler(routes.regiopartnerAanmeldingAfwijzen, async ({ principal, params, body, ifMatch }) => {
  const aanmelding = await aanmeldingen.afwijzen(principal, params.aanmeldingId, body.reden, ifMatch);
  return { status: 200, body: aanmelding, versie: aanmelding.versie };
});
