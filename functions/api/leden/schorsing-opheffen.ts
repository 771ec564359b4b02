import { httpHandler } from '../../../shared/http/handler';
import { ledenRoutes } from '../../../shared/routes/leden';
import { leden } from './leden';

export const handler = httpHandler(ledenRoutes.schorsingOpheffen, async ({ principal, params, ifMatch }) => {
  const lid = await leden.statusWijzigen(principal, params.lidId, 'schorsingOpheffen', { ifMatch });
  return { status: 200, body: lid, versie: lid.versie };
});
