import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { geldigeGeheimen, klopt, nieuwGeheim, onderteken, roteer, webhookHeaders } from '../../../shared/domain/abonnementen/handtekening';

describe('Standard Webhooks-handtekeningen', () => {
  it('het pakket standardwebhooks aanvaardt wat wij ondertekenen', () => {
    const geheim = nieuwGeheim();
    expect(geheim).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify({ id: '01J', type: 'nl.werkcoop.plaatsingen.gestart' });
    const headers = webhookHeaders({ huidig: geheim }, '01J', body, new Date());
    expect(new Webhook(geheim).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
  });

  it('gelijk aan de referentie van het pakket, voor willekeurige ids, tijden en bodies', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/), fc.integer({ min: 1e9, max: 4e9 }), fc.string(), (id, t, body) => {
        const geheim = nieuwGeheim();
        expect(onderteken(geheim, id, t, body)).toBe(new Webhook(geheim).sign(id, new Date(t * 1000), body));
        expect(klopt(geheim, id, t, body, `v1,bogus ${onderteken(geheim, id, t, body)}`)).toBe(true);
        expect(klopt(geheim, id, t, `${body}x`, onderteken(geheim, id, t, body))).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it('een ander geheim of een gewijzigde body faalt bij de ontvanger', () => {
    const body = '{"a":1}';
    const headers = webhookHeaders({ huidig: nieuwGeheim() }, 'id1', body, new Date());
    expect(() => new Webhook(nieuwGeheim()).verify(body, { ...headers })).toThrow();
    const geheim = nieuwGeheim();
    const goed = webhookHeaders({ huidig: geheim }, 'id1', body, new Date());
    expect(() => new Webhook(geheim).verify('{"a":2}', { ...goed })).toThrow();
  });

  it('rotatie: 24 uur lang tekenen beide geheimen, zodat een ontvanger met het oude én een met het nieuwe slagen; daarna alleen het nieuwe', () => {
    const oud = nieuwGeheim();
    const nieuw = nieuwGeheim();
    const t0 = new Date();
    const g = roteer({ huidig: oud }, nieuw, t0);
    expect(geldigeGeheimen(g, t0)).toEqual([nieuw, oud]);
    const body = '{"x":true}';
    const headers = webhookHeaders(g, 'id2', body, t0);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(oud).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(nieuw).verify(body, { ...headers })).not.toThrow();
    const later = new Date(t0.getTime() + 24 * 3_600_000 + 1);
    expect(geldigeGeheimen(g, later)).toEqual([nieuw]);
    expect(geldigeGeheimen(g, new Date(t0.getTime() + 23 * 3_600_000))).toEqual([nieuw, oud]);
  });

  it('weigert een geheim zonder whsec_ of te kort', () => {
    expect(() => onderteken('geheim', 'a', 1, '')).toThrow(/whsec_/);
    expect(() => onderteken('whsec_AAAA', 'a', 1, '')).toThrow(/24 bytes/);
  });
});
