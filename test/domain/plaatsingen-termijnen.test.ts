import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomeinFout } from '../../shared/domain/fouten';
import { controleerInstrument, controleerProefperiode, plusMaanden, termijnen, voegInstrumentToe } from '../../shared/domain/instrumenten';
import { voerUit, voorstellen } from '../../shared/domain/plaatsingen';
import { InstrumentInvoer, type Instrument, type Plaatsing } from '../../shared/schemas/plaatsingen';
import { admin, contract, omgeving, verwijzing, werkgever, werkplek } from './plaatsingen-fixtures';

const soort = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DomeinFout);
    return (e as DomeinFout).soort;
  }
  return 'geen fout';
};
let n = 0;
const instrument = (invoer: InstrumentInvoer, status: Instrument['status'] = 'actief'): Instrument => ({
  id: `01JDINSTRUMENT${String(++n).padStart(12, '0')}`,
  status,
  invoer,
  aangemaaktOp: '2026-11-26T09:00:00.000Z',
});

describe('datums: plusMaanden', () => {
  it('telt kalendermaanden en neemt de laatste dag als de dag niet bestaat', () => {
    expect(plusMaanden('2026-12-07', 2)).toBe('2027-02-07');
    expect(plusMaanden('2026-12-31', 2)).toBe('2027-02-28');
    expect(plusMaanden('2027-12-31', 2)).toBe('2028-02-29');
    expect(plusMaanden('2026-08-31', 6)).toBe('2027-02-28');
    expect(plusMaanden('2026-01-15', 12)).toBe('2027-01-15');
    expect(plusMaanden('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('ligt altijd later dan de begindatum, en hoogstens één dag per maand naast de "zelfde dag"', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), fc.integer({ min: 1, max: 24 }), (d, m) => {
        const datum = d.toISOString().slice(0, 10);
        const later = plusMaanden(datum, m);
        expect(later > datum).toBe(true);
        expect(later).toMatch(/^\d{4}-\d\d-\d\d$/);
        expect(Number(later.slice(8))).toBeLessThanOrEqual(Number(datum.slice(8)));
      }),
    );
  });
});

describe('de regels van de instrumenten', () => {
  it('proefplaatsing: hoogstens twee maanden, einde na begin', () => {
    expect(soort(() => controleerProefperiode({ startdatum: '2027-01-01', einddatum: '2027-03-01' }))).toBe('geen fout');
    expect(soort(() => controleerProefperiode({ startdatum: '2027-01-01', einddatum: '2027-03-02' }))).toBe('onverwerkbaar');
    expect(soort(() => controleerProefperiode({ startdatum: '2027-01-01', einddatum: '2027-01-01' }))).toBe('onverwerkbaar');
  });

  it('loonkostensubsidie: forfaitair hoogstens zes maanden vanaf de start, niet voor het contract', () => {
    const metContract = { contract: contract({ startdatum: '2027-01-04' }) };
    const lks = (startdatum: string, forfaitairTot: string): InstrumentInvoer => ({ soort: 'loonkostensubsidie', startdatum, forfaitairTot });
    expect(soort(() => controleerInstrument(lks('2027-01-04', '2027-07-04'), metContract))).toBe('geen fout');
    expect(soort(() => controleerInstrument(lks('2027-01-04', '2027-07-05'), metContract))).toBe('onverwerkbaar');
    expect(soort(() => controleerInstrument(lks('2027-01-04', '2027-01-03'), metContract))).toBe('onverwerkbaar');
    expect(soort(() => controleerInstrument(lks('2027-01-03', '2027-02-01'), metContract))).toBe('onverwerkbaar');
  });

  it('loonkostensubsidie met gemeten loonwaarde: er is geen forfaitaire periode te plannen, dus forfaitairTot mag weg en wordt niet gecontroleerd', () => {
    const metContract = { contract: contract({ startdatum: '2027-01-04' }) };
    const gemeten = { soort: 'loonkostensubsidie', startdatum: '2027-01-04', loonwaardePercentage: 60 } as const;
    expect(soort(() => controleerInstrument(gemeten, metContract))).toBe('geen fout');
    expect(soort(() => controleerInstrument({ ...gemeten, forfaitairTot: '2027-10-04' }, metContract))).toBe('geen fout');
    expect(termijnen({ fase: 'gestart', instrumenten: [instrument({ ...gemeten, forfaitairTot: '2027-10-04' })] }).map((t) => t.soort)).toEqual(['herbeoordelingLks']);
    // Not measured, the forfaitaire period is the subsidy: its schema asks for its end (400 without it).
    expect(InstrumentInvoer.safeParse({ soort: 'loonkostensubsidie', startdatum: '2027-01-04' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['forfaitairTot']);
    expect(InstrumentInvoer.safeParse(gemeten).success).toBe(true);
  });

  it('no-risk polis en jobcoach: een einde ligt na het begin', () => {
    expect(soort(() => controleerInstrument({ soort: 'noRiskPolis', startdatum: '2027-01-04', einddatum: '2027-01-04' }, {}))).toBe('onverwerkbaar');
    expect(soort(() => controleerInstrument({ soort: 'jobcoach', startdatum: '2027-01-04', einddatum: '2027-01-01', urenPerMaand: 8, organisatie: 'Coachpunt' }, {}))).toBe(
      'onverwerkbaar',
    );
    expect(soort(() => controleerInstrument({ soort: 'jobcoach', startdatum: '2027-01-04', urenPerMaand: 8, organisatie: 'Coachpunt' }, {}))).toBe('geen fout');
  });

  it('per soort is één instrument actief: een nieuw (de jaarlijkse heraanvraag) beëindigt het vorige', () => {
    const eerste = instrument({ soort: 'loonkostensubsidie', startdatum: '2027-01-04', forfaitairTot: '2027-07-04' });
    const coach = instrument({ soort: 'jobcoach', startdatum: '2027-01-04', urenPerMaand: 8, organisatie: 'Coachpunt' });
    const tweede = instrument({ soort: 'loonkostensubsidie', startdatum: '2028-01-04', forfaitairTot: '2028-01-04', loonwaardePercentage: 55 });
    const alle = voegInstrumentToe([eerste, coach], tweede);
    expect(alle.map((i) => i.status)).toEqual(['beeindigd', 'actief', 'actief']);
  });
});

describe('termijnen: de datums waarop de nazorg moet handelen, afgeleid uit de plaatsing', () => {
  const basis = (over: Partial<Plaatsing>): Pick<Plaatsing, 'fase' | 'instrumenten' | 'contract'> => ({ fase: 'gestart', instrumenten: [], contract: contract(), ...over });

  it('leidt elk soort termijn af, vroegste eerst', () => {
    const lks = instrument({ soort: 'loonkostensubsidie', startdatum: '2027-01-04', forfaitairTot: '2027-07-04' });
    const polis = instrument({ soort: 'noRiskPolis', startdatum: '2027-01-04', einddatum: '2032-01-04' });
    const coach = instrument({ soort: 'jobcoach', startdatum: '2027-01-04', urenPerMaand: 8, organisatie: 'Coachpunt' });
    expect(termijnen(basis({ instrumenten: [polis, lks, coach], contract: contract({ einddatum: '2028-01-03' }) }))).toEqual([
      { soort: 'eindeForfaitaireLks', datum: '2027-07-04', instrumentId: lks.id },
      { soort: 'eindeContract', datum: '2028-01-03' },
      { soort: 'herbeoordelingLks', datum: '2028-01-04', instrumentId: lks.id },
      { soort: 'eindeNoRiskPolis', datum: '2032-01-04', instrumentId: polis.id },
    ]);
  });

  it('na de loonwaardemeting vervalt het einde van de forfaitaire periode; de herbeoordeling blijft', () => {
    const gemeten = instrument({ soort: 'loonkostensubsidie', startdatum: '2027-01-04', forfaitairTot: '2027-07-04', loonwaardePercentage: 60 });
    expect(termijnen(basis({ instrumenten: [gemeten], contract: contract({ contractvorm: 'onbepaaldeTijd', einddatum: undefined }) }))).toEqual([
      { soort: 'herbeoordelingLks', datum: '2028-01-04', instrumentId: gemeten.id },
    ]);
  });

  it('negeert beëindigde instrumenten, en een afgesloten plaatsing heeft geen termijnen meer', () => {
    const oud = instrument({ soort: 'noRiskPolis', startdatum: '2027-01-04', einddatum: '2027-06-01' }, 'beeindigd');
    expect(termijnen(basis({ instrumenten: [oud], contract: contract({ einddatum: undefined }) }))).toEqual([]);
    const lks = instrument({ soort: 'loonkostensubsidie', startdatum: '2027-01-04', forfaitairTot: '2027-07-04' });
    for (const fase of ['beeindigd', 'afgewezen', 'geannuleerd'] as const) expect(termijnen(basis({ fase, instrumenten: [lks] }))).toEqual([]);
  });

  it('een contract zonder einde geeft geen eindeContract; voor de start telt het contract niet', () => {
    expect(termijnen(basis({ contract: contract({ contractvorm: 'onbepaaldeTijd', einddatum: undefined }) }))).toEqual([]);
    expect(termijnen(basis({ fase: 'proefplaatsing', contract: undefined }))).toEqual([]);
  });

  it('de opgeslagen termijnen van een plaatsing zijn altijd de afleiding van haar instrumenten en contract', () => {
    const w = werkplek();
    let pl = voorstellen(verwijzing(), w, admin, omgeving()).plaatsing;
    const door = werkgever(w.lidId);
    for (const opdracht of [
      { actie: 'kennismaking', datum: '2026-12-01' },
      { actie: 'proefplaatsing', startdatum: '2026-12-07', einddatum: '2027-01-31' },
      { actie: 'instrumentToevoegen', invoer: { soort: 'jobcoach', startdatum: '2026-12-07', urenPerMaand: 6, organisatie: 'Coachpunt' } },
      { actie: 'starten', contract: contract({ startdatum: '2027-02-01', einddatum: '2028-01-31' }) },
      { actie: 'instrumentToevoegen', invoer: { soort: 'loonkostensubsidie', startdatum: '2027-02-01', forfaitairTot: '2027-08-01' } },
      { actie: 'instrumentToevoegen', invoer: { soort: 'noRiskPolis', startdatum: '2027-02-01' } },
      { actie: 'instrumentToevoegen', invoer: { soort: 'loonkostensubsidie', startdatum: '2027-08-02', forfaitairTot: '2027-08-02', loonwaardePercentage: 55 } },
    ] as const) {
      pl = voerUit(pl, opdracht, door, undefined, omgeving()).plaatsing;
      expect(pl.termijnen).toEqual(termijnen(pl));
    }
    expect(pl.termijnen.map((t) => t.soort)).toEqual(['eindeContract', 'herbeoordelingLks']);
    expect(pl.termijnen[1]!.datum).toBe('2028-08-02');
  });

  it('een los instrument "proefplaatsing" wordt geweigerd (422): de proefplaatsing is een fase met een eigen operatie', () => {
    const w = werkplek();
    const pl = voorstellen(verwijzing(), w, admin, omgeving()).plaatsing;
    const k = voerUit(pl, { actie: 'kennismaking', datum: '2026-12-01' }, admin, undefined, omgeving()).plaatsing;
    expect(soort(() => voerUit(k, { actie: 'instrumentToevoegen', invoer: { soort: 'proefplaatsing', startdatum: '2026-12-07', einddatum: '2027-01-07' } }, admin, undefined, omgeving()))).toBe(
      'onverwerkbaar',
    );
    expect(soort(() => voerUit(k, { actie: 'instrumentToevoegen', invoer: { soort: 'noRiskPolis', startdatum: '2026-12-07' } }, admin, undefined, omgeving()))).toBe(
      'ongeldigeOvergang',
    );
  });
});
