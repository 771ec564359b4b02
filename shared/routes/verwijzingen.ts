/** Verwijzingen: candidates referred by a gemeente, and their anonymous profiles for employers. (Routes arrive with issue #3.) */
export const verwijzingenRoutes = {} as const;
