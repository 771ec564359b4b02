import fc from 'fast-check';
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import { logger } from '../../shared/observability/logger';
import { plaatsingenUseCases } from '../../shared/use-cases/plaatsingen';
import { admin, contract, verwijzing, werkplek } from './plaatsingen-fixtures';
import { commandos, controleerTellers, modelStaat, modelStore, voerSessieUit, werkplekStatusMutatie, type ModelStaat } from './plaatsingen-model';

beforeAll(() => logger.setLogLevel('WARN'));

/** Three candidates and two places (one with one place, one with two) share every session. */
const wereld = () => {
  const lid = ulid();
  const verwijzingen = [verwijzing(), verwijzing(), verwijzing({ gemeente: 'GM0599' })];
  const werkplekken = [werkplek({ lidId: lid, aantalPlaatsen: 1 }), werkplek({ lidId: lid, aantalPlaatsen: 2 })];
  const staat = modelStaat(verwijzingen, werkplekken);
  const plaatsingen = plaatsingenUseCases({ store: modelStore(staat) });
  return { staat, plaatsingen, verwijzingIds: verwijzingen.map((v) => v.id), werkplekIds: werkplekken.map((w) => w.id) };
};

const omgevingen = (staat: ModelStaat, plaatsingen: ReturnType<typeof plaatsingenUseCases>) => ({
  plaatsingen,
  werkplek: async (id: string) => staat.werkplekken.get(id)!,
  werkplekWijzigen: async (w: Parameters<typeof werkplekStatusMutatie>[0], status: 'open' | 'gesloten') => {
    const m = werkplekStatusMutatie(w, status, admin);
    staat.werkplekken.set(w.id, m.werkplek);
  },
  verwijzing: async (id: string) => staat.verwijzingen.get(id)!,
  verwijzingWijzigen: async (m: { verwijzing: import('../../shared/schemas/verwijzingen').Verwijzing }) => {
    staat.verwijzingen.set(m.verwijzing.id, m.verwijzing);
  },
});

const tellers = (staat: ModelStaat) => ({
  plaatsingen: [...staat.plaatsingen.values()],
  werkplekken: [...staat.werkplekken.values()],
  verwijzingen: [...staat.verwijzingen.values()],
  paren: staat.paren,
});

describe('de tellers volgen de plaatsingen (model van de opslag, met de echte use cases)', () => {
  it('na elke stap van een reeks opdrachten op plaatsingen die werkplekken en verwijzingen delen, zijn de tellers precies wat de plaatsingen zeggen', async () => {
    const gezien = new Map<string, number>();
    const fasen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(commandos(3, 2), async (reeks) => {
        const { staat, plaatsingen, verwijzingIds, werkplekIds } = wereld();
        const o = omgevingen(staat, plaatsingen);
        const { uitkomsten } = await voerSessieUit(o, verwijzingIds, werkplekIds, reeks, () => controleerTellers(tellers(staat)));
        for (const u of uitkomsten) gezien.set(u, (gezien.get(u) ?? 0) + 1);
        for (const pl of staat.plaatsingen.values()) fasen.add(pl.fase);
      }),
      { numRuns: 300 },
    );
    // The sessions got somewhere: every phase was reached and the stores refused for the reasons they should.
    expect([...fasen].sort()).toEqual(['afgewezen', 'beeindigd', 'geannuleerd', 'gestart', 'kennismaking', 'proefplaatsing', 'voorgesteld']);
    expect([...gezien.keys()]).toEqual(expect.arrayContaining(['ok', 'conflict', 'ongeldigeOvergang']));
    expect(gezien.get('ok')! / [...gezien.values()].reduce((a, b) => a + b)).toBeGreaterThan(0.3);
  });

  it('twee starts op de laatste vrije plaats: de tweede leest opnieuw en krijgt "geen vrije plaats"', async () => {
    const { staat, plaatsingen, verwijzingIds, werkplekIds } = wereld();
    const a = await plaatsingen.voorstellen(admin, { verwijzingId: verwijzingIds[0]!, werkplekId: werkplekIds[0]! });
    const b = await plaatsingen.voorstellen(admin, { verwijzingId: verwijzingIds[1]!, werkplekId: werkplekIds[0]! });
    for (const p of [a, b]) await plaatsingen.wijzigen(admin, p.id, { actie: 'kennismaking', datum: '2026-12-01' }, undefined);
    await plaatsingen.wijzigen(admin, a.id, { actie: 'starten', contract: contract() }, undefined);
    await expect(plaatsingen.wijzigen(admin, b.id, { actie: 'starten', contract: contract() }, undefined)).rejects.toMatchObject({ soort: 'ongeldigeOvergang' });
    expect(staat.werkplekken.get(werkplekIds[0]!)).toMatchObject({ aantalBezet: 1, status: 'vervuld' });
    controleerTellers(tellers(staat));
  });
});
