import { PaginaParameters } from '../schemas/gemeenschappelijk';
import { CloudEventGebeurtenis, GebeurtenisIdParameters, GebeurtenissenPagina } from '../schemas/gebeurtenissen';
import { route } from './route';

const ZICHTBAAR = ['coopAdmin', 'gemeente', 'werkgever', 'regiopartner'] as const;
const ZICHTBAARHEID =
  'Een gebeurtenis is zichtbaar voor wie haar object zag toen zij ontstond: de gemeente van de verwijzing, het lid en de toegewezen jobcoachorganisatie van een plaatsing, het lid zelf; escalaties en aanmeldingen alleen voor de coördinatoren, die alles zien. Voor ieder ander bestaat zij niet (404). Een gebeurtenis bevat geen persoonsgegevens: alleen ids, de URL van het object (`dataref`) en codes; de details haalt u op via `dataref`, met uw eigen toegang. Gebeurtenissen worden 30 dagen bewaard.';

/** The events for other systems (issue #14): one by id, and the pull feed for parties without a webhook receiver. */
export const gebeurtenissenRoutes = {
  gebeurtenissenZoeken: route({
    operationId: 'gebeurtenissenZoeken',
    method: 'GET',
    path: '/v1/gebeurtenissen',
    handler: 'functions/api/gebeurtenissen/gebeurtenissen-zoeken.ts',
    roles: ZICHTBAAR,
    tag: 'Gebeurtenissen',
    summary: 'De feed van gebeurtenissen die u mag zien, oudste eerst (voor wie geen webhooks kan ontvangen).',
    description: `${ZICHTBAARHEID} Lees de feed tot een lege pagina en bewaar de link volgendePagina van die pagina: wie later met die link terugkomt, krijgt precies de gebeurtenissen die sindsdien zijn ontstaan (een feed geeft altijd een vervolglink, ook op een lege pagina). Dezelfde gebeurtenissen als de webhooks van een abonnement, als CloudEvents (NL GOV-profiel).`,
    request: { query: PaginaParameters },
    responses: { 200: { description: 'Een pagina gebeurtenissen.', schema: GebeurtenissenPagina } },
    errors: [400],
  }),

  gebeurtenisOphalen: route({
    operationId: 'gebeurtenisOphalen',
    method: 'GET',
    path: '/v1/gebeurtenissen/{gebeurtenisId}',
    handler: 'functions/api/gebeurtenissen/gebeurtenis-ophalen.ts',
    roles: ZICHTBAAR,
    tag: 'Gebeurtenissen',
    summary: 'Eén gebeurtenis, met de id uit `webhook-id` of de feed.',
    description: ZICHTBAARHEID,
    request: { params: GebeurtenisIdParameters },
    responses: { 200: { description: 'De gebeurtenis, als CloudEvent.', schema: CloudEventGebeurtenis } },
    errors: [400, 404],
  }),
} as const;
