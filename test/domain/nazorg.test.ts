import fc from 'fast-check';
import { ulid } from 'ulidx';
import { describe, expect, it } from 'vitest';
import {
  beantwoord,
  escalatie,
  escalatieAfhandelen,
  geannuleerd,
  isOpenMoment,
  momentenBijJobcoachwissel,
  momentToevoegen,
  momentVerplaatsen,
  naTermijn,
  nazorgBijWijziging,
  nazorgLeest,
  planBijEinde,
  planBijInstrument,
  planBijStart,
  plusDagen,
  risicosignaal,
  verzenddag,
} from '../../shared/domain/nazorg';
import { GemeenteInstellingen } from '../../shared/schemas/gemeenten';
import { EscalatieAfhandeling, type NazorgAntwoordInvoer, type Nazorgmoment } from '../../shared/schemas/nazorg';
import type { Plaatsing } from '../../shared/schemas/plaatsingen';
import { voerUit, voorstellen, type PlaatsingOpdracht } from '../../shared/domain/plaatsingen';
import { admin, contract, gemeente, omgeving, partner, verwijzing, werkgever, werkplek } from './plaatsingen-fixtures';

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

/**
 * A placement through the domain's own steps (voorstellen, voerUit), with the follow-ups each step plans as
 * the use case would: what nazorgLeest asks, then nazorgBijWijziging on it. Open moments are kept as a
 * store would keep them, so a later step cancels what an earlier one planned.
 */
const verloop = (instellingen: GemeenteInstellingen = STANDAARD) => {
  const w = werkplek();
  const door = werkgever(w.lidId);
  let pl = voorstellen(verwijzing(), w, admin, omgeving()).plaatsing;
  let momenten: Nazorgmoment[] = [];
  const stap = (opdracht: PlaatsingOpdracht, wie = door) => {
    const voor = pl;
    const na = voerUit(voor, opdracht, wie, undefined, omgeving()).plaatsing;
    const leest = nazorgLeest(opdracht.actie, voor, na);
    const open = leest.open ? momenten.filter(isOpenMoment) : [];
    const w = nazorgBijWijziging(opdracht.actie, voor, na, { instellingen: leest.instellingen ? instellingen : STANDAARD, open }, omgeving());
    const weg = new Set(w?.annuleren.map((m) => m.id));
    const gewijzigd = new Map((w?.jobcoach ?? []).map((j) => [j.voor.id, j.na]));
    momenten = [...momenten.map((m) => (weg.has(m.id) ? geannuleerd(m) : (gewijzigd.get(m.id) ?? m))), ...(w?.nieuw ?? [])];
    pl = na;
    return { leest, wijziging: w, plaatsing: na };
  };
  return {
    stap,
    get plaatsing() {
      return pl;
    },
    get momenten() {
      return momenten;
    },
    /** A moment sent by the consumer meanwhile (status only: what the plan reads). */
    verstuur: (id: string) => {
      momenten = momenten.map((m) => (m.id === id ? { ...m, status: 'verstuurd' as const, versie: m.versie + 1 } : m));
    },
    gepland: () => momenten.filter((m) => m.status === 'gepland').map((m) => `${m.soort} ${m.vervaldatum}`),
  };
};
const LKS = { soort: 'loonkostensubsidie', startdatum: '2027-02-08', forfaitairTot: '2027-08-08' } as const;
const plaatsingInstrument = (pl: Plaatsing, soort: string) => pl.instrumenten.find((i) => i.invoer.soort === soort && i.status === 'actief')!.id;

describe('de verzenddag: een moment dat bij het plannen al verlopen was, wordt de dag van het plannen verstuurd', () => {
  it('een vervaldatum na de dag van het plannen is de verzenddag zelf; op of voor die dag is het die dag', () => {
    expect(verzenddag('2026-05-09', '2026-05-01T09:00:00.000Z')).toBe('2026-05-09');
    expect(verzenddag('2026-05-09', '2026-05-09T09:00:00.000Z')).toBe('2026-05-09');
    expect(verzenddag('2026-05-09', '2026-12-02T09:00:00.000Z')).toBe('2026-12-02');
  });

  it('de dag van het plannen telt in de Nederlandse kalender: 23:30 UTC is in Amsterdam al de volgende dag', () => {
    expect(verzenddag('2026-05-09', '2026-12-01T23:30:00.000Z')).toBe('2026-12-02');
  });

  it('een start zeven maanden terug: elk moment van voor de dag van het plannen valt op die dag, geen enkel ervoor', () => {
    const nu = '2026-12-02T09:00:00.000Z';
    const pl = gestart({ contract: { startdatum: '2026-05-02', contractvorm: 'bepaaldeTijd', urenPerWeek: 24, einddatum: '2027-11-01' } as Plaatsing['contract'] });
    const plan = planBijStart(pl, STANDAARD, omgeving(nu));
    const verstuurd = plan.map((m) => `${m.termijn ?? m.soort} ${verzenddag(m.vervaldatum, nu)}`);
    expect(verstuurd.slice(0, 4)).toEqual(['P1W 2026-12-02', 'P4W 2026-12-02', 'P3M 2026-12-02', 'P6M 2026-12-02']);
    expect(plan.every((m) => verzenddag(m.vervaldatum, nu) >= '2026-12-02')).toBe(true);
  });
});

describe('de datumtriggers uit de instrumenten en het contract worden elk gepland', () => {
  it('einde van de proefplaatsing: bij de proefplaatsing, op de einddatum, met het instrument (1 GetItem voor de instellingen, geen Query)', () => {
    const v = verloop({ ...STANDAARD, reactietermijnDagen: 9 });
    v.stap({ actie: 'kennismaking', datum: '2026-12-01' });
    const { leest, wijziging, plaatsing } = v.stap({ actie: 'proefplaatsing', startdatum: '2026-12-07', einddatum: '2027-02-07' });
    expect(leest).toEqual({ instellingen: true, open: false });
    expect(wijziging?.nieuw).toEqual([
      expect.objectContaining({ soort: 'eindeProefplaatsing', vervaldatum: '2027-02-07', instrumentId: plaatsingInstrument(plaatsing, 'proefplaatsing'), status: 'gepland', reactietermijnDagen: 9 }),
    ]);
    expect(wijziging?.annuleren).toEqual([]);
  });

  it('einde van de forfaitaire loonkostensubsidie (6 maanden) en de jaarlijkse herbeoordeling: bij het instrument', () => {
    const v = verloop();
    v.stap({ actie: 'kennismaking', datum: '2026-12-01' });
    v.stap({ actie: 'starten', contract: contract({ startdatum: '2027-02-08', einddatum: '2028-02-07' }) });
    const { leest, wijziging, plaatsing } = v.stap({ actie: 'instrumentToevoegen', invoer: LKS }, gemeente('GM0363'));
    expect(leest).toEqual({ instellingen: true, open: false });
    const id = plaatsingInstrument(plaatsing, 'loonkostensubsidie');
    expect(wijziging?.nieuw.map((m) => `${m.soort} ${m.vervaldatum} ${m.instrumentId === id}`)).toEqual(['eindeForfaitaireLks 2027-08-08 true', 'herbeoordelingLks 2028-02-08 true']);
  });

  it('het naderende contracteinde: bij de start, 4 weken voor de einddatum', () => {
    const v = verloop();
    v.stap({ actie: 'kennismaking', datum: '2026-12-01' });
    const { wijziging } = v.stap({ actie: 'starten', contract: contract({ startdatum: '2027-02-08', einddatum: '2028-02-07' }) });
    expect(wijziging?.nieuw.filter((m) => m.soort === 'eindeContract').map((m) => m.vervaldatum)).toEqual([plusDagen('2028-02-07', -28)]);
  });

  it('een no-risk polis met einddatum: zijn einde, bij het instrument; een jobcoach heeft geen termijn en leest niets', () => {
    const v = verloop();
    v.stap({ actie: 'kennismaking', datum: '2026-12-01' });
    v.stap({ actie: 'starten', contract: contract({ startdatum: '2027-02-08', einddatum: '2028-02-07' }) });
    const nrp = v.stap({ actie: 'instrumentToevoegen', invoer: { soort: 'noRiskPolis', startdatum: '2027-02-08', einddatum: '2027-12-31' } });
    expect(nrp.wijziging?.nieuw.map((m) => `${m.soort} ${m.vervaldatum}`)).toEqual(['eindeNoRiskPolis 2027-12-31']);
    const jc = v.stap({ actie: 'instrumentToevoegen', invoer: { soort: 'jobcoach', startdatum: '2027-02-08', urenPerMaand: 8, organisatie: 'Jobcoach Amstel' } });
    expect(jc.leest).toEqual({ instellingen: false, open: false });
    expect(jc.wijziging).toBeUndefined();
  });

  it('waarom de proefplaatsing nooit een moment werd: de start beëindigt haar (en haar einde ligt voor het contract), vóór de start werd niets gepland', () => {
    const v = verloop();
    v.stap({ actie: 'kennismaking', datum: '2026-12-01' });
    v.stap({ actie: 'proefplaatsing', startdatum: '2026-12-07', einddatum: '2027-02-07' });
    const { plaatsing } = v.stap({ actie: 'starten', contract: contract({ startdatum: '2027-02-08', einddatum: '2028-02-07' }) });
    // The start plan alone (what was planned before this fix) has no trial end: the trial is no longer active.
    expect(planBijStart(plaatsing, STANDAARD, omgeving()).some((m) => m.soort === 'eindeProefplaatsing')).toBe(false);
    // It is planned with the trial itself, and stays as history (cancelled) once the start made it moot.
    expect(v.momenten.filter((m) => m.soort === 'eindeProefplaatsing').map((m) => `${m.vervaldatum} ${m.status}`)).toEqual(['2027-02-07 geannuleerd']);
  });
});

describe('instrumenten die eindigen of vervangen worden: hun geplande momenten vervallen in dezelfde wijziging', () => {
  it('de start na een proefplaatsing annuleert het geplande einde ervan (leest de open momenten); een al verstuurd einde blijft', () => {
    const v = verloop();
    v.stap({ actie: 'kennismaking', datum: '2026-12-01' });
    v.stap({ actie: 'proefplaatsing', startdatum: '2026-12-07', einddatum: '2027-02-07' });
    const eind = v.momenten[0]!;
    const { leest, wijziging } = v.stap({ actie: 'starten', contract: contract({ startdatum: '2027-01-11', einddatum: '2028-01-10' }) });
    expect(leest).toEqual({ instellingen: true, open: true });
    expect(wijziging?.annuleren.map((m) => m.id)).toEqual([eind.id]);

    const w = verloop();
    w.stap({ actie: 'kennismaking', datum: '2026-12-01' });
    w.stap({ actie: 'proefplaatsing', startdatum: '2026-12-07', einddatum: '2027-02-07' });
    w.verstuur(w.momenten[0]!.id);
    expect(w.stap({ actie: 'starten', contract: contract({ startdatum: '2027-02-08', einddatum: '2028-02-07' }) }).wijziging?.annuleren).toEqual([]);
    expect(w.momenten.filter((m) => m.soort === 'eindeProefplaatsing').map((m) => m.status)).toEqual(['verstuurd']);
  });

  it('de jaarlijkse heraanvraag van de loonkostensubsidie: de geplande momenten van de oude vervallen, die van de nieuwe komen; een verstuurd moment van de oude blijft', () => {
    const v = verloop();
    v.stap({ actie: 'kennismaking', datum: '2026-12-01' });
    v.stap({ actie: 'starten', contract: contract({ startdatum: '2027-02-08', einddatum: '2029-02-07' }) });
    const eerste = plaatsingInstrument(v.stap({ actie: 'instrumentToevoegen', invoer: LKS }).plaatsing, 'loonkostensubsidie');
    const forfaitair = v.momenten.find((m) => m.soort === 'eindeForfaitaireLks')!;
    v.verstuur(forfaitair.id);
    const { leest, wijziging, plaatsing } = v.stap({
      actie: 'instrumentToevoegen',
      invoer: { soort: 'loonkostensubsidie', startdatum: '2028-02-08', forfaitairTot: '2028-02-08', loonwaardePercentage: 60 },
    });
    expect(leest).toEqual({ instellingen: true, open: true });
    expect(wijziging?.annuleren.map((m) => `${m.soort} ${m.instrumentId === eerste}`)).toEqual(['herbeoordelingLks true']);
    const tweede = plaatsingInstrument(plaatsing, 'loonkostensubsidie');
    expect(wijziging?.nieuw.map((m) => `${m.soort} ${m.vervaldatum} ${m.instrumentId === tweede}`)).toEqual(['herbeoordelingLks 2029-02-08 true']);
    expect(v.momenten.filter((m) => m.instrumentId === eerste).map((m) => `${m.soort} ${m.status}`)).toEqual(['eindeForfaitaireLks verstuurd', 'herbeoordelingLks geannuleerd']);
  });

  it('een vervangende no-risk polis met dezelfde einddatum als een verstuurd moment van de vorige plant dat niet nog eens', () => {
    const v = verloop();
    v.stap({ actie: 'kennismaking', datum: '2026-12-01' });
    v.stap({ actie: 'starten', contract: contract({ startdatum: '2027-02-08', einddatum: '2029-02-07' }) });
    v.stap({ actie: 'instrumentToevoegen', invoer: { soort: 'noRiskPolis', startdatum: '2027-02-08', einddatum: '2027-12-31' } });
    v.verstuur(v.momenten.find((m) => m.soort === 'eindeNoRiskPolis')!.id);
    const { wijziging } = v.stap({ actie: 'instrumentToevoegen', invoer: { soort: 'noRiskPolis', startdatum: '2027-03-01', einddatum: '2027-12-31' } });
    expect(wijziging).toBeUndefined();
    expect(v.momenten.filter((m) => m.soort === 'eindeNoRiskPolis').map((m) => m.status)).toEqual(['verstuurd']);
  });

  it('afgewezen of geannuleerd tijdens de proefplaatsing: de open momenten vervallen, zonder exitcheck; ervoor leest het niets', () => {
    for (const opdracht of [
      { actie: 'afwijzen', reden: 'Geen klik met het team' },
      { actie: 'annuleren', reden: 'Kandidaat verhuisd' },
    ] as const) {
      const v = verloop();
      v.stap({ actie: 'kennismaking', datum: '2026-12-01' });
      expect(nazorgLeest(opdracht.actie, v.plaatsing, voerUit(v.plaatsing, opdracht, admin, undefined, omgeving()).plaatsing)).toEqual({ instellingen: false, open: false });
      v.stap({ actie: 'proefplaatsing', startdatum: '2026-12-07', einddatum: '2027-02-07' });
      const { leest, wijziging } = v.stap(opdracht, admin);
      expect(leest).toEqual({ instellingen: false, open: true });
      expect(wijziging?.nieuw).toEqual([]);
      expect(v.momenten.map((m) => `${m.soort} ${m.status}`)).toEqual(['eindeProefplaatsing geannuleerd']);
    }
  });

  it('eigenschap: elk instrument met termijnen heeft na elke reeks wijzigingen precies zijn eigen termijnen gepland — nooit dubbel, nooit van een beëindigd instrument', () => {
    const invoer = fc.oneof(
      fc.record({ soort: fc.constant('loonkostensubsidie' as const), dag: fc.integer({ min: 0, max: 300 }), maanden: fc.integer({ min: 0, max: 6 }), gemeten: fc.boolean() }).map(({ dag, maanden, gemeten, soort }) => {
        const startdatum = plusDagen('2027-02-08', dag);
        return { soort, startdatum, forfaitairTot: naTermijn(startdatum, `P${Math.max(1, maanden)}M`), ...(gemeten ? { loonwaardePercentage: 55 } : {}) };
      }),
      fc.record({ dag: fc.integer({ min: 0, max: 300 }), duur: fc.option(fc.integer({ min: 1, max: 400 })) }).map(({ dag, duur }) => ({
        soort: 'noRiskPolis' as const,
        startdatum: plusDagen('2027-02-08', dag),
        ...(duur ? { einddatum: plusDagen('2027-02-08', dag + duur) } : {}),
      })),
      fc.constant({ soort: 'jobcoach' as const, startdatum: '2027-02-08', urenPerMaand: 8, organisatie: 'Jobcoach Amstel' }),
    );
    fc.assert(
      fc.property(fc.array(invoer, { maxLength: 8 }), (reeks) => {
        const v = verloop();
        v.stap({ actie: 'kennismaking', datum: '2026-12-01' });
        v.stap({ actie: 'starten', contract: contract({ startdatum: '2027-02-08', einddatum: '2029-02-07' }) });
        for (const i of reeks) v.stap({ actie: 'instrumentToevoegen', invoer: i });
        const actief = new Set(v.plaatsing.instrumenten.filter((i) => i.status === 'actief').map((i) => i.id));
        const gepland = v.momenten.filter((m) => m.status === 'gepland' && m.instrumentId !== undefined);
        // Planned: exactly the active instruments' deadlines after the contract's start, each once.
        const verwacht = v.plaatsing.termijnen.filter((t) => t.instrumentId !== undefined && t.datum > '2027-02-08').map((t) => `${t.soort} ${t.datum} ${t.instrumentId}`);
        expect(gepland.map((m) => `${m.soort} ${m.vervaldatum} ${m.instrumentId}`).sort()).toEqual(verwacht.sort());
        expect(gepland.every((m) => actief.has(m.instrumentId!))).toBe(true);
        // The same change read again after it was written (before = after) plans and cancels nothing.
        const pl = v.plaatsing;
        expect(nazorgBijWijziging('instrumentToevoegen', pl, pl, { instellingen: STANDAARD, open: v.momenten.filter(isOpenMoment) }, omgeving())).toBeUndefined();
      }),
    );
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

describe('een escalatie afhandelen: eenmalig, door een coördinator, met wie en wanneer', () => {
  const pl = gestart();
  const [m] = planBijStart(pl, STANDAARD, omgeving());
  const open = escalatie(m!, CONTACT, 'onbeantwoord', ['niet beantwoord'], { escalatieId: ulid(), notificatieId: ulid() }, '2027-02-01T09:00:00.000Z').escalatie;
  const NU = '2027-02-03T10:00:00.000Z';

  it('open → afgehandeld, met de toelichting, de uitkomst, de coördinator en het tijdstip; de rest blijft', () => {
    const a = escalatieAfhandelen(open, { afhandeling: 'Werkgever gebeld, jobcoach twee uur extra', uitkomst: 'ondersteuningGeregeld' }, admin, NU);
    expect(a).toEqual({ ...open, status: 'afgehandeld', afhandeling: 'Werkgever gebeld, jobcoach twee uur extra', uitkomst: 'ondersteuningGeregeld', afgehandeldDoor: { rol: 'coopAdmin', subject: admin.subject }, afgehandeldOp: NU });
    expect(escalatieAfhandelen(open, { afhandeling: 'Geen actie nodig' }, admin, NU)).not.toHaveProperty('uitkomst');
  });

  it('een tweede keer is 409, en laat de eerste afhandeling staan; een andere rol is 403 — ook de gemeente van de verwijzing', () => {
    const a = escalatieAfhandelen(open, { afhandeling: 'Gebeld' }, admin, NU);
    expect(() => escalatieAfhandelen(a, { afhandeling: 'Nog eens' }, admin, NU)).toThrow(expect.objectContaining({ soort: 'conflict' }));
    for (const wie of [gemeente(pl.gemeente), werkgever(pl.lidId), partner(ulid())])
      expect(() => escalatieAfhandelen(open, { afhandeling: 'Gebeld' }, wie, NU)).toThrow(expect.objectContaining({ soort: 'geenToegang' }));
  });

  it('de invoer: een toelichting van 1 tot 2000 tekens zonder BSN, een bekende uitkomst, niets anders — alle fouten tegelijk', () => {
    expect(EscalatieAfhandeling.safeParse({ afhandeling: '  Gebeld  ' }).data).toEqual({ afhandeling: 'Gebeld' });
    for (const afhandeling of ['   ', 'x'.repeat(2001), 'Dossier 123456782', 'BSN 1234.56.782']) expect(EscalatieAfhandeling.safeParse({ afhandeling }).success).toBe(false);
    const r = EscalatieAfhandeling.safeParse({ afhandeling: '', uitkomst: 'opgelost', extra: 1 });
    expect(r.error?.issues.map((i) => i.path.join('.') || i.code).sort()).toEqual(['afhandeling', 'uitkomst', 'unrecognized_keys']);
  });
});

describe('een jobcoachorganisatie toegewezen of vervangen na de start: de open momenten volgen haar', () => {
  const moment = (status: Nazorgmoment['status'], jobcoachPartnerId?: string): Nazorgmoment => ({
    id: ulid(),
    plaatsingId: ulid(),
    lidId: ulid(),
    gemeente: 'GM0363',
    ...(jobcoachPartnerId ? { jobcoachPartnerId } : {}),
    soort: 'regulier',
    vervaldatum: '2027-03-01',
    status,
    reactietermijnDagen: 14,
    antwoorden: [],
    versie: 3,
  });

  it('gepland en verstuurd krijgen de nieuwe (versie + 1); beantwoord, geannuleerd en wie haar al noemt blijven', () => {
    const [oud, nieuw] = [ulid(), ulid()];
    const gepland = moment('gepland', oud);
    const verstuurd = moment('verstuurd');
    const beantwoordM = moment('beantwoord', oud);
    const vervallen = moment('geannuleerd', oud);
    const alNieuw = moment('gepland', nieuw);
    const w = momentenBijJobcoachwissel({ jobcoachPartnerId: nieuw }, [gepland, verstuurd, beantwoordM, vervallen, alNieuw]);
    expect(w.map((x) => x.voor)).toEqual([gepland, verstuurd]);
    expect(w.map((x) => x.na)).toEqual([
      { ...gepland, jobcoachPartnerId: nieuw, versie: 4 },
      { ...verstuurd, jobcoachPartnerId: nieuw, versie: 4 },
    ]);
  });

  it('weggehaald: de open momenten noemen geen jobcoachorganisatie meer', () => {
    const m = moment('gepland', ulid());
    const [w] = momentenBijJobcoachwissel({}, [m, moment('gepland')]);
    expect(w?.na).not.toHaveProperty('jobcoachPartnerId');
    expect(w).toEqual({ voor: m, na: expect.objectContaining({ id: m.id, versie: 4 }) });
    expect(momentenBijJobcoachwissel({}, [moment('verstuurd')])).toEqual([]);
  });

  it('via de plaatsing: voor proefplaatsing of start leest het niets; daarna de open momenten (1 Query), die de nieuwe krijgen', () => {
    const v = verloop();
    const eerste = ulid();
    const voor = v.stap({ actie: 'jobcoachToewijzen', partnerId: eerste }, admin);
    expect(voor.leest).toEqual({ instellingen: false, open: false });
    expect(voor.wijziging).toBeUndefined();
    v.stap({ actie: 'kennismaking', datum: '2026-12-01' });
    v.stap({ actie: 'proefplaatsing', startdatum: '2026-12-07', einddatum: '2027-02-07' });
    v.stap({ actie: 'starten', contract: contract({ startdatum: '2027-02-08', einddatum: '2028-02-07' }) });
    // Planned with the organisation assigned before the start.
    expect(v.momenten.filter(isOpenMoment).every((m) => m.jobcoachPartnerId === eerste)).toBe(true);
    const eerstVerstuurd = v.momenten.find((m) => m.status === 'gepland')!;
    v.verstuur(eerstVerstuurd.id);
    const opvolger = ulid();
    const { leest, wijziging } = v.stap({ actie: 'jobcoachToewijzen', partnerId: opvolger }, admin);
    expect(leest).toEqual({ instellingen: false, open: true });
    expect(wijziging?.nieuw).toEqual([]);
    expect(wijziging?.annuleren).toEqual([]);
    const open = v.momenten.filter(isOpenMoment);
    expect(wijziging?.jobcoach?.map((j) => j.voor.id).sort()).toEqual(open.map((m) => m.id).sort());
    expect(open.every((m) => m.jobcoachPartnerId === opvolger)).toBe(true);
    expect(v.momenten.find((m) => m.id === eerstVerstuurd.id)).toMatchObject({ status: 'verstuurd', jobcoachPartnerId: opvolger });
    // The cancelled trial end keeps who was assigned then.
    expect(v.momenten.filter((m) => m.status === 'geannuleerd').map((m) => m.jobcoachPartnerId)).toEqual([eerste]);
  });

  it('met de ruimste instellingen (24 + 4 termijnen) en alle instrumenten: ruim binnen de 100 items van één transactie', () => {
    const ruim = GemeenteInstellingen.parse({
      nazorgMomenten: Array.from({ length: 24 }, (_, i) => `P${i + 1}W`),
      duurzaamheidsChecks: ['P6M', 'P12M', 'P18M', 'P24M'],
    });
    const v = verloop(ruim);
    v.stap({ actie: 'kennismaking', datum: '2026-12-01' });
    v.stap({ actie: 'starten', contract: contract({ startdatum: '2027-02-08', einddatum: '2029-02-07' }) });
    v.stap({ actie: 'instrumentToevoegen', invoer: LKS }, gemeente('GM0363'));
    v.stap({ actie: 'instrumentToevoegen', invoer: { soort: 'noRiskPolis', startdatum: '2027-02-08', einddatum: '2028-12-31' } });
    const { wijziging } = v.stap({ actie: 'jobcoachToewijzen', partnerId: ulid() }, admin);
    const n = wijziging?.jobcoach?.length ?? 0;
    expect(n).toBe(v.momenten.filter(isOpenMoment).length);
    expect(n).toBeGreaterThanOrEqual(30);
    // Beside the moments the assignment writes the placement, its history record and the partner's ConditionCheck.
    expect(n + 3).toBeLessThanOrEqual(40);
  });
});

describe('de verwijzing (de kandidaat) reist mee: van plaatsing naar moment naar escalatie', () => {
  it('geplande momenten dragen haar; een escalatie uit alleen het moment (de consumer) en een uit een antwoord ook', () => {
    const pl = gestart();
    const [m] = planBijStart(pl, STANDAARD, omgeving());
    expect(m?.verwijzingId).toBe(pl.verwijzingId);
    const ids = { escalatieId: ulid(), notificatieId: ulid() };
    expect(escalatie(m!, CONTACT, 'onbeantwoord', [], ids, '2027-02-01T09:00:00.000Z').escalatie.verwijzingId).toBe(pl.verwijzingId);
    // A moment planned before moments carried it: the escalation goes without, the list reads it from the placement.
    const { verwijzingId: _v, ...oud } = m!;
    expect(escalatie(oud, CONTACT, 'onbeantwoord', [], ids, '2027-02-01T09:00:00.000Z').escalatie).not.toHaveProperty('verwijzingId');
    const hoog = beantwoord(pl, { ...oud, vervaldatum: '2027-01-11' }, { ...goed, nogInDienst: false }, werkgever(pl.lidId), CONTACT, omgeving('2027-01-12T09:00:00.000Z'));
    expect(hoog.escalatie?.escalatie.verwijzingId).toBe(pl.verwijzingId);
  });
});
