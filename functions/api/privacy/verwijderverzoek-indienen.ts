import { httpHandler } from '../../../shared/http/handler';
import { privacyRoutes } from '../../../shared/routes/privacy';
import { privacy } from './privacy';

export const handler = httpHandler(privacyRoutes.verwijderverzoekIndienen, async ({ principal, params }) => ({
  status: 200,
  body: await privacy.verwijderen(principal, params.verwijzingId),
}));
