/** Gemeenten: the tenants that refer candidates, and their follow-up settings. (Routes arrive with issue #3.) */
export const gemeentenRoutes = {} as const;
