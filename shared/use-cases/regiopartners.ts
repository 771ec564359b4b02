import { ulid } from 'ulidx';
import type { Principal } from '../auth/rollen';
import { toegang, vereisToegang } from '../auth/toegang';
import { DomeinFout } from '../domain/fouten';
import { logVerwerking } from '../privacy/verwerkingen';
import type { Regiopartner, RegiopartnerInvoer } from '../schemas/regiopartners';
import type { Pagina, RegiopartnersStore } from './poorten';

export interface RegiopartnersDeps {
  readonly store: RegiopartnersStore;
  readonly klok?: () => Date;
  readonly nieuwId?: () => string;
}

/**
 * Regional partners, for now as issue #3 needs them: until the public sign-up (issue #5) exists, a
 * coordinator makes a partner, approved at once, so a jobcoach organisation can be assigned to a
 * placement. The contact person is personal data: every read and write is logged.
 */
export const regiopartnersUseCases = (deps: RegiopartnersDeps) => ({
  async aanmaken(principal: Principal, invoer: RegiopartnerInvoer): Promise<Regiopartner> {
    const nu = (deps.klok?.() ?? new Date()).toISOString();
    const nieuwId = deps.nieuwId ?? (() => ulid());
    const partner: Regiopartner = { id: nieuwId(), ...invoer, status: 'goedgekeurd', aangemaaktOp: nu, gewijzigdOp: nu, versie: 1 };
    await deps.store.voegToe(partner, {
      id: nieuwId(),
      partnerId: partner.id,
      soort: 'aangemaakt',
      naarStatus: partner.status,
      door: { rol: principal.rol, subject: principal.subject },
      op: nu,
      versie: 1,
    });
    logVerwerking({ activiteit: 'regiopartnerAanmaken', door: principal, betrokkenen: [partner.id], status: 'gelukt' });
    return partner;
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
});
