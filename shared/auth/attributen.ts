/**
 * The user pool's custom attributes that carry a person's role and tenant. Defined by the stateful stack,
 * read by the pre-token-generation trigger (Cognito prefixes them with `custom:` in the trigger event).
 */
export const USER_ATTRIBUTE_ROL = 'rol';
export const USER_ATTRIBUTE_TENANT = 'tenant';
