import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks signing (standardwebhooks.com, the scheme Svix, Stripe-alikes and the `standardwebhooks`
 * package verify): `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, the key being
 * the base64 part of a `whsec_` secret. Several signatures are separated by spaces: during a rotation both
 * the new and the old secret sign, so a receiver that has not yet switched keeps accepting.
 */
export const GEHEIM_VOORVOEGSEL = 'whsec_';
/** 32 random bytes: the spec asks for 24 to 64; HMAC-SHA256's block is best served by 32 or more. */
export const GEHEIM_BYTES = 32;
/** The old secret keeps signing this long after a rotation (issue #14). */
export const ROTATIE_OVERLAP_UREN = 24;

export const nieuwGeheim = (): string => GEHEIM_VOORVOEGSEL + randomBytes(GEHEIM_BYTES).toString('base64');

const sleutel = (geheim: string): Buffer => {
  if (!geheim.startsWith(GEHEIM_VOORVOEGSEL)) throw new Error('handtekening: een geheim begint met whsec_');
  const b = Buffer.from(geheim.slice(GEHEIM_VOORVOEGSEL.length), 'base64');
  if (b.length < 24) throw new Error('handtekening: een geheim heeft ten minste 24 bytes');
  return b;
};

export const onderteken = (geheim: string, id: string, tijdstempel: number, body: string): string =>
  `v1,${createHmac('sha256', sleutel(geheim)).update(`${id}.${tijdstempel}.${body}`, 'utf8').digest('base64')}`;

export interface Geheimen {
  readonly huidig: string;
  /** The secret before the last rotation, while it still signs. */
  readonly vorig?: { readonly geheim: string; readonly geldigTot: string } | undefined;
}

/** The secrets that sign at this moment: the current one, and the previous one until its overlap ends. */
export const geldigeGeheimen = (g: Geheimen, nu: Date): string[] =>
  g.vorig && Date.parse(g.vorig.geldigTot) > nu.getTime() ? [g.huidig, g.vorig.geheim] : [g.huidig];

export const roteer = (g: Geheimen, nieuw: string, nu: Date): Geheimen => ({
  huidig: nieuw,
  vorig: { geheim: g.huidig, geldigTot: new Date(nu.getTime() + ROTATIE_OVERLAP_UREN * 3_600_000).toISOString() },
});

export interface WebhookHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

/** `webhook-id` is the event's id: the same on every retry, so the receiver can drop what it already has. */
export const webhookHeaders = (g: Geheimen, id: string, body: string, nu: Date): WebhookHeaders => {
  const tijdstempel = Math.floor(nu.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(tijdstempel),
    'webhook-signature': geldigeGeheimen(g, nu)
      .map((s) => onderteken(s, id, tijdstempel, body))
      .join(' '),
  };
};

/** Constant-time check of one signature against a secret (the house's own tests; receivers use the package). */
export const klopt = (geheim: string, id: string, tijdstempel: number, body: string, handtekeningen: string): boolean => {
  const verwacht = Buffer.from(onderteken(geheim, id, tijdstempel, body));
  return handtekeningen.split(' ').some((h) => {
    const b = Buffer.from(h);
    return b.length === verwacht.length && timingSafeEqual(b, verwacht);
  });
};
