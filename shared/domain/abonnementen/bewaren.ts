/**
 * How long what the subscriptions leave is kept. Stripe keeps events 30 days and shows its delivery
 * attempts as long: a receiver that was down over a holiday can still replay them, and the delivery log
 * (issue #14: 30 days) can always name the event it delivered.
 */
export const BEWAARDAGEN_GEBEURTENIS = 30;
export const BEWAARDAGEN_AFLEVERPOGING = 30;
