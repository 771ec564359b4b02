import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { ledenRoutes } from '../../../shared/routes/leden';
import { leden } from './leden';

export const handler = httpHandler(ledenRoutes.lidGebeurtenissen, async ({ principal, params, query }) => {
  const pagina = await leden.geschiedenis(principal, params.lidId, query);
  return {
    status: 200,
    body: {
      gebeurtenissen: pagina.items,
      volgendePagina: volgendePagina(`/v1/leden/${params.lidId}/gebeurtenissen`, { pageSize: query.pageSize }, pagina.cursor),
    },
  };
});
