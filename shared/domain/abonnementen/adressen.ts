import ipaddr from 'ipaddr.js';

/**
 * The SSRF guard's rules: a callback may only reach public unicast addresses. Everything else (loopback,
 * RFC 1918, link-local with the cloud metadata endpoint 169.254.169.254, CGNAT 100.64/10, ULA fc00::/7,
 * IPv4-mapped and translated IPv6, 6to4 and Teredo tunnels that embed an IPv4 address, multicast,
 * unspecified, broadcast, documentation and reserved ranges) is refused. IPv6 must moreover lie in the
 * global unicast block 2000::/3; ipaddr.js calls any unlisted address "unicast", including unassigned space.
 *
 * Resolution is not done here (shared/webhooks/verzenden.ts does it at every attempt, then connects to
 * the checked address only); this module is the pure rule.
 */
export type Adresklasse = ReturnType<ipaddr.IPv4['range']> | ReturnType<ipaddr.IPv6['range']> | 'buitenGlobaalUnicast' | 'ongeldig';

export interface Adresoordeel {
  readonly toegestaan: boolean;
  readonly klasse: Adresklasse;
}

export interface Adresregels {
  /**
   * Loopback allowed: only the local runtime and the tests set this (a receiver in the test process); never
   * a deployment (test/infra asserts the switch is absent from every function's environment).
   */
  readonly loopbackToestaan?: boolean | undefined;
}

const GLOBAAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3') as [ipaddr.IPv6, number];

export const beoordeelAdres = (adres: string, regels: Adresregels = {}): Adresoordeel => {
  if (!ipaddr.isValid(adres)) return { toegestaan: false, klasse: 'ongeldig' };
  // Zone ids (fe80::1%eth0) are link-local by construction; ipaddr.js parses them, the class says the rest.
  const ip = ipaddr.parse(adres);
  const klasse = ip.range();
  if (klasse === 'loopback') return { toegestaan: regels.loopbackToestaan === true, klasse };
  if (klasse !== 'unicast') return { toegestaan: false, klasse };
  if (ip.kind() === 'ipv6' && !(ip as ipaddr.IPv6).match(GLOBAAL_UNICAST_V6)) return { toegestaan: false, klasse: 'buitenGlobaalUnicast' };
  return { toegestaan: true, klasse };
};

/**
 * All of a host's addresses must pass, not just one: a name with one public and one private record would
 * otherwise be a coin toss an attacker can repeat. The first allowed one is the address to connect to.
 */
export const kiesAdres = (adressen: readonly string[], regels: Adresregels = {}): { adres: string } | { geweigerd: Adresklasse } => {
  if (adressen.length === 0) return { geweigerd: 'ongeldig' };
  for (const a of adressen) {
    const o = beoordeelAdres(a, regels);
    if (!o.toegestaan) return { geweigerd: o.klasse };
  }
  return { adres: adressen[0]! };
};

export type CallbackFout = 'geenUrl' | 'geenHttps' | 'gegevensInUrl' | 'fragment' | 'geenHost';

/**
 * A callback URL: https only (the secret and the Authorization header travel with every delivery), no user
 * or password in it (they would be logged and shown), no fragment (never sent). An IP literal is judged as
 * an address at once; a host name is resolved by the caller.
 */
export const controleerCallbackUrl = (waarde: string): { url: URL } | { fout: CallbackFout } => {
  let url: URL;
  try {
    url = new URL(waarde);
  } catch {
    return { fout: 'geenUrl' };
  }
  if (url.protocol !== 'https:') return { fout: 'geenHttps' };
  if (url.username !== '' || url.password !== '') return { fout: 'gegevensInUrl' };
  if (url.hash !== '') return { fout: 'fragment' };
  if (url.hostname === '') return { fout: 'geenHost' };
  return { url };
};

/** The host as the resolver wants it: URL keeps IPv6 literals in brackets. */
export const hostVan = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');
