import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Principal } from '../../shared/auth/rollen';
import { anoniemProfiel } from '../../shared/domain/verwijzingen';
import { logger } from '../../shared/observability/logger';
import type { Verwijzing } from '../../shared/schemas/verwijzingen';
import type { Werkplek } from '../../shared/schemas/werkplekken';
import { matchingUseCases } from '../../shared/use-cases/matching';
import type { MatchingStore, Zoekprofiel } from '../../shared/use-cases/poorten';

/**
 * The matching use cases on in-memory ports: the cases the engines cannot stage on demand (an index that
 * lags its referral) and the processing log of every read of a candidate.
 */
const LID_X = '01JD00000000000000000000X1';
const lidX: Principal = { rol: 'werkgever', subject: 'hr-x', lidId: LID_X };

const werkplek: Werkplek = {
  id: '01JE0000000000000000000001',
  lidId: LID_X,
  arbeidsmarktregio: 'Groot Amsterdam',
  titel: 'Hovenier',
  soort: 'participatieplaats',
  werksoort: 'groen',
  uren: { minimum: 16, maximum: 32 },
  locatie: { postcodegebied: '1102', gemeente: 'GM0363' },
  aantalPlaatsen: 1,
  eisen: { fysiekeBelastbaarheid: 'laag', werktempo: 'laag', taalniveau: 'geen', rijbewijs: false },
  werkaanpassingen: [],
  begeleiding: { eigenJobcoach: true, buddy: false },
  teltVoorBanenafspraak: false,
  status: 'open',
  aantalBezet: 0,
  aangemaaktOp: '2026-11-01T09:00:00.000Z',
  gewijzigdOp: '2026-11-01T09:00:00.000Z',
  versie: 1,
};

const verwijzing = (id: string, over: Partial<Verwijzing> = {}): Verwijzing => ({
  id,
  gemeente: 'GM0363',
  arbeidsmarktregio: 'Groot Amsterdam',
  dossierkenmerk: `PW-${id.slice(-4)}`,
  doelgroep: 'participatiewet',
  kandidaat: { naam: `Kandidaat ${id.slice(-4)}` },
  mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'gemiddeld', zelfstandigheid: 'zelfstandig', taalniveau: 'B1', rijbewijs: true },
  werkaanpassingen: [],
  uren: { minimum: 20, maximum: 24 },
  mobiliteit: { reisafstandKm: 10, vervoer: ['fiets'] },
  postcodegebied: '1102',
  werksoortVoorkeuren: ['groen'],
  beschikbaarVanaf: '2026-12-01',
  toestemmingProfielDelen: true,
  status: 'bemiddelbaar',
  aantalPlaatsingen: 0,
  toestemmingWerkgevers: [LID_X],
  aangemaaktOp: '2026-11-01T09:00:00.000Z',
  gewijzigdOp: '2026-11-01T09:00:00.000Z',
  versie: 3,
  ...over,
});
const zoekprofiel = (v: Verwijzing): Zoekprofiel => ({
  verwijzingId: v.id,
  gemeente: v.gemeente,
  profiel: anoniemProfiel(v),
  mobiliteit: v.mobiliteit,
  toestemmingWerkgevers: v.toestemmingWerkgevers,
});

const opzet = (index: Verwijzing[], actueel: Verwijzing[]) => {
  const gelezen: string[][] = [];
  const store: MatchingStore = {
    verwijzing: async (id) => actueel.find((v) => v.id === id),
    openWerkplekken: async () => [],
    kandidaten: async () => index.map(zoekprofiel),
    verwijzingen: async (ids) => {
      gelezen.push([...ids]);
      return actueel.filter((v) => ids.includes(v.id));
    },
  };
  return { gelezen, matching: matchingUseCases({ store, werkplekken: { haal: async (id) => (id === werkplek.id ? werkplek : undefined) } }) };
};

const verwerkingen = () =>
  vi.mocked(logger.info).mock.calls.filter(([bericht]) => bericht === 'verwerking').map(([, extra]) => (extra as { verwerking: { activiteit: string; betrokkenen: string[] } }).verwerking);

afterEach(() => vi.restoreAllMocks());

describe('kandidaten voor een werkplek, als de index achterloopt op de verwijzing', () => {
  it('geeft naam en contact alleen uit de verwijzing zelf: een ingetrokken toestemming of een intussen geplaatste kandidaat geeft niets vrij', async () => {
    vi.spyOn(logger, 'info');
    const blijft = verwijzing('01JF0000000000000000000001');
    const ingetrokken = verwijzing('01JF0000000000000000000002');
    const geplaatst = verwijzing('01JF0000000000000000000003');
    const zonder = verwijzing('01JF0000000000000000000004', { toestemmingWerkgevers: [] });
    const { matching, gelezen } = opzet(
      [blijft, ingetrokken, geplaatst, zonder],
      [blijft, { ...ingetrokken, toestemmingWerkgevers: [] }, { ...geplaatst, status: 'geplaatst' }, zonder],
    );

    const r = await matching.kandidatenVoorWerkplek(lidX, werkplek.id, { pageSize: 25 });
    // Only the referrals the index says consented are read, in one batch.
    expect(gelezen).toEqual([[blijft.id, ingetrokken.id, geplaatst.id]]);
    const per = new Map(r.items.map((i) => [i.profiel.verwijzingId, i.profiel]));
    expect(per.get(blijft.id)?.kandidaat).toEqual(blijft.kandidaat);
    expect(per.get(ingetrokken.id)).toBeDefined();
    expect(per.get(ingetrokken.id)).not.toHaveProperty('kandidaat');
    expect(per.has(geplaatst.id)).toBe(false);
    expect(per.get(zonder.id)).not.toHaveProperty('kandidaat');

    expect(verwerkingen()).toEqual([
      expect.objectContaining({ activiteit: 'kandidatenZoeken', betrokkenen: expect.arrayContaining([blijft.id, ingetrokken.id, zonder.id]) }),
      expect.objectContaining({ activiteit: 'kandidaatContactVrijgeven', betrokkenen: [blijft.id] }),
    ]);
  });

  it('leest geen verwijzingen en logt geen vrijgave als niemand op de pagina toestemming gaf', async () => {
    vi.spyOn(logger, 'info');
    const v = verwijzing('01JF0000000000000000000005', { toestemmingWerkgevers: [] });
    const { matching, gelezen } = opzet([v], [v]);
    const r = await matching.kandidatenVoorWerkplek({ rol: 'coopAdmin', subject: 'coordinator' }, werkplek.id, { pageSize: 25 });
    expect(r.items).toHaveLength(1);
    expect(gelezen).toEqual([]);
    expect(verwerkingen().map((v) => v.activiteit)).toEqual(['kandidatenZoeken']);
  });
});

describe('werkplekken voor een verwijzing', () => {
  it('logt het inzien van de verwijzing als verwerking', async () => {
    vi.spyOn(logger, 'info');
    const v = verwijzing('01JF0000000000000000000006');
    const { matching } = opzet([], [v]);
    await matching.matchesVoorVerwijzing({ rol: 'gemeente', subject: 'klantmanager', gemeente: 'GM0363' }, v.id, { pageSize: 25 });
    expect(verwerkingen()).toEqual([expect.objectContaining({ activiteit: 'matchesZoeken', betrokkenen: [v.id] })]);
  });
});
