import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beoordeelAdres, controleerCallbackUrl, hostVan, kiesAdres } from '../../../shared/domain/abonnementen/adressen';

describe('de SSRF-bewaker: alleen publiek unicast', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['169.254.0.1', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.254', 'carrierGradeNat'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['::ffff:127.0.0.1', 'ipv4Mapped'],
    ['::ffff:8.8.8.8', 'ipv4Mapped'],
    ['::ffff:169.254.169.254', 'ipv4Mapped'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['64:ff9b::a9fe:a9fe', 'rfc6052'],
    ['2002:a9fe:a9fe::1', '6to4'],
    ['2001:db8::1', 'reserved'],
    ['fec0::1', 'deprecatedSiteLocal'],
    ['100::1', 'discard'],
    ['4000::1', 'buitenGlobaalUnicast'],
    ['niet-een-adres', 'ongeldig'],
  ])('%s wordt geweigerd (%s)', (adres, klasse) => {
    expect(beoordeelAdres(adres)).toEqual({ toegestaan: false, klasse });
  });

  it.each(['8.8.8.8', '145.97.39.155', '2a00:1450:4001:82b::200e', '2606:4700::1111'])('%s is publiek en mag', (adres) => {
    expect(beoordeelAdres(adres)).toEqual({ toegestaan: true, klasse: 'unicast' });
  });

  it('de schakelaar staat alleen loopback toe, geen enkele andere klasse', () => {
    expect(beoordeelAdres('127.0.0.1', { loopbackToestaan: true }).toegestaan).toBe(true);
    expect(beoordeelAdres('::1', { loopbackToestaan: true }).toegestaan).toBe(true);
    for (const a of ['10.0.0.1', '169.254.169.254', '::ffff:127.0.0.1', '0.0.0.0', '100.64.0.1']) {
      expect(beoordeelAdres(a, { loopbackToestaan: true }).toegestaan).toBe(false);
    }
  });

  it('elk IPv4-adres in 10/8, 172.16/12, 192.168/16, 169.254/16, 100.64/10 en 127/8 is geweigerd, ook als IPv4-mapped IPv6', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const intern = fc.oneof(
      fc.tuple(octet, octet, octet).map(([b, c, d]) => `10.${b}.${c}.${d}`),
      fc.tuple(fc.integer({ min: 16, max: 31 }), octet, octet).map(([b, c, d]) => `172.${b}.${c}.${d}`),
      fc.tuple(octet, octet).map(([c, d]) => `192.168.${c}.${d}`),
      fc.tuple(octet, octet).map(([c, d]) => `169.254.${c}.${d}`),
      fc.tuple(fc.integer({ min: 64, max: 127 }), octet, octet).map(([b, c, d]) => `100.${b}.${c}.${d}`),
      fc.tuple(octet, octet, octet).map(([b, c, d]) => `127.${b}.${c}.${d}`),
    );
    fc.assert(
      fc.property(intern, (a) => {
        expect(beoordeelAdres(a).toegestaan).toBe(false);
        expect(beoordeelAdres(`::ffff:${a}`).toegestaan).toBe(false);
      }),
    );
  });

  it('een host met één intern adres tussen publieke wordt geheel geweigerd; anders het eerste adres', () => {
    expect(kiesAdres(['8.8.8.8', '10.0.0.1'])).toEqual({ geweigerd: 'private' });
    expect(kiesAdres(['8.8.8.8', '1.1.1.1'])).toEqual({ adres: '8.8.8.8' });
    expect(kiesAdres([])).toEqual({ geweigerd: 'ongeldig' });
  });
});

describe('de callback-URL', () => {
  it('alleen https, zonder gegevens of fragment', () => {
    expect(controleerCallbackUrl('http://ontvanger.example.nl/hook')).toEqual({ fout: 'geenHttps' });
    expect(controleerCallbackUrl('https://jan:geheim@ontvanger.example.nl/hook')).toEqual({ fout: 'gegevensInUrl' });
    expect(controleerCallbackUrl('https://ontvanger.example.nl/hook#x')).toEqual({ fout: 'fragment' });
    expect(controleerCallbackUrl('geen url')).toEqual({ fout: 'geenUrl' });
    const ok = controleerCallbackUrl('https://[::1]:8443/hook?a=1');
    expect('url' in ok && hostVan(ok.url)).toBe('::1');
  });
  it('een IP-adres in een andere schrijfwijze wordt door de URL-parser genormaliseerd en dan beoordeeld', () => {
    for (const [u, klasse] of [
      ['https://2130706433/', 'loopback'],
      ['https://0x7f.1/', 'loopback'],
      ['https://0251.0376.0251.0376/', 'linkLocal'],
    ] as const) {
      const r = controleerCallbackUrl(u);
      expect('url' in r && beoordeelAdres(hostVan(r.url)).klasse).toBe(klasse);
    }
  });
});
