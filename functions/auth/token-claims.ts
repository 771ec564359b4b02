import type { PreTokenGenerationV2TriggerEvent, PreTokenGenerationV3TriggerEvent } from 'aws-lambda';
import { CLAIM_ROL, CLAIM_TENANT, ROLLEN, type Rol } from '../../shared/auth/rollen';
import { haalMachineClient } from '../../shared/store/machine-clients-store';
import { USER_ATTRIBUTE_ROL, USER_ATTRIBUTE_TENANT } from '../../shared/auth/attributen';

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

/** A machine client's claims come from its registration in the table; an unregistered client gets none. */
const machineClaims = async (clientId: string): Promise<Record<string, string>> => {
  const client = await haalMachineClient(clientId);
  if (!client) return {};
  return client.tenant ? { [CLAIM_ROL]: client.rol, [CLAIM_TENANT]: client.tenant } : { [CLAIM_ROL]: client.rol };
};

/**
 * Cognito pre-token-generation trigger. People get their claims from their attributes; machine clients
 * (client credentials: gemeente, employer and partner systems) from their registration (MachineClient).
 */
export const handler = async <E extends TokenClaimsEvent>(event: E): Promise<E> => {
  const claims =
    event.triggerSource === 'TokenGeneration_ClientCredentials'
      ? await machineClaims(event.callerContext.clientId)
      : claimsFor(event.request.userAttributes);
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
