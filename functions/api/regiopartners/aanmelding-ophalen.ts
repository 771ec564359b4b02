import { httpHandler } from '../../../shared/http/handler';
import { regiopartnersRoutes } from '../../../shared/routes/regiopartners';
import { aanmeldingen } from './aanmeldingen';

export const handler = httpHandler(regiopartnersRoutes.regiopartnerAanmeldingOphalen, async ({ principal, params }) => {
  const aanmelding = await aanmeldingen.ophalen(principal, params.aanmeldingId);
  return { status: 200, body: aanmelding, versie: aanmelding.versie };
});
