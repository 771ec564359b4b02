import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { routes } from '../../../shared/routes/manifest';
import { leden } from './leden';

export const handler = httpHandler(routes.lidGebeurtenissen, async ({ principal, params, query }) => {
  const pagina = await leden.geschiedenis(principal, params.lidId, query);
  return {
    status: 200,
    body: {
      gebeurtenissen: pagina.items,
      volgendePagina: volgendePagina(`/v1/leden/${params.lidId}/gebeurtenissen`, { pageSize: query.pageSize }, pagina.cursor),
    },
  };
});
