import { ulid } from 'ulidx';
import type { Principal } from '../auth/rollen';
import { toegang, vereisToegang } from '../auth/toegang';
import { DomeinFout } from '../domain/fouten';
import type { Omgeving } from '../domain/leden';
import { beantwoord, momentToevoegen, momentVerplaatsen, STANDAARD_REACTIETERMIJN_DAGEN, type AntwoordMutatie } from '../domain/nazorg';
import { logVerwerking } from '../privacy/verwerkingen';
import type { Gemeente } from '../schemas/gemeenten';
import type { Escalatie, NazorgAntwoordInvoer, Nazorgmoment, Risicosignaal } from '../schemas/nazorg';
import type { Plaatsing } from '../schemas/plaatsingen';
import { GelijktijdigGewijzigd, type Pagina } from './poorten';

export interface NazorgStore {
  /** A moment by id with its placement (and its gemeente when asked): the pointer, then one BatchGetItem. */
  haalMetPlaatsing(momentId: string, metGemeente?: boolean): Promise<{ moment?: Nazorgmoment | undefined; plaatsing?: Plaatsing | undefined; gemeente?: Gemeente | undefined }>;
  /** The placement and all its moments, in one Query of its partition. */
  partitie(plaatsingId: string): Promise<{ plaatsing?: Plaatsing | undefined; momenten: Nazorgmoment[] }>;
  /** The placement's moments still `gepland` or `verstuurd`. */
  openMomenten(plaatsingId: string): Promise<Nazorgmoment[]>;
  voegToe(moment: Nazorgmoment): Promise<void>;
  verplaats(oud: Nazorgmoment, nieuw: Nazorgmoment): Promise<void>;
  /** 'verouderd' when the moment changed; GelijktijdigGewijzigd when the placement did (read again). */
  beantwoord(mutatie: AntwoordMutatie): Promise<void>;
  escalaties(status: Escalatie['status'], pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<Escalatie>>;
}

export interface NazorgDeps {
  readonly store: NazorgStore;
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
      const moment = momentToevoegen(plaatsing, momenten, invoer, principal, reactietermijn, omgeving());
      await deps.store.voegToe(moment);
      logVerwerking({ activiteit: 'plaatsingWijzigen', door: principal, betrokkenen: [plaatsing.verwijzingId], status: 'gelukt' });
      return moment;
    },

    async verplaatsen(principal: Principal, momentId: string, vervaldatum: string, ifMatch: number | undefined): Promise<Nazorgmoment> {
      const { moment: m, plaatsing: pl } = await zichtbaarMoment(principal, momentId);
      const { momenten } = await deps.store.partitie(pl.id);
      const nieuw = momentVerplaatsen(pl, momenten, m, vervaldatum, principal, ifMatch);
      if (nieuw.vervaldatum === m.vervaldatum) return m;
      await deps.store.verplaats(m, nieuw);
      logVerwerking({ activiteit: 'plaatsingWijzigen', door: principal, betrokkenen: [pl.verwijzingId], status: 'gelukt' });
      return nieuw;
    },

    /** Read, decide, write; again when the placement changed in between (the answerer sent no ETag for it). */
    async beantwoorden(principal: Principal, momentId: string, invoer: NazorgAntwoordInvoer): Promise<Nazorgmoment> {
      for (let i = 1; ; i++) {
        const { moment, plaatsing, gemeente } = await zichtbaarMoment(principal, momentId, true);
        if (!gemeente) throw new Error(`De gemeente ${plaatsing.gemeente} van plaatsing ${plaatsing.id} ontbreekt.`);
        const mutatie = beantwoord(plaatsing, moment, invoer, principal, gemeente, omgeving());
        try {
          await deps.store.beantwoord(mutatie);
          logVerwerking({ activiteit: 'plaatsingWijzigen', door: principal, betrokkenen: [plaatsing.verwijzingId], status: 'gelukt' });
          return mutatie.moment;
        } catch (error) {
          if (!(error instanceof GelijktijdigGewijzigd) && !(error instanceof DomeinFout && error.soort === 'verouderd')) throw error;
          if (i >= POGINGEN) throw new DomeinFout('conflict', 'Het nazorgmoment of de plaatsing werd steeds tegelijk gewijzigd. Probeer het opnieuw.');
        }
      }
    },

    async escalaties(principal: Principal, filter: { status: Escalatie['status']; pageSize: number; cursor?: string | undefined }): Promise<Pagina<Escalatie>> {
      if (principal.rol !== 'coopAdmin') throw new DomeinFout('geenToegang', 'Alleen coördinatoren zien escalaties.');
      return deps.store.escalaties(filter.status, filter);
    },
  };
};
