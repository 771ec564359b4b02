import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { regiopartners } from './regiopartners';

export const handler = httpHandler(routes.regiopartnerAanmaken, async ({ principal, body }) => {
  const partner = await regiopartners.aanmaken(principal, body);
  return { status: 201, body: partner, versie: partner.versie, location: `/v1/regiopartners/${partner.id}` };
});
