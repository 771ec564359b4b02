import { httpHandler } from '../../../shared/http/handler';
import { ledenRoutes } from '../../../shared/routes/leden';
import { leden } from './leden';

export const handler = httpHandler(ledenRoutes.lidGoedkeuren, async ({ principal, params, ifMatch }) => {
  const lid = await leden.statusWijzigen(principal, params.lidId, 'goedkeuren', { ifMatch });
  return { status: 200, body: lid, versie: lid.versie };
});
