/** The full semantic version of the API, sent in the API-Version header and in the OpenAPI document. */
export const API_VERSION = '1.0.0';
