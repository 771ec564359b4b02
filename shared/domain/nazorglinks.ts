import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from '../auth/rollen';
import type { Nazorgmoment } from '../schemas/nazorg';
import { plusDagen } from './nazorg';

/**
 * The personal link in a follow-up invitation: how an employer or a jobcoach without an account (or without
 * a system of its own) answers a nazorgmoment. The link is the credential, so:
 * - 32 random bytes (base64url, 43 characters); the table keeps only its SHA-256, so someone reading the
 *   table cannot answer for anyone;
 * - one per recipient (the member, the jobcoach organisation) and per invitation; it acts as that recipient
 *   and nothing more: the same use case and access rules as the API's answer, for that one moment;
 * - valid until the moment's answer deadline plus the gemeente's grace period (default 14 days): an answer
 *   after the deadline is still welcome (it still closes the escalation's question), a link from last year is not;
 * - opening it uses nothing up (mail scanners open links); only submitting the answer does, once, in the
 *   answer's own transaction (conditional on the link being unused and still valid).
 */
export const LINK_BYTES = 32;
/** How often a recipient may have a fresh link mailed for one old link: at most one per this many minutes. */
export const NIEUWE_LINK_WACHTTIJD_MINUTEN = 15;

export type LinkOntvanger = { readonly rol: 'werkgever'; readonly lidId: string } | { readonly rol: 'regiopartner'; readonly partnerId: string };

export interface NazorgLink {
  /** SHA-256 of the token, hex. */
  readonly sleutelHash: string;
  readonly nazorgmomentId: string;
  readonly plaatsingId: string;
  readonly ontvanger: LinkOntvanger;
  /** The last day (Dutch calendar) the link can be used. */
  readonly geldigTot: string;
  readonly aangemaaktOp: string;
  readonly gebruiktOp?: string | undefined;
  /** When a fresh link was last mailed in its place (NIEUWE_LINK_WACHTTIJD_MINUTEN). */
  readonly nieuweLinkOp?: string | undefined;
}

export const nieuwLinkToken = (): string => randomBytes(LINK_BYTES).toString('base64url');

export const linkHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** The shape of a token we issue; anything else is unknown without a read. */
export const isLinkToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);

export const linkGeldigTot = (antwoordUiterlijk: string, natermijnDagen: number): string => plusDagen(antwoordUiterlijk, natermijnDagen);

export type LinkStaat =
  | { readonly staat: 'bruikbaar' }
  | { readonly staat: 'gebruikt'; readonly op: string }
  /** Someone answered (the other recipient, or through the API): nothing left to answer. */
  | { readonly staat: 'alBeantwoord'; readonly op: string | undefined }
  | { readonly staat: 'verlopen'; readonly geldigTot: string }
  /** The moment was cancelled (the placement ended). */
  | { readonly staat: 'vervallen' };

/** What the link can still do today (`vandaag` is the Dutch calendar day). */
export const linkStaat = (link: NazorgLink, moment: Pick<Nazorgmoment, 'status' | 'antwoorden'>, vandaag: string): LinkStaat => {
  if (link.gebruiktOp) return { staat: 'gebruikt', op: link.gebruiktOp };
  if (moment.status === 'beantwoord') return { staat: 'alBeantwoord', op: moment.antwoorden.at(-1)?.op };
  if (moment.status === 'geannuleerd') return { staat: 'vervallen' };
  if (link.geldigTot < vandaag) return { staat: 'verlopen', geldigTot: link.geldigTot };
  return { staat: 'bruikbaar' };
};

/** A fresh link may be mailed for an expired one while the moment is still open, not more often than the wait. */
export const magNieuweLink = (link: NazorgLink, moment: Pick<Nazorgmoment, 'status'>, nu: string): boolean => {
  if (moment.status !== 'verstuurd' && moment.status !== 'gepland') return false;
  if (!link.nieuweLinkOp) return true;
  return Date.parse(nu) - Date.parse(link.nieuweLinkOp) >= NIEUWE_LINK_WACHTTIJD_MINUTEN * 60_000;
};

/**
 * The caller the link acts as: the recipient's role and tenant, so the answer passes the very access rules
 * an API call of that member or jobcoach organisation passes. The subject names the link (by a prefix of
 * its hash) for the history and the processing log, never the token.
 */
export const linkPrincipal = (link: NazorgLink): Principal =>
  link.ontvanger.rol === 'werkgever'
    ? { rol: 'werkgever', lidId: link.ontvanger.lidId, subject: `nazorglink:${link.sleutelHash.slice(0, 16)}` }
    : { rol: 'regiopartner', partnerId: link.ontvanger.partnerId, subject: `nazorglink:${link.sleutelHash.slice(0, 16)}` };

export const nazorglinkUrl = (portaal: string, token: string): string => `${portaal.replace(/\/$/, '')}/portaal/nazorg/${token}`;

/**
 * A sent mail keeps no usable link: the notification consumer replaces every personal link in the text it
 * keeps (for the 90 days a sent notification is kept) by this, once the mail is out.
 */
export const PERSOONLIJKE_LINK = /\/portaal\/(nazorg|regiopartner-aanmelding)\/[A-Za-z0-9_-]{43}/g;
export const zonderPersoonlijkeLinks = (tekst: string): string => tekst.replace(PERSOONLIJKE_LINK, '/portaal/$1/[persoonlijke link, niet bewaard]');
