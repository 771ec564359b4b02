import type { Principal } from '../auth/rollen';
import type { Lid, LidAanvraag, LidGebeurtenis, LidStatus, LidWijziging } from '../schemas/leden';
import type { LidGebruiker } from '../schemas/gebruikers';
import { DomeinFout } from './fouten';
import type { Notificatie } from './notificaties';
import { nieuweLidGebruiker } from './regiopartners';

/**
 * The membership lifecycle of an employer in the cooperative:
 *
 *   aangevraagd ──goedkeuren──▶ actief ──schorsen──▶ geschorst ──opheffen──▶ actief
 *        │                        │                      │
 *        └──afwijzen──▶ afgewezen └──────uittreden───────┴──▶ uitgetreden
 *
 * Pure functions: they decide, the store writes. Each transition yields the new lid, its history
 * record and, where the member's contact must hear of it, a notification for the outbox.
 */
export type LidActie = 'goedkeuren' | 'afwijzen' | 'schorsen' | 'schorsingOpheffen' | 'uittreden';

const OVERGANGEN: Record<LidActie, { van: readonly LidStatus[]; naar: LidStatus; soort: LidGebeurtenis['soort'] }> = {
  goedkeuren: { van: ['aangevraagd'], naar: 'actief', soort: 'goedgekeurd' },
  afwijzen: { van: ['aangevraagd'], naar: 'afgewezen', soort: 'afgewezen' },
  schorsen: { van: ['actief'], naar: 'geschorst', soort: 'geschorst' },
  schorsingOpheffen: { van: ['geschorst'], naar: 'actief', soort: 'schorsingOpgeheven' },
  uittreden: { van: ['actief', 'geschorst'], naar: 'uitgetreden', soort: 'uitgetreden' },
};

/** Whether the lid's KvK number still blocks a new application: only while applying or a member. */
export const houdtKvkVast = (status: LidStatus): boolean => status !== 'afgewezen' && status !== 'uitgetreden';

export interface Omgeving {
  readonly nu: string;
  readonly nieuwId: () => string;
}

export interface LidMutatie {
  readonly lid: Lid;
  readonly gebeurtenis: LidGebeurtenis;
  readonly notificatie?: Notificatie;
  /** The approval invites the member's contact as an account (role werkgever, tenant the member). */
  readonly gebruiker?: LidGebruiker;
  /** Set when the KvK number is freed by this change (so it may apply again later). */
  readonly kvkVrijgeven?: boolean;
  /** The version the store must still find, or the write is refused as concurrent. */
  readonly verwachteVersie?: number;
}

const actor = (p: Principal | undefined): LidGebeurtenis['door'] =>
  p ? { rol: p.rol, subject: p.subject } : { rol: 'werkgever', subject: 'aanvrager' };

export const aanvragen = (aanvraag: LidAanvraag, omgeving: Omgeving): LidMutatie => {
  const lid: Lid = { id: omgeving.nieuwId(), ...aanvraag, status: 'aangevraagd', aangemaaktOp: omgeving.nu, gewijzigdOp: omgeving.nu, versie: 1 };
  return {
    lid,
    gebeurtenis: { id: omgeving.nieuwId(), lidId: lid.id, soort: 'aangevraagd', naarStatus: 'aangevraagd', door: actor(undefined), op: omgeving.nu, versie: 1 },
  };
};

const controleerVersie = (lid: Lid, ifMatch: number | undefined) => {
  if (ifMatch !== undefined && ifMatch !== lid.versie)
    throw new DomeinFout('verouderd', `U zag versie ${ifMatch}; de huidige is ${lid.versie}. Haal het lid opnieuw op.`);
};

const berichtBij = (lid: Lid, actie: LidActie, reden: string | undefined, omgeving: Omgeving): Notificatie | undefined => {
  const aan = { naam: lid.contactpersoon.naam, email: lid.contactpersoon.email };
  const basis = { id: omgeving.nieuwId(), aan, aangemaaktOp: omgeving.nu, onderwerpType: 'lid' as const, onderwerpId: lid.id };
  switch (actie) {
    case 'goedkeuren':
      return {
        ...basis,
        soort: 'lidGoedgekeurd',
        onderwerp: `Welkom bij de coöperatie, ${lid.naam}`,
        tekst: `Beste ${aan.naam},\n\nDe aanvraag van ${lid.naam} (KvK ${lid.kvkNummer}) is goedgekeurd: u bent nu lid van de coöperatie.\nU ontvangt apart de toegang tot werkcoop.`,
      };
    case 'afwijzen':
      return {
        ...basis,
        soort: 'lidAfgewezen',
        onderwerp: `Uw aanvraag voor het lidmaatschap, ${lid.naam}`,
        tekst: `Beste ${aan.naam},\n\nDe aanvraag van ${lid.naam} (KvK ${lid.kvkNummer}) is niet goedgekeurd.\nReden: ${reden ?? '-'}\n\nU kunt later opnieuw een aanvraag doen.`,
      };
    default:
      return undefined;
  }
};

export const voerUit = (
  lid: Lid,
  actie: LidActie,
  door: Principal,
  opties: { reden?: string | undefined; ifMatch?: number | undefined },
  omgeving: Omgeving,
): LidMutatie => {
  controleerVersie(lid, opties.ifMatch);
  const overgang = OVERGANGEN[actie];
  if (!overgang.van.includes(lid.status))
    throw new DomeinFout('ongeldigeOvergang', `Een lid met status '${lid.status}' kan niet '${actie}'; dat kan alleen vanuit ${overgang.van.join(' of ')}.`);
  const versie = lid.versie + 1;
  const { statusReden: _vorigeReden, ...rest } = lid;
  const nieuw: Lid = {
    ...rest,
    status: overgang.naar,
    ...(opties.reden ? { statusReden: opties.reden } : {}),
    gewijzigdOp: omgeving.nu,
    versie,
  };
  const notificatie = berichtBij(lid, actie, opties.reden, omgeving);
  const gebruiker = actie === 'goedkeuren' ? nieuweLidGebruiker(lid.id, lid.contactpersoon, door, omgeving) : undefined;
  return {
    lid: nieuw,
    verwachteVersie: lid.versie,
    kvkVrijgeven: houdtKvkVast(lid.status) && !houdtKvkVast(nieuw.status),
    gebeurtenis: {
      id: omgeving.nieuwId(),
      lidId: lid.id,
      soort: overgang.soort,
      vanStatus: lid.status,
      naarStatus: nieuw.status,
      ...(opties.reden ? { reden: opties.reden } : {}),
      door: { rol: door.rol, subject: door.subject },
      op: omgeving.nu,
      versie,
    },
    ...(notificatie ? { notificatie } : {}),
    ...(gebruiker ? { gebruiker } : {}),
  };
};

export const wijzigen = (lid: Lid, wijziging: LidWijziging, door: Principal, ifMatch: number | undefined, omgeving: Omgeving): LidMutatie => {
  controleerVersie(lid, ifMatch);
  if (!houdtKvkVast(lid.status))
    throw new DomeinFout('ongeldigeOvergang', `Een lid met status '${lid.status}' kan niet meer gewijzigd worden.`);
  const velden = (Object.keys(wijziging) as (keyof LidWijziging)[]).filter((k) => wijziging[k] !== undefined);
  const versie = lid.versie + 1;
  const nieuw: Lid = { ...lid, ...Object.fromEntries(velden.map((k) => [k, wijziging[k]])), gewijzigdOp: omgeving.nu, versie };
  return {
    lid: nieuw,
    verwachteVersie: lid.versie,
    gebeurtenis: {
      id: omgeving.nieuwId(),
      lidId: lid.id,
      soort: 'gewijzigd',
      vanStatus: lid.status,
      naarStatus: lid.status,
      gewijzigdeVelden: velden,
      door: { rol: door.rol, subject: door.subject },
      op: omgeving.nu,
      versie,
    },
  };
};
