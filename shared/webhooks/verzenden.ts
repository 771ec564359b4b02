import { lookup } from 'node:dns/promises';
import { request } from 'node:https';
import { isIP } from 'node:net';
import { controleerCallbackUrl, hostVan, kiesAdres, type Adresklasse, type Adresregels } from '../domain/abonnementen/adressen';

/**
 * One HTTP delivery of a webhook, with the guards a callback URL chosen by someone outside needs:
 * - the host is resolved at every attempt (a name that pointed outside yesterday may point inside today),
 *   every address it has must be public unicast, and the connection goes to the checked address itself,
 *   never to a second lookup (no DNS rebinding between check and connect); TLS still checks the
 *   certificate against the host name (SNI), so pinning costs no security;
 * - connect (TCP + TLS) within 5 s, the whole exchange within 15 s;
 * - redirects are not followed (a 3xx is the answer);
 * - at most 64 KiB of the answer is read, then the connection is dropped: a receiver cannot make us hold
 *   a stream open or buffer its megabytes;
 * - a fresh connection per attempt (no agent pool), so a pooled socket never bypasses a check.
 */
export const CONNECT_TIMEOUT_MS = 5_000;
export const TOTAAL_TIMEOUT_MS = 15_000;
export const MAX_ANTWOORD_BYTES = 64 * 1024;

export interface Verzending {
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

export type Verzendfout = 'ongeldigeUrl' | 'adresGeweigerd' | 'onbekendeHost' | 'verbinding' | 'connectTimeout' | 'timeout';

export interface Verzendresultaat {
  /** The HTTP status, when an answer came. */
  readonly status?: number | undefined;
  readonly retryAfter?: string | undefined;
  readonly fout?: Verzendfout | undefined;
  /** Why an address was refused (the class), for the delivery log. */
  readonly klasse?: Adresklasse | undefined;
  /** The address connected to. */
  readonly adres?: string | undefined;
  readonly duurMs: number;
  readonly bytesGelezen: number;
}

export interface Verzendopties {
  readonly regels: Adresregels;
  /** All addresses of a host; dns.lookup (the system's resolver, as any client would) unless a test gives its own. */
  readonly resolve?: ((host: string) => Promise<string[]>) | undefined;
  /** Extra trusted CA (PEM): only the tests' self-signed receiver. */
  readonly ca?: string | undefined;
  readonly connectTimeoutMs?: number | undefined;
  readonly totaalTimeoutMs?: number | undefined;
}

const systeemResolve = async (host: string): Promise<string[]> => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** The SSRF guard at creation: the host resolved and every address judged, as before every attempt. */
export const bestemmingGeweigerd = async (
  url: string,
  opties: Pick<Verzendopties, 'regels' | 'resolve'>,
): Promise<Adresklasse | 'onbekendeHost' | undefined> => {
  const r = controleerCallbackUrl(url);
  if ('fout' in r) return 'ongeldig';
  const host = hostVan(r.url);
  let adressen: string[];
  try {
    adressen = isIP(host) ? [host] : await (opties.resolve ?? systeemResolve)(host);
  } catch {
    return 'onbekendeHost';
  }
  const keuze = kiesAdres(adressen, opties.regels);
  return 'geweigerd' in keuze ? keuze.geweigerd : undefined;
};

/** The guard's switch: loopback allowed only where the local runtime or a test set it (never a stack; test/infra asserts it). */
export const adresregels = (): Adresregels => ({ loopbackToestaan: process.env.WEBHOOKS_LOOPBACK_TOESTAAN === 'ja' });

/** The tests' self-signed receiver's certificate, trusted only together with the switch (never in a stack). */
export const testCa = (): string | undefined => (adresregels().loopbackToestaan ? process.env.WEBHOOKS_TEST_CA : undefined);

export const verstuur = async (v: Verzending, opties: Verzendopties): Promise<Verzendresultaat> => {
  const start = performance.now();
  const klaar = (r: Omit<Verzendresultaat, 'duurMs' | 'bytesGelezen'> & { bytesGelezen?: number }): Verzendresultaat => ({
    bytesGelezen: 0,
    ...r,
    duurMs: Math.round(performance.now() - start),
  });

  const gecontroleerd = controleerCallbackUrl(v.url);
  if ('fout' in gecontroleerd) return klaar({ fout: 'ongeldigeUrl' });
  const url = gecontroleerd.url;
  const host = hostVan(url);

  let adressen: string[];
  try {
    adressen = isIP(host) ? [host] : await (opties.resolve ?? systeemResolve)(host);
  } catch {
    return klaar({ fout: 'onbekendeHost' });
  }
  const keuze = kiesAdres(adressen, opties.regels);
  if ('geweigerd' in keuze) return klaar({ fout: 'adresGeweigerd', klasse: keuze.geweigerd });
  const adres = keuze.adres;

  return new Promise<Verzendresultaat>((resolve) => {
    let afgerond = false;
    let bytes = 0;
    const einde = (r: Omit<Verzendresultaat, 'duurMs' | 'bytesGelezen' | 'adres'>) => {
      if (afgerond) return;
      afgerond = true;
      clearTimeout(totaal);
      clearTimeout(connect);
      req.destroy();
      resolve(klaar({ ...r, adres, bytesGelezen: bytes }));
    };

    const req = request({
      host: adres,
      port: url.port === '' ? 443 : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      // SNI and the certificate check use the name, the socket the pinned address; an IP literal has no SNI.
      ...(isIP(host) ? {} : { servername: host }),
      headers: {
        ...v.headers,
        host: url.host,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(v.body),
        'user-agent': 'werkcoop-webhooks/1',
      },
      agent: false,
      ...(opties.ca ? { ca: opties.ca } : {}),
    });

    const totaal = setTimeout(() => einde({ fout: 'timeout' }), opties.totaalTimeoutMs ?? TOTAAL_TIMEOUT_MS);
    const connect = setTimeout(() => einde({ fout: 'connectTimeout' }), opties.connectTimeoutMs ?? CONNECT_TIMEOUT_MS);
    req.on('socket', (s) => s.once('secureConnect', () => clearTimeout(connect)));

    req.on('response', (res) => {
      const status = res.statusCode;
      const retryAfter = typeof res.headers['retry-after'] === 'string' ? res.headers['retry-after'] : undefined;
      res.on('data', (chunk: Buffer) => {
        bytes = Math.min(MAX_ANTWOORD_BYTES, bytes + chunk.length);
        // Enough read: the status is what counts, the rest of the answer is the receiver's business.
        if (bytes >= MAX_ANTWOORD_BYTES) einde({ status, retryAfter });
      });
      res.on('end', () => einde({ status, retryAfter }));
      res.on('error', () => einde({ status, retryAfter }));
    });
    req.on('error', () => einde({ fout: 'verbinding' }));
    req.end(v.body);
  });
};
