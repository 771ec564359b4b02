import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { privacyRoutes } from '../../../shared/routes/privacy';
import { verwerkingen } from './privacy';

export const handler = httpHandler(privacyRoutes.verwerkingenZoeken, async ({ principal, query }) => {
  const pagina = await verwerkingen.zoeken(principal, query);
  const filter = { betrokkene: query.betrokkene, vanaf: query.vanaf, tot: query.tot, pageSize: query.pageSize };
  return { status: 200, body: { verwerkingen: pagina.items, volgendePagina: volgendePagina('/v1/verwerkingen', filter, pagina.cursor) } };
});
