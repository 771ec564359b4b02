import type { ZodType } from 'zod';
import type { Principal, Rol } from '../auth/rollen';
import type { InvalidParam } from '../http/problem';

/**
 * Responses shaped per role, and fields only some roles may set — explicit, in one place, applied by the
 * HTTP handler to every route (shared/http/handler.ts): a response is shaped by the id of its schema in the
 * manifest, so a new route that answers a placement is shaped without anyone remembering to.
 *
 * Gemeente-internal: what the gemeente, the jobcoach and the cooperative know about a person for their own
 * work, and an employer (werkgever) never receives, even about its own placements:
 *
 *   Plaatsing.annuleringsreden  why the gemeente or the cooperative cancelled: their reasons about the person.
 *   Nazorgmoment.geescaleerdOp  whether the moment was escalated to the gemeente (the escalation is theirs).
 *   Nazorgmoment.antwoorden     only the employer's own: the jobcoach's answers and free notes are not its business.
 *   Ontwikkelplan.notities      the jobcoach's guidance and evaluation notes (the goals are shared).
 *   Verwijzing (all of it)      an employer gets no referral route at all (403), and matching answers the
 *                               anonymous Kandidaatprofiel, which has none of the fields below by its schema.
 *
 * Not on the list, on purpose: the follow-ups' risk signal (Plaatsing.risico, Nazorgmoment.risico). The
 * employer is one of the two who answer the follow-ups and the one who acts on a signal at the workplace
 * (issue #4 shows it to the placement's member); it names rules and categories, never the jobcoach's notes.
 */
export const GEMEENTE_INTERN = {
  Plaatsing: ['annuleringsreden'],
  Nazorgmoment: ['geescaleerdOp'],
  Ontwikkelplan: ['notities'],
  Verwijzing: ['dossierkenmerk', 'statusReden', 'toestemmingWerkgevers', 'toestemmingProfielDelen', 'status', 'aantalPlaatsingen', 'gemeente', 'mobiliteit'],
} as const;

type Json = Record<string, unknown>;
const zonder = (o: Json, velden: readonly string[]): Json => Object.fromEntries(Object.entries(o).filter(([k]) => !velden.includes(k)));

const plaatsing = (pl: Json): Json => zonder(pl, GEMEENTE_INTERN.Plaatsing);
const moment = (m: Json): Json => ({
  ...zonder(m, GEMEENTE_INTERN.Nazorgmoment),
  antwoorden: ((m.antwoorden as Json[] | undefined) ?? []).filter((a) => (a.door as Json | undefined)?.rol === 'werkgever'),
});

/** What an employer gets of each response schema (by its OpenAPI id) that can hold gemeente-internal fields. */
const VOOR_WERKGEVER: Readonly<Record<string, (body: Json) => Json>> = {
  Plaatsing: plaatsing,
  PlaatsingenPagina: (b) => ({ ...b, plaatsingen: (b.plaatsingen as Json[]).map(plaatsing) }),
  Nazorgmoment: moment,
  Nazorgmomenten: (b) => ({ ...b, nazorgmomenten: (b.nazorgmomenten as Json[]).map(moment) }),
  // The schema requires the list: an employer's plan has the goals and no notes.
  Ontwikkelplan: (b) => ({ ...b, notities: [] }),
};

const schemaId = (schema: ZodType | undefined): string | undefined => (schema?.meta() as { id?: string } | undefined)?.id;

/** The response body as this caller may see it. */
export const vormVoorRol = (principal: Principal | undefined, schema: ZodType | undefined, body: unknown): unknown => {
  if (principal?.rol !== 'werkgever' || body === null || typeof body !== 'object') return body;
  const vorm = VOOR_WERKGEVER[schemaId(schema) ?? ''];
  return vorm ? vorm(body as Json) : body;
};

/**
 * Fields of a request body that only some roles may set, per operation. The bodies are strict, so a field no
 * role may set (status, versie, aantalBezet, …) is already refused as unknown (400); these are fields a
 * route accepts from one of its roles but not from another:
 *
 *   instrumentToevoegen.loonwaardePercentage  the measured wage value sets the wage subsidy the employer
 *                                             receives: the gemeente (after its measurement) or a coordinator
 *                                             sets it, never the employer who is paid by it.
 */
export const ALLEEN_DOOR: Readonly<Record<string, Readonly<Record<string, readonly Rol[]>>>> = {
  instrumentToevoegen: { loonwaardePercentage: ['gemeente', 'coopAdmin'] },
};

/** The body's fields this caller may not set in this operation, as the problem's invalid parameters. */
export const verbodenVelden = (operationId: string, principal: Principal | undefined, body: unknown): InvalidParam[] => {
  const regels = ALLEEN_DOOR[operationId];
  if (!regels || !principal || body === null || typeof body !== 'object') return [];
  return Object.entries(regels)
    .filter(([veld, rollen]) => veld in (body as Json) && !rollen.includes(principal.rol))
    .map(([veld, rollen]) => ({ name: `body.${veld}`, code: 'not_allowed_for_role', reason: `Alleen ${rollen.join(' of ')} mag ${veld} zetten.` }));
};
