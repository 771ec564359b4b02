import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { regiopartnersRoutes } from '../../../shared/routes/regiopartners';
import { partnerGebruikers } from './partner-gebruikers';

export const handler = httpHandler(regiopartnersRoutes.partnerGebruikersZoeken, async ({ principal, params, query }) => {
  const pagina = await partnerGebruikers.zoeken(principal, params.partnerId, query);
  return {
    status: 200,
    body: { gebruikers: pagina.items, volgendePagina: volgendePagina(`/v1/regiopartners/${params.partnerId}/gebruikers`, { pageSize: query.pageSize }, pagina.cursor) },
  };
});
