import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { leden } from './leden';

export const handler = httpHandler(routes.schorsingOpheffen, async ({ principal, params, ifMatch }) => {
  const lid = await leden.statusWijzigen(principal, params.lidId, 'schorsingOpheffen', { ifMatch });
  return { status: 200, body: lid, versie: lid.versie };
});
