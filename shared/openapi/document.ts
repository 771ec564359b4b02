import {
  extendZodWithOpenApi,
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type ResponseConfig,
  type RouteConfig,
} from '@asteasolutions/zod-to-openapi';
import { API_VERSION } from '../http/api-version';
import { allRoutes } from '../routes/manifest';
import type { FoutStatus, RouteDefinition } from '../routes/route';
import { Problem } from '../schemas/gemeenschappelijk';
import * as z from 'zod';

// The schemas carry their OpenAPI metadata as zod's own .meta(), so the functions that only validate
// bundle none of zod-to-openapi (nor, through the namespace import, zod's unused locales). The generator
// still calls .openapi() internally: only this module, and the function serving the document, extend zod.
extendZodWithOpenApi(z);

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

export interface OpenApiDocumentOptions {
  /** Base URL of the API including the major version, e.g. `http://localhost:3000/v1`. */
  readonly serverUrl?: string;
  /**
   * The local runtime's base URL (with the major version), listed after the server URL when the local
   * runtime serves the document: a client reading it there can call the API it came from.
   */
  readonly lokaleServerUrl?: string;
}

export const DEFAULT_SERVER_URL = 'https://api.werkcoop.nl/v1';

/**
 * The manifest's paths start with the major version; the document states it once, in the server URL
 * (ADR uri-version), so its paths are relative to that.
 */
const MAJOR = API_VERSION.split('.')[0];
const VERSIE_PREFIX = `/v${MAJOR}`;

const BESCHRIJVING = [
  'werkcoop is het systeem van een werkgeverscoöperatie in de coöperatieve aanpak: werkgevers, de gemeente',
  'als werkgever incluis, verenigen zich om duurzaam werk en participatieplekken te creëren voor mensen met een',
  'grote afstand tot de arbeidsmarkt. Via deze API sluiten werkgevers zich aan als lid en doen zij toezeggingen',
  'van plekken, verwijzen gemeenten kandidaten, worden kandidaten en werkplekken gematcht, lopen plaatsingen met',
  'hun instrumenten en ontwikkelplan, en wordt de nazorg na de start van een plaatsing gepland en vastgelegd,',
  'tot en met de duurzaamheid na 6 en 12 maanden. Er worden geen BSN\'s verwerkt; fouten worden gemeld als',
  'application/problem+json (RFC 9457).',
].join(' ');

const TAG_BESCHRIJVINGEN: Readonly<Record<string, string>> = {
  API: 'Over deze API zelf.',
  Leden: 'Werkgevers die lid zijn van de coöperatie, of dat willen worden, en hun toezeggingen.',
  Gemeenten: 'De gemeenten die kandidaten verwijzen, per arbeidsmarktregio, met hun instellingen voor nazorg en duurzaamheid.',
  Regiopartners: 'Partnerorganisaties in de regio, zoals jobcoachorganisaties, SW-bedrijven en werkgeversservicepunten.',
  Coördinatoren: 'De coördinatoren van de coöperatie, die elkaar uitnodigen, en de stand van hun account.',
  Verwijzingen: 'Kandidaten die een gemeente naar de coöperatie verwijst: functionele gegevens, toestemming, status. Nooit een BSN.',
  Werkplekken: 'Plekken die leden aanbieden; bezetting volgt uit de plaatsingen.',
  Matching: 'Voorstellen van werkplekken bij een kandidaat en van kandidaten bij een werkplek, met hun redenen. Mensen beslissen; er wordt niets automatisch geplaatst.',
  Plaatsingen: 'De plaatsing van een kandidaat bij een lid: fasen, instrumenten, ontwikkelplan en jobcoach.',
  Nazorg: 'Nazorgmomenten na de start van een plaatsing, de antwoorden van werkgever en jobcoach, risicosignalen, escalaties en duurzaamheid.',
  Uitkomsten:
    'Of plaatsingen duurzaam zijn: anonieme, onderdrukte cijfers per cohort en groep (CBS-cohortonderzoek, WIOA-behoud, Divosa-herinstroom, de banenafspraak), vraag en aanbod per regio, en de SRG-export van een gemeente.',
  Gebeurtenissen: 'Wat er veranderde, voor de systemen van gemeenten, leden en partners: dunne CloudEvents (NL GOV-profiel) zonder persoonsgegevens, één voor één of als feed.',
  Abonnementen: 'Webhooks: ondertekende afleveringen (Standard Webhooks) van gebeurtenissen aan de systemen van gemeenten, leden en partners, als CloudEvent of ZGW Notificaties-bericht.',
  Privacy: 'De AVG: het verwerkingenlogboek, inzage in en verwijdering van de gegevens van een kandidaat, en de bewaartermijn.',
};

const BEVEILIGING = 'bearerAuth';

const HEADER = { apiVersion: 'API-Version', etag: 'ETag', location: 'Location' } as const;
const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

/** One reusable problem+json response per error status; the names are what the status means. */
const FOUTEN: Readonly<Record<FoutStatus | 401 | 403 | 500, { readonly naam: string; readonly beschrijving: string }>> = {
  400: { naam: 'OngeldigVerzoek', beschrijving: 'Het verzoek is ongeldig; `invalidParams` noemt alle fouten tegelijk.' },
  401: { naam: 'NietGeauthenticeerd', beschrijving: 'Geen of geen geldig toegangstoken.' },
  403: { naam: 'GeenToegang', beschrijving: 'Het toegangstoken geeft geen recht op deze operatie.' },
  404: { naam: 'NietGevonden', beschrijving: 'De resource bestaat niet, of is voor deze aanroeper niet zichtbaar.' },
  409: { naam: 'Conflict', beschrijving: 'De operatie past niet bij de huidige toestand van de resource.' },
  412: { naam: 'VoorwaardeNietVervuld', beschrijving: 'De ETag in If-Match is niet (meer) de actuele versie.' },
  413: { naam: 'VerzoekTeGroot', beschrijving: 'De body van het verzoek is te groot.' },
  415: { naam: 'MediatypeNietOndersteund', beschrijving: 'Het Content-Type van het verzoek wordt niet ondersteund.' },
  422: { naam: 'NietVerwerkbaar', beschrijving: 'Het verzoek is goed gevormd maar kan niet worden verwerkt.' },
  428: { naam: 'VoorwaardeVereist', beschrijving: 'Deze operatie vereist een If-Match-header met de actuele ETag.' },
  429: { naam: 'TeVeelVerzoeken', beschrijving: 'Te veel verzoeken; probeer het later opnieuw.' },
  500: { naam: 'InterneFout', beschrijving: 'Er ging aan de kant van werkcoop iets mis.' },
};
type Foutcode = keyof typeof FOUTEN;

const registerComponents = (registry: OpenAPIRegistry): void => {
  registry.registerComponent('securitySchemes', BEVEILIGING, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Toegangstoken (JWT) van de werkcoop-identiteitsdienst, met de rol en de tenant van de aanroeper.',
  });
  registry.registerComponent('headers', HEADER.apiVersion, {
    description: 'De volledige versie (semver) van de API die het antwoord gaf.',
    required: true,
    schema: { type: 'string', example: API_VERSION },
  });
  registry.registerComponent('headers', HEADER.etag, {
    description: 'De versie van de resource; stuur hem terug in If-Match om een wijziging te beveiligen.',
    required: true,
    schema: { type: 'string', example: '"3"' },
  });
  registry.registerComponent('headers', HEADER.location, {
    description: 'Het adres van de aangemaakte resource.',
    required: true,
    schema: { type: 'string', format: 'uri-reference', example: '/v1/leden/01KAZ4B9D1T5V7W9X2Y4Z6A8C0' },
  });
  // Problem was created before zod was extended (above); a clone made now has .openapi() for register().
  registry.register('Problem', Problem.clone());
  for (const { naam, beschrijving } of Object.values(FOUTEN)) {
    registry.registerComponent('responses', naam, {
      description: beschrijving,
      headers: { [HEADER.apiVersion]: headerRef(HEADER.apiVersion) },
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
  }
};

/** The manifest types its request parts as any zod type; OpenAPI parameters need an object. */
const asObject = (schema: z.ZodType | undefined, what: string, route: RouteDefinition) => {
  if (schema === undefined) return undefined;
  if (schema instanceof z.ZodObject) return schema;
  throw new Error(`${route.operationId}: request.${what} moet een z.object zijn om als parameters te documenteren`);
};

const ifMatchHeaders = (route: RouteDefinition) => {
  const ifMatch = route.request?.ifMatch;
  if (ifMatch === undefined) return undefined;
  const header = z.string().meta({
    description:
      ifMatch === 'required'
        ? 'De ETag van de actuele versie; verplicht (zonder: 428, verouderd: 412).'
        : 'De ETag van de versie waarop de wijziging voortbouwt; een verouderde ETag geeft 412.',
    example: '"3"',
  });
  return z.object({ 'If-Match': ifMatch === 'required' ? header : header.optional() });
};

const responseFor = (route: RouteDefinition, status: string): ResponseConfig => {
  const definition = route.responses[Number(status)];
  if (definition === undefined) throw new Error(`${route.operationId}: geen response ${status}`);
  const headers: Record<string, { $ref: string }> = { [HEADER.apiVersion]: headerRef(HEADER.apiVersion) };
  for (const name of definition.headers ?? []) headers[name] = headerRef(name);
  return {
    description: definition.description,
    headers,
    ...(definition.schema
      ? {
          content: {
            'application/json': { schema: definition.schema },
            ...(definition.csv ? { 'text/csv': { schema: { type: 'string', description: 'Dezelfde cijfers als CSV (RFC 4180, komma, UTF-8), één regel per cijfer; vraag erom met Accept: text/csv.' } } } : {}),
          },
        }
      : {}),
  };
};

const foutcodes = (route: RouteDefinition): Foutcode[] => {
  const codes = new Set<Foutcode>(route.errors);
  if (route.roles !== 'public') {
    codes.add(401);
    codes.add(403);
  }
  codes.add(500);
  return [...codes].sort((a, b) => a - b);
};

const beschrijving = (route: RouteDefinition): string | undefined => {
  const toegang =
    route.roles === 'public' ? undefined : `Toegestaan voor de rollen: ${route.roles.map((r) => `\`${r}\``).join(', ')}.`;
  const delen = [route.description, toegang].filter((d): d is string => d !== undefined);
  return delen.length > 0 ? delen.join('\n\n') : undefined;
};

const documentPath = (route: RouteDefinition): string => {
  if (!route.path.startsWith(`${VERSIE_PREFIX}/`)) {
    throw new Error(`${route.operationId}: pad ${route.path} begint niet met ${VERSIE_PREFIX}/`);
  }
  return route.path.slice(VERSIE_PREFIX.length);
};

const routeConfig = (route: RouteDefinition): RouteConfig => {
  const request = route.request;
  const params = asObject(request?.params, 'params', route);
  const query = asObject(request?.query, 'query', route);
  const headers = ifMatchHeaders(route);
  const contentType = request?.contentTypes?.[0] ?? 'application/json';
  const description = beschrijving(route);

  const responses: RouteConfig['responses'] = {};
  for (const status of Object.keys(route.responses)) responses[status] = responseFor(route, status);
  for (const code of foutcodes(route)) responses[String(code)] = { $ref: `#/components/responses/${FOUTEN[code].naam}` };

  return {
    method: route.method.toLowerCase() as RouteConfig['method'],
    path: documentPath(route),
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(description ? { description } : {}),
    request: {
      ...(params ? { params } : {}),
      ...(query ? { query } : {}),
      ...(headers ? { headers } : {}),
      ...(request?.body
        ? { body: { required: true, content: { [contentType]: { schema: request.body } } } }
        : {}),
    },
    responses,
    security: route.roles === 'public' ? [] : [{ [BEVEILIGING]: [] }],
  };
};

/** The OpenAPI 3.1 document of the API, generated from the route manifest and its zod schemas. */
export const buildOpenApiDocument = (options: OpenApiDocumentOptions = {}): OpenApiDocument => {
  const registry = new OpenAPIRegistry();
  registerComponents(registry);
  for (const route of allRoutes) registry.registerPath(routeConfig(route));

  const tags = [...new Set(allRoutes.map((r) => r.tag))].map((name) => {
    const description = TAG_BESCHRIJVINGEN[name];
    return description ? { name, description } : { name };
  });

  return new OpenApiGeneratorV31(registry.definitions, { sortComponents: 'alphabetically' }).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'werkcoop API',
      version: API_VERSION,
      description: BESCHRIJVING,
      contact: { name: 'werkcoop API-beheer', email: 'api@werkcoop.nl', url: 'https://werkcoop.nl/api' },
    },
    servers: [
      { url: options.serverUrl ?? DEFAULT_SERVER_URL, description: `werkcoop API, versie ${MAJOR}` },
      ...(options.lokaleServerUrl ? [{ url: options.lokaleServerUrl, description: `De lokale runtime (npm start) die dit document serveert: dezelfde handlers, niet gedeployd; versie ${MAJOR}` }] : []),
    ],
    tags,
  });
};
