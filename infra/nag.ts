import { Stack, Validations, type App, type CfnElement } from 'aws-cdk-lib';
import type { HttpApi, HttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';

/**
 * cdk-nag's AWS Solutions rules run on every synth (and in test/infra); an unacknowledged finding fails
 * the synth. Every acknowledgement lives in this file, is attached to the narrowest construct that
 * causes it (the role of one function, one queue, one API), and says why the finding is right here.
 */
export const applyNagChecks = (app: App): void => {
  // cdk-nag 3 walks the whole construct tree from the app, so the route group NestedStacks inside each
  // stateless stack are checked too (test/infra/stacks.test.ts plants a finding in one to show it).
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
};

/** The Node.js runtime every function uses; L1 wants the newest one cdk knows. */
const RUNTIME_REASON =
  'nodejs22.x is the chosen runtime: the bundles target node22 and the local runtime and tests run the same ' +
  'handlers on Node 20, so 22 is the Lambda runtime closest to what is tested; it is supported by Lambda ' +
  'until 2027. Moving to nodejs24.x is one constant (RUNTIME in werkcoop-function.ts), after which this goes.';

export const acknowledgeWerkcoopFunction = (fn: IFunction, role: IRole): void => {
  Validations.of(fn).acknowledge({ id: 'AwsSolutions-L1', reason: RUNTIME_REASON });
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'X-Ray (active tracing) allows xray:PutTraceSegments/PutTelemetryRecords only on "*"; stream consumers ' +
      'also get dynamodb:ListStreams, which likewise has no resource-level permission. No other statement ' +
      'of this role uses "*" (test/infra/stacks.test.ts checks that).',
  });
};

const KMS_WILDCARD_ACTIONS = ['kms:ReEncrypt*', 'kms:GenerateDataKey*'] as const;

const acknowledgeKmsWildcards = (role: IRole, what: string): void => {
  for (const action of KMS_WILDCARD_ACTIONS) {
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: `${what} is encrypted with the deployment's customer-managed key; writing needs ${action}, granted by cdk on that one key ARN only.`,
    });
  }
};

export const acknowledgeTableKeyWrite = (role: IRole): void => acknowledgeKmsWildcards(role, 'The table');

export const acknowledgeQueueSendGrant = (role: IRole): void => acknowledgeKmsWildcards(role, 'The queue');

export const acknowledgeFailureDestination = (queue: Queue): void => {
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason:
      'This queue is itself a dead-letter destination: the on-failure destination of a DynamoDB stream ' +
      'event source mapping. It has a 14-day retention and an alarm; a DLQ of a DLQ would add nothing.',
  });
};

/** On the API (its $default route) and on each route of the route group stacks, which live outside it. */
export const acknowledgeHttpApiWithoutAuthorizer = (api: HttpApi | HttpRoute): void => {
  Validations.of(api).acknowledge({
    id: 'AwsSolutions-APIG4',
    reason:
      'Design decision: no API Gateway authorizer, because an HTTP API cannot shape the authorizer\'s 401 ' +
      'and the NL API Design Rules require application/problem+json for every error. Every function ' +
      'verifies the bearer token itself with the JWT authorizer\'s checks (issuer, signature via the user ' +
      'pool JWKS, expiry, audience/client_id) before anything else (shared/auth/token.ts); public routes ' +
      'are declared as such in the route manifest.',
  });
};

export const acknowledgeScheduleInvokeGrant = (role: IRole, fn: IFunction & { node: { defaultChild?: unknown } }): void => {
  const logicalId = Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnElement);
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
    reason:
      'The schedule\'s role may invoke one function: cdk\'s grantInvoke names the function ARN and its ' +
      'qualified ARNs (<arn>:*, versions and aliases), since an invocation may be qualified. No other ' +
      'function and no other action.',
  });
};
