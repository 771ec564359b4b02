/** Werkplekken: places members offer, and matching. (Routes arrive with issue #3.) */
export const werkplekkenRoutes = {} as const;
