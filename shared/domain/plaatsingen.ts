import type { Principal, Rol } from '../auth/rollen';
import { toegang } from '../auth/toegang';
import type {
  Begeleidingsnotitie,
  BegeleidingsnotitieInvoer,
  Beeindigingsreden,
  Contract,
  InstrumentInvoer,
  Ontwikkeldoel,
  OntwikkeldoelInvoer,
  OntwikkeldoelWijziging,
  Plaatsing,
  PlaatsingFase,
  PlaatsingGebeurtenis,
} from '../schemas/plaatsingen';
import type { Verwijzing } from '../schemas/verwijzingen';
import type { Werkplek } from '../schemas/werkplekken';
import { DomeinFout, nietGevonden } from './fouten';
import { beeindigInstrumenten, controleerInstrument, controleerProefperiode, termijnen, voegInstrumentToe } from './instrumenten';
import type { Omgeving } from './leden';
import type { NazorgPlanWijziging } from './nazorg';
import { plaatsen, plaatsingBeeindigd, type VerwijzingMutatie } from './verwijzingen';
import { bezettingWijzigen, type WerkplekMutatie } from './werkplekken';

/**
 * The placement of a candidate (a referral) at a member's place:
 *
 *   voorgesteld ──kennismaking──▶ kennismaking ──proefplaatsing──▶ proefplaatsing
 *        │                            │  └────────────starten─────────┐   │
 *        │                            │                               ▼   ▼
 *        │                            │                              gestart ──beeindigen──▶ beeindigd
 *        └──── afwijzen / annuleren ──┴── (any phase before the start) ──▶ afgewezen / geannuleerd
 *
 * Pure functions: they decide, the store writes. Every change — a phase, an instrument, the jobcoach
 * organisation, a goal or a note of the development plan — is a new version of the placement with one
 * history record, so one ETag guards the whole placement and one history tells all of it.
 */
export type PlaatsingOpdracht =
  | { readonly actie: 'kennismaking'; readonly datum: string }
  | { readonly actie: 'proefplaatsing'; readonly startdatum: string; readonly einddatum: string }
  | { readonly actie: 'starten'; readonly contract: Contract }
  | { readonly actie: 'beeindigen'; readonly einddatum: string; readonly reden: Beeindigingsreden; readonly toelichting?: string | undefined }
  | { readonly actie: 'afwijzen'; readonly reden: string }
  | { readonly actie: 'annuleren'; readonly reden: string }
  | { readonly actie: 'instrumentToevoegen'; readonly invoer: InstrumentInvoer }
  | { readonly actie: 'jobcoachToewijzen'; readonly partnerId: string }
  | { readonly actie: 'ontwikkeldoelToevoegen'; readonly invoer: OntwikkeldoelInvoer }
  | { readonly actie: 'ontwikkeldoelWijzigen'; readonly doel: Ontwikkeldoel; readonly wijziging: OntwikkeldoelWijziging }
  | { readonly actie: 'notitieToevoegen'; readonly invoer: BegeleidingsnotitieInvoer };
export type PlaatsingActie = PlaatsingOpdracht['actie'];

export const OPEN_FASEN: readonly PlaatsingFase[] = ['voorgesteld', 'kennismaking', 'proefplaatsing', 'gestart'];
export const VOOR_DE_START: readonly PlaatsingFase[] = ['voorgesteld', 'kennismaking', 'proefplaatsing'];
export const isOpen = (fase: PlaatsingFase): boolean => OPEN_FASEN.includes(fase);

/**
 * Who may do what (the tenant — which member, which gemeente, which partner — is toegang.plaatsing's):
 * the member runs its own placements, the gemeente of the referral may cancel one before it starts
 * and arranges instruments (it grants the wage subsidy and funds the jobcoach), the assigned jobcoach
 * organisation keeps the development plan with the member, and the coordinators may do everything.
 * Ending a started placement is the employer's (or a coordinator's): the gemeente is not the employer.
 */
export const MAG: Readonly<Record<PlaatsingActie, readonly Rol[]>> = {
  kennismaking: ['coopAdmin', 'werkgever'],
  proefplaatsing: ['coopAdmin', 'werkgever'],
  starten: ['coopAdmin', 'werkgever'],
  beeindigen: ['coopAdmin', 'werkgever'],
  afwijzen: ['coopAdmin', 'werkgever'],
  annuleren: ['coopAdmin', 'gemeente'],
  instrumentToevoegen: ['coopAdmin', 'werkgever', 'gemeente'],
  jobcoachToewijzen: ['coopAdmin'],
  ontwikkeldoelToevoegen: ['coopAdmin', 'werkgever', 'regiopartner'],
  ontwikkeldoelWijzigen: ['coopAdmin', 'werkgever', 'regiopartner'],
  notitieToevoegen: ['coopAdmin', 'regiopartner'],
};

/** The phases an action may start from. */
const VAN: Readonly<Record<PlaatsingActie, readonly PlaatsingFase[]>> = {
  kennismaking: ['voorgesteld'],
  proefplaatsing: ['kennismaking'],
  starten: ['kennismaking', 'proefplaatsing'],
  beeindigen: ['gestart'],
  afwijzen: VOOR_DE_START,
  annuleren: VOOR_DE_START,
  instrumentToevoegen: OPEN_FASEN,
  jobcoachToewijzen: OPEN_FASEN,
  ontwikkeldoelToevoegen: OPEN_FASEN,
  ontwikkeldoelWijzigen: OPEN_FASEN,
  notitieToevoegen: OPEN_FASEN,
};

/** Instruments per phase: a wage subsidy and sickness cover need the contract, a jobcoach a workplace. */
const INSTRUMENT_FASEN: Readonly<Record<Exclude<InstrumentInvoer['soort'], 'proefplaatsing'>, readonly PlaatsingFase[]>> = {
  loonkostensubsidie: ['gestart'],
  noRiskPolis: ['gestart'],
  jobcoach: ['proefplaatsing', 'gestart'],
};

export interface PlaatsingMutatie {
  readonly plaatsing: Plaatsing;
  readonly gebeurtenis: PlaatsingGebeurtenis;
  /** The version the store must still find; absent for a new placement. */
  readonly verwachteVersie?: number;
  /** The guard of one open placement per (referral, place): claimed by a proposal, released when the placement closes. */
  readonly paar?: 'claimen' | 'vrijgeven';
  /** The place's occupancy changes: +1 when the placement starts, −1 when a started one ends. */
  readonly bezetting?: 1 | -1;
  /** The referral follows: `plaatsen` at the start, `terugmelden` when it ends with the candidate back to the gemeente. */
  readonly verwijzing?: 'plaatsen' | 'terugmelden';
  /**
   * Conditions on the referral and the place, checked in the same transaction without reading them: a
   * candidate returned or withdrawn meanwhile stops the placement's steps before the start, a place
   * closed or filled meanwhile stops a proposal.
   */
  readonly verwijzingBemiddelbaar?: true;
  readonly werkplekOpen?: true;
  /** The store checks, in the same transaction, that this partner is still an approved jobcoach organisation. */
  readonly jobcoachPartnerId?: string;
  readonly doel?: Ontwikkeldoel;
  readonly notitie?: Begeleidingsnotitie;
}

const actor = (p: Principal): PlaatsingGebeurtenis['door'] => ({ rol: p.rol, subject: p.subject });

export const MAG_VOORSTELLEN: readonly Rol[] = ['coopAdmin'];

/** A coordinator proposes a candidate for a place: the referral must be placeable and the place open with room. */
export const voorstellen = (verwijzing: Verwijzing, werkplek: Werkplek, door: Principal, omgeving: Omgeving): PlaatsingMutatie => {
  if (!MAG_VOORSTELLEN.includes(door.rol)) throw new DomeinFout('geenToegang', 'Alleen coördinatoren stellen plaatsingen voor.');
  if (verwijzing.status !== 'bemiddelbaar')
    throw new DomeinFout('ongeldigeOvergang', `De verwijzing heeft status '${verwijzing.status}'; alleen een bemiddelbare kandidaat kan worden voorgesteld.`);
  if (werkplek.status !== 'open' || werkplek.aantalBezet >= werkplek.aantalPlaatsen)
    throw new DomeinFout('ongeldigeOvergang', `De werkplek heeft status '${werkplek.status}' en ${werkplek.aantalBezet} van ${werkplek.aantalPlaatsen} plaatsen bezet; alleen een open werkplek met een vrije plaats kan.`);
  const plaatsing: Plaatsing = {
    id: omgeving.nieuwId(),
    verwijzingId: verwijzing.id,
    werkplekId: werkplek.id,
    lidId: werkplek.lidId,
    gemeente: verwijzing.gemeente,
    fase: 'voorgesteld',
    instrumenten: [],
    termijnen: [],
    aangemaaktOp: omgeving.nu,
    gewijzigdOp: omgeving.nu,
    versie: 1,
  };
  return {
    plaatsing,
    paar: 'claimen',
    verwijzingBemiddelbaar: true,
    werkplekOpen: true,
    gebeurtenis: { id: omgeving.nieuwId(), plaatsingId: plaatsing.id, soort: 'voorgesteld', naarFase: 'voorgesteld', door: actor(door), op: omgeving.nu, versie: 1 },
  };
};

const ongeldig = (pl: Plaatsing, actie: PlaatsingActie) =>
  new DomeinFout('ongeldigeOvergang', `Een plaatsing in fase '${pl.fase}' kan niet '${actie}'; dat kan alleen vanuit ${VAN[actie].join(', ')}.`);
const onverwerkbaar = (tekst: string) => new DomeinFout('onverwerkbaar', tekst);

interface Uitkomst {
  readonly wijziging: Partial<Plaatsing>;
  readonly soort: PlaatsingGebeurtenis['soort'];
  readonly reden?: string;
  readonly onderwerpId?: string;
  readonly extra?: Pick<PlaatsingMutatie, 'paar' | 'bezetting' | 'verwijzing' | 'verwijzingBemiddelbaar' | 'jobcoachPartnerId' | 'doel' | 'notitie'>;
}

const besluit = (pl: Plaatsing, opdracht: PlaatsingOpdracht, door: Principal, omgeving: Omgeving): Uitkomst => {
  switch (opdracht.actie) {
    case 'kennismaking':
      return { wijziging: { fase: 'kennismaking', kennismakingOp: opdracht.datum }, soort: 'kennismaking', extra: { verwijzingBemiddelbaar: true } };

    case 'proefplaatsing': {
      const periode = { startdatum: opdracht.startdatum, einddatum: opdracht.einddatum };
      controleerProefperiode(periode);
      if (pl.kennismakingOp && periode.startdatum < pl.kennismakingOp) throw onverwerkbaar(`De proefplaatsing kan niet beginnen voor de kennismaking (${pl.kennismakingOp}).`);
      const id = omgeving.nieuwId();
      // The trial is also the instrument (benefit continues, UWV/gemeente arrangement): its end is a deadline.
      const instrumenten = voegInstrumentToe(pl.instrumenten, { id, status: 'actief', invoer: { soort: 'proefplaatsing', ...periode }, aangemaaktOp: omgeving.nu });
      return {
        wijziging: { fase: 'proefplaatsing', proefplaatsing: periode, instrumenten },
        soort: 'proefplaatsingGestart',
        onderwerpId: id,
        extra: { verwijzingBemiddelbaar: true },
      };
    }

    case 'starten': {
      const { contract } = opdracht;
      if (pl.kennismakingOp && contract.startdatum < pl.kennismakingOp) throw onverwerkbaar(`Het contract kan niet beginnen voor de kennismaking (${pl.kennismakingOp}).`);
      if (pl.proefplaatsing && contract.startdatum < pl.proefplaatsing.startdatum)
        throw onverwerkbaar(`Het contract kan niet beginnen voor de proefplaatsing (${pl.proefplaatsing.startdatum}).`);
      return {
        wijziging: { fase: 'gestart', contract, instrumenten: beeindigInstrumenten(pl.instrumenten, 'proefplaatsing') },
        soort: 'gestart',
        extra: { bezetting: 1, verwijzing: 'plaatsen' },
      };
    }

    case 'beeindigen': {
      const contract = pl.contract!;
      if (opdracht.einddatum < contract.startdatum) throw onverwerkbaar(`De einddatum ligt voor de start van het contract (${contract.startdatum}).`);
      const beeindiging = { einddatum: opdracht.einddatum, reden: opdracht.reden, ...(opdracht.toelichting ? { toelichting: opdracht.toelichting } : {}) };
      return {
        wijziging: { fase: 'beeindigd', beeindiging, instrumenten: beeindigInstrumenten(pl.instrumenten) },
        soort: 'beeindigd',
        reden: opdracht.reden,
        extra: { paar: 'vrijgeven', bezetting: -1, ...(opdracht.reden === 'terugNaarGemeente' ? { verwijzing: 'terugmelden' as const } : {}) },
      };
    }

    case 'afwijzen':
      return {
        wijziging: { fase: 'afgewezen', afwijzingsreden: opdracht.reden, instrumenten: beeindigInstrumenten(pl.instrumenten) },
        soort: 'afgewezen',
        reden: opdracht.reden,
        extra: { paar: 'vrijgeven' },
      };

    case 'annuleren':
      return {
        wijziging: { fase: 'geannuleerd', annuleringsreden: opdracht.reden, instrumenten: beeindigInstrumenten(pl.instrumenten) },
        soort: 'geannuleerd',
        reden: opdracht.reden,
        extra: { paar: 'vrijgeven' },
      };

    case 'instrumentToevoegen': {
      const { invoer } = opdracht;
      if (invoer.soort === 'proefplaatsing')
        throw onverwerkbaar('Een proefplaatsing is een fase van de plaatsing: begin haar met POST /v1/plaatsingen/{plaatsingId}/proefplaatsing.');
      const fasen = INSTRUMENT_FASEN[invoer.soort];
      if (!fasen.includes(pl.fase))
        throw new DomeinFout('ongeldigeOvergang', `Het instrument ${invoer.soort} kan pas in fase ${fasen.join(' of ')}; de plaatsing is in fase '${pl.fase}'.`);
      controleerInstrument(invoer, pl);
      const id = omgeving.nieuwId();
      return {
        wijziging: { instrumenten: voegInstrumentToe(pl.instrumenten, { id, status: 'actief', invoer, aangemaaktOp: omgeving.nu }) },
        soort: 'instrumentToegevoegd',
        onderwerpId: id,
      };
    }

    case 'jobcoachToewijzen':
      if (pl.jobcoachPartnerId === opdracht.partnerId) throw new DomeinFout('conflict', 'Deze jobcoachorganisatie is al aan de plaatsing toegewezen.');
      return {
        wijziging: { jobcoachPartnerId: opdracht.partnerId },
        soort: 'jobcoachToegewezen',
        onderwerpId: opdracht.partnerId,
        extra: { jobcoachPartnerId: opdracht.partnerId },
      };

    case 'ontwikkeldoelToevoegen': {
      const doel: Ontwikkeldoel = { id: omgeving.nieuwId(), ...opdracht.invoer, gewijzigdOp: omgeving.nu };
      return { wijziging: {}, soort: 'ontwikkeldoelToegevoegd', onderwerpId: doel.id, extra: { doel } };
    }

    case 'ontwikkeldoelWijzigen': {
      const doel: Ontwikkeldoel = { ...opdracht.doel, ...Object.fromEntries(Object.entries(opdracht.wijziging).filter(([, v]) => v !== undefined)), gewijzigdOp: omgeving.nu };
      return { wijziging: {}, soort: 'ontwikkeldoelGewijzigd', onderwerpId: doel.id, extra: { doel } };
    }

    case 'notitieToevoegen': {
      const notitie: Begeleidingsnotitie = { id: omgeving.nieuwId(), ...opdracht.invoer, door: actor(door), op: omgeving.nu };
      // The history names the note, never its text: the text is personal data, kept in one place.
      return { wijziging: {}, soort: 'begeleidingsnotitieToegevoegd', onderwerpId: notitie.id, extra: { notitie } };
    }
  }
};

/**
 * Any change to a placement. The checks come in the order the caller can act on them: a placement
 * it may not see (404), a role that may not do this (403), a stale version (412), a phase that does not
 * allow it (409), values that make no sense for this placement (422).
 */
export const voerUit = (
  pl: Plaatsing,
  opdracht: PlaatsingOpdracht,
  door: Principal,
  ifMatch: number | undefined,
  omgeving: Omgeving,
): PlaatsingMutatie => {
  if (!toegang.plaatsing(door, pl)) throw nietGevonden('Deze plaatsing');
  if (!MAG[opdracht.actie].includes(door.rol)) throw new DomeinFout('geenToegang', `De rol ${door.rol} mag '${opdracht.actie}' niet bij een plaatsing.`);
  if (ifMatch !== undefined && ifMatch !== pl.versie)
    throw new DomeinFout('verouderd', `U zag versie ${ifMatch}; de huidige is ${pl.versie}. Haal de plaatsing opnieuw op.`);
  if (!VAN[opdracht.actie].includes(pl.fase)) throw ongeldig(pl, opdracht.actie);

  const uitkomst = besluit(pl, opdracht, door, omgeving);
  const versie = pl.versie + 1;
  const gewijzigd: Plaatsing = { ...pl, ...uitkomst.wijziging, gewijzigdOp: omgeving.nu, versie };
  const plaatsing: Plaatsing = { ...gewijzigd, termijnen: termijnen(gewijzigd) };
  return {
    plaatsing,
    verwachteVersie: pl.versie,
    gebeurtenis: {
      id: omgeving.nieuwId(),
      plaatsingId: pl.id,
      soort: uitkomst.soort,
      vanFase: pl.fase,
      naarFase: plaatsing.fase,
      ...(uitkomst.reden ? { reden: uitkomst.reden } : {}),
      ...(uitkomst.onderwerpId ? { onderwerpId: uitkomst.onderwerpId } : {}),
      door: actor(door),
      op: omgeving.nu,
      versie,
    },
    ...uitkomst.extra,
  };
};

/** What a placement's change does to its place and its referral: their new versions with their own history. */
export interface Gevolgen {
  readonly werkplek?: WerkplekMutatie;
  readonly verwijzing?: VerwijzingMutatie;
  /** The follow-ups the change plans (start, instrument) or cancels (end), in the same transaction. */
  readonly nazorg?: NazorgPlanWijziging;
}

/** Which of the place and the referral a change needs read before it can be decided. */
export const nodigVoor = (opdracht: PlaatsingOpdracht): { werkplek: boolean; verwijzing: boolean } => ({
  werkplek: opdracht.actie === 'starten' || opdracht.actie === 'beeindigen',
  verwijzing: opdracht.actie === 'starten' || (opdracht.actie === 'beeindigen' && opdracht.reden === 'terugNaarGemeente'),
});

/**
 * The counters follow the placements, never a hand: a start takes a place (the place fills up when it was
 * the last) and places the referral (which leaves matching); the end of a started placement frees the place
 * and, with `terugNaarGemeente`, returns the referral. Decided here, on the place and referral as read,
 * and written by the store in the placement's own transaction, each conditioned on the version read.
 */
export const gevolgen = (m: PlaatsingMutatie, bij: { werkplek?: Werkplek | undefined; verwijzing?: Verwijzing | undefined }, door: Principal, omgeving: Omgeving): Gevolgen => {
  const { plaatsing } = m;
  const uit: { werkplek?: WerkplekMutatie; verwijzing?: VerwijzingMutatie } = {};
  if (m.bezetting !== undefined) {
    const w = bij.werkplek;
    if (!w) throw nietGevonden('De werkplek van deze plaatsing');
    if (m.bezetting === 1 && (w.status !== 'open' || w.aantalBezet >= w.aantalPlaatsen))
      throw new DomeinFout('ongeldigeOvergang', `De werkplek heeft status '${w.status}' met ${w.aantalBezet} van ${w.aantalPlaatsen} plaatsen bezet: er is geen vrije plaats om te starten.`);
    uit.werkplek = bezettingWijzigen(w, m.bezetting, door, omgeving);
  }
  if (m.verwijzing !== undefined) {
    const v = bij.verwijzing;
    if (!v) throw nietGevonden('De verwijzing van deze plaatsing');
    if (m.verwijzing === 'plaatsen') uit.verwijzing = plaatsen(v, plaatsing.id, door, omgeving);
    else {
      const terug = plaatsingBeeindigd(v, { plaatsingId: plaatsing.id, reden: plaatsing.beeindiging!.reden, toelichting: plaatsing.beeindiging!.toelichting }, door, omgeving);
      if (terug) uit.verwijzing = terug;
    }
  }
  return uit;
};
