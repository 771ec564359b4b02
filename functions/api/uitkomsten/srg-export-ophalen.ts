import { csvRegels } from '../../../shared/domain/uitkomsten/csv';
import { srgNaarCsvRijen } from '../../../shared/domain/uitkomsten/srg';
import { httpHandler, wilCsv } from '../../../shared/http/handler';
import { uitkomstenRoutes } from '../../../shared/routes/uitkomsten';
import { uitkomsten } from './uitkomsten';

export const handler = httpHandler(uitkomstenRoutes.srgExportOphalen, async ({ principal, params, event }) => {
  const uitvoer = await uitkomsten.srgExport(principal, params.gemeenteCode);
  return { status: 200, body: uitvoer, ...(wilCsv(event) ? { representatie: { contentType: 'text/csv; charset=utf-8', inhoud: csvRegels(srgNaarCsvRijen(uitvoer.voorzieningen)) } } : {}) };
});
