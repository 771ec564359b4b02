import { httpHandler } from '../../../shared/http/handler';
import { ledenRoutes } from '../../../shared/routes/leden';
import { leden } from './leden';

export const handler = httpHandler(ledenRoutes.lidWijzigen, async ({ principal, params, body, ifMatch }) => {
  const lid = await leden.wijzigen(principal, params.lidId, body, ifMatch);
  return { status: 200, body: lid, versie: lid.versie };
});
