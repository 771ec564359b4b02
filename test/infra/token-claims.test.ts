import type { PreTokenGenerationAuthenticationV2TriggerEvent, PreTokenGenerationClientCredentialsV3TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { claimsFor, handler } from '../../functions/auth/token-claims';
import { CLAIM_ROL, CLAIM_TENANT } from '../../shared/auth/rollen';

const gemeente = 'GM0363';
const base = { version: '3', region: 'eu-central-1', userPoolId: 'eu-central-1_abc', userName: 'u', callerContext: { awsSdkVersion: 'x', clientId: 'c' } };

const signIn = (userAttributes: Record<string, string>): PreTokenGenerationAuthenticationV2TriggerEvent => ({
  ...base,
  triggerSource: 'TokenGeneration_Authentication',
  request: { userAttributes, groupConfiguration: {} },
  response: { claimsAndScopeOverrideDetails: {} },
});

describe('token claims trigger', () => {
  it('adds rol and tenant to the access token from the custom attributes', async () => {
    // Arrange
    const event = signIn({ sub: 's', 'custom:rol': 'gemeente', 'custom:tenant': gemeente });
    // Act
    const result = await handler(event);
    // Assert
    expect(result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride).toEqual({
      [CLAIM_ROL]: 'gemeente',
      [CLAIM_TENANT]: gemeente,
    });
    expect(result.response.claimsAndScopeOverrideDetails.idTokenGeneration).toBeUndefined();
  });

  it('adds only the role for a role without tenant', () => {
    expect(claimsFor({ 'custom:rol': 'coopAdmin' })).toEqual({ [CLAIM_ROL]: 'coopAdmin' });
  });

  it('adds nothing for an unknown or missing role, so the API refuses the token', async () => {
    expect(claimsFor({ 'custom:rol': 'superuser', 'custom:tenant': gemeente })).toEqual({});
    const result = await handler(signIn({ sub: 's' }));
    expect(result.response.claimsAndScopeOverrideDetails).toEqual({});
  });
});
