import { rapportNaarCsv } from '../../../shared/domain/uitkomsten/csv';
import { httpHandler, wilCsv } from '../../../shared/http/handler';
import { uitkomstenRoutes } from '../../../shared/routes/uitkomsten';
import { uitkomsten } from './uitkomsten';

export const handler = httpHandler(uitkomstenRoutes.uitkomstenOphalen, async ({ principal, query, event }) => {
  const rapport = await uitkomsten.rapport(principal, query);
  return { status: 200, body: rapport, ...(wilCsv(event) ? { representatie: { contentType: 'text/csv; charset=utf-8', inhoud: rapportNaarCsv(rapport) } } : {}) };
});
