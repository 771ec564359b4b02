import { httpHandler } from '../../../shared/http/handler';
import { coordinatorenRoutes } from '../../../shared/routes/coordinatoren';
import { coordinatorGebruikers } from './coordinator-gebruikers';

export const handler = httpHandler(coordinatorenRoutes.coordinatorUitnodigen, async ({ principal, body }) => {
  const gebruiker = await coordinatorGebruikers.uitnodigen(principal, body);
  return { status: 202, body: gebruiker };
});
