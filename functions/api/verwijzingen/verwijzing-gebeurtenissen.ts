import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { verwijzingenRoutes } from '../../../shared/routes/verwijzingen';
import { verwijzingen } from './verwijzingen';

export const handler = httpHandler(verwijzingenRoutes.verwijzingGebeurtenissen, async ({ principal, params, query }) => {
  const pagina = await verwijzingen.geschiedenis(principal, params.verwijzingId, query);
  return {
    status: 200,
    body: {
      gebeurtenissen: pagina.items,
      volgendePagina: volgendePagina(`/v1/verwijzingen/${params.verwijzingId}/gebeurtenissen`, { pageSize: query.pageSize }, pagina.cursor),
    },
  };
});
