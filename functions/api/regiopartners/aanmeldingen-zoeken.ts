import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { regiopartnersRoutes } from '../../../shared/routes/regiopartners';
import { aanmeldingen } from './aanmeldingen';

export const handler = httpHandler(regiopartnersRoutes.regiopartnerAanmeldingenZoeken, async ({ principal, query }) => {
  const pagina = await aanmeldingen.zoeken(principal, query);
  return {
    status: 200,
    body: {
      aanmeldingen: pagina.items,
      volgendePagina: volgendePagina('/v1/regiopartner-aanmeldingen', { status: query.status, pageSize: query.pageSize }, pagina.cursor),
    },
  };
});
