import type { Context } from 'aws-lambda';
import type { HttpEvent, HttpResponse } from './pipeline';

type RouteHandler = (event: HttpEvent, context: Context) => Promise<HttpResponse>;

/**
 * The handler of one function that serves several routes (infra/stacks/route-group-stack.ts): API Gateway
 * names the matched route in the event's routeKey, and the request goes to that route's own handler — the
 * very handler the local runtime invokes per route, so both run the same code. A route key the function
 * does not serve is a deployment mistake, not a client's: it fails loudly.
 */
export const routeGroepHandler =
  (handlers: Readonly<Record<string, RouteHandler>>): RouteHandler =>
  async (event, context) => {
    const handler = handlers[event.routeKey];
    if (!handler) throw new Error(`werkcoop: deze functie bedient ${event.routeKey} niet (wel: ${Object.keys(handlers).join(', ')}).`);
    return handler(event, context);
  };
