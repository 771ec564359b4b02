import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { abonnementenRoutes } from '../../../shared/routes/abonnementen';
import { abonnementen } from './abonnementen';

export const handler = httpHandler(abonnementenRoutes.afleveringenZoeken, async ({ principal, params, query }) => {
  const { cursor, pageSize, status } = query;
  const pagina = await abonnementen.afleveringen(principal, params.abonnementId, status, { pageSize, cursor });
  return {
    status: 200,
    body: { afleveringen: pagina.items, volgendePagina: volgendePagina(`/v1/abonnementen/${params.abonnementId}/afleveringen`, { pageSize, status }, pagina.cursor) },
  };
});
