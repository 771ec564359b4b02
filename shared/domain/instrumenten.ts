import type { Instrument, InstrumentInvoer, Plaatsing, Termijnmoment } from '../schemas/plaatsingen';
import { DomeinFout } from './fouten';

/**
 * The instruments of a placement and the deadlines that follow from them. Pure: the rules of the
 * Participatiewet's instruments as dates, so the follow-up work (issue #4) can act on `termijnen`.
 *
 *   proefplaatsing      at most 2 months                       → eindeProefplaatsing
 *   loonkostensubsidie  forfaitair for at most the first 6 months, then a loonwaarde measurement;
 *                       re-applied every 12 months             → eindeForfaitaireLks (until measured), herbeoordelingLks
 *   noRiskPolis         UWV cover while employed               → eindeNoRiskPolis (when it has an end)
 *   jobcoach            hours per month, organisation          → (no deadline of its own)
 */
export const MAX_MAANDEN_PROEFPLAATSING = 2;
export const MAX_MAANDEN_FORFAITAIRE_LKS = 6;
export const MAANDEN_TOT_HERBEOORDELING_LKS = 12;

/**
 * A calendar date plus whole months; a day that does not exist in the target month becomes its last
 * day (31 August + 6 months = 28 or 29 February), the way a period "of six months" is read.
 */
export const plusMaanden = (datum: string, maanden: number): string => {
  const [j, m, d] = datum.split('-').map(Number) as [number, number, number];
  const doel = new Date(Date.UTC(j, m - 1 + maanden, 1));
  const laatsteDag = new Date(Date.UTC(doel.getUTCFullYear(), doel.getUTCMonth() + 1, 0)).getUTCDate();
  doel.setUTCDate(Math.min(d, laatsteDag));
  return doel.toISOString().slice(0, 10);
};

const onverwerkbaar = (tekst: string) => new DomeinFout('onverwerkbaar', tekst);

/** A trial placement lasts at most two months and ends after it starts. */
export const controleerProefperiode = (p: { startdatum: string; einddatum: string }): void => {
  if (p.einddatum <= p.startdatum) throw onverwerkbaar('De proefplaatsing moet eindigen na haar startdatum.');
  const uiterlijk = plusMaanden(p.startdatum, MAX_MAANDEN_PROEFPLAATSING);
  if (p.einddatum > uiterlijk)
    throw onverwerkbaar(`Een proefplaatsing duurt hoogstens ${MAX_MAANDEN_PROEFPLAATSING} maanden: vanaf ${p.startdatum} uiterlijk tot ${uiterlijk}.`);
};

/**
 * The dated rules of one instrument, against the placement it is added to. The phase rules (which
 * instrument in which phase) are the state machine's, in plaatsingen.ts.
 */
export const controleerInstrument = (invoer: InstrumentInvoer, plaatsing: Pick<Plaatsing, 'contract'>): void => {
  switch (invoer.soort) {
    case 'proefplaatsing':
      controleerProefperiode(invoer);
      return;
    case 'loonkostensubsidie': {
      // Measured: the forfaitaire period is not planned, so a date given for it is not held against the request.
      if (invoer.loonwaardePercentage !== undefined || invoer.forfaitairTot === undefined) break;
      if (invoer.forfaitairTot < invoer.startdatum) throw onverwerkbaar('forfaitairTot ligt voor de startdatum van de loonkostensubsidie.');
      const uiterlijk = plusMaanden(invoer.startdatum, MAX_MAANDEN_FORFAITAIRE_LKS);
      if (invoer.forfaitairTot > uiterlijk)
        throw onverwerkbaar(`De forfaitaire loonkostensubsidie duurt hoogstens ${MAX_MAANDEN_FORFAITAIRE_LKS} maanden: uiterlijk tot ${uiterlijk}.`);
      break;
    }
    case 'noRiskPolis':
    case 'jobcoach':
      if (invoer.einddatum !== undefined && invoer.einddatum <= invoer.startdatum) throw onverwerkbaar(`Het instrument ${invoer.soort} moet eindigen na zijn startdatum.`);
      break;
  }
  // Wage subsidy and sickness cover belong to an employment contract: they cannot begin before it.
  if ((invoer.soort === 'loonkostensubsidie' || invoer.soort === 'noRiskPolis') && plaatsing.contract && invoer.startdatum < plaatsing.contract.startdatum)
    throw onverwerkbaar(`Het instrument ${invoer.soort} kan niet beginnen voor het contract (${plaatsing.contract.startdatum}).`);
};

/**
 * Adds an instrument. One instrument of a kind is active at a time: a new one (the yearly re-application
 * of the wage subsidy after a loonwaarde measurement, a new jobcoach arrangement) ends the previous one.
 */
export const voegInstrumentToe = (instrumenten: readonly Instrument[], nieuw: Instrument): Instrument[] => [
  ...instrumenten.map((i) => (i.status === 'actief' && i.invoer.soort === nieuw.invoer.soort ? { ...i, status: 'beeindigd' as const } : i)),
  nieuw,
];

export const beeindigInstrumenten = (instrumenten: readonly Instrument[], soort?: Instrument['invoer']['soort']): Instrument[] =>
  instrumenten.map((i) => (i.status === 'actief' && (soort === undefined || i.invoer.soort === soort) ? { ...i, status: 'beeindigd' as const } : i));

const AFGESLOTEN: readonly Plaatsing['fase'][] = ['beeindigd', 'afgewezen', 'geannuleerd'];

/**
 * The deadlines of a placement, soonest first: derived from its active instruments and its contract,
 * never stored by hand. A closed placement has none left to act on.
 */
export const termijnen = (plaatsing: Pick<Plaatsing, 'fase' | 'instrumenten' | 'contract'>): Termijnmoment[] => {
  if (AFGESLOTEN.includes(plaatsing.fase)) return [];
  const uit: Termijnmoment[] = [];
  for (const { id, status, invoer } of plaatsing.instrumenten) {
    if (status !== 'actief') continue;
    switch (invoer.soort) {
      case 'proefplaatsing':
        uit.push({ soort: 'eindeProefplaatsing', datum: invoer.einddatum, instrumentId: id });
        break;
      case 'loonkostensubsidie':
        // Once the loonwaarde is measured the forfaitaire period has done its work.
        if (invoer.loonwaardePercentage === undefined && invoer.forfaitairTot !== undefined)
          uit.push({ soort: 'eindeForfaitaireLks', datum: invoer.forfaitairTot, instrumentId: id });
        uit.push({ soort: 'herbeoordelingLks', datum: plusMaanden(invoer.startdatum, MAANDEN_TOT_HERBEOORDELING_LKS), instrumentId: id });
        break;
      case 'noRiskPolis':
        if (invoer.einddatum !== undefined) uit.push({ soort: 'eindeNoRiskPolis', datum: invoer.einddatum, instrumentId: id });
        break;
      case 'jobcoach':
        break;
    }
  }
  if (plaatsing.fase === 'gestart' && plaatsing.contract?.einddatum) uit.push({ soort: 'eindeContract', datum: plaatsing.contract.einddatum });
  return uit.sort((a, b) => a.datum.localeCompare(b.datum) || a.soort.localeCompare(b.soort) || (a.instrumentId ?? '').localeCompare(b.instrumentId ?? ''));
};
