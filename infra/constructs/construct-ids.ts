import type { RouteDefinition } from '../../shared/routes/route';

/** `outbox-doorsturen` → `OutboxDoorsturen`: definition names as construct ids. */
export const pascal = (name: string): string =>
  name.replace(/(^|[^A-Za-z0-9])([A-Za-z0-9])/g, (_m, _sep: string, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');

/** `GET /v1/leden/{lidId}` → `GetV1LedenLidId`: one stable construct id per route. */
export const routeId = (r: Pick<RouteDefinition, 'method' | 'path'>): string => pascal(`${r.method.toLowerCase()} ${r.path}`);
