import { naTermijn } from '../nazorg';
import { kaplanMeier, overlevingOp, mediaan, type Curve, type Waarneming } from './kaplan-meier';
import { AANDEEL_ACHTERGEHOUDEN, DREMPEL, onderdrukLijnen, publiceerAandeel, publiceerAantal, type Aandeel, type Aantal } from './onthulling';

/**
 * The durability figures of a cohort — every placement that started in one calendar quarter — from one
 * anonymous outcome record per placement. Definitions (README, "Uitkomsten"):
 * - in werk op T+6 / T+12: the durability check's answer at that term (still employed here, or working
 *   elsewhere); an unanswered or missing check is "onbekend", counted and shown, never dropped;
 * - behoud bij dezelfde werkgever (WIOA's "Retention with the Same Employer"): still employed by the same
 *   member at both checks;
 * - a placement counts at T+k only once T+k has passed on the report date; before that it is "nog niet
 *   bereikt", counted apart and never as a failure (CBS's cohort study of bijstand outflow does the same);
 * - the retention curve: time from the start to an end without work (any reason but uitstroomRegulierWerk);
 *   an end into regular work and an open placement are censored at that date / the report date;
 * - terug naar de gemeente binnen 6 / 12 maanden: 1 − S(t) for ends with reason terugNaarGemeente (the
 *   other ends censored), the counterpart of Divosa's herinstroom figure.
 * Erasing a person (AVG) keeps this record: it holds no personal data, only dates, codes and answers.
 */
export type Checkantwoord = 'inDienst' | 'elders' | 'nietInWerk';

export interface Uitkomstrecord {
  readonly plaatsingId: string;
  readonly startdatum: string;
  readonly einde?: { readonly datum: string; readonly reden: string } | undefined;
  /** The durability checks' answers by term (P6M, P12M); a term without an answer is absent. */
  readonly checks: Readonly<Record<string, Checkantwoord>>;
}

/**
 * The day a term ends for a start date, remembered: a national report asks it a few million times for a
 * few thousand distinct start dates, and date arithmetic was most of its time.
 */
const termijnEinden = new Map<string, Map<string, string>>();
const eindeTermijn = (start: string, termijn: string): string => {
  let perStart = termijnEinden.get(termijn);
  if (!perStart) termijnEinden.set(termijn, (perStart = new Map()));
  let e = perStart.get(start);
  if (e === undefined) {
    e = naTermijn(start, termijn);
    if (perStart.size > 100_000) perStart.clear();
    perStart.set(start, e);
  }
  return e;
};

export const kwartaalVan = (datum: string): string => `${datum.slice(0, 4)}-K${Math.floor((Number(datum.slice(5, 7)) - 1) / 3) + 1}`;

const dagnummers = new Map<string, number>();
const dagnummer = (datum: string): number => {
  let d = dagnummers.get(datum);
  if (d === undefined) {
    d = Math.round(Date.parse(`${datum}T00:00:00Z`) / 86_400_000);
    if (dagnummers.size > 100_000) dagnummers.clear();
    dagnummers.set(datum, d);
  }
  return d;
};
const dagenTussen = (van: string, tot: string): number => dagnummer(tot) - dagnummer(van);

export interface Termijnstand {
  /** Placements whose term has passed: the denominator. */
  readonly bereikt: Aantal;
  readonly inWerk: Aantal;
  readonly nietInWerk: Aantal;
  readonly onbekend: Aantal;
  readonly nogNietBereikt: Aantal;
  /** In work as a share of the placements that reached the term, "onbekend" included in the denominator. */
  readonly aandeelInWerk: Aandeel;
}

/** `gestartVerborgen`: the group's started count is kept back elsewhere in the report, so this stand's sums must not give it back. */
export const standOp = (records: readonly Uitkomstrecord[], termijn: string, rapportdatum: string, gestartVerborgen = false): Termijnstand => {
  let bereikt = 0;
  let inWerk = 0;
  let nietInWerk = 0;
  for (const r of records) {
    if (eindeTermijn(r.startdatum, termijn) > rapportdatum) continue;
    bereikt++;
    const a = r.checks[termijn];
    if (a === 'inDienst' || a === 'elders') inWerk++;
    else if (a === 'nietInWerk') nietInWerk++;
  }
  // The counts add up (in work + not + onbekend = bereikt; bereikt + nog niet = gestart): a count hidden alone
  // in such a sum could be worked out from the others, so the sums are suppressed as lines of a table.
  const [pInWerk, pNiet, pOnbekend, pBereikt, pNogNiet] = onderdrukLijnen(
    [inWerk, nietInWerk, bereikt - inWerk - nietInWerk, bereikt, records.length - bereikt, records.length],
    [
      [0, 1, 2, 3],
      [3, 4, 5],
    ],
    { vooraf: [false, false, false, false, false, gestartVerborgen] },
  );
  return {
    bereikt: pBereikt!,
    inWerk: pInWerk!,
    nietInWerk: pNiet!,
    onbekend: pOnbekend!,
    nogNietBereikt: pNogNiet!,
    // The share with its denominator gives the count in work back: not beside a hidden count in work or reached.
    aandeelInWerk: bereikt >= DREMPEL && (pInWerk!.aantal === null || pBereikt!.aantal === null) ? AANDEEL_ACHTERGEHOUDEN : publiceerAandeel(inWerk, bereikt),
  };
};

/** Retention with the same employer: employed here at both checks, over the placements that reached the last. */
export const behoud = (records: readonly Uitkomstrecord[], rapportdatum: string, termijnen: readonly [string, string] = ['P6M', 'P12M']): Aandeel => {
  const bereikt = records.filter((r) => eindeTermijn(r.startdatum, termijnen[1]) <= rapportdatum);
  const zelfde = bereikt.filter((r) => termijnen.every((t) => r.checks[t] === 'inDienst')).length;
  return publiceerAandeel(zelfde, bereikt.length);
};

/** The observations of the retention curve: an end without work is the event, anything else censors. */
export const behoudWaarnemingen = (records: readonly Uitkomstrecord[], rapportdatum: string): Waarneming[] =>
  records.map((r) =>
    r.einde && r.einde.datum <= rapportdatum
      ? { dagen: dagenTussen(r.startdatum, r.einde.datum), gebeurtenis: r.einde.reden !== 'uitstroomRegulierWerk' }
      : { dagen: dagenTussen(r.startdatum, rapportdatum), gebeurtenis: false },
  );

/** The observations of the return to the gemeente: an end with terugNaarGemeente is the event. */
export const terugvalWaarnemingen = (records: readonly Uitkomstrecord[], rapportdatum: string): Waarneming[] =>
  records.map((r) =>
    r.einde && r.einde.datum <= rapportdatum
      ? { dagen: dagenTussen(r.startdatum, r.einde.datum), gebeurtenis: r.einde.reden === 'terugNaarGemeente' }
      : { dagen: dagenTussen(r.startdatum, rapportdatum), gebeurtenis: false },
  );

/** A point of a curve, published only where at least 10 are still at risk (the number at risk is its denominator). */
export type Curvepunt =
  | { readonly overleving: number; readonly onder: number; readonly boven: number; readonly risico: number }
  | { readonly overleving: null; readonly onderdrukt: 'kleinRisico' }
  /** Kept back: the group's started count is hidden elsewhere in the report, and the number at risk could give it back. */
  | { readonly overleving: null; readonly onderdrukt: 'secundair' };

const PUNT_ACHTERGEHOUDEN: Curvepunt = { overleving: null, onderdrukt: 'secundair' };

const DAGEN_PER_MAAND = 30.4375;

export const puntOp = (curve: Curve, maanden: number): Curvepunt => {
  const p = overlevingOp(curve, Math.round(maanden * DAGEN_PER_MAAND));
  return p.risico >= 10 ? { overleving: p.overleving, onder: p.onder, boven: p.boven, risico: p.risico } : { overleving: null, onderdrukt: 'kleinRisico' };
};

export interface Cohortcijfers {
  readonly cohort: string;
  readonly gestart: Aantal;
  readonly inWerkT6: Termijnstand;
  readonly inWerkT12: Termijnstand;
  readonly behoudZelfdeWerkgever: Aandeel;
  readonly behoudS6: Curvepunt;
  readonly behoudS12: Curvepunt;
  /** In months; null when the curve does not reach one half, or too few are at risk there. */
  readonly mediaanMaanden: number | null;
  readonly terugBinnen6: Curvepunt;
  readonly terugBinnen12: Curvepunt;
}

const complement = (p: Curvepunt): Curvepunt => (p.overleving === null ? p : { overleving: 1 - p.overleving, onder: 1 - p.boven, boven: 1 - p.onder, risico: p.risico });

/**
 * `gestart`: the started count as the report's linked tables publish it (default: this group's own count,
 * primary suppression only). When it is kept back there ("x"), so is every figure here that could give it
 * back: the stands' sums take it into account, and the shares and curve points (their denominators and
 * numbers at risk are counts of the same people) are kept back too.
 */
export const cohortcijfers = (cohort: string, records: readonly Uitkomstrecord[], rapportdatum: string, gestart: Aantal = publiceerAantal(records.length)): Cohortcijfers => {
  const achtergehouden = gestart.aantal === null && gestart.onderdrukt === 'secundair';
  if (achtergehouden)
    return {
      cohort,
      gestart,
      inWerkT6: standOp(records, 'P6M', rapportdatum, true),
      inWerkT12: standOp(records, 'P12M', rapportdatum, true),
      behoudZelfdeWerkgever: AANDEEL_ACHTERGEHOUDEN,
      behoudS6: PUNT_ACHTERGEHOUDEN,
      behoudS12: PUNT_ACHTERGEHOUDEN,
      mediaanMaanden: null,
      terugBinnen6: PUNT_ACHTERGEHOUDEN,
      terugBinnen12: PUNT_ACHTERGEHOUDEN,
    };
  const curve = kaplanMeier(behoudWaarnemingen(records, rapportdatum));
  const terug = kaplanMeier(terugvalWaarnemingen(records, rapportdatum));
  const m = mediaan(curve);
  const mediaanRisico = m === undefined ? 0 : (curve.stappen.find((s) => s.dagen === m)?.risico ?? 0);
  return {
    cohort,
    gestart,
    inWerkT6: standOp(records, 'P6M', rapportdatum),
    inWerkT12: standOp(records, 'P12M', rapportdatum),
    behoudZelfdeWerkgever: behoud(records, rapportdatum),
    behoudS6: puntOp(curve, 6),
    behoudS12: puntOp(curve, 12),
    mediaanMaanden: m !== undefined && mediaanRisico >= 10 ? Math.round((10 * m) / DAGEN_PER_MAAND) / 10 : null,
    terugBinnen6: complement(puntOp(terug, 6)),
    terugBinnen12: complement(puntOp(terug, 12)),
  };
};

/** The records by cohort (the quarter of their start), in time order. */
export const perCohort = (records: readonly Uitkomstrecord[]): Map<string, Uitkomstrecord[]> => {
  const uit = new Map<string, Uitkomstrecord[]>();
  for (const r of [...records].sort((a, b) => (a.startdatum < b.startdatum ? -1 : a.startdatum > b.startdatum ? 1 : 0))) {
    const k = kwartaalVan(r.startdatum);
    const lijst = uit.get(k);
    if (lijst) lijst.push(r);
    else uit.set(k, [r]);
  }
  return uit;
};

/**
 * A placement's anonymous outcome record, from the placement and its follow-up moments (what the stream
 * consumer of issue 12 will keep): only started placements have one. A durability check's answer gives the
 * status at its term; where the check has no answer because the placement ended before the term, the end
 * says it: into regular work counts as working elsewhere, any other end as not in work — the person's status
 * at that term is then known without asking. Unanswered checks of open placements stay absent ("onbekend").
 */
export const uitkomstrecordVan = (
  plaatsing: {
    readonly id: string;
    readonly contract?: { readonly startdatum: string } | undefined;
    readonly beeindiging?: { readonly einddatum: string; readonly reden: string } | undefined;
  },
  momenten: readonly {
    readonly soort: string;
    readonly termijn?: string | undefined;
    readonly status: string;
    readonly antwoorden: readonly { readonly nogInDienst: boolean; readonly werkzaamElders?: boolean | undefined }[];
  }[],
): Uitkomstrecord | undefined => {
  const start = plaatsing.contract?.startdatum;
  if (!start) return undefined;
  const einde = plaatsing.beeindiging ? { datum: plaatsing.beeindiging.einddatum, reden: plaatsing.beeindiging.reden } : undefined;
  const checks: Record<string, Checkantwoord> = {};
  for (const m of momenten) {
    if (m.soort !== 'duurzaamheidscheck' || !m.termijn) continue;
    const a = m.status === 'beantwoord' ? m.antwoorden[0] : undefined;
    if (a) checks[m.termijn] = a.nogInDienst ? 'inDienst' : a.werkzaamElders ? 'elders' : 'nietInWerk';
    else if (einde && einde.datum < naTermijn(start, m.termijn)) checks[m.termijn] = einde.reden === 'uitstroomRegulierWerk' ? 'elders' : 'nietInWerk';
  }
  return { plaatsingId: plaatsing.id, startdatum: start, ...(einde ? { einde } : {}), checks };
};
