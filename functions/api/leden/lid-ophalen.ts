import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { leden } from './leden';

export const handler = httpHandler(routes.lidOphalen, async ({ principal, params }) => {
  const lid = await leden.ophalen(principal, params.lidId);
  return { status: 200, body: lid, versie: lid.versie };
});
