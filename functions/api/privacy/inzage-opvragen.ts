import { httpHandler } from '../../../shared/http/handler';
import { privacyRoutes } from '../../../shared/routes/privacy';
import { privacy } from './privacy';

export const handler = httpHandler(privacyRoutes.inzageOpvragen, async ({ principal, params }) => ({
  status: 200,
  body: await privacy.inzage(principal, params.verwijzingId),
}));
