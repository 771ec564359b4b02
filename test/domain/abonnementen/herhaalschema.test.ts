import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  beoordeel,
  HERHAALWACHTTIJDEN_SECONDEN,
  JITTER_FRACTIE,
  leesRetryAfter,
  magMailen,
  MAX_POGINGEN,
  MAX_RETRY_AFTER_SECONDEN,
  moetUitschakelen,
  volgendeVertraging,
  wachttijdNa,
} from '../../../shared/domain/abonnementen/herhaalschema';

const nu = new Date('2026-12-02T12:00:00.000Z');
const willekeur = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('het herhaalschema', () => {
  it('duurt ongeveer drie dagen, en met jitter blijft elke wachttijd binnen ±20% van het schema', () => {
    const totaal = HERHAALWACHTTIJDEN_SECONDEN.reduce((a, b) => a + b, 0);
    expect(totaal / 86_400).toBeGreaterThan(2.9);
    expect(totaal / 86_400).toBeLessThan(3.5);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: HERHAALWACHTTIJDEN_SECONDEN.length }), willekeur, (poging, w) => {
        const basis = HERHAALWACHTTIJDEN_SECONDEN[poging - 1]!;
        const wacht = wachttijdNa(poging, w)!;
        expect(wacht).toBeGreaterThanOrEqual(Math.floor(basis * (1 - JITTER_FRACTIE)));
        expect(wacht).toBeLessThanOrEqual(Math.ceil(basis * (1 + JITTER_FRACTIE)));
      }),
    );
  });

  it('spreidt: honderd afleveringen die tegelijk mislukken komen niet tegelijk terug', () => {
    const wachten = new Set(Array.from({ length: 100 }, (_, i) => wachttijdNa(4, i / 100)));
    expect(wachten.size).toBeGreaterThan(50);
  });

  it('na de laatste poging is het mislukt, nooit eerder', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_POGINGEN + 3 }), fc.constantFrom(undefined, 500, 502, 404, 301, 429, 503), willekeur, (poging, status, w) => {
        const u = beoordeel({ status }, poging, w, nu);
        expect(u.soort).toBe(poging >= MAX_POGINGEN ? 'mislukt' : 'opnieuw');
      }),
    );
  });

  it('2xx is afgeleverd, 410 zegt het abonnement op, 3xx wordt niet gevolgd maar opnieuw geprobeerd', () => {
    expect(beoordeel({ status: 204 }, 1, 0.5, nu)).toEqual({ soort: 'afgeleverd' });
    expect(beoordeel({ status: 299 }, MAX_POGINGEN, 0.5, nu)).toEqual({ soort: 'afgeleverd' });
    expect(beoordeel({ status: 410 }, 1, 0.5, nu)).toEqual({ soort: 'opgezegd' });
    expect(beoordeel({ status: 302 }, 1, 0.5, nu)).toEqual({ soort: 'opnieuw', naSeconden: 5 });
    expect(beoordeel({}, 2, 0.5, nu)).toEqual({ soort: 'opnieuw', naSeconden: 300 });
  });

  it('429 en 503 volgen Retry-After (seconden of HTTP-datum) als die langer is, tot een dag', () => {
    expect(beoordeel({ status: 429, retryAfter: '120' }, 1, 0.5, nu)).toEqual({ soort: 'opnieuw', naSeconden: 120 });
    expect(beoordeel({ status: 503, retryAfter: 'Wed, 02 Dec 2026 13:00:00 GMT' }, 1, 0.5, nu)).toEqual({ soort: 'opnieuw', naSeconden: 3600 });
    expect(beoordeel({ status: 503, retryAfter: '1' }, 2, 0.5, nu)).toEqual({ soort: 'opnieuw', naSeconden: 300 });
    expect(beoordeel({ status: 429, retryAfter: '99999999' }, 1, 0.5, nu)).toEqual({ soort: 'opnieuw', naSeconden: MAX_RETRY_AFTER_SECONDEN });
    expect(beoordeel({ status: 500, retryAfter: '3600' }, 1, 0.5, nu)).toEqual({ soort: 'opnieuw', naSeconden: 5 });
    expect(leesRetryAfter('morgen', nu)).toBeUndefined();
    expect(leesRetryAfter('-5', nu)).toBeUndefined();
  });

  it('lange wachttijden gaan in stappen van hoogstens 900 s (SQS DelaySeconds), en komen precies uit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * 86_400 }), (wacht) => {
        let t = 0;
        let hops = 0;
        const due = wacht * 1000;
        for (let v = volgendeVertraging(due, t); v > 0; v = volgendeVertraging(due, t)) {
          expect(v).toBeLessThanOrEqual(900);
          t += v * 1000;
          hops++;
        }
        expect(t).toBe(due);
        expect(hops).toBe(Math.ceil(wacht / 900));
      }),
    );
  });
});

describe('uitschakelen en mailen', () => {
  const dag = 86_400_000;
  it('uitgeschakeld na drie dagen zonder succes sinds de eerste mislukking; een succes daarna houdt het aan', () => {
    const sinds = new Date(nu.getTime() - 3 * dag).toISOString();
    expect(moetUitschakelen({ eersteMisluktSindsSuccesOp: sinds }, nu)).toBe(true);
    expect(moetUitschakelen({ eersteMisluktSindsSuccesOp: sinds }, new Date(nu.getTime() - 1))).toBe(false);
    expect(moetUitschakelen({ eersteMisluktSindsSuccesOp: sinds, laatsteSuccesOp: new Date(nu.getTime() - dag).toISOString() }, nu)).toBe(false);
    expect(moetUitschakelen({}, nu)).toBe(false);
  });
  it('hoogstens één mail per dag', () => {
    expect(magMailen({}, nu)).toBe(true);
    expect(magMailen({ laatsteMailOp: new Date(nu.getTime() - dag + 1000).toISOString() }, nu)).toBe(false);
    expect(magMailen({ laatsteMailOp: new Date(nu.getTime() - dag).toISOString() }, nu)).toBe(true);
  });
});
