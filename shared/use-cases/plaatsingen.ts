import { ulid } from 'ulidx';
import type { Principal } from '../auth/rollen';
import { toegang, vereisToegang } from '../auth/toegang';
import { DomeinFout } from '../domain/fouten';
import type { Omgeving } from '../domain/leden';
import { nazorgBijWijziging, nazorgLeest, type NazorgPlanWijziging } from '../domain/nazorg';
import { gevolgen, nodigVoor, voerUit, voorstellen, type PlaatsingMutatie, type PlaatsingOpdracht } from '../domain/plaatsingen';
import { GemeenteInstellingen } from '../schemas/gemeenten';
import type { Nazorgmoment } from '../schemas/nazorg';
import { logVerwerking } from '../privacy/verwerkingen';
import type {
  Begeleidingsnotitie,
  Ontwikkeldoel,
  OntwikkeldoelWijziging,
  Ontwikkelplan,
  Plaatsing,
  PlaatsingFase,
  PlaatsingGebeurtenis,
} from '../schemas/plaatsingen';
import { GelijktijdigGewijzigd, type Pagina, type PlaatsingenLijst, type PlaatsingenStore } from './poorten';

/** What planning follow-ups needs beyond the placement: the gemeente's settings and the open moments. */
export interface NazorgPlanPoort {
  instellingen(gemeente: string): Promise<GemeenteInstellingen | undefined>;
  openMomenten(plaatsingId: string): Promise<Nazorgmoment[]>;
}

export interface PlaatsingenDeps {
  readonly store: PlaatsingenStore;
  /**
   * Follow-ups: the trial and the start plan them, an instrument adds its deadlines (and cancels those of the
   * one it replaces), the end cancels them — each in the placement's own transaction. Left out only by the counters' model tests, which plan none.
   */
  readonly nazorg?: NazorgPlanPoort;
  readonly klok?: () => Date;
  readonly nieuwId?: () => string;
}

/**
 * How often a change is read and decided again when its place or referral moved underneath it (another
 * placement took a place, the referral changed): enough for a burst of starts on one place.
 */
const POGINGEN = 4;

const omgeving = (deps: PlaatsingenDeps): Omgeving => ({ nu: (deps.klok?.() ?? new Date()).toISOString(), nieuwId: deps.nieuwId ?? (() => ulid()) });

const wacht = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads, decides and writes; again when the place or the referral changed in between. */
const metHerhaling = async <T>(poging: () => Promise<T>): Promise<T> => {
  for (let i = 1; ; i++) {
    try {
      return await poging();
    } catch (error) {
      if (!(error instanceof GelijktijdigGewijzigd)) throw error;
      if (i >= POGINGEN) throw new DomeinFout('conflict', 'De werkplek of de verwijzing van deze plaatsing werd steeds tegelijk gewijzigd. Probeer het opnieuw.');
      // Jitter, so the retries of a burst do not collide again in lockstep.
      await wacht(Math.random() * 20 * i);
    }
  }
};

export interface Uitkomst {
  readonly plaatsing: Plaatsing;
  readonly doel?: Ontwikkeldoel | undefined;
  readonly notitie?: Begeleidingsnotitie | undefined;
}

/**
 * The list a caller reads; the other filters narrow it (a member filtering on a gemeente sees its own
 * placements for that gemeente, never another member's).
 */
const lijstVan = (principal: Principal, filter: { gemeente?: string | undefined; lidId?: string | undefined }): PlaatsingenLijst => {
  switch (principal.rol) {
    case 'werkgever':
      return { lidId: principal.lidId };
    case 'gemeente':
      return { gemeente: principal.gemeente };
    case 'regiopartner':
      return { partnerId: principal.partnerId };
    case 'coopAdmin':
      if (filter.gemeente) return { gemeente: filter.gemeente };
      if (filter.lidId) return { lidId: filter.lidId };
      throw new DomeinFout('ongeldigeInvoer', 'Kies de plaatsingen van een gemeente (gemeente=GM…) of van een lid (lidId=…).', 'query.gemeente');
    case 'systeem':
      throw new DomeinFout('geenToegang', 'Deze rol ziet geen plaatsingen.');
  }
};

export const plaatsingenUseCases = (deps: PlaatsingenDeps) => {
  /** A placement the caller may see, or refused exactly as if it did not exist. */
  const zichtbaar = async (principal: Principal, plaatsingId: string): Promise<Plaatsing> => {
    const pl = await deps.store.haal(plaatsingId);
    vereisToegang(pl !== undefined && toegang.plaatsing(principal, pl), 'Deze plaatsing');
    return pl!;
  };

  /** The gemeente's settings as they are now: a later change of the cadence only reaches later starts. */
  const instellingen = async (gemeente: string) => (await deps.nazorg!.instellingen(gemeente)) ?? GemeenteInstellingen.parse({});

  /**
   * The follow-ups a change plans or cancels, decided by the domain (`nazorgLeest`, `nazorgBijWijziging`)
   * on what it asks to be read: the gemeente's settings when it plans (1 GetItem: the start, the trial, an
   * instrument with deadlines of its own), the placement's open moments when it may cancel some (1 Query:
   * the end, a start after a trial, an instrument that replaces one with deadlines, a close before the start
   * during the trial). Both in parallel; a change that touches no follow-up reads nothing more.
   */
  const nazorgPlan = async (voor: Plaatsing, opdracht: PlaatsingOpdracht, m: PlaatsingMutatie, env: Omgeving): Promise<NazorgPlanWijziging | undefined> => {
    if (!deps.nazorg) return undefined;
    const na = m.plaatsing;
    const leest = nazorgLeest(opdracht.actie, voor, na);
    const [inst, open] = await Promise.all([
      leest.instellingen ? instellingen(na.gemeente) : GemeenteInstellingen.parse({}),
      leest.open ? deps.nazorg.openMomenten(na.id) : [],
    ]);
    return nazorgBijWijziging(opdracht.actie, voor, na, { instellingen: inst, open }, env);
  };

  /** One change of an existing placement, with what it does to the place and the referral. */
  const wijzig = (principal: Principal, plaatsingId: string, opdracht: PlaatsingOpdracht, ifMatch: number | undefined) =>
    metHerhaling(async (): Promise<Uitkomst> => {
      const pl = await zichtbaar(principal, plaatsingId);
      const env = omgeving(deps);
      const mutatie = voerUit(pl, opdracht, principal, ifMatch, env);
      const nodig = nodigVoor(opdracht);
      const bij =
        nodig.werkplek || nodig.verwijzing
          ? await deps.store.haalVerwijzingEnWerkplek({
              ...(nodig.verwijzing ? { verwijzingId: pl.verwijzingId } : {}),
              ...(nodig.werkplek ? { werkplekId: pl.werkplekId } : {}),
            })
          : {};
      const nazorg = await nazorgPlan(pl, opdracht, mutatie, env);
      await deps.store.schrijf(mutatie, { ...gevolgen(mutatie, bij, principal, env), ...(nazorg ? { nazorg } : {}) });
      return { plaatsing: mutatie.plaatsing, doel: mutatie.doel, notitie: mutatie.notitie };
    });

  return {
    async voorstellen(principal: Principal, voorstel: { verwijzingId: string; werkplekId: string }): Promise<Plaatsing> {
      const { verwijzing, werkplek } = await deps.store.haalVerwijzingEnWerkplek(voorstel);
      if (!verwijzing) throw new DomeinFout('onverwerkbaar', `Verwijzing ${voorstel.verwijzingId} bestaat niet.`);
      if (!werkplek) throw new DomeinFout('onverwerkbaar', `Werkplek ${voorstel.werkplekId} bestaat niet.`);
      const mutatie = voorstellen(verwijzing, werkplek, principal, omgeving(deps));
      // The proposal only checks the referral's and the place's state (no counter changes), so there is nothing to decide again.
      await deps.store.schrijf(mutatie, {});
      logVerwerking({ activiteit: 'plaatsingVoorstellen', door: principal, betrokkenen: [verwijzing.id], status: 'gelukt' });
      return mutatie.plaatsing;
    },

    async ophalen(principal: Principal, plaatsingId: string): Promise<Plaatsing> {
      const pl = await zichtbaar(principal, plaatsingId);
      logVerwerking({ activiteit: 'plaatsingInzien', door: principal, betrokkenen: [pl.verwijzingId], status: 'gelukt' });
      return pl;
    },

    /**
     * A caller's own list: the member's, the gemeente's, the jobcoach organisation's. A coordinator picks
     * one — a gemeente or a member — since there is no list of all placements (the table's three indexes
     * are the member's, the gemeente's and the partner's lists).
     */
    async zoeken(
      principal: Principal,
      filter: {
        fase?: PlaatsingFase | undefined;
        verwijzingId?: string | undefined;
        werkplekId?: string | undefined;
        gemeente?: string | undefined;
        lidId?: string | undefined;
        pageSize: number;
        cursor?: string | undefined;
      },
    ): Promise<Pagina<Plaatsing>> {
      const pagina = await deps.store.zoek(lijstVan(principal, filter), filter);
      logVerwerking({ activiteit: 'plaatsingenZoeken', door: principal, betrokkenen: pagina.items.map((p) => p.verwijzingId), status: 'gelukt' });
      return pagina;
    },

    async geschiedenis(principal: Principal, plaatsingId: string, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<PlaatsingGebeurtenis>> {
      const pl = await zichtbaar(principal, plaatsingId);
      const r = await deps.store.gebeurtenissen(plaatsingId, pagina);
      logVerwerking({ activiteit: 'plaatsingGeschiedenisInzien', door: principal, betrokkenen: [pl.verwijzingId], status: 'gelukt' });
      return r;
    },

    async wijzigen(principal: Principal, plaatsingId: string, opdracht: PlaatsingOpdracht, ifMatch: number | undefined): Promise<Uitkomst> {
      const uitkomst = await wijzig(principal, plaatsingId, opdracht, ifMatch);
      logVerwerking({
        activiteit: opdracht.actie === 'notitieToevoegen' ? 'begeleidingsnotitieSchrijven' : 'plaatsingWijzigen',
        door: principal,
        betrokkenen: [uitkomst.plaatsing.verwijzingId],
        status: 'gelukt',
      });
      return uitkomst;
    },

    async ontwikkeldoelWijzigen(principal: Principal, plaatsingId: string, doelId: string, wijziging: OntwikkeldoelWijziging, ifMatch: number | undefined): Promise<Uitkomst> {
      // The goal is read with the placement (one BatchGetItem) instead of after it.
      const uitkomst = await metHerhaling(async () => {
        const { plaatsing: pl, doel } = await deps.store.haalMetDoel(plaatsingId, doelId);
        vereisToegang(pl !== undefined && toegang.plaatsing(principal, pl), 'Deze plaatsing');
        vereisToegang(doel !== undefined, 'Dit ontwikkeldoel');
        const mutatie = voerUit(pl!, { actie: 'ontwikkeldoelWijzigen', doel: doel!, wijziging }, principal, ifMatch, omgeving(deps));
        await deps.store.schrijf(mutatie, {});
        return { plaatsing: mutatie.plaatsing, doel: mutatie.doel };
      });
      logVerwerking({ activiteit: 'plaatsingWijzigen', door: principal, betrokkenen: [uitkomst.plaatsing.verwijzingId], status: 'gelukt' });
      return uitkomst;
    },

    async ontwikkelplan(principal: Principal, plaatsingId: string): Promise<{ plan: Ontwikkelplan; versie: number }> {
      const { plaatsing: pl, doelen, notities } = await deps.store.ontwikkelplan(plaatsingId);
      vereisToegang(pl !== undefined && toegang.plaatsing(principal, pl), 'Deze plaatsing');
      // Guidance notes are personal data about the candidate: every read is logged.
      logVerwerking({ activiteit: 'ontwikkelplanInzien', door: principal, betrokkenen: [pl!.verwijzingId], status: 'gelukt' });
      return { plan: { plaatsingId, doelen, notities }, versie: pl!.versie };
    },
  };
};
