import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plusDagen } from '../../shared/domain/nazorg';
import { kaplanMeier } from '../../shared/domain/uitkomsten/kaplan-meier';
import { aansluitingcijfers, kwartalen, maakRapport, publiceerCurve, teltAlsBanenafspraak, type Uitkomst } from '../../shared/domain/uitkomsten/rapport';
import { rapportNaarCsv } from '../../shared/domain/uitkomsten/csv';
import { srgVoorzieningen } from '../../shared/domain/uitkomsten/srg';

const LID = '01JDAAAAAAAAAAAAAAAAAAAAAA';
let n = 0;
const u = (over: Partial<Uitkomst> = {}): Uitkomst => ({
  plaatsingId: `p${++n}`,
  startdatum: '2025-01-15',
  checks: {},
  gemeente: 'GM0363',
  arbeidsmarktregio: 'Groot Amsterdam',
  lidId: LID,
  doelgroep: 'participatiewet',
  soortWerkplek: 'reguliereBaan',
  contractvorm: 'bepaaldeTijd',
  urenPerWeek: 24,
  teltVoorBanenafspraak: false,
  instrumenten: [],
  nazorg: {},
  escalaties: [],
  ...over,
});
const rapport = (uitkomsten: Uitkomst[], over: Partial<Parameters<typeof maakRapport>[0]> = {}) =>
  maakRapport({ filter: {}, scope: { soort: 'gemeente', gemeente: 'GM0363' }, rapportdatum: '2026-06-01', uitkomsten, leden: [], aansluiting: [], ...over });

describe('het uitkomstenrapport', () => {
  it('geeft elk cohort van het bereik, ook een leeg, met een curve die stopt waar minder dan 10 risico lopen', () => {
    const us = Array.from({ length: 20 }, (_, i) => u({ einde: i < 12 ? { datum: plusDagen('2025-01-15', 10 * (i + 1)), reden: 'contractNietVerlengd' } : undefined }));
    const r = rapport(us, { filter: { vanCohort: '2024-K4', totCohort: '2025-K2' } });
    expect(r.cohorten.map((c) => [c.cohort, c.gestart])).toEqual([
      ['2024-K4', { aantal: 0 }],
      ['2025-K1', { aantal: 20 }],
      ['2025-K2', { aantal: 0 }],
    ]);
    const curve = r.cohorten[1]!.curve;
    expect(curve.punten[0]).toEqual({ dagen: 0, overleving: 1, onder: 1, boven: 1, risico: 20 });
    expect(curve.punten.every((p) => p.risico >= 10)).toBe(true);
    // Ends at days 10..120, one each: at day 110 ten are at risk, at 120 nine: the curve stops at 110.
    expect(curve.afgekaptNa).toBe(110);
    expect(curve.punten.at(-1)).toMatchObject({ dagen: 110, risico: 10 });
    expect(curve.punten.at(-1)!.overleving).toBeCloseTo(9 / 20, 4);
  });

  it('publiceert geen curve voor minder dan 10, en telt censureringen als streepjes', () => {
    expect(publiceerCurve(kaplanMeier(Array.from({ length: 9 }, () => ({ dagen: 5, gebeurtenis: true }))))).toEqual({ punten: [], censureringen: [], afgekaptNa: null });
    const c = publiceerCurve(kaplanMeier([...Array.from({ length: 12 }, (_, i) => ({ dagen: 10 + i, gebeurtenis: i % 2 === 0 })), ...Array.from({ length: 10 }, () => ({ dagen: 400, gebeurtenis: false }))]));
    expect(c.censureringen).toEqual([11, 13, 15, 17, 19, 21, 400]);
  });

  it('onderdrukt de tabel gestart primair en secundair: geen verborgen cel alleen in zijn rij of kolom', () => {
    const us = [...Array.from({ length: 30 }, () => u()), ...Array.from({ length: 3 }, () => u({ soortWerkplek: 'beschutWerk' })), ...Array.from({ length: 12 }, () => u({ soortWerkplek: 'participatieplaats' }))];
    const t = rapport(us, { filter: { vanCohort: '2025-K1', totCohort: '2025-K1' } }).gestart.find((g) => g.dimensie === 'soortWerkplek')!;
    expect(t.categorieen).toEqual(['beschutWerk', 'participatieplaats', 'reguliereBaan']);
    const [rij] = t.rijen;
    expect(rij!.cellen[0]).toMatchObject({ weergave: '<10' });
    // beschutWerk (3) is hidden: in its row the smallest other cell (12) goes too, and so in the totals' row.
    expect(rij!.cellen[1]).toMatchObject({ weergave: 'x' });
    expect(rij!.totaal).toEqual({ aantal: 45 });
    const zichtbaar = rij!.cellen.filter((c) => c.aantal !== null);
    expect(zichtbaar).toHaveLength(1);
  });

  it('telt de banenafspraak in banen van 25,5 uur; beschut werk nooit; elke toezegging tegen haar soort werkplek', () => {
    const ba = (over: Partial<Uitkomst>) => u({ doelgroep: 'banenafspraak', teltVoorBanenafspraak: true, urenPerWeek: 25.5, ...over });
    const us = [...Array.from({ length: 10 }, () => ba({})), ba({ soortWerkplek: 'beschutWerk' }), ba({ einde: { datum: '2025-03-01', reden: 'eigenVerzoek' } }), ba({ teltVoorBanenafspraak: false })];
    expect(teltAlsBanenafspraak(ba({ soortWerkplek: 'beschutWerk' }))).toBe(false);
    const r = rapport(us, { leden: [{ lidId: LID, toezeggingen: { reguliereBanen: 12, participatieplaatsen: 0, beschutWerkplekken: 2, banenafspraakBanen: 8 } }] });
    expect(r.banenafspraak.banen).toBe(10);
    // On an earlier day the placement that ended on 2025-03-01 was still open.
    expect(rapport(us, { filter: { peildatum: '2025-02-01' } }).banenafspraak).toMatchObject({ peildatum: '2025-02-01', banen: 11, plaatsingen: { aantal: 11 } });
    expect(r.banenafspraak.plaatsingen).toEqual({ aantal: 10 });
    expect(r.banenafspraak.perLid[0]!.toezeggingen).toEqual([
      { soort: 'reguliereBanen', toegezegd: 12, gerealiseerd: 11, plaatsingen: { aantal: 11 } },
      { soort: 'participatieplaatsen', toegezegd: 0, gerealiseerd: 0, plaatsingen: { aantal: 0 } },
      { soort: 'beschutWerkplekken', toegezegd: 2, gerealiseerd: null, plaatsingen: { aantal: null, onderdrukt: 'kleinAantal', weergave: '<10' } },
      { soort: 'banenafspraakBanen', toegezegd: 8, gerealiseerd: 10, plaatsingen: { aantal: 10 } },
    ]);
  });

  it('geeft nazorg op tijd per soort en de escalaties, met een mediaan pas vanaf 10', () => {
    const us = Array.from({ length: 12 }, (_, i) => u({ nazorg: { regulier: { beslist: 2, opTijd: i % 3 === 0 ? 1 : 2 } }, escalaties: i < 10 ? [{ op: '2025-03-01', afhandelUren: i + 1 }] : [{ op: '2025-03-01' }] }));
    const { nazorg } = rapport(us);
    expect(nazorg.perSoort).toEqual([{ soort: 'regulier', beslist: { aantal: 24 }, opTijd: { aantal: 20 }, aandeelOpTijd: { percentage: 83.3, noemer: 24 } }]);
    expect(nazorg.escalaties).toEqual({ verhoogd: { aantal: 12 }, afgehandeld: { aantal: 10 }, mediaanAfhandelUren: 5.5 });
  });

  it('filtert op doelgroep, soort werkplek en instrument, en groepeert per instrument ("geen" zonder)', () => {
    const us = [...Array.from({ length: 10 }, () => u({ instrumenten: ['jobcoach'] })), ...Array.from({ length: 4 }, () => u({ doelgroep: 'beschutWerk' }))];
    expect(rapport(us, { filter: { instrument: 'jobcoach' } }).cohorten.at(-1)).toBeDefined();
    expect(rapport(us, { filter: { instrument: 'jobcoach', vanCohort: '2025-K1', totCohort: '2025-K1' } }).cohorten[0]!.gestart).toEqual({ aantal: 10 });
    expect(rapport(us, { filter: { doelgroep: 'beschutWerk', vanCohort: '2025-K1', totCohort: '2025-K1' } }).cohorten[0]!.gestart).toMatchObject({ weergave: '<10' });
    expect(rapport(us).groepen.filter((g) => g.dimensie === 'instrument').map((g) => [g.groep, g.cijfers.gestart])).toEqual([
      ['geen', { aantal: null, onderdrukt: 'kleinAantal', weergave: '<10' }],
      ['jobcoach', { aantal: 10 }],
    ]);
  });

  it('zet vraag en aanbod per regio en werksoort naast elkaar, beschut werk apart, wachttijd als mediaan vanaf 10', () => {
    const kandidaten = Array.from({ length: 10 }, (_, i) => ({ soort: 'kandidaat' as const, arbeidsmarktregio: 'Twente', werksoorten: ['groen'], beschutWerk: false, bemiddelbaarSinds: plusDagen('2026-05-01', i) }));
    const regels = aansluitingcijfers(
      [...kandidaten, { soort: 'kandidaat', arbeidsmarktregio: 'Twente', werksoorten: ['groen'], beschutWerk: true, bemiddelbaarSinds: '2026-01-01' }, { soort: 'werkplek', arbeidsmarktregio: 'Twente', werksoort: 'groen', beschutWerk: false, vrijePlaatsen: 3 }],
      '2026-06-01',
    );
    expect(regels).toEqual([
      { arbeidsmarktregio: 'Twente', werksoort: 'groen', beschutWerk: false, wachtend: { aantal: 10 }, mediaanWachtdagen: 26.5, openPlaatsen: { aantal: null, onderdrukt: 'kleinAantal', weergave: '<10' } },
      { arbeidsmarktregio: 'Twente', werksoort: 'groen', beschutWerk: true, wachtend: { aantal: null, onderdrukt: 'kleinAantal', weergave: '<10' }, mediaanWachtdagen: null, openPlaatsen: { aantal: 0 } },
    ]);
  });

  it('zet de referentiecijfers apart, ook in de CSV, en schrijft geen getal voor een onderdrukt cijfer', () => {
    const r = rapport(Array.from({ length: 3 }, () => u()), { filter: { vanCohort: '2025-K1', totCohort: '2025-K1' } });
    expect(r.referentiecijfers.map((x) => x.id)).toEqual(['divosa-herinstroom', 'cbs-uitstroom-werk-6m']);
    const csv = rapportNaarCsv(r).split('\r\n');
    expect(csv).toContain('cohort,2025-K1,,,gestart,,,<10');
    expect(csv.filter((l) => l.startsWith('referentie,'))).toHaveLength(2);
    expect(csv.filter((l) => l.startsWith('cohort,')).every((l) => !l.includes('divosa'))).toBe(true);
  });

  it('gekoppelde tabellen: een klein cohort naast twee grote laat het totaal weg, niet een groot cohort, en elk cijfer van dat totaal is overal hetzelfde', () => {
    // The dashboard's case: 11 and 12 published, 3 hidden; with the grand total published, 3 = 26 − 11 − 12.
    const us = [
      ...Array.from({ length: 11 }, () => u({ startdatum: '2025-01-15' })),
      ...Array.from({ length: 3 }, () => u({ startdatum: '2025-04-15' })),
      ...Array.from({ length: 12 }, () => u({ startdatum: '2025-07-15', soortWerkplek: 'participatieplaats' })),
    ];
    const r = rapport(us, { filter: { vanCohort: '2025-K1', totCohort: '2025-K3' } });
    expect(r.cohorten.map((c) => c.gestart)).toEqual([{ aantal: 11 }, { aantal: null, onderdrukt: 'kleinAantal', weergave: '<10' }, { aantal: 12 }]);
    for (const t of r.gestart) {
      expect(t.rijen.map((x) => x.totaal)).toEqual(r.cohorten.map((c) => c.gestart));
      expect(t.totalen.totaal).toMatchObject({ aantal: null, onderdrukt: 'secundair' });
    }
    // The grand total hidden, the totals row needs a second hidden entry: a group's total, kept back with its figures.
    const soort = r.gestart.find((t) => t.dimensie === 'soortWerkplek')!;
    const verborgenGroepen = soort.categorieen.filter((_, j) => soort.totalen.cellen[j]!.aantal === null);
    expect(verborgenGroepen.length).toBeGreaterThan(0);
    for (const g of verborgenGroepen) {
      const groep = r.groepen.find((x) => x.dimensie === 'soortWerkplek' && x.groep === g)!;
      expect(groep.cijfers.gestart.aantal).toBeNull();
      expect(groep.curve.punten).toEqual([]);
      expect(groep.cijfers.behoudS6).toEqual({ overleving: null, onderdrukt: 'secundair' });
    }
    expect(r.cohorten[0]!.curve.punten.length).toBeGreaterThan(0);
  });

  it('onderdrukt de termijnstand als som: een verborgen aantal nooit alleen', () => {
    // 20 reached T+6: 12 in work, 8 not, 0 onbekend. The 8 alone would be 20 − 12 − 0: the 0 goes with it.
    const us = [...Array.from({ length: 12 }, () => u({ checks: { P6M: 'inDienst' } })), ...Array.from({ length: 8 }, () => u({ checks: { P6M: 'nietInWerk' } }))];
    const t6 = rapport(us, { filter: { vanCohort: '2025-K1', totCohort: '2025-K1' } }).cohorten[0]!.inWerkT6;
    expect(t6).toMatchObject({ bereikt: { aantal: 20 }, inWerk: { aantal: 12 }, nietInWerk: { weergave: '<10' }, onbekend: { weergave: 'x' }, nogNietBereikt: { aantal: 0 } });
  });

  it('telt kwartalen over de jaargrens', () => {
    expect(kwartalen('2024-K3', '2025-K2')).toEqual(['2024-K3', '2024-K4', '2025-K1', '2025-K2']);
  });
});

describe('de SRG-export', () => {
  it('maakt voorzieningen op het dossierkenmerk: beschut werk, participatieplaats, LKS en jobcoach met hun data; laat proefplaatsing en no-risk polis weg', () => {
    const v = srgVoorzieningen(
      [
        {
          id: 'p1',
          verwijzingId: 'v1',
          contract: { startdatum: '2025-02-01', contractvorm: 'bepaaldeTijd' },
          beeindiging: { einddatum: '2025-09-30', reden: 'terugNaarGemeente' },
          instrumenten: [
            { invoer: { soort: 'loonkostensubsidie', startdatum: '2025-02-01' } },
            { invoer: { soort: 'jobcoach', startdatum: '2025-02-01', einddatum: '2026-01-31' } },
            { invoer: { soort: 'noRiskPolis', startdatum: '2025-02-01' } },
            { invoer: { soort: 'proefplaatsing', startdatum: '2025-01-01', einddatum: '2025-01-31' } },
          ],
        },
        { id: 'p2', verwijzingId: 'v2', contract: { startdatum: '2025-03-01', contractvorm: 'participatieplaats' }, instrumenten: [] },
        { id: 'p3', verwijzingId: 'gewist', contract: { startdatum: '2025-03-01', contractvorm: 'onbepaaldeTijd' }, instrumenten: [] },
        { id: 'p4', verwijzingId: 'v2', instrumenten: [] },
      ],
      new Map([
        ['v1', 'PW-1'],
        ['v2', 'PW-2'],
      ]),
      new Map([
        ['p1', 'beschutWerk'],
        ['p2', 'reguliereBaan'],
        ['p3', 'beschutWerk'],
      ]),
    );
    expect(v).toEqual([
      { dossierkenmerk: 'PW-1', plaatsingId: 'p1', typeVoorziening: '04', omschrijving: 'Loonkostensubsidie', begindatum: '2025-02-01', einddatum: '2025-09-30', redenEinde: 'terugNaarGemeente' },
      { dossierkenmerk: 'PW-1', plaatsingId: 'p1', typeVoorziening: '05', omschrijving: 'Beschut werk', begindatum: '2025-02-01', einddatum: '2025-09-30', redenEinde: 'terugNaarGemeente' },
      {
        dossierkenmerk: 'PW-1',
        plaatsingId: 'p1',
        typeVoorziening: '06',
        omschrijving: 'Begeleiding/jobcoach',
        begindatum: '2025-02-01',
        einddatum: '2025-09-30',
        redenEinde: 'terugNaarGemeente',
        oordeel: 'einddatum ingekort tot het einde van de plaatsing',
      },
      { dossierkenmerk: 'PW-2', plaatsingId: 'p2', typeVoorziening: '03', omschrijving: 'Participatieplaats', begindatum: '2025-03-01', oordeel: 'contractvorm participatieplaats op een ander soort werkplek: als participatieplaats geteld' },
    ]);
  });
});

describe('geen gepubliceerd cijfer over minder dan 10', () => {
  it('voor willekeurige uitkomsten: geen aantal 1–9, geen percentage of curvepunt over minder dan 10, geen verborgen cel alleen in zijn rij', () => {
    const uitkomst = fc.record({
      dag: fc.integer({ min: 0, max: 800 }),
      eindeNa: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
      reden: fc.constantFrom('uitstroomRegulierWerk', 'terugNaarGemeente', 'contractNietVerlengd'),
      a6: fc.constantFrom('inDienst', 'elders', 'nietInWerk', undefined),
      a12: fc.constantFrom('inDienst', 'elders', 'nietInWerk', undefined),
      doelgroep: fc.constantFrom('participatiewet', 'banenafspraak', 'beschutWerk'),
      soort: fc.constantFrom('reguliereBaan', 'participatieplaats', 'beschutWerk'),
      instrumenten: fc.subarray(['jobcoach', 'loonkostensubsidie']),
      opTijd: fc.integer({ min: 0, max: 3 }),
      escalatie: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(uitkomst, { maxLength: 120 }), (rijen) => {
        const us = rijen.map((r) => {
          const start = plusDagen('2024-01-01', r.dag);
          return u({
            startdatum: start,
            ...(r.eindeNa ? { einde: { datum: plusDagen(start, r.eindeNa), reden: r.reden } } : {}),
            checks: { ...(r.a6 ? { P6M: r.a6 } : {}), ...(r.a12 ? { P12M: r.a12 } : {}) },
            doelgroep: r.doelgroep,
            soortWerkplek: r.soort,
            teltVoorBanenafspraak: true,
            instrumenten: r.instrumenten,
            nazorg: { regulier: { beslist: 3, opTijd: r.opTijd } },
            escalaties: r.escalatie ? [{ op: start, afhandelUren: r.escalatie }] : [],
          });
        });
        const r = rapport(us, { rapportdatum: '2026-06-01', leden: [{ lidId: LID, toezeggingen: { reguliereBanen: 3, participatieplaatsen: 3, beschutWerkplekken: 3, banenafspraakBanen: 3 } }] });
        const fouten: string[] = [];
        const loop = (x: unknown, pad: string) => {
          if (Array.isArray(x)) return x.forEach((y, i) => loop(y, `${pad}[${i}]`));
          if (x === null || typeof x !== 'object') return;
          const o = x as Record<string, unknown>;
          if (typeof o.aantal === 'number' && o.aantal > 0 && o.aantal < 10) fouten.push(`${pad}: aantal ${o.aantal}`);
          if (typeof o.percentage === 'number' && !((o.noemer as number) >= 10)) fouten.push(`${pad}: percentage over ${o.noemer}`);
          if (typeof o.risico === 'number' && o.risico < 10) fouten.push(`${pad}: risico ${o.risico}`);
          for (const [k, v] of Object.entries(o)) if (k !== 'referentiecijfers' && k !== 'filter') loop(v, `${pad}.${k}`);
        };
        loop({ ...r, referentiecijfers: [] }, 'rapport');
        for (const t of r.gestart.filter((g) => g.additief)) {
          const kolommen = [...t.categorieen.keys(), t.categorieen.length].map((j) => [...t.rijen, t.totalen].map((x) => [...x.cellen, x.totaal][j]!));
          for (const lijn of [...t.rijen.map((x) => [...x.cellen, x.totaal]), [...t.totalen.cellen, t.totalen.totaal], ...kolommen])
            if (lijn.filter((c) => c.aantal === null).length === 1) fouten.push(`${t.dimensie}: één verborgen cel in een rij of kolom`);
          // Linked: the same total is the same figure everywhere it is published.
          t.rijen.forEach((x, i) => expect(x.totaal, `${t.dimensie} ${x.cohort}`).toEqual(r.cohorten[i]!.gestart));
          t.categorieen.forEach((c, j) => expect(t.totalen.cellen[j], `${t.dimensie} ${c}`).toEqual(r.groepen.find((g) => g.dimensie === t.dimensie && g.groep === c)!.cijfers.gestart));
          expect(t.totalen.totaal).toEqual(r.gestart[0]!.totalen.totaal);
        }
        if ([...r.cohorten.map((c) => c.gestart), r.gestart[0]!.totalen.totaal].filter((x) => x.aantal === null).length === 1) fouten.push('één verborgen cohort in de lijn van de cohorten');
        for (const c of [...r.cohorten, ...r.groepen.map((g) => ({ ...g.cijfers, curve: g.curve }))]) {
          for (const s of [c.inWerkT6, c.inWerkT12])
            if ((s.inWerk.aantal === null || s.bereikt.aantal === null) && s.aandeelInWerk.percentage !== null) fouten.push(`${c.cohort}: een aandeel naast een verborgen teller of noemer`);
          if (c.gestart.aantal === null && c.curve.punten.length > 0) fouten.push(`${c.cohort}: een curve bij een verborgen aantal gestart`);
        }
        for (const c of [...r.cohorten, ...r.groepen.map((g) => ({ ...g.cijfers, cohort: `${g.dimensie}:${g.groep}` }))])
          for (const s of [c.inWerkT6, c.inWerkT12])
            for (const lijn of [[s.inWerk, s.nietInWerk, s.onbekend, s.bereikt], [s.bereikt, s.nogNietBereikt, c.gestart]])
              if (lijn.filter((x) => x.aantal === null).length === 1) fouten.push(`${c.cohort}: één verborgen aantal in een som van de termijnstand`);
        expect(fouten).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
