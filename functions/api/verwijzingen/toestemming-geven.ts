import { httpHandler } from '../../../shared/http/handler';
import { verwijzingenRoutes } from '../../../shared/routes/verwijzingen';
import { verwijzingen } from './verwijzingen';

export const handler = httpHandler(verwijzingenRoutes.toestemmingGeven, async ({ principal, params, body, ifMatch }) => {
  const v = await verwijzingen.toestemming(principal, params.verwijzingId, { lidId: body.lidId, geven: true }, ifMatch);
  return { status: 200, body: v, versie: v.versie };
});
