/**
 * Retention (bewaartermijn): a closed referral — returned, withdrawn, or placed with its placement ended —
 * and its placements keep their personal data for a fixed term after they closed; then the retention job
 * (functions/jobs/bewaartermijn.ts) erases them through the same path as an erasure request.
 *
 * One term for the whole deployment (BEWAARTERMIJN_MAANDEN, default 24 months), not a setting per gemeente:
 * the cooperative keeps the data as processor for every gemeente under one processing agreement, the
 * gemeente's own dossier (under the Archiefwet, with its own terms) stays with the gemeente, and one term
 * is one rule to explain to a supervisor. A deployment for gemeenten that agreed another term sets another.
 *
 * The term counts from the last change of the closed referral (a consent withdrawn later moves it on) or
 * from the end of its last placement: the expiry is written in the same transaction as that change, into a
 * sparse index the job reads with one Query for what is due — never a Scan.
 */
export const verloopdatum = (afgeslotenOp: string, maanden: number): string => {
  const [j, m, d] = afgeslotenOp.slice(0, 10).split('-').map(Number) as [number, number, number];
  const doel = new Date(Date.UTC(j, m - 1 + maanden, 1));
  // The same day of the month, or the month's last day when it has no such day (31 January + 1 → 28/29 February).
  const laatste = new Date(Date.UTC(doel.getUTCFullYear(), doel.getUTCMonth() + 1, 0)).getUTCDate();
  doel.setUTCDate(Math.min(d, laatste));
  return doel.toISOString().slice(0, 10);
};
