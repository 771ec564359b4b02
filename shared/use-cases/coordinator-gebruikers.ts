import { ulid } from 'ulidx';
import type { Principal } from '../auth/rollen';
import { DomeinFout, nietGevonden } from '../domain/fouten';
import { intrekken, nieuweCoordinatorGebruiker } from '../domain/regiopartners';
import { logVerwerking } from '../privacy/verwerkingen';
import type { CoordinatorGebruiker, CoordinatorGebruikerInvoer } from '../schemas/gebruikers';
import type { CoordinatorGebruikersStore, Pagina } from './poorten';

export interface CoordinatorGebruikersDeps {
  readonly store: CoordinatorGebruikersStore;
  readonly klok?: () => Date;
  readonly nieuwId?: () => string;
}

const alleenCoordinatoren = (principal: Principal, wat: string) => {
  if (principal.rol !== 'coopAdmin') throw new DomeinFout('geenToegang', `Alleen coördinatoren ${wat}.`);
};

/**
 * Coordinators invite coordinators: the staff-account machinery of partners, for the cooperative itself. The
 * account (role coopAdmin, no tenant) is made after the answer by the accounts consumer
 * (shared/use-cases/partner-gebruikers.ts, voerAccountopdrachtUit), and removed the same way on revocation.
 * Names and addresses are personal data: every read and write is logged.
 */
export const coordinatorGebruikersUseCases = (deps: CoordinatorGebruikersDeps) => ({
  async uitnodigen(principal: Principal, invoer: CoordinatorGebruikerInvoer): Promise<CoordinatorGebruiker> {
    alleenCoordinatoren(principal, 'nodigen een coördinator uit');
    const gebruiker = nieuweCoordinatorGebruiker(invoer, principal, { nu: (deps.klok?.() ?? new Date()).toISOString(), nieuwId: deps.nieuwId ?? (() => ulid()) });
    await deps.store.voegToe(gebruiker);
    logVerwerking({ activiteit: 'coordinatorUitnodigen', door: principal, betrokkenen: [gebruiker.id], status: 'gelukt' });
    return gebruiker;
  },

  async intrekken(principal: Principal, gebruikerId: string): Promise<CoordinatorGebruiker> {
    alleenCoordinatoren(principal, 'trekken de toegang van een coördinator in');
    const g = await deps.store.vind(gebruikerId);
    if (!g) throw nietGevonden('Deze coördinator');
    const ingetrokken = intrekken(g, (deps.klok?.() ?? new Date()).toISOString());
    await deps.store.trekIn(ingetrokken, g.versie);
    logVerwerking({ activiteit: 'coordinatorIntrekken', door: principal, betrokkenen: [g.id], status: 'gelukt' });
    return ingetrokken;
  },

  async zoeken(principal: Principal, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<CoordinatorGebruiker>> {
    alleenCoordinatoren(principal, 'zien de coördinatoren');
    const r = await deps.store.zoek(pagina);
    logVerwerking({ activiteit: 'coordinatorenZoeken', door: principal, betrokkenen: r.items.map((g) => g.id), status: 'gelukt' });
    return r;
  },
});
