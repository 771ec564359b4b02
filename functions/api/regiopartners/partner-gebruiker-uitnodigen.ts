import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { partnerGebruikers } from './partner-gebruikers';

export const handler = httpHandler(routes.partnerGebruikerUitnodigen, async ({ principal, params, body }) => {
  const gebruiker = await partnerGebruikers.uitnodigen(principal, params.partnerId, body);
  return { status: 202, body: gebruiker };
});
