import { VerwerkingenFilter, VerwerkingenPagina } from '../schemas/verwerkingen';
import { route } from './route';

/** Privacy (AVG): the processing log, and a candidate's export and erasure (art. 15, 17). */
export const privacyRoutes = {
  verwerkingenZoeken: route({
    operationId: 'verwerkingenZoeken',
    method: 'GET',
    path: '/v1/verwerkingen',
    handler: 'functions/api/privacy/verwerkingen-zoeken.ts',
    roles: ['coopAdmin'],
    tag: 'Privacy',
    summary: 'Het verwerkingenlogboek: per betrokkene of per periode, oudste eerst, gepagineerd.',
    description:
      'Elke lees- en schrijfhandeling op persoonsgegevens, met verwerkingsactiviteit, wie, de betrokkene (als pseudoniem), tijdstip, status, trace-id en activiteit-id (naar het Logboek Dataverwerkingen van Logius). Geef `betrokkene` (het id van een verwijzing, lid, regiopartner of gemeente) en eventueel een periode, of alleen een periode van hoogstens 31 dagen. Het logboek kan via de API niet worden gewijzigd of verwijderd.',
    request: { query: VerwerkingenFilter },
    responses: { 200: { description: 'Een pagina vastleggingen.', schema: VerwerkingenPagina } },
    errors: [400],
  }),
} as const;
