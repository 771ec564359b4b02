import { begrens } from '../../../shared/http/aanvraaglimiet';
import { httpHandler } from '../../../shared/http/handler';
import { ledenRoutes } from '../../../shared/routes/leden';
import { leden } from './leden';

export const handler = httpHandler(ledenRoutes.lidAanvragen, async ({ body, event }) => {
  await begrens('lidAanvragen', event);
  const lid = await leden.aanvragen(body);
  return { status: 201, body: lid, versie: lid.versie, location: `/v1/leden/${lid.id}` };
});
