import { ulid } from 'ulidx';
import type { Principal } from '../auth/rollen';
import { toegang, vereisToegang } from '../auth/toegang';
import { DomeinFout } from '../domain/fouten';
import type { Omgeving } from '../domain/leden';
import {
  indienen,
  toestemmingGeven,
  toestemmingIntrekken,
  voerUit,
  wijzigen,
  type VerwijzingActie,
} from '../domain/verwijzingen';
import { logVerwerking } from '../privacy/verwerkingen';
import type { Verwijzing, VerwijzingGebeurtenis, VerwijzingInvoer, VerwijzingStatus, VerwijzingWijziging } from '../schemas/verwijzingen';
import type { GemeentenStore, Pagina, VerwijzingenStore } from './poorten';

export interface VerwijzingenDeps {
  readonly store: VerwijzingenStore;
  readonly gemeenten: Pick<GemeentenStore, 'haal'>;
  readonly klok?: () => Date;
  readonly nieuwId?: () => string;
}

const omgeving = (deps: VerwijzingenDeps): Omgeving => ({ nu: (deps.klok?.() ?? new Date()).toISOString(), nieuwId: deps.nieuwId ?? (() => ulid()) });

/**
 * Reads a referral the caller may see (its gemeente, the coordinators), or refuses as if it did not exist.
 * A refusal of an existing referral is an attempt on a person's data: it goes into the processing log as
 * `geweigerd` (a referral that does not exist concerns no one, and is not logged).
 */
const zichtbareVerwijzing = async (deps: VerwijzingenDeps, principal: Principal, verwijzingId: string): Promise<Verwijzing> => {
  const v = await deps.store.haal(verwijzingId);
  if (v !== undefined && !toegang.verwijzing(principal, v))
    logVerwerking({ activiteit: 'verwijzingInzien', door: principal, betrokkenen: [v.id], status: 'geweigerd' });
  vereisToegang(v !== undefined && toegang.verwijzing(principal, v), 'Deze verwijzing');
  return v!;
};

/** A referral is a person's data: every read and write is logged with the referral as the data subject. */
export const verwijzingenUseCases = (deps: VerwijzingenDeps) => ({
  async indienen(principal: Principal, invoer: VerwijzingInvoer): Promise<Verwijzing> {
    // Only a gemeente refers, always for itself: a coordinator cannot refer on a gemeente's behalf.
    if (principal.rol !== 'gemeente') throw new DomeinFout('geenToegang', 'Alleen een gemeente verwijst een kandidaat.');
    const gemeente = await deps.gemeenten.haal(principal.gemeente);
    if (!gemeente)
      throw new DomeinFout(
        'onverwerkbaar',
        `Gemeente ${principal.gemeente} is nog niet geregistreerd bij de coöperatie; een coördinator registreert haar (met haar arbeidsmarktregio) voordat zij kan verwijzen.`,
      );
    const mutatie = indienen(invoer, gemeente, principal, omgeving(deps));
    await deps.store.voegToe(mutatie);
    logVerwerking({ activiteit: 'verwijzingIndienen', door: principal, betrokkenen: [mutatie.verwijzing.id], status: 'gelukt' });
    return mutatie.verwijzing;
  },

  async ophalen(principal: Principal, verwijzingId: string): Promise<Verwijzing> {
    const v = await zichtbareVerwijzing(deps, principal, verwijzingId);
    logVerwerking({ activiteit: 'verwijzingInzien', door: principal, betrokkenen: [v.id], status: 'gelukt' });
    return v;
  },

  async zoeken(
    principal: Principal,
    filter: { status?: VerwijzingStatus | undefined; gemeente?: string | undefined; pageSize: number; cursor?: string | undefined },
  ): Promise<Pagina<Verwijzing>> {
    let r: Pagina<Verwijzing>;
    if (principal.rol === 'coopAdmin') r = await deps.store.zoek(filter);
    else if (principal.rol === 'gemeente')
      // A gemeente lists its own partition only; asking for another gemeente's gets nothing, not an error that confirms it.
      r = filter.gemeente && filter.gemeente !== principal.gemeente ? { items: [], cursor: undefined } : await deps.store.zoek({ ...filter, gemeente: principal.gemeente });
    else throw new DomeinFout('geenToegang', 'Alleen gemeenten en coördinatoren zien verwijzingen.');
    logVerwerking({ activiteit: 'verwijzingenZoeken', door: principal, betrokkenen: r.items.map((v) => v.id), status: 'gelukt' });
    return r;
  },

  async wijzigen(principal: Principal, verwijzingId: string, wijziging: VerwijzingWijziging, ifMatch: number | undefined): Promise<Verwijzing> {
    const v = await zichtbareVerwijzing(deps, principal, verwijzingId);
    const mutatie = wijzigen(v, wijziging, principal, ifMatch, omgeving(deps));
    await deps.store.pasToe(mutatie);
    logVerwerking({ activiteit: 'verwijzingWijzigen', door: principal, betrokkenen: [v.id], status: 'gelukt' });
    return mutatie.verwijzing;
  },

  async statusWijzigen(
    principal: Principal,
    verwijzingId: string,
    actie: VerwijzingActie,
    opties: { reden?: string | undefined; ifMatch?: number | undefined },
  ): Promise<Verwijzing> {
    const v = await zichtbareVerwijzing(deps, principal, verwijzingId);
    const mutatie = voerUit(v, actie, principal, opties, omgeving(deps));
    await deps.store.pasToe(mutatie);
    logVerwerking({ activiteit: 'verwijzingStatusWijzigen', door: principal, betrokkenen: [v.id], status: 'gelukt' });
    return mutatie.verwijzing;
  },

  /** Gives or withdraws the consent to meet one member; a repeat changes nothing and writes nothing. */
  async toestemming(
    principal: Principal,
    verwijzingId: string,
    wijziging: { lidId: string; geven: boolean },
    ifMatch: number | undefined,
  ): Promise<Verwijzing> {
    const v = await zichtbareVerwijzing(deps, principal, verwijzingId);
    const mutatie = (wijziging.geven ? toestemmingGeven : toestemmingIntrekken)(v, wijziging.lidId, principal, ifMatch, omgeving(deps));
    if (mutatie) await deps.store.pasToe(mutatie);
    logVerwerking({ activiteit: 'verwijzingToestemmingWijzigen', door: principal, betrokkenen: [v.id], status: 'gelukt' });
    return mutatie?.verwijzing ?? v;
  },

  async geschiedenis(principal: Principal, verwijzingId: string, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<VerwijzingGebeurtenis>> {
    const r = await deps.store.gebeurtenissen(verwijzingId, pagina);
    // Every record names its referral's gemeente, so one Query answers both "may I?" and "what happened?".
    // A referral always has its 'ingediend' record: an empty first page means it does not exist.
    vereisToegang(r.items.every((g) => toegang.verwijzing(principal, g)) && (r.items.length > 0 || pagina.cursor !== undefined), 'Deze verwijzing');
    logVerwerking({ activiteit: 'verwijzingGeschiedenisInzien', door: principal, betrokkenen: [verwijzingId], status: 'gelukt' });
    return { items: r.items.map(({ gemeente: _gemeente, ...g }) => g), cursor: r.cursor };
  },
});
