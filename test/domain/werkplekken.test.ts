import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/rollen';
import type { Omgeving } from '../../shared/domain/leden';
import { aanbieden, afgeleideStatus, bezettingWijzigen, wijzigen, zoektKandidaten } from '../../shared/domain/werkplekken';
import { Werkplek, WerkplekGebeurtenis, type WerkplekInvoer } from '../../shared/schemas/werkplekken';

const LID_ID = '01JD0000000000000000000001';
const lid: Principal = { rol: 'werkgever', subject: 'hr-systeem', lidId: LID_ID };
const admin: Principal = { rol: 'coopAdmin', subject: 'coordinator-1' };
let teller = 0;
const omgeving = (): Omgeving => ({ nu: '2026-11-26T09:00:00.000Z', nieuwId: () => `01JE${String(++teller).padStart(22, '0')}` });

const invoer: WerkplekInvoer = {
  titel: 'Medewerker groenonderhoud',
  soort: 'participatieplaats',
  werksoort: 'groen',
  uren: { minimum: 16, maximum: 32 },
  locatie: { postcodegebied: '1102', gemeente: 'GM0363' },
  aantalPlaatsen: 2,
  eisen: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', taalniveau: 'A2', rijbewijs: false },
  werkaanpassingen: ['vasteStructuur', 'extraPauzes'],
  begeleiding: { eigenJobcoach: true, buddy: true },
  teltVoorBanenafspraak: true,
};
const nieuw = () => aanbieden(LID_ID, invoer, 'Groot Amsterdam', lid, omgeving()).werkplek;

describe('een werkplek aanbieden', () => {
  it('begint open, versie 1, niets bezet, in de regio van zijn gemeente, met een gebeurtenis "aangeboden"', () => {
    const { werkplek, gebeurtenis, verwachteVersie } = aanbieden(LID_ID, invoer, 'Groot Amsterdam', lid, omgeving());
    expect(werkplek).toMatchObject({ ...invoer, lidId: LID_ID, arbeidsmarktregio: 'Groot Amsterdam', status: 'open', aantalBezet: 0, versie: 1 });
    expect(gebeurtenis).toMatchObject({ werkplekId: werkplek.id, soort: 'aangeboden', naarStatus: 'open', door: { rol: 'werkgever', subject: 'hr-systeem' }, versie: 1 });
    expect(verwachteVersie).toBeUndefined();
    expect(Werkplek.safeParse(werkplek).success).toBe(true);
    expect(WerkplekGebeurtenis.safeParse(gebeurtenis).success).toBe(true);
    expect(zoektKandidaten(werkplek)).toBe(true);
  });
});

describe('een werkplek wijzigen', () => {
  it('noemt de gewijzigde velden, verhoogt de versie en houdt de status', () => {
    const w = nieuw();
    const m = wijzigen(w, { titel: 'Hovenier', uren: { minimum: 20, maximum: 24 } }, admin, 1, omgeving());
    expect(m.werkplek).toMatchObject({ titel: 'Hovenier', uren: { minimum: 20, maximum: 24 }, status: 'open', versie: 2 });
    expect(m.gebeurtenis).toMatchObject({ soort: 'gewijzigd', vanStatus: 'open', naarStatus: 'open', gewijzigdeVelden: ['titel', 'uren'], door: { rol: 'coopAdmin' } });
    expect(m.verwachteVersie).toBe(1);
  });

  it('weigert een verouderde versie', () => {
    expect(() => wijzigen(nieuw(), { titel: 'x' }, lid, 4, omgeving())).toThrowError(expect.objectContaining({ soort: 'verouderd' }));
  });

  it('sluiten en heropenen zijn eigen gebeurtenissen; een gesloten werkplek zoekt geen kandidaten', () => {
    const gesloten = wijzigen(nieuw(), { status: 'gesloten' }, lid, undefined, omgeving());
    expect(gesloten.werkplek.status).toBe('gesloten');
    expect(gesloten.gebeurtenis).toMatchObject({ soort: 'gesloten', vanStatus: 'open', naarStatus: 'gesloten' });
    expect(zoektKandidaten(gesloten.werkplek)).toBe(false);
    // A closed place stays closed when other fields change.
    expect(wijzigen(gesloten.werkplek, { titel: 'Nieuw' }, lid, undefined, omgeving()).werkplek.status).toBe('gesloten');
    const heropend = wijzigen(gesloten.werkplek, { status: 'open' }, lid, undefined, omgeving());
    expect(heropend.werkplek.status).toBe('open');
    expect(heropend.gebeurtenis.soort).toBe('heropend');
  });

  it('het aantal plaatsen kan niet onder het aantal bezette; op het aantal bezette wordt hij vervuld, erboven weer open', () => {
    const w = bezettingWijzigen(nieuw(), 1, admin, omgeving()).werkplek;
    const vol = wijzigen(w, { aantalPlaatsen: 1 }, lid, undefined, omgeving()).werkplek;
    expect(vol).toMatchObject({ aantalPlaatsen: 1, aantalBezet: 1, status: 'vervuld' });
    expect(zoektKandidaten(vol)).toBe(false);
    const weerOpen = wijzigen(vol, { aantalPlaatsen: 3 }, lid, undefined, omgeving()).werkplek;
    expect(weerOpen).toMatchObject({ aantalPlaatsen: 3, status: 'open' });
  });

  it('weigert minder plaatsen dan er bezet zijn met "conflict" en een volle werkplek openzetten met "ongeldigeOvergang"', () => {
    let w = nieuw();
    w = bezettingWijzigen(w, 1, admin, omgeving()).werkplek;
    w = bezettingWijzigen(w, 1, admin, omgeving()).werkplek;
    expect(w.status).toBe('vervuld');
    expect(() => wijzigen(w, { aantalPlaatsen: 1 }, lid, undefined, omgeving())).toThrowError(
      expect.objectContaining({ soort: 'conflict', message: expect.stringContaining('2 plaatsen bezet') }),
    );
    expect(() => wijzigen(w, { status: 'open' }, lid, undefined, omgeving())).toThrowError(expect.objectContaining({ soort: 'ongeldigeOvergang' }));
    // With more places in the same change it may open.
    expect(wijzigen(w, { status: 'open', aantalPlaatsen: 3 }, lid, undefined, omgeving()).werkplek.status).toBe('open');
  });
});

describe('de bezetting volgt de plaatsingen', () => {
  it('vult de werkplek bij de laatste vrije plaats en opent hem weer als een plaatsing eindigt', () => {
    const w = nieuw();
    const een = bezettingWijzigen(w, 1, admin, omgeving());
    expect(een.werkplek).toMatchObject({ aantalBezet: 1, status: 'open', versie: 2 });
    expect(een.gebeurtenis).toMatchObject({ soort: 'bezettingGewijzigd', vanStatus: 'open', naarStatus: 'open', aantalBezet: 1 });
    expect(een.verwachteVersie).toBe(1);
    const twee = bezettingWijzigen(een.werkplek, 1, admin, omgeving());
    expect(twee.werkplek).toMatchObject({ aantalBezet: 2, status: 'vervuld' });
    const terug = bezettingWijzigen(twee.werkplek, -1, admin, omgeving());
    expect(terug.werkplek).toMatchObject({ aantalBezet: 1, status: 'open' });
    expect(terug.gebeurtenis).toMatchObject({ vanStatus: 'vervuld', naarStatus: 'open' });
  });

  it('weigert meer bezetting dan plaatsen en minder dan nul; een gesloten werkplek blijft gesloten', () => {
    const w = nieuw();
    expect(() => bezettingWijzigen(w, -1, admin, omgeving())).toThrowError(expect.objectContaining({ soort: 'conflict' }));
    expect(() => bezettingWijzigen(w, 3, admin, omgeving())).toThrowError(expect.objectContaining({ soort: 'conflict' }));
    expect(() => bezettingWijzigen(w, 0, admin, omgeving())).toThrow(RangeError);
    const gesloten = wijzigen(w, { status: 'gesloten' }, lid, undefined, omgeving()).werkplek;
    expect(bezettingWijzigen(gesloten, 1, admin, omgeving()).werkplek).toMatchObject({ status: 'gesloten', aantalBezet: 1 });
  });

  it('elke reeks wijzigingen houdt 0 ≤ bezet ≤ plaatsen, de status afgeleid en de versie oplopend met één', () => {
    const opdracht = fc.oneof(
      fc.record({ soort: fc.constant('bezetting' as const), delta: fc.constantFrom(1, -1) }),
      fc.record({ soort: fc.constant('plaatsen' as const), aantal: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ soort: fc.constant('status' as const), status: fc.constantFrom('open' as const, 'gesloten' as const) }),
    );
    fc.assert(
      fc.property(fc.array(opdracht, { maxLength: 40 }), (opdrachten) => {
        let w = nieuw();
        let gesloten = false;
        for (const o of opdrachten) {
          try {
            const m =
              o.soort === 'bezetting'
                ? bezettingWijzigen(w, o.delta, admin, omgeving())
                : wijzigen(w, o.soort === 'plaatsen' ? { aantalPlaatsen: o.aantal } : { status: o.status }, lid, w.versie, omgeving());
            expect(m.werkplek.versie).toBe(w.versie + 1);
            expect(m.gebeurtenis).toMatchObject({ vanStatus: w.status, naarStatus: m.werkplek.status, versie: m.werkplek.versie });
            if (o.soort === 'status') gesloten = o.status === 'gesloten';
            w = m.werkplek;
          } catch (e) {
            expect(e).toMatchObject({ name: 'DomeinFout' });
          }
          expect(w.aantalBezet).toBeGreaterThanOrEqual(0);
          expect(w.aantalBezet).toBeLessThanOrEqual(w.aantalPlaatsen);
          expect(w.status).toBe(afgeleideStatus(gesloten ? 'gesloten' : 'open', w));
          expect(zoektKandidaten(w)).toBe(w.status === 'open');
          expect(Werkplek.safeParse(w).success).toBe(true);
        }
      }),
    );
  });
});
