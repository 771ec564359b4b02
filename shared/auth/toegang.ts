import { nietGevonden } from '../domain/fouten';
import type { Principal } from './rollen';

/**
 * Object-level access: whether this caller may see this object. Every use case asks here, so the rules
 * live in one place. A refusal is a 404 (not 403): another tenant's object must not be told apart
 * from one that does not exist.
 */
export const toegang = {
  lid: (p: Principal, lidId: string): boolean => p.rol === 'coopAdmin' || (p.rol === 'werkgever' && p.lidId === lidId),

  gemeente: (p: Principal, code: string): boolean => p.rol === 'coopAdmin' || (p.rol === 'gemeente' && p.gemeente === code),

  /** A referral is the gemeente's: its own staff and the coordinators. Employers see candidates only through matching. */
  verwijzing: (p: Principal, v: { gemeente: string }): boolean => p.rol === 'coopAdmin' || (p.rol === 'gemeente' && p.gemeente === v.gemeente),

  /** Places hold no personal data: members see their own, gemeenten (who refer to them) and coordinators all. */
  werkplek: (p: Principal, w: { lidId: string }): boolean =>
    p.rol === 'coopAdmin' || p.rol === 'gemeente' || (p.rol === 'werkgever' && p.lidId === w.lidId),
  werkplekBeheren: (p: Principal, w: { lidId: string }): boolean => p.rol === 'coopAdmin' || (p.rol === 'werkgever' && p.lidId === w.lidId),

  /** Exactly: its member, its referral's gemeente, its assigned jobcoach organisation, the coordinators. */
  plaatsing: (p: Principal, pl: { lidId: string; gemeente: string; jobcoachPartnerId?: string | undefined }): boolean =>
    p.rol === 'coopAdmin' ||
    (p.rol === 'werkgever' && p.lidId === pl.lidId) ||
    (p.rol === 'gemeente' && p.gemeente === pl.gemeente) ||
    (p.rol === 'regiopartner' && pl.jobcoachPartnerId !== undefined && p.partnerId === pl.jobcoachPartnerId),

  partner: (p: Principal, partnerId: string): boolean => p.rol === 'coopAdmin' || (p.rol === 'regiopartner' && p.partnerId === partnerId),

  /**
   * An escalation from the nazorg is the coordinators' work list: only they see it. The gemeente of the
   * referral is told of it by its own notice (naming the placement) and sees the placement's risk signal
   * with its reasons; the coordinators' handling notes are the cooperative's own. Employer and jobcoach
   * answered the moment that raised it and are contacted by the coordinators, not shown the list.
   */
  escalatie: (p: Principal, _e: { gemeente: string }): boolean => p.rol === 'coopAdmin',

  /** Applications to become a regiopartner: only coordinators see and decide them; the applicant only confirms, by token. */
  aanmelding: (p: Principal): boolean => p.rol === 'coopAdmin',

  /** A region's anonymous figures: coordinators every region, a regiopartner the regions of its own record. */
  regiocijfers: (p: Principal, regio: string, partner: { id: string; arbeidsmarktregios: readonly string[] } | undefined): boolean =>
    p.rol === 'coopAdmin' || (p.rol === 'regiopartner' && partner?.id === p.partnerId && partner.arbeidsmarktregios.includes(regio)),

  /**
   * The outcome figures (issue 12), anonymous and suppressed: a gemeente its own referrals', a member its own
   * placements' and pledges, a regiopartner the regions of its own record, coordinators every scope.
   */
  uitkomstenGemeente: (p: Principal, code: string): boolean => p.rol === 'coopAdmin' || (p.rol === 'gemeente' && p.gemeente === code),
  uitkomstenLid: (p: Principal, lidId: string): boolean => p.rol === 'coopAdmin' || (p.rol === 'werkgever' && p.lidId === lidId),
  uitkomstenRegio: (p: Principal, regio: string, regiosVanPartner: readonly string[]): boolean =>
    p.rol === 'coopAdmin' || (p.rol === 'regiopartner' && regiosVanPartner.includes(regio)),
} as const;

export const vereisToegang = (zichtbaar: boolean, wat: string): void => {
  if (!zichtbaar) throw nietGevonden(wat);
};
