/**
 * The domain's own refusals. Use cases throw these; the HTTP layer maps them to statuses in one place
 * (shared/http/problem.ts), so no use case knows about HTTP.
 */
export type FoutSoort =
  /** The object does not exist, or the caller may not see it: the same answer, so nothing leaks. */
  | 'nietGevonden'
  /** A uniqueness rule (KvK number already a member or applying). */
  | 'conflict'
  /** The transition is not allowed from the object's current state. */
  | 'ongeldigeOvergang'
  /** The caller's version (If-Match) is not the current one, or it changed concurrently. */
  | 'verouderd'
  /** The caller's role may not do this with this object (when hiding existence is not needed). */
  | 'geenToegang'
  /** The request is well-formed but makes no sense for this object. */
  | 'onverwerkbaar'
  /** A value the client sent back (a cursor) is not one we issued. */
  | 'ongeldigeInvoer';

export class DomeinFout extends Error {
  constructor(
    readonly soort: FoutSoort,
    message: string,
    /** For 'ongeldigeInvoer': the field at fault, as the HTTP layer names it (query.cursor). */
    readonly veld?: string,
  ) {
    super(message);
    this.name = 'DomeinFout';
  }
}

export const nietGevonden = (wat: string): DomeinFout => new DomeinFout('nietGevonden', `${wat} bestaat niet of is niet zichtbaar voor u.`);
