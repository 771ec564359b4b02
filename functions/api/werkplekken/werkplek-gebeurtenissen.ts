import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { werkplekkenRoutes } from '../../../shared/routes/werkplekken';
import { werkplekken } from './werkplekken';

export const handler = httpHandler(werkplekkenRoutes.werkplekGebeurtenissen, async ({ principal, params, query }) => {
  const pagina = await werkplekken.geschiedenis(principal, params.werkplekId, query);
  return {
    status: 200,
    body: {
      gebeurtenissen: pagina.items,
      volgendePagina: volgendePagina(`/v1/werkplekken/${params.werkplekId}/gebeurtenissen`, { pageSize: query.pageSize }, pagina.cursor),
    },
  };
});
