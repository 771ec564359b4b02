import { abonnementenRoutes } from './abonnementen';
import { algemeenRoutes } from './algemeen';
import { coordinatorenRoutes } from './coordinatoren';
import { gebeurtenissenRoutes } from './gebeurtenissen';
import { gemeentenRoutes } from './gemeenten';
import { ledenRoutes } from './leden';
import { nazorgRoutes } from './nazorg';
import { plaatsingenRoutes } from './plaatsingen';
import { privacyRoutes } from './privacy';
import { uitkomstenRoutes } from './uitkomsten';
import { regiopartnersRoutes } from './regiopartners';
import { verwijzingenRoutes } from './verwijzingen';
import { werkplekkenRoutes } from './werkplekken';
import type { RouteDefinition } from './route';

/**
 * The route manifest: every operation of the API, one file per resource, composed here. The CDK stack,
 * the local runtime, the OpenAPI generator and the security tests all read `routes` / `allRoutes`.
 */
export const routes = {
  ...algemeenRoutes,
  ...ledenRoutes,
  ...gemeentenRoutes,
  ...regiopartnersRoutes,
  ...coordinatorenRoutes,
  ...verwijzingenRoutes,
  ...werkplekkenRoutes,
  ...plaatsingenRoutes,
  ...nazorgRoutes,
  ...privacyRoutes,
  ...uitkomstenRoutes,
  ...gebeurtenissenRoutes,
  ...abonnementenRoutes,
} as const;

export type RouteId = keyof typeof routes;
export const allRoutes: readonly RouteDefinition[] = Object.values(routes) as readonly RouteDefinition[];

/**
 * API Gateway's own answer for an unmatched route is not problem+json, so the $default route goes to
 * this handler, which answers 404 (or 405 with Allow when the path exists under another method).
 */
export const defaultRouteHandler = 'functions/api/niet-gevonden.ts';
