import {
  LedenFilter,
  LedenPagina,
  Lid,
  LidAanvraag,
  LidGebeurtenissenPagina,
  LidIdParameters,
  LidWijziging,
  RedenOpgave,
  UittredingOpgave,
} from '../schemas/leden';
import { PaginaParameters } from '../schemas/gemeenschappelijk';
import * as z from 'zod';
import { KLEIN } from './limieten';
import { route, type RouteDefinition } from './route';

const lidOperatie = <B extends z.ZodType>(
  operationId: string,
  segment: string,
  summary: string,
  roles: RouteDefinition['roles'],
  body: B | undefined,
  handler: string,
) =>
  route({
    operationId,
    method: 'POST',
    path: `/v1/leden/{lidId}/${segment}`,
    handler,
    roles,
    tag: 'Leden',
    summary,
    request: { params: LidIdParameters, ...(body ? { body } : {}), maxBodyBytes: KLEIN, ifMatch: 'optional' },
    responses: { 200: { description: 'Het lid na de wijziging.', schema: Lid, headers: ['ETag'] } },
    errors: [400, 404, 409, 412, 413, 415],
  });

/** Leden: employers applying to, joining and leaving the cooperative. */
export const ledenRoutes = {
  lidAanvragen: route({
    operationId: 'lidAanvragen',
    method: 'POST',
    path: '/v1/leden',
    handler: 'functions/api/leden/lid-aanvragen.ts',
    roles: 'public',
    tag: 'Leden',
    summary: 'Een werkgever vraagt het lidmaatschap van de coöperatie aan.',
    description: 'Openbaar: een werkgever heeft nog geen toegang voordat een coördinator de aanvraag goedkeurt. Per clientadres geldt een limiet (429 met Retry-After).',
    request: { body: LidAanvraag, maxBodyBytes: KLEIN },
    responses: { 201: { description: 'De aanvraag is ontvangen.', schema: Lid, headers: ['ETag', 'Location'] } },
    errors: [400, 409, 413, 415, 429],
  }),

  ledenZoeken: route({
    operationId: 'ledenZoeken',
    method: 'GET',
    path: '/v1/leden',
    handler: 'functions/api/leden/leden-zoeken.ts',
    roles: ['coopAdmin', 'werkgever'],
    tag: 'Leden',
    summary: 'Leden, gepagineerd, eventueel op status. Een werkgever ziet alleen zichzelf.',
    request: { query: PaginaParameters.extend(LedenFilter.shape) },
    responses: { 200: { description: 'Een pagina leden.', schema: LedenPagina } },
    errors: [400],
  }),

  lidOphalen: route({
    operationId: 'lidOphalen',
    method: 'GET',
    path: '/v1/leden/{lidId}',
    handler: 'functions/api/leden/lid-ophalen.ts',
    roles: ['coopAdmin', 'werkgever'],
    tag: 'Leden',
    summary: 'Eén lid.',
    request: { params: LidIdParameters },
    responses: { 200: { description: 'Het lid.', schema: Lid, headers: ['ETag'] } },
    errors: [400, 404],
  }),

  lidWijzigen: route({
    operationId: 'lidWijzigen',
    method: 'PATCH',
    path: '/v1/leden/{lidId}',
    handler: 'functions/api/leden/lid-wijzigen.ts',
    roles: ['coopAdmin', 'werkgever'],
    tag: 'Leden',
    summary: 'Gegevens van een lid wijzigen (JSON merge patch, met If-Match).',
    request: {
      params: LidIdParameters,
      body: LidWijziging,
      contentTypes: ['application/merge-patch+json', 'application/json'],
      maxBodyBytes: KLEIN,
      ifMatch: 'required',
    },
    responses: { 200: { description: 'Het gewijzigde lid.', schema: Lid, headers: ['ETag'] } },
    errors: [400, 404, 409, 412, 413, 415, 428],
  }),

  lidGoedkeuren: lidOperatie('lidGoedkeuren', 'goedkeuring', 'Een aanvraag goedkeuren: het lid wordt actief.', ['coopAdmin'], undefined, 'functions/api/leden/lid-goedkeuren.ts'),
  lidAfwijzen: lidOperatie('lidAfwijzen', 'afwijzing', 'Een aanvraag afwijzen, met reden.', ['coopAdmin'], RedenOpgave, 'functions/api/leden/lid-afwijzen.ts'),
  lidSchorsen: lidOperatie('lidSchorsen', 'schorsing', 'Een actief lid schorsen, met reden.', ['coopAdmin'], RedenOpgave, 'functions/api/leden/lid-schorsen.ts'),
  schorsingOpheffen: lidOperatie('schorsingOpheffen', 'schorsing-opheffing', 'De schorsing van een lid opheffen.', ['coopAdmin'], undefined, 'functions/api/leden/schorsing-opheffen.ts'),
  lidUittreden: lidOperatie('lidUittreden', 'uittreding', 'Het lid treedt uit de coöperatie.', ['coopAdmin', 'werkgever'], UittredingOpgave, 'functions/api/leden/lid-uittreden.ts'),

  lidGebeurtenissen: route({
    operationId: 'lidGebeurtenissen',
    method: 'GET',
    path: '/v1/leden/{lidId}/gebeurtenissen',
    handler: 'functions/api/leden/lid-gebeurtenissen.ts',
    roles: ['coopAdmin', 'werkgever'],
    tag: 'Leden',
    summary: 'De geschiedenis van een lid: elke statuswijziging en wijziging, met wie, wanneer en waarom.',
    request: { params: LidIdParameters, query: PaginaParameters },
    responses: { 200: { description: 'Een pagina gebeurtenissen, oudste eerst.', schema: LidGebeurtenissenPagina } },
    errors: [400, 404],
  }),
} as const;
