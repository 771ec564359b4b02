import { PaginaParameters } from '../schemas/gemeenschappelijk';
import { VerwijzingIdParameters } from '../schemas/verwijzingen';
import {
  KandidaatMatchPagina,
  Werkplek,
  WerkplekGebeurtenissenPagina,
  WerkplekIdParameters,
  WerkplekInvoer,
  WerkplekkenFilter,
  WerkplekkenPagina,
  WerkplekMatchPagina,
  WerkplekWijziging,
} from '../schemas/werkplekken';
import { KLEIN } from './limieten';
import { route } from './route';

/** Werkplekken: places members offer, and matching in both directions (people decide; nothing is placed here). */
export const werkplekkenRoutes = {
  werkplekAanbieden: route({
    operationId: 'werkplekAanbieden',
    method: 'POST',
    path: '/v1/werkplekken',
    handler: 'functions/api/werkplekken/werkplek-aanbieden.ts',
    roles: ['werkgever'],
    tag: 'Werkplekken',
    summary: 'Een actief lid biedt een werkplek aan.',
    description:
      'De werkplek hoort bij het lid van het token en krijgt de arbeidsmarktregio van zijn gemeente; die gemeente moet geregistreerd zijn (anders 422). Een lid dat niet actief is, kan geen werkplekken aanbieden (409).',
    request: { body: WerkplekInvoer, maxBodyBytes: KLEIN },
    responses: { 201: { description: 'De werkplek is aangeboden en staat open.', schema: Werkplek, headers: ['ETag', 'Location'] } },
    errors: [400, 409, 413, 415, 422],
  }),

  werkplekkenZoeken: route({
    operationId: 'werkplekkenZoeken',
    method: 'GET',
    path: '/v1/werkplekken',
    handler: 'functions/api/werkplekken/werkplekken-zoeken.ts',
    roles: ['coopAdmin', 'gemeente', 'werkgever'],
    tag: 'Werkplekken',
    summary: 'Werkplekken, gepagineerd, eventueel op status of lid. Een lid ziet alleen de eigen werkplekken.',
    request: { query: PaginaParameters.extend(WerkplekkenFilter.shape) },
    responses: { 200: { description: 'Een pagina werkplekken.', schema: WerkplekkenPagina } },
    errors: [400],
  }),

  werkplekOphalen: route({
    operationId: 'werkplekOphalen',
    method: 'GET',
    path: '/v1/werkplekken/{werkplekId}',
    handler: 'functions/api/werkplekken/werkplek-ophalen.ts',
    roles: ['coopAdmin', 'gemeente', 'werkgever'],
    tag: 'Werkplekken',
    summary: 'Eén werkplek.',
    request: { params: WerkplekIdParameters },
    responses: { 200: { description: 'De werkplek.', schema: Werkplek, headers: ['ETag'] } },
    errors: [400, 404],
  }),

  werkplekWijzigen: route({
    operationId: 'werkplekWijzigen',
    method: 'PATCH',
    path: '/v1/werkplekken/{werkplekId}',
    handler: 'functions/api/werkplekken/werkplek-wijzigen.ts',
    roles: ['coopAdmin', 'werkgever'],
    tag: 'Werkplekken',
    summary: 'Een werkplek wijzigen, sluiten of heropenen (JSON merge patch, met If-Match).',
    description:
      'Vervuld volgt uit de gestarte plaatsingen en is niet te zetten. Het aantal plaatsen kan niet onder het aantal bezette plaatsen (409); een volle werkplek kan niet open zonder meer plaatsen (409).',
    request: {
      params: WerkplekIdParameters,
      body: WerkplekWijziging,
      contentTypes: ['application/merge-patch+json', 'application/json'],
      maxBodyBytes: KLEIN,
      ifMatch: 'required',
    },
    responses: { 200: { description: 'De gewijzigde werkplek.', schema: Werkplek, headers: ['ETag'] } },
    errors: [400, 404, 409, 412, 413, 415, 428],
  }),

  werkplekGebeurtenissen: route({
    operationId: 'werkplekGebeurtenissen',
    method: 'GET',
    path: '/v1/werkplekken/{werkplekId}/gebeurtenissen',
    handler: 'functions/api/werkplekken/werkplek-gebeurtenissen.ts',
    roles: ['coopAdmin', 'werkgever'],
    tag: 'Werkplekken',
    summary: 'De geschiedenis van een werkplek: aanbieden, wijzigen, sluiten, heropenen en de bezetting door plaatsingen.',
    request: { params: WerkplekIdParameters, query: PaginaParameters },
    responses: { 200: { description: 'Een pagina gebeurtenissen, oudste eerst.', schema: WerkplekGebeurtenissenPagina } },
    errors: [400, 404],
  }),

  werkplekKandidaten: route({
    operationId: 'werkplekKandidaten',
    method: 'GET',
    path: '/v1/werkplekken/{werkplekId}/kandidaten',
    handler: 'functions/api/matching/werkplek-kandidaten.ts',
    roles: ['coopAdmin', 'werkgever'],
    tag: 'Matching',
    summary: 'Bemiddelbare kandidaten voor een open werkplek, best passend eerst, met de redenen van hun score.',
    description:
      'Voor het lid van de werkplek en coördinatoren, die zien wat het lid ziet: een anoniem profiel, en naam en contact alleen van kandidaten die toestemming gaven dit lid te ontmoeten. Hoogstens 50 suggesties. Een voorstel, geen plaatsing: mensen beslissen.',
    request: { params: WerkplekIdParameters, query: PaginaParameters },
    responses: { 200: { description: 'Een pagina kandidaten met hun matchscore.', schema: KandidaatMatchPagina } },
    errors: [400, 404, 409],
  }),

  verwijzingMatches: route({
    operationId: 'verwijzingMatches',
    method: 'GET',
    path: '/v1/verwijzingen/{verwijzingId}/matches',
    handler: 'functions/api/matching/verwijzing-matches.ts',
    roles: ['coopAdmin', 'gemeente'],
    tag: 'Matching',
    summary: 'Open werkplekken voor een bemiddelbare verwijzing, best passend eerst, met de redenen van hun score.',
    description:
      'Zoekt in de arbeidsmarktregio van de verwijzing, per werksoortvoorkeur. Alleen een bemiddelbare verwijzing wordt gematcht (anders 409). Hoogstens 50 suggesties. Een voorstel, geen plaatsing: mensen beslissen.',
    request: { params: VerwijzingIdParameters, query: PaginaParameters },
    responses: { 200: { description: 'Een pagina werkplekken met hun matchscore.', schema: WerkplekMatchPagina } },
    errors: [400, 404, 409],
  }),
} as const;
