import { Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { allRoutes } from '../../shared/routes/manifest';
import type { RouteDefinition } from '../../shared/routes/route';
import { createApp } from '../../infra/app';
import { deployments, type Deployment } from '../../infra/config/deployments';
import { routeGroups } from '../../infra/stacks/route-group-stack';
import { RESOURCE_BUDGET, resourceCounts } from './checks';

/** No bundling: these tests are about the stacks' shape; test/infra/stacks.test.ts checks the bundles. */
const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

/** A deployment more, as an operator would add it to infra/config/deployments.ts (README, "Adding a deployment"). */
const noordOost: Deployment = {
  name: 'noord-oost',
  stage: 'productie',
  region: 'eu-west-1',
  arbeidsmarktregios: ['Groningen', 'Friesland', 'Drenthe'],
  apiUrl: 'https://api.noord-oost.werkcoop.nl/v1',
  corsAllowedOrigins: ['https://portaal.noord-oost.werkcoop.nl'],
  oauthCallbackUrls: ['https://portaal.noord-oost.werkcoop.nl/portaal/inloggen/terug'],
  oauthLogoutUrls: ['https://portaal.noord-oost.werkcoop.nl/portaal'],
  mailAfzender: 'noreply@noord-oost.werkcoop.nl',
  logRetention: RetentionDays.ONE_YEAR,
  alarmEmail: 'beheer@werkcoop.nl',
  apiThrottle: { rateLimit: 200, burstLimit: 400 },
};

describe('a third deployment, in another region for other arbeidsmarktregio\'s', () => {
  it('synthesises from config alone: its own stacks in its region, nested route groups, cdk-nag clean, within budget', () => {
    // Arrange: the configured deployments plus one, handed to the app as the config file would.
    const { app, deployments: built } = createApp({ context: NO_BUNDLING }, { deployments: [...deployments, noordOost] });

    // Act: synth runs cdk-nag as a validation plugin and throws on any finding.
    const assembly = app.synth();

    // Assert
    expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual(
      [...deployments, noordOost].flatMap((d) => [`werkcoop-${d.name}-stateful`, `werkcoop-${d.name}-stateless`]).sort(),
    );
    for (const part of ['stateful', 'stateless']) {
      expect(assembly.getStackByName(`werkcoop-noord-oost-${part}`).environment.region).toBe('eu-west-1');
    }
    const stacks = built.get('noord-oost')!;
    expect([...stacks.stateless.routeGroups.keys()]).toEqual([...routeGroups(allRoutes).keys()]);
    expect(new AwsSolutionsChecks().validateScope(app).violations).toEqual([]);
    expect(resourceCounts(assembly.directory).filter((c) => c.resources >= RESOURCE_BUDGET)).toEqual([]);

    // Its names, its regio's and its region reach the resources and the functions.
    const stateful = Template.fromStack(stacks.stateful);
    stateful.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'werkcoop-noord-oost-notificaties' });
    stateful.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'werkcoop-noord-oost' });
    const someRoute = allRoutes[0]!;
    const fn = Template.fromStack(stacks.stateless.routeGroups.get(someRoute.tag)!).findResources('AWS::Lambda::Function');
    for (const f of Object.values(fn)) {
      expect(f.Properties.Environment.Variables.WERKCOOP_ARBEIDSMARKTREGIOS).toBe(JSON.stringify(['Groningen', 'Friesland', 'Drenthe']));
      expect(JSON.stringify(f.Properties.Environment.Variables.JWT_ISSUER)).toContain('https://cognito-idp.eu-west-1.amazonaws.com/');
    }
  }, 180_000);

  it('is picked alone with `-c deployment=noord-oost`', () => {
    const { app } = createApp({ context: { ...NO_BUNDLING, deployment: 'noord-oost' } }, { deployments: [...deployments, noordOost] });
    expect(app.node.children.map((c) => c.node.id).sort()).toEqual(['werkcoop-noord-oost-stateful', 'werkcoop-noord-oost-stateless']);
  });
});

describe('room for the API to grow', () => {
  it('keeps every stack under budget with three times today\'s routes, each route with its function, route and integration', () => {
    // Arrange: every manifest route three times (copies under /v1/kopie1/… and /v1/kopie2/…, same tag and handler).
    const copies = (n: number): RouteDefinition[] =>
      allRoutes.map((r) => ({ ...r, operationId: `${r.operationId}Kopie${n}`, path: r.path.replace(/^\/v1\//, `/v1/kopie${n}/`) }));
    const routes = [...allRoutes, ...copies(1), ...copies(2)];
    const { app, deployments: built } = createApp({ context: { ...NO_BUNDLING, deployment: 'test' } }, { routes });

    // Act
    const assembly = app.synth();

    // Assert
    const counts = resourceCounts(assembly.directory);
    console.info(`with ${routes.length} routes:\n${counts.map((c) => `  ${String(c.resources).padStart(4)}  ${c.file}`).join('\n')}`);
    expect(counts.filter((c) => c.resources >= RESOURCE_BUDGET)).toEqual([]);
    const stateless = built.get('test')!.stateless;
    expect(stateless.routeFunctions.size).toBe(routes.length);
    const routeKeys = [...stateless.routeGroups.values()].flatMap((g) =>
      Object.values(Template.fromStack(g).findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey as string),
    );
    expect(routeKeys.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  }, 180_000);
});
