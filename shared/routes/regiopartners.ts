/** Regiopartners: partner organisations such as jobcoach organisations. (Routes arrive with issue #3.) */
export const regiopartnersRoutes = {} as const;
