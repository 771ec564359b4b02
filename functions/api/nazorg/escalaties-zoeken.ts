import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { nazorgRoutes } from '../../../shared/routes/nazorg';
import { nazorg } from './nazorg';

export const handler = httpHandler(nazorgRoutes.escalatiesZoeken, async ({ principal, query }) => {
  const pagina = await nazorg.escalaties(principal, query);
  const { cursor: _cursor, ...filters } = query;
  return { status: 200, body: { escalaties: pagina.items, volgendePagina: volgendePagina('/v1/escalaties', filters, pagina.cursor) } };
});
