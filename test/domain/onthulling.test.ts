import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onderdrukTabel, publiceerAandeel, publiceerAantal, type Aantal } from '../../shared/domain/uitkomsten/onthulling';

const verborgen = (a: Aantal) => a.aantal === null;

describe('disclosure control', () => {
  it('publishes 1–9 as "<10" and zero and 10 as they are; a share only over a denominator of 10 or more', () => {
    expect([0, 1, 9, 10].map(publiceerAantal)).toEqual([
      { aantal: 0 },
      { aantal: null, onderdrukt: 'kleinAantal', weergave: '<10' },
      { aantal: null, onderdrukt: 'kleinAantal', weergave: '<10' },
      { aantal: 10 },
    ]);
    expect(publiceerAandeel(3, 9)).toEqual({ percentage: null, onderdrukt: 'kleineNoemer' });
    expect(publiceerAandeel(7, 12)).toEqual({ percentage: 58.3, noemer: 12 });
  });

  it('hides a second cell where one hidden cell could be worked out from its total', () => {
    // Row 0: 3 is small; with the row total 53 and 20 and 30 shown it would be 53 − 50: 20 goes too.
    const t = onderdrukTabel([
      [3, 20, 30],
      [15, 25, 40],
    ]);
    expect(t[0]!.map((a) => a.aantal)).toEqual([null, null, 30, 53]);
    expect(t[0]![1]).toEqual({ aantal: null, onderdrukt: 'secundair', weergave: 'x' });
    // And the columns: 3 and 20 are hidden in row 0, so 15 and 25 below them follow (column totals shown).
    expect(t[1]!.map((a) => a.aantal)).toEqual([null, null, 40, 80]);
  });

  const tabellen = fc.integer({ min: 1, max: 5 }).chain((k) => fc.array(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: k, maxLength: k }), { minLength: 1, maxLength: 5 }));

  it('leaves no line with exactly one hidden entry, hides every 1–9 and changes no published number', () => {
    fc.assert(
      fc.property(tabellen, (cellen) => {
        const t = onderdrukTabel(cellen);
        const k = cellen[0]!.length;
        const lijnen = [...t, ...Array.from({ length: k + 1 }, (_, j) => t.map((r) => r[j]!))];
        for (const lijn of lijnen) expect(lijn.filter(verborgen).length).not.toBe(1);
        cellen.forEach((r, i) =>
          r.forEach((v, j) => {
            const a = t[i]![j]!;
            if (v > 0 && v < 10) expect(a.aantal).toBeNull();
            if (a.aantal !== null) expect(a.aantal).toBe(v);
          }),
        );
      }),
    );
  });
});
