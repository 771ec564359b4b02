import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * A fixed-window limit per client address on the public endpoints: at most `aantal` requests per
 * `vensterSeconden`, counted in the table (shared/store/aanvraaglimiet-store.ts) so that every Lambda
 * container and the local runtime count together. Fixed windows allow a burst of twice the limit around
 * a window's edge; for slowing down sign-up abuse that is enough, and it costs one conditional write.
 */
export interface Limiet {
  readonly aantal: number;
  readonly vensterSeconden: number;
}

/** An organisation applies once; a shared office address (NAT) a few times an hour at most. */
const AANMELDING: Limiet = { aantal: 10, vensterSeconden: 3600 };

export const LIMIETEN = {
  aanmelden: AANMELDING,
  /** An employer applies for membership as a partner signs up: the same limit, counted apart. */
  lidAanvragen: AANMELDING,
  /** Confirming is one click per application; a token is 256 random bits, so this only stops hammering. */
  bevestigen: { aantal: 20, vensterSeconden: 3600 },
  /**
   * Opening a personal nazorg link that does not exist: a real link is 256 random bits, so guessing cannot
   * succeed; counting the misses only stops an address from hammering the table. Known links are not counted.
   */
  nazorglinkOnbekend: { aantal: 30, vensterSeconden: 3600 },
} as const satisfies Record<string, Limiet>;
export type LimietNaam = keyof typeof LIMIETEN;

export interface Venster {
  /** Epoch seconds of the window's start: part of the counter's key. */
  readonly start: number;
  readonly eind: number;
}

export const venster = (nu: Date, limiet: Limiet): Venster => {
  const seconden = Math.floor(nu.getTime() / 1000);
  const start = seconden - (seconden % limiet.vensterSeconden);
  return { start, eind: start + limiet.vensterSeconden };
};

/** Retry-After: whole seconds until the window ends, at least 1. */
export const wachtSeconden = (nu: Date, v: Venster): number => Math.max(1, v.eind - Math.floor(nu.getTime() / 1000));

/** The 64 bits of an IPv6 address that one subscriber holds (a /64); everything after them is theirs to vary. */
const ipv6Prefix = (ip: string): string => {
  const zonderZone = ip.split('%')[0]!.toLowerCase();
  const [kop, staart] = zonderZone.split('::') as [string, string | undefined];
  const voor = kop ? kop.split(':') : [];
  const na = staart ? staart.split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups; only the first four groups matter here.
  const groepen = staart === undefined ? voor : [...voor, ...Array(Math.max(0, 8 - voor.length - na.length)).fill('0'), ...na];
  return groepen.slice(0, 4).map((g) => g.padStart(4, '0')).join(':');
};

/**
 * The counted source: an IPv4 address as it is, an IPv6 address by its /64 (a subscriber gets a whole
 * /64, so counting single addresses would not limit anyone), IPv4-mapped IPv6 as IPv4.
 */
export const bronVan = (ip: string): string => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (isIPv6(ip)) return `${ipv6Prefix(ip)}::/64`;
  return 'onbekend';
};

/**
 * The counter's key holds a hash, not the address: the table keeps no IP address. An unsalted hash of an
 * IPv4 address can be reversed by trying all 2^32, so this is pseudonymisation, not anonymisation; the
 * counters expire (TTL) an hour after their window, which is what keeps them from becoming a log.
 */
export const bronHash = (ip: string): string => createHash('sha256').update(bronVan(ip)).digest('base64url').slice(0, 22);
