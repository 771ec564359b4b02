import { httpHandler } from '../../../shared/http/handler';
import { regiopartnersRoutes } from '../../../shared/routes/regiopartners';
import { regiopartners } from './regiopartners';

export const handler = httpHandler(regiopartnersRoutes.regiocijfersOphalen, async ({ principal, query }) => {
  const peilmoment = new Date().toISOString();
  const regios = await regiopartners.regiocijfers(principal, query);
  return { status: 200, body: { regios, peilmoment } };
});
