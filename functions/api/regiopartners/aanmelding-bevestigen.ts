import { httpHandler } from '../../../shared/http/handler';
import { regiopartnersRoutes } from '../../../shared/routes/regiopartners';
import { begrens } from '../../../shared/http/aanvraaglimiet';
import { aanmeldingen } from './aanmeldingen';

export const handler = httpHandler(regiopartnersRoutes.regiopartnerAanmeldingBevestigen, async ({ body, event }) => {
  await begrens('bevestigen', event);
  const aanmelding = await aanmeldingen.bevestigen(body.token);
  return {
    status: 200,
    body: { naam: aanmelding.naam, status: 'bevestigd', bericht: 'Dank u. Het e-mailadres is bevestigd; een coördinator beoordeelt de aanmelding.' },
  };
});
