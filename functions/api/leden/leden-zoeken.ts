import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { ledenRoutes } from '../../../shared/routes/leden';
import { leden } from './leden';

export const handler = httpHandler(ledenRoutes.ledenZoeken, async ({ principal, query }) => {
  const pagina = await leden.zoeken(principal, query);
  return {
    status: 200,
    body: { leden: pagina.items, volgendePagina: volgendePagina('/v1/leden', { status: query.status, pageSize: query.pageSize }, pagina.cursor) },
  };
});
