import { ulid } from 'ulidx';
import type { Principal } from '../auth/rollen';
import { toegang, vereisToegang } from '../auth/toegang';
import { DomeinFout } from '../domain/fouten';
import type { Omgeving } from '../domain/leden';
import { aanbieden, wijzigen } from '../domain/werkplekken';
import type { Werkplek, WerkplekGebeurtenis, WerkplekInvoer, WerkplekStatus, WerkplekWijziging } from '../schemas/werkplekken';
import type { GemeentenStore, LedenStore, Pagina, WerkplekkenStore } from './poorten';

export interface WerkplekkenDeps {
  readonly store: WerkplekkenStore;
  readonly leden: Pick<LedenStore, 'haal'>;
  readonly gemeenten: Pick<GemeentenStore, 'haal'>;
  readonly klok?: () => Date;
  readonly nieuwId?: () => string;
}

const omgeving = (deps: WerkplekkenDeps): Omgeving => ({ nu: (deps.klok?.() ?? new Date()).toISOString(), nieuwId: deps.nieuwId ?? (() => ulid()) });

/**
 * Places hold no personal data (the member is an organisation; its contact person is not on the place), so
 * these use cases log no processing activity; the matching use cases, which read candidates, do.
 */
export const werkplekkenUseCases = (deps: WerkplekkenDeps) => {
  /** Reads a place the caller may see (`mag`), or refuses exactly as if it did not exist. */
  const zichtbaar = async (principal: Principal, werkplekId: string, mag: (p: Principal, w: Werkplek) => boolean): Promise<Werkplek> => {
    const w = await deps.store.haal(werkplekId);
    vereisToegang(w !== undefined && mag(principal, w), 'Deze werkplek');
    return w!;
  };

  return {
    /**
     * A member offers a place. Only the member itself: the place is its own commitment to the cooperative,
     * and the history names who made it. Coordinators manage places afterwards (change, close).
     */
    async aanbieden(principal: Principal, invoer: WerkplekInvoer): Promise<Werkplek> {
      if (principal.rol !== 'werkgever') throw new DomeinFout('geenToegang', 'Alleen een lid biedt zelf werkplekken aan.');
      const [lid, gemeente] = await Promise.all([deps.leden.haal(principal.lidId), deps.gemeenten.haal(invoer.locatie.gemeente)]);
      if (lid === undefined || lid.status !== 'actief')
        throw new DomeinFout(
          'ongeldigeOvergang',
          `Alleen een actief lid kan werkplekken aanbieden; dit lid is ${lid ? `'${lid.status}'` : 'niet bekend'}.`,
        );
      if (gemeente === undefined)
        throw new DomeinFout(
          'onverwerkbaar',
          `Gemeente ${invoer.locatie.gemeente} is niet bij de coöperatie geregistreerd, dus de arbeidsmarktregio van de werkplek is onbekend.`,
        );
      // The place takes the region its gemeente has now: matching looks for it there.
      const mutatie = aanbieden(principal.lidId, invoer, gemeente.arbeidsmarktregio, principal, omgeving(deps));
      await deps.store.voegToe(mutatie);
      return mutatie.werkplek;
    },

    ophalen: (principal: Principal, werkplekId: string): Promise<Werkplek> => zichtbaar(principal, werkplekId, toegang.werkplek),

    /**
     * A member lists its own places (gsi1); coordinators and gemeenten list all (gsi3) or one member's. A
     * member asking for another member's places gets an empty list: nothing leaks, not even existence.
     */
    async zoeken(
      principal: Principal,
      filter: { status?: WerkplekStatus | undefined; lidId?: string | undefined; pageSize: number; cursor?: string | undefined },
    ): Promise<Pagina<Werkplek>> {
      const { lidId, ...rest } = filter;
      if (principal.rol === 'werkgever') {
        if (lidId !== undefined && lidId !== principal.lidId) return { items: [], cursor: undefined };
        return deps.store.zoekPerLid(principal.lidId, rest);
      }
      if (principal.rol === 'coopAdmin' || principal.rol === 'gemeente')
        return lidId !== undefined ? deps.store.zoekPerLid(lidId, rest) : deps.store.zoekAlle(rest);
      throw new DomeinFout('geenToegang', 'Alleen leden, gemeenten en coördinatoren zien werkplekken.');
    },

    async wijzigen(principal: Principal, werkplekId: string, wijziging: WerkplekWijziging, ifMatch: number | undefined): Promise<Werkplek> {
      const w = await zichtbaar(principal, werkplekId, toegang.werkplekBeheren);
      const mutatie = wijzigen(w, wijziging, principal, ifMatch, omgeving(deps));
      await deps.store.pasToe(mutatie);
      return mutatie.werkplek;
    },

    /** The history is the member's and the coordinators': who opened, changed or closed it, and when. */
    async geschiedenis(principal: Principal, werkplekId: string, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<WerkplekGebeurtenis>> {
      await zichtbaar(principal, werkplekId, toegang.werkplekBeheren);
      return deps.store.gebeurtenissen(werkplekId, pagina);
    },
  };
};
