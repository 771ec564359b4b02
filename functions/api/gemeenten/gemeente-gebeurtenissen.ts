import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { gemeentenRoutes } from '../../../shared/routes/gemeenten';
import { gemeenten } from './gemeenten';

export const handler = httpHandler(gemeentenRoutes.gemeenteGebeurtenissen, async ({ principal, params, query }) => {
  const pagina = await gemeenten.geschiedenis(principal, params.gemeenteCode, query);
  return {
    status: 200,
    body: {
      gebeurtenissen: pagina.items,
      volgendePagina: volgendePagina(`/v1/gemeenten/${params.gemeenteCode}/gebeurtenissen`, { pageSize: query.pageSize }, pagina.cursor),
    },
  };
});
