import { httpHandler } from '../../../shared/http/handler';
import { regiopartnersRoutes } from '../../../shared/routes/regiopartners';
import { aanmeldingen } from './aanmeldingen';

export const handler = httpHandler(regiopartnersRoutes.regiopartnerAanmeldingAfwijzen, async ({ principal, params, body, ifMatch }) => {
  const aanmelding = await aanmeldingen.afwijzen(principal, params.aanmeldingId, body.reden, ifMatch);
  return { status: 200, body: aanmelding, versie: aanmelding.versie };
});
