import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { werkplekkenRoutes } from '../../../shared/routes/werkplekken';
import { matching } from './matching';

export const handler = httpHandler(werkplekkenRoutes.werkplekKandidaten, async ({ principal, params, query }) => {
  const pagina = await matching.kandidatenVoorWerkplek(principal, params.werkplekId, query);
  return {
    status: 200,
    body: { kandidaten: pagina.items, volgendePagina: volgendePagina(`/v1/werkplekken/${params.werkplekId}/kandidaten`, { pageSize: query.pageSize }, pagina.cursor) },
  };
});
