import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomeinFout } from '../../shared/domain/fouten';
import {
  geschatteAfstand,
  matchscore,
  MAX_SUGGESTIES,
  MAXIMUM,
  pagineer,
  rangschik,
  type KandidaatVoorMatching,
  type WerkplekVoorMatching,
} from '../../shared/domain/matching';
import { WERKAANPASSINGEN } from '../../shared/schemas/profiel';
import { DOELGROEPEN } from '../../shared/schemas/verwijzingen';
import { Matchscore, WERKPLEK_SOORTEN } from '../../shared/schemas/werkplekken';

const kandidaat: KandidaatVoorMatching = {
  doelgroep: 'participatiewet',
  mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'gemiddeld', zelfstandigheid: 'deelsZelfstandig', taalniveau: 'B1', rijbewijs: false },
  werkaanpassingen: ['vasteStructuur', 'extraPauzes'],
  uren: { minimum: 16, maximum: 24 },
  postcodegebied: '1102',
  werksoortVoorkeuren: ['groen', 'schoonmaak'],
  mobiliteit: { reisafstandKm: 15 },
};
const werkplek: WerkplekVoorMatching = {
  soort: 'participatieplaats',
  werksoort: 'groen',
  uren: { minimum: 20, maximum: 32 },
  locatie: { postcodegebied: '1102', gemeente: 'GM0363' },
  eisen: { fysiekeBelastbaarheid: 'laag', werktempo: 'gemiddeld', taalniveau: 'A2', rijbewijs: false },
  werkaanpassingen: ['vasteStructuur', 'extraPauzes', 'binnenwerk'],
  begeleiding: { eigenJobcoach: true, buddy: false },
  teltVoorBanenafspraak: false,
};
const deel = (s: Matchscore, criterium: string) => s.redenen.find((r) => r.criterium === criterium)!;

describe('de matchscore van een kandidaat en een werkplek', () => {
  it('geeft een volmaakt passend paar 100, met een reden per criterium', () => {
    const s = matchscore(kandidaat, werkplek);
    expect(s.totaal).toBe(100);
    expect(s.redenen.map((r) => r.criterium)).toEqual(['werksoort', 'uren', 'reisafstand', 'begeleiding', 'doelgroep', 'eisen', 'werkaanpassingen']);
    expect(Object.values(MAXIMUM).reduce((a, b) => a + b, 0)).toBe(100);
    for (const r of s.redenen) expect(r).toMatchObject({ punten: r.maximum, maximum: MAXIMUM[r.criterium], toelichting: expect.any(String) });
    expect(Matchscore.safeParse(s).success).toBe(true);
    expect(deel(s, 'werksoort').toelichting).toContain('voorkeur 1 van 2');
    expect(deel(s, 'uren').toelichting).toContain('samen 20–24 uur');
  });

  it('waardeert een latere werksoortvoorkeur lager en een werksoort buiten de voorkeuren met 0', () => {
    expect(deel(matchscore(kandidaat, { ...werkplek, werksoort: 'schoonmaak' }), 'werksoort').punten).toBe(20);
    const buiten = deel(matchscore(kandidaat, { ...werkplek, werksoort: 'logistiek' }), 'werksoort');
    expect(buiten).toMatchObject({ punten: 0, toelichting: expect.stringContaining('niet in de voorkeuren') });
  });

  it('geeft uren zonder overlap minder punten naarmate ze verder uit elkaar liggen', () => {
    const vier = deel(matchscore(kandidaat, { ...werkplek, uren: { minimum: 28, maximum: 36 } }), 'uren');
    expect(vier).toMatchObject({ punten: 9, toelichting: expect.stringContaining('4 uur uit elkaar') });
    expect(deel(matchscore(kandidaat, { ...werkplek, uren: { minimum: 36, maximum: 40 } }), 'uren').punten).toBe(0);
  });

  it('schat de reisafstand grof uit de postcodes, zegt dat, en vergelijkt met de reisafstand van de kandidaat', () => {
    expect(geschatteAfstand('1102', '1102')).toMatchObject({ van: 0, tot: 3 });
    expect(geschatteAfstand('1102', '1109')).toMatchObject({ van: 3, tot: 10 });
    expect(geschatteAfstand('1102', '1171')).toMatchObject({ van: 10, tot: 25 });
    expect(geschatteAfstand('1102', '2011')).toMatchObject({ van: 25, tot: 60 });
    const dichtbij = deel(matchscore(kandidaat, { ...werkplek, locatie: { postcodegebied: '1109', gemeente: 'GM0363' } }), 'reisafstand');
    expect(dichtbij).toMatchObject({ punten: 15, toelichting: expect.stringContaining('grove schatting') });
    // 10–25 km against a 15 km radius: partly reachable, a third of the band.
    expect(deel(matchscore(kandidaat, { ...werkplek, locatie: { postcodegebied: '1171', gemeente: 'GM0363' } }), 'reisafstand')).toMatchObject({
      punten: 5,
      toelichting: expect.stringContaining('mogelijk verder dan de 15 km'),
    });
    expect(deel(matchscore(kandidaat, { ...werkplek, locatie: { postcodegebied: '2011', gemeente: 'GM0392' } }), 'reisafstand').punten).toBe(0);
  });

  it('weegt begeleiding tegen de zelfstandigheid van de kandidaat', () => {
    const zonder = { ...werkplek, begeleiding: { eigenJobcoach: false, buddy: false } };
    const nodig = { ...kandidaat, mogelijkheden: { ...kandidaat.mogelijkheden, zelfstandigheid: 'begeleidingNodig' as const } };
    expect(deel(matchscore(nodig, werkplek), 'begeleiding').punten).toBe(10);
    expect(deel(matchscore(nodig, { ...werkplek, begeleiding: { eigenJobcoach: false, buddy: true } }), 'begeleiding').punten).toBe(6);
    expect(deel(matchscore(nodig, zonder), 'begeleiding')).toMatchObject({ punten: 2, toelichting: expect.stringContaining('jobcoach van buiten') });
    expect(deel(matchscore(kandidaat, zonder), 'begeleiding').punten).toBe(5);
    const zelfstandig = { ...kandidaat, mogelijkheden: { ...kandidaat.mogelijkheden, zelfstandigheid: 'zelfstandig' as const } };
    expect(deel(matchscore(zelfstandig, zonder), 'begeleiding').punten).toBe(10);
  });

  it('past de doelgroep bij de soort werkplek en de banenafspraak', () => {
    const doelgroep = (d: KandidaatVoorMatching['doelgroep'], w: Partial<WerkplekVoorMatching>) =>
      deel(matchscore({ ...kandidaat, doelgroep: d }, { ...werkplek, ...w }), 'doelgroep').punten;
    expect(doelgroep('beschutWerk', { soort: 'beschutWerk' })).toBe(10);
    expect(doelgroep('beschutWerk', { soort: 'reguliereBaan' })).toBe(2);
    expect(doelgroep('participatiewet', { soort: 'beschutWerk' })).toBe(0);
    expect(doelgroep('banenafspraak', { teltVoorBanenafspraak: true })).toBe(10);
    expect(doelgroep('banenafspraak', { teltVoorBanenafspraak: false })).toBe(5);
    expect(doelgroep('participatiewet', { soort: 'leerwerkplek' })).toBe(10);
    expect(doelgroep('participatiewet', { soort: 'reguliereBaan' })).toBe(10);
    expect(doelgroep('voormaligWsw', { soort: 'beschutWerk' })).toBe(10);
  });

  it('een harde mismatch op de eisen halveert de rest en zegt waarom', () => {
    const s = matchscore(kandidaat, { ...werkplek, eisen: { ...werkplek.eisen, rijbewijs: true } });
    expect(s.totaal).toBe(42);
    expect(deel(s, 'eisen')).toMatchObject({ punten: -43, maximum: 15, toelichting: expect.stringMatching(/^Harde mismatch: rijbewijs gevraagd.*gehalveerd/) });
    const twee = matchscore(kandidaat, { ...werkplek, eisen: { ...werkplek.eisen, rijbewijs: true, taalniveau: 'B2' } });
    expect(twee.totaal).toBe(21);
    expect(deel(twee, 'eisen').toelichting).toContain('taalniveau B2 gevraagd, de kandidaat heeft B1');
  });

  it('telt de geboden werkaanpassingen naar verhouding en noemt wat ontbreekt', () => {
    const s = deel(matchscore(kandidaat, { ...werkplek, werkaanpassingen: ['vasteStructuur'] }), 'werkaanpassingen');
    expect(s).toMatchObject({ punten: 5, toelichting: expect.stringContaining('niet: extraPauzes') });
    expect(deel(matchscore({ ...kandidaat, werkaanpassingen: [] }, { ...werkplek, werkaanpassingen: [] }), 'werkaanpassingen').punten).toBe(10);
  });
});

const niveau = fc.constantFrom('laag' as const, 'gemiddeld' as const, 'hoog' as const);
const taal = fc.constantFrom('geen' as const, 'A1' as const, 'A2' as const, 'B1' as const, 'B2' as const);
const uren = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 })).map(([a, b]) => ({ minimum: Math.min(a, b), maximum: Math.max(a, b) }));
const pc4 = fc.integer({ min: 1000, max: 9999 }).map(String);
const werksoort = fc.constantFrom('groen', 'schoonmaak', 'logistiek', 'productie', 'horeca');
const aanpassingen = fc.uniqueArray(fc.constantFrom(...WERKAANPASSINGEN), { maxLength: 10 });

const kandidaatArb: fc.Arbitrary<KandidaatVoorMatching> = fc.record({
  doelgroep: fc.constantFrom(...DOELGROEPEN),
  mogelijkheden: fc.record({
    fysiekeBelastbaarheid: niveau,
    werktempo: niveau,
    zelfstandigheid: fc.constantFrom('begeleidingNodig' as const, 'deelsZelfstandig' as const, 'zelfstandig' as const),
    taalniveau: taal,
    rijbewijs: fc.boolean(),
  }),
  werkaanpassingen: fc.array(fc.constantFrom(...WERKAANPASSINGEN), { maxLength: 10 }),
  uren,
  postcodegebied: pc4,
  werksoortVoorkeuren: fc.uniqueArray(werksoort, { minLength: 1, maxLength: 5 }),
  mobiliteit: fc.record({ reisafstandKm: fc.integer({ min: 1, max: 150 }) }),
});
const werkplekArb: fc.Arbitrary<WerkplekVoorMatching> = fc.record({
  soort: fc.constantFrom(...WERKPLEK_SOORTEN),
  werksoort,
  uren,
  locatie: fc.record({ postcodegebied: pc4, gemeente: fc.constant('GM0363') }),
  eisen: fc.record({ fysiekeBelastbaarheid: niveau, werktempo: niveau, taalniveau: taal, rijbewijs: fc.boolean() }),
  werkaanpassingen: aanpassingen,
  begeleiding: fc.record({ eigenJobcoach: fc.boolean(), buddy: fc.boolean() }),
  teltVoorBanenafspraak: fc.boolean(),
});

describe('eigenschappen van de matchscore', () => {
  it('ligt altijd tussen 0 en 100 en is precies de som van zijn delen, elk deel binnen zijn maximum', () => {
    fc.assert(
      fc.property(kandidaatArb, werkplekArb, (k, w) => {
        const s = matchscore(k, w);
        expect(s.totaal).toBeGreaterThanOrEqual(0);
        expect(s.totaal).toBeLessThanOrEqual(100);
        expect(s.totaal).toBe(s.redenen.reduce((som, r) => som + r.punten, 0));
        for (const r of s.redenen) {
          expect(Number.isInteger(r.punten)).toBe(true);
          expect(r.punten).toBeLessThanOrEqual(r.maximum);
          // Only the eisen part goes below zero: that is how a hard mismatch weighs.
          if (r.criterium !== 'eisen') expect(r.punten).toBeGreaterThanOrEqual(0);
        }
        expect(Matchscore.safeParse(s).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('een nodige werkaanpassing aan de werkplek toevoegen verlaagt de score nooit', () => {
    fc.assert(
      fc.property(kandidaatArb, werkplekArb, fc.nat(), (k, w, i) => {
        fc.pre(k.werkaanpassingen.length > 0);
        const nodig = k.werkaanpassingen[i % k.werkaanpassingen.length]!;
        const meer = { ...w, werkaanpassingen: [...new Set([...w.werkaanpassingen, nodig])] };
        expect(matchscore(k, meer).totaal).toBeGreaterThanOrEqual(matchscore(k, w).totaal);
      }),
      { numRuns: 2000 },
    );
  });

  it('een paar dat aan alle eisen voldoet, scoort hoger dan hetzelfde paar met een harde mismatch', () => {
    const dimensie = fc.constantFrom('fysiekeBelastbaarheid' as const, 'werktempo' as const, 'taalniveau' as const, 'rijbewijs' as const);
    fc.assert(
      fc.property(kandidaatArb, werkplekArb, dimensie, (k, w, d) => {
        // The same pair twice: once with requirements the candidate meets, once with one it does not.
        const bekwaam = { ...k, mogelijkheden: { ...k.mogelijkheden, fysiekeBelastbaarheid: 'gemiddeld' as const, werktempo: 'gemiddeld' as const, taalniveau: 'B1' as const, rijbewijs: false } };
        const passend = { ...w, eisen: { fysiekeBelastbaarheid: 'gemiddeld' as const, werktempo: 'laag' as const, taalniveau: 'A2' as const, rijbewijs: false } };
        const teHoog = { fysiekeBelastbaarheid: 'hoog', werktempo: 'hoog', taalniveau: 'B2', rijbewijs: true } as const;
        const mismatch = { ...passend, eisen: { ...passend.eisen, [d]: teHoog[d] } };
        const goed = matchscore(bekwaam, passend);
        const slecht = matchscore(bekwaam, mismatch);
        expect(goed.totaal).toBeGreaterThan(slecht.totaal);
        expect(slecht.totaal).toBeLessThanOrEqual(Math.floor((goed.totaal - MAXIMUM.eisen) / 2));
        expect(deel(slecht, 'eisen').toelichting).toMatch(/^Harde mismatch/);
      }),
      { numRuns: 1000 },
    );
  });

  it('het volmaakte paar (100) scoort hoger dan elk paar met een harde mismatch', () => {
    fc.assert(
      fc.property(kandidaatArb, werkplekArb, (k, w) => {
        const s = matchscore(k, w);
        if (deel(s, 'eisen').punten < 0) expect(s.totaal).toBeLessThan(matchscore(kandidaat, werkplek).totaal);
      }),
    );
  });
});

describe('rangschikken en pagineren', () => {
  const score = (totaal: number): Matchscore => ({ totaal, redenen: [] });

  it('zet de beste eerst, bij gelijke score op id, en houdt er hoogstens 50', () => {
    const items = Array.from({ length: 80 }, (_, i) => ({ id: `id-${String(i).padStart(3, '0')}`, score: score(i % 7) }));
    const r = rangschik(items);
    expect(r).toHaveLength(MAX_SUGGESTIES);
    for (let i = 1; i < r.length; i++) {
      const [a, b] = [r[i - 1]!, r[i]!];
      expect(a.score.totaal > b.score.totaal || (a.score.totaal === b.score.totaal && a.id < b.id)).toBe(true);
    }
  });

  it('geeft elke suggestie precies één keer over de pagina’s, en weigert een vreemde cursor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SUGGESTIES }), fc.integer({ min: 1, max: 100 }), (n, pageSize) => {
        const items = Array.from({ length: n }, (_, i) => i);
        const gezien: number[] = [];
        let cursor: string | undefined;
        do {
          const p = pagineer(items, pageSize, cursor);
          gezien.push(...p.items);
          cursor = p.cursor;
          if (cursor) expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
        } while (cursor);
        expect(gezien).toEqual(items);
      }),
    );
    for (const vreemd of ['abc', Buffer.from('vanaf:-1').toString('base64url'), Buffer.from('vanaf:9999').toString('base64url')])
      expect(() => pagineer([1, 2, 3], 1, vreemd)).toThrowError(expect.objectContaining({ soort: 'ongeldigeInvoer' }));
    expect(() => pagineer([1], 1, 'x')).toThrow(DomeinFout);
  });
});
