import { describe, expect, it } from 'vitest';
import { uitAanmelding, uitAntwoord, uitEscalatie, uitLid, uitVerwijzing } from '../../../shared/domain/abonnementen/wijzigingen';

const op = '2026-12-02T10:00:00.000Z';
const door = { rol: 'coopAdmin', subject: 'c1' } as const;

describe('welke wijzigingen een gebeurtenis voor andere systemen geven', () => {
  it('een verwijzing: elke statuswijziging, niet een wijziging van velden of toestemmingen', () => {
    const v = { id: 'v1', gemeente: 'GM0363', versie: 3 };
    const basis = { id: '01JV', verwijzingId: 'v1', door, op, versie: 3 } as const;
    expect(uitVerwijzing({ ...basis, soort: 'bemiddelbaarVerklaard', vanStatus: 'inIntake', naarStatus: 'bemiddelbaar' }, v)).toEqual([
      expect.objectContaining({ id: '01JV', type: 'nl.werkcoop.verwijzingen.status-gewijzigd', data: { status: 'bemiddelbaar', vorigeStatus: 'inIntake' }, betrokkenen: { gemeente: 'GM0363' } }),
    ]);
    expect(uitVerwijzing({ ...basis, soort: 'gewijzigd', vanStatus: 'inIntake', naarStatus: 'inIntake', gewijzigdeVelden: ['kandidaat'] }, v)).toEqual([]);
    expect(uitVerwijzing({ ...basis, soort: 'toestemmingGegeven', vanStatus: 'bemiddelbaar', naarStatus: 'bemiddelbaar', lidId: 'l1' }, v)).toEqual([]);
    // A reason typed by a person stays in the history; the event carries the codes.
    const [teruggemeld] = uitVerwijzing({ ...basis, soort: 'teruggemeld', vanStatus: 'bemiddelbaar', naarStatus: 'teruggemeld', reden: 'Jan verhuist naar Utrecht' }, v);
    expect(JSON.stringify(teruggemeld)).not.toContain('Jan');
  });

  it('een lid: goedgekeurd en geschorst; een aanmelding: het besluit, alleen voor coördinatoren', () => {
    const lid = { id: '01JL', lidId: 'l1', door, op, versie: 2 } as const;
    expect(uitLid({ ...lid, soort: 'goedgekeurd', vanStatus: 'aangevraagd', naarStatus: 'actief' })[0]).toMatchObject({ type: 'nl.werkcoop.leden.goedgekeurd', betrokkenen: { lidId: 'l1' } });
    expect(uitLid({ ...lid, soort: 'geschorst', vanStatus: 'actief', naarStatus: 'geschorst' })[0]!.type).toBe('nl.werkcoop.leden.geschorst');
    expect(uitLid({ ...lid, soort: 'uitgetreden', vanStatus: 'actief', naarStatus: 'uitgetreden' })).toEqual([]);
    const a = uitAanmelding({ id: '01JA', aanmeldingId: 'a1', soort: 'afgewezen', vanStatus: 'bevestigd', naarStatus: 'afgewezen', reden: 'Geen KvK', door, op, versie: 3 });
    expect(a).toEqual([expect.objectContaining({ type: 'nl.werkcoop.regiopartner-aanmeldingen.afgewezen', betrokkenen: {}, data: { status: 'afgewezen' } })]);
  });

  it('een antwoord op een duurzaamheidscheck geeft ook de meting; escalaties zijn alleen voor coördinatoren', () => {
    const m = { id: 'm1', soort: 'duurzaamheidscheck', versie: 3, gemeente: 'GM0363', lidId: 'l1', jobcoachPartnerId: 'p1', termijn: 'P6M', duurzaam: true } as const;
    const g = uitAntwoord(m, { beantwoord: '01JB', duurzaamheid: '01JD' }, op);
    expect(g.map((x) => [x.id, x.type])).toEqual([
      ['01JB', 'nl.werkcoop.nazorgmomenten.beantwoord'],
      ['01JD', 'nl.werkcoop.duurzaamheidsmetingen.vastgelegd'],
    ]);
    expect(g[1]).toMatchObject({ data: { duurzaam: true, termijn: 'P6M' }, betrokkenen: { gemeente: 'GM0363', lidId: 'l1', partnerId: 'p1' } });
    expect(uitAntwoord({ ...m, soort: 'regulier', duurzaam: undefined }, { beantwoord: '01JB', duurzaamheid: '01JD' }, op)).toHaveLength(1);
    expect(uitEscalatie({ id: 'e1', status: 'afgehandeld' }, '01JE', op)).toMatchObject({ type: 'nl.werkcoop.escalaties.afgehandeld', betrokkenen: {}, versie: 2 });
  });
});
