import { Inzage, Verwijderverzoek } from '../schemas/privacy';
import { VerwerkingenFilter, VerwerkingenPagina } from '../schemas/verwerkingen';
import { VerwijzingIdParameters } from '../schemas/verwijzingen';
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

  inzageOpvragen: route({
    operationId: 'inzageOpvragen',
    method: 'GET',
    path: '/v1/verwijzingen/{verwijzingId}/inzage',
    handler: 'functions/api/privacy/inzage-opvragen.ts',
    roles: ['coopAdmin', 'gemeente'],
    tag: 'Privacy',
    summary: 'Inzage (AVG art. 15): alles wat over de kandidaat van deze verwijzing bewaard wordt, als één document.',
    description:
      'De verwijzing met haar geschiedenis en toestemmingen, het matchingprofiel, elke plaatsing met haar geschiedenis, ontwikkelplan, begeleidingsnotities, nazorgmomenten en antwoorden, escalaties en berichten, en het verwerkingenlogboek over de kandidaat. Te vragen door de gemeente van de verwijzing (de verwerkingsverantwoordelijke, bij wie de kandidaat zijn rechten uitoefent) of een coördinator.',
    request: { params: VerwijzingIdParameters },
    responses: { 200: { description: 'Alle gegevens over de kandidaat.', schema: Inzage } },
    errors: [400, 404],
  }),

  verwijderverzoekIndienen: route({
    operationId: 'verwijderverzoekIndienen',
    method: 'POST',
    path: '/v1/verwijzingen/{verwijzingId}/verwijderverzoek',
    handler: 'functions/api/privacy/verwijderverzoek-indienen.ts',
    roles: ['coopAdmin', 'gemeente'],
    tag: 'Privacy',
    summary: 'Verwijdering (AVG art. 17): de persoonsgegevens van de kandidaat van deze verwijzing worden gewist.',
    description:
      'Alles over de kandidaat wordt verwijderd of geanonimiseerd; anonieme feiten (data, fasen, gemeente, doelgroep, contracturen, duurzaamheid, tellers) blijven voor de cijfers. Eén verantwoordingsstuk (Verwijderverzoek) zonder persoonsgegevens legt vast wie, wanneer en waarom. Opnieuw indienen geeft hetzelfde stuk terug; een onderbroken verwijdering gaat dan verder waar zij was. Kan pas als niets meer loopt: een open verwijzing of een lopende plaatsing geeft 409.',
    request: { params: VerwijzingIdParameters },
    responses: { 200: { description: 'De verwijdering is uitgevoerd (of was dat al).', schema: Verwijderverzoek } },
    errors: [400, 404, 409],
  }),
} as const;
