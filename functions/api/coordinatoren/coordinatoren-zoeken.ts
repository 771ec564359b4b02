import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { coordinatorenRoutes } from '../../../shared/routes/coordinatoren';
import { coordinatorGebruikers } from './coordinator-gebruikers';

export const handler = httpHandler(coordinatorenRoutes.coordinatorenZoeken, async ({ principal, query }) => {
  const pagina = await coordinatorGebruikers.zoeken(principal, query);
  return { status: 200, body: { coordinatoren: pagina.items, volgendePagina: volgendePagina('/v1/coordinatoren', { pageSize: query.pageSize }, pagina.cursor) } };
});
