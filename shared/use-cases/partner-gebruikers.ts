import { ulid } from 'ulidx';
import type { Principal } from '../auth/rollen';
import { toegang, vereisToegang } from '../auth/toegang';
import { DomeinFout } from '../domain/fouten';
import { gebruikerAfgehandeld, nieuweGebruiker, type AccountUitkomst } from '../domain/regiopartners';
import { logVerwerking } from '../privacy/verwerkingen';
import type { PartnerGebruiker, PartnerGebruikerInvoer } from '../schemas/regiopartners';
import type { GebruikersaccountPoort, Pagina, PartnerGebruikersStore } from './poorten';

export interface PartnerGebruikersDeps {
  readonly store: PartnerGebruikersStore;
  readonly klok?: () => Date;
  readonly nieuwId?: () => string;
}

const SYSTEEM = { rol: 'systeem', subject: 'partnergebruiker-aanmaken' } as const;

/**
 * The people of a partner organisation who sign in (the partner's systems use its machine client). Each
 * gets an account whose role is regiopartner and tenant the partner: it sees exactly what the partner may
 * see, the placements it is jobcoach of and the figures of its regions. Names and addresses are personal
 * data: every read and write is logged.
 */
export const partnerGebruikersUseCases = (deps: PartnerGebruikersDeps) => ({
  /**
   * Coordinators invite; a partner cannot give access to addresses of its own choosing. The account itself
   * is made after the answer, by the accounts consumer, so the answer's status is 'uitgenodigd'.
   */
  async uitnodigen(principal: Principal, partnerId: string, invoer: PartnerGebruikerInvoer): Promise<PartnerGebruiker> {
    if (principal.rol !== 'coopAdmin') throw new DomeinFout('geenToegang', 'Alleen coördinatoren geven medewerkers van een regiopartner toegang.');
    const gebruiker = nieuweGebruiker(partnerId, invoer, principal, { nu: (deps.klok?.() ?? new Date()).toISOString(), nieuwId: deps.nieuwId ?? (() => ulid()) });
    await deps.store.voegToe(gebruiker);
    logVerwerking({ activiteit: 'partnerGebruikerUitnodigen', door: principal, betrokkenen: [gebruiker.id], status: 'gelukt' });
    return gebruiker;
  },

  async zoeken(principal: Principal, partnerId: string, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<PartnerGebruiker>> {
    vereisToegang(toegang.partner(principal, partnerId), 'Deze regiopartner');
    const r = await deps.store.zoek(partnerId, pagina);
    logVerwerking({ activiteit: 'partnerGebruikersZoeken', door: principal, betrokkenen: r.items.map((g) => g.id), status: 'gelukt' });
    return r;
  },
});

export type AccountVerwerking = AccountUitkomst | 'onbekend' | 'alAfgehandeld';

/**
 * The accounts consumer's work for one invitation, safe under at-least-once delivery: an invitation that
 * is no longer 'uitgenodigd' was done by an earlier delivery; the identity provider's `maak` is itself
 * repeatable (a crash after it and before the mark finds the account it made: 'bestond'); and the mark is
 * conditional on the version read, so of two racing deliveries one records the outcome and both leave one
 * account.
 */
export const maakPartnerAccount = async (
  deps: { readonly store: PartnerGebruikersStore; readonly accounts: GebruikersaccountPoort; readonly klok?: () => Date },
  partnerId: string,
  sleutel: string,
): Promise<AccountVerwerking> => {
  const g = await deps.store.haal(partnerId, sleutel);
  // Gone (the partner's data erased) or already done: nothing to make.
  if (!g) return 'onbekend';
  if (g.status !== 'uitgenodigd') return 'alAfgehandeld';
  const uitkomst = await deps.accounts.maak({ email: g.email, naam: g.naam, rol: g.rol, tenant: g.partnerId });
  const vastgelegd = await deps.store.handelAf(gebruikerAfgehandeld(g, uitkomst, (deps.klok?.() ?? new Date()).toISOString()), g.versie);
  logVerwerking({
    activiteit: 'partnerGebruikerAccountMaken',
    door: SYSTEEM,
    betrokkenen: [g.id],
    status: uitkomst === 'adresInGebruik' ? 'geweigerd' : 'gelukt',
  });
  return vastgelegd ? uitkomst : 'alAfgehandeld';
};
