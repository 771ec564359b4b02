import { httpHandler } from '../../../shared/http/handler';
import { ledenRoutes } from '../../../shared/routes/leden';
import { leden } from './leden';

export const handler = httpHandler(ledenRoutes.lidUittreden, async ({ principal, params, body, ifMatch }) => {
  const lid = await leden.statusWijzigen(principal, params.lidId, 'uittreden', { reden: body.reden, ifMatch });
  return { status: 200, body: lid, versie: lid.versie };
});
