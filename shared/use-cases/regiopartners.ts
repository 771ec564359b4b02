import { ulid } from 'ulidx';
import { API_SCOPE, type Principal } from '../auth/rollen';
import { toegang, vereisToegang } from '../auth/toegang';
import { ARBEIDSMARKTREGIOS, type Arbeidsmarktregio } from '../domain/arbeidsmarktregios';
import { DomeinFout, nietGevonden } from '../domain/fouten';
import { logger } from '../observability/logger';
import { nieuweRegiopartner, regiocijfers } from '../domain/regiopartners';
import { logVerwerking } from '../privacy/verwerkingen';
import type { MachineClientGegevens, Regiocijfers, Regiopartner, RegiopartnerInvoer } from '../schemas/regiopartners';
import type { MachineClientPoort, Pagina, PartnerClientStore, RegiocijfersStore, RegiopartnersStore } from './poorten';

export interface RegiopartnersDeps {
  readonly store: RegiopartnersStore;
  /** Only the machine-client route needs these (and the identity provider's environment): made on first use. */
  readonly machineClients?: () => MachineClientPoort;
  readonly partnerClients?: PartnerClientStore;
  readonly cijfers?: RegiocijfersStore;
  readonly klok?: () => Date;
  readonly nieuwId?: () => string;
}

/**
 * Regional partners. A coordinator can make one directly, approved at once; the public sign-up
 * (regiopartner-aanmeldingen.ts) makes the same record when a coordinator approves an application. The
 * contact person is personal data: every read and write is logged.
 */
export const regiopartnersUseCases = (deps: RegiopartnersDeps) => ({
  async aanmaken(principal: Principal, invoer: RegiopartnerInvoer): Promise<Regiopartner> {
    const nieuw = nieuweRegiopartner(invoer, principal, {
      nu: (deps.klok?.() ?? new Date()).toISOString(),
      nieuwId: deps.nieuwId ?? (() => ulid()),
    });
    await deps.store.voegToe(nieuw);
    const { partner } = nieuw;
    logVerwerking({ activiteit: 'regiopartnerAanmaken', door: principal, betrokkenen: [partner.id, nieuw.gebruiker.id], status: 'gelukt' });
    return partner;
  },

  /**
   * A new machine client for the partner, its secret shown once; the one before (if any) stops working. For
   * a partner a coordinator made (it has none yet) and for a secret that was lost or may have leaked: the
   * approval's answer is the only place the first secret is shown. As on approval the client is made first
   * (Cognito's CreateUserPoolClient has no idempotency key), then one conditional transaction makes it the
   * partner's and removes the old one's registration, so from then on the old client's new tokens carry no
   * role; its app client is deleted last. A replacement that loses the transaction deletes its own client.
   */
  async machineClientVernieuwen(principal: Principal, partnerId: string): Promise<MachineClientGegevens> {
    if (principal.rol !== 'coopAdmin') throw new DomeinFout('geenToegang', 'Alleen coördinatoren geven een regiopartner een machineclient.');
    if (!deps.machineClients || !deps.partnerClients) throw new Error('machineClientVernieuwen: geen MachineClientPoort of PartnerClientStore gekoppeld');
    const partner = await deps.store.haal(partnerId);
    if (!partner) throw nietGevonden('Deze regiopartner');
    const vorige = await deps.partnerClients.huidige(partnerId);
    const clients = deps.machineClients();
    const client = await clients.maak(`regiopartner-${partnerId}`);
    try {
      await deps.partnerClients.vervang(
        { clientId: client.clientId, rol: 'regiopartner', tenant: partnerId, naam: `regiopartner ${partner.naam}`, aangemaaktOp: (deps.klok?.() ?? new Date()).toISOString() },
        vorige,
      );
    } catch (error) {
      await clients.verwijder(client.clientId).catch((e: unknown) => logger.error('machine client van een mislukte vervanging niet verwijderd', { clientId: client.clientId, partnerId, error: e as Error }));
      throw error;
    }
    if (vorige)
      await clients.verwijder(vorige).catch((e: unknown) =>
        // Harmless if it stays: without its registration its tokens carry no role. Logged to clean up by hand.
        logger.error('vorige machine client niet verwijderd', { clientId: vorige, partnerId, error: e as Error }),
      );
    return { clientId: client.clientId, clientSecret: client.clientSecret, tokenUrl: clients.tokenUrl, scope: API_SCOPE };
  },

  async ophalen(principal: Principal, partnerId: string): Promise<Regiopartner> {
    vereisToegang(toegang.partner(principal, partnerId), 'Deze regiopartner');
    const partner = await deps.store.haal(partnerId);
    vereisToegang(partner !== undefined, 'Deze regiopartner');
    logVerwerking({ activiteit: 'regiopartnerInzien', door: principal, betrokkenen: [partnerId], status: 'gelukt' });
    return partner!;
  },

  async zoeken(principal: Principal, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<Regiopartner>> {
    let r: Pagina<Regiopartner>;
    if (principal.rol === 'coopAdmin') r = await deps.store.zoek(pagina);
    else if (principal.rol === 'regiopartner') {
      // A partner's list is itself: one read, never a query over the others.
      const eigen = pagina.cursor ? undefined : await deps.store.haal(principal.partnerId);
      r = { items: eigen ? [eigen] : [], cursor: undefined };
    } else throw new DomeinFout('geenToegang', 'Alleen coördinatoren en regiopartners zelf zien regiopartners.');
    logVerwerking({ activiteit: 'regiopartnersZoeken', door: principal, betrokkenen: r.items.map((p) => p.id), status: 'gelukt' });
    return r;
  },

  /**
   * The anonymous figures of regions: a regiopartner those of its own regions (all of them, or the one it
   * names; another region is 404, as if it did not exist), a coordinator the one region it names. Counts
   * only, with small placement counts held back, so nothing is personal data and nothing is logged. The
   * counters follow the table's stream, so a change shows in the figures a moment after it is made.
   */
  async regiocijfers(principal: Principal, filter: { arbeidsmarktregio?: Arbeidsmarktregio | undefined }): Promise<Regiocijfers[]> {
    if (!deps.cijfers) throw new Error('regiocijfers: geen RegiocijfersStore gekoppeld');
    let regios: readonly Arbeidsmarktregio[];
    if (principal.rol === 'regiopartner') {
      const partner = await deps.store.haal(principal.partnerId);
      vereisToegang(partner !== undefined, 'Deze regiopartner');
      regios = filter.arbeidsmarktregio ? [filter.arbeidsmarktregio] : partner!.arbeidsmarktregios;
      for (const regio of regios) vereisToegang(toegang.regiocijfers(principal, regio, partner), `Arbeidsmarktregio ${regio}`);
    } else if (principal.rol === 'coopAdmin') {
      if (!filter.arbeidsmarktregio)
        throw new DomeinFout('ongeldigeInvoer', `Kies één arbeidsmarktregio (${ARBEIDSMARKTREGIOS.length} mogelijk).`, 'query.arbeidsmarktregio');
      regios = [filter.arbeidsmarktregio];
    } else throw new DomeinFout('geenToegang', 'Alleen coördinatoren en regiopartners zien regiocijfers.');

    const [gemeenten, tellers] = await Promise.all([deps.cijfers.gemeenten(), deps.cijfers.tellers(regios)]);
    return regios.map((regio) =>
      regiocijfers(regio, gemeenten.filter((g) => g.arbeidsmarktregio === regio).length, tellers.get(regio) ?? {}),
    );
  },
});
