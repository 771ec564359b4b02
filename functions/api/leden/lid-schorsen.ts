import { httpHandler } from '../../../shared/http/handler';
import { ledenRoutes } from '../../../shared/routes/leden';
import { leden } from './leden';

export const handler = httpHandler(ledenRoutes.lidSchorsen, async ({ principal, params, body, ifMatch }) => {
  const lid = await leden.statusWijzigen(principal, params.lidId, 'schorsen', { reden: body.reden, ifMatch });
  return { status: 200, body: lid, versie: lid.versie };
});
