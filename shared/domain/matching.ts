import type { Mogelijkheden } from '../schemas/profiel';
import type { Kandidaatprofiel } from '../schemas/verwijzingen';
import type { Matchscore, Werkplek } from '../schemas/werkplekken';
import { DomeinFout } from './fouten';

/**
 * Matching proposes; people decide. A (candidate, place) pair gets a score of 0..100 that is exactly the
 * sum of its explained parts, so a coordinator can see why a suggestion ranks where it does. Nothing is
 * ever placed from here: the score only orders suggestions.
 *
 *   criterium         maximum   what it compares
 *   werksoort             25    the place's werksoort in the candidate's preferences (first choice scores most)
 *   uren                  15    overlap of the candidate's and the place's hours per week
 *   reisafstand           15    estimated distance (PC4 proxy, see below) against the candidate's reisafstandKm
 *   begeleiding           10    the place's guidance (own jobcoach, buddy) against the candidate's zelfstandigheid
 *   doelgroep             10    the candidate's doelgroep against the kind of place (and the banenafspraak)
 *   eisen                 15    the place's requirements against the candidate's capabilities
 *   werkaanpassingen      10    the adjustments the candidate needs that the place offers
 *
 * A requirement the candidate does not meet (physical load, pace, language level, driving licence) is a
 * hard mismatch: instead of its 15 points the `eisen` part then takes away half of all the other points
 * per unmet requirement, so such a pair sinks far below any pair that fits, and the reason says so.
 */
export type KandidaatVoorMatching = Pick<
  Kandidaatprofiel,
  'doelgroep' | 'mogelijkheden' | 'werkaanpassingen' | 'uren' | 'postcodegebied' | 'werksoortVoorkeuren'
> & { readonly mobiliteit: { readonly reisafstandKm: number } };

export type WerkplekVoorMatching = Pick<
  Werkplek,
  'soort' | 'werksoort' | 'uren' | 'locatie' | 'eisen' | 'werkaanpassingen' | 'begeleiding' | 'teltVoorBanenafspraak'
>;

type MatchReden = Matchscore['redenen'][number];
type Criterium = MatchReden['criterium'];

export const MAXIMUM: Readonly<Record<Criterium, number>> = {
  werksoort: 25,
  uren: 15,
  reisafstand: 15,
  begeleiding: 10,
  doelgroep: 10,
  eisen: 15,
  werkaanpassingen: 10,
};

const reden = (criterium: Criterium, punten: number, toelichting: string): MatchReden => ({ criterium, punten, maximum: MAXIMUM[criterium], toelichting });

const werksoort = (k: KandidaatVoorMatching, w: WerkplekVoorMatching): MatchReden => {
  const plek = k.werksoortVoorkeuren.indexOf(w.werksoort);
  if (plek === -1) return reden('werksoort', 0, `Werksoort '${w.werksoort}' staat niet in de voorkeuren van de kandidaat.`);
  const punten = Math.max(10, MAXIMUM.werksoort - 5 * plek);
  return reden('werksoort', punten, `Werksoort '${w.werksoort}' is voorkeur ${plek + 1} van ${k.werksoortVoorkeuren.length} van de kandidaat.`);
};

const uren = (k: KandidaatVoorMatching, w: WerkplekVoorMatching): MatchReden => {
  const van = Math.max(k.uren.minimum, w.uren.minimum);
  const tot = Math.min(k.uren.maximum, w.uren.maximum);
  const bereik = `De kandidaat kan ${k.uren.minimum}–${k.uren.maximum} uur per week, de werkplek vraagt ${w.uren.minimum}–${w.uren.maximum}`;
  if (van <= tot) return reden('uren', MAXIMUM.uren, `${bereik}: samen ${van === tot ? `${van}` : `${van}–${tot}`} uur.`);
  // Each hour apart costs a tenth: ten hours apart is no fit at all.
  const verschil = van - tot;
  return reden('uren', Math.max(0, Math.round(MAXIMUM.uren * (1 - verschil / 10))), `${bereik}: ${verschil} uur uit elkaar.`);
};

/**
 * There is no table of PC4 coordinates offline, so the distance is estimated from how many leading digits
 * the two PC4 areas share. Dutch postcodes were handed out geographically (the first digit a part of the
 * country, two digits a district, three a town or quarter), so a shared prefix roughly bounds the
 * distance. Both areas lie in the same arbeidsmarktregio (matching queries per region), which bounds the
 * last band. Coarse on purpose, and said so in every reason.
 */
const AFSTANDSBANDEN = [
  { cijfers: 4, van: 0, tot: 3, omschrijving: 'hetzelfde postcodegebied (±0–3 km)' },
  { cijfers: 3, van: 3, tot: 10, omschrijving: 'dezelfde eerste drie cijfers van de postcode (±3–10 km)' },
  { cijfers: 2, van: 10, tot: 25, omschrijving: 'dezelfde eerste twee cijfers van de postcode (±10–25 km)' },
  { cijfers: 0, van: 25, tot: 60, omschrijving: 'verschillende postcodedistricten in de regio (±25–60 km)' },
] as const;

export const geschatteAfstand = (a: string, b: string): (typeof AFSTANDSBANDEN)[number] =>
  AFSTANDSBANDEN.find((band) => a.slice(0, band.cijfers) === b.slice(0, band.cijfers))!;

const reisafstand = (k: KandidaatVoorMatching, w: WerkplekVoorMatching): MatchReden => {
  const band = geschatteAfstand(k.postcodegebied, w.locatie.postcodegebied);
  const max = k.mobiliteit.reisafstandKm;
  const schatting = `Postcodegebied ${k.postcodegebied} en ${w.locatie.postcodegebied}: ${band.omschrijving}, een grove schatting uit de postcodes`;
  if (band.tot <= max) return reden('reisafstand', MAXIMUM.reisafstand, `${schatting}; binnen de ${max} km die de kandidaat kan reizen.`);
  if (band.van >= max) return reden('reisafstand', 0, `${schatting}; verder dan de ${max} km die de kandidaat kan reizen.`);
  const punten = Math.round((MAXIMUM.reisafstand * (max - band.van)) / (band.tot - band.van));
  return reden('reisafstand', punten, `${schatting}; mogelijk verder dan de ${max} km die de kandidaat kan reizen.`);
};

const begeleiding = (k: KandidaatVoorMatching, w: WerkplekVoorMatching): MatchReden => {
  const { eigenJobcoach, buddy } = w.begeleiding;
  const aanbod = eigenJobcoach && buddy ? 'een eigen jobcoach en een buddy' : eigenJobcoach ? 'een eigen jobcoach' : buddy ? 'een buddy' : 'geen eigen begeleiding';
  const vanBuiten = 'een jobcoach van buiten kan via de plaatsing worden ingezet';
  switch (k.mogelijkheden.zelfstandigheid) {
    case 'zelfstandig':
      return reden('begeleiding', MAXIMUM.begeleiding, `De kandidaat werkt zelfstandig; de werkplek biedt ${aanbod}.`);
    case 'deelsZelfstandig':
      return eigenJobcoach || buddy
        ? reden('begeleiding', MAXIMUM.begeleiding, `De kandidaat is deels zelfstandig; de werkplek biedt ${aanbod}.`)
        : reden('begeleiding', 5, `De kandidaat is deels zelfstandig; de werkplek biedt geen eigen begeleiding (${vanBuiten}).`);
    case 'begeleidingNodig':
      return eigenJobcoach
        ? reden('begeleiding', MAXIMUM.begeleiding, `De kandidaat heeft begeleiding nodig; de werkplek biedt ${aanbod}.`)
        : buddy
          ? reden('begeleiding', 6, `De kandidaat heeft begeleiding nodig; de werkplek biedt alleen een buddy (${vanBuiten}).`)
          : reden('begeleiding', 2, `De kandidaat heeft begeleiding nodig; de werkplek biedt geen eigen begeleiding (${vanBuiten}).`);
  }
};

/** How well a kind of place suits a doelgroep, with the reason why. */
const doelgroep = (k: KandidaatVoorMatching, w: WerkplekVoorMatching): MatchReden => {
  const d = k.doelgroep;
  if (w.soort === 'beschutWerk') {
    return d === 'beschutWerk' || d === 'voormaligWsw'
      ? reden('doelgroep', MAXIMUM.doelgroep, `Beschut werk past bij de doelgroep ${d}.`)
      : reden('doelgroep', 0, `Beschut werk is voor kandidaten met een indicatie beschut werk (of voormalig Wsw); deze kandidaat valt onder ${d}.`);
  }
  switch (d) {
    case 'beschutWerk':
      return reden('doelgroep', 2, `De kandidaat heeft een indicatie beschut werk; een ${w.soort} biedt geen beschutte omgeving.`);
    case 'banenafspraak':
      return w.teltVoorBanenafspraak
        ? reden('doelgroep', MAXIMUM.doelgroep, 'De kandidaat valt onder de banenafspraak en deze werkplek telt mee voor de banenafspraak.')
        : reden('doelgroep', 5, 'De kandidaat valt onder de banenafspraak, maar deze werkplek telt niet mee voor de banenafspraak.');
    case 'participatiewet':
      return w.soort === 'proefplaatsing'
        ? reden('doelgroep', 8, 'Een proefplaatsing kan voor de Participatiewet; een vervolg met contract is nog niet zeker.')
        : reden('doelgroep', MAXIMUM.doelgroep, `Een ${w.soort} past bij de Participatiewet.`);
    case 'voormaligWsw':
      return w.soort === 'reguliereBaan'
        ? reden('doelgroep', 8, 'Een reguliere baan past bij voormalig Wsw, vaak via detachering.')
        : reden('doelgroep', 6, `Een ${w.soort} past redelijk bij voormalig Wsw.`);
  }
};

const NIVEAU_ORDE = ['laag', 'gemiddeld', 'hoog'] as const;
const TAAL_ORDE = ['geen', 'A1', 'A2', 'B1', 'B2'] as const;

/** The requirements a candidate does not meet, each as a sentence. */
export const hardeMismatches = (m: Mogelijkheden, eisen: WerkplekVoorMatching['eisen']): string[] => {
  const tekort: string[] = [];
  if (NIVEAU_ORDE.indexOf(m.fysiekeBelastbaarheid) < NIVEAU_ORDE.indexOf(eisen.fysiekeBelastbaarheid))
    tekort.push(`fysieke belastbaarheid ${eisen.fysiekeBelastbaarheid} gevraagd, de kandidaat kan ${m.fysiekeBelastbaarheid}`);
  if (NIVEAU_ORDE.indexOf(m.werktempo) < NIVEAU_ORDE.indexOf(eisen.werktempo))
    tekort.push(`werktempo ${eisen.werktempo} gevraagd, de kandidaat kan ${m.werktempo}`);
  if (TAAL_ORDE.indexOf(m.taalniveau) < TAAL_ORDE.indexOf(eisen.taalniveau))
    tekort.push(`taalniveau ${eisen.taalniveau} gevraagd, de kandidaat heeft ${m.taalniveau}`);
  if (eisen.rijbewijs && !m.rijbewijs) tekort.push('rijbewijs gevraagd, de kandidaat heeft er geen');
  return tekort;
};

const eisen = (k: KandidaatVoorMatching, w: WerkplekVoorMatching, overige: number): MatchReden => {
  const tekort = hardeMismatches(k.mogelijkheden, w.eisen);
  if (tekort.length === 0) return reden('eisen', MAXIMUM.eisen, 'De kandidaat voldoet aan alle eisen van de werkplek.');
  // Halving the rest per unmet requirement keeps the total within 0..100 and never below zero, and keeps
  // the order among pairs with the same mismatches (a better fit elsewhere still ranks higher).
  const over = Math.floor(overige / 2 ** tekort.length);
  return reden(
    'eisen',
    over - overige,
    `Harde mismatch: ${tekort.join('; ')}. Daarom ${tekort.length === 1 ? 'gehalveerd' : `${tekort.length} keer gehalveerd`}: de overige ${overige} punten worden er ${over}.`,
  );
};

const werkaanpassingen = (k: KandidaatVoorMatching, w: WerkplekVoorMatching): MatchReden => {
  const nodig = [...new Set(k.werkaanpassingen)];
  if (nodig.length === 0) return reden('werkaanpassingen', MAXIMUM.werkaanpassingen, 'De kandidaat heeft geen werkaanpassingen nodig.');
  const ontbreekt = nodig.filter((a) => !w.werkaanpassingen.includes(a));
  const geboden = nodig.length - ontbreekt.length;
  const punten = Math.round((MAXIMUM.werkaanpassingen * geboden) / nodig.length);
  return reden(
    'werkaanpassingen',
    punten,
    ontbreekt.length === 0
      ? `De werkplek biedt alle ${nodig.length} werkaanpassingen die de kandidaat nodig heeft.`
      : `De werkplek biedt ${geboden} van de ${nodig.length} nodige werkaanpassingen; niet: ${ontbreekt.join(', ')}.`,
  );
};

/** The score of one pair: the total is exactly the sum of the parts' points, always within 0..100. */
export const matchscore = (k: KandidaatVoorMatching, w: WerkplekVoorMatching): Matchscore => {
  const delen = [werksoort(k, w), uren(k, w), reisafstand(k, w), begeleiding(k, w), doelgroep(k, w)];
  const aanpassingen = werkaanpassingen(k, w);
  const overige = [...delen, aanpassingen].reduce((som, r) => som + r.punten, 0);
  const redenen = [...delen, eisen(k, w, overige), aanpassingen];
  return { totaal: redenen.reduce((som, r) => som + r.punten, 0), redenen };
};

/** At most this many suggestions per request: a coordinator reads a short list, not a catalogue. */
export const MAX_SUGGESTIES = 50;

/** Best first; equal scores in a stable order (by id), so pages do not shuffle between requests. */
export const rangschik = <T extends { readonly id: string; readonly score: Matchscore }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => b.score.totaal - a.score.totaal || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, MAX_SUGGESTIES);

/**
 * A page of an already ranked, capped list. The cursor is the offset, opaque to the client; it comes back
 * from the client, so it is parsed strictly.
 */
export const pagineer = <T>(items: readonly T[], pageSize: number, cursor: string | undefined): { items: T[]; cursor: string | undefined } => {
  const vanaf = cursor === undefined ? 0 : leesOffset(cursor);
  const tot = vanaf + pageSize;
  return { items: items.slice(vanaf, tot), cursor: tot < items.length ? Buffer.from(`vanaf:${tot}`).toString('base64url') : undefined };
};

const leesOffset = (cursor: string): number => {
  const m = /^vanaf:([1-9]\d{0,3})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m?.[1] || Number(m[1]) >= MAX_SUGGESTIES) throw new DomeinFout('ongeldigeInvoer', 'Deze cursor is niet door werkcoop uitgegeven.', 'query.cursor');
  return Number(m[1]);
};
