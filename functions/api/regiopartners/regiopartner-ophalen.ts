import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { regiopartners } from './regiopartners';

export const handler = httpHandler(routes.regiopartnerOphalen, async ({ principal, params }) => {
  const partner = await regiopartners.ophalen(principal, params.partnerId);
  return { status: 200, body: partner, versie: partner.versie };
});
