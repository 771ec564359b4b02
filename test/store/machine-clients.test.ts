import type { PreTokenGenerationClientCredentialsV3TriggerEvent } from 'aws-lambda';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/auth/token-claims';
import { CLAIM_ROL, CLAIM_TENANT } from '../../shared/auth/rollen';
import { dynamo, tabel } from '../../shared/store/dynamodb';
import { machineClientItem } from '../../shared/store/machine-clients-store';
import { storeOmgeving } from './store-omgeving';

beforeAll(() => storeOmgeving());

const clientCredentials = (clientId: string): PreTokenGenerationClientCredentialsV3TriggerEvent => ({
  version: '3',
  region: 'eu-central-1',
  userPoolId: 'eu-central-1_abc',
  userName: clientId,
  callerContext: { awsSdkVersion: 'x', clientId },
  triggerSource: 'TokenGeneration_ClientCredentials',
  request: { userAttributes: {}, groupConfiguration: {}, scopes: ['werkcoop/api'] },
  response: { claimsAndScopeOverrideDetails: {} },
});

describe('machine clients (client credentials) in the Cognito trigger', () => {
  it('a registered client of a gemeente system gets its role and tenant in the access token', async () => {
    await dynamo().send(
      new PutCommand({
        TableName: tabel(),
        Item: machineClientItem({ clientId: 'gm0363-suite', rol: 'gemeente', tenant: 'GM0363', naam: 'Zaaksysteem Amsterdam', aangemaaktOp: new Date().toISOString() }),
      }),
    );
    const result = await handler(clientCredentials('gm0363-suite'));
    expect(result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride).toEqual({
      [CLAIM_ROL]: 'gemeente',
      [CLAIM_TENANT]: 'GM0363',
    });
  });

  it('an unregistered client gets no werkcoop claims, so the API refuses its token', async () => {
    expect((await handler(clientCredentials('onbekend'))).response.claimsAndScopeOverrideDetails).toEqual({});
  });
});
