import { httpHandler } from '../../../shared/http/handler';
import { abonnementenRoutes } from '../../../shared/routes/abonnementen';
import { abonnementen } from './abonnementen';

export const handler = httpHandler(abonnementenRoutes.afleveringHerbezorgen, async ({ principal, params }) => {
  await abonnementen.herbezorg(principal, params.abonnementId, params.gebeurtenisId);
  return { status: 202, body: { bericht: 'De aflevering wordt nog één keer geprobeerd.' } };
});
