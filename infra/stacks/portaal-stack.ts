import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import { HttpMethod, HttpRoute, HttpRouteKey, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { sleutels } from '../../shared/store/sleutels';
import type { PaginaDefinitie } from '../../shared/web/paginas';
import type { Deployment } from '../config/deployments';
import { pascal } from '../constructs/construct-ids';
import { WerkcoopFunction } from '../constructs/werkcoop-function';
import { acknowledgeHttpApiWithoutAuthorizer } from '../nag';
import { bouwStatischeBestanden, type StatischeBestanden } from '../web/statisch';
import { API_TIMEOUT } from './route-group-stack';

/** `functions/web/nazorglink.tsx` → `Nazorglink`: a page group's construct id, from its module's name. */
export const paginagroepId = (handler: string): string => pascal(handler.split('/').at(-1)!.replace(/\.tsx?$/, ''));

/** The page manifest's pages by their module: one function per module serves all of its pages. */
export const paginagroepen = (paginas: readonly PaginaDefinitie[]): ReadonlyMap<string, readonly PaginaDefinitie[]> => {
  const groepen = new Map<string, PaginaDefinitie[]>();
  for (const p of paginas) groepen.set(p.handler, [...(groepen.get(p.handler) ?? []), p]);
  return new Map([...groepen].sort(([a], [b]) => a.localeCompare(b)));
};

export interface PortaalStackProps extends NestedStackProps {
  readonly deployment: Deployment;
  readonly paginas: readonly PaginaDefinitie[];
  readonly api: HttpApi;
  readonly table: Table;
  readonly logKey: IKey;
  readonly environment: Readonly<Record<string, string>>;
  readonly pseudoniemSleutel: ISecret;
  /** For page modules with `machineClients` (a partner's approval): the pool and its token endpoint. */
  readonly userPool: IUserPool;
  readonly tokenUrl: string;
  /** The sign-in's client, issuer and login domain, and the portal's address (from the stateful stack). */
  readonly inlogOmgeving: Readonly<Record<string, string>> & { readonly PORTAAL_URL: string };
}

/** The stylesheet, built once per synth: every deployment's portal serves the same file. */
let gebouwd: StatischeBestanden | undefined;

/** The partition key prefix of sessions: every page for roles renews its session's idle end. */
const SESSIE_PREFIX = sleutels.sessie('').pk;

/**
 * The portal's pages behind the same HTTP API as the API, generated from the page manifest
 * (shared/web/paginas.ts) as the route group stacks are from the route manifest: per page module one
 * function, per page an API Gateway route to it. A nested stack of its own, so the pages grow apart from the
 * API's groups and deploy with them as one.
 *
 * Table access follows the pages: a module with a page that changes something may write; one that only
 * reads may still write its sessions' items (the idle end of a session, signing out) and nothing else;
 * every page function writes the processing log, as a page that shows personal data is a read of it.
 * The static function gets the built stylesheet beside its bundle, with the content hash in its name.
 */
export class PortaalStack extends NestedStack {
  readonly paginaFuncties: ReadonlyMap<string, WerkcoopFunction>;
  /** The stylesheet's href every page links (PORTAAL_STIJL). */
  readonly stijl: string;

  constructor(scope: Construct, id: string, props: PortaalStackProps) {
    super(scope, id, { ...props, description: `werkcoop ${props.deployment.name}: het portaal (pagina's)` });
    const statisch = (gebouwd ??= bouwStatischeBestanden(mkdtempSync(join(tmpdir(), 'werkcoop-statisch-'))));
    this.stijl = statisch.stijl;
    const functies = new Map<string, WerkcoopFunction>();
    for (const [handler, paginas] of paginagroepen(props.paginas)) {
      const groep = paginagroepId(handler);
      const isStatisch = paginas.some((p) => p.bijzonder === 'statisch');
      const fn = new WerkcoopFunction(this, `${groep}Paginas`, {
        entry: handler,
        deployment: props.deployment,
        description: `portaal: ${paginas.map((p) => `${p.method} ${p.path}`).join(', ')}`.slice(0, 256),
        timeout: API_TIMEOUT,
        environment: {
          ...props.environment,
          PORTAAL_STIJL: statisch.stijl,
          // Only the sign-in module learns the user pool's client and domain (PORTAAL_URL comes with `environment`).
          ...(paginas.some((p) => p.bijzonder === 'inloggen') ? props.inlogOmgeving : {}),
        },
        logKey: props.logKey,
        ...(isStatisch ? { bijlagen: { statisch: statisch.dir } } : {}),
      });
      if (paginas.some((p) => p.machineClients)) fn.bindMachineClients(props.userPool, props.tokenUrl);
      if (!isStatisch) {
        fn.bindTable(props.table, paginas.some((p) => p.schrijft) ? 'readWrite' : 'read').bindVerwerkingenlog(props.table, props.pseudoniemSleutel);
        if (paginas.some((p) => Array.isArray(p.toegang)) && !paginas.some((p) => p.schrijft))
          fn.addToRolePolicy(
            new PolicyStatement({
              actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
              resources: [props.table.tableArn],
              conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${SESSIE_PREFIX}*`] } },
            }),
          );
      }
      for (const p of paginas) {
        const route = new HttpRoute(this, `${pascal(p.id)}Route`, {
          httpApi: props.api,
          routeKey: HttpRouteKey.with(p.path, HttpMethod[p.method]),
          integration: new HttpLambdaIntegration(`${pascal(p.id)}Integration`, fn),
        });
        acknowledgeHttpApiWithoutAuthorizer(route);
      }
      functies.set(handler, fn);
    }
    this.paginaFuncties = functies;
  }
}
