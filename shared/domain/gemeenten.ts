import type { Principal } from '../auth/rollen';
import { GemeenteInstellingen, type Gemeente, type GemeenteGebeurtenis, type GemeenteRegistratie, type GemeenteWijziging } from '../schemas/gemeenten';
import { DomeinFout } from './fouten';
import type { Omgeving } from './leden';

/**
 * A gemeente as a tenant of the cooperative: registered by a coordinator, then changed by one. Its
 * settings (follow-up cadence, durability checks, reaction term) are read when a placement starts, so a
 * change reaches only the placements that start after it; the history keeps every version of them.
 */
export interface GemeenteMutatie {
  readonly gemeente: Gemeente;
  readonly gebeurtenis: GemeenteGebeurtenis;
  /** The version the store must still find, or the write is refused as concurrent. */
  readonly verwachteVersie?: number;
}

const door = (p: Principal): GemeenteGebeurtenis['door'] => ({ rol: p.rol, subject: p.subject });

export const registreren = (registratie: GemeenteRegistratie, principal: Principal, omgeving: Omgeving): GemeenteMutatie => {
  // Parsing the settings fills the cooperative's defaults (cadence P1W…P12M, checks at 6 and 12 months, 14 days).
  const instellingen = GemeenteInstellingen.parse(registratie.instellingen ?? {});
  const gemeente: Gemeente = { ...registratie, instellingen, aangemaaktOp: omgeving.nu, gewijzigdOp: omgeving.nu, versie: 1 };
  return {
    gemeente,
    gebeurtenis: { id: omgeving.nieuwId(), gemeenteCode: gemeente.code, soort: 'geregistreerd', instellingen, door: door(principal), op: omgeving.nu, versie: 1 },
  };
};

export const wijzigen = (
  gemeente: Gemeente,
  wijziging: GemeenteWijziging,
  principal: Principal,
  ifMatch: number | undefined,
  omgeving: Omgeving,
): GemeenteMutatie => {
  if (ifMatch !== undefined && ifMatch !== gemeente.versie)
    throw new DomeinFout('verouderd', `U zag versie ${ifMatch}; de huidige is ${gemeente.versie}. Haal de gemeente opnieuw op.`);
  const { instellingen: instellingenWijziging, ...rest } = wijziging;
  const velden = (Object.keys(rest) as (keyof typeof rest)[]).filter((k) => rest[k] !== undefined);
  const instellingen = instellingenWijziging ? { ...gemeente.instellingen, ...instellingenWijziging } : gemeente.instellingen;
  const versie = gemeente.versie + 1;
  const nieuw: Gemeente = { ...gemeente, ...Object.fromEntries(velden.map((k) => [k, rest[k]])), instellingen, gewijzigdOp: omgeving.nu, versie };
  const instellingVelden = Object.keys(instellingenWijziging ?? {}).map((k) => `instellingen.${k}`);
  return {
    gemeente: nieuw,
    verwachteVersie: gemeente.versie,
    gebeurtenis: {
      id: omgeving.nieuwId(),
      gemeenteCode: gemeente.code,
      soort: 'gewijzigd',
      gewijzigdeVelden: [...velden, ...instellingVelden],
      ...(instellingenWijziging ? { instellingen } : {}),
      door: door(principal),
      op: omgeving.nu,
      versie,
    },
  };
};
