import { httpHandler } from '../../../shared/http/handler';
import { regiopartnersRoutes } from '../../../shared/routes/regiopartners';
import { begrens } from '../../../shared/http/aanvraaglimiet';
import { aanmeldingen } from './aanmeldingen';

const ONTVANGEN = {
  bericht:
    'De aanmelding is ontvangen. Kan zij in behandeling worden genomen, dan krijgt de contactpersoon binnen enkele minuten een e-mail met een bevestigingslink, 48 uur geldig.',
};

export const handler = httpHandler(regiopartnersRoutes.regiopartnerAanmelden, async ({ body, event }) => {
  await begrens('aanmelden', event);
  await aanmeldingen.aanmelden(body);
  return { status: 202, body: ONTVANGEN };
});
