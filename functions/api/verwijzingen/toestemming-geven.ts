import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { verwijzingen } from './verwijzingen';

export const handler = httpHandler(routes.toestemmingGeven, async ({ principal, params, body, ifMatch }) => {
  const v = await verwijzingen.toestemming(principal, params.verwijzingId, { lidId: body.lidId, geven: true }, ifMatch);
  return { status: 200, body: v, versie: v.versie };
});
