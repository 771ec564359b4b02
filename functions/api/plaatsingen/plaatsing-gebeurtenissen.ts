import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { plaatsingenRoutes } from '../../../shared/routes/plaatsingen';
import { plaatsingen } from './plaatsingen';

export const handler = httpHandler(plaatsingenRoutes.plaatsingGebeurtenissen, async ({ principal, params, query }) => {
  const pagina = await plaatsingen.geschiedenis(principal, params.plaatsingId, query);
  return {
    status: 200,
    body: {
      gebeurtenissen: pagina.items,
      volgendePagina: volgendePagina(`/v1/plaatsingen/${params.plaatsingId}/gebeurtenissen`, { pageSize: query.pageSize }, pagina.cursor),
    },
  };
});
