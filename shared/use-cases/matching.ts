import type { Principal } from '../auth/rollen';
import { toegang, vereisToegang } from '../auth/toegang';
import { DomeinFout } from '../domain/fouten';
import { matchscore, pagineer, rangschik } from '../domain/matching';
import { isZichtbaarInMatching, kandidaatprofiel } from '../domain/verwijzingen';
import { logVerwerking } from '../privacy/verwerkingen';
import type { Kandidaatprofiel } from '../schemas/verwijzingen';
import type { Matchscore, Werkplek } from '../schemas/werkplekken';
import type { MatchingStore, Pagina, WerkplekkenStore } from './poorten';

export interface MatchingDeps {
  readonly store: MatchingStore;
  readonly werkplekken: Pick<WerkplekkenStore, 'haal'>;
}

type PaginaVraag = { pageSize: number; cursor?: string | undefined };

/**
 * Suggestions in both directions, ranked with their reasons. Matching proposes and people decide: these
 * use cases only read. Both read the sparse matching keys (see shared/store/matching-store.ts), never a scan.
 */
export const matchingUseCases = (deps: MatchingDeps) => ({
  /**
   * Open places for a referral: for its gemeente and the coordinators. Only a placeable (bemiddelbaar)
   * referral is matched; before intake its profile is not settled, after placement or return it is done —
   * answered as a conflict with the reason, rather than an empty list that would read as "no places".
   */
  async matchesVoorVerwijzing(principal: Principal, verwijzingId: string, pagina: PaginaVraag): Promise<Pagina<{ werkplek: Werkplek; score: Matchscore }>> {
    const v = await deps.store.verwijzing(verwijzingId);
    vereisToegang(v !== undefined && toegang.verwijzing(principal, v), 'Deze verwijzing');
    if (v!.status !== 'bemiddelbaar')
      throw new DomeinFout('ongeldigeOvergang', `Alleen een bemiddelbare verwijzing wordt gematcht; deze verwijzing is '${v!.status}'.`);
    const werkplekken = await deps.store.openWerkplekken(v!.arbeidsmarktregio, [...new Set(v!.werksoortVoorkeuren)]);
    const gerangschikt = rangschik(werkplekken.map((werkplek) => ({ id: werkplek.id, werkplek, score: matchscore(v!, werkplek) })));
    const r = pagineer(gerangschikt, pagina.pageSize, pagina.cursor);
    logVerwerking({ activiteit: 'matchesZoeken', door: principal, betrokkenen: [v!.id], status: 'gelukt' });
    return { items: r.items.map(({ werkplek, score }) => ({ werkplek, score })), cursor: r.cursor };
  },

  /**
   * Candidates for a place: for the member that offers it and the coordinators, who see what that member
   * sees — the anonymous profile, and name and contact only of candidates who consented to meet it.
   */
  async kandidatenVoorWerkplek(principal: Principal, werkplekId: string, pagina: PaginaVraag): Promise<Pagina<{ profiel: Kandidaatprofiel; score: Matchscore }>> {
    const w = await deps.werkplekken.haal(werkplekId);
    vereisToegang(w !== undefined && toegang.werkplekBeheren(principal, w), 'Deze werkplek');
    if (w!.status !== 'open')
      throw new DomeinFout('ongeldigeOvergang', `Alleen voor een open werkplek worden kandidaten gezocht; deze werkplek is '${w!.status}'.`);
    const profielen = await deps.store.kandidaten(w!.arbeidsmarktregio, w!.werksoort);
    const gerangschikt = rangschik(profielen.map((z) => ({ id: z.verwijzingId, zoekprofiel: z, score: matchscore({ ...z.profiel, mobiliteit: z.mobiliteit }, w!) })));
    const r = pagineer(gerangschikt, pagina.pageSize, pagina.cursor);

    // The index (a GSI) may lag the referral by a moment. Name and contact are released only from the
    // referral itself, read consistently, and only for those the index says consented: a consent withdrawn,
    // or a candidate placed or withdrawn a moment ago, releases nothing.
    const metToestemming = r.items.filter(({ zoekprofiel }) => zoekprofiel.toestemmingWerkgevers.includes(w!.lidId)).map(({ id }) => id);
    const actueel = new Map((metToestemming.length > 0 ? await deps.store.verwijzingen(metToestemming) : []).map((v) => [v.id, v] as const));
    const items = r.items.flatMap(({ zoekprofiel, score }) => {
      if (!metToestemming.includes(zoekprofiel.verwijzingId)) return [{ profiel: { ...zoekprofiel.profiel }, score }];
      const v = actueel.get(zoekprofiel.verwijzingId);
      return v && isZichtbaarInMatching(v) ? [{ profiel: kandidaatprofiel(v, w!.lidId), score }] : [];
    });

    logVerwerking({ activiteit: 'kandidatenZoeken', door: principal, betrokkenen: items.map((i) => i.profiel.verwijzingId), status: 'gelukt' });
    const vrijgegeven = items.filter((i) => i.profiel.kandidaat !== undefined).map((i) => i.profiel.verwijzingId);
    if (vrijgegeven.length > 0) logVerwerking({ activiteit: 'kandidaatContactVrijgeven', door: principal, betrokkenen: vrijgegeven, status: 'gelukt' });
    return { items, cursor: r.cursor };
  },
});
