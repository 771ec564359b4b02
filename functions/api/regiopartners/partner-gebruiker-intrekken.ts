import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { partnerGebruikers } from './partner-gebruikers';

export const handler = httpHandler(routes.partnerGebruikerIntrekken, async ({ principal, params }) => {
  const gebruiker = await partnerGebruikers.intrekken(principal, params.partnerId, params.gebruikerId);
  return { status: 202, body: gebruiker };
});
