import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { verwijzingenRoutes } from '../../../shared/routes/verwijzingen';
import { verwijzingen } from './verwijzingen';

export const handler = httpHandler(verwijzingenRoutes.verwijzingenZoeken, async ({ principal, query }) => {
  const pagina = await verwijzingen.zoeken(principal, query);
  const filter = { status: query.status, gemeente: query.gemeente, pageSize: query.pageSize };
  return { status: 200, body: { verwijzingen: pagina.items, volgendePagina: volgendePagina('/v1/verwijzingen', filter, pagina.cursor) } };
});
