import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { aanmeldingen } from './aanmeldingen';

export const handler = httpHandler(routes.regiopartnerAanmeldingOphalen, async ({ principal, params }) => {
  const aanmelding = await aanmeldingen.ophalen(principal, params.aanmeldingId);
  return { status: 200, body: aanmelding, versie: aanmelding.versie };
});
