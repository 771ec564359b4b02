import { describe, expect, it } from 'vitest';
import { geroteerd, isVoor, magBeheren, nieuwAbonnement, typesVoor, wijzigAbonnement } from '../../../shared/domain/abonnementen/abonnement';
import type { Principal } from '../../../shared/auth/rollen';

const gemeente: Principal = { rol: 'gemeente', subject: 's', gemeente: 'GM0363' };
const anderGemeente: Principal = { rol: 'gemeente', subject: 's', gemeente: 'GM0599' };
const admin: Principal = { rol: 'coopAdmin', subject: 'c' };
const omgeving = { nu: '2026-12-02T10:00:00.000Z', nieuwId: () => '01JABONNEMENT0000000000000' };
const invoer = { types: ['nl.werkcoop.plaatsingen.gestart'] as const, callbackUrl: 'https://zaaksysteem.example.nl/hook', berichtvorm: 'cloudevents' as const, contactEmail: 'a@b.nl' };

describe('abonnementen', () => {
  it('een nieuw abonnement wacht op verificatie, van de beller, met alleen types over objecten die die ziet', () => {
    const a = nieuwAbonnement({ ...invoer, authorization: 'Bearer x' }, gemeente, omgeving);
    expect(a).toMatchObject({ status: 'inAfwachting', eigenaar: { rol: 'gemeente', gemeente: 'GM0363' }, authorizationIngesteld: true, versie: 1 });
    expect(typesVoor('gemeente')).not.toContain('nl.werkcoop.escalaties.aangemaakt');
    expect(typesVoor('werkgever')).toContain('nl.werkcoop.leden.goedgekeurd');
    expect(typesVoor('regiopartner')).not.toContain('nl.werkcoop.verwijzingen.status-gewijzigd');
    expect(typesVoor('coopAdmin')).toHaveLength(14);
    expect(() => nieuwAbonnement({ ...invoer, types: ['nl.werkcoop.regiopartner-aanmeldingen.goedgekeurd'] }, gemeente, omgeving)).toThrow(/niet ziet/);
    expect(() => nieuwAbonnement({ ...invoer, callbackUrl: 'http://x.nl/' }, gemeente, omgeving)).toThrow(/https/);
    expect(() => nieuwAbonnement(invoer, { rol: 'systeem', subject: 'job' }, omgeving)).toThrow();
  });

  it('een gebeurtenis is voor een actief abonnement van wie het object zag, van een gevraagd type', () => {
    const a = { ...nieuwAbonnement(invoer, gemeente, omgeving), status: 'actief' as const };
    const g = { type: 'nl.werkcoop.plaatsingen.gestart', betrokkenen: { gemeente: 'GM0363', lidId: 'l1' } };
    expect(isVoor(a, g)).toBe(true);
    expect(isVoor({ ...a, status: 'inAfwachting' }, g)).toBe(false);
    expect(isVoor(a, { ...g, betrokkenen: { gemeente: 'GM0599' } })).toBe(false);
    expect(isVoor(a, { ...g, type: 'nl.werkcoop.plaatsingen.beeindigd' })).toBe(false);
    expect(isVoor({ ...a, eigenaar: { rol: 'coopAdmin' } }, { ...g, betrokkenen: {} })).toBe(true);
  });

  it('wijzigen en roteren door de eigenaar of een coördinator; een nieuwe URL of een uitgeschakeld abonnement wacht opnieuw', () => {
    const a = { ...nieuwAbonnement(invoer, gemeente, omgeving), status: 'actief' as const };
    expect(magBeheren(anderGemeente, a)).toBe(false);
    expect(magBeheren(admin, a)).toBe(true);
    expect(() => wijzigAbonnement(a, { contactEmail: 'x@y.nl' }, anderGemeente, omgeving.nu)).toThrow(/bestaat niet/);
    expect(wijzigAbonnement(a, { contactEmail: 'x@y.nl' }, gemeente, omgeving.nu)).toMatchObject({ status: 'actief', versie: 2 });
    expect(wijzigAbonnement(a, { callbackUrl: 'https://nieuw.example.nl/' }, gemeente, omgeving.nu).status).toBe('inAfwachting');
    expect(wijzigAbonnement({ ...a, status: 'uitgeschakeld', uitgeschakeldOmdat: 'opgezegd' }, {}, admin, omgeving.nu)).toMatchObject({ status: 'inAfwachting', uitgeschakeldOmdat: undefined });
    expect(wijzigAbonnement(a, { authorization: null }, gemeente, omgeving.nu).authorizationIngesteld).toBe(false);
    expect(geroteerd(a, gemeente, new Date(omgeving.nu)).vorigGeheimGeldigTot).toBe('2026-12-03T10:00:00.000Z');
  });
});
