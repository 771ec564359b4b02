import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { verwijzingen } from './verwijzingen';

export const handler = httpHandler(routes.toestemmingIntrekken, async ({ principal, params, ifMatch }) => {
  await verwijzingen.toestemming(principal, params.verwijzingId, { lidId: params.lidId, geven: false }, ifMatch);
  return { status: 204 };
});
