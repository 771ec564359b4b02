import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App, CrossStackReferences, ReferenceStrength, Tags, type AppProps } from 'aws-cdk-lib';
import { deployments as configuredDeployments, selectDeployments, stackName, type Deployment } from './config/deployments';
import type { RouteDefinition } from '../shared/routes/route';
import { applyNagChecks } from './nag';
import { StatefulStack } from './stacks/stateful-stack';
import { StatelessStack } from './stacks/stateless-stack';

export interface DeploymentStacks {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/** The config an app is built from: the deployments config and the route manifest, unless a test passes others. */
export interface AppInput {
  readonly deployments?: readonly Deployment[];
  readonly routes?: readonly RouteDefinition[];
}

/** One deployment of infra/config/deployments.ts as its two stacks. */
export const addDeploymentStacks = (app: App, deployment: Deployment, routes?: readonly RouteDefinition[]): DeploymentStacks => {
  const env = { account: deployment.account, region: deployment.region };
  const regios = deployment.arbeidsmarktregios.join(', ');
  const stateful = new StatefulStack(app, stackName(deployment, 'stateful'), {
    deployment,
    env,
    description: `werkcoop ${deployment.name}: data (table, queues, user pool) for ${regios}`,
    terminationProtection: deployment.stage === 'productie',
  });
  const stateless = new StatelessStack(app, stackName(deployment, 'stateless'), {
    deployment,
    env,
    description: `werkcoop ${deployment.name}: API and functions for ${regios}`,
    table: stateful.table,
    queues: stateful.queues,
    streamFailureQueues: stateful.streamFailureQueues,
    userPool: stateful.userPool,
    humanClient: stateful.humanClient,
    tokenUrl: stateful.tokenUrl,
    logKey: stateful.logKey,
    pseudoniemSleutel: stateful.pseudoniemSleutel,
    portaalInlogOmgeving: stateful.portaalInlogOmgeving,
    routes,
  });
  for (const stack of [stateful, stateless]) {
    Tags.of(stack).add('werkcoop:deployment', deployment.name);
    Tags.of(stack).add('werkcoop:stage', deployment.stage);
  }
  return { stateful, stateless };
};

/**
 * The app with every deployment, or only the one in context `deployment` (`cdk synth -c deployment=test`).
 * `input` replaces the deployments config or the manifest's routes: tests use it to show that another
 * deployment is config only, and that the stacks have room for many more routes.
 */
export const createApp = (props?: AppProps, input: AppInput = {}): { app: App; deployments: Map<string, DeploymentStacks> } => {
  const app = new App(props);
  // Strong (exports/imports): CloudFormation then refuses to remove or replace a table, queue or user pool
  // that the deployed code still uses, which is the protection the stateful/stateless split is for.
  CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
  const selected = selectDeployments(app.node.tryGetContext('deployment') as string | undefined, input.deployments ?? configuredDeployments);
  const stacks = new Map(selected.map((d) => [d.name, addDeploymentStacks(app, d, input.routes)] as const));
  applyNagChecks(app);
  return { app, deployments: stacks };
};

const isEntryPoint = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) createApp().app.synth();
