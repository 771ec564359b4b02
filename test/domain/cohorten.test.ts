import { describe, expect, it } from 'vitest';
import { cohortcijfers, kwartaalVan, perCohort, standOp, uitkomstrecordVan, type Uitkomstrecord } from '../../shared/domain/uitkomsten/cohorten';
import { plusDagen } from '../../shared/domain/nazorg';

/** Twenty placements started on one day, with their checks' answers and ends. */
const cohort = (start: string, opties: { checks: Uitkomstrecord['checks'][]; einden?: Record<number, { na: number; reden: string }> }): Uitkomstrecord[] =>
  opties.checks.map((checks, i) => {
    const e = opties.einden?.[i];
    return { plaatsingId: `p${i}`, startdatum: start, checks, ...(e ? { einde: { datum: plusDagen(start, e.na), reden: e.reden } } : {}) };
  });

const beide = { P6M: 'inDienst', P12M: 'inDienst' } as const;

describe('the durability figures of a cohort', () => {
  const records = cohort('2025-01-15', {
    checks: [...Array(12).fill(beide), ...Array(3).fill({ P6M: 'elders' }), ...Array(2).fill({ P6M: 'nietInWerk' }), ...Array(3).fill({})],
    einden: { 12: { na: 60, reden: 'terugNaarGemeente' }, 13: { na: 100, reden: 'terugNaarGemeente' }, 14: { na: 120, reden: 'uitstroomRegulierWerk' } },
  });

  it('counts the unanswered check as onbekend, in the denominator, and suppresses the small counts', () => {
    const t6 = standOp(records, 'P6M', '2026-06-01');
    expect(t6.bereikt).toEqual({ aantal: 20 });
    expect(t6.inWerk).toEqual({ aantal: 15 });
    expect(t6.nietInWerk).toEqual({ aantal: null, onderdrukt: 'kleinAantal', weergave: '<10' });
    expect(t6.onbekend).toEqual({ aantal: null, onderdrukt: 'kleinAantal', weergave: '<10' });
    expect(t6.aandeelInWerk).toEqual({ percentage: 75, noemer: 20 });
  });

  it('counts a placement at a term only once the term has passed: before that it is nog niet bereikt, not a failure', () => {
    const t12 = standOp(records, 'P12M', '2025-12-01');
    expect(t12.bereikt).toEqual({ aantal: 0 });
    expect(t12.nogNietBereikt).toEqual({ aantal: 20 });
    expect(t12.aandeelInWerk).toEqual({ percentage: null, onderdrukt: 'kleineNoemer' });
  });

  it('gives retention with the same employer, the curve, and the return to the gemeente within 6 months', () => {
    const c = cohortcijfers('2025-K1', records, '2026-06-01');
    expect(c.behoudZelfdeWerkgever).toEqual({ percentage: 60, noemer: 20 });
    // Ends without work at days 60 and 100 (the regular-work end at 120 is censored): S = 19/20 · 18/19.
    expect(c.behoudS6).toMatchObject({ overleving: 0.9, risico: 17 });
    // The return to the gemeente: the same two ends, so 1 − S(6 months) = 0.1.
    expect(c.terugBinnen6).toMatchObject({ risico: 17 });
    expect((c.terugBinnen6 as { overleving: number }).overleving).toBeCloseTo(0.1, 10);
    expect(c.mediaanMaanden).toBeNull();
  });

  it('suppresses a curve point where fewer than 10 are at risk', () => {
    const klein = cohort('2025-01-15', { checks: Array(8).fill(beide) });
    expect(cohortcijfers('2025-K1', klein, '2026-06-01').behoudS6).toEqual({ overleving: null, onderdrukt: 'kleinRisico' });
  });

  it('groups by the quarter of the start', () => {
    expect(['2025-01-01', '2025-03-31', '2025-04-01', '2025-12-31'].map(kwartaalVan)).toEqual(['2025-K1', '2025-K1', '2025-K2', '2025-K4']);
    const groepen = perCohort([...cohort('2025-05-02', { checks: [{}] }), ...cohort('2025-02-02', { checks: [{}, {}] })]);
    expect([...groepen].map(([k, r]) => [k, r.length])).toEqual([
      ['2025-K1', 2],
      ['2025-K2', 1],
    ]);
  });
});

describe('a placement\'s outcome record', () => {
  const check = (termijn: string, status: string, antwoord?: { nogInDienst: boolean; werkzaamElders?: boolean }) => ({
    soort: 'duurzaamheidscheck',
    termijn,
    status,
    antwoorden: antwoord ? [antwoord] : [],
  });

  it('takes each durability check\'s answer; an unanswered one of an open placement stays onbekend', () => {
    const r = uitkomstrecordVan({ id: 'p', contract: { startdatum: '2025-01-15' } }, [
      check('P6M', 'beantwoord', { nogInDienst: false, werkzaamElders: true }),
      check('P12M', 'verstuurd'),
      { soort: 'regulier', termijn: 'P3M', status: 'beantwoord', antwoorden: [{ nogInDienst: false }] },
    ]);
    expect(r).toEqual({ plaatsingId: 'p', startdatum: '2025-01-15', checks: { P6M: 'elders' } });
  });

  it('knows the status at a term the placement did not reach from how it ended; a placement never started has no record', () => {
    const naarWerk = uitkomstrecordVan({ id: 'a', contract: { startdatum: '2025-01-15' }, beeindiging: { einddatum: '2025-03-01', reden: 'uitstroomRegulierWerk' } }, [
      check('P6M', 'geannuleerd'),
      check('P12M', 'geannuleerd'),
    ]);
    expect(naarWerk?.checks).toEqual({ P6M: 'elders', P12M: 'elders' });
    const terug = uitkomstrecordVan({ id: 'b', contract: { startdatum: '2025-01-15' }, beeindiging: { einddatum: '2025-09-01', reden: 'terugNaarGemeente' } }, [
      check('P6M', 'beantwoord', { nogInDienst: true }),
      check('P12M', 'geannuleerd'),
    ]);
    expect(terug?.checks).toEqual({ P6M: 'inDienst', P12M: 'nietInWerk' });
    expect(terug?.einde).toEqual({ datum: '2025-09-01', reden: 'terugNaarGemeente' });
    expect(uitkomstrecordVan({ id: 'c' }, [])).toBeUndefined();
  });
});
