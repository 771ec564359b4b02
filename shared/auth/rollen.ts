/** The callers of werkcoop. The tenant of each role is what it may act for. */
export const ROLLEN = ['coopAdmin', 'gemeente', 'werkgever', 'regiopartner', 'systeem'] as const;
export type Rol = (typeof ROLLEN)[number];

/**
 * The authenticated caller, typed by role. `gemeente` acts for one gemeente (CBS code), `werkgever`
 * for one lid (member id), `regiopartner` for one partner; `coopAdmin` for the whole cooperative;
 * `systeem` is the scheduled jobs.
 */
export type Principal =
  | { readonly rol: 'coopAdmin'; readonly subject: string }
  | { readonly rol: 'gemeente'; readonly subject: string; readonly gemeente: string }
  | { readonly rol: 'werkgever'; readonly subject: string; readonly lidId: string }
  | { readonly rol: 'regiopartner'; readonly subject: string; readonly partnerId: string }
  | { readonly rol: 'systeem'; readonly subject: string };

/**
 * Claim names in the access token. In AWS a Cognito pre-token-generation trigger adds them (from the
 * user's attributes, or the machine client's registration); locally the dev issuer mints them.
 */
export const CLAIM_ROL = 'werkcoop:rol';
export const CLAIM_TENANT = 'werkcoop:tenant';

/**
 * The resource server scope Cognito grants machine clients (client credentials). Their access tokens carry
 * `client_id` of the machine client and this scope, not the human client's id, so the verifier accepts
 * either an allowed audience or this scope from the same issuer.
 */
export const API_SCOPE = 'werkcoop/api';
