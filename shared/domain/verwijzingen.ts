import type { Principal } from '../auth/rollen';
import type { Gemeente } from '../schemas/gemeenten';
import type {
  Kandidaatprofiel,
  Verwijzing,
  VerwijzingGebeurtenis,
  VerwijzingInvoer,
  VerwijzingStatus,
  VerwijzingWijziging,
} from '../schemas/verwijzingen';
import { DomeinFout } from './fouten';
import type { Omgeving } from './leden';

/**
 * The referral of a candidate by a gemeente to the cooperative:
 *
 *   ingediend ──intake──▶ inIntake ──bemiddelbaarVerklaren──▶ bemiddelbaar ──plaatsen──▶ geplaatst
 *       │                    │                                     │                        │
 *       └────────────────────┴──terugmelden (coördinator, reden)───┴──▶ teruggemeld ◀───────┘
 *       └────────────────────┴──intrekken (gemeente, reden)────────┴──▶ ingetrokken   (plaatsing beëindigd:
 *                                                                                      terugNaarGemeente)
 *
 * A started placement is protected by the state itself: `geplaatst` cannot be returned or withdrawn by
 * hand, only the end of its placement (reason terugNaarGemeente) returns it. Placements still before
 * their start run while the referral is `bemiddelbaar`; the placements' own transitions check it still
 * is (a ConditionCheck), so a referral returned in the meantime stops them there.
 *
 * Pure functions: they decide, the store writes. Each yields the new referral, the one it replaces
 * (the store brings the matching keys in line from the pair) and its history record.
 */
export type VerwijzingActie = 'intakeStarten' | 'bemiddelbaarVerklaren' | 'terugmelden' | 'intrekken';

type Soort = VerwijzingGebeurtenis['soort'];

const OPEN: readonly VerwijzingStatus[] = ['ingediend', 'inIntake', 'bemiddelbaar'];
/** Closed: returned or withdrawn. Nothing changes any more, except that consent can always be withdrawn. */
export const isAfgesloten = (status: VerwijzingStatus): boolean => status === 'teruggemeld' || status === 'ingetrokken';

const OVERGANGEN: Record<VerwijzingActie, { van: readonly VerwijzingStatus[]; naar: VerwijzingStatus; soort: Soort; redenVerplicht: boolean }> = {
  intakeStarten: { van: ['ingediend'], naar: 'inIntake', soort: 'inIntakeGenomen', redenVerplicht: false },
  bemiddelbaarVerklaren: { van: ['inIntake'], naar: 'bemiddelbaar', soort: 'bemiddelbaarVerklaard', redenVerplicht: false },
  terugmelden: { van: OPEN, naar: 'teruggemeld', soort: 'teruggemeld', redenVerplicht: true },
  intrekken: { van: OPEN, naar: 'ingetrokken', soort: 'ingetrokken', redenVerplicht: true },
};

export interface VerwijzingMutatie {
  readonly verwijzing: Verwijzing;
  /** The referral as read; absent for a new one. The matching keys follow from the pair. */
  readonly vorige?: Verwijzing;
  readonly gebeurtenis: VerwijzingGebeurtenis;
  /** The version the store must still find, or the write is refused as concurrent. */
  readonly verwachteVersie?: number;
  /** A member that must be active for this write (a consent to meet it). */
  readonly actiefLid?: string;
}

const actor = (p: Principal): VerwijzingGebeurtenis['door'] => ({ rol: p.rol, subject: p.subject });

const controleerVersie = (v: Verwijzing, ifMatch: number | undefined) => {
  if (ifMatch !== undefined && ifMatch !== v.versie)
    throw new DomeinFout('verouderd', `U zag versie ${ifMatch}; de huidige is ${v.versie}. Haal de verwijzing opnieuw op.`);
};

/** The next version of `v` with its history record. */
const volgende = (
  v: Verwijzing,
  wijziging: Partial<Verwijzing>,
  gebeurtenis: { soort: Soort; reden?: string | undefined; gewijzigdeVelden?: string[]; lidId?: string; plaatsingId?: string },
  door: Principal,
  omgeving: Omgeving,
): VerwijzingMutatie => {
  const versie = v.versie + 1;
  const { statusReden: _vorigeReden, ...rest } = v;
  const status = wijziging.status ?? v.status;
  // Only a closed referral says why in its status; a reason given elsewhere stays in the history.
  const statusReden = !isAfgesloten(status) ? undefined : status === v.status ? v.statusReden : gebeurtenis.reden;
  const verwijzing: Verwijzing = { ...rest, ...wijziging, ...(statusReden ? { statusReden } : {}), gewijzigdOp: omgeving.nu, versie };
  const { reden, ...extra } = gebeurtenis;
  return {
    verwijzing,
    vorige: v,
    verwachteVersie: v.versie,
    gebeurtenis: {
      id: omgeving.nieuwId(),
      verwijzingId: v.id,
      ...extra,
      vanStatus: v.status,
      naarStatus: status,
      ...(reden ? { reden } : {}),
      door: actor(door),
      op: omgeving.nu,
      versie,
    },
  };
};

/** A new referral of the caller's gemeente, in that gemeente's labour-market region. */
export const indienen = (invoer: VerwijzingInvoer, gemeente: Gemeente, door: Principal, omgeving: Omgeving): VerwijzingMutatie => {
  const verwijzing: Verwijzing = {
    id: omgeving.nieuwId(),
    gemeente: gemeente.code,
    arbeidsmarktregio: gemeente.arbeidsmarktregio,
    ...invoer,
    status: 'ingediend',
    aantalPlaatsingen: 0,
    toestemmingWerkgevers: [],
    aangemaaktOp: omgeving.nu,
    gewijzigdOp: omgeving.nu,
    versie: 1,
  };
  return {
    verwijzing,
    gebeurtenis: { id: omgeving.nieuwId(), verwijzingId: verwijzing.id, soort: 'ingediend', naarStatus: 'ingediend', door: actor(door), op: omgeving.nu, versie: 1 },
  };
};

export const voerUit = (
  v: Verwijzing,
  actie: VerwijzingActie,
  door: Principal,
  opties: { reden?: string | undefined; ifMatch?: number | undefined },
  omgeving: Omgeving,
): VerwijzingMutatie => {
  controleerVersie(v, opties.ifMatch);
  const overgang = OVERGANGEN[actie];
  if (!overgang.van.includes(v.status))
    throw new DomeinFout('ongeldigeOvergang', `Een verwijzing met status '${v.status}' kan niet '${actie}'; dat kan alleen vanuit ${overgang.van.join(', ')}.`);
  if (overgang.redenVerplicht && !opties.reden) throw new DomeinFout('onverwerkbaar', `Geef een reden om '${actie}' vast te leggen.`);
  return volgende(v, { status: overgang.naar }, { soort: overgang.soort, reden: opties.reden }, door, omgeving);
};

/** True for a change that only withdraws the consent to be shown: allowed whatever the status. */
const alleenToestemmingIntrekken = (w: VerwijzingWijziging): boolean =>
  Object.keys(w).length === 1 && w.toestemmingProfielDelen === false;

export const wijzigen = (v: Verwijzing, wijziging: VerwijzingWijziging, door: Principal, ifMatch: number | undefined, omgeving: Omgeving): VerwijzingMutatie => {
  controleerVersie(v, ifMatch);
  if (isAfgesloten(v.status) && !alleenToestemmingIntrekken(wijziging))
    throw new DomeinFout('ongeldigeOvergang', `Een verwijzing met status '${v.status}' is afgesloten en kan niet meer gewijzigd worden.`);
  const velden = (Object.keys(wijziging) as (keyof VerwijzingWijziging)[]).filter((k) => wijziging[k] !== undefined);
  const nieuw = Object.fromEntries(velden.map((k) => [k, wijziging[k]])) as Partial<Verwijzing>;
  return volgende(v, nieuw, { soort: 'gewijzigd', gewijzigdeVelden: velden }, door, omgeving);
};

/** Consent to meet one member (it then sees name and contact); undefined when it was already given. */
export const toestemmingGeven = (
  v: Verwijzing,
  lidId: string,
  door: Principal,
  ifMatch: number | undefined,
  omgeving: Omgeving,
): VerwijzingMutatie | undefined => {
  controleerVersie(v, ifMatch);
  if (isAfgesloten(v.status))
    throw new DomeinFout('ongeldigeOvergang', `Een verwijzing met status '${v.status}' is afgesloten: er kan geen toestemming meer bij.`);
  if (v.toestemmingWerkgevers.includes(lidId)) return undefined;
  const mutatie = volgende(v, { toestemmingWerkgevers: [...v.toestemmingWerkgevers, lidId] }, { soort: 'toestemmingGegeven', lidId }, door, omgeving);
  return { ...mutatie, actiefLid: lidId };
};

/** Withdrawing a consent is always possible; undefined when there was none to withdraw. */
export const toestemmingIntrekken = (
  v: Verwijzing,
  lidId: string,
  door: Principal,
  ifMatch: number | undefined,
  omgeving: Omgeving,
): VerwijzingMutatie | undefined => {
  controleerVersie(v, ifMatch);
  if (!v.toestemmingWerkgevers.includes(lidId)) return undefined;
  return volgende(v, { toestemmingWerkgevers: v.toestemmingWerkgevers.filter((l) => l !== lidId) }, { soort: 'toestemmingIngetrokken', lidId }, door, omgeving);
};

/**
 * A placement of this referral starts (called by the placements inside their own transaction, with
 * the referral they read): bemiddelbaar → geplaatst, one more placement. Leaving `bemiddelbaar` takes
 * the candidate out of matching.
 */
export const plaatsen = (v: Verwijzing, plaatsingId: string, door: Principal, omgeving: Omgeving): VerwijzingMutatie => {
  if (v.status !== 'bemiddelbaar')
    throw new DomeinFout('ongeldigeOvergang', `Alleen een bemiddelbare kandidaat kan geplaatst worden; deze verwijzing is '${v.status}'.`);
  return volgende(v, { status: 'geplaatst', aantalPlaatsingen: v.aantalPlaatsingen + 1 }, { soort: 'geplaatst', plaatsingId }, door, omgeving);
};

/**
 * A started placement of this referral ended. The referral stays `geplaatst` (the placement happened,
 * and counts), unless the placement ended with `terugNaarGemeente`: then it is returned to the gemeente,
 * with that as its reason. Undefined when the referral does not change.
 */
export const plaatsingBeeindigd = (
  v: Verwijzing,
  beeindiging: { plaatsingId: string; reden: string; toelichting?: string | undefined },
  door: Principal,
  omgeving: Omgeving,
): VerwijzingMutatie | undefined => {
  if (beeindiging.reden !== 'terugNaarGemeente') return undefined;
  if (v.status !== 'geplaatst')
    throw new DomeinFout('ongeldigeOvergang', `Alleen een geplaatste verwijzing gaat terug naar de gemeente; deze is '${v.status}'.`);
  const reden = beeindiging.toelichting ? `Plaatsing beëindigd, terug naar de gemeente: ${beeindiging.toelichting}` : 'Plaatsing beëindigd, terug naar de gemeente';
  return volgende(v, { status: 'teruggemeld' }, { soort: 'teruggemeld', reden, plaatsingId: beeindiging.plaatsingId }, door, omgeving);
};

/** The candidate as matching shows it to anyone: functional only, no name or contact. */
export const anoniemProfiel = (v: Verwijzing): Omit<Kandidaatprofiel, 'kandidaat'> => ({
  verwijzingId: v.id,
  doelgroep: v.doelgroep,
  mogelijkheden: v.mogelijkheden,
  werkaanpassingen: v.werkaanpassingen,
  uren: v.uren,
  arbeidsmarktregio: v.arbeidsmarktregio,
  postcodegebied: v.postcodegebied,
  werksoortVoorkeuren: v.werksoortVoorkeuren,
  beschikbaarVanaf: v.beschikbaarVanaf,
});

/**
 * What one member sees of a candidate: the anonymous profile, plus name and contact only when the
 * candidate consented to meet this member. Whether the member may see the candidate at all (a match,
 * a placement) is the caller's question; this decides only how much.
 */
export const kandidaatprofiel = (v: Verwijzing, lidId: string): Kandidaatprofiel => ({
  ...anoniemProfiel(v),
  ...(v.toestemmingWerkgevers.includes(lidId) ? { kandidaat: v.kandidaat } : {}),
});

/** Whether the candidate is in matching: placeable and consented to be shown. */
export const isZichtbaarInMatching = (v: Verwijzing): boolean => v.status === 'bemiddelbaar' && v.toestemmingProfielDelen;
