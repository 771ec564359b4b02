import { ulid } from 'ulidx';
import type { Principal } from '../auth/rollen';
import { toegang, vereisToegang } from '../auth/toegang';
import { DomeinFout } from '../domain/fouten';
import type { Omgeving } from '../domain/leden';
import { beantwoord, escalatieAfhandelen, momentToevoegen, momentVerplaatsen, STANDAARD_REACTIETERMIJN_DAGEN, vereisEscalatieRol, type AntwoordMutatie } from '../domain/nazorg';
import { logVerwerking } from '../privacy/verwerkingen';
import type { Gemeente } from '../schemas/gemeenten';
import type { Escalatie, EscalatieAfhandeling, NazorgAntwoordInvoer, Nazorgmoment, Risicosignaal } from '../schemas/nazorg';
import type { Plaatsing } from '../schemas/plaatsingen';
import { GelijktijdigGewijzigd, type Pagina } from './poorten';

export interface NazorgStore {
  /** A moment by id with its placement (and its gemeente when asked): the pointer, then one BatchGetItem. */
  haalMetPlaatsing(momentId: string, metGemeente?: boolean): Promise<{ moment?: Nazorgmoment | undefined; plaatsing?: Plaatsing | undefined; gemeente?: Gemeente | undefined }>;
  /** The placement and all its moments, in one Query of its partition. */
  partitie(plaatsingId: string): Promise<{ plaatsing?: Plaatsing | undefined; momenten: Nazorgmoment[] }>;
  /** The placement's moments still `gepland` or `verstuurd`. */
  openMomenten(plaatsingId: string): Promise<Nazorgmoment[]>;
  /** `nu`: when it is written, which decides the day it is sent (`verzenddag`). */
  voegToe(moment: Nazorgmoment, nu: string): Promise<void>;
  verplaats(oud: Nazorgmoment, nieuw: Nazorgmoment, nu: string): Promise<void>;
  /**
   * 'verouderd' when the moment changed; GelijktijdigGewijzigd when the placement did (read again). With a
   * personal link, its use is part of the same transaction: 'conflict' when the link is used or expired.
   */
  beantwoord(mutatie: AntwoordMutatie, viaLink?: ViaLink): Promise<void>;
  escalaties(status: Escalatie['status'], pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<Escalatie>>;
}

/** One escalation and closing it (the list by status is NazorgStore.escalaties). */
export interface EscalatieStore {
  /** The escalation and the referral of its placement (the candidate it is about, for the processing log). */
  haal(escalatieId: string): Promise<{ escalatie?: Escalatie | undefined; verwijzingId?: string | undefined }>;
  /**
   * The referrals of placements, by placement id: for escalations made before they carried their referral
   * (one BatchGetItem, projected; none when every escalation carries it).
   */
  verwijzingenVan(plaatsingIds: readonly string[]): Promise<Map<string, string>>;
  /** Writes the closed escalation, conditional on it still being open: 'conflict' when it no longer is. */
  handelAf(afgehandeld: Escalatie): Promise<void>;
}

/** An answer given through a personal link (shared/domain/nazorglinks.ts): the link is used by the answer's write. */
export interface ViaLink {
  readonly sleutelHash: string;
}

export interface NazorgDeps {
  readonly store: NazorgStore;
  readonly escalaties: EscalatieStore;
  readonly klok?: () => Date;
  readonly nieuwId?: () => string;
}

const POGINGEN = 4;

export const nazorgUseCases = (deps: NazorgDeps) => {
  const omgeving = (): Omgeving => ({ nu: (deps.klok?.() ?? new Date()).toISOString(), nieuwId: deps.nieuwId ?? (() => ulid()) });

  const zichtbaarMoment = async (principal: Principal, momentId: string, metGemeente = false) => {
    const r = await deps.store.haalMetPlaatsing(momentId, metGemeente);
    vereisToegang(r.moment !== undefined && r.plaatsing !== undefined && toegang.plaatsing(principal, r.plaatsing), 'Dit nazorgmoment');
    return { moment: r.moment!, plaatsing: r.plaatsing!, gemeente: r.gemeente };
  };

  const zichtbarePartitie = async (principal: Principal, plaatsingId: string) => {
    const r = await deps.store.partitie(plaatsingId);
    vereisToegang(r.plaatsing !== undefined && toegang.plaatsing(principal, r.plaatsing), 'Deze plaatsing');
    return { plaatsing: r.plaatsing!, momenten: r.momenten };
  };

  /** Coordinators only (403), then an escalation that exists (404). */
  const zichtbareEscalatie = async (principal: Principal, escalatieId: string) => {
    vereisEscalatieRol(principal);
    const r = await deps.escalaties.haal(escalatieId);
    vereisToegang(r.escalatie !== undefined && toegang.escalatie(principal, r.escalatie), 'Deze escalatie');
    return { escalatie: r.escalatie!, verwijzingId: r.verwijzingId };
  };

  return {
    async lijst(principal: Principal, plaatsingId: string): Promise<{ nazorgmomenten: Nazorgmoment[]; risico?: Risicosignaal }> {
      const { plaatsing, momenten } = await zichtbarePartitie(principal, plaatsingId);
      logVerwerking({ activiteit: 'plaatsingInzien', door: principal, betrokkenen: [plaatsing.verwijzingId], status: 'gelukt' });
      return { nazorgmomenten: momenten, ...(plaatsing.risico ? { risico: plaatsing.risico } : {}) };
    },

    async ophalen(principal: Principal, momentId: string): Promise<Nazorgmoment> {
      const { moment, plaatsing } = await zichtbaarMoment(principal, momentId);
      logVerwerking({ activiteit: 'plaatsingInzien', door: principal, betrokkenen: [plaatsing.verwijzingId], status: 'gelukt' });
      return moment;
    },

    async toevoegen(principal: Principal, plaatsingId: string, invoer: { vervaldatum: string; soort: 'regulier' }): Promise<Nazorgmoment> {
      const { plaatsing, momenten } = await zichtbarePartitie(principal, plaatsingId);
      // The placement's own reactietermijn, as planned at its start: a later change of the settings is not read here.
      const reactietermijn = momenten[0]?.reactietermijnDagen ?? STANDAARD_REACTIETERMIJN_DAGEN;
      const o = omgeving();
      const moment = momentToevoegen(plaatsing, momenten, invoer, principal, reactietermijn, o);
      await deps.store.voegToe(moment, o.nu);
      logVerwerking({ activiteit: 'plaatsingWijzigen', door: principal, betrokkenen: [plaatsing.verwijzingId], status: 'gelukt' });
      return moment;
    },

    async verplaatsen(principal: Principal, momentId: string, vervaldatum: string, ifMatch: number | undefined): Promise<Nazorgmoment> {
      const { moment: m, plaatsing: pl } = await zichtbaarMoment(principal, momentId);
      const { momenten } = await deps.store.partitie(pl.id);
      const nieuw = momentVerplaatsen(pl, momenten, m, vervaldatum, principal, ifMatch);
      if (nieuw.vervaldatum === m.vervaldatum) return m;
      await deps.store.verplaats(m, nieuw, omgeving().nu);
      logVerwerking({ activiteit: 'plaatsingWijzigen', door: principal, betrokkenen: [pl.verwijzingId], status: 'gelukt' });
      return nieuw;
    },

    /** Read, decide, write; again when the placement changed in between (the answerer sent no ETag for it). */
    async beantwoorden(principal: Principal, momentId: string, invoer: NazorgAntwoordInvoer, viaLink?: ViaLink): Promise<Nazorgmoment> {
      for (let i = 1; ; i++) {
        const { moment, plaatsing, gemeente } = await zichtbaarMoment(principal, momentId, true);
        if (!gemeente) throw new Error(`De gemeente ${plaatsing.gemeente} van plaatsing ${plaatsing.id} ontbreekt.`);
        const mutatie = beantwoord(plaatsing, moment, invoer, principal, gemeente, omgeving());
        try {
          await deps.store.beantwoord(mutatie, viaLink);
          logVerwerking({ activiteit: 'plaatsingWijzigen', door: principal, betrokkenen: [plaatsing.verwijzingId], status: 'gelukt' });
          return mutatie.moment;
        } catch (error) {
          if (!(error instanceof GelijktijdigGewijzigd) && !(error instanceof DomeinFout && error.soort === 'verouderd')) throw error;
          if (i >= POGINGEN) throw new DomeinFout('conflict', 'Het nazorgmoment of de plaatsing werd steeds tegelijk gewijzigd. Probeer het opnieuw.');
        }
      }
    },

    async escalatie(principal: Principal, escalatieId: string): Promise<Escalatie> {
      const { escalatie, verwijzingId } = await zichtbareEscalatie(principal, escalatieId);
      logVerwerking({ activiteit: 'escalatieInzien', door: principal, betrokkenen: verwijzingId ? [verwijzingId] : [], status: 'gelukt' });
      return escalatie;
    },

    /** Read, decide, write conditional on it still being open: a second close, or one that lost a race, is 409. */
    async escalatieAfhandelen(principal: Principal, escalatieId: string, invoer: EscalatieAfhandeling): Promise<Escalatie> {
      const { escalatie, verwijzingId } = await zichtbareEscalatie(principal, escalatieId);
      const afgehandeld = escalatieAfhandelen(escalatie, invoer, principal, omgeving().nu);
      await deps.escalaties.handelAf(afgehandeld);
      logVerwerking({ activiteit: 'escalatieAfhandelen', door: principal, betrokkenen: verwijzingId ? [verwijzingId] : [], status: 'gelukt' });
      return afgehandeld;
    },

    /** The list names candidates (by placement and reasons): each referral on the page is logged as read. */
    async escalaties(principal: Principal, filter: { status: Escalatie['status']; pageSize: number; cursor?: string | undefined }): Promise<Pagina<Escalatie>> {
      vereisEscalatieRol(principal);
      const pagina = await deps.store.escalaties(filter.status, filter);
      const zonder = [...new Set(pagina.items.filter((e) => !e.verwijzingId).map((e) => e.plaatsingId))];
      const oud = zonder.length > 0 ? await deps.escalaties.verwijzingenVan(zonder) : new Map<string, string>();
      const betrokkenen = [...new Set(pagina.items.flatMap((e) => e.verwijzingId ?? oud.get(e.plaatsingId) ?? []))];
      logVerwerking({ activiteit: 'escalatiesZoeken', door: principal, betrokkenen, status: 'gelukt' });
      return pagina;
    },
  };
};
