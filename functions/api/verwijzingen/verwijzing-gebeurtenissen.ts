import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { routes } from '../../../shared/routes/manifest';
import { verwijzingen } from './verwijzingen';

export const handler = httpHandler(routes.verwijzingGebeurtenissen, async ({ principal, params, query }) => {
  const pagina = await verwijzingen.geschiedenis(principal, params.verwijzingId, query);
  return {
    status: 200,
    body: {
      gebeurtenissen: pagina.items,
      volgendePagina: volgendePagina(`/v1/verwijzingen/${params.verwijzingId}/gebeurtenissen`, { pageSize: query.pageSize }, pagina.cursor),
    },
  };
});
