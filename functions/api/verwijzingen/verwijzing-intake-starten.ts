import { httpHandler } from '../../../shared/http/handler';
import { verwijzingenRoutes } from '../../../shared/routes/verwijzingen';
import { verwijzingen } from './verwijzingen';

export const handler = httpHandler(verwijzingenRoutes.verwijzingIntakeStarten, async ({ principal, params, ifMatch }) => {
  const v = await verwijzingen.statusWijzigen(principal, params.verwijzingId, 'intakeStarten', { ifMatch });
  return { status: 200, body: v, versie: v.versie };
});
