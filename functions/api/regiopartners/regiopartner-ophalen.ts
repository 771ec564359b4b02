import { httpHandler } from '../../../shared/http/handler';
import { regiopartnersRoutes } from '../../../shared/routes/regiopartners';
import { regiopartners } from './regiopartners';

export const handler = httpHandler(regiopartnersRoutes.regiopartnerOphalen, async ({ principal, params }) => {
  const partner = await regiopartners.ophalen(principal, params.partnerId);
  return { status: 200, body: partner, versie: partner.versie };
});
