import { ulid } from 'ulidx';
import type { Principal } from '../auth/rollen';
import { toegang, vereisToegang } from '../auth/toegang';
import { DomeinFout } from '../domain/fouten';
import { aanvragen, voerUit, wijzigen, type LidActie, type Omgeving } from '../domain/leden';
import { logVerwerking } from '../privacy/verwerkingen';
import type { Lid, LidAanvraag, LidGebeurtenis, LidStatus, LidWijziging } from '../schemas/leden';
import type { LedenStore, Pagina } from './poorten';

export interface LedenDeps {
  readonly store: LedenStore;
  readonly klok?: () => Date;
  readonly nieuwId?: () => string;
}

const omgeving = (deps: LedenDeps): Omgeving => ({ nu: (deps.klok?.() ?? new Date()).toISOString(), nieuwId: deps.nieuwId ?? (() => ulid()) });

/** Reads a lid the caller may see, or refuses exactly as if it did not exist. */
const zichtbaarLid = async (deps: LedenDeps, principal: Principal, lidId: string): Promise<Lid> => {
  vereisToegang(toegang.lid(principal, lidId), 'Dit lid');
  const lid = await deps.store.haal(lidId);
  vereisToegang(lid !== undefined, 'Dit lid');
  return lid!;
};

export const ledenUseCases = (deps: LedenDeps) => ({
  async aanvragen(aanvraag: LidAanvraag): Promise<Lid> {
    const mutatie = aanvragen(aanvraag, omgeving(deps));
    await deps.store.voegToe(mutatie);
    logVerwerking({ activiteit: 'lidAanvraagOntvangen', door: { rol: 'publiek', subject: 'aanvrager' }, betrokkenen: [mutatie.lid.id], status: 'gelukt' });
    return mutatie.lid;
  },

  async ophalen(principal: Principal, lidId: string): Promise<Lid> {
    const lid = await zichtbaarLid(deps, principal, lidId);
    logVerwerking({ activiteit: 'lidInzien', door: principal, betrokkenen: [lid.id], status: 'gelukt' });
    return lid;
  },

  async zoeken(principal: Principal, filter: { status?: LidStatus | undefined; pageSize: number; cursor?: string | undefined }): Promise<Pagina<Lid>> {
    let pagina: Pagina<Lid>;
    if (principal.rol === 'coopAdmin') pagina = await deps.store.zoek(filter);
    else if (principal.rol === 'werkgever') {
      // A member's list is itself: one read, never a query over the others.
      const eigen = filter.cursor ? undefined : await deps.store.haal(principal.lidId);
      pagina = { items: eigen && (!filter.status || eigen.status === filter.status) ? [eigen] : [], cursor: undefined };
    } else throw new DomeinFout('geenToegang', 'Alleen coördinatoren en leden zelf zien leden.');
    logVerwerking({ activiteit: 'ledenZoeken', door: principal, betrokkenen: pagina.items.map((l) => l.id), status: 'gelukt' });
    return pagina;
  },

  async wijzigen(principal: Principal, lidId: string, wijziging: LidWijziging, ifMatch: number | undefined): Promise<Lid> {
    const lid = await zichtbaarLid(deps, principal, lidId);
    const mutatie = wijzigen(lid, wijziging, principal, ifMatch, omgeving(deps));
    await deps.store.pasToe(mutatie);
    logVerwerking({ activiteit: 'lidWijzigen', door: principal, betrokkenen: [lid.id], status: 'gelukt' });
    return mutatie.lid;
  },

  async statusWijzigen(principal: Principal, lidId: string, actie: LidActie, opties: { reden?: string | undefined; ifMatch?: number | undefined }): Promise<Lid> {
    const lid = await zichtbaarLid(deps, principal, lidId);
    const mutatie = voerUit(lid, actie, principal, opties, omgeving(deps));
    await deps.store.pasToe(mutatie);
    logVerwerking({ activiteit: 'lidStatusWijzigen', door: principal, betrokkenen: [lid.id], status: 'gelukt' });
    return mutatie.lid;
  },

  async geschiedenis(principal: Principal, lidId: string, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<LidGebeurtenis>> {
    vereisToegang(toegang.lid(principal, lidId), 'Dit lid');
    const r = await deps.store.gebeurtenissen(lidId, pagina);
    // A lid always has its 'aangevraagd' event: an empty first page means it does not exist.
    vereisToegang(r.items.length > 0 || pagina.cursor !== undefined, 'Dit lid');
    logVerwerking({ activiteit: 'lidGeschiedenisInzien', door: principal, betrokkenen: [lidId], status: 'gelukt' });
    return r;
  },
});
