import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { regiopartnersRoutes } from '../../../shared/routes/regiopartners';
import { regiopartners } from './regiopartners';

export const handler = httpHandler(regiopartnersRoutes.regiopartnersZoeken, async ({ principal, query }) => {
  const pagina = await regiopartners.zoeken(principal, query);
  return {
    status: 200,
    body: { regiopartners: pagina.items, volgendePagina: volgendePagina('/v1/regiopartners', { pageSize: query.pageSize }, pagina.cursor) },
  };
});
