import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/rollen';
import { DomeinFout } from '../../shared/domain/fouten';
import { MAG, OPEN_FASEN, voerUit, voorstellen, type PlaatsingMutatie, type PlaatsingOpdracht } from '../../shared/domain/plaatsingen';
import { Plaatsing, PlaatsingGebeurtenis, type Plaatsing as PlaatsingT } from '../../shared/schemas/plaatsingen';
import { admin, contract, gemeente, omgeving, partner, verwijzing, werkgever, werkplek } from './plaatsingen-fixtures';

const voorgesteld = () => {
  const w = werkplek();
  const v = verwijzing();
  return { w, v, m: voorstellen(v, w, admin, omgeving()) };
};
const lid = (pl: PlaatsingT) => werkgever(pl.lidId);
const doe = (pl: PlaatsingT, opdracht: PlaatsingOpdracht, door: Principal = lid(pl), ifMatch?: number) => voerUit(pl, opdracht, door, ifMatch, omgeving());
const fout = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DomeinFout);
    return (e as DomeinFout).soort;
  }
  throw new Error('verwachtte een DomeinFout');
};

const gestart = () => {
  const { m } = voorgesteld();
  const k = doe(m.plaatsing, { actie: 'kennismaking', datum: '2026-12-01' });
  return doe(k.plaatsing, { actie: 'starten', contract: contract() });
};

describe('een plaatsing voorstellen', () => {
  it('maakt een plaatsing in fase voorgesteld bij het lid van de werkplek en de gemeente van de verwijzing, en claimt het paar', () => {
    const { w, v, m } = voorgesteld();
    expect(m.plaatsing).toMatchObject({ fase: 'voorgesteld', lidId: w.lidId, gemeente: v.gemeente, verwijzingId: v.id, werkplekId: w.id, versie: 1, instrumenten: [], termijnen: [] });
    expect(m.paar).toBe('claimen');
    expect(m.gebeurtenis).toMatchObject({ soort: 'voorgesteld', naarFase: 'voorgesteld', versie: 1, door: { rol: 'coopAdmin' } });
    expect(Plaatsing.safeParse(m.plaatsing).success).toBe(true);
    expect(PlaatsingGebeurtenis.safeParse(m.gebeurtenis).success).toBe(true);
  });

  it('alleen door een coördinator, alleen voor een bemiddelbare kandidaat en een open werkplek met een vrije plaats', () => {
    const w = werkplek();
    expect(fout(() => voorstellen(verwijzing(), w, werkgever(w.lidId), omgeving()))).toBe('geenToegang');
    expect(fout(() => voorstellen(verwijzing(), w, gemeente('GM0363'), omgeving()))).toBe('geenToegang');
    for (const status of ['ingediend', 'inIntake', 'geplaatst', 'teruggemeld', 'ingetrokken'] as const)
      expect(fout(() => voorstellen(verwijzing({ status }), w, admin, omgeving()))).toBe('ongeldigeOvergang');
    expect(fout(() => voorstellen(verwijzing(), werkplek({ status: 'gesloten' }), admin, omgeving()))).toBe('ongeldigeOvergang');
    expect(fout(() => voorstellen(verwijzing(), werkplek({ status: 'vervuld', aantalBezet: 2 }), admin, omgeving()))).toBe('ongeldigeOvergang');
  });
});

describe('de fasen van een plaatsing', () => {
  it('voorgesteld → kennismaking → proefplaatsing → gestart → beeindigd, elk met één gebeurtenis en een versie erbij', () => {
    const { m } = voorgesteld();
    const k = doe(m.plaatsing, { actie: 'kennismaking', datum: '2026-12-01' });
    expect(k.plaatsing).toMatchObject({ fase: 'kennismaking', kennismakingOp: '2026-12-01', versie: 2 });
    expect(k.verwachteVersie).toBe(1);
    const p = doe(k.plaatsing, { actie: 'proefplaatsing', startdatum: '2026-12-07', einddatum: '2027-02-07' });
    expect(p.plaatsing.fase).toBe('proefplaatsing');
    expect(p.plaatsing.instrumenten).toMatchObject([{ status: 'actief', invoer: { soort: 'proefplaatsing', einddatum: '2027-02-07' } }]);
    expect(p.plaatsing.termijnen).toEqual([{ soort: 'eindeProefplaatsing', datum: '2027-02-07', instrumentId: p.plaatsing.instrumenten[0]!.id }]);
    expect(p.gebeurtenis).toMatchObject({ soort: 'proefplaatsingGestart', vanFase: 'kennismaking', naarFase: 'proefplaatsing', onderwerpId: p.plaatsing.instrumenten[0]!.id });
    const s = doe(p.plaatsing, { actie: 'starten', contract: contract({ startdatum: '2027-02-08' }) });
    expect(s.plaatsing).toMatchObject({ fase: 'gestart', contract: { startdatum: '2027-02-08' }, versie: 4 });
    expect(s.bezetting).toBe(1);
    expect(s.verwijzing).toBe('plaatsen');
    // The trial is over once the contract starts: its deadline goes, the contract's end comes.
    expect(s.plaatsing.instrumenten[0]!.status).toBe('beeindigd');
    expect(s.plaatsing.termijnen).toEqual([{ soort: 'eindeContract', datum: '2027-07-03' }]);
    const e = doe(s.plaatsing, { actie: 'beeindigen', einddatum: '2027-07-03', reden: 'contractNietVerlengd' });
    expect(e.plaatsing).toMatchObject({ fase: 'beeindigd', beeindiging: { einddatum: '2027-07-03', reden: 'contractNietVerlengd' }, termijnen: [], versie: 5 });
    expect(e).toMatchObject({ bezetting: -1, paar: 'vrijgeven' });
    expect(e.verwijzing).toBeUndefined();
    expect(e.gebeurtenis).toMatchObject({ soort: 'beeindigd', vanFase: 'gestart', naarFase: 'beeindigd', reden: 'contractNietVerlengd' });
  });

  it('de proefplaatsing is optioneel: van kennismaking direct naar gestart', () => {
    expect(gestart().plaatsing.fase).toBe('gestart');
  });

  it('een beeindiging "terugNaarGemeente" meldt de verwijzing terug; andere redenen laten haar geplaatst', () => {
    const s = gestart();
    expect(doe(s.plaatsing, { actie: 'beeindigen', einddatum: '2027-03-01', reden: 'terugNaarGemeente' }).verwijzing).toBe('terugmelden');
    for (const reden of ['uitstroomRegulierWerk', 'contractNietVerlengd', 'eigenVerzoek', 'overig'] as const)
      expect(doe(s.plaatsing, { actie: 'beeindigen', einddatum: '2027-03-01', reden }).verwijzing).toBeUndefined();
  });

  it('afwijzen en annuleren kunnen alleen voor de start, geven het paar vrij en raken geen tellers', () => {
    const { m } = voorgesteld();
    const a = doe(m.plaatsing, { actie: 'afwijzen', reden: 'Past niet bij het team' });
    expect(a.plaatsing).toMatchObject({ fase: 'afgewezen', afwijzingsreden: 'Past niet bij het team' });
    expect(a).toMatchObject({ paar: 'vrijgeven' });
    expect(a.bezetting).toBeUndefined();
    const g = doe(m.plaatsing, { actie: 'annuleren', reden: 'Kandidaat verhuisd' }, gemeente(m.plaatsing.gemeente));
    expect(g.plaatsing).toMatchObject({ fase: 'geannuleerd', annuleringsreden: 'Kandidaat verhuisd' });
    const s = gestart();
    expect(fout(() => doe(s.plaatsing, { actie: 'afwijzen', reden: 'x' }))).toBe('ongeldigeOvergang');
    expect(fout(() => doe(s.plaatsing, { actie: 'annuleren', reden: 'x' }, admin))).toBe('ongeldigeOvergang');
  });

  it('weigert overgangen die vanuit de fase niet kunnen (409)', () => {
    const { m } = voorgesteld();
    expect(fout(() => doe(m.plaatsing, { actie: 'proefplaatsing', startdatum: '2026-12-07', einddatum: '2027-01-07' }))).toBe('ongeldigeOvergang');
    expect(fout(() => doe(m.plaatsing, { actie: 'starten', contract: contract() }))).toBe('ongeldigeOvergang');
    expect(fout(() => doe(m.plaatsing, { actie: 'beeindigen', einddatum: '2027-03-01', reden: 'overig' }))).toBe('ongeldigeOvergang');
    const s = gestart();
    expect(fout(() => doe(s.plaatsing, { actie: 'kennismaking', datum: '2026-12-01' }))).toBe('ongeldigeOvergang');
    expect(fout(() => doe(s.plaatsing, { actie: 'starten', contract: contract() }))).toBe('ongeldigeOvergang');
  });

  it('een proefplaatsing duurt hoogstens twee maanden en begint niet voor de kennismaking (422)', () => {
    const { m } = voorgesteld();
    const k = doe(m.plaatsing, { actie: 'kennismaking', datum: '2026-12-01' });
    expect(fout(() => doe(k.plaatsing, { actie: 'proefplaatsing', startdatum: '2026-12-07', einddatum: '2027-02-08' }))).toBe('onverwerkbaar');
    expect(doe(k.plaatsing, { actie: 'proefplaatsing', startdatum: '2026-12-31', einddatum: '2027-02-28' }).plaatsing.fase).toBe('proefplaatsing');
    expect(fout(() => doe(k.plaatsing, { actie: 'proefplaatsing', startdatum: '2026-12-31', einddatum: '2027-03-01' }))).toBe('onverwerkbaar');
    expect(fout(() => doe(k.plaatsing, { actie: 'proefplaatsing', startdatum: '2026-12-07', einddatum: '2026-12-07' }))).toBe('onverwerkbaar');
    expect(fout(() => doe(k.plaatsing, { actie: 'proefplaatsing', startdatum: '2026-11-30', einddatum: '2027-01-07' }))).toBe('onverwerkbaar');
  });

  it('het contract begint niet voor de kennismaking of de proefplaatsing; de einddatum niet voor het contract (422)', () => {
    const { m } = voorgesteld();
    const k = doe(m.plaatsing, { actie: 'kennismaking', datum: '2026-12-01' });
    expect(fout(() => doe(k.plaatsing, { actie: 'starten', contract: contract({ startdatum: '2026-11-30' }) }))).toBe('onverwerkbaar');
    const p = doe(k.plaatsing, { actie: 'proefplaatsing', startdatum: '2026-12-07', einddatum: '2027-02-07' });
    expect(fout(() => doe(p.plaatsing, { actie: 'starten', contract: contract({ startdatum: '2026-12-06' }) }))).toBe('onverwerkbaar');
    const s = gestart();
    expect(fout(() => doe(s.plaatsing, { actie: 'beeindigen', einddatum: '2027-01-03', reden: 'overig' }))).toBe('onverwerkbaar');
    expect(doe(s.plaatsing, { actie: 'beeindigen', einddatum: '2027-01-04', reden: 'eigenVerzoek' }).plaatsing.fase).toBe('beeindigd');
  });

  it('weigert een verouderde versie (412) voordat de fase telt', () => {
    const { m } = voorgesteld();
    expect(fout(() => doe(m.plaatsing, { actie: 'kennismaking', datum: '2026-12-01' }, lid(m.plaatsing), 2))).toBe('verouderd');
    expect(doe(m.plaatsing, { actie: 'kennismaking', datum: '2026-12-01' }, lid(m.plaatsing), 1).plaatsing.versie).toBe(2);
  });
});

describe('wie mag wat', () => {
  it('wie de plaatsing niet ziet krijgt "niet gevonden"; wie haar ziet maar de handeling niet mag "geen toegang"', () => {
    const { m } = voorgesteld();
    const pl = m.plaatsing;
    const kennis: PlaatsingOpdracht = { actie: 'kennismaking', datum: '2026-12-01' };
    expect(fout(() => doe(pl, kennis, werkgever('01JDANDERLIDXXXXXXXXXXXXXX')))).toBe('nietGevonden');
    expect(fout(() => doe(pl, kennis, gemeente('GM0599')))).toBe('nietGevonden');
    expect(fout(() => doe(pl, kennis, partner('01JDPARTNERXXXXXXXXXXXXXXX')))).toBe('nietGevonden');
    expect(fout(() => doe(pl, kennis, gemeente(pl.gemeente)))).toBe('geenToegang');
    expect(fout(() => doe(pl, { actie: 'annuleren', reden: 'x' }, lid(pl)))).toBe('geenToegang');
    expect(fout(() => doe(pl, { actie: 'jobcoachToewijzen', partnerId: '01JDPARTNERXXXXXXXXXXXXXXX' }, lid(pl)))).toBe('geenToegang');
    const metCoach = doe(pl, { actie: 'jobcoachToewijzen', partnerId: '01JDPARTNERXXXXXXXXXXXXXXX' }, admin).plaatsing;
    const coach = partner('01JDPARTNERXXXXXXXXXXXXXXX');
    expect(fout(() => doe(metCoach, kennis, coach))).toBe('geenToegang');
    expect(doe(metCoach, { actie: 'notitieToevoegen', invoer: { soort: 'begeleiding', datum: '2026-12-02', tekst: 'Eerste gesprek' } }, coach).notitie?.door.rol).toBe(
      'regiopartner',
    );
    expect(fout(() => doe(metCoach, { actie: 'notitieToevoegen', invoer: { soort: 'begeleiding', datum: '2026-12-02', tekst: 'x' } }, lid(pl)))).toBe('geenToegang');
  });

  it('de tabel MAG is volledig en de coördinator mag alles', () => {
    for (const rollen of Object.values(MAG)) expect(rollen).toContain('coopAdmin');
  });

  it('de jobcoachorganisatie toewijzen zet haar op de plaatsing en laat de opslag haar goedkeuring controleren; dezelfde opnieuw is een conflict', () => {
    const { m } = voorgesteld();
    const t = doe(m.plaatsing, { actie: 'jobcoachToewijzen', partnerId: '01JDPARTNERXXXXXXXXXXXXXXX' }, admin);
    expect(t.plaatsing.jobcoachPartnerId).toBe('01JDPARTNERXXXXXXXXXXXXXXX');
    expect(t.jobcoachPartnerId).toBe('01JDPARTNERXXXXXXXXXXXXXXX');
    expect(t.gebeurtenis).toMatchObject({ soort: 'jobcoachToegewezen', onderwerpId: '01JDPARTNERXXXXXXXXXXXXXXX', vanFase: 'voorgesteld', naarFase: 'voorgesteld' });
    expect(fout(() => doe(t.plaatsing, { actie: 'jobcoachToewijzen', partnerId: '01JDPARTNERXXXXXXXXXXXXXXX' }, admin))).toBe('conflict');
  });
});

describe('het ontwikkelplan', () => {
  it('doelen toevoegen en wijzigen, en notities schrijven, zijn nieuwe versies van de plaatsing met een gebeurtenis zonder tekst', () => {
    const s = gestart();
    const d = doe(s.plaatsing, { actie: 'ontwikkeldoelToevoegen', invoer: { omschrijving: 'Zelfstandig de route plannen', streefdatum: '2027-03-01', voortgang: 'nietGestart' } });
    expect(d.doel).toMatchObject({ omschrijving: 'Zelfstandig de route plannen', voortgang: 'nietGestart' });
    expect(d.plaatsing.versie).toBe(s.plaatsing.versie + 1);
    const w = doe(d.plaatsing, { actie: 'ontwikkeldoelWijzigen', doel: d.doel!, wijziging: { voortgang: 'bezig' } });
    expect(w.doel).toMatchObject({ id: d.doel!.id, omschrijving: 'Zelfstandig de route plannen', streefdatum: '2027-03-01', voortgang: 'bezig' });
    const n = doe(w.plaatsing, { actie: 'notitieToevoegen', invoer: { soort: 'evaluatie', datum: '2027-02-01', tekst: 'Goede eerste maand' } }, admin);
    expect(n.gebeurtenis).toMatchObject({ soort: 'begeleidingsnotitieToegevoegd', onderwerpId: n.notitie!.id });
    expect(JSON.stringify(n.gebeurtenis)).not.toContain('Goede eerste maand');
  });

  it('is dicht zodra de plaatsing is afgesloten (409)', () => {
    const { m } = voorgesteld();
    const a = doe(m.plaatsing, { actie: 'afwijzen', reden: 'x' });
    expect(fout(() => doe(a.plaatsing, { actie: 'ontwikkeldoelToevoegen', invoer: { omschrijving: 'x', streefdatum: '2027-01-01', voortgang: 'bezig' } }))).toBe(
      'ongeldigeOvergang',
    );
  });
});

/**
 * Every command a caller can send, with values that are sometimes valid and sometimes not. Weighted so
 * that sequences get past the start often: closing commands are rarer than the ones that move forward.
 */
const opdrachten: fc.Arbitrary<PlaatsingOpdracht> = fc.oneof(
  { arbitrary: fc.record({ actie: fc.constant('kennismaking' as const), datum: fc.constantFrom('2026-11-30', '2026-12-01') }), weight: 4 },
  { arbitrary: fc.record({
    actie: fc.constant('proefplaatsing' as const),
    startdatum: fc.constantFrom('2026-11-29', '2026-12-07'),
    einddatum: fc.constantFrom('2027-01-07', '2027-02-07', '2027-02-08'),
  }), weight: 3 },
  { arbitrary: fc.record({ actie: fc.constant('starten' as const), contract: fc.constantFrom(contract(), contract(), contract({ startdatum: '2026-11-01', einddatum: '2027-01-01' })) }), weight: 4 },
  { arbitrary: fc.record({
    actie: fc.constant('beeindigen' as const),
    einddatum: fc.constantFrom('2026-12-31', '2027-06-01'),
    reden: fc.constantFrom('uitstroomRegulierWerk', 'contractNietVerlengd', 'terugNaarGemeente', 'eigenVerzoek', 'overig' as const),
  }), weight: 2 },
  { arbitrary: fc.record({ actie: fc.constant('afwijzen' as const), reden: fc.constant('past niet') }), weight: 1 },
  { arbitrary: fc.record({ actie: fc.constant('annuleren' as const), reden: fc.constant('verhuisd') }), weight: 1 },
  { arbitrary: fc.record({
    actie: fc.constant('instrumentToevoegen' as const),
    invoer: fc.constantFrom(
      { soort: 'loonkostensubsidie' as const, startdatum: '2027-01-04', forfaitairTot: '2027-07-04' },
      { soort: 'loonkostensubsidie' as const, startdatum: '2027-01-04', forfaitairTot: '2027-07-05' },
      { soort: 'noRiskPolis' as const, startdatum: '2027-01-04' },
      { soort: 'jobcoach' as const, startdatum: '2026-12-07', urenPerMaand: 8, organisatie: 'Coachpunt' },
      { soort: 'proefplaatsing' as const, startdatum: '2026-12-07', einddatum: '2027-01-07' },
    ),
  }), weight: 3 },
  { arbitrary: fc.record({ actie: fc.constant('jobcoachToewijzen' as const), partnerId: fc.constantFrom('01JDPARTNERAXXXXXXXXXXXXXX', '01JDPARTNERBXXXXXXXXXXXXXX') }), weight: 1 },
  { arbitrary: fc.record({
    actie: fc.constant('notitieToevoegen' as const),
    invoer: fc.constant({ soort: 'begeleiding' as const, datum: '2026-12-10', tekst: 'voortgang besproken' }),
  }), weight: 1 },
);

describe('eigenschappen van de toestandsmachine', () => {
  it('elke reeks opdrachten van elke rol bereikt nooit een ongeldige toestand', () => {
    const { m } = voorgesteld();
    const start = m.plaatsing;
    const rollen: Principal[] = [admin, werkgever(start.lidId), gemeente(start.gemeente), partner('01JDPARTNERAXXXXXXXXXXXXXX')];
    fc.assert(
      fc.property(fc.array(fc.tuple(opdrachten, fc.constantFrom(rollen[0]!, rollen[0]!, rollen[1]!, rollen[1]!, rollen[1]!, rollen[2]!, rollen[3]!)), { minLength: 5, maxLength: 30 }), (reeks) => {
        let pl = start;
        const geschiedenis: PlaatsingMutatie[] = [];
        for (const [opdracht, door] of reeks) {
          let m: PlaatsingMutatie;
          try {
            m = voerUit(pl, opdracht, door, undefined, omgeving());
          } catch (e) {
            expect(e).toBeInstanceOf(DomeinFout);
            expect(['nietGevonden', 'geenToegang', 'ongeldigeOvergang', 'onverwerkbaar', 'conflict']).toContain((e as DomeinFout).soort);
            continue;
          }
          expect(Plaatsing.safeParse(m.plaatsing).success).toBe(true);
          expect(PlaatsingGebeurtenis.safeParse(m.gebeurtenis).success).toBe(true);
          expect(m.plaatsing.versie).toBe(pl.versie + 1);
          expect(m.verwachteVersie).toBe(pl.versie);
          expect(m.gebeurtenis).toMatchObject({ vanFase: pl.fase, naarFase: m.plaatsing.fase, versie: m.plaatsing.versie });
          expect(MAG[opdracht.actie]).toContain(door.rol);
          // Closed is closed: nothing changes a placement after it ended, was rejected or cancelled.
          expect(OPEN_FASEN).toContain(pl.fase);
          geschiedenis.push(m);
          pl = m.plaatsing;
        }
        const fasen = [start.fase, ...geschiedenis.map((g) => g.plaatsing.fase)];
        // Phases only move forward along the workflow.
        const volgorde = ['voorgesteld', 'kennismaking', 'proefplaatsing', 'gestart', 'beeindigd'];
        const stappen = fasen.filter((f) => volgorde.includes(f)).map((f) => volgorde.indexOf(f));
        expect(stappen).toEqual([...stappen].sort((a, b) => a - b));
        // Facts that must hold for the phase reached.
        if (pl.fase === 'gestart' || pl.fase === 'beeindigd') expect(pl.contract).toBeDefined();
        if (pl.fase === 'beeindigd') expect(pl.beeindiging!.einddatum >= pl.contract!.startdatum).toBe(true);
        if (pl.proefplaatsing) expect(pl.proefplaatsing.einddatum <= '2027-02-07').toBe(true);
        if (pl.fase === 'afgewezen') expect(pl.contract).toBeUndefined();
        expect(pl.instrumenten.filter((i) => i.invoer.soort === 'proefplaatsing' && i.status === 'actief').length).toBe(pl.fase === 'proefplaatsing' ? 1 : 0);
        for (const soort of ['loonkostensubsidie', 'noRiskPolis', 'jobcoach'])
          expect(pl.instrumenten.filter((i) => i.invoer.soort === soort && i.status === 'actief').length).toBeLessThanOrEqual(OPEN_FASEN.includes(pl.fase) ? 1 : 0);
        // The counters' effects balance: one start at most, one end only after it; the pair is released exactly when closed.
        const bezetting = geschiedenis.reduce((s, g) => s + (g.bezetting ?? 0), 0);
        expect(bezetting).toBe(pl.fase === 'gestart' ? 1 : 0);
        expect(geschiedenis.filter((g) => g.verwijzing === 'plaatsen').length).toBe(pl.fase === 'gestart' || pl.fase === 'beeindigd' ? 1 : 0);
        expect(geschiedenis.filter((g) => g.paar === 'vrijgeven').length).toBe(OPEN_FASEN.includes(pl.fase) ? 0 : 1);
        expect(pl.termijnen.map((t) => t.datum)).toEqual([...pl.termijnen.map((t) => t.datum)].sort());
      }),
      { numRuns: 400 },
    );
  });
});
