import type { Principal, Rol } from '../auth/rollen';
import { toegang } from '../auth/toegang';
import type { Notificatie } from './notificaties';
import type { Gemeente, GemeenteInstellingen } from '../schemas/gemeenten';
import type { Escalatie, EscalatieAfhandeling, NazorgAntwoordInvoer, Nazorgmoment, Risicosignaal } from '../schemas/nazorg';
import type { Plaatsing, PlaatsingGebeurtenis, Termijnmoment } from '../schemas/plaatsingen';
import type { PlaatsingActie } from './plaatsingen';
import { DomeinFout, nietGevonden } from './fouten';
import { plusMaanden, termijnen } from './instrumenten';
import { vandaagInNederland } from './kalender';
import type { Omgeving } from './leden';

/**
 * The plan of a placement's follow-ups (nazorg) and what an answer to one means. Pure: the store writes
 * what is decided here in the transaction of the change that caused it (`nazorgBijWijziging`).
 *
 *   proefplaatsing one `eindeProefplaatsing` on the trial's end date: continue with a contract or not
 *   start          one `regulier` per term of the gemeente's nazorgMomenten, a `duurzaamheidscheck` per
 *                  term of duurzaamheidsChecks (a term in both is one check), one per dated deadline of
 *                  the placement's instruments and contract (`termijnen`); the trial ended with the start,
 *                  so its planned end moment is cancelled
 *   instrument     its own deadlines, when added to a started placement; the one it replaces (one active
 *                  instrument per kind) has its planned moments cancelled
 *   end            the open moments are cancelled; one `exitcheck` EXITCHECK_DAGEN after the end date
 *   afwijzen, annuleren  (before the start) the open moments — the trial's — are cancelled
 *   jobcoach       (assigned or replaced) the open moments take the new organisation (`momentenBijJobcoachwissel`)
 *
 * Every moment falls after the start of what it follows: the contract's, or during the trial the trial's.
 * The contract's end is planned CONTRACTEINDE_DAGEN before the end date — "a contract end date coming
 * close" — so there is time to arrange an extension.
 */
export const CONTRACTEINDE_DAGEN = 28;
export const EXITCHECK_DAGEN = 28;
/** The gemeente's settings default; used for the exit check when a placement has no moment to copy it from. */
export const STANDAARD_REACTIETERMIJN_DAGEN = 14;

export const plusDagen = (datum: string, dagen: number): string => {
  const d = new Date(`${datum}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + dagen);
  return d.toISOString().slice(0, 10);
};

/** P<n>W or P<n>M after a date. */
export const naTermijn = (datum: string, termijn: string): string => {
  const m = /^P(\d+)([WM])$/.exec(termijn);
  if (!m) throw new DomeinFout('onverwerkbaar', `Onbekende termijn ${termijn}.`);
  const n = Number(m[1]);
  return m[2] === 'W' ? plusDagen(datum, 7 * n) : plusMaanden(datum, n);
};

/**
 * The day a planned moment is to be sent: its due date, or — when that had already passed on the day the
 * moment was planned, added or moved (a placement registered after its start, a coordinator's date in the
 * past) — that day itself. The sweep walks forward from the last day it completed, so a moment due on a day
 * behind it would never be found; due on the day it was written, the next sweep sends it, once, however
 * late, and its reactietermijn counts from that sending.
 */
export const verzenddag = (vervaldatum: string, geplandOp: string): string => {
  const dag = vandaagInNederland(new Date(geplandOp));
  return vervaldatum < dag ? dag : vervaldatum;
};

/** The date a deadline is acted on: the contract's end ahead of time, the others on the day. */
const actiedatum = (t: Termijnmoment): string => (t.soort === 'eindeContract' ? plusDagen(t.datum, -CONTRACTEINDE_DAGEN) : t.datum);

type Basis = Pick<Nazorgmoment, 'plaatsingId' | 'verwijzingId' | 'lidId' | 'gemeente' | 'jobcoachPartnerId' | 'reactietermijnDagen'>;
const basis = (pl: Plaatsing, reactietermijnDagen: number): Basis => ({
  plaatsingId: pl.id,
  // The candidate it is about, so an escalation made from the moment alone (the consumer) can name it.
  verwijzingId: pl.verwijzingId,
  lidId: pl.lidId,
  gemeente: pl.gemeente,
  ...(pl.jobcoachPartnerId ? { jobcoachPartnerId: pl.jobcoachPartnerId } : {}),
  reactietermijnDagen,
});

const nieuwMoment = (b: Basis, velden: Pick<Nazorgmoment, 'soort' | 'vervaldatum'> & Partial<Pick<Nazorgmoment, 'termijn' | 'instrumentId'>>, omgeving: Omgeving): Nazorgmoment => ({
  id: omgeving.nieuwId(),
  ...b,
  ...velden,
  status: 'gepland',
  antwoorden: [],
  versie: 1,
});

/** One moment per (soort, date), after the start; the first of equals wins (the settings' order). */
const uniek = (momenten: Nazorgmoment[], start: string): Nazorgmoment[] => {
  const gezien = new Set<string>();
  return momenten
    .filter((m) => m.vervaldatum > start)
    .filter((m) => {
      const sleutel = `${m.soort}#${m.vervaldatum}`;
      if (gezien.has(sleutel)) return false;
      gezien.add(sleutel);
      return true;
    })
    .sort((a, b) => a.vervaldatum.localeCompare(b.vervaldatum) || a.soort.localeCompare(b.soort));
};

const uitTermijnen = (pl: Plaatsing, ts: readonly Termijnmoment[], b: Basis, omgeving: Omgeving): Nazorgmoment[] =>
  ts.map((t) => nieuwMoment(b, { soort: t.soort, vervaldatum: actiedatum(t), ...(t.instrumentId ? { instrumentId: t.instrumentId } : {}) }, omgeving));

/** The plan of a placement that has just started (phase gestart, with its contract). */
export const planBijStart = (pl: Plaatsing, instellingen: GemeenteInstellingen, omgeving: Omgeving): Nazorgmoment[] => {
  const start = pl.contract!.startdatum;
  const b = basis(pl, instellingen.reactietermijnDagen);
  const checks = new Set(instellingen.duurzaamheidsChecks);
  const termen = [...new Set([...instellingen.nazorgMomenten, ...instellingen.duurzaamheidsChecks])];
  const cadans = termen.map((termijn) =>
    nieuwMoment(b, { soort: checks.has(termijn) ? 'duurzaamheidscheck' : 'regulier', termijn, vervaldatum: naTermijn(start, termijn) }, omgeving),
  );
  return uniek([...cadans, ...uitTermijnen(pl, termijnen(pl), b, omgeving)], start);
};

/**
 * From when a placement has follow-ups: a started one from its contract, one in its trial from the trial's
 * start (the trial's end is a moment of its own). Before that, and once closed, none are planned.
 */
const nazorgVanaf = (pl: Plaatsing): string | undefined =>
  pl.fase === 'gestart' ? pl.contract?.startdatum : pl.fase === 'proefplaatsing' ? pl.proefplaatsing?.startdatum : undefined;

/** The deadlines of one instrument just added to a started placement (or the trial, to one in its trial). */
export const planBijInstrument = (pl: Plaatsing, instrumentId: string, instellingen: Pick<GemeenteInstellingen, 'reactietermijnDagen'>, omgeving: Omgeving): Nazorgmoment[] => {
  const vanaf = nazorgVanaf(pl);
  if (vanaf === undefined) return [];
  const eigen = termijnen(pl).filter((t) => t.instrumentId === instrumentId);
  return uniek(uitTermijnen(pl, eigen, basis(pl, instellingen.reactietermijnDagen), omgeving), vanaf);
};
export const isOpenMoment = (m: Pick<Nazorgmoment, 'status'>): boolean => m.status === 'gepland' || m.status === 'verstuurd';

export interface NazorgPlanWijziging {
  readonly nieuw: readonly Nazorgmoment[];
  /** Open moments to cancel, as read (the store conditions each on the version read). */
  readonly annuleren: readonly Nazorgmoment[];
  /** Open moments that take the placement's new jobcoach organisation: as read and as they become. */
  readonly jobcoach?: readonly MomentWijziging[];
}

/** One moment as read (the store conditions its write on this version and status) and as it becomes. */
export interface MomentWijziging {
  readonly voor: Nazorgmoment;
  readonly na: Nazorgmoment;
}

/**
 * A jobcoach organisation assigned, replaced or removed: which open moments change. The consumer invites
 * the moment's own `jobcoachPartnerId` (it reads the moment only), so the copy made when planning must
 * follow the placement, or a later organisation is never invited and a replaced one still is.
 *   gepland    takes the new organisation: its invitation, when due, goes to it
 *   verstuurd  takes it too: the invitation went out already (to whoever was assigned then), but the moment
 *              is still open and the new organisation is the one to answer it (who may answer follows the
 *              placement itself, toegang.plaatsing), so the moment names who is now responsible
 *   beantwoord, geannuleerd  final: they record who was assigned then, unchanged
 * A moment that already names the new organisation (none, when removed) is left alone.
 */
export const momentenBijJobcoachwissel = (na: Pick<Plaatsing, 'jobcoachPartnerId'>, open: readonly Nazorgmoment[]): MomentWijziging[] =>
  open
    .filter((m) => isOpenMoment(m) && m.jobcoachPartnerId !== na.jobcoachPartnerId)
    .map((voor) => {
      const { jobcoachPartnerId: _vorige, ...rest } = voor;
      return { voor, na: { ...rest, ...(na.jobcoachPartnerId ? { jobcoachPartnerId: na.jobcoachPartnerId } : {}), versie: voor.versie + 1 } };
    });

/** A placement that ended: its open moments are cancelled, one exit check follows the end date. */
export const planBijEinde = (pl: Plaatsing, momenten: readonly Nazorgmoment[], omgeving: Omgeving): NazorgPlanWijziging => {
  const reactietermijn = momenten[0]?.reactietermijnDagen ?? STANDAARD_REACTIETERMIJN_DAGEN;
  const einde = pl.beeindiging!.einddatum;
  const exit = nieuwMoment(basis(pl, reactietermijn), { soort: 'exitcheck', vervaldatum: plusDagen(einde, EXITCHECK_DAGEN) }, omgeving);
  return { nieuw: [exit], annuleren: momenten.filter(isOpenMoment) };
};

// ── Instruments that change: replaced, ended with the trial, new ─────────────────────────────────────────

type MetInstrumenten = Pick<Plaatsing, 'instrumenten'>;

/** Active before a change and not after it: replaced by a new one of its kind, or ended (the trial at the start). */
export const beeindigdeInstrumenten = (voor: MetInstrumenten, na: MetInstrumenten): string[] => {
  const actief = new Set(na.instrumenten.filter((i) => i.status === 'actief').map((i) => i.id));
  return voor.instrumenten.filter((i) => i.status === 'actief' && !actief.has(i.id)).map((i) => i.id);
};

/** Added by a change and active. */
export const nieuweInstrumenten = (voor: MetInstrumenten, na: MetInstrumenten): string[] => {
  const was = new Set(voor.instrumenten.map((i) => i.id));
  return na.instrumenten.filter((i) => i.status === 'actief' && !was.has(i.id)).map((i) => i.id);
};

/**
 * An instrument that changed on a running placement. The `gepland` moments of an instrument that ended are
 * cancelled; a moment already sent stays, since it is a task in the employer's and the jobcoach's hands
 * and its answer still tells how the placement goes. The new instrument's deadlines are planned — only for
 * an instrument that was not there before, so a change read twice never plans an instrument twice — except
 * a deadline equal (kind and date) to a moment that stays open.
 */
export const planBijInstrumentwissel = (
  voor: Plaatsing,
  na: Plaatsing,
  open: readonly Nazorgmoment[],
  instellingen: Pick<GemeenteInstellingen, 'reactietermijnDagen'>,
  omgeving: Omgeving,
): NazorgPlanWijziging => {
  const weg = new Set(beeindigdeInstrumenten(voor, na));
  const annuleren = open.filter((m) => m.status === 'gepland' && m.instrumentId !== undefined && weg.has(m.instrumentId));
  const blijft = new Set(open.filter((m) => isOpenMoment(m) && !annuleren.includes(m)).map((m) => `${m.soort}#${m.vervaldatum}`));
  const nieuw = nieuweInstrumenten(voor, na)
    .flatMap((id) => planBijInstrument(na, id, instellingen, omgeving))
    .filter((m) => !blijft.has(`${m.soort}#${m.vervaldatum}`));
  return { nieuw, annuleren };
};

/** The placement changes that plan or cancel follow-ups. */
export type NazorgActie = Extract<PlaatsingActie, 'proefplaatsing' | 'starten' | 'instrumentToevoegen' | 'beeindigen' | 'afwijzen' | 'annuleren' | 'jobcoachToewijzen'>;
const NAZORG_ACTIES: readonly PlaatsingActie[] = ['proefplaatsing', 'starten', 'instrumentToevoegen', 'beeindigen', 'afwijzen', 'annuleren', 'jobcoachToewijzen'];

/**
 * What a placement change needs read before its follow-ups can be decided: the gemeente's settings when
 * it plans (the start, an instrument with deadlines of its own), the open moments when it may cancel some
 * (the end; an instrument with deadlines that ended). Neither: the change leaves the follow-ups alone, and
 * costs no read for them.
 */
export const nazorgLeest = (actie: PlaatsingActie, voor: Plaatsing, na: Plaatsing): { instellingen: boolean; open: boolean } => {
  const weg = new Set(beeindigdeInstrumenten(voor, na));
  const eindigtTermijnen = termijnen(voor).some((t) => t.instrumentId !== undefined && weg.has(t.instrumentId));
  switch (actie) {
    case 'starten':
      return { instellingen: true, open: eindigtTermijnen };
    case 'beeindigen':
      return { instellingen: false, open: true };
    case 'proefplaatsing':
    case 'instrumentToevoegen': {
      const nieuw = new Set(nieuweInstrumenten(voor, na));
      const plant = nazorgVanaf(na) !== undefined && termijnen(na).some((t) => t.instrumentId !== undefined && nieuw.has(t.instrumentId));
      return { instellingen: plant, open: eindigtTermijnen };
    }
    case 'afwijzen':
    case 'annuleren':
      return { instellingen: false, open: eindigtTermijnen };
    case 'jobcoachToewijzen':
      // Moments exist from the trial or the start on; before either there is nothing to follow the change.
      return { instellingen: false, open: nazorgVanaf(voor) !== undefined };
    default:
      return { instellingen: false, open: false };
  }
};

/**
 * The follow-ups of one placement change, from the placement before and after it and what `nazorgLeest`
 * asked for (`instellingen` is only read when it asked; `open` is empty when it did not). Undefined: nothing
 * to plan or cancel.
 */
export const nazorgBijWijziging = (
  actie: PlaatsingActie,
  voor: Plaatsing,
  na: Plaatsing,
  gelezen: { instellingen: GemeenteInstellingen; open: readonly Nazorgmoment[] },
  omgeving: Omgeving,
): NazorgPlanWijziging | undefined => {
  if (!NAZORG_ACTIES.includes(actie)) return undefined;
  const { instellingen, open } = gelezen;
  const w: NazorgPlanWijziging = (() => {
    switch (actie as NazorgActie) {
      case 'starten':
        // The start ends the trial: its planned end moment goes, the contract's plan comes.
        return { nieuw: planBijStart(na, instellingen, omgeving), annuleren: planBijInstrumentwissel(voor, na, open, instellingen, omgeving).annuleren };
      case 'beeindigen':
        return planBijEinde(na, open, omgeving);
      case 'afwijzen':
      case 'annuleren':
        // Closed before the start: nothing left to follow, and no exit check for what never started.
        return { nieuw: [], annuleren: open.filter(isOpenMoment) };
      case 'proefplaatsing':
      case 'instrumentToevoegen':
        return planBijInstrumentwissel(voor, na, open, instellingen, omgeving);
      case 'jobcoachToewijzen':
        return { nieuw: [], annuleren: [], jobcoach: momentenBijJobcoachwissel(na, open) };
    }
  })();
  return w.nieuw.length > 0 || w.annuleren.length > 0 || (w.jobcoach?.length ?? 0) > 0 ? w : undefined;
};

/** The cancelled version of an open moment. Cancelled and answered moments are final: never reactivated. */
export const geannuleerd = (m: Nazorgmoment): Nazorgmoment => ({ ...m, status: 'geannuleerd', versie: m.versie + 1 });

// ── Coordinators: add a moment, move a planned one ───────────────────────────────────────────────────────

export const MAG_PLANNEN: readonly Rol[] = ['coopAdmin'];

const vereisPlannen = (door: Principal) => {
  if (!MAG_PLANNEN.includes(door.rol)) throw new DomeinFout('geenToegang', 'Alleen coördinatoren plannen nazorgmomenten.');
};

const dubbel = (momenten: readonly Nazorgmoment[], soort: Nazorgmoment['soort'], vervaldatum: string, behalve?: string) => {
  if (momenten.some((m) => m.id !== behalve && m.soort === soort && m.vervaldatum === vervaldatum && m.status !== 'geannuleerd'))
    throw new DomeinFout('conflict', `Er is al een nazorgmoment ${soort} op ${vervaldatum}.`);
};

/** After the contract's start; during the trial (its end moment can be moved too) after the trial's start. */
const naDeStart = (pl: Plaatsing, vervaldatum: string) => {
  if (!pl.contract && pl.fase === 'proefplaatsing' && pl.proefplaatsing) {
    if (vervaldatum <= pl.proefplaatsing.startdatum) throw new DomeinFout('onverwerkbaar', `Een nazorgmoment valt na de start van de proefplaatsing (${pl.proefplaatsing.startdatum}).`);
    return;
  }
  if (!pl.contract) throw new DomeinFout('ongeldigeOvergang', `Een plaatsing in fase '${pl.fase}' heeft nog geen nazorg: die begint bij de proefplaatsing of de start.`);
  if (vervaldatum <= pl.contract.startdatum) throw new DomeinFout('onverwerkbaar', `Een nazorgmoment valt na de start van het contract (${pl.contract.startdatum}).`);
};

export const momentToevoegen = (
  pl: Plaatsing,
  momenten: readonly Nazorgmoment[],
  invoer: { vervaldatum: string; soort: 'regulier' },
  door: Principal,
  reactietermijnDagen: number,
  omgeving: Omgeving,
): Nazorgmoment => {
  if (!toegang.plaatsing(door, pl)) throw nietGevonden('Deze plaatsing');
  vereisPlannen(door);
  if (pl.fase !== 'gestart') throw new DomeinFout('ongeldigeOvergang', `Nazorg plannen kan bij een gestarte plaatsing; deze is in fase '${pl.fase}'.`);
  naDeStart(pl, invoer.vervaldatum);
  dubbel(momenten, invoer.soort, invoer.vervaldatum);
  return nieuwMoment(basis(pl, reactietermijnDagen), { soort: invoer.soort, vervaldatum: invoer.vervaldatum }, omgeving);
};

/** Moving is for a moment not yet sent: its date is its key and its place in the due index. */
export const momentVerplaatsen = (
  pl: Plaatsing,
  momenten: readonly Nazorgmoment[],
  m: Nazorgmoment,
  vervaldatum: string,
  door: Principal,
  ifMatch: number | undefined,
): Nazorgmoment => {
  if (!toegang.plaatsing(door, pl)) throw nietGevonden('Dit nazorgmoment');
  vereisPlannen(door);
  if (ifMatch !== undefined && ifMatch !== m.versie) throw new DomeinFout('verouderd', `U zag versie ${ifMatch}; de huidige is ${m.versie}. Haal het nazorgmoment opnieuw op.`);
  if (m.status !== 'gepland') throw new DomeinFout('ongeldigeOvergang', `Alleen een gepland nazorgmoment kan worden verplaatst; dit is '${m.status}'.`);
  naDeStart(pl, vervaldatum);
  dubbel(momenten, m.soort, vervaldatum, m.id);
  return { ...m, vervaldatum, versie: m.versie + 1 };
};

// ── Answers, the risk signal, durability ─────────────────────────────────────────────────────────────────

export const MAG_ANTWOORDEN: readonly Rol[] = ['werkgever', 'regiopartner'];

/** Absence in the period above these days raises the signal. */
export const VERZUIM_MIDDEN = 3;
export const VERZUIM_HOOG = 10;
const ZWARE_RISICOS = ['conflict', 'schulden', 'gezondheidsverzuim'] as const;

type Reden = Risicosignaal['redenen'][number];

/**
 * The rules, each naming the answer that raised it. The signal is the highest level any rule gives; the
 * other risk categories (transport, workload, motivation, a contract end coming, other) are recorded in
 * the answer but do not raise it on their own.
 */
export const risicoRegels = (a: NazorgAntwoordInvoer): Reden[] => {
  const r: Reden[] = [];
  if (!a.nogInDienst && a.werkzaamElders !== true) r.push({ regel: 'nietMeerInDienst', niveau: 'hoog', toelichting: 'nogInDienst: niet meer in dienst en niet elders aan het werk' });
  if (!a.nogInDienst && a.werkzaamElders === true) r.push({ regel: 'elderswerkzaam', niveau: 'midden', toelichting: 'nogInDienst: niet meer in dienst, wel elders aan het werk' });
  if (a.verzuimdagenInPeriode > VERZUIM_HOOG) r.push({ regel: 'verzuim', niveau: 'hoog', toelichting: `verzuimdagenInPeriode: ${a.verzuimdagenInPeriode} (meer dan ${VERZUIM_HOOG})` });
  else if (a.verzuimdagenInPeriode > VERZUIM_MIDDEN)
    r.push({ regel: 'verzuim', niveau: 'midden', toelichting: `verzuimdagenInPeriode: ${a.verzuimdagenInPeriode} (meer dan ${VERZUIM_MIDDEN})` });
  if (a.hoeGaatHet === 1) r.push({ regel: 'gaatSlecht', niveau: 'hoog', toelichting: 'hoeGaatHet: 1' });
  if (a.hoeGaatHet === 2) r.push({ regel: 'gaatMatig', niveau: 'midden', toelichting: 'hoeGaatHet: 2' });
  const zwaar = ZWARE_RISICOS.filter((z) => a.risicos.includes(z));
  if (zwaar.length >= 2) r.push({ regel: 'meerdereRisicos', niveau: 'hoog', toelichting: `risicos: ${zwaar.join(', ')}` });
  else if (zwaar.length === 1) r.push({ regel: 'risico', niveau: 'midden', toelichting: `risicos: ${zwaar[0]}` });
  if (a.ondersteuningNodig) r.push({ regel: 'ondersteuningNodig', niveau: 'midden', toelichting: 'ondersteuningNodig: ja' });
  return r;
};

export const risicosignaal = (a: NazorgAntwoordInvoer, nazorgmomentId: string, bepaaldOp: string): Risicosignaal => {
  const redenen = risicoRegels(a);
  const niveau = redenen.some((r) => r.niveau === 'hoog') ? 'hoog' : redenen.length > 0 ? 'midden' : 'laag';
  return { niveau, redenen, nazorgmomentId, bepaaldOp };
};

/** Durable: still in work at the check, with this employer or with another. */
export const isDuurzaam = (a: NazorgAntwoordInvoer): boolean => a.nogInDienst || a.werkzaamElders === true;

export interface EscalatieMet {
  readonly escalatie: Escalatie;
  readonly notificatie: Notificatie;
}

const NOTIFICATIE_TEKST = {
  hoogRisico: 'Uit de nazorg blijkt een hoog risico',
  onbeantwoord: 'Een nazorgmoment is niet binnen de reactietermijn beantwoord',
} as const;

/**
 * An escalation for the coordinators and the gemeente's notice of it. The text names the placement and
 * the rules, never the person: the gemeente looks the candidate up by its own referral.
 */
export const escalatie = (
  m: Pick<Nazorgmoment, 'id' | 'plaatsingId' | 'verwijzingId' | 'lidId' | 'gemeente'>,
  gemeente: Pick<Gemeente, 'contactpersoon'>,
  aanleiding: Escalatie['aanleiding'],
  redenen: readonly string[],
  ids: { escalatieId: string; notificatieId: string },
  nu: string,
): EscalatieMet => ({
  escalatie: {
    id: ids.escalatieId,
    plaatsingId: m.plaatsingId,
    // Absent only for a moment planned before moments carried it (the list reads it from the placement then).
    ...(m.verwijzingId ? { verwijzingId: m.verwijzingId } : {}),
    nazorgmomentId: m.id,
    lidId: m.lidId,
    gemeente: m.gemeente,
    aanleiding,
    redenen: [...redenen],
    status: 'open',
    aangemaaktOp: nu,
  },
  notificatie: {
    id: ids.notificatieId,
    soort: 'nazorgEscalatie',
    aan: { naam: gemeente.contactpersoon.naam, email: gemeente.contactpersoon.email },
    onderwerp: 'Nazorg: een plaatsing vraagt aandacht',
    tekst: `${NOTIFICATIE_TEKST[aanleiding]} bij plaatsing ${m.plaatsingId}${redenen.length > 0 ? ` (${redenen.join('; ')})` : ''}. De coördinatoren van de coöperatie nemen contact met u op.`,
    onderwerpType: 'plaatsing',
    onderwerpId: m.plaatsingId,
    aangemaaktOp: nu,
  },
});

// ── Coordinators: read and close an escalation ──────────────────────────────────────────────────────────

export const MAG_ESCALATIES: readonly Rol[] = ['coopAdmin'];

/** Who may see one escalation at all (toegang.escalatie) and then act on it: the coordinators (403 for others). */
export const vereisEscalatieRol = (door: Principal): void => {
  if (!MAG_ESCALATIES.includes(door.rol)) throw new DomeinFout('geenToegang', 'Alleen coördinatoren zien en behandelen escalaties.');
};

/**
 * A coordinator closes an open escalation: what was done, its outcome if given, who and when. Once: a
 * closed escalation stays closed (409), so its record of who closed it is never overwritten.
 */
export const escalatieAfhandelen = (e: Escalatie, invoer: EscalatieAfhandeling, door: Principal, nu: string): Escalatie => {
  vereisEscalatieRol(door);
  if (!toegang.escalatie(door, e)) throw nietGevonden('Deze escalatie');
  if (e.status !== 'open') throw new DomeinFout('conflict', `Deze escalatie is al afgehandeld${e.afgehandeldOp ? ` (${e.afgehandeldOp})` : ''}.`);
  return {
    ...e,
    status: 'afgehandeld',
    afhandeling: invoer.afhandeling,
    ...(invoer.uitkomst ? { uitkomst: invoer.uitkomst } : {}),
    afgehandeldDoor: { rol: door.rol, subject: door.subject },
    afgehandeldOp: nu,
  };
};

export interface AntwoordMutatie {
  readonly moment: Nazorgmoment;
  readonly verwachteMomentVersie: number;
  readonly plaatsing: Plaatsing;
  readonly verwachtePlaatsingVersie: number;
  readonly gebeurtenis: PlaatsingGebeurtenis;
  readonly escalatie?: EscalatieMet;
}

/**
 * An answer from the placement's member or its jobcoach organisation. Allowed once the moment is sent (or
 * is planned and due: the answerer need not wait for the reminder); one answer closes it, a second is 409.
 * The placement takes the signal (and a durability check's outcome) as a new version with its history.
 */
export const beantwoord = (
  pl: Plaatsing,
  m: Nazorgmoment,
  invoer: NazorgAntwoordInvoer,
  door: Principal,
  gemeente: Pick<Gemeente, 'contactpersoon'>,
  omgeving: Omgeving,
): AntwoordMutatie => {
  if (!toegang.plaatsing(door, pl)) throw nietGevonden('Dit nazorgmoment');
  if (!MAG_ANTWOORDEN.includes(door.rol)) throw new DomeinFout('geenToegang', 'Een nazorgmoment wordt beantwoord door de werkgever of de toegewezen jobcoachorganisatie.');
  const vandaag = omgeving.nu.slice(0, 10);
  if (m.status === 'beantwoord') throw new DomeinFout('conflict', 'Dit nazorgmoment is al beantwoord.');
  if (m.status === 'geannuleerd') throw new DomeinFout('ongeldigeOvergang', 'Dit nazorgmoment is geannuleerd.');
  if (m.status === 'gepland' && m.vervaldatum > vandaag) throw new DomeinFout('ongeldigeOvergang', `Dit nazorgmoment is pas op ${m.vervaldatum} aan de beurt.`);

  const risico = risicosignaal(invoer, m.id, omgeving.nu);
  const duurzaam = m.soort === 'duurzaamheidscheck' ? isDuurzaam(invoer) : undefined;
  const moment: Nazorgmoment = {
    ...m,
    status: 'beantwoord',
    antwoorden: [...m.antwoorden, { ...invoer, door: { rol: door.rol, subject: door.subject }, op: omgeving.nu }],
    risico,
    ...(duurzaam !== undefined ? { duurzaam } : {}),
    versie: m.versie + 1,
  };
  const versie = pl.versie + 1;
  const plaatsing: Plaatsing = {
    ...pl,
    risico,
    ...(duurzaam !== undefined && m.termijn ? { duurzaamheid: { ...pl.duurzaamheid, [m.termijn]: duurzaam } } : {}),
    gewijzigdOp: omgeving.nu,
    versie,
  };
  const esc =
    risico.niveau === 'hoog'
      ? escalatie({ ...m, verwijzingId: pl.verwijzingId }, gemeente, 'hoogRisico', risico.redenen.filter((r) => r.niveau === 'hoog').map((r) => r.toelichting), { escalatieId: omgeving.nieuwId(), notificatieId: omgeving.nieuwId() }, omgeving.nu)
      : undefined;
  return {
    moment,
    verwachteMomentVersie: m.versie,
    plaatsing,
    verwachtePlaatsingVersie: pl.versie,
    gebeurtenis: {
      id: omgeving.nieuwId(),
      plaatsingId: pl.id,
      soort: 'nazorgBeantwoord',
      vanFase: pl.fase,
      naarFase: pl.fase,
      onderwerpId: m.id,
      door: { rol: door.rol, subject: door.subject },
      op: omgeving.nu,
      versie,
    },
    ...(esc ? { escalatie: esc } : {}),
  };
};
