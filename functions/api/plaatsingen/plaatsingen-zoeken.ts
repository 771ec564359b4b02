import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { plaatsingenRoutes } from '../../../shared/routes/plaatsingen';
import { plaatsingen } from './plaatsingen';

export const handler = httpHandler(plaatsingenRoutes.plaatsingenZoeken, async ({ principal, query }) => {
  const pagina = await plaatsingen.zoeken(principal, query);
  const { cursor: _cursor, ...filters } = query;
  return { status: 200, body: { plaatsingen: pagina.items, volgendePagina: volgendePagina('/v1/plaatsingen', filters, pagina.cursor) } };
});
