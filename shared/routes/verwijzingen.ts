import { PaginaParameters } from '../schemas/gemeenschappelijk';
import {
  RedenVerplicht,
  ToestemmingOpgave,
  ToestemmingParameters,
  Verwijzing,
  VerwijzingenFilter,
  VerwijzingenPagina,
  VerwijzingGebeurtenissenPagina,
  VerwijzingIdParameters,
  VerwijzingInvoer,
  VerwijzingWijziging,
} from '../schemas/verwijzingen';
import * as z from 'zod';
import { KLEIN } from './limieten';
import { route, type RouteDefinition } from './route';

const operatie = <B extends z.ZodType>(
  operationId: string,
  segment: string,
  summary: string,
  description: string,
  roles: RouteDefinition['roles'],
  body: B | undefined,
  handler: string,
) =>
  route({
    operationId,
    method: 'POST',
    path: `/v1/verwijzingen/{verwijzingId}/${segment}`,
    handler,
    roles,
    tag: 'Verwijzingen',
    summary,
    description,
    request: { params: VerwijzingIdParameters, ...(body ? { body } : {}), maxBodyBytes: KLEIN, ifMatch: 'optional' },
    responses: { 200: { description: 'De verwijzing na de wijziging.', schema: Verwijzing, headers: ['ETag'] } },
    errors: [400, 404, 409, 412, 413, 415],
  });

/** Verwijzingen: candidates referred by a gemeente, and their anonymous profiles for employers. */
export const verwijzingenRoutes = {
  verwijzingIndienen: route({
    operationId: 'verwijzingIndienen',
    method: 'POST',
    path: '/v1/verwijzingen',
    handler: 'functions/api/verwijzingen/verwijzing-indienen.ts',
    roles: ['gemeente'],
    tag: 'Verwijzingen',
    summary: 'Een gemeente verwijst een kandidaat naar de coöperatie.',
    description:
      'De verwijzing is van de gemeente van de aanroeper en krijgt de arbeidsmarktregio van die gemeente; is zij nog niet geregistreerd, dan volgt 422. Een coördinator verwijst niet namens een gemeente. Alleen functionele gegevens: een BSN (ook verstopt in het dossierkenmerk of de naam) en onbekende velden, zoals een diagnose of vrije medische tekst, worden geweigerd (400).',
    request: { body: VerwijzingInvoer, maxBodyBytes: KLEIN },
    responses: { 201: { description: 'De verwijzing is ingediend.', schema: Verwijzing, headers: ['ETag', 'Location'] } },
    errors: [400, 413, 415, 422],
  }),

  verwijzingenZoeken: route({
    operationId: 'verwijzingenZoeken',
    method: 'GET',
    path: '/v1/verwijzingen',
    handler: 'functions/api/verwijzingen/verwijzingen-zoeken.ts',
    roles: ['coopAdmin', 'gemeente'],
    tag: 'Verwijzingen',
    summary: 'Verwijzingen, gepagineerd, eventueel op status en gemeente. Een gemeente ziet alleen de eigen.',
    request: { query: PaginaParameters.extend(VerwijzingenFilter.shape) },
    responses: { 200: { description: 'Een pagina verwijzingen.', schema: VerwijzingenPagina } },
    errors: [400],
  }),

  verwijzingOphalen: route({
    operationId: 'verwijzingOphalen',
    method: 'GET',
    path: '/v1/verwijzingen/{verwijzingId}',
    handler: 'functions/api/verwijzingen/verwijzing-ophalen.ts',
    roles: ['coopAdmin', 'gemeente'],
    tag: 'Verwijzingen',
    summary: 'Eén verwijzing.',
    description: 'Een werkgever ziet een kandidaat alleen via matching, als anoniem profiel.',
    request: { params: VerwijzingIdParameters },
    responses: { 200: { description: 'De verwijzing.', schema: Verwijzing, headers: ['ETag'] } },
    errors: [400, 404],
  }),

  verwijzingWijzigen: route({
    operationId: 'verwijzingWijzigen',
    method: 'PATCH',
    path: '/v1/verwijzingen/{verwijzingId}',
    handler: 'functions/api/verwijzingen/verwijzing-wijzigen.ts',
    roles: ['gemeente'],
    tag: 'Verwijzingen',
    summary: 'Gegevens van een eigen verwijzing wijzigen (JSON merge patch, met If-Match).',
    description:
      'Niet het dossierkenmerk (wie het is) en niet de doelgroep (de grondslag): daarvoor trekt de gemeente de verwijzing in en verwijst opnieuw. Een afgesloten verwijzing (teruggemeld, ingetrokken) verandert niet meer, behalve dat de toestemming om het profiel te delen altijd kan worden ingetrokken.',
    request: {
      params: VerwijzingIdParameters,
      body: VerwijzingWijziging,
      contentTypes: ['application/merge-patch+json', 'application/json'],
      maxBodyBytes: KLEIN,
      ifMatch: 'required',
    },
    responses: { 200: { description: 'De gewijzigde verwijzing.', schema: Verwijzing, headers: ['ETag'] } },
    errors: [400, 404, 409, 412, 413, 415, 428],
  }),

  verwijzingIntakeStarten: operatie(
    'verwijzingIntakeStarten',
    'intake',
    'De coöperatie neemt de kandidaat in intake.',
    'Van ingediend naar inIntake.',
    ['coopAdmin'],
    undefined,
    'functions/api/verwijzingen/verwijzing-intake-starten.ts',
  ),
  verwijzingBemiddelbaarVerklaren: operatie(
    'verwijzingBemiddelbaarVerklaren',
    'bemiddelbaarverklaring',
    'Na de intake: de kandidaat is bemiddelbaar.',
    'Van inIntake naar bemiddelbaar. Met toestemming om het profiel te delen komt de kandidaat dan anoniem in de matching.',
    ['coopAdmin'],
    undefined,
    'functions/api/verwijzingen/verwijzing-bemiddelbaar-verklaren.ts',
  ),
  verwijzingTerugmelden: operatie(
    'verwijzingTerugmelden',
    'terugmelding',
    'De coöperatie meldt de kandidaat terug aan de gemeente, met reden.',
    'Vanuit ingediend, inIntake of bemiddelbaar. Een geplaatste kandidaat gaat alleen terug doordat zijn plaatsing eindigt met reden terugNaarGemeente; een plaatsing die nog niet gestart is, kan na een terugmelding niet meer starten.',
    ['coopAdmin'],
    RedenVerplicht,
    'functions/api/verwijzingen/verwijzing-terugmelden.ts',
  ),
  verwijzingIntrekken: operatie(
    'verwijzingIntrekken',
    'intrekking',
    'De gemeente trekt haar verwijzing in, met reden.',
    'Vanuit ingediend, inIntake of bemiddelbaar; niet meer als de kandidaat geplaatst is.',
    ['gemeente'],
    RedenVerplicht,
    'functions/api/verwijzingen/verwijzing-intrekken.ts',
  ),

  toestemmingGeven: route({
    operationId: 'toestemmingGeven',
    method: 'POST',
    path: '/v1/verwijzingen/{verwijzingId}/toestemmingen',
    handler: 'functions/api/verwijzingen/toestemming-geven.ts',
    roles: ['coopAdmin', 'gemeente'],
    tag: 'Verwijzingen',
    summary: 'De kandidaat stemt in met kennismaken met een lid: dat lid ziet dan naam en contactgegevens.',
    description:
      'Het lid moet een actief lid zijn (anders 422). Nogmaals dezelfde toestemming verandert niets. Niet meer bij een afgesloten verwijzing.',
    request: { params: VerwijzingIdParameters, body: ToestemmingOpgave, maxBodyBytes: KLEIN, ifMatch: 'optional' },
    responses: { 200: { description: 'De verwijzing met de toestemming.', schema: Verwijzing, headers: ['ETag'] } },
    errors: [400, 404, 409, 412, 413, 415, 422],
  }),

  toestemmingIntrekken: route({
    operationId: 'toestemmingIntrekken',
    method: 'DELETE',
    path: '/v1/verwijzingen/{verwijzingId}/toestemmingen/{lidId}',
    handler: 'functions/api/verwijzingen/toestemming-intrekken.ts',
    roles: ['coopAdmin', 'gemeente'],
    tag: 'Verwijzingen',
    summary: 'De kandidaat trekt de toestemming om met een lid kennis te maken in.',
    description: 'Altijd mogelijk, ook bij een afgesloten verwijzing; wie geen toestemming had, krijgt ook 204.',
    request: { params: ToestemmingParameters, ifMatch: 'optional' },
    responses: { 204: { description: 'De toestemming is er niet (meer).' } },
    errors: [400, 404, 412],
  }),

  verwijzingGebeurtenissen: route({
    operationId: 'verwijzingGebeurtenissen',
    method: 'GET',
    path: '/v1/verwijzingen/{verwijzingId}/gebeurtenissen',
    handler: 'functions/api/verwijzingen/verwijzing-gebeurtenissen.ts',
    roles: ['coopAdmin', 'gemeente'],
    tag: 'Verwijzingen',
    summary: 'De geschiedenis van een verwijzing: elke overgang en wijziging, met wie, wanneer en waarom.',
    request: { params: VerwijzingIdParameters, query: PaginaParameters },
    responses: { 200: { description: 'Een pagina gebeurtenissen, oudste eerst.', schema: VerwijzingGebeurtenissenPagina } },
    errors: [400, 404],
  }),
} as const;
