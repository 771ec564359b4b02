import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { werkplekkenRoutes } from '../../../shared/routes/werkplekken';
import { werkplekken } from './werkplekken';

export const handler = httpHandler(werkplekkenRoutes.werkplekkenZoeken, async ({ principal, query }) => {
  const pagina = await werkplekken.zoeken(principal, query);
  return {
    status: 200,
    body: {
      werkplekken: pagina.items,
      volgendePagina: volgendePagina('/v1/werkplekken', { status: query.status, lidId: query.lidId, pageSize: query.pageSize }, pagina.cursor),
    },
  };
});
