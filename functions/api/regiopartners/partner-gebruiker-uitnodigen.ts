import { httpHandler } from '../../../shared/http/handler';
import { regiopartnersRoutes } from '../../../shared/routes/regiopartners';
import { partnerGebruikers } from './partner-gebruikers';

export const handler = httpHandler(regiopartnersRoutes.partnerGebruikerUitnodigen, async ({ principal, params, body }) => {
  const gebruiker = await partnerGebruikers.uitnodigen(principal, params.partnerId, body);
  return { status: 202, body: gebruiker };
});
