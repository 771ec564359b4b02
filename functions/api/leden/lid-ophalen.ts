import { httpHandler } from '../../../shared/http/handler';
import { ledenRoutes } from '../../../shared/routes/leden';
import { leden } from './leden';

export const handler = httpHandler(ledenRoutes.lidOphalen, async ({ principal, params }) => {
  const lid = await leden.ophalen(principal, params.lidId);
  return { status: 200, body: lid, versie: lid.versie };
});
