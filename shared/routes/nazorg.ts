import { PaginaParameters } from '../schemas/gemeenschappelijk';
import {
  Escalatie,
  EscalatieAfhandeling,
  EscalatieIdParameters,
  EscalatiesFilter,
  EscalatiesPagina,
  NazorgAntwoordInvoer,
  Nazorgmoment,
  NazorgmomentIdParameters,
  NazorgmomentInvoer,
  Nazorgmomenten,
  NazorgmomentWijziging,
} from '../schemas/nazorg';
import { PlaatsingIdParameters } from '../schemas/plaatsingen';
import { KLEIN } from './limieten';
import { route } from './route';

const ZICHTBAAR = ['coopAdmin', 'werkgever', 'gemeente', 'regiopartner'] as const;
const ZICHTBAARHEID =
  'Een nazorgmoment is zichtbaar voor precies wie zijn plaatsing ziet: het lid van de werkplek, de gemeente van de verwijzing, de toegewezen jobcoachorganisatie en de coördinatoren; voor ieder ander bestaat het niet (404).';

/** What the planning and the daily sweep agree on for a moment whose date had passed before it was planned (functions/jobs/nazorg-sweep.ts). */
const VERLOPEN_BIJ_PLANNEN =
  'Een moment waarvan de vervaldatum al voorbij is op de dag dat het gepland, toegevoegd of verplaatst wordt (zoals bij een plaatsing die pas na haar start wordt geregistreerd), wordt door de eerstvolgende dagelijkse nazorgronde verstuurd: één keer, hoe laat ook, en de reactietermijn telt vanaf die verzending.';

const ESCALATIE_ZICHTBAARHEID =
  'Escalaties zijn de werklijst van de coördinatoren en alleen voor hen; de gemeente van de verwijzing krijgt bij het ontstaan een bericht en ziet het risicosignaal bij de plaatsing.';

/** Nazorg: the follow-up moments of a started placement, their answers, the risk signal and the escalations. */
export const nazorgRoutes = {
  nazorgmomentenOphalen: route({
    operationId: 'nazorgmomentenOphalen',
    method: 'GET',
    path: '/v1/plaatsingen/{plaatsingId}/nazorgmomenten',
    handler: 'functions/api/nazorg/nazorgmomenten-ophalen.ts',
    roles: ZICHTBAAR,
    tag: 'Nazorg',
    summary: 'De nazorgmomenten van een plaatsing, op datum, met het risicosignaal van de plaatsing.',
    description: `${ZICHTBAARHEID} De momenten worden bij de start gepland uit de instellingen van de gemeente (cadans en duurzaamheidschecks) en de termijnen van de instrumenten en het contract; het einde van het contract komt 4 weken vooraf aan de beurt. Een termijn die zowel in de cadans (nazorgMomenten) als in de duurzaamheidschecks van de gemeente staat (standaard P6M en P12M), wordt één moment van soort duurzaamheidscheck, niet een regulier moment ernaast. ${VERLOPEN_BIJ_PLANNEN} Het einde van een proefplaatsing wordt gepland bij de proefplaatsing en vervalt bij de start. Een instrument dat een vorig van dezelfde soort vervangt, laat de geplande (nog niet verstuurde) momenten van het vorige vervallen en plant de eigen termijnen, in dezelfde transactie. Bij het einde van de plaatsing vervallen de open momenten en volgt 4 weken na de einddatum een exitcheck.`,
    request: { params: PlaatsingIdParameters },
    responses: { 200: { description: 'De nazorgmomenten, vroegste eerst.', schema: Nazorgmomenten } },
    errors: [400, 404],
  }),

  nazorgmomentToevoegen: route({
    operationId: 'nazorgmomentToevoegen',
    method: 'POST',
    path: '/v1/plaatsingen/{plaatsingId}/nazorgmomenten',
    handler: 'functions/api/nazorg/nazorgmoment-toevoegen.ts',
    roles: ['coopAdmin'],
    tag: 'Nazorg',
    summary: 'Een coördinator voegt een nazorgmoment toe aan één gestarte plaatsing.',
    description: `De vervaldatum ligt na de start van het contract (422); een tweede moment van dezelfde soort op dezelfde dag is 409, net als een plaatsing die niet (meer) gestart is. ${VERLOPEN_BIJ_PLANNEN}`,
    request: { params: PlaatsingIdParameters, body: NazorgmomentInvoer, maxBodyBytes: KLEIN },
    responses: { 201: { description: 'Het geplande nazorgmoment.', schema: Nazorgmoment, headers: ['ETag', 'Location'] } },
    errors: [400, 404, 409, 413, 415, 422],
  }),

  nazorgmomentOphalen: route({
    operationId: 'nazorgmomentOphalen',
    method: 'GET',
    path: '/v1/nazorgmomenten/{nazorgmomentId}',
    handler: 'functions/api/nazorg/nazorgmoment-ophalen.ts',
    roles: ZICHTBAAR,
    tag: 'Nazorg',
    summary: 'Eén nazorgmoment, met zijn antwoorden.',
    description: ZICHTBAARHEID,
    request: { params: NazorgmomentIdParameters },
    responses: { 200: { description: 'Het nazorgmoment.', schema: Nazorgmoment, headers: ['ETag'] } },
    errors: [400, 404],
  }),

  nazorgmomentVerplaatsen: route({
    operationId: 'nazorgmomentVerplaatsen',
    method: 'PATCH',
    path: '/v1/nazorgmomenten/{nazorgmomentId}',
    handler: 'functions/api/nazorg/nazorgmoment-verplaatsen.ts',
    roles: ['coopAdmin'],
    tag: 'Nazorg',
    summary: 'Een coördinator verplaatst een gepland nazorgmoment (JSON merge patch, met If-Match).',
    description: `Alleen een moment dat nog niet verstuurd is (anders 409); de nieuwe datum ligt na de start van het contract (422). ${VERLOPEN_BIJ_PLANNEN}`,
    request: {
      params: NazorgmomentIdParameters,
      body: NazorgmomentWijziging,
      contentTypes: ['application/merge-patch+json', 'application/json'],
      maxBodyBytes: KLEIN,
      ifMatch: 'required',
    },
    responses: { 200: { description: 'Het verplaatste nazorgmoment.', schema: Nazorgmoment, headers: ['ETag'] } },
    errors: [400, 404, 409, 412, 413, 415, 422, 428],
  }),

  nazorgmomentBeantwoorden: route({
    operationId: 'nazorgmomentBeantwoorden',
    method: 'POST',
    path: '/v1/nazorgmomenten/{nazorgmomentId}/antwoorden',
    handler: 'functions/api/nazorg/nazorgmoment-beantwoorden.ts',
    roles: ['werkgever', 'regiopartner'],
    tag: 'Nazorg',
    summary: 'De werkgever of de toegewezen jobcoachorganisatie beantwoordt een nazorgmoment.',
    description:
      'Kan zodra het moment verstuurd is, of gepland en aan de beurt; één antwoord sluit het moment (een tweede is 409). Het antwoord geeft de plaatsing een risicosignaal met de regels die het verhoogden; een hoog signaal maakt in dezelfde transactie een escalatie voor de coördinatoren en een bericht aan de gemeente. Een duurzaamheidscheck legt vast of de kandidaat nog aan het werk is (bij deze werkgever of elders). Geen medische gegevens: alleen categorieën.',
    request: { params: NazorgmomentIdParameters, body: NazorgAntwoordInvoer, maxBodyBytes: KLEIN },
    responses: { 200: { description: 'Het beantwoorde nazorgmoment.', schema: Nazorgmoment, headers: ['ETag'] } },
    errors: [400, 404, 409, 413, 415],
  }),

  escalatiesZoeken: route({
    operationId: 'escalatiesZoeken',
    method: 'GET',
    path: '/v1/escalaties',
    handler: 'functions/api/nazorg/escalaties-zoeken.ts',
    roles: ['coopAdmin'],
    tag: 'Nazorg',
    summary: 'De escalaties uit de nazorg, per status, oudste eerst.',
    description:
      'Een hoog risicosignaal of een nazorgmoment dat niet binnen de reactietermijn van de gemeente is beantwoord. `status=open` (standaard) is de werklijst van de coördinatoren; `status=afgehandeld` de afgehandelde, met wie, wanneer en hoe.',
    request: { query: PaginaParameters.extend(EscalatiesFilter.shape) },
    responses: { 200: { description: 'Een pagina escalaties.', schema: EscalatiesPagina } },
    errors: [400],
  }),

  escalatieOphalen: route({
    operationId: 'escalatieOphalen',
    method: 'GET',
    path: '/v1/escalaties/{escalatieId}',
    handler: 'functions/api/nazorg/escalatie-ophalen.ts',
    roles: ['coopAdmin'],
    tag: 'Nazorg',
    summary: 'Eén escalatie, met haar afhandeling zodra die er is.',
    description: ESCALATIE_ZICHTBAARHEID,
    request: { params: EscalatieIdParameters },
    responses: { 200: { description: 'De escalatie.', schema: Escalatie } },
    errors: [400, 404],
  }),

  escalatieAfhandelen: route({
    operationId: 'escalatieAfhandelen',
    method: 'POST',
    path: '/v1/escalaties/{escalatieId}/afhandelen',
    handler: 'functions/api/nazorg/escalatie-afhandelen.ts',
    roles: ['coopAdmin'],
    tag: 'Nazorg',
    summary: 'Een coördinator handelt een open escalatie af: wat er is gedaan en, zo bekend, de uitkomst.',
    description: `Eenmalig: de escalatie gaat van open naar afgehandeld, met wie en wanneer; een tweede afhandeling (ook een gelijktijdige) is 409. De toelichting bevat geen BSN (400) en geen medische gegevens. ${ESCALATIE_ZICHTBAARHEID}`,
    request: { params: EscalatieIdParameters, body: EscalatieAfhandeling, maxBodyBytes: KLEIN },
    responses: { 200: { description: 'De afgehandelde escalatie.', schema: Escalatie } },
    errors: [400, 404, 409, 413, 415],
  }),
} as const;
