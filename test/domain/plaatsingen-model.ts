import fc from 'fast-check';
import { expect } from 'vitest';
import type { Principal } from '../../shared/auth/rollen';
import { DomeinFout } from '../../shared/domain/fouten';
import { isOpen, type PlaatsingOpdracht } from '../../shared/domain/plaatsingen';
import { voerUit as verwijzingVoerUit } from '../../shared/domain/verwijzingen';
import { afgeleideStatus, wijzigen as werkplekWijzigen } from '../../shared/domain/werkplekken';
import type { Begeleidingsnotitie, Ontwikkeldoel, Plaatsing, PlaatsingGebeurtenis } from '../../shared/schemas/plaatsingen';
import type { Verwijzing } from '../../shared/schemas/verwijzingen';
import type { Werkplek } from '../../shared/schemas/werkplekken';
import type { plaatsingenUseCases } from '../../shared/use-cases/plaatsingen';
import { GelijktijdigGewijzigd, type PlaatsingenStore } from '../../shared/use-cases/poorten';
import { admin, contract, omgeving } from './plaatsingen-fixtures';

/**
 * A model of the placement store: the same conditions the DynamoDB transaction holds (the placement's
 * version, the pair guard, the referral's and place's state, the versions of place and referral), kept
 * in maps. The property tests run the real use cases on it; the engine test runs the same command
 * sequences on DynamoDB Local and must give the same outcomes and the same counters.
 */
export interface ModelStaat {
  readonly plaatsingen: Map<string, Plaatsing>;
  readonly gebeurtenissen: PlaatsingGebeurtenis[];
  readonly paren: Map<string, string>;
  readonly verwijzingen: Map<string, Verwijzing>;
  readonly werkplekken: Map<string, Werkplek>;
  readonly partners: Set<string>;
  readonly doelen: Map<string, Ontwikkeldoel>;
  readonly notities: Begeleidingsnotitie[];
}

export const modelStaat = (verwijzingen: Verwijzing[], werkplekken: Werkplek[]): ModelStaat => ({
  plaatsingen: new Map(),
  gebeurtenissen: [],
  paren: new Map(),
  verwijzingen: new Map(verwijzingen.map((v) => [v.id, v])),
  werkplekken: new Map(werkplekken.map((w) => [w.id, w])),
  partners: new Set(),
  doelen: new Map(),
  notities: [],
});

const paar = (pl: Plaatsing) => `${pl.verwijzingId}/${pl.werkplekId}`;

export const modelStore = (s: ModelStaat): PlaatsingenStore => ({
  async haal(id) {
    return s.plaatsingen.get(id);
  },
  async haalMetDoel(id, doelId) {
    return { plaatsing: s.plaatsingen.get(id), doel: s.doelen.get(`${id}/${doelId}`) };
  },
  async haalVerwijzingEnWerkplek({ verwijzingId, werkplekId }) {
    return { verwijzing: verwijzingId ? s.verwijzingen.get(verwijzingId) : undefined, werkplek: werkplekId ? s.werkplekken.get(werkplekId) : undefined };
  },
  async zoek(lijst, filter) {
    const items = [...s.plaatsingen.values()].filter(
      (p) =>
        ('lidId' in lijst ? p.lidId === lijst.lidId : 'gemeente' in lijst ? p.gemeente === lijst.gemeente : p.jobcoachPartnerId === lijst.partnerId) &&
        (['fase', 'verwijzingId', 'werkplekId', 'gemeente', 'lidId'] as const).every((k) => filter[k] === undefined || p[k] === filter[k]),
    );
    return { items, cursor: undefined };
  },
  async gebeurtenissen(id) {
    return { items: s.gebeurtenissen.filter((g) => g.plaatsingId === id), cursor: undefined };
  },
  async ontwikkelplan(id) {
    return {
      plaatsing: s.plaatsingen.get(id),
      doelen: [...s.doelen].filter(([k]) => k.startsWith(`${id}/`)).map(([, d]) => d),
      notities: s.notities.filter((n) => s.gebeurtenissen.some((g) => g.plaatsingId === id && g.onderwerpId === n.id)),
    };
  },
  async schrijf(m, g) {
    const pl = m.plaatsing;
    const huidig = s.plaatsingen.get(pl.id);
    // The conditions, in the order the store reports them.
    if (m.verwachteVersie === undefined ? huidig !== undefined : huidig?.versie !== m.verwachteVersie)
      throw new DomeinFout('verouderd', 'de plaatsing is gewijzigd');
    if (m.paar === 'claimen' && s.paren.has(paar(pl))) throw new DomeinFout('conflict', 'het paar heeft al een open plaatsing');
    if (m.paar === 'vrijgeven' && s.paren.get(paar(pl)) !== pl.id) throw new DomeinFout('verouderd', 'het paar is niet van deze plaatsing');
    if (m.verwijzingBemiddelbaar && s.verwijzingen.get(pl.verwijzingId)?.status !== 'bemiddelbaar') throw new DomeinFout('ongeldigeOvergang', 'niet bemiddelbaar');
    const w = s.werkplekken.get(pl.werkplekId);
    if (m.werkplekOpen && !(w?.status === 'open' && w.aantalBezet < w.aantalPlaatsen)) throw new DomeinFout('ongeldigeOvergang', 'werkplek niet open');
    if (m.jobcoachPartnerId && !s.partners.has(m.jobcoachPartnerId)) throw new DomeinFout('onverwerkbaar', 'geen jobcoachorganisatie');
    if (g.werkplek && s.werkplekken.get(g.werkplek.werkplek.id)?.versie !== g.werkplek.verwachteVersie) throw new GelijktijdigGewijzigd();
    if (g.verwijzing && s.verwijzingen.get(g.verwijzing.verwijzing.id)?.versie !== g.verwijzing.verwachteVersie) throw new GelijktijdigGewijzigd();

    s.plaatsingen.set(pl.id, pl);
    s.gebeurtenissen.push(m.gebeurtenis);
    if (m.paar === 'claimen') s.paren.set(paar(pl), pl.id);
    if (m.paar === 'vrijgeven') s.paren.delete(paar(pl));
    if (m.doel) s.doelen.set(`${pl.id}/${m.doel.id}`, m.doel);
    if (m.notitie) s.notities.push(m.notitie);
    if (g.werkplek) s.werkplekken.set(g.werkplek.werkplek.id, g.werkplek.werkplek);
    if (g.verwijzing) s.verwijzingen.set(g.verwijzing.verwijzing.id, g.verwijzing.verwijzing);
  },
});

/** One step of a random session: placements are named by the order they were proposed in. */
export type Commando =
  | { readonly soort: 'voorstellen'; readonly v: number; readonly w: number }
  | { readonly soort: 'plaatsing'; readonly p: number; readonly opdracht: PlaatsingOpdracht }
  | { readonly soort: 'werkplek'; readonly w: number; readonly status: 'open' | 'gesloten' }
  | { readonly soort: 'terugmelden'; readonly v: number };

const fasestappen: fc.Arbitrary<PlaatsingOpdracht> = fc.oneof(
  { arbitrary: fc.constant({ actie: 'kennismaking' as const, datum: '2026-12-01' }), weight: 3 },
  { arbitrary: fc.constant({ actie: 'proefplaatsing' as const, startdatum: '2026-12-07', einddatum: '2027-01-31' }), weight: 1 },
  { arbitrary: fc.constant({ actie: 'starten' as const, contract: contract() }), weight: 4 },
  {
    arbitrary: fc.record({
      actie: fc.constant('beeindigen' as const),
      einddatum: fc.constant('2027-06-30'),
      reden: fc.constantFrom('uitstroomRegulierWerk', 'contractNietVerlengd', 'terugNaarGemeente', 'eigenVerzoek' as const),
    }),
    weight: 2,
  },
  { arbitrary: fc.constant({ actie: 'afwijzen' as const, reden: 'Past niet' }), weight: 1 },
  { arbitrary: fc.constant({ actie: 'annuleren' as const, reden: 'Verhuisd' }), weight: 1 },
);

export const commandos = (aantalVerwijzingen: number, aantalWerkplekken: number): fc.Arbitrary<Commando[]> =>
  fc.array(
    fc.oneof(
      { arbitrary: fc.record({ soort: fc.constant('voorstellen' as const), v: fc.nat(aantalVerwijzingen - 1), w: fc.nat(aantalWerkplekken - 1) }), weight: 3 },
      { arbitrary: fc.record({ soort: fc.constant('plaatsing' as const), p: fc.nat(20), opdracht: fasestappen }), weight: 8 },
      { arbitrary: fc.record({ soort: fc.constant('werkplek' as const), w: fc.nat(aantalWerkplekken - 1), status: fc.constantFrom('open' as const, 'gesloten' as const) }), weight: 1 },
      { arbitrary: fc.record({ soort: fc.constant('terugmelden' as const), v: fc.nat(aantalVerwijzingen - 1) }), weight: 1 },
    ),
    { minLength: 5, maxLength: 40 },
  );

/** What the world around the placements offers a session: the member closing a place, the coordinator returning a referral. */
export interface Omgevingen {
  readonly plaatsingen: ReturnType<typeof plaatsingenUseCases>;
  readonly werkplek: (id: string) => Promise<Werkplek>;
  readonly werkplekWijzigen: (w: Werkplek, status: 'open' | 'gesloten', door: Principal) => Promise<void>;
  readonly verwijzing: (id: string) => Promise<Verwijzing>;
  readonly verwijzingWijzigen: (m: ReturnType<typeof verwijzingVoerUit>) => Promise<void>;
}

/**
 * Runs a session; answers each command's outcome ('ok' or the refusal's kind) and the placements made.
 * `naElkeStap` runs after every command, so an invariant is checked along the way, not just at the end.
 */
export const voerSessieUit = async (
  o: Omgevingen,
  verwijzingIds: string[],
  werkplekIds: string[],
  reeks: Commando[],
  naElkeStap: () => Promise<void> | void = () => undefined,
) => {
  const plaatsingIds: string[] = [];
  const uitkomsten: string[] = [];
  const poging = async (f: () => Promise<unknown>) => {
    try {
      await f();
      uitkomsten.push('ok');
    } catch (e) {
      if (!(e instanceof DomeinFout)) throw e;
      uitkomsten.push(e.soort);
    }
  };
  for (const c of reeks) {
    switch (c.soort) {
      case 'voorstellen':
        await poging(async () => {
          const pl = await o.plaatsingen.voorstellen(admin, { verwijzingId: verwijzingIds[c.v]!, werkplekId: werkplekIds[c.w]! });
          plaatsingIds.push(pl.id);
        });
        break;
      case 'plaatsing':
        if (plaatsingIds.length === 0) uitkomsten.push('geenPlaatsing');
        else await poging(() => o.plaatsingen.wijzigen(admin, plaatsingIds[c.p % plaatsingIds.length]!, c.opdracht, undefined));
        break;
      case 'werkplek':
        await poging(async () => o.werkplekWijzigen(await o.werkplek(werkplekIds[c.w]!), c.status, admin));
        break;
      case 'terugmelden':
        await poging(async () => o.verwijzingWijzigen(verwijzingVoerUit(await o.verwijzing(verwijzingIds[c.v]!), 'terugmelden', admin, { reden: 'Verhuisd' }, omgeving())));
        break;
    }
    await naElkeStap();
  }
  return { plaatsingIds, uitkomsten };
};

/** The member's choice of open or closed, as the werkplekken domain takes it. */
export const werkplekStatusMutatie = (w: Werkplek, status: 'open' | 'gesloten', door: Principal) => werkplekWijzigen(w, { status }, door, undefined, omgeving());

/**
 * The counters equal what the placements say, and nothing reached a state the rules forbid: each place
 * holds its started placements and its status follows from them (unless closed); each referral counts
 * its started placements and has at most one running; the open placements hold exactly the pair guards.
 */
export const controleerTellers = (st: { plaatsingen: Plaatsing[]; werkplekken: Werkplek[]; verwijzingen: Verwijzing[]; paren: Map<string, string> }) => {
  for (const w of st.werkplekken) {
    const gestart = st.plaatsingen.filter((p) => p.werkplekId === w.id && p.fase === 'gestart').length;
    expect(w.aantalBezet, `werkplek ${w.id}`).toBe(gestart);
    expect(w.aantalBezet).toBeLessThanOrEqual(w.aantalPlaatsen);
    if (w.status !== 'gesloten') expect(w.status).toBe(afgeleideStatus('open', w));
  }
  for (const v of st.verwijzingen) {
    const eigen = st.plaatsingen.filter((p) => p.verwijzingId === v.id);
    expect(v.aantalPlaatsingen, `verwijzing ${v.id}`).toBe(eigen.filter((p) => p.fase === 'gestart' || p.fase === 'beeindigd').length);
    expect(eigen.filter((p) => p.fase === 'gestart').length).toBeLessThanOrEqual(1);
    if (eigen.some((p) => p.fase === 'gestart')) expect(v.status).toBe('geplaatst');
    if (v.status === 'teruggemeld' && v.aantalPlaatsingen > 0) expect(eigen.some((p) => p.beeindiging?.reden === 'terugNaarGemeente')).toBe(true);
  }
  const open = st.plaatsingen.filter((p) => isOpen(p.fase));
  expect(new Map(open.map((p) => [`${p.verwijzingId}/${p.werkplekId}`, p.id]))).toEqual(st.paren);
  expect(new Set(open.map((p) => `${p.verwijzingId}/${p.werkplekId}`)).size).toBe(open.length);
};
