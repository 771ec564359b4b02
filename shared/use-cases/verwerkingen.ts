import type { Principal } from '../auth/rollen';
import { DomeinFout } from '../domain/fouten';
import { logVerwerking } from '../privacy/verwerkingen';
import type { Verwerking, VerwerkingenFilter } from '../schemas/verwerkingen';
import type { Pagina } from './poorten';

/** The processing log as the use cases read it; writing is the invocation's flush (shared/privacy/vastleggen.ts). */
export interface VerwerkingenLogStore {
  /** One person's records, oldest first; `vanaf`/`tot` are days (UTC), both inclusive. */
  perBetrokkene(pseudoniem: string, filter: { vanaf?: string | undefined; tot: string; pageSize: number; cursor?: string | undefined }): Promise<Pagina<Verwerking>>;
  /** Everyone's records in a period of days, oldest first. */
  perPeriode(filter: { vanaf: string; tot: string; pageSize: number; cursor?: string | undefined }): Promise<Pagina<Verwerking>>;
}

export interface VerwerkingenDeps {
  readonly store: VerwerkingenLogStore;
  /** The pseudonym of a data subject's id (shared/privacy/pseudoniem.ts). */
  readonly pseudonimiseerder: () => Promise<(id: string) => string>;
  readonly klok?: () => Date;
}

/**
 * Reading the processing log: the cooperative's coordinators only (they answer for the processing to the
 * gemeenten and the supervisor). There is no way to change or remove a record through the API.
 */
export const verwerkingenUseCases = (deps: VerwerkingenDeps) => ({
  async zoeken(principal: Principal, filter: VerwerkingenFilter): Promise<Pagina<Verwerking>> {
    if (principal.rol !== 'coopAdmin') throw new DomeinFout('geenToegang', 'Alleen coördinatoren van de coöperatie zien het verwerkingenlogboek.');
    const tot = filter.tot ?? (deps.klok?.() ?? new Date()).toISOString().slice(0, 10);
    if (filter.betrokkene === undefined) return deps.store.perPeriode({ vanaf: filter.vanaf!, tot, pageSize: filter.pageSize, cursor: filter.cursor });
    const pseudoniem = (await deps.pseudonimiseerder())(filter.betrokkene);
    const r = await deps.store.perBetrokkene(pseudoniem, { vanaf: filter.vanaf, tot, pageSize: filter.pageSize, cursor: filter.cursor });
    logVerwerking({ activiteit: 'verwerkingenInzien', door: principal, betrokkenen: [filter.betrokkene], status: 'gelukt' });
    return r;
  },
});
