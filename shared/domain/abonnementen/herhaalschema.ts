/**
 * When a delivery is tried again, and what an answer means. Open Notificaties tries five times within about
 * a minute and a half, then drops the message; Stripe retries for three days, GitHub not at all. We follow
 * Stripe: nine retries over about three days, each wait spread by jitter so a receiver that comes back after
 * an outage is not hit by every queued delivery in the same second.
 */
export const HERHAALWACHTTIJDEN_SECONDEN = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 14 * 3600, 20 * 3600, 24 * 3600] as const;
/** The first attempt plus one per wait. */
export const MAX_POGINGEN = HERHAALWACHTTIJDEN_SECONDEN.length + 1;
/** ±20%: wide enough to spread a herd, narrow enough that the total stays near three days. */
export const JITTER_FRACTIE = 0.2;
/** A Retry-After is honoured up to this: a receiver cannot park a delivery beyond the schedule's longest wait. */
export const MAX_RETRY_AFTER_SECONDEN = 24 * 3600;
/** A subscription without a single success for this long (while deliveries fail) is disabled. */
export const UITSCHAKELEN_NA_DAGEN = 3;
/** At most one failure mail per subscription per this many hours. */
export const MAIL_HOOGSTENS_PER_UREN = 24;

/**
 * The wait after failed attempt `poging` (1-based), or undefined when the retries are used up. `willekeur`
 * is a number in [0, 1) (Math.random in production; fixed in tests), so the schedule itself stays pure.
 */
export const wachttijdNa = (poging: number, willekeur: number): number | undefined => {
  const basis = HERHAALWACHTTIJDEN_SECONDEN[poging - 1];
  if (basis === undefined) return undefined;
  return Math.max(1, Math.round(basis * (1 + JITTER_FRACTIE * (2 * willekeur - 1))));
};

export type Uitkomst =
  | { readonly soort: 'afgeleverd' }
  /** 410 Gone: the receiver says the subscription is dead; Stripe and GitHub disable on it too. */
  | { readonly soort: 'opgezegd' }
  | { readonly soort: 'opnieuw'; readonly naSeconden: number }
  | { readonly soort: 'mislukt' };

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
export const leesRetryAfter = (waarde: string | undefined, nu: Date): number | undefined => {
  if (waarde === undefined) return undefined;
  const t = waarde.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const datum = Date.parse(t);
  if (Number.isNaN(datum) || !/[a-z]/i.test(t)) return undefined;
  return Math.max(0, Math.ceil((datum - nu.getTime()) / 1000));
};

export interface Antwoord {
  /** Undefined when there was no HTTP answer (refused, timed out, address not allowed). */
  readonly status?: number | undefined;
  readonly retryAfter?: string | undefined;
}

/**
 * What to do after attempt `poging`. Every non-2xx is retried, redirects included (they are not followed:
 * a 3xx is a receiver's misconfiguration, not a success). 429 and 503 take the receiver's Retry-After
 * when it asks for longer than the schedule would wait, capped at MAX_RETRY_AFTER_SECONDEN; they still
 * count as attempts, so a receiver cannot hold a delivery open forever.
 */
export const beoordeel = (a: Antwoord, poging: number, willekeur: number, nu: Date): Uitkomst => {
  if (a.status !== undefined && a.status >= 200 && a.status < 300) return { soort: 'afgeleverd' };
  if (a.status === 410) return { soort: 'opgezegd' };
  const wacht = wachttijdNa(poging, willekeur);
  if (wacht === undefined) return { soort: 'mislukt' };
  if (a.status === 429 || a.status === 503) {
    const gevraagd = leesRetryAfter(a.retryAfter, nu);
    if (gevraagd !== undefined) return { soort: 'opnieuw', naSeconden: Math.min(MAX_RETRY_AFTER_SECONDEN, Math.max(wacht, gevraagd)) };
  }
  return { soort: 'opnieuw', naSeconden: wacht };
};

/** SQS's longest DelaySeconds. Longer waits are held as a due time and re-sent in steps of at most this. */
export const SQS_MAX_VERTRAGING_SECONDEN = 900;

/**
 * The delay of the next re-send towards a due time. The message carries its due time; a consumer that
 * receives it early sends it on again with the rest of the wait (≤ 900 s), so 24 h is ~96 hops of one
 * cheap send each, and nothing depends on a scheduler or on receive counts (which move a message to the DLQ).
 */
export const volgendeVertraging = (dueMs: number, nuMs: number): number => Math.max(0, Math.min(SQS_MAX_VERTRAGING_SECONDEN, Math.ceil((dueMs - nuMs) / 1000)));

export interface Bezorgstand {
  /** The last success of any delivery of the subscription, if any. */
  readonly laatsteSuccesOp?: string | undefined;
  /** Since when deliveries keep failing (the first failure after the last success). */
  readonly eersteMisluktSindsSuccesOp?: string | undefined;
  readonly laatsteMailOp?: string | undefined;
}

/** Disabled when failures began UITSCHAKELEN_NA_DAGEN ago and no success came since. */
export const moetUitschakelen = (s: Bezorgstand, nu: Date): boolean =>
  s.eersteMisluktSindsSuccesOp !== undefined &&
  (s.laatsteSuccesOp === undefined || s.laatsteSuccesOp < s.eersteMisluktSindsSuccesOp) &&
  nu.getTime() - Date.parse(s.eersteMisluktSindsSuccesOp) >= UITSCHAKELEN_NA_DAGEN * 86_400_000;

export const magMailen = (s: Bezorgstand, nu: Date): boolean =>
  s.laatsteMailOp === undefined || nu.getTime() - Date.parse(s.laatsteMailOp) >= MAIL_HOOGSTENS_PER_UREN * 3_600_000;
