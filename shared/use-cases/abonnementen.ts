import type { Principal } from '../auth/rollen';
import { vereisToegang } from '../auth/toegang';
import {
  eigenaarVan,
  geroteerd,
  magBeheren,
  nieuwAbonnement,
  wijzigAbonnement,
  type Abonnement,
  type AbonnementInvoer,
  type AbonnementWijziging,
  type Eigenaar,
} from '../domain/abonnementen/abonnement';
import type { Adresklasse } from '../domain/abonnementen/adressen';
import { nieuwGeheim } from '../domain/abonnementen/handtekening';
import { DomeinFout } from '../domain/fouten';
import type { Pagina } from './poorten';

/** The sealed values of a subscription (shared/webhooks/verzegelen.ts): never leave the store but to sign and send. */
export interface Verzegeld {
  readonly geheim: string;
  readonly vorigGeheim?: string | undefined;
  readonly authorization?: string | undefined;
}

export interface AbonnementenStore {
  haal(id: string): Promise<{ abonnement: Abonnement; verzegeld: Verzegeld } | undefined>;
  lijst(eigenaar: Eigenaar | 'alle', pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<Abonnement>>;
  /** With the verification's outbox item (`verificatieId`, a ULID) in the same write. */
  voegToe(a: Abonnement, v: Verzegeld, verificatieId: string): Promise<void>;
  /** Refused with 'verouderd' when it changed since `verwachteVersie`; a new callback brings a verification. */
  vervang(a: Abonnement, v: Verzegeld, verwachteVersie: number, verificatieId?: string): Promise<void>;
  verwijder(id: string, verwachteVersie: number): Promise<void>;
}

export interface AfleveringenPoort {
  lijst(abonnementId: string, status: string | undefined, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<{ gebeurtenisId: string }>>;
  haal(abonnementId: string, gebeurtenisId: string): Promise<{ status: string; poging: number } | undefined>;
  pogingen(abonnementId: string, gebeurtenisId: string): Promise<readonly object[]>;
  herbezorg(abonnementId: string, gebeurtenisId: string, opdrachtId: string, nu: string): Promise<'gepland' | 'onbekend' | 'loopt'>;
  herhaal(abonnementId: string, van: string, tot: string, opdrachtId: string, nu: string): Promise<void>;
}

export interface AbonnementenDeps {
  readonly afleveringen?: AfleveringenPoort;
  readonly store: AbonnementenStore;
  readonly verzegel: (waarde: string, abonnementId: string) => Promise<string>;
  /** Resolves the callback's host and judges every address (the SSRF guard); the class refused, or undefined. */
  readonly bestemmingGeweigerd: (url: string) => Promise<Adresklasse | 'onbekendeHost' | undefined>;
  readonly klok?: () => Date;
  readonly nieuwId: () => string;
}

const haalEigen = async (deps: AbonnementenDeps, principal: Principal, id: string) => {
  const r = await deps.store.haal(id);
  vereisToegang(r !== undefined && magBeheren(principal, r.abonnement), 'Dit abonnement');
  return r!;
};

const vereisVersie = (a: Abonnement, ifMatch: number | undefined) => {
  if (ifMatch !== undefined && ifMatch !== a.versie) throw new DomeinFout('verouderd', 'Het abonnement is intussen gewijzigd. Haal het opnieuw op en probeer het nog eens.');
};

/**
 * The callback's host is resolved now, as at every delivery: a URL that points inside (or nowhere) is refused
 * at once, with the class of address, rather than failing quietly for days.
 */
const vereisBestemming = async (deps: AbonnementenDeps, url: string) => {
  const geweigerd = await deps.bestemmingGeweigerd(url);
  if (geweigerd === 'onbekendeHost') throw new DomeinFout('onverwerkbaar', 'De host van de callbackUrl bestaat niet (DNS).', 'body.callbackUrl');
  if (geweigerd) throw new DomeinFout('onverwerkbaar', `De callbackUrl wijst naar een adres dat niet publiek is (${geweigerd}); alleen publieke unicast-adressen zijn toegestaan.`, 'body.callbackUrl');
};

/**
 * Subscriptions: their owner's (a gemeente, a member, a regiopartner) or the cooperative's; coordinators
 * manage all. The signing secret is shown once, at creation and at rotation; the Authorization value never.
 */
export const abonnementenUseCases = (deps: AbonnementenDeps) => {
  const nu = () => deps.klok?.() ?? new Date();
  return {
    async maak(principal: Principal, invoer: AbonnementInvoer): Promise<{ abonnement: Abonnement; geheim: string }> {
      const a = nieuwAbonnement(invoer, principal, { nu: nu().toISOString(), nieuwId: deps.nieuwId });
      await vereisBestemming(deps, a.callbackUrl);
      const geheim = nieuwGeheim();
      await deps.store.voegToe(
        a,
        {
          geheim: await deps.verzegel(geheim, a.id),
          ...(invoer.authorization !== undefined ? { authorization: await deps.verzegel(invoer.authorization, a.id) } : {}),
        },
        deps.nieuwId(),
      );
      return { abonnement: a, geheim };
    },

    async lijst(principal: Principal, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<Abonnement>> {
      return deps.store.lijst(principal.rol === 'coopAdmin' ? 'alle' : eigenaarVan(principal), pagina);
    },

    async haal(principal: Principal, id: string): Promise<Abonnement> {
      return (await haalEigen(deps, principal, id)).abonnement;
    },

    async wijzig(principal: Principal, id: string, w: AbonnementWijziging, ifMatch: number | undefined): Promise<Abonnement> {
      const { abonnement, verzegeld } = await haalEigen(deps, principal, id);
      vereisVersie(abonnement, ifMatch);
      const nieuw = wijzigAbonnement(abonnement, w, principal, nu().toISOString());
      if (w.callbackUrl !== undefined) await vereisBestemming(deps, nieuw.callbackUrl);
      const { authorization: _oud, ...rest } = verzegeld;
      const v: Verzegeld =
        w.authorization === undefined ? verzegeld : w.authorization === null ? rest : { ...rest, authorization: await deps.verzegel(w.authorization, id) };
      // Back to inAfwachting, or a new callback while waiting: verify (again), in the same write.
      const verifieren = nieuw.status === 'inAfwachting' && (abonnement.status !== 'inAfwachting' || nieuw.callbackUrl !== abonnement.callbackUrl);
      await deps.store.vervang(nieuw, v, abonnement.versie, verifieren ? deps.nieuwId() : undefined);
      return nieuw;
    },

    async verwijder(principal: Principal, id: string, ifMatch: number | undefined): Promise<void> {
      const { abonnement } = await haalEigen(deps, principal, id);
      vereisVersie(abonnement, ifMatch);
      await deps.store.verwijder(id, abonnement.versie);
    },

    /** The delivery log: a subscription's deliveries (by status, e.g. the failed ones), newest first. */
    async afleveringen(principal: Principal, id: string, status: string | undefined, pagina: { pageSize: number; cursor?: string | undefined }) {
      await haalEigen(deps, principal, id);
      return deps.afleveringen!.lijst(id, status, pagina);
    },

    /** One delivery with every attempt (time, status, duration). */
    async aflevering(principal: Principal, id: string, gebeurtenisId: string) {
      await haalEigen(deps, principal, id);
      const [a, pogingen] = await Promise.all([deps.afleveringen!.haal(id, gebeurtenisId), deps.afleveringen!.pogingen(id, gebeurtenisId)]);
      vereisToegang(a !== undefined, 'Deze aflevering');
      return { gebeurtenisId, status: a!.status, poging: a!.poging, pogingen };
    },

    /** One more attempt of a closed delivery (Stripe's "resend"): one attempt, at once. */
    async herbezorg(principal: Principal, id: string, gebeurtenisId: string): Promise<void> {
      await haalEigen(deps, principal, id);
      const r = await deps.afleveringen!.herbezorg(id, gebeurtenisId, deps.nieuwId(), nu().toISOString());
      vereisToegang(r !== 'onbekend', 'Deze aflevering');
      if (r === 'loopt') throw new DomeinFout('conflict', 'Deze aflevering wacht al op een poging of is bezig.');
    },

    /** Replays a period (at most the 30 days events are kept) to an active subscription. */
    async herhaal(principal: Principal, id: string, periode: { van: string; tot: string }): Promise<void> {
      const { abonnement } = await haalEigen(deps, principal, id);
      const van = Date.parse(periode.van);
      const tot = Date.parse(periode.tot);
      if (!(van < tot) || tot - van > 30 * 86_400_000) throw new DomeinFout('onverwerkbaar', 'De periode loopt van vóór tot, en is hoogstens 30 dagen.', 'body.tot');
      if (abonnement.status !== 'actief') throw new DomeinFout('conflict', 'Alleen een actief abonnement kan gebeurtenissen opnieuw krijgen.');
      await deps.afleveringen!.herhaal(id, periode.van, periode.tot, deps.nieuwId(), nu().toISOString());
    },

    /** A new secret, shown once; the old one keeps signing beside it for 24 hours (both signatures sent). */
    async roteer(principal: Principal, id: string): Promise<{ abonnement: Abonnement; geheim: string }> {
      const { abonnement, verzegeld } = await haalEigen(deps, principal, id);
      const nieuw = geroteerd(abonnement, principal, nu());
      const geheim = nieuwGeheim();
      await deps.store.vervang(nieuw, { ...verzegeld, geheim: await deps.verzegel(geheim, id), vorigGeheim: verzegeld.geheim }, abonnement.versie);
      return { abonnement: nieuw, geheim };
    },
  };
};
