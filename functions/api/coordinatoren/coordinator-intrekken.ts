import { httpHandler } from '../../../shared/http/handler';
import { coordinatorenRoutes } from '../../../shared/routes/coordinatoren';
import { coordinatorGebruikers } from './coordinator-gebruikers';

export const handler = httpHandler(coordinatorenRoutes.coordinatorIntrekken, async ({ principal, params }) => {
  const gebruiker = await coordinatorGebruikers.intrekken(principal, params.gebruikerId);
  return { status: 202, body: gebruiker };
});
