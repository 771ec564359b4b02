import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { abonnementenRoutes } from '../../../shared/routes/abonnementen';
import { abonnementen } from './abonnementen';

export const handler = httpHandler(abonnementenRoutes.abonnementenZoeken, async ({ principal, query }) => {
  const pagina = await abonnementen.lijst(principal, query);
  const { cursor: _cursor, ...rest } = query;
  return { status: 200, body: { abonnementen: pagina.items, volgendePagina: volgendePagina('/v1/abonnementen', rest, pagina.cursor) } };
});
