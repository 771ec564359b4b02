import { aansluitingNaarCsv } from '../../../shared/domain/uitkomsten/csv';
import { httpHandler, wilCsv } from '../../../shared/http/handler';
import { uitkomstenRoutes } from '../../../shared/routes/uitkomsten';
import { uitkomsten } from './uitkomsten';

export const handler = httpHandler(uitkomstenRoutes.aansluitingOphalen, async ({ principal, query, event }) => {
  const uit = await uitkomsten.aansluiting(principal, query);
  return { status: 200, body: uit, ...(wilCsv(event) ? { representatie: { contentType: 'text/csv; charset=utf-8', inhoud: aansluitingNaarCsv(uit.aansluiting) } } : {}) };
});
