import { httpHandler } from '../../../shared/http/handler';
import { regiopartnersRoutes } from '../../../shared/routes/regiopartners';
import { regiopartners } from './regiopartners';

export const handler = httpHandler(regiopartnersRoutes.regiopartnerAanmaken, async ({ principal, body }) => {
  const partner = await regiopartners.aanmaken(principal, body);
  return { status: 201, body: partner, versie: partner.versie, location: `/v1/regiopartners/${partner.id}` };
});
