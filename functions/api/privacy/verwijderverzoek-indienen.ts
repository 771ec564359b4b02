import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { privacy } from './privacy';

export const handler = httpHandler(routes.verwijderverzoekIndienen, async ({ principal, params }) => ({
  status: 200,
  body: await privacy.verwijderen(principal, params.verwijzingId),
}));
