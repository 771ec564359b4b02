import type { PreTokenGenerationV2TriggerEvent, PreTokenGenerationV3TriggerEvent } from 'aws-lambda';
import { CLAIM_ROL, CLAIM_TENANT, ROLLEN, type Rol } from '../../shared/auth/rollen';
import { USER_ATTRIBUTE_ROL, USER_ATTRIBUTE_TENANT } from './attributen';

/** With LambdaVersion V3_0 Cognito calls the trigger for sign-ins (V2 shape) and client credentials (V3). */
export type TokenClaimsEvent = PreTokenGenerationV2TriggerEvent | PreTokenGenerationV3TriggerEvent;

const isRol = (value: string | undefined): value is Rol => (ROLLEN as readonly string[]).includes(value ?? '');

/**
 * The werkcoop claims for a person's access token, from the attributes only coordinators can set. A person
 * without a known role gets none, and the API answers 401: no claims is never a weaker role.
 */
export const claimsFor = (userAttributes: Readonly<Record<string, string>>): Record<string, string> => {
  const rol = userAttributes[`custom:${USER_ATTRIBUTE_ROL}`];
  if (!isRol(rol)) return {};
  const tenant = userAttributes[`custom:${USER_ATTRIBUTE_TENANT}`];
  return tenant ? { [CLAIM_ROL]: rol, [CLAIM_TENANT]: tenant } : { [CLAIM_ROL]: rol };
};

/**
 * Cognito pre-token-generation trigger. Machine clients (client credentials) have no user attributes; their
 * tokens get no werkcoop claims here, so they are refused by the API until their role and tenant come from
 * a registration of the client.
 */
export const handler = async <E extends TokenClaimsEvent>(event: E): Promise<E> => {
  if (event.triggerSource === 'TokenGeneration_ClientCredentials') return event;
  const claims = claimsFor(event.request.userAttributes);
  if (Object.keys(claims).length > 0) {
    event.response.claimsAndScopeOverrideDetails = {
      ...event.response.claimsAndScopeOverrideDetails,
      accessTokenGeneration: {
        ...event.response.claimsAndScopeOverrideDetails?.accessTokenGeneration,
        claimsToAddOrOverride: claims,
      },
    };
  }
  return event;
};
