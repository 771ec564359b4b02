import { ulid } from 'ulidx';
import type { Principal } from '../auth/rollen';
import { toegang, vereisToegang } from '../auth/toegang';
import { DomeinFout, nietGevonden } from '../domain/fouten';
import { gebruikerAfgehandeld, intrekken, nieuweGebruiker, type AccountUitkomst, type VerwijderUitkomst } from '../domain/regiopartners';
import { logVerwerking } from '../privacy/verwerkingen';
import { tenantVan, type PartnerGebruiker, type PartnerGebruikerInvoer, type Uitnodiging } from '../schemas/gebruikers';
import type { GebruikersaccountPoort, Pagina, PartnerGebruikersStore, UitnodigingenStore } from './poorten';

export interface PartnerGebruikersDeps {
  readonly store: PartnerGebruikersStore;
  readonly klok?: () => Date;
  readonly nieuwId?: () => string;
}

const SYSTEEM = { rol: 'systeem', subject: 'partneraccounts' } as const;

/**
 * The people of a partner organisation who sign in (the partner's systems use its machine client). Each
 * gets an account whose role is regiopartner and tenant the partner: it sees exactly what the partner may
 * see, the placements it is jobcoach of and the figures of its regions. Names and addresses are personal
 * data: every read and write is logged.
 */
export const partnerGebruikersUseCases = (deps: PartnerGebruikersDeps) => ({
  /**
   * Coordinators invite; a partner cannot give access to addresses of its own choosing. The account itself
   * is made after the answer, by the accounts consumer, so the answer's status is 'uitgenodigd'. A person
   * whose access was revoked can be invited again.
   */
  async uitnodigen(principal: Principal, partnerId: string, invoer: PartnerGebruikerInvoer): Promise<PartnerGebruiker> {
    if (principal.rol !== 'coopAdmin') throw new DomeinFout('geenToegang', 'Alleen coördinatoren geven medewerkers van een regiopartner toegang.');
    const gebruiker = nieuweGebruiker(partnerId, invoer, principal, { nu: (deps.klok?.() ?? new Date()).toISOString(), nieuwId: deps.nieuwId ?? (() => ulid()) });
    await deps.store.voegToe(gebruiker);
    logVerwerking({ activiteit: 'partnerGebruikerUitnodigen', door: principal, betrokkenen: [gebruiker.id], status: 'gelukt' });
    return gebruiker;
  },

  /** Coordinators only. The account is removed after the answer; the list shows 'ingetrokken' when it is gone. */
  async intrekken(principal: Principal, partnerId: string, gebruikerId: string): Promise<PartnerGebruiker> {
    if (principal.rol !== 'coopAdmin') throw new DomeinFout('geenToegang', 'Alleen coördinatoren trekken de toegang van een medewerker in.');
    const g = await deps.store.vind(partnerId, gebruikerId);
    if (!g) throw nietGevonden('Deze medewerker');
    const ingetrokken = intrekken(g, (deps.klok?.() ?? new Date()).toISOString());
    await deps.store.trekIn(ingetrokken, g.versie);
    logVerwerking({ activiteit: 'partnerGebruikerIntrekken', door: principal, betrokkenen: [g.id], status: 'gelukt' });
    return ingetrokken;
  },

  async zoeken(principal: Principal, partnerId: string, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<PartnerGebruiker>> {
    vereisToegang(toegang.partner(principal, partnerId), 'Deze regiopartner');
    const r = await deps.store.zoek(partnerId, pagina);
    logVerwerking({ activiteit: 'partnerGebruikersZoeken', door: principal, betrokkenen: r.items.map((g) => g.id), status: 'gelukt' });
    return r;
  },
});

export type AccountVerwerking = AccountUitkomst | VerwijderUitkomst | 'onbekend' | 'alAfgehandeld';

/**
 * The accounts consumer's work for one task (an Accountopdracht), safe under at-least-once delivery: it does
 * what the invitation's status asks now — 'uitgenodigd': make the account; 'intrekken': remove it — and
 * nothing for any other status (done by an earlier delivery, or overtaken by a later change). The identity
 * provider's calls are themselves repeatable (a crash after one and before the mark finds the account made
 * or gone), and the mark is conditional on the version read, so of two racing deliveries one records the
 * outcome and both leave one account, or none.
 */
export const voerAccountopdrachtUit = async <G extends Uitnodiging>(
  deps: {
    readonly store: UitnodigingenStore<G>;
    readonly accounts: GebruikersaccountPoort;
    /** Ends the portal sessions of a revoked account; without it (tests of the account alone), sessions run out by themselves. */
    readonly sessies?: { beeindigVanAccount(email: string): Promise<number> };
    readonly klok?: () => Date;
  },
  tenant: string,
  sleutel: string,
): Promise<AccountVerwerking> => {
  const g = await deps.store.haal(tenant, sleutel);
  // Gone (the partner's or member's data erased): nothing to do. A coordinator's store ignores the tenant.
  if (!g) return 'onbekend';
  if (g.status !== 'uitgenodigd' && g.status !== 'intrekken') return 'alAfgehandeld';
  const account = { email: g.email, naam: g.naam, rol: g.rol, tenant: tenantVan(g) };
  const uitkomst = g.status === 'uitgenodigd' ? await deps.accounts.maak(account) : await deps.accounts.verwijder(account);
  // After the account is gone (no new sign-in can start) and before the mark (a crash in between retries both):
  // a revoked person's open portal sessions end now, not when they run out. Not for an address another holds.
  if (uitkomst === 'verwijderd' || uitkomst === 'bestondNiet') await deps.sessies?.beeindigVanAccount(g.email);
  const vastgelegd = await deps.store.handelAf(gebruikerAfgehandeld(g, uitkomst, (deps.klok?.() ?? new Date()).toISOString()), g.versie);
  if (!vastgelegd && uitkomst === 'aangemaakt') {
    // The invitation changed while the account was being made: if that change was a revocation, its own
    // task may have run before this account existed and found nothing to remove. Remove it here.
    const nu = await deps.store.haal(tenant, sleutel);
    if (nu?.status === 'intrekken' || nu?.status === 'ingetrokken') {
      await deps.accounts.verwijder(account);
      await deps.sessies?.beeindigVanAccount(g.email);
    }
  }
  logVerwerking({
    activiteit:
      g.rol === 'werkgever'
        ? 'lidGebruikerAccountMaken'
        : g.rol === 'coopAdmin'
          ? g.status === 'uitgenodigd' ? 'coordinatorAccountMaken' : 'coordinatorAccountVerwijderen'
          : g.status === 'uitgenodigd' ? 'partnerGebruikerAccountMaken' : 'partnerGebruikerAccountVerwijderen',
    door: SYSTEEM,
    betrokkenen: [g.id],
    status: uitkomst === 'adresInGebruik' ? 'geweigerd' : 'gelukt',
  });
  return vastgelegd ? uitkomst : 'alAfgehandeld';
};
