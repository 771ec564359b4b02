import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { regiopartnersRoutes } from '../../../shared/routes/regiopartners';
import { aanmeldingen } from './aanmeldingen';

export const handler = httpHandler(regiopartnersRoutes.regiopartnerAanmeldingGebeurtenissen, async ({ principal, params, query }) => {
  const pagina = await aanmeldingen.geschiedenis(principal, params.aanmeldingId, query);
  return {
    status: 200,
    body: {
      gebeurtenissen: pagina.items,
      volgendePagina: volgendePagina(`/v1/regiopartner-aanmeldingen/${params.aanmeldingId}/gebeurtenissen`, { pageSize: query.pageSize }, pagina.cursor),
    },
  };
});
