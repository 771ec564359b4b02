import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { privacy } from './privacy';

export const handler = httpHandler(routes.inzageOpvragen, async ({ principal, params }) => ({
  status: 200,
  body: await privacy.inzage(principal, params.verwijzingId),
}));
