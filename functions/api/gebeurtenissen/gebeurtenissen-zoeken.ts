import { httpHandler } from '../../../shared/http/handler';
import { volgendePagina } from '../../../shared/http/paginering';
import { gebeurtenissenRoutes } from '../../../shared/routes/gebeurtenissen';
import { gebeurtenissen } from './gebeurtenissen';

export const handler = httpHandler(gebeurtenissenRoutes.gebeurtenissenZoeken, async ({ principal, query }) => {
  const pagina = await gebeurtenissen.feed(principal, query);
  const { cursor: _cursor, ...rest } = query;
  // A feed always has a next link (shared/store/uitgaand-store.ts); a caller without a feed (none) starts over.
  return { status: 200, body: { gebeurtenissen: pagina.items, volgendePagina: volgendePagina('/v1/gebeurtenissen', rest, pagina.cursor) ?? `/v1/gebeurtenissen?pageSize=${query.pageSize}` } };
});
