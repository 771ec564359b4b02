import { kaplanMeier, type Curve } from './kaplan-meier';
import { cohortcijfers, behoudWaarnemingen, kwartaalVan, perCohort, type Cohortcijfers, type Uitkomstrecord } from './cohorten';
import { DREMPEL, onderdrukLijnen, onderdrukTabel, publiceerAandeel, publiceerAantal, type Aandeel, type Aantal } from './onthulling';
import { REFERENTIECIJFERS, type Referentiecijfer } from './referentiecijfers';

/**
 * The outcome report (issue 12, "Uitkomsten"): every figure of one scope — a gemeente's referrals, a member's
 * placements, a region, the nation — from the anonymous outcome records the stream consumer keeps
 * (functions/streams/uitkomsten.ts), the members' pledges and the region's supply and demand. Pure: the
 * use case reads, this computes. Every count, share and curve point goes through onthulling.ts.
 */

/** A placement's outcome record as the consumer keeps it: the durability record plus the codes it is grouped by. */
export interface Uitkomst extends Uitkomstrecord {
  readonly gemeente: string;
  readonly arbeidsmarktregio: string;
  readonly lidId: string;
  readonly jobcoachPartnerId?: string | undefined;
  readonly doelgroep?: string | undefined;
  readonly soortWerkplek?: string | undefined;
  readonly werksoort?: string | undefined;
  readonly contractvorm?: string | undefined;
  readonly urenPerWeek?: number | undefined;
  readonly teltVoorBanenafspraak?: boolean | undefined;
  /** The kinds of instrument the placement had (each once). */
  readonly instrumenten: readonly string[];
  /** Per follow-up kind: moments decided (answered, or escalated as unanswered) and of those answered in time. */
  readonly nazorg: Readonly<Record<string, { readonly beslist: number; readonly opTijd: number }>>;
  /** The placement's escalations: the day raised and, once handled, the hours it took. */
  readonly escalaties: readonly { readonly op: string; readonly afhandelUren?: number | undefined }[];
}

export const COHORT = /^(\d{4})-K([1-4])$/;

export interface Uitkomstenfilter {
  readonly vanCohort?: string | undefined;
  readonly totCohort?: string | undefined;
  readonly gemeente?: string | undefined;
  readonly arbeidsmarktregio?: string | undefined;
  readonly lidId?: string | undefined;
  /** The jobcoach organisation (regiopartner) of the placements. */
  readonly jobcoachPartnerId?: string | undefined;
  readonly doelgroep?: string | undefined;
  readonly soortWerkplek?: string | undefined;
  readonly instrument?: string | undefined;
  /** The day the banenafspraak and pledges are counted on (open placements that day); default the report date. */
  readonly peildatum?: string | undefined;
}

/** Whose figures these are: what the caller may see and asked for. */
export type Uitkomstenscope =
  | { readonly soort: 'nationaal' }
  | { readonly soort: 'gemeente'; readonly gemeente: string }
  | { readonly soort: 'arbeidsmarktregio'; readonly arbeidsmarktregio: string }
  | { readonly soort: 'lid'; readonly lidId: string }
  | { readonly soort: 'partner'; readonly partnerId: string };

/** A curve as it may be drawn: only where at least 10 are still at risk; cut off at the first point with fewer. */
export interface Gepubliceerdecurve {
  readonly punten: readonly { readonly dagen: number; readonly overleving: number; readonly onder: number; readonly boven: number; readonly risico: number }[];
  /** Days with a censoring (a tick on the curve), within the published part. */
  readonly censureringen: readonly number[];
  /** The last day drawn; later days have fewer than 10 at risk. */
  readonly afgekaptNa: number | null;
}

export type Cohortrapport = Cohortcijfers & { readonly curve: Gepubliceerdecurve };

export const DIMENSIES = ['soortWerkplek', 'contractvorm', 'doelgroep', 'instrument'] as const;
export type Dimensie = (typeof DIMENSIES)[number];

/** Started placements by one dimension: cohorts in rows, categories in columns, with totals, suppressed. */
export interface Gestarttabel {
  readonly dimensie: Dimensie;
  readonly categorieen: readonly string[];
  /** One row per cohort, the cells in the order of `categorieen` and then the row's total. */
  readonly rijen: readonly { readonly cohort: string; readonly cellen: readonly Aantal[]; readonly totaal: Aantal }[];
  readonly totalen: { readonly cellen: readonly Aantal[]; readonly totaal: Aantal };
  /** Instruments are not exclusive (one placement can have several): their table has no additive totals. */
  readonly additief: boolean;
}

export interface Groepsrapport {
  readonly dimensie: Dimensie;
  readonly groep: string;
  /** Over all cohorts of the report; `cohort` is "alle". */
  readonly cijfers: Cohortcijfers;
  readonly curve: Gepubliceerdecurve;
}

export interface Nazorgcijfers {
  readonly perSoort: readonly { readonly soort: string; readonly beslist: Aantal; readonly opTijd: Aantal; readonly aandeelOpTijd: Aandeel }[];
  readonly escalaties: { readonly verhoogd: Aantal; readonly afgehandeld: Aantal; readonly mediaanAfhandelUren: number | null };
}

export const TOEZEGGING_SOORTEN = ['reguliereBanen', 'participatieplaatsen', 'beschutWerkplekken', 'banenafspraakBanen'] as const;
export type ToezeggingSoort = (typeof TOEZEGGING_SOORTEN)[number];
export type Toezeggingen = Readonly<Record<ToezeggingSoort, number>>;

/** 25.5 paid hours a week is one banenafspraak job (the legal unit, Besluit SUWI / Wet banenafspraak). */
export const UREN_PER_BAAN = 25.5;

export interface Banenafspraakcijfers {
  readonly peildatum: string;
  /** Realised banenafspraak jobs on the peildatum in the legal unit; null when they come from 1–9 placements. */
  readonly banen: number | null;
  readonly plaatsingen: Aantal;
  /** Per member (its own, or every member for a coordinator's national report), against its pledges. */
  readonly perLid: readonly {
    readonly lidId: string;
    readonly toezeggingen: readonly { readonly soort: ToezeggingSoort; readonly toegezegd: number; readonly gerealiseerd: number | null; readonly plaatsingen: Aantal }[];
  }[];
}

export interface Aansluitingregel {
  readonly arbeidsmarktregio: string;
  readonly werksoort: string;
  /** Beschut werk apart: its own candidates against its own places. */
  readonly beschutWerk: boolean;
  readonly wachtend: Aantal;
  /** Median days since bemiddelbaar of the waiting candidates; null below 10 of them. */
  readonly mediaanWachtdagen: number | null;
  readonly openPlaatsen: Aantal;
}

/** The supply and demand data of a region as the consumer keeps it (no personal data: codes and a date). */
export type Aansluitingbron =
  | { readonly soort: 'kandidaat'; readonly arbeidsmarktregio: string; readonly werksoorten: readonly string[]; readonly beschutWerk: boolean; readonly bemiddelbaarSinds: string }
  | { readonly soort: 'werkplek'; readonly arbeidsmarktregio: string; readonly werksoort: string; readonly beschutWerk: boolean; readonly vrijePlaatsen: number };

export interface Uitkomstenrapport {
  readonly filter: Uitkomstenfilter;
  readonly scope: Uitkomstenscope;
  readonly rapportdatum: string;
  readonly cohorten: readonly Cohortrapport[];
  readonly gestart: readonly Gestarttabel[];
  readonly groepen: readonly Groepsrapport[];
  readonly nazorg: Nazorgcijfers;
  readonly banenafspraak: Banenafspraakcijfers;
  readonly aansluiting: readonly Aansluitingregel[];
  /** Others' figures, beside ours, never mixed in. */
  readonly referentiecijfers: readonly Referentiecijfer[];
}

/** The quarters from `van` to `tot`, both included. */
export const kwartalen = (van: string, tot: string): string[] => {
  const [, jv, kv] = COHORT.exec(van) ?? [];
  const [, jt, kt] = COHORT.exec(tot) ?? [];
  const uit: string[] = [];
  for (let i = Number(jv) * 4 + Number(kv) - 1; i <= Number(jt) * 4 + Number(kt) - 1; i++) uit.push(`${Math.floor(i / 4)}-K${(i % 4) + 1}`);
  return uit;
};

const GEEN_CURVE: Gepubliceerdecurve = { punten: [], censureringen: [], afgekaptNa: null };

export const publiceerCurve = (curve: Curve): Gepubliceerdecurve => {
  if (curve.aantal < DREMPEL) return { punten: [], censureringen: [], afgekaptNa: null };
  const punten: Gepubliceerdecurve['punten'][number][] = [{ dagen: 0, overleving: 1, onder: 1, boven: 1, risico: curve.aantal }];
  const censureringen: number[] = [];
  // Four decimals are more than a drawing or a table can show, and keep a region's curves small on the wire.
  const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
  for (const s of curve.stappen) {
    if (s.risico < DREMPEL) break;
    if (s.gebeurtenissen > 0) punten.push({ dagen: s.dagen, overleving: r4(s.overleving), onder: r4(s.onder), boven: r4(s.boven), risico: s.risico });
    if (s.gecensureerd > 0) censureringen.push(s.dagen);
  }
  const laatste = curve.stappen.filter((s) => s.risico >= DREMPEL).at(-1);
  return { punten, censureringen, afgekaptNa: laatste?.dagen ?? 0 };
};

const categorieVan = (u: Uitkomst, d: Exclude<Dimensie, 'instrument'>): string => u[d] ?? 'onbekend';
const groepenVan = (u: Uitkomst, d: Dimensie): readonly string[] => (d === 'instrument' ? (u.instrumenten.length ? u.instrumenten : ['geen']) : [categorieVan(u, d)]);

export const past = (u: Uitkomst, f: Uitkomstenfilter): boolean =>
  (!f.gemeente || u.gemeente === f.gemeente) &&
  (!f.arbeidsmarktregio || u.arbeidsmarktregio === f.arbeidsmarktregio) &&
  (!f.lidId || u.lidId === f.lidId) &&
  (!f.jobcoachPartnerId || u.jobcoachPartnerId === f.jobcoachPartnerId) &&
  (!f.doelgroep || u.doelgroep === f.doelgroep) &&
  (!f.soortWerkplek || u.soortWerkplek === f.soortWerkplek) &&
  (!f.instrument || u.instrumenten.includes(f.instrument));

/** What the report's linked tables keep back of the started counts: per cohort, the grand total, per group of each dimension. */
interface Achtergehouden {
  readonly cohorten: Set<string>;
  totaal: boolean;
  readonly groepen: Map<Dimensie, Set<string>>;
}

const gestartTabel = (d: Dimensie, perKwartaal: ReadonlyMap<string, Uitkomst[]>, weg: Achtergehouden): Gestarttabel => {
  const cohorten = [...perKwartaal.keys()];
  const telling = cohorten.map((k) => {
    const t = new Map<string, number>();
    for (const u of perKwartaal.get(k)!) for (const g of groepenVan(u, d)) t.set(g, (t.get(g) ?? 0) + 1);
    return t;
  });
  const categorieen = [...new Set(telling.flatMap((t) => [...t.keys()]))].sort();
  const cellen = telling.map((t) => categorieen.map((c) => t.get(c) ?? 0));
  if (d === 'instrument') {
    // Not additive: each cell stands alone (primary suppression), the row's total is the cohort's placements
    // (as the linked cohort line publishes it).
    const rijen = cohorten.map((k, i) => ({ cohort: k, cellen: cellen[i]!.map(publiceerAantal), totaal: gestartVan(perKwartaal.get(k)!.length, weg.cohorten.has(k)) }));
    const kolom = categorieen.map((_, j) => cellen.reduce((a, r) => a + r[j]!, 0));
    return {
      dimensie: d,
      categorieen,
      rijen,
      totalen: { cellen: kolom.map(publiceerAantal), totaal: gestartVan(cohorten.reduce((a, k) => a + perKwartaal.get(k)!.length, 0), weg.totaal) },
      additief: false,
    };
  }
  // Totals another part of the report keeps back are hidden here before the table's own rule runs.
  const groepenWeg = weg.groepen.get(d) ?? new Set<string>();
  const vooraf = [
    ...cohorten.map((k) => [...categorieen.map(() => false), weg.cohorten.has(k)]),
    [...categorieen.map((c) => groepenWeg.has(c)), weg.totaal],
  ];
  const tabel = cohorten.length && categorieen.length ? onderdrukTabel(cellen, vooraf) : [[publiceerAantal(0)]];
  const rij = (r: Aantal[]) => ({ cellen: r.slice(0, -1), totaal: r.at(-1)! });
  return { dimensie: d, categorieen, rijen: cohorten.map((k, i) => ({ cohort: k, ...rij(tabel[i]!) })), totalen: rij(tabel.at(-1)!), additief: true };
};

/**
 * Linked tables: a cohort's started count is published in the key figures, in every table of started
 * placements (as a row total) and as the number at risk where its curve starts; a group's over the range
 * likewise. Suppressed table by table, one table's "x" could be another's number and a hidden cell would
 * follow. So the totals are suppressed together until nothing changes: the line of cohort totals (whose
 * grand total goes first — it is published nowhere else — rather than a second cohort), then every table
 * with the totals kept back so far hidden beforehand, and what those tables keep back goes back into the
 * line. Ends: each round only adds hidden totals.
 */
const achtergehoudenTotalen = (perKwartaal: ReadonlyMap<string, Uitkomst[]>): Achtergehouden => {
  const weg: Achtergehouden = { cohorten: new Set(), totaal: false, groepen: new Map(DIMENSIES.map((d) => [d, new Set<string>()])) };
  const cohorten = [...perKwartaal.keys()];
  const aantallen = cohorten.map((k) => perKwartaal.get(k)!.length);
  const grootte = () => weg.cohorten.size + Number(weg.totaal) + [...weg.groepen.values()].reduce((a, g) => a + g.size, 0);
  for (let voor = -1; voor !== grootte(); ) {
    voor = grootte();
    const lijn = onderdrukLijnen([...aantallen, aantallen.reduce((a, b) => a + b, 0)], [[...aantallen.keys(), aantallen.length]], {
      vooraf: [...cohorten.map((k) => weg.cohorten.has(k)), weg.totaal],
      totaalEerst: true,
    });
    cohorten.forEach((k, i) => lijn[i]!.aantal === null && aantallen[i]! >= DREMPEL && weg.cohorten.add(k));
    if (lijn.at(-1)!.aantal === null) weg.totaal = true;
    for (const d of DIMENSIES) {
      if (d === 'instrument') continue;
      const t = gestartTabel(d, perKwartaal, weg);
      t.rijen.forEach((r) => r.totaal.aantal === null && r.totaal.onderdrukt === 'secundair' && weg.cohorten.add(r.cohort));
      t.totalen.cellen.forEach((c, j) => c.aantal === null && c.onderdrukt === 'secundair' && weg.groepen.get(d)!.add(t.categorieen[j]!));
      if (t.totalen.totaal.aantal === null) weg.totaal = true;
    }
  }
  return weg;
};

const ACHTERGEHOUDEN_AANTAL: Aantal = { aantal: null, onderdrukt: 'secundair', weergave: 'x' };
const gestartVan = (n: number, verborgen: boolean): Aantal => (verborgen && publiceerAantal(n).aantal !== null ? ACHTERGEHOUDEN_AANTAL : publiceerAantal(n));

const mediaanVan = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const nazorgcijfers = (us: readonly Uitkomst[]): Nazorgcijfers => {
  const perSoort = new Map<string, { beslist: number; opTijd: number }>();
  for (const u of us)
    for (const [soort, n] of Object.entries(u.nazorg)) {
      const t = perSoort.get(soort) ?? { beslist: 0, opTijd: 0 };
      t.beslist += n.beslist;
      t.opTijd += n.opTijd;
      perSoort.set(soort, t);
    }
  const escalaties = us.flatMap((u) => u.escalaties);
  const uren = escalaties.flatMap((e) => (e.afhandelUren === undefined ? [] : [e.afhandelUren]));
  return {
    perSoort: [...perSoort]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([soort, t]) => ({ soort, beslist: publiceerAantal(t.beslist), opTijd: publiceerAantal(t.opTijd), aandeelOpTijd: publiceerAandeel(t.opTijd, t.beslist) })),
    escalaties: {
      verhoogd: publiceerAantal(escalaties.length),
      afgehandeld: publiceerAantal(uren.length),
      mediaanAfhandelUren: uren.length >= DREMPEL ? Math.round(10 * mediaanVan(uren)) / 10 : null,
    },
  };
};

/** Open on the peildatum: started on or before it and not ended before it. */
const openOp = (u: Uitkomst, peildatum: string): boolean => u.startdatum <= peildatum && (!u.einde || u.einde.datum >= peildatum);

/** Counts for the banenafspraak: candidates of its target group whose contract counts; beschut werk never. */
export const teltAlsBanenafspraak = (u: Uitkomst): boolean => u.doelgroep === 'banenafspraak' && u.teltVoorBanenafspraak === true && u.soortWerkplek !== 'beschutWerk';

const TOEZEGGING_WERKPLEK: Readonly<Record<Exclude<ToezeggingSoort, 'banenafspraakBanen'>, string>> = {
  reguliereBanen: 'reguliereBaan',
  participatieplaatsen: 'participatieplaats',
  beschutWerkplekken: 'beschutWerk',
};

const banen = (us: readonly Uitkomst[]): number => Math.round((10 * us.reduce((a, u) => a + (u.urenPerWeek ?? 0), 0)) / UREN_PER_BAAN) / 10;
/** A realised number from placements: published only when those placements are none or at least 10. */
const gerealiseerd = (us: readonly Uitkomst[], waarde: number): number | null => (publiceerAantal(us.length).aantal === null ? null : waarde);

const banenafspraakcijfers = (us: readonly Uitkomst[], peildatum: string, leden: readonly { lidId: string; toezeggingen: Toezeggingen }[]): Banenafspraakcijfers => {
  const open = us.filter((u) => openOp(u, peildatum));
  const ba = open.filter(teltAlsBanenafspraak);
  const perLid = new Map<string, Uitkomst[]>();
  for (const u of open) {
    const lijst = perLid.get(u.lidId);
    if (lijst) lijst.push(u);
    else perLid.set(u.lidId, [u]);
  }
  return {
    peildatum,
    banen: gerealiseerd(ba, banen(ba)),
    plaatsingen: publiceerAantal(ba.length),
    perLid: leden.map(({ lidId, toezeggingen }) => {
      const eigen = perLid.get(lidId) ?? [];
      return {
        lidId,
        toezeggingen: TOEZEGGING_SOORTEN.map((soort) => {
          const telt = soort === 'banenafspraakBanen' ? eigen.filter(teltAlsBanenafspraak) : eigen.filter((u) => u.soortWerkplek === TOEZEGGING_WERKPLEK[soort]);
          const waarde = soort === 'banenafspraakBanen' ? banen(telt) : telt.length;
          return { soort, toegezegd: toezeggingen[soort], gerealiseerd: gerealiseerd(telt, waarde), plaatsingen: publiceerAantal(telt.length) };
        }),
      };
    }),
  };
};

const dagenTussen = (van: string, tot: string): number => Math.round((Date.parse(`${tot.slice(0, 10)}T00:00:00Z`) - Date.parse(`${van.slice(0, 10)}T00:00:00Z`)) / 86_400_000);

export const aansluitingcijfers = (bronnen: readonly Aansluitingbron[], rapportdatum: string): Aansluitingregel[] => {
  const regels = new Map<string, { arbeidsmarktregio: string; werksoort: string; beschutWerk: boolean; wachtdagen: number[]; plaatsen: number }>();
  const regel = (regio: string, werksoort: string, beschutWerk: boolean) => {
    const k = `${regio}|${werksoort}|${beschutWerk}`;
    if (!regels.has(k)) regels.set(k, { arbeidsmarktregio: regio, werksoort, beschutWerk, wachtdagen: [], plaatsen: 0 });
    return regels.get(k)!;
  };
  for (const b of bronnen) {
    if (b.soort === 'kandidaat') for (const w of b.werksoorten) regel(b.arbeidsmarktregio, w, b.beschutWerk).wachtdagen.push(Math.max(0, dagenTussen(b.bemiddelbaarSinds, rapportdatum)));
    else if (b.vrijePlaatsen > 0) regel(b.arbeidsmarktregio, b.werksoort, b.beschutWerk).plaatsen += b.vrijePlaatsen;
  }
  return [...regels.values()]
    .sort((a, b) => a.arbeidsmarktregio.localeCompare(b.arbeidsmarktregio) || a.werksoort.localeCompare(b.werksoort) || Number(a.beschutWerk) - Number(b.beschutWerk))
    .map((r) => ({
      arbeidsmarktregio: r.arbeidsmarktregio,
      werksoort: r.werksoort,
      beschutWerk: r.beschutWerk,
      wachtend: publiceerAantal(r.wachtdagen.length),
      mediaanWachtdagen: r.wachtdagen.length >= DREMPEL ? mediaanVan(r.wachtdagen) : null,
      openPlaatsen: publiceerAantal(r.plaatsen),
    }));
};

export interface Rapportinvoer {
  readonly filter: Uitkomstenfilter;
  readonly scope: Uitkomstenscope;
  readonly rapportdatum: string;
  /** The scope's outcome records, of every cohort up to the report date (the banenafspraak counts all open ones). */
  readonly uitkomsten: readonly Uitkomst[];
  readonly leden: readonly { readonly lidId: string; readonly toezeggingen: Toezeggingen }[];
  readonly aansluiting: readonly Aansluitingbron[];
}

/** The cohort range of a report: as asked, else every cohort with a placement up to the report date's quarter. */
export const cohortbereik = (filter: Uitkomstenfilter, rapportdatum: string, uitkomsten: readonly Uitkomst[]): string[] => {
  const tot = filter.totCohort ?? kwartaalVan(rapportdatum);
  const eerste = uitkomsten.reduce<string | undefined>((a, u) => (a === undefined || u.startdatum < a ? u.startdatum : a), undefined);
  const van = filter.vanCohort ?? (eerste ? kwartaalVan(eerste) : tot);
  return van <= tot ? kwartalen(van, tot) : [];
};

export const maakRapport = (invoer: Rapportinvoer): Uitkomstenrapport => {
  const { filter, rapportdatum } = invoer;
  const alle = invoer.uitkomsten.filter((u) => u.startdatum <= rapportdatum && past(u, filter));
  const bereik = cohortbereik(filter, rapportdatum, alle);
  const inBereik = new Set(bereik);
  const gekozen = alle.filter((u) => inBereik.has(kwartaalVan(u.startdatum)));
  const gegroepeerd = perCohort(gekozen) as Map<string, Uitkomst[]>;
  const perKwartaal = new Map(bereik.map((k) => [k, gegroepeerd.get(k) ?? []]));

  const weg = achtergehoudenTotalen(perKwartaal);
  // A curve starts with its whole group at risk: kept back with the group's started count.
  const curveVan = (us: readonly Uitkomst[], verborgen: boolean) => (verborgen ? GEEN_CURVE : publiceerCurve(kaplanMeier(behoudWaarnemingen(us, rapportdatum))));
  const cohorten = [...perKwartaal].map(([k, us]): Cohortrapport => {
    const gestart = gestartVan(us.length, weg.cohorten.has(k));
    return { ...cohortcijfers(k, us, rapportdatum, gestart), curve: curveVan(us, gestart.aantal === null) };
  });
  const groepen = DIMENSIES.flatMap((d) => {
    const per = new Map<string, Uitkomst[]>();
    for (const u of gekozen)
      for (const g of groepenVan(u, d)) {
        const lijst = per.get(g);
        if (lijst) lijst.push(u);
        else per.set(g, [u]);
      }
    return [...per]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([groep, us]): Groepsrapport => {
        const gestart = gestartVan(us.length, weg.groepen.get(d)!.has(groep));
        return { dimensie: d, groep, cijfers: cohortcijfers('alle', us, rapportdatum, gestart), curve: curveVan(us, gestart.aantal === null) };
      });
  });
  return {
    filter,
    scope: invoer.scope,
    rapportdatum,
    cohorten,
    gestart: DIMENSIES.map((d) => gestartTabel(d, perKwartaal, weg)),
    groepen,
    nazorg: nazorgcijfers(gekozen),
    banenafspraak: banenafspraakcijfers(alle, filter.peildatum ?? rapportdatum, invoer.leden),
    aansluiting: aansluitingcijfers(invoer.aansluiting, rapportdatum),
    referentiecijfers: REFERENTIECIJFERS,
  };
};
