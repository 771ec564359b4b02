import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { gemeentenRoutes } from '../../../shared/routes/gemeenten';
import { gemeenten } from './gemeenten';

export const handler = httpHandler(gemeentenRoutes.gemeentenZoeken, async ({ principal, query }) => {
  const pagina = await gemeenten.zoeken(principal, query);
  return {
    status: 200,
    body: { gemeenten: pagina.items, volgendePagina: volgendePagina('/v1/gemeenten', { pageSize: query.pageSize }, pagina.cursor) },
  };
});
