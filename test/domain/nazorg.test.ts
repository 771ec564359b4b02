import fc from 'fast-check';
import { ulid } from 'ulidx';
import { describe, expect, it } from 'vitest';
import {
  beantwoord,
  geannuleerd,
  isOpenMoment,
  momentToevoegen,
  momentVerplaatsen,
  naTermijn,
  planBijEinde,
  planBijInstrument,
  planBijStart,
  plusDagen,
  risicosignaal,
} from '../../shared/domain/nazorg';
import { GemeenteInstellingen } from '../../shared/schemas/gemeenten';
import type { NazorgAntwoordInvoer, Nazorgmoment } from '../../shared/schemas/nazorg';
import type { Plaatsing } from '../../shared/schemas/plaatsingen';
import { admin, gemeente, omgeving, partner, werkgever } from './plaatsingen-fixtures';

const STANDAARD = GemeenteInstellingen.parse({});
const CONTACT = { contactpersoon: { naam: 'Werkgeversservicepunt', email: 'wsp@amsterdam.nl' } };

const gestart = (over: Partial<Plaatsing> = {}): Plaatsing => ({
  id: ulid(),
  verwijzingId: ulid(),
  werkplekId: ulid(),
  lidId: ulid(),
  gemeente: 'GM0363',
  fase: 'gestart',
  contract: { startdatum: '2027-01-04', contractvorm: 'bepaaldeTijd', urenPerWeek: 24, einddatum: '2028-01-03' } as Plaatsing['contract'],
  instrumenten: [],
  termijnen: [],
  aangemaaktOp: '2026-11-26T09:00:00.000Z',
  gewijzigdOp: '2026-11-26T09:00:00.000Z',
  versie: 5,
  ...over,
});

const goed: NazorgAntwoordInvoer = { nogInDienst: true, gewerkteUrenPerWeek: 24, verzuimdagenInPeriode: 0, hoeGaatHet: 4, ondersteuningNodig: false, risicos: [] };

describe('het plan bij de start', () => {
  it('standaard: P1W, P4W, P3M, P6M (duurzaamheid), P9M, P12M (duurzaamheid) en het contracteinde 4 weken vooraf', () => {
    const pl = gestart();
    const plan = planBijStart(pl, STANDAARD, omgeving());
    expect(plan.map((m) => `${m.soort} ${m.termijn ?? '-'} ${m.vervaldatum}`)).toEqual([
      'regulier P1W 2027-01-11',
      'regulier P4W 2027-02-01',
      'regulier P3M 2027-04-04',
      'duurzaamheidscheck P6M 2027-07-04',
      'regulier P9M 2027-10-04',
      'eindeContract - 2027-12-06',
      'duurzaamheidscheck P12M 2028-01-04',
    ]);
    expect(plan.every((m) => m.status === 'gepland' && m.reactietermijnDagen === 14 && m.versie === 1 && m.plaatsingId === pl.id && m.antwoorden.length === 0)).toBe(true);
  });

  it('de instrumenten geven hun eigen termijnen, met het instrument erbij', () => {
    const lks = { id: ulid(), status: 'actief' as const, invoer: { soort: 'loonkostensubsidie' as const, startdatum: '2027-01-04', forfaitairTot: '2027-07-03' }, aangemaaktOp: '2026-11-26T09:00:00.000Z' };
    const pl = gestart({ instrumenten: [lks] as Plaatsing['instrumenten'] });
    const plan = planBijStart(pl, { ...STANDAARD, reactietermijnDagen: 7 }, omgeving());
    expect(plan.filter((m) => m.instrumentId === lks.id).map((m) => `${m.soort} ${m.vervaldatum}`)).toEqual(['eindeForfaitaireLks 2027-07-03', 'herbeoordelingLks 2028-01-04']);
    expect(plan.every((m) => m.reactietermijnDagen === 7)).toBe(true);
    expect(planBijInstrument(pl, lks.id, STANDAARD, omgeving()).map((m) => m.soort)).toEqual(['eindeForfaitaireLks', 'herbeoordelingLks']);
    expect(planBijInstrument({ ...pl, fase: 'proefplaatsing' }, lks.id, STANDAARD, omgeving())).toEqual([]);
  });

  const termijn = fc.oneof(fc.integer({ min: 1, max: 99 }).map((n) => `P${n}W`), fc.integer({ min: 1, max: 99 }).map((n) => `P${n}M`));
  const datum = fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('eigenschap: uniek per (soort, datum), alles na de start, gepland — wat de instellingen ook zijn', () => {
    fc.assert(
      fc.property(
        fc.array(termijn, { minLength: 1, maxLength: 24 }),
        fc.array(termijn, { minLength: 1, maxLength: 4 }),
        datum,
        fc.option(fc.integer({ min: 1, max: 900 })),
        (nazorgMomenten, duurzaamheidsChecks, start, looptijd) => {
          const pl = gestart({
            contract: { startdatum: start, contractvorm: 'bepaaldeTijd', urenPerWeek: 24, ...(looptijd ? { einddatum: plusDagen(start, looptijd) } : {}) } as Plaatsing['contract'],
          });
          const plan = planBijStart(pl, { nazorgMomenten, duurzaamheidsChecks, reactietermijnDagen: 14 }, omgeving());
          const sleutels = plan.map((m) => `${m.soort}#${m.vervaldatum}`);
          expect(new Set(sleutels).size).toBe(sleutels.length);
          expect(plan.every((m) => m.vervaldatum > start && m.status === 'gepland')).toBe(true);
          // Every check term is a durability check, never also a regular moment.
          for (const t of duurzaamheidsChecks) expect(plan.some((m) => m.termijn === t && m.soort === 'regulier')).toBe(false);
          // The transaction stays well under DynamoDB's 100 items: 2 per moment plus the placement's own (≤ 10).
          expect(2 * plan.length + 10).toBeLessThanOrEqual(100);
        },
      ),
    );
  });

  it('eigenschap: het einde annuleert alleen open momenten, en een geannuleerd of beantwoord moment komt nooit terug', () => {
    const status = fc.constantFrom<Nazorgmoment['status']>('gepland', 'verstuurd', 'beantwoord', 'geannuleerd');
    fc.assert(
      fc.property(fc.array(status, { maxLength: 30 }), datum, (statussen, einde) => {
        const pl = gestart();
        const momenten = statussen.map((s, i) => ({ ...planBijStart(pl, STANDAARD, omgeving())[0]!, id: ulid(), vervaldatum: plusDagen('2027-01-04', i + 1), status: s }));
        const w = planBijEinde({ ...pl, fase: 'beeindigd', beeindiging: { einddatum: einde, reden: 'eigenVerzoek' } }, momenten, omgeving());
        expect(w.annuleren.every(isOpenMoment)).toBe(true);
        expect(w.annuleren.length).toBe(statussen.filter((s) => s === 'gepland' || s === 'verstuurd').length);
        expect(w.nieuw).toEqual([expect.objectContaining({ soort: 'exitcheck', vervaldatum: plusDagen(einde, 28), status: 'gepland' })]);
        expect(w.annuleren.map(geannuleerd).every((m) => m.status === 'geannuleerd')).toBe(true);
      }),
    );
  });

  it('termijnen: weken en maanden (31 januari + 1 maand = 28 februari)', () => {
    expect(naTermijn('2027-01-31', 'P1M')).toBe('2027-02-28');
    expect(naTermijn('2027-01-31', 'P4W')).toBe('2027-02-28');
    expect(naTermijn('2027-12-28', 'P1W')).toBe('2028-01-04');
  });
});

describe('het risicosignaal: regelgebaseerd en uitgelegd', () => {
  const signaal = (a: Partial<NazorgAntwoordInvoer>) => risicosignaal({ ...goed, ...a }, ulid(), '2027-02-01T09:00:00.000Z');
  it.each([
    [{}, 'laag', []],
    [{ nogInDienst: false }, 'hoog', ['nietMeerInDienst']],
    [{ nogInDienst: false, werkzaamElders: true }, 'midden', ['elderswerkzaam']],
    [{ verzuimdagenInPeriode: 3 }, 'laag', []],
    [{ verzuimdagenInPeriode: 4 }, 'midden', ['verzuim']],
    [{ verzuimdagenInPeriode: 11 }, 'hoog', ['verzuim']],
    [{ hoeGaatHet: 2 }, 'midden', ['gaatMatig']],
    [{ hoeGaatHet: 1 }, 'hoog', ['gaatSlecht']],
    [{ risicos: ['vervoer', 'werkdruk'] }, 'laag', []],
    [{ risicos: ['schulden'] }, 'midden', ['risico']],
    [{ risicos: ['conflict', 'gezondheidsverzuim'] }, 'hoog', ['meerdereRisicos']],
    [{ ondersteuningNodig: true, hoeGaatHet: 2 }, 'midden', ['gaatMatig', 'ondersteuningNodig']],
  ] as const)('%j → %s %j', (a, niveau, regels) => {
    const s = signaal(a as Partial<NazorgAntwoordInvoer>);
    expect(s.niveau).toBe(niveau);
    expect(s.redenen.map((r) => r.regel)).toEqual(regels);
    expect(s.redenen.every((r) => r.toelichting.length > 0)).toBe(true);
  });
});

describe('beantwoorden, toevoegen, verplaatsen', () => {
  const pl = gestart({ jobcoachPartnerId: ulid() });
  const plan = planBijStart(pl, STANDAARD, omgeving());
  const check = { ...plan.find((m) => m.termijn === 'P6M')!, status: 'verstuurd' as const };
  const env = omgeving('2027-07-10T09:00:00.000Z');

  it('de werkgever of de toegewezen jobcoach; de gemeente leest mee maar antwoordt niet (403), een ander lid ziet niets (404)', () => {
    expect(beantwoord(pl, check, goed, werkgever(pl.lidId), CONTACT, env).moment.status).toBe('beantwoord');
    expect(beantwoord(pl, check, goed, partner(pl.jobcoachPartnerId!), CONTACT, env).moment.status).toBe('beantwoord');
    expect(() => beantwoord(pl, check, goed, gemeente('GM0363'), CONTACT, env)).toThrow(expect.objectContaining({ soort: 'geenToegang' }));
    expect(() => beantwoord(pl, check, goed, werkgever(ulid()), CONTACT, env)).toThrow(expect.objectContaining({ soort: 'nietGevonden' }));
    expect(() => beantwoord(pl, check, goed, partner(ulid()), CONTACT, env)).toThrow(expect.objectContaining({ soort: 'nietGevonden' }));
  });

  it('een duurzaamheidscheck legt duurzaam vast op moment en plaatsing; elders werkzaam telt mee', () => {
    const a = beantwoord(pl, check, { ...goed, nogInDienst: false, werkzaamElders: true }, werkgever(pl.lidId), CONTACT, env);
    expect(a.moment).toMatchObject({ duurzaam: true, status: 'beantwoord', antwoorden: [{ werkzaamElders: true, door: { rol: 'werkgever' } }] });
    expect(a.plaatsing).toMatchObject({ duurzaamheid: { P6M: true }, versie: pl.versie + 1, risico: { niveau: 'midden' } });
    expect(a.gebeurtenis).toMatchObject({ soort: 'nazorgBeantwoord', onderwerpId: check.id, versie: pl.versie + 1 });
    const b = beantwoord({ ...pl, duurzaamheid: { P6M: true } }, { ...check, termijn: 'P12M' }, { ...goed, nogInDienst: false }, werkgever(pl.lidId), CONTACT, env);
    expect(b.plaatsing.duurzaamheid).toEqual({ P6M: true, P12M: false });
    expect(b.escalatie?.escalatie).toMatchObject({ aanleiding: 'hoogRisico', status: 'open', plaatsingId: pl.id });
    expect(b.escalatie?.notificatie).toMatchObject({ soort: 'nazorgEscalatie', aan: { email: 'wsp@amsterdam.nl' }, onderwerpType: 'plaatsing' });
  });

  it('pas als het verstuurd is of gepland en aan de beurt; een tweede antwoord is 409', () => {
    const toekomst = { ...check, status: 'gepland' as const, vervaldatum: '2027-08-01' };
    expect(() => beantwoord(pl, toekomst, goed, werkgever(pl.lidId), CONTACT, env)).toThrow(expect.objectContaining({ soort: 'ongeldigeOvergang' }));
    expect(beantwoord(pl, { ...toekomst, vervaldatum: '2027-07-10' }, goed, werkgever(pl.lidId), CONTACT, env).moment.status).toBe('beantwoord');
    const klaar = beantwoord(pl, check, goed, werkgever(pl.lidId), CONTACT, env).moment;
    expect(() => beantwoord(pl, klaar, goed, werkgever(pl.lidId), CONTACT, env)).toThrow(expect.objectContaining({ soort: 'conflict' }));
    expect(() => beantwoord(pl, { ...check, status: 'geannuleerd' }, goed, werkgever(pl.lidId), CONTACT, env)).toThrow(expect.objectContaining({ soort: 'ongeldigeOvergang' }));
  });

  it('toevoegen en verplaatsen: alleen coördinatoren, na de start, niet dubbel, alleen gepland', () => {
    const env0 = omgeving();
    expect(momentToevoegen(pl, plan, { vervaldatum: '2027-03-01', soort: 'regulier' }, admin, 14, env0)).toMatchObject({ status: 'gepland', vervaldatum: '2027-03-01' });
    expect(() => momentToevoegen(pl, plan, { vervaldatum: '2027-03-01', soort: 'regulier' }, werkgever(pl.lidId), 14, env0)).toThrow(expect.objectContaining({ soort: 'geenToegang' }));
    expect(() => momentToevoegen(pl, plan, { vervaldatum: '2027-01-04', soort: 'regulier' }, admin, 14, env0)).toThrow(expect.objectContaining({ soort: 'onverwerkbaar' }));
    expect(() => momentToevoegen(pl, plan, { vervaldatum: plan[0]!.vervaldatum, soort: 'regulier' }, admin, 14, env0)).toThrow(expect.objectContaining({ soort: 'conflict' }));
    expect(() => momentToevoegen({ ...pl, fase: 'beeindigd' }, plan, { vervaldatum: '2027-03-01', soort: 'regulier' }, admin, 14, env0)).toThrow(expect.objectContaining({ soort: 'ongeldigeOvergang' }));
    const eerste = plan[0]!;
    expect(momentVerplaatsen(pl, plan, eerste, '2027-01-15', admin, 1)).toMatchObject({ vervaldatum: '2027-01-15', versie: 2, id: eerste.id });
    expect(() => momentVerplaatsen(pl, plan, eerste, '2027-01-15', admin, 7)).toThrow(expect.objectContaining({ soort: 'verouderd' }));
    expect(() => momentVerplaatsen(pl, plan, { ...eerste, status: 'verstuurd' }, '2027-01-15', admin, undefined)).toThrow(expect.objectContaining({ soort: 'ongeldigeOvergang' }));
    expect(() => momentVerplaatsen(pl, plan, eerste, plan[1]!.vervaldatum, admin, undefined)).toThrow(expect.objectContaining({ soort: 'conflict' }));
  });
});
