import { httpHandler } from '../../../shared/http/handler';
import { abonnementenRoutes } from '../../../shared/routes/abonnementen';
import { abonnementen } from './abonnementen';

export const handler = httpHandler(abonnementenRoutes.abonnementHerhalen, async ({ principal, params, body }) => {
  await abonnementen.herhaal(principal, params.abonnementId, body);
  return { status: 202, body: { bericht: 'De gebeurtenissen van deze periode worden afgeleverd.' } };
});
