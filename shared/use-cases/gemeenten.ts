import { ulid } from 'ulidx';
import type { Principal } from '../auth/rollen';
import { toegang, vereisToegang } from '../auth/toegang';
import { DomeinFout } from '../domain/fouten';
import { registreren, wijzigen } from '../domain/gemeenten';
import type { Omgeving } from '../domain/leden';
import { logVerwerking } from '../privacy/verwerkingen';
import type { Gemeente, GemeenteGebeurtenis, GemeenteRegistratie, GemeenteWijziging } from '../schemas/gemeenten';
import type { GemeentenStore, Pagina } from './poorten';

export interface GemeentenDeps {
  readonly store: GemeentenStore;
  readonly klok?: () => Date;
  readonly nieuwId?: () => string;
}

const omgeving = (deps: GemeentenDeps): Omgeving => ({ nu: (deps.klok?.() ?? new Date()).toISOString(), nieuwId: deps.nieuwId ?? (() => ulid()) });

/** Reads a gemeente the caller may see (coordinators all, a gemeente itself), or refuses as if it did not exist. */
const zichtbareGemeente = async (deps: GemeentenDeps, principal: Principal, code: string): Promise<Gemeente> => {
  vereisToegang(toegang.gemeente(principal, code), 'Deze gemeente');
  const gemeente = await deps.store.haal(code);
  vereisToegang(gemeente !== undefined, 'Deze gemeente');
  return gemeente!;
};

/** The contact person is personal data: every read and write is logged. */
export const gemeentenUseCases = (deps: GemeentenDeps) => ({
  async registreren(principal: Principal, registratie: GemeenteRegistratie): Promise<Gemeente> {
    const mutatie = registreren(registratie, principal, omgeving(deps));
    await deps.store.voegToe(mutatie);
    logVerwerking({ activiteit: 'gemeenteRegistreren', door: principal, betrokkenen: [mutatie.gemeente.code], status: 'gelukt' });
    return mutatie.gemeente;
  },

  async ophalen(principal: Principal, code: string): Promise<Gemeente> {
    const gemeente = await zichtbareGemeente(deps, principal, code);
    logVerwerking({ activiteit: 'gemeenteInzien', door: principal, betrokkenen: [code], status: 'gelukt' });
    return gemeente;
  },

  async zoeken(principal: Principal, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<Gemeente>> {
    let r: Pagina<Gemeente>;
    if (principal.rol === 'coopAdmin') r = await deps.store.zoek(pagina);
    else if (principal.rol === 'gemeente') {
      // A gemeente's list is itself: one read, never a query over the others.
      const eigen = pagina.cursor ? undefined : await deps.store.haal(principal.gemeente);
      r = { items: eigen ? [eigen] : [], cursor: undefined };
    } else throw new DomeinFout('geenToegang', 'Alleen coördinatoren en gemeenten zelf zien gemeenten.');
    logVerwerking({ activiteit: 'gemeentenZoeken', door: principal, betrokkenen: r.items.map((g) => g.code), status: 'gelukt' });
    return r;
  },

  async wijzigen(principal: Principal, code: string, wijziging: GemeenteWijziging, ifMatch: number | undefined): Promise<Gemeente> {
    const gemeente = await zichtbareGemeente(deps, principal, code);
    const mutatie = wijzigen(gemeente, wijziging, principal, ifMatch, omgeving(deps));
    await deps.store.pasToe(mutatie);
    logVerwerking({ activiteit: 'gemeenteWijzigen', door: principal, betrokkenen: [code], status: 'gelukt' });
    return mutatie.gemeente;
  },

  async geschiedenis(principal: Principal, code: string, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<GemeenteGebeurtenis>> {
    vereisToegang(toegang.gemeente(principal, code), 'Deze gemeente');
    const r = await deps.store.gebeurtenissen(code, pagina);
    // A gemeente always has its 'geregistreerd' event: an empty first page means it is not registered.
    vereisToegang(r.items.length > 0 || pagina.cursor !== undefined, 'Deze gemeente');
    logVerwerking({ activiteit: 'gemeenteInzien', door: principal, betrokkenen: [code], status: 'gelukt' });
    return r;
  },
});
