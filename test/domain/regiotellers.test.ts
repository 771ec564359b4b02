import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plaatsingTelling, TELLERS, verschuiving, werkplekTelling, type Bijdrage, type Telling } from '../../shared/domain/regiotellers';
import { PLAATSING_FASEN } from '../../shared/schemas/plaatsingen';

const REGIOS = ['Groot Amsterdam', 'Rijnmond', 'Twente'] as const;

/** Applies a sequence of shifts to counters, as the store's ADDs do. */
const telOp = (tellers: Map<string, Record<string, number>>, verschil: Map<string, Telling>) => {
  for (const [regio, telling] of verschil) {
    const t = tellers.get(regio) ?? {};
    for (const [k, d] of Object.entries(telling)) t[k] = (t[k] ?? 0) + d!;
    tellers.set(regio, t);
  }
};

describe('de regiotellers', () => {
  it('een plaatsing telt in één fasegroep, of in geen (afgewezen, geannuleerd); een werkplek alleen als hij open is', () => {
    expect(plaatsingTelling('kennismaking')).toEqual({ plaatsingenLopend: 1 });
    expect(plaatsingTelling('gestart')).toEqual({ plaatsingenGestart: 1 });
    expect(plaatsingTelling('beeindigd')).toEqual({ plaatsingenBeeindigd: 1 });
    expect(plaatsingTelling('afgewezen')).toEqual({});
    expect(werkplekTelling({ status: 'open', aantalPlaatsen: 3, aantalBezet: 1 })).toEqual({ openWerkplekken: 1, vrijePlaatsen: 2 });
    expect(werkplekTelling({ status: 'open', aantalPlaatsen: 1, aantalBezet: 2 })).toEqual({ openWerkplekken: 1, vrijePlaatsen: 0 });
    expect(werkplekTelling({ status: 'gesloten', aantalPlaatsen: 3, aantalBezet: 0 })).toEqual({});
  });

  it('een verschuiving neemt de oude bijdrage weg en telt de nieuwe; niets veranderd is geen schrijfopdracht', () => {
    const a: Bijdrage = { regio: 'Rijnmond', telling: { plaatsingenLopend: 1 } };
    expect([...verschuiving(undefined, a)]).toEqual([['Rijnmond', { plaatsingenLopend: 1 }]]);
    expect([...verschuiving(a, { regio: 'Rijnmond', telling: { plaatsingenGestart: 1 } })]).toEqual([['Rijnmond', { plaatsingenLopend: -1, plaatsingenGestart: 1 }]]);
    expect([...verschuiving(a, { regio: 'Twente', telling: { plaatsingenLopend: 1 } })]).toEqual([
      ['Rijnmond', { plaatsingenLopend: -1 }],
      ['Twente', { plaatsingenLopend: 1 }],
    ]);
    expect(verschuiving(a, a).size).toBe(0);
  });

  it('na elke reeks wijzigingen zijn de tellers precies de som van de huidige bijdragen (eigenschap)', () => {
    const bijdrage = fc.oneof(
      fc.record({ regio: fc.constantFrom(...REGIOS), fase: fc.constantFrom(...PLAATSING_FASEN) }).map(({ regio, fase }): Bijdrage => ({ regio, telling: plaatsingTelling(fase) })),
      fc
        .record({ regio: fc.constantFrom(...REGIOS), open: fc.boolean(), plaatsen: fc.integer({ min: 1, max: 5 }), bezet: fc.integer({ min: 0, max: 6 }) })
        .map(({ regio, open, plaatsen, bezet }): Bijdrage => ({ regio, telling: werkplekTelling({ status: open ? 'open' : 'gesloten', aantalPlaatsen: plaatsen, aantalBezet: bezet }) })),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), bijdrage), { maxLength: 60 }), (wijzigingen) => {
        const bronnen = new Map<number, Bijdrage>();
        const tellers = new Map<string, Record<string, number>>();
        for (const [bron, nieuw] of wijzigingen) {
          telOp(tellers, verschuiving(bronnen.get(bron), nieuw));
          bronnen.set(bron, nieuw);
        }
        for (const regio of REGIOS)
          for (const t of TELLERS) {
            const verwacht = [...bronnen.values()].filter((b) => b.regio === regio).reduce((som, b) => som + (b.telling[t] ?? 0), 0);
            expect(tellers.get(regio)?.[t] ?? 0).toBe(verwacht);
          }
      }),
    );
  });
});
