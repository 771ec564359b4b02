import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { werkplekkenRoutes } from '../../../shared/routes/werkplekken';
import { matching } from './matching';

export const handler = httpHandler(werkplekkenRoutes.verwijzingMatches, async ({ principal, params, query }) => {
  const pagina = await matching.matchesVoorVerwijzing(principal, params.verwijzingId, query);
  return {
    status: 200,
    body: { matches: pagina.items, volgendePagina: volgendePagina(`/v1/verwijzingen/${params.verwijzingId}/matches`, { pageSize: query.pageSize }, pagina.cursor) },
  };
});
