import { Duration, NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import { HttpMethod, HttpRoute, HttpRouteKey, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { RouteDefinition } from '../../shared/routes/route';
import type { Deployment } from '../config/deployments';
import { pascal, routeId } from '../constructs/construct-ids';
import { routeGroupEntry } from '../constructs/route-group-entry';
import { WerkcoopFunction } from '../constructs/werkcoop-function';
import { acknowledgeHttpApiWithoutAuthorizer } from '../nag';

/** Below API Gateway's 30 s integration limit, so a slow handler ends as our 500, not the gateway's 503. */
export const API_TIMEOUT = Duration.seconds(10);

/**
 * The manifest's routes by resource group (the route's `tag`, the same grouping as the OpenAPI document),
 * in a fixed order. Each group becomes one RouteGroupStack; a new route lands in its group's stack.
 */
export const routeGroups = (routes: readonly RouteDefinition[]): ReadonlyMap<string, readonly RouteDefinition[]> => {
  const groups = new Map<string, RouteDefinition[]>();
  for (const route of routes) groups.set(route.tag, [...(groups.get(route.tag) ?? []), route]);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
};

/** What a route's function may do: read the table, write it, or also manage machine clients. */
export type RouteAccess = 'Lezen' | 'Schrijven' | 'MachineClients';
export const routeAccess = (route: RouteDefinition): RouteAccess => (route.machineClients ? 'MachineClients' : route.method === 'GET' ? 'Lezen' : 'Schrijven');

/**
 * The functions of one group's routes: one per kind of access (`routeAccess`), so a group has at most three.
 * Why not one per route: a cooperative's API is quiet, and a route of its own meets a cold container on most
 * of its calls; the benchmark's simulated days (README, Benchmark, section 7) put a quarter of a 1,000-a-day
 * API's requests on a cold start with ~20 functions against three quarters with one per route, at a bundle
 * and init barely above a single route's (the bundle holds the group's one route file anyway). Why not one
 * per group: its IAM policy would be the union of its routes', giving every GET of the group write access
 * to the table and the public sign-up the right to create Cognito app clients; split by access, every
 * function keeps exactly the rights its routes need.
 */
export const functionGroups = (routes: readonly RouteDefinition[]): ReadonlyMap<string, readonly RouteDefinition[]> => {
  const groups = new Map<string, RouteDefinition[]>();
  for (const route of routes) groups.set(functionGroupOf(route), [...(groups.get(functionGroupOf(route)) ?? []), route]);
  return groups;
};

/** `LedenLezen`: the function group of a route, and the construct id of its function. */
export const functionGroupOf = (route: RouteDefinition): string => `${pascal(route.tag)}${routeAccess(route)}`;

/** `Plaatsingen` → `PlaatsingenRoutes`: the nested stack's construct id, and so its logical id in the parent. */
export const routeGroupId = (tag: string): string => `${pascal(tag)}Routes`;

export interface RouteGroupStackProps extends NestedStackProps {
  readonly deployment: Deployment;
  readonly tag: string;
  readonly routes: readonly RouteDefinition[];
  /** The parent's HTTP API: its routes and integrations are created here, against its id (a parameter). */
  readonly api: HttpApi;
  readonly table: Table;
  readonly logKey: IKey;
  /** Token verification and CORS settings, the same for every API function. */
  readonly environment: Readonly<Record<string, string>>;
  /** For routes with `machineClients`: the pool their app clients are created in, and its token endpoint. */
  readonly userPool: IUserPool;
  readonly tokenUrl: string;
  /** Every API function writes the processing log of its request (shared/http/pipeline.ts). */
  readonly pseudoniemSleutel: ISecret;
}

/**
 * One resource group's API: a function per kind of access (`functionGroups`, with its role, policy and log
 * group), and per route its API Gateway route and Lambda integration and the permission for API Gateway to
 * invoke the function, 3 resources a route and about 4 a function.
 *
 * Why nested stacks and not top-level stacks per group: they deploy and roll back as one with the parent
 * (the API, its stage and every route change together, as before the split), `cdk deploy` of a deployment
 * stays two stacks, and the parent's API reaches a group as one stack parameter (its id) instead of an
 * export per group stack that would pin the API. References to the stateful stack stay imports of its
 * exports, strong as before. cdk-nag walks the construct tree, so it checks these resources as it checks
 * the parent's (test/infra/stacks.test.ts shows both).
 *
 * Why routes and integrations live here and not in the parent: the parent then holds a fixed number of
 * resources whatever the route count, and a group's stack grows by 3 per route and ~4 per function (the
 * test holds it to at most 7 a route and three times today's routes within the budget of 400; it names the
 * group that outgrows it, to be split by tag).
 *
 * A route's group is its home: changing a route's `tag` moves it to another nested stack, and
 * CloudFormation creates the new route before it deletes the old one, which API Gateway refuses for the
 * same route key. Move a route in two deployments (remove, then add under the new tag).
 */
export class RouteGroupStack extends NestedStack {
  readonly routeFunctions: ReadonlyMap<RouteDefinition, WerkcoopFunction>;

  constructor(scope: Construct, id: string, props: RouteGroupStackProps) {
    super(scope, id, { ...props, description: `werkcoop ${props.deployment.name}: API routes of ${props.tag}` });
    const { deployment, api, table } = props;
    const routeFunctions = new Map<RouteDefinition, WerkcoopFunction>();
    // No authorizer on any route (nor a default one): the JWT authorizer's 401 is not problem+json, which
    // the NL API Design Rules require for every error. Each function verifies the bearer token itself
    // with the authorizer's checks (shared/auth/token.ts) against the user pool's JWKS.
    for (const [name, routes] of functionGroups(props.routes)) {
      const access = routeAccess(routes[0]!);
      const memories = routes.flatMap((r) => (r.memoryMb ? [r.memoryMb] : []));
      const fn = new WerkcoopFunction(this, name, {
        entry: routeGroupEntry(name, routes),
        deployment,
        description: `${props.tag} (${access.toLowerCase()}): ${routes.length} route${routes.length === 1 ? '' : 's'}`,
        timeout: API_TIMEOUT,
        memorySize: memories.length ? Math.max(...memories) : undefined,
        environment: props.environment,
        logKey: props.logKey,
      })
        .bindTable(table, access === 'Lezen' ? 'read' : 'readWrite')
        .bindVerwerkingenlog(table, props.pseudoniemSleutel);
      if (access === 'MachineClients') fn.bindMachineClients(props.userPool, props.tokenUrl);
      for (const route of routes) {
        const id = routeId(route);
        const httpRoute = new HttpRoute(this, `${id}Route`, {
          httpApi: api,
          routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
          integration: new HttpLambdaIntegration(`${id}Integration`, fn),
        });
        acknowledgeHttpApiWithoutAuthorizer(httpRoute);
        routeFunctions.set(route, fn);
      }
    }
    this.routeFunctions = routeFunctions;
  }
}
