import { httpHandler } from '../../../shared/http/handler';
import { regiopartnersRoutes } from '../../../shared/routes/regiopartners';
import { partnerGebruikers } from './partner-gebruikers';

export const handler = httpHandler(regiopartnersRoutes.partnerGebruikerIntrekken, async ({ principal, params }) => {
  const gebruiker = await partnerGebruikers.intrekken(principal, params.partnerId, params.gebruikerId);
  return { status: 202, body: gebruiker };
});
