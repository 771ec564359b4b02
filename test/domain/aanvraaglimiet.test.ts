import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bronHash, bronVan, LIMIETEN, venster, wachtSeconden } from '../../shared/domain/aanvraaglimiet';

describe('het venster van de aanvraaglimiet', () => {
  it('ligt vast per uur: elk moment valt in precies één venster, en Retry-After wijst naar zijn einde', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        const nu = new Date(ms);
        const v = venster(nu, LIMIETEN.aanmelden);
        const s = Math.floor(ms / 1000);
        expect(v.start).toBeLessThanOrEqual(s);
        expect(v.eind).toBeGreaterThan(s);
        expect(v.eind - v.start).toBe(3600);
        expect(v.start % 3600).toBe(0);
        const wacht = wachtSeconden(nu, v);
        expect(wacht).toBeGreaterThanOrEqual(1);
        expect(wacht).toBeLessThanOrEqual(3600);
        expect(venster(new Date(ms + (wacht - 1) * 1000), LIMIETEN.aanmelden)).toEqual(v);
      }),
    );
    const nu = new Date('2026-11-26T09:59:30.000Z');
    expect(wachtSeconden(nu, venster(nu, LIMIETEN.aanmelden))).toBe(30);
  });
});

describe('de bron van een verzoek', () => {
  it('telt een IPv4-adres zelf, een IPv4-in-IPv6-adres als IPv4 en een IPv6-adres per /64', () => {
    expect(bronVan('192.0.2.7')).toBe('192.0.2.7');
    expect(bronVan('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(bronVan('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(bronVan('2001:db8:1:2::ffff')).toBe(bronVan('2001:db8:1:2:1:2:3:4'));
    expect(bronVan('2001:db8::1')).toBe('2001:0db8:0000:0000::/64');
    expect(bronVan('::1')).toBe('0000:0000:0000:0000::/64');
    expect(bronVan('2001:db8:1:3::1')).not.toBe(bronVan('2001:db8:1:2::1'));
    expect(bronVan('geen-adres')).toBe('onbekend');
  });

  it('slaat het adres nooit op: de sleutel is een hash, gelijk voor dezelfde bron', () => {
    expect(bronHash('192.0.2.7')).not.toContain('192');
    expect(bronHash('192.0.2.7')).toBe(bronHash('::ffff:192.0.2.7'));
    expect(bronHash('192.0.2.7')).not.toBe(bronHash('192.0.2.8'));
    expect(bronHash('2001:db8:1:2::1')).toBe(bronHash('2001:db8:1:2::2'));
  });
});
