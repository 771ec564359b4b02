import { httpHandler } from '../../../shared/http/handler';
import { verwijzingenRoutes } from '../../../shared/routes/verwijzingen';
import { verwijzingen } from './verwijzingen';

export const handler = httpHandler(verwijzingenRoutes.toestemmingIntrekken, async ({ principal, params, ifMatch }) => {
  await verwijzingen.toestemming(principal, params.verwijzingId, { lidId: params.lidId, geven: false }, ifMatch);
  return { status: 204 };
});
