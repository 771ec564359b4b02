import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { leden } from './leden';

export const handler = httpHandler(routes.lidWijzigen, async ({ principal, params, body, ifMatch }) => {
  const lid = await leden.wijzigen(principal, params.lidId, body, ifMatch);
  return { status: 200, body: lid, versie: lid.versie };
});
