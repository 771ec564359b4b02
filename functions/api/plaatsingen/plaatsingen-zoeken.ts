import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { routes } from '../../../shared/routes/manifest';
import { plaatsingen } from './plaatsingen';

export const handler = httpHandler(routes.plaatsingenZoeken, async ({ principal, query }) => {
  const pagina = await plaatsingen.zoeken(principal, query);
  const { cursor: _cursor, ...filters } = query;
  return { status: 200, body: { plaatsingen: pagina.items, volgendePagina: volgendePagina('/v1/plaatsingen', filters, pagina.cursor) } };
});
