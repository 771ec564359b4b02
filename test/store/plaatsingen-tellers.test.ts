import fc from 'fast-check';
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import { isZichtbaarInMatching } from '../../shared/domain/verwijzingen';
import { zoektKandidaten } from '../../shared/domain/werkplekken';
import { logger } from '../../shared/observability/logger';
import type { Verwijzing } from '../../shared/schemas/verwijzingen';
import type { Werkplek } from '../../shared/schemas/werkplekken';
import { dynamoPlaatsingenStore } from '../../shared/store/plaatsingen-store';
import { dynamoVerwijzingenStore } from '../../shared/store/verwijzingen-store';
import { dynamoWerkplekkenStore } from '../../shared/store/werkplekken-store';
import { plaatsingenUseCases } from '../../shared/use-cases/plaatsingen';
import { verwijzing, werkplek } from '../domain/plaatsingen-fixtures';
import { commandos, controleerTellers, modelStaat, modelStore, voerSessieUit, werkplekStatusMutatie, type Omgevingen } from '../domain/plaatsingen-model';
import { leesParen, leesVerwijzing, leesWerkplek, zaaiVerwijzing, zaaiWerkplek } from './plaatsingen-zaaien';
import { storeOmgeving } from './store-omgeving';

beforeAll(async () => {
  await storeOmgeving();
  logger.setLogLevel('WARN');
});

const beginstand = () => {
  const lidId = ulid();
  return {
    verwijzingen: [verwijzing(), verwijzing(), verwijzing({ gemeente: 'GM0599' })],
    werkplekken: [werkplek({ lidId, aantalPlaatsen: 1 }), werkplek({ lidId, aantalPlaatsen: 2 })],
  };
};

/** The same session on the model, in memory. */
const opHetModel = async (verwijzingen: Verwijzing[], werkplekken: Werkplek[], reeks: Parameters<typeof voerSessieUit>[3]) => {
  const staat = modelStaat(verwijzingen, werkplekken);
  const o: Omgevingen = {
    plaatsingen: plaatsingenUseCases({ store: modelStore(staat) }),
    werkplek: async (id) => staat.werkplekken.get(id)!,
    werkplekWijzigen: async (w, status, door) => void staat.werkplekken.set(w.id, werkplekStatusMutatie(w, status, door).werkplek),
    verwijzing: async (id) => staat.verwijzingen.get(id)!,
    verwijzingWijzigen: async (m) => void staat.verwijzingen.set(m.verwijzing.id, m.verwijzing),
  };
  return voerSessieUit(o, verwijzingen.map((v) => v.id), werkplekken.map((w) => w.id), reeks);
};

/** The session on DynamoDB Local: the real stores of placements, places and referrals. */
const opDeTabel = async (verwijzingen: Verwijzing[], werkplekken: Werkplek[], reeks: Parameters<typeof voerSessieUit>[3]) => {
  for (const v of verwijzingen) await zaaiVerwijzing(v);
  for (const w of werkplekken) await zaaiWerkplek(w);
  const werkplekStore = dynamoWerkplekkenStore();
  const verwijzingStore = dynamoVerwijzingenStore();
  const o: Omgevingen = {
    plaatsingen: plaatsingenUseCases({ store: dynamoPlaatsingenStore() }),
    werkplek: async (id) => (await werkplekStore.haal(id))!,
    werkplekWijzigen: (w, status, door) => werkplekStore.pasToe(werkplekStatusMutatie(w, status, door)),
    verwijzing: async (id) => (await verwijzingStore.haal(id))!,
    verwijzingWijzigen: (m) => verwijzingStore.pasToe(m),
  };
  return voerSessieUit(o, verwijzingen.map((v) => v.id), werkplekken.map((w) => w.id), reeks);
};

describe('de tellers in de tabel volgen de plaatsingen (DynamoDB Local, dezelfde reeksen als het model)', () => {
  it('geeft per opdracht dezelfde uitkomst als het model, en de tabel houdt tellers, matchingsleutels en paarbewaking gelijk aan de plaatsingen', async () => {
    await fc.assert(
      fc.asyncProperty(commandos(3, 2), async (reeks) => {
        const { verwijzingen, werkplekken } = beginstand();
        const model = await opHetModel(verwijzingen, werkplekken, reeks);
        const tabel = await opDeTabel(verwijzingen, werkplekken, reeks);
        expect(tabel.uitkomsten).toEqual(model.uitkomsten);

        const store = dynamoPlaatsingenStore();
        const plaatsingen = await Promise.all(tabel.plaatsingIds.map(async (id) => (await store.haal(id))!));
        const w = await Promise.all(werkplekken.map((x) => leesWerkplek(x.id)));
        const v = await Promise.all(verwijzingen.map((x) => leesVerwijzing(x.id)));
        const paren = new Map([...(await Promise.all(verwijzingen.map((x) => leesParen(x.id))))].flatMap((m) => [...m]));
        controleerTellers({ plaatsingen, werkplekken: w.map((x) => x.werkplek), verwijzingen: v.map((x) => x.verwijzing), paren });
        // The sparse matching keys follow the counters in the same writes.
        for (const x of w) expect(x.inMatching).toBe(zoektKandidaten(x.werkplek));
        for (const x of v) expect(x.zoekprofielen).toBe(isZichtbaarInMatching(x.verwijzing) ? x.verwijzing.werksoortVoorkeuren.length : 0);
      }),
      { numRuns: 25 },
    );
    // 25 sequences of real transactions: ~10 s on an idle machine; the default 30 s is too tight under load.
  }, 120_000);
});
