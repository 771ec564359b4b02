import { Aansluiting, AansluitingFilter, GemeenteSrgParameters, SrgExport, UitkomstenFilter, Uitkomstenrapport } from '../schemas/uitkomsten';
import { route } from './route';

/** The outcome figures (issue 12): the report and a gemeente's SRG export. */
export const uitkomstenRoutes = {
  uitkomstenOphalen: route({
    operationId: 'uitkomstenOphalen',
    method: 'GET',
    path: '/v1/uitkomsten',
    handler: 'functions/api/uitkomsten/uitkomsten-ophalen.ts',
    roles: ['coopAdmin', 'gemeente', 'werkgever', 'regiopartner'],
    tag: 'Uitkomsten',
    summary: 'Of plaatsingen duurzaam zijn: in werk op T+6 en T+12, behoud, behoudcurves, terugval, nazorg, banenafspraak, vraag en aanbod.',
    description:
      'Een gemeente ziet de cijfers van haar eigen verwijzingen, een lid die van zijn eigen plaatsingen en toezeggingen, een regiopartner die van zijn arbeidsmarktregio\'s (met meer dan één: noem er een), een coördinator elke gemeente, regio, lid of het land (zonder gemeente, regio of lid). Een scope die de beller niet mag zien: 404. Alles anoniem en onderdrukt (zie Aantal, Aandeel, Curvepunt); elke lezing staat in het verwerkingenlogboek. Met Accept: text/csv dezelfde cijfers als CSV. De cijfers volgen de wijzigingen via de stream van de tabel: een wijziging staat er een ogenblik later in. Bronnen van de definities: CBS (cohortonderzoek uitstroom uit de bijstand), WIOA (retention), Divosa (herinstroom), de Wet banenafspraak (25,5 uur = 1 baan).',
    request: { query: UitkomstenFilter },
    responses: { 200: { description: 'Het rapport.', schema: Uitkomstenrapport, csv: true } },
    errors: [400, 404],
    // The nation's 100,000 records parsed and reduced: the bench's runtime held ~185 MB of heap at that size.
    memoryMb: 512,
  }),

  aansluitingOphalen: route({
    operationId: 'aansluitingOphalen',
    method: 'GET',
    path: '/v1/uitkomsten/aansluiting',
    handler: 'functions/api/uitkomsten/aansluiting-ophalen.ts',
    roles: ['coopAdmin', 'gemeente', 'regiopartner'],
    tag: 'Uitkomsten',
    summary: 'Vraag en aanbod per arbeidsmarktregio en werksoort: wachtende kandidaten tegen open plaatsen, beschut werk apart.',
    description:
      'Hetzelfde als aansluiting in GET /v1/uitkomsten, zonder de uitkomsten te lezen: één Query per regio. Een gemeente ziet haar eigen regio, een regiopartner de zijne, een coördinator elke (een andere: 404). Met Accept: text/csv als CSV.',
    request: { query: AansluitingFilter },
    responses: { 200: { description: 'Vraag en aanbod.', schema: Aansluiting, csv: true } },
    errors: [400, 404],
    memoryMb: 512,
  }),

  srgExportOphalen: route({
    operationId: 'srgExportOphalen',
    method: 'GET',
    path: '/v1/gemeenten/{gemeenteCode}/srg-export',
    handler: 'functions/api/uitkomsten/srg-export-ophalen.ts',
    roles: ['coopAdmin', 'gemeente'],
    tag: 'Uitkomsten',
    summary: 'De plaatsingen en instrumenten van de verwijzingen van een gemeente als SRG-re-integratievoorzieningen, op haar dossierkenmerk.',
    description:
      'Voor de eigen SRG-levering van de gemeente aan CBS: type voorziening (03 participatieplaats, 04 loonkostensubsidie, 05 beschut werk, 06 begeleiding/jobcoach), begin- en einddatum, reden einde; de gebruikte codelijst en waar de vertaling een keuze is staan in het antwoord. Nooit een BSN: het dossierkenmerk van de gemeente. Een gemeente ziet alleen de eigen (een andere: 404). Met Accept: text/csv als CSV. Elke opvraging staat per verwijzing in het verwerkingenlogboek.',
    request: { params: GemeenteSrgParameters },
    responses: { 200: { description: 'De voorzieningen.', schema: SrgExport, csv: true } },
    errors: [400, 404],
    // One function with the report (tag × access): the report's memory.
    memoryMb: 512,
  }),
} as const;
