import { httpHandler } from '../../../shared/http/handler';
import { regiopartnersRoutes } from '../../../shared/routes/regiopartners';
import { begrens } from '../../../shared/http/aanvraaglimiet';
import { AANMELDING_ONTVANGEN } from '../../../shared/domain/regiopartners';
import { aanmeldingen } from './aanmeldingen';

export const handler = httpHandler(regiopartnersRoutes.regiopartnerAanmelden, async ({ body, event }) => {
  await begrens('aanmelden', event);
  await aanmeldingen.aanmelden(body);
  return { status: 202, body: { bericht: AANMELDING_ONTVANGEN } };
});
