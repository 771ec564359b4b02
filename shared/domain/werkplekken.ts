import type { Actor } from '../schemas/gemeenschappelijk';
import type { Werkplek, WerkplekGebeurtenis, WerkplekInvoer, WerkplekStatus, WerkplekWijziging } from '../schemas/werkplekken';
import type * as z from 'zod';
import { DomeinFout } from './fouten';
import type { Omgeving } from './leden';

/**
 * A place a member offers. Its status is partly chosen and partly derived:
 *
 *   open ◀──── bezetting (placements start/end) ────▶ vervuld     (aantalBezet == aantalPlaatsen)
 *     │  ▲                                                │
 *     └──┴─────── sluiten / heropenen (the member) ───────┴──▶ gesloten
 *
 * `gesloten` is the member's (or coordinator's) choice and stays until reopened; otherwise the status
 * follows from the occupancy, so nobody types `vervuld` by hand. Pure functions: they decide, the store
 * writes the new place and its history record in one transaction, conditioned on the version read.
 */
type Door = { readonly rol: z.infer<typeof Actor>['rol']; readonly subject: string };

export interface WerkplekMutatie {
  readonly werkplek: Werkplek;
  readonly gebeurtenis: WerkplekGebeurtenis;
  /** The version the store must still find, or the write is refused as concurrent. */
  readonly verwachteVersie?: number;
}

/** What the member chose: a place is open unless it closed it. */
const gekozen = (w: Pick<Werkplek, 'status'>): 'open' | 'gesloten' => (w.status === 'gesloten' ? 'gesloten' : 'open');

/** The status that follows from the member's choice and the occupancy. */
export const afgeleideStatus = (keuze: 'open' | 'gesloten', w: Pick<Werkplek, 'aantalBezet' | 'aantalPlaatsen'>): WerkplekStatus =>
  keuze === 'gesloten' ? 'gesloten' : w.aantalBezet >= w.aantalPlaatsen ? 'vervuld' : 'open';

/** Whether matching may offer this place: open and with a free place (the sparse matching keys exist only then). */
export const zoektKandidaten = (w: Pick<Werkplek, 'status' | 'aantalBezet' | 'aantalPlaatsen'>): boolean => w.status === 'open' && w.aantalBezet < w.aantalPlaatsen;

const actor = (door: Door): Door => ({ rol: door.rol, subject: door.subject });

export const aanbieden = (lidId: string, invoer: WerkplekInvoer, arbeidsmarktregio: string, door: Door, omgeving: Omgeving): WerkplekMutatie => {
  const werkplek: Werkplek = {
    id: omgeving.nieuwId(),
    lidId,
    arbeidsmarktregio,
    ...invoer,
    status: 'open',
    aantalBezet: 0,
    aangemaaktOp: omgeving.nu,
    gewijzigdOp: omgeving.nu,
    versie: 1,
  };
  return {
    werkplek,
    gebeurtenis: { id: omgeving.nieuwId(), werkplekId: werkplek.id, soort: 'aangeboden', naarStatus: 'open', door: actor(door), op: omgeving.nu, versie: 1 },
  };
};

const controleerVersie = (w: Werkplek, ifMatch: number | undefined) => {
  if (ifMatch !== undefined && ifMatch !== w.versie)
    throw new DomeinFout('verouderd', `U zag versie ${ifMatch}; de huidige is ${w.versie}. Haal de werkplek opnieuw op.`);
};

export const wijzigen = (w: Werkplek, wijziging: WerkplekWijziging, door: Door, ifMatch: number | undefined, omgeving: Omgeving): WerkplekMutatie => {
  controleerVersie(w, ifMatch);
  const velden = (Object.keys(wijziging) as (keyof WerkplekWijziging)[]).filter((k) => wijziging[k] !== undefined);
  const { status: keuze, ...inhoud } = wijziging;
  const aantalPlaatsen = inhoud.aantalPlaatsen ?? w.aantalPlaatsen;
  if (aantalPlaatsen < w.aantalBezet)
    throw new DomeinFout(
      'conflict',
      `Er zijn al ${w.aantalBezet} plaatsen bezet door gestarte plaatsingen; het aantal plaatsen kan niet lager dan dat (gevraagd: ${aantalPlaatsen}).`,
    );
  const gewijzigd: Werkplek = { ...w, ...Object.fromEntries(Object.entries(inhoud).filter(([, v]) => v !== undefined)), aantalPlaatsen };
  const status = afgeleideStatus(keuze ?? gekozen(w), gewijzigd);
  if (keuze === 'open' && status !== 'open')
    throw new DomeinFout(
      'ongeldigeOvergang',
      `Alle ${aantalPlaatsen} plaatsen zijn bezet, dus de werkplek kan niet open; verhoog aantalPlaatsen om hem weer open te zetten.`,
    );
  const versie = w.versie + 1;
  const soort: WerkplekGebeurtenis['soort'] =
    status === 'gesloten' && w.status !== 'gesloten' ? 'gesloten' : status !== 'gesloten' && w.status === 'gesloten' ? 'heropend' : 'gewijzigd';
  return {
    werkplek: { ...gewijzigd, status, gewijzigdOp: omgeving.nu, versie },
    verwachteVersie: w.versie,
    gebeurtenis: {
      id: omgeving.nieuwId(),
      werkplekId: w.id,
      soort,
      vanStatus: w.status,
      naarStatus: status,
      gewijzigdeVelden: velden,
      door: actor(door),
      op: omgeving.nu,
      versie,
    },
  };
};

/**
 * A placement started (delta +1) or ended (delta −1) at this place: the occupancy changes and the status
 * follows it (open ↔ vervuld; a closed place stays closed). The placements' transactions write this
 * mutation together with their own items, so the counter always equals what the placements say.
 */
export const bezettingWijzigen = (w: Werkplek, delta: number, door: Door, omgeving: Omgeving): WerkplekMutatie => {
  if (!Number.isInteger(delta) || delta === 0) throw new RangeError(`delta moet een geheel getal ongelijk aan 0 zijn, niet ${delta}`);
  const aantalBezet = w.aantalBezet + delta;
  if (aantalBezet > w.aantalPlaatsen)
    throw new DomeinFout('conflict', `Alle ${w.aantalPlaatsen} plaatsen van deze werkplek zijn al bezet.`);
  if (aantalBezet < 0) throw new DomeinFout('conflict', `Deze werkplek heeft maar ${w.aantalBezet} bezette plaatsen.`);
  const status = afgeleideStatus(gekozen(w), { aantalPlaatsen: w.aantalPlaatsen, aantalBezet });
  const versie = w.versie + 1;
  return {
    werkplek: { ...w, aantalBezet, status, gewijzigdOp: omgeving.nu, versie },
    verwachteVersie: w.versie,
    gebeurtenis: {
      id: omgeving.nieuwId(),
      werkplekId: w.id,
      soort: 'bezettingGewijzigd',
      vanStatus: w.status,
      naarStatus: status,
      aantalBezet,
      door: actor(door),
      op: omgeving.nu,
      versie,
    },
  };
};
