/** Plaatsingen: the placement workflow, its instruments and development plan. (Routes arrive with issue #3.) */
export const plaatsingenRoutes = {} as const;
