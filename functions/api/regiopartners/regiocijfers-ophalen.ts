import { httpHandler } from '../../../shared/http/handler';
import { routes } from '../../../shared/routes/manifest';
import { regiopartners } from './regiopartners';

export const handler = httpHandler(routes.regiocijfersOphalen, async ({ principal, query }) => {
  const peilmoment = new Date().toISOString();
  const regios = await regiopartners.regiocijfers(principal, query);
  return { status: 200, body: { regios, peilmoment } };
});
