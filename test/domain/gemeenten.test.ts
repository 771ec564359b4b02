import { describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/rollen';
import { registreren, wijzigen } from '../../shared/domain/gemeenten';
import type { Omgeving } from '../../shared/domain/leden';
import { Gemeente, GemeenteGebeurtenis, GemeenteRegistratie, GemeenteWijziging } from '../../shared/schemas/gemeenten';

const admin: Principal = { rol: 'coopAdmin', subject: 'coordinator-1' };
let teller = 0;
const omgeving = (nu = '2026-11-26T09:00:00.000Z'): Omgeving => ({ nu, nieuwId: () => `01JD${String(++teller).padStart(22, '0')}` });

const registratie = GemeenteRegistratie.parse({
  code: 'GM0363',
  naam: 'Amsterdam',
  arbeidsmarktregio: 'Groot Amsterdam',
  contactpersoon: { naam: 'Noor Bakker', email: 'participatie@amsterdam.nl' },
});

describe('een gemeente registreren', () => {
  it('krijgt de instellingen van de coöperatie als zij er geen meegeeft', () => {
    const { gemeente, gebeurtenis } = registreren(registratie, admin, omgeving());
    expect(gemeente.instellingen).toEqual({
      nazorgMomenten: ['P1W', 'P4W', 'P3M', 'P6M', 'P9M', 'P12M'],
      duurzaamheidsChecks: ['P6M', 'P12M'],
      reactietermijnDagen: 14,
    });
    expect(gemeente.versie).toBe(1);
    expect(Gemeente.safeParse(gemeente).success).toBe(true);
    expect(gebeurtenis).toMatchObject({ gemeenteCode: 'GM0363', soort: 'geregistreerd', versie: 1, instellingen: gemeente.instellingen, door: { rol: 'coopAdmin' } });
    expect(GemeenteGebeurtenis.safeParse(gebeurtenis).success).toBe(true);
  });

  it('vult ontbrekende instellingen aan en houdt wat zij wel meegeeft', () => {
    const eigen = GemeenteRegistratie.parse({ ...registratie, instellingen: { reactietermijnDagen: 7 } });
    expect(registreren(eigen, admin, omgeving()).gemeente.instellingen).toEqual({
      nazorgMomenten: ['P1W', 'P4W', 'P3M', 'P6M', 'P9M', 'P12M'],
      duurzaamheidsChecks: ['P6M', 'P12M'],
      reactietermijnDagen: 7,
    });
  });

  it('weigert een code die geen CBS-code is en een termijn die geen termijn is', () => {
    const r = GemeenteRegistratie.safeParse({ ...registratie, code: 'AMS', instellingen: { nazorgMomenten: ['1 week'] } });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['code', 'instellingen.nazorgMomenten.0']));
  });
});

describe('een gemeente wijzigen', () => {
  it('wijzigt alleen de meegestuurde instellingen en legt ze vast in de geschiedenis', () => {
    const { gemeente } = registreren(registratie, admin, omgeving());
    const wijziging = GemeenteWijziging.parse({ instellingen: { nazorgMomenten: ['P2W', 'P6M'] } });
    const m = wijzigen(gemeente, wijziging, admin, 1, omgeving('2026-12-01T10:00:00.000Z'));
    expect(m.gemeente.instellingen).toEqual({ nazorgMomenten: ['P2W', 'P6M'], duurzaamheidsChecks: ['P6M', 'P12M'], reactietermijnDagen: 14 });
    expect(m.gemeente).toMatchObject({ versie: 2, gewijzigdOp: '2026-12-01T10:00:00.000Z', aangemaaktOp: gemeente.aangemaaktOp });
    expect(m.verwachteVersie).toBe(1);
    expect(m.gebeurtenis).toMatchObject({ soort: 'gewijzigd', versie: 2, gewijzigdeVelden: ['instellingen.nazorgMomenten'], instellingen: m.gemeente.instellingen });
  });

  it('noemt gewone velden zonder instellingen in de gebeurtenis', () => {
    const { gemeente } = registreren(registratie, admin, omgeving());
    const m = wijzigen(gemeente, GemeenteWijziging.parse({ naam: 'Gemeente Amsterdam' }), admin, undefined, omgeving());
    expect(m.gemeente.naam).toBe('Gemeente Amsterdam');
    expect(m.gebeurtenis.gewijzigdeVelden).toEqual(['naam']);
    expect(m.gebeurtenis.instellingen).toBeUndefined();
  });

  it('weigert een verouderde versie', () => {
    const { gemeente } = registreren(registratie, admin, omgeving());
    expect(() => wijzigen(gemeente, { naam: 'X' }, admin, 5, omgeving())).toThrowError(expect.objectContaining({ soort: 'verouderd' }));
  });

  it('weigert een lege wijziging en een lege instellingenwijziging', () => {
    expect(GemeenteWijziging.safeParse({}).success).toBe(false);
    expect(GemeenteWijziging.safeParse({ instellingen: {} }).success).toBe(false);
    expect(GemeenteWijziging.safeParse({ code: 'GM0599' }).success).toBe(false);
  });
});
