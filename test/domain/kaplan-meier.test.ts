import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kaplanMeier, mediaan, overlevingOp, type Waarneming } from '../../shared/domain/uitkomsten/kaplan-meier';

/**
 * The textbook example: the 6-MP arm of Freireich et al. (1963), remission times in weeks of 21 leukaemia
 * patients, as in Kleinbaum & Klein, "Survival Analysis", and R's survival package (gehan data). The
 * expected values are R's `survfit(..., conf.type = "log-log")`, to three decimals.
 */
const GEBEURTENISSEN = [6, 6, 6, 7, 10, 13, 16, 22, 23];
const GECENSUREERD = [6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35];
const zesMp: Waarneming[] = [...GEBEURTENISSEN.map((dagen) => ({ dagen, gebeurtenis: true })), ...GECENSUREERD.map((dagen) => ({ dagen, gebeurtenis: false }))];

const VERWACHT = [
  // tijd, risico, gebeurtenissen, S, standaardfout, onder, boven
  [6, 21, 3, 0.857, 0.0764, 0.62, 0.952],
  [7, 17, 1, 0.807, 0.0869, 0.563, 0.923],
  [10, 15, 1, 0.753, 0.0963, 0.503, 0.889],
  [13, 12, 1, 0.69, 0.1068, 0.432, 0.849],
  [16, 11, 1, 0.627, 0.1141, 0.368, 0.805],
  [22, 7, 1, 0.538, 0.1282, 0.268, 0.747],
  [23, 6, 1, 0.448, 0.1346, 0.188, 0.68],
] as const;

describe('Kaplan–Meier', () => {
  it('reproduces the 6-MP example: estimate, Greenwood error and the log-log interval at every event time', () => {
    const curve = kaplanMeier(zesMp);
    const metGebeurtenis = curve.stappen.filter((s) => s.gebeurtenissen > 0);
    expect(metGebeurtenis.map((s) => [s.dagen, s.risico, s.gebeurtenissen])).toEqual(VERWACHT.map(([t, n, d]) => [t, n, d]));
    for (const [i, [, , , s, se, onder, boven]] of VERWACHT.entries()) {
      const stap = metGebeurtenis[i]!;
      expect(stap.overleving).toBeCloseTo(s, 3);
      expect(stap.standaardfout).toBeCloseTo(se, 3);
      expect(stap.onder).toBeCloseTo(onder, 3);
      expect(stap.boven).toBeCloseTo(boven, 3);
    }
    expect(mediaan(curve)).toBe(23);
    // Between events the estimate stays; before the first it is 1.
    expect(overlevingOp(curve, 12).overleving).toBeCloseTo(0.753, 3);
    expect(overlevingOp(curve, 5).overleving).toBe(1);
  });

  const waarnemingen = fc.array(fc.record({ dagen: fc.integer({ min: 0, max: 800 }), gebeurtenis: fc.boolean() }), { minLength: 1, maxLength: 200 });

  it('stays between 0 and 1, never rises, and its interval holds the estimate', () => {
    fc.assert(
      fc.property(waarnemingen, (w) => {
        const { stappen } = kaplanMeier(w);
        let vorige = 1;
        for (const s of stappen) {
          expect(s.overleving).toBeGreaterThanOrEqual(0);
          expect(s.overleving).toBeLessThanOrEqual(vorige + 1e-12);
          expect(s.onder).toBeLessThanOrEqual(s.overleving + 1e-12);
          expect(s.boven).toBeGreaterThanOrEqual(s.overleving - 1e-12);
          vorige = s.overleving;
        }
      }),
    );
  });

  it('equals the plain share still without an event when nothing is censored', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 800 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 0, max: 800 }), (tijden, t) => {
        const curve = kaplanMeier(tijden.map((dagen) => ({ dagen, gebeurtenis: true })));
        expect(overlevingOp(curve, t).overleving).toBeCloseTo(tijden.filter((x) => x > t).length / tijden.length, 10);
      }),
    );
  });
});
