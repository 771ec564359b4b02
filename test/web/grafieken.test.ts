import fc from 'fast-check';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { behoudWaarnemingen, cohortcijfers, puntOp, type Uitkomstrecord } from '../../shared/domain/uitkomsten/cohorten';
import { kaplanMeier, type Curve, type Waarneming } from '../../shared/domain/uitkomsten/kaplan-meier';
import { publiceerCurve } from '../../shared/domain/uitkomsten/rapport';
import {
  bandpad,
  beschrijving,
  censuurpad,
  DAGEN_PER_MAAND,
  maandTicks,
  markeringen,
  REEKSSTIJLEN,
  Retentiegrafiek,
  schaal,
  stappad,
  tekencurve,
  type Reeks,
  waardeOp,
} from '../../shared/web/grafieken';

/**
 * The retention chart's geometry and words, without a browser: the report's published curve in months (held
 * to the figures' own rule: drawn exactly where the table publishes a point), the step line, the band and the censoring ticks as paths, the scales and the
 * axis ticks, and the description that says the figures in words.
 */
const maand = (m: number) => Math.round(m * DAGEN_PER_MAAND);
const gebeurtenis = (dagen: number): Waarneming => ({ dagen, gebeurtenis: true });
const censuur = (dagen: number): Waarneming => ({ dagen, gebeurtenis: false });

/** 20 placements: ends without work at 2, 4 and 8 months, one into regular work at 5, the rest open at 14 months. */
const twintig = kaplanMeier([gebeurtenis(maand(2)), gebeurtenis(maand(4)), censuur(maand(5)), gebeurtenis(maand(8)), ...Array.from({ length: 16 }, () => censuur(maand(14)))]);
/** x and y as months and fractions, unscaled: the paths read as the curve itself. */
const een = (v: number) => v;
const teken = (c: Curve) => tekencurve(publiceerCurve(c));

describe('the published part of a curve', () => {
  it('draws the steps in months while 10 or more are followed, with a tick at each censoring', () => {
    const c = teken(twintig);
    expect(c.stukken.map((s) => [Math.round(s.vanaf), Math.round(1000 * s.overleving) / 1000])).toEqual([
      [0, 1],
      [2, 0.95],
      [4, 0.9],
      [8, 0.847],
    ]);
    // All 16 left are censored at 14 months: after that none are followed, so the curve ends there.
    expect(c.tot).toBeCloseTo(maand(14) / DAGEN_PER_MAAND, 10);
    expect(c.censureringen.map((p) => [Math.round(p.maanden), Math.round(1000 * p.overleving) / 1000])).toEqual([
      [5, 0.9],
      [14, 0.847],
    ]);
  });

  it('draws nothing for fewer than 10 placements', () => {
    const c = teken(kaplanMeier(Array.from({ length: 9 }, (_, i) => gebeurtenis(30 * (i + 1)))));
    expect(c.stukken).toEqual([]);
    expect(c.tot).toBe(0);
    expect(stappad(c, een, een)).toBe('');
    expect(bandpad(c, een, een)).toBe('');
    expect(waardeOp(c, 6)).toBeNull();
  });

  it('stops where the number at risk falls below 10, though the estimate goes on', () => {
    // 12 placements, one ends every month: after the third end only 9 are followed.
    const c = teken(kaplanMeier(Array.from({ length: 12 }, (_, i) => gebeurtenis(maand(i + 1)))));
    expect(c.stukken).toHaveLength(4);
    expect(Math.round(c.tot)).toBe(3);
    expect(waardeOp(c, 2)!.overleving).toBeCloseTo(10 / 12, 3);
    expect(waardeOp(c, 3)).toBeNull();
  });

  it('publishes exactly the points the figures table publishes, with the same values to the four decimals the report keeps (puntOp)', () => {
    const waarnemingen = fc.array(fc.record({ dagen: fc.integer({ min: 0, max: 500 }), gebeurtenis: fc.boolean() }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(waarnemingen, fc.integer({ min: 0, max: 18 }), (w, m) => {
        const curve = kaplanMeier(w);
        const tabel = puntOp(curve, m);
        const getekend = waardeOp(teken(curve), m);
        if (tabel.overleving === null) expect(getekend).toBeNull();
        else {
          expect(getekend).not.toBeNull();
          expect(getekend!.overleving).toBeCloseTo(tabel.overleving, 3);
          expect(getekend!.onder).toBeCloseTo(tabel.onder, 3);
          expect(getekend!.boven).toBeCloseTo(tabel.boven, 3);
        }
      }),
    );
  });
});

describe('the paths', () => {
  const c = {
    stukken: [
      { vanaf: 0, overleving: 1, onder: 1, boven: 1 },
      { vanaf: 2, overleving: 0.8, onder: 0.6, boven: 0.9 },
      { vanaf: 5, overleving: 0.5, onder: 0.3, boven: 0.7 },
    ],
    tot: 9,
    censureringen: [{ maanden: 3, overleving: 0.8 }],
  };
  const x = schaal([0, 12], [0, 120]);
  const y = schaal([0, 1], [100, 0]);

  it('maps a domain onto a range, the y axis upside down as SVG has it', () => {
    expect(x(6)).toBe(60);
    expect(y(0)).toBe(100);
    expect(y(1)).toBe(0);
    expect(y(0.25)).toBe(75);
  });

  it('draws the line as steps: across at the level, down at each step, across to where the curve ends', () => {
    expect(stappad(c, x, y)).toBe('M0 0 H20 V20 H50 V50 H90');
  });

  it('draws the band as one closed step polygon: the upper bounds out, the lower bounds back', () => {
    expect(bandpad(c, x, y)).toBe('M0 0 H20 V10 H50 V30 H90 V70 H50 V40 H20 V0 H0 Z');
  });

  it('marks each censoring with a short upright stroke through the curve', () => {
    expect(censuurpad(c, x, y, 5)).toBe('M30 15 v10');
  });

  it('puts the series markers at the axis ticks the drawn curve reaches, not at 0 nor past its end', () => {
    expect(markeringen(c, [0, 3, 6, 9, 12])).toEqual([
      { maanden: 3, overleving: 0.8 },
      { maanden: 6, overleving: 0.5 },
    ]);
  });

  it('ticks the months every 3 up to two years, then wider, always up to at least 12', () => {
    expect(maandTicks(4)).toEqual([0, 3, 6, 9, 12]);
    expect(maandTicks(14.2)).toEqual([0, 3, 6, 9, 12, 15]);
    expect(maandTicks(30)).toEqual([0, 6, 12, 18, 24, 30]);
    expect(maandTicks(50)).toEqual([0, 12, 24, 36, 48, 60]);
  });

  it('tells the series apart by line style and marker, not by colour alone', () => {
    expect(new Set(REEKSSTIJLEN.map((s) => s.streep ?? 'doorgetrokken')).size).toBe(REEKSSTIJLEN.length);
    expect(new Set(REEKSSTIJLEN.map((s) => s.markering)).size).toBe(REEKSSTIJLEN.length);
  });
});

describe('the chart as HTML', () => {
  const reeks = (label: string, records: Uitkomstrecord[]): Reeks => {
    const c = cohortcijfers(label, records, '2026-06-01');
    const curve = teken(kaplanMeier(behoudWaarnemingen(records, '2026-06-01')));
    return { label, curve, gestart: c.gestart, s6: c.behoudS6, s12: c.behoudS12, mediaanMaanden: c.mediaanMaanden };
  };
  const record = (i: number, na: number, reden?: string): Uitkomstrecord => ({
    plaatsingId: `p${i}`,
    startdatum: '2025-01-15',
    checks: {},
    ...(reden ? { einde: { datum: new Date(Date.parse('2025-01-15') + na * 86_400_000).toISOString().slice(0, 10), reden } } : {}),
  });
  const reeksen = [
    reeks('2025-K1', [record(0, maand(2), 'ontslag'), record(1, maand(4), 'ontslag'), record(2, maand(5), 'uitstroomRegulierWerk'), record(3, maand(8), 'ontslag'), ...Array.from({ length: 16 }, (_, i) => record(4 + i, 0))]),
    reeks('Beschut werk', Array.from({ length: 6 }, (_, i) => record(i, 0))),
  ];
  const html = render(h(Retentiegrafiek, { id: 'behoud', titel: 'Nog in werk, naar maanden sinds de start', reeksen, reeksnaam: 'Cohort' }));

  it('is an image with a title and a description that says the figures in words', () => {
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="behoud-breed-titel behoud-breed-beschrijving"');
    expect(html).toContain('<title id="behoud-breed-titel">Nog in werk, naar maanden sinds de start</title>');
    const desc = beschrijving(reeksen);
    expect(desc).toContain('2025-K1: na 6 maanden nog in werk 90% (95%-interval');
    expect(desc).toContain('na 12 maanden 85% (95%-interval');
    expect(desc).toContain('mediane duur niet bereikt');
    expect(desc).toContain('Beschut werk: niet getekend, minder dan 10 plaatsingen.');
  });

  it('has the same figures in a table with a caption and header cells with their scope', () => {
    expect(html).toContain('<caption class="utrecht-table__caption" id="behoud-tabel">De cijfers van deze grafiek</caption>');
    expect(html).toContain('<th class="utrecht-table__header-cell" scope="row">2025-K1</th>');
    expect(html.match(/scope="col"/g)).toHaveLength(5);
    expect(html).toContain('<abbr title="minder dan 10: niet gepubliceerd">&lt;10</abbr>');
    expect(html).toContain('minder dan 10 in de risicogroep');
  });

  it('needs neither script nor inline style (the pages’ CSP allows neither)', () => {
    expect(html).not.toMatch(/<script|style=|\bon[a-z]+=/i);
  });
});
