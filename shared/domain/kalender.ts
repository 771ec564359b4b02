/**
 * The cooperative counts days as the Dutch calendar does: a follow-up due "today" is due from midnight in
 * Amsterdam, also when the Lambda runs in UTC. `en-CA` formats as YYYY-MM-DD.
 */
const nederlandseDag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

export const vandaagInNederland = (nu: Date): string => nederlandseDag.format(nu);
