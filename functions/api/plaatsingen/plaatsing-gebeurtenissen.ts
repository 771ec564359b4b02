import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { routes } from '../../../shared/routes/manifest';
import { plaatsingen } from './plaatsingen';

export const handler = httpHandler(routes.plaatsingGebeurtenissen, async ({ principal, params, query }) => {
  const pagina = await plaatsingen.geschiedenis(principal, params.plaatsingId, query);
  return {
    status: 200,
    body: {
      gebeurtenissen: pagina.items,
      volgendePagina: volgendePagina(`/v1/plaatsingen/${params.plaatsingId}/gebeurtenissen`, { pageSize: query.pageSize }, pagina.cursor),
    },
  };
});
