import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/rollen';
import { DomeinFout } from '../../shared/domain/fouten';
import { registreren } from '../../shared/domain/gemeenten';
import type { Omgeving } from '../../shared/domain/leden';
import {
  indienen,
  isAfgesloten,
  isZichtbaarInMatching,
  kandidaatprofiel,
  plaatsen,
  plaatsingBeeindigd,
  toestemmingGeven,
  toestemmingIntrekken,
  voerUit,
  wijzigen,
  type VerwijzingActie,
  type VerwijzingMutatie,
} from '../../shared/domain/verwijzingen';
import { GemeenteRegistratie } from '../../shared/schemas/gemeenten';
import {
  Kandidaatprofiel,
  Verwijzing,
  VerwijzingGebeurtenis,
  VerwijzingInvoer,
  VerwijzingWijziging,
  type VerwijzingStatus,
} from '../../shared/schemas/verwijzingen';

const admin: Principal = { rol: 'coopAdmin', subject: 'coordinator-1' };
const amsterdam: Principal = { rol: 'gemeente', subject: 'klantmanager-7', gemeente: 'GM0363' };
let teller = 0;
const omgeving = (): Omgeving => ({ nu: '2026-11-26T09:00:00.000Z', nieuwId: () => `01JD${String(++teller).padStart(22, '0')}` });
const gemeente = registreren(
  GemeenteRegistratie.parse({ code: 'GM0363', naam: 'Amsterdam', arbeidsmarktregio: 'Groot Amsterdam', contactpersoon: { naam: 'Noor Bakker', email: 'participatie@amsterdam.nl' } }),
  admin,
  omgeving(),
).gemeente;

const LID_A = '01JDAAAAAAAAAAAAAAAAAAAAAA';
const LID_B = '01JDBBBBBBBBBBBBBBBBBBBBBB';
const PLAATSING = '01JDPPPPPPPPPPPPPPPPPPPPPP';

const invoer: VerwijzingInvoer = {
  dossierkenmerk: 'PW-2026-00412',
  doelgroep: 'banenafspraak',
  kandidaat: { naam: 'Sem de Wit', email: 'sem@example.nl', telefoonnummer: '06 12345678' },
  mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', zelfstandigheid: 'deelsZelfstandig', taalniveau: 'B1', rijbewijs: false },
  werkaanpassingen: ['vasteStructuur', 'prikkelarmeOmgeving'],
  uren: { minimum: 16, maximum: 24 },
  mobiliteit: { reisafstandKm: 10, vervoer: ['fiets', 'ov'] },
  postcodegebied: '1102',
  werksoortVoorkeuren: ['groen', 'schoonmaak'],
  beschikbaarVanaf: '2026-12-01',
  toestemmingProfielDelen: true,
};

const nieuw = () => indienen(invoer, gemeente, amsterdam, omgeving()).verwijzing;
const naar = (status: 'inIntake' | 'bemiddelbaar' | 'geplaatst'): Verwijzing => {
  let v = voerUit(nieuw(), 'intakeStarten', admin, {}, omgeving()).verwijzing;
  if (status === 'inIntake') return v;
  v = voerUit(v, 'bemiddelbaarVerklaren', admin, {}, omgeving()).verwijzing;
  if (status === 'bemiddelbaar') return v;
  return plaatsen(v, PLAATSING, admin, omgeving()).verwijzing;
};
const fout = (soort: DomeinFout['soort']) => expect.objectContaining({ soort });

describe('een verwijzing indienen', () => {
  it('begint als ingediend, versie 1, in de arbeidsmarktregio van de gemeente, zonder plaatsingen of toestemmingen', () => {
    const { verwijzing, gebeurtenis, verwachteVersie, vorige } = indienen(invoer, gemeente, amsterdam, omgeving());
    expect(verwijzing).toMatchObject({ gemeente: 'GM0363', arbeidsmarktregio: 'Groot Amsterdam', status: 'ingediend', versie: 1, aantalPlaatsingen: 0, toestemmingWerkgevers: [] });
    expect(Verwijzing.safeParse(verwijzing).success).toBe(true);
    expect(gebeurtenis).toMatchObject({ soort: 'ingediend', naarStatus: 'ingediend', versie: 1, door: { rol: 'gemeente', subject: 'klantmanager-7' } });
    expect(VerwijzingGebeurtenis.safeParse(gebeurtenis).success).toBe(true);
    expect(verwachteVersie).toBeUndefined();
    expect(vorige).toBeUndefined();
  });
});

describe('geen BSN en geen medische gegevens', () => {
  const fouten = (waarde: unknown) => {
    const r = VerwijzingInvoer.safeParse(waarde);
    return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
  };

  it('weigert een BSN in het dossierkenmerk, ook met punten of spaties, en in de naam', () => {
    expect(fouten({ ...invoer, dossierkenmerk: '111222333' })).toEqual(['dossierkenmerk']);
    expect(fouten({ ...invoer, dossierkenmerk: 'PW-1112.22.333' })).toEqual(['dossierkenmerk']);
    expect(fouten({ ...invoer, kandidaat: { naam: 'Sem 1112 22 333' } })).toEqual(['kandidaat.naam']);
    expect(fouten({ ...invoer, kandidaat: { naam: 'Sem', telefoonnummer: '111222333' } })).toEqual(['kandidaat.telefoonnummer']);
  });

  it('laat een getal van negen cijfers door dat de elfproef niet haalt', () => {
    expect(fouten({ ...invoer, dossierkenmerk: '123456789' })).toEqual([]);
  });

  it('heeft geen veld voor een diagnose of vrije medische tekst: zulke velden worden geweigerd', () => {
    expect(fouten({ ...invoer, diagnose: 'depressie', medischeToelichting: 'rugklachten' })).toEqual(['']);
    const r = VerwijzingInvoer.safeParse({ ...invoer, diagnose: 'x', medischeToelichting: 'y' });
    expect(r.error!.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['diagnose', 'medischeToelichting'] });
    expect(fouten({ ...invoer, mogelijkheden: { ...invoer.mogelijkheden, beperking: 'autisme' } })).toEqual(['mogelijkheden']);
  });
});

describe('de overgangen van een verwijzing', () => {
  it('loopt van ingediend via intake naar bemiddelbaar; elke overgang legt van, naar, wie en versie vast', () => {
    const v = nieuw();
    const intake = voerUit(v, 'intakeStarten', admin, { ifMatch: 1 }, omgeving());
    expect(intake.verwijzing).toMatchObject({ status: 'inIntake', versie: 2 });
    expect(intake.gebeurtenis).toMatchObject({ soort: 'inIntakeGenomen', vanStatus: 'ingediend', naarStatus: 'inIntake', versie: 2, door: { rol: 'coopAdmin' } });
    expect(intake.vorige).toBe(v);
    expect(intake.verwachteVersie).toBe(1);
    const b = voerUit(intake.verwijzing, 'bemiddelbaarVerklaren', admin, {}, omgeving());
    expect(b.verwijzing.status).toBe('bemiddelbaar');
    expect(isZichtbaarInMatching(b.verwijzing)).toBe(true);
  });

  it('weigert een overgang die vanuit de huidige status niet kan', () => {
    expect(() => voerUit(nieuw(), 'bemiddelbaarVerklaren', admin, {}, omgeving())).toThrowError(fout('ongeldigeOvergang'));
    expect(() => voerUit(naar('inIntake'), 'intakeStarten', admin, {}, omgeving())).toThrowError(fout('ongeldigeOvergang'));
    expect(() => voerUit(naar('geplaatst'), 'terugmelden', admin, { reden: 'x' }, omgeving())).toThrowError(fout('ongeldigeOvergang'));
    expect(() => voerUit(naar('geplaatst'), 'intrekken', amsterdam, { reden: 'x' }, omgeving())).toThrowError(fout('ongeldigeOvergang'));
  });

  it('terugmelden en intrekken vragen een reden, die de status verklaart', () => {
    expect(() => voerUit(nieuw(), 'terugmelden', admin, {}, omgeving())).toThrowError(fout('onverwerkbaar'));
    const t = voerUit(naar('bemiddelbaar'), 'terugmelden', admin, { reden: 'Kandidaat is verhuisd' }, omgeving());
    expect(t.verwijzing).toMatchObject({ status: 'teruggemeld', statusReden: 'Kandidaat is verhuisd' });
    expect(t.gebeurtenis).toMatchObject({ soort: 'teruggemeld', vanStatus: 'bemiddelbaar', reden: 'Kandidaat is verhuisd' });
    const i = voerUit(naar('inIntake'), 'intrekken', amsterdam, { reden: 'Kandidaat heeft zelf werk' }, omgeving());
    expect(i.verwijzing).toMatchObject({ status: 'ingetrokken', statusReden: 'Kandidaat heeft zelf werk' });
  });

  it('weigert een verouderde versie', () => {
    expect(() => voerUit(nieuw(), 'intakeStarten', admin, { ifMatch: 3 }, omgeving())).toThrowError(fout('verouderd'));
    expect(() => wijzigen(nieuw(), { uren: { minimum: 8, maximum: 16 } }, amsterdam, 2, omgeving())).toThrowError(fout('verouderd'));
    expect(() => toestemmingGeven(nieuw(), LID_A, amsterdam, 2, omgeving())).toThrowError(fout('verouderd'));
  });
});

describe('plaatsen en het einde van een plaatsing (voor de plaatsingen)', () => {
  it('plaatsen kan alleen vanuit bemiddelbaar, telt de plaatsing en haalt de kandidaat uit de matching', () => {
    const m = plaatsen(naar('bemiddelbaar'), PLAATSING, admin, omgeving());
    expect(m.verwijzing).toMatchObject({ status: 'geplaatst', aantalPlaatsingen: 1 });
    expect(m.gebeurtenis).toMatchObject({ soort: 'geplaatst', plaatsingId: PLAATSING, vanStatus: 'bemiddelbaar' });
    expect(isZichtbaarInMatching(m.verwijzing)).toBe(false);
    expect(() => plaatsen(naar('inIntake'), PLAATSING, admin, omgeving())).toThrowError(fout('ongeldigeOvergang'));
    expect(() => plaatsen(m.verwijzing, PLAATSING, admin, omgeving())).toThrowError(fout('ongeldigeOvergang'));
  });

  it('na een gewoon einde blijft de verwijzing geplaatst; bij terugNaarGemeente gaat zij terug, met die reden', () => {
    const geplaatst = naar('geplaatst');
    for (const reden of ['uitstroomRegulierWerk', 'contractNietVerlengd', 'eigenVerzoek', 'overig'])
      expect(plaatsingBeeindigd(geplaatst, { plaatsingId: PLAATSING, reden }, admin, omgeving())).toBeUndefined();
    const terug = plaatsingBeeindigd(geplaatst, { plaatsingId: PLAATSING, reden: 'terugNaarGemeente', toelichting: 'Te zwaar werk' }, admin, omgeving())!;
    expect(terug.verwijzing).toMatchObject({ status: 'teruggemeld', aantalPlaatsingen: 1 });
    expect(terug.verwijzing.statusReden).toContain('Te zwaar werk');
    expect(terug.gebeurtenis).toMatchObject({ soort: 'teruggemeld', vanStatus: 'geplaatst', plaatsingId: PLAATSING });
    expect(() => plaatsingBeeindigd(naar('bemiddelbaar'), { plaatsingId: PLAATSING, reden: 'terugNaarGemeente' }, admin, omgeving())).toThrowError(fout('ongeldigeOvergang'));
  });
});

describe('wijzigen door de gemeente', () => {
  it('noemt de gewijzigde velden (namen, geen waarden) en houdt de status', () => {
    const m = wijzigen(naar('bemiddelbaar'), { uren: { minimum: 8, maximum: 16 }, werksoortVoorkeuren: ['groen'] }, amsterdam, undefined, omgeving());
    expect(m.verwijzing).toMatchObject({ status: 'bemiddelbaar', uren: { minimum: 8, maximum: 16 }, werksoortVoorkeuren: ['groen'] });
    expect(m.gebeurtenis).toMatchObject({ soort: 'gewijzigd', gewijzigdeVelden: ['uren', 'werksoortVoorkeuren'], vanStatus: 'bemiddelbaar', naarStatus: 'bemiddelbaar' });
  });

  it('kan het dossierkenmerk en de doelgroep niet wijzigen', () => {
    const r = VerwijzingWijziging.safeParse({ dossierkenmerk: 'ander', doelgroep: 'beschutWerk', status: 'geplaatst', aantalPlaatsingen: 3 });
    expect(r.error!.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['dossierkenmerk', 'doelgroep', 'status', 'aantalPlaatsingen'] });
  });

  it('een afgesloten verwijzing verandert niet meer, maar de toestemming om het profiel te delen kan altijd worden ingetrokken', () => {
    const ingetrokken = voerUit(nieuw(), 'intrekken', amsterdam, { reden: 'x' }, omgeving()).verwijzing;
    expect(() => wijzigen(ingetrokken, { uren: { minimum: 8, maximum: 16 } }, amsterdam, undefined, omgeving())).toThrowError(fout('ongeldigeOvergang'));
    expect(() => wijzigen(ingetrokken, { toestemmingProfielDelen: true }, amsterdam, undefined, omgeving())).toThrowError(fout('ongeldigeOvergang'));
    const m = wijzigen(ingetrokken, { toestemmingProfielDelen: false }, amsterdam, undefined, omgeving());
    expect(m.verwijzing).toMatchObject({ status: 'ingetrokken', statusReden: 'x', toestemmingProfielDelen: false });
  });

  it('de toestemming intrekken haalt een bemiddelbare kandidaat uit de matching', () => {
    const m = wijzigen(naar('bemiddelbaar'), { toestemmingProfielDelen: false }, amsterdam, 3, omgeving());
    expect(isZichtbaarInMatching(m.verwijzing)).toBe(false);
  });
});

describe('toestemming om kennis te maken, en wat een werkgever ziet', () => {
  it('geeft en trekt toestemming per lid in; herhalen verandert niets', () => {
    const v = naar('bemiddelbaar');
    const gegeven = toestemmingGeven(v, LID_A, amsterdam, undefined, omgeving())!;
    expect(gegeven.verwijzing.toestemmingWerkgevers).toEqual([LID_A]);
    expect(gegeven.actiefLid).toBe(LID_A);
    expect(gegeven.gebeurtenis).toMatchObject({ soort: 'toestemmingGegeven', lidId: LID_A, vanStatus: 'bemiddelbaar', naarStatus: 'bemiddelbaar' });
    expect(toestemmingGeven(gegeven.verwijzing, LID_A, amsterdam, undefined, omgeving())).toBeUndefined();
    const ingetrokken = toestemmingIntrekken(gegeven.verwijzing, LID_A, amsterdam, undefined, omgeving())!;
    expect(ingetrokken.verwijzing.toestemmingWerkgevers).toEqual([]);
    expect(ingetrokken.actiefLid).toBeUndefined();
    expect(toestemmingIntrekken(ingetrokken.verwijzing, LID_A, amsterdam, undefined, omgeving())).toBeUndefined();
  });

  it('bij een afgesloten verwijzing komt er geen toestemming meer bij, intrekken kan wel', () => {
    const v = toestemmingGeven(naar('bemiddelbaar'), LID_A, amsterdam, undefined, omgeving())!.verwijzing;
    const terug = voerUit(v, 'terugmelden', admin, { reden: 'x' }, omgeving()).verwijzing;
    expect(() => toestemmingGeven(terug, LID_B, amsterdam, undefined, omgeving())).toThrowError(fout('ongeldigeOvergang'));
    expect(toestemmingIntrekken(terug, LID_A, amsterdam, undefined, omgeving())!.verwijzing.toestemmingWerkgevers).toEqual([]);
  });

  it('een werkgever ziet naam en contact alleen na toestemming voor hem, en nooit het dossierkenmerk', () => {
    const v = toestemmingGeven(naar('bemiddelbaar'), LID_A, amsterdam, undefined, omgeving())!.verwijzing;
    const voorA = kandidaatprofiel(v, LID_A);
    const voorB = kandidaatprofiel(v, LID_B);
    expect(voorA.kandidaat).toEqual(invoer.kandidaat);
    expect(voorB.kandidaat).toBeUndefined();
    expect(Kandidaatprofiel.safeParse(voorA).success).toBe(true);
    expect(Kandidaatprofiel.safeParse(voorB).success).toBe(true);
    for (const p of [voorA, voorB]) {
      expect(JSON.stringify(p)).not.toContain(invoer.dossierkenmerk);
      expect(p).toMatchObject({ verwijzingId: v.id, doelgroep: 'banenafspraak', arbeidsmarktregio: 'Groot Amsterdam', postcodegebied: '1102' });
    }
    expect(JSON.stringify(voorB)).not.toContain('Sem');
  });
});

type Commando =
  | { soort: 'actie'; actie: VerwijzingActie; metReden: boolean }
  | { soort: 'plaatsen' }
  | { soort: 'beeindigd'; reden: string }
  | { soort: 'wijzigen'; toestemming: boolean }
  | { soort: 'toestemming'; geven: boolean; lid: string };

const commando: fc.Arbitrary<Commando> = fc.oneof(
  fc.record({ soort: fc.constant('actie' as const), actie: fc.constantFrom<VerwijzingActie>('intakeStarten', 'bemiddelbaarVerklaren', 'terugmelden', 'intrekken'), metReden: fc.boolean() }),
  fc.constant({ soort: 'plaatsen' as const }),
  fc.record({ soort: fc.constant('beeindigd' as const), reden: fc.constantFrom('terugNaarGemeente', 'contractNietVerlengd', 'uitstroomRegulierWerk') }),
  fc.record({ soort: fc.constant('wijzigen' as const), toestemming: fc.boolean() }),
  fc.record({ soort: fc.constant('toestemming' as const), geven: fc.boolean(), lid: fc.constantFrom(LID_A, LID_B) }),
);

const voer = (v: Verwijzing, c: Commando): VerwijzingMutatie | undefined => {
  switch (c.soort) {
    case 'actie':
      return voerUit(v, c.actie, c.actie === 'intrekken' ? amsterdam : admin, c.metReden ? { reden: 'reden' } : {}, omgeving());
    case 'plaatsen':
      return plaatsen(v, PLAATSING, admin, omgeving());
    case 'beeindigd':
      return plaatsingBeeindigd(v, { plaatsingId: PLAATSING, reden: c.reden }, admin, omgeving());
    case 'wijzigen':
      return wijzigen(v, { toestemmingProfielDelen: c.toestemming }, amsterdam, v.versie, omgeving());
    case 'toestemming':
      return (c.geven ? toestemmingGeven : toestemmingIntrekken)(v, c.lid, amsterdam, v.versie, omgeving());
  }
};

const TOEGESTAAN: Record<VerwijzingStatus, readonly VerwijzingStatus[]> = {
  ingediend: ['ingediend', 'inIntake', 'teruggemeld', 'ingetrokken'],
  inIntake: ['inIntake', 'bemiddelbaar', 'teruggemeld', 'ingetrokken'],
  bemiddelbaar: ['bemiddelbaar', 'geplaatst', 'teruggemeld', 'ingetrokken'],
  geplaatst: ['geplaatst', 'teruggemeld'],
  teruggemeld: ['teruggemeld'],
  ingetrokken: ['ingetrokken'],
};

describe('elke reeks opdrachten', () => {
  it('bereikt nooit een ongeldige toestand: schema geldig, alleen toegestane overgangen, plaatsingen geteld, geschiedenis aaneengesloten', () => {
    fc.assert(
      fc.property(fc.array(commando, { maxLength: 40 }), (commandos) => {
        const eerste = indienen(invoer, gemeente, amsterdam, omgeving());
        let v = eerste.verwijzing;
        const geschiedenis: VerwijzingGebeurtenis[] = [eerste.gebeurtenis];
        let geplaatst = 0;
        for (const c of commandos) {
          let m: VerwijzingMutatie | undefined;
          try {
            m = voer(v, c);
          } catch (e) {
            // A refusal is a domain refusal and changes nothing.
            expect(e).toBeInstanceOf(DomeinFout);
            expect(['ongeldigeOvergang', 'onverwerkbaar']).toContain((e as DomeinFout).soort);
            continue;
          }
          if (!m) continue;
          expect(m.verwachteVersie).toBe(v.versie);
          expect(m.vorige).toBe(v);
          expect(m.verwijzing.versie).toBe(v.versie + 1);
          expect(m.gebeurtenis.vanStatus).toBe(v.status);
          expect(m.gebeurtenis.naarStatus).toBe(m.verwijzing.status);
          expect(TOEGESTAAN[v.status]).toContain(m.verwijzing.status);
          if (c.soort === 'plaatsen') geplaatst++;
          geschiedenis.push(m.gebeurtenis);
          v = m.verwijzing;

          expect(Verwijzing.safeParse(v).success).toBe(true);
          expect(v.aantalPlaatsingen).toBe(geplaatst);
          if (v.status === 'geplaatst') expect(v.aantalPlaatsingen).toBeGreaterThan(0);
          expect(v.statusReden !== undefined).toBe(isAfgesloten(v.status));
          expect(new Set(v.toestemmingWerkgevers).size).toBe(v.toestemmingWerkgevers.length);
          expect(v).toMatchObject({ id: eerste.verwijzing.id, gemeente: 'GM0363', dossierkenmerk: invoer.dossierkenmerk, doelgroep: invoer.doelgroep });
        }
        expect(geschiedenis.map((g) => g.versie)).toEqual(geschiedenis.map((_, i) => i + 1));
        expect(geschiedenis.at(-1)!.naarStatus).toBe(v.status);
        for (const g of geschiedenis) expect(VerwijzingGebeurtenis.safeParse(g).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
