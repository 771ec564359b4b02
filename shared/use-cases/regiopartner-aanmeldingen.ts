import { ulid } from 'ulidx';
import { API_SCOPE, type Principal } from '../auth/rollen';
import { toegang, vereisToegang } from '../auth/toegang';
import type { Omgeving } from '../domain/leden';
import {
  aanmelden,
  afwijzen,
  bevestigen,
  controleerBesluit,
  dubbeleAanmeldingBericht,
  goedkeuren,
  nieuwBevestigingstoken,
  ongeldigeBevestiging,
  tokenHash,
} from '../domain/regiopartners';
import { logger } from '../observability/logger';
import { logVerwerking } from '../privacy/verwerkingen';
import type {
  AanmeldingGebeurtenis,
  AanmeldingStatus,
  PartnerGebruiker,
  Regiopartner,
  RegiopartnerAanmelding,
  RegiopartnerAanmeldingInvoer,
} from '../schemas/regiopartners';
import type { AanmeldingenStore, MachineClientPoort, Pagina } from './poorten';

export interface AanmeldingenDeps {
  readonly store: AanmeldingenStore;
  /** Made on first use: only the approval needs the identity provider (and its environment). */
  readonly machineClients: () => MachineClientPoort;
  /** The portal's base URL: the confirmation link opens a page there that posts the token. */
  readonly portaal: string;
  readonly klok?: () => Date;
  readonly nieuwId?: () => string;
  readonly nieuwToken?: () => string;
}

export interface Goedkeuring {
  readonly aanmelding: RegiopartnerAanmelding;
  readonly regiopartner: Regiopartner;
  readonly machineClient: { readonly clientId: string; readonly clientSecret: string; readonly tokenUrl: string; readonly scope: string };
  /** The contact's account, invited in the approval's transaction and made by the accounts consumer. */
  readonly gebruiker: PartnerGebruiker;
}

const PUBLIEK = { rol: 'publiek', subject: 'aanmelder' } as const;

/**
 * The sign-up of regiopartners. The public steps (apply, confirm) answer as little as they can: applying
 * answers the same whether or not the KvK number has an open application, confirming the same for every
 * token that does not work. The contact person is personal data: every read and write is logged.
 */
export const aanmeldingenUseCases = (deps: AanmeldingenDeps) => {
  const nu = () => deps.klok?.() ?? new Date();
  const omgeving = (tijd: Date): Omgeving => ({ nu: tijd.toISOString(), nieuwId: deps.nieuwId ?? (() => ulid()) });

  const zichtbaar = async (principal: Principal, aanmeldingId: string): Promise<RegiopartnerAanmelding> => {
    vereisToegang(toegang.aanmelding(principal), 'Deze aanmelding');
    const a = await deps.store.haal(aanmeldingId);
    vereisToegang(a !== undefined, 'Deze aanmelding');
    return a!;
  };

  return {
    /** Always ends without telling the caller more than "received"; see dubbeleAanmeldingBericht for the duplicate case. */
    async aanmelden(invoer: RegiopartnerAanmeldingInvoer): Promise<void> {
      const tijd = nu();
      const token = (deps.nieuwToken ?? nieuwBevestigingstoken)();
      const mutatie = aanmelden(invoer, token, deps.portaal, omgeving(tijd));
      const { openAanmeldingId } = await deps.store.voegToe(mutatie, tijd);
      if (openAanmeldingId === undefined) {
        logVerwerking({ activiteit: 'regiopartnerAanmeldingOntvangen', door: PUBLIEK, betrokkenen: [mutatie.aanmelding.id], status: 'gelukt' });
        return;
      }
      const open = await deps.store.haal(openAanmeldingId);
      if (open) await deps.store.bewaarNotificatie(dubbeleAanmeldingBericht(open, omgeving(tijd)));
      logVerwerking({ activiteit: 'regiopartnerAanmeldingOntvangen', door: PUBLIEK, betrokkenen: [openAanmeldingId], status: 'geweigerd' });
    },

    async bevestigen(token: string): Promise<RegiopartnerAanmelding> {
      const tijd = nu();
      const hash = tokenHash(token);
      const aanmeldingId = await deps.store.bijToken(hash, tijd);
      if (aanmeldingId === undefined) throw ongeldigeBevestiging();
      const aanmelding = await deps.store.haal(aanmeldingId);
      if (!aanmelding) throw ongeldigeBevestiging();
      const mutatie = bevestigen(aanmelding, omgeving(tijd));
      await deps.store.bevestig(mutatie, hash, tijd);
      logVerwerking({ activiteit: 'regiopartnerAanmeldingBevestigen', door: { rol: 'publiek', subject: 'contactpersoon' }, betrokkenen: [aanmeldingId], status: 'gelukt' });
      return mutatie.aanmelding;
    },

    async ophalen(principal: Principal, aanmeldingId: string): Promise<RegiopartnerAanmelding> {
      const a = await zichtbaar(principal, aanmeldingId);
      logVerwerking({ activiteit: 'regiopartnerAanmeldingInzien', door: principal, betrokkenen: [a.id], status: 'gelukt' });
      return a;
    },

    async zoeken(principal: Principal, filter: { status?: AanmeldingStatus | undefined; pageSize: number; cursor?: string | undefined }): Promise<Pagina<RegiopartnerAanmelding>> {
      vereisToegang(toegang.aanmelding(principal), 'Deze aanmeldingen');
      const pagina = await deps.store.zoek(filter);
      logVerwerking({ activiteit: 'regiopartnerAanmeldingenZoeken', door: principal, betrokkenen: pagina.items.map((a) => a.id), status: 'gelukt' });
      return pagina;
    },

    async geschiedenis(principal: Principal, aanmeldingId: string, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<AanmeldingGebeurtenis>> {
      vereisToegang(toegang.aanmelding(principal), 'Deze aanmelding');
      const r = await deps.store.gebeurtenissen(aanmeldingId, pagina);
      // An application always has its 'aangemeld' event: an empty first page means it does not exist.
      vereisToegang(r.items.length > 0 || pagina.cursor !== undefined, 'Deze aanmelding');
      logVerwerking({ activiteit: 'regiopartnerAanmeldingGeschiedenisInzien', door: principal, betrokkenen: [aanmeldingId], status: 'gelukt' });
      return r;
    },

    /**
     * Approval makes the machine client first and then writes, in one conditional transaction, the
     * decision, its history, the partner, the MachineClient registration (role regiopartner, tenant = the
     * partner) and the contact's mail. Why this order: the secret must be in this response, and Cognito's
     * CreateUserPoolClient has no idempotency key, so the write cannot come first and the client "later".
     * A client made by an approval that then loses (a concurrent or retried approval, a stale If-Match) is
     * deleted again here; one that a crash leaves behind has no MachineClient item, so its tokens carry no
     * role and the API answers them 401. Retried approvals make no second client: the status is checked
     * before a client is made, and the transaction lets exactly one approval win. The client id is kept on
     * the application (and its name is regiopartner-<aanmeldingId>), so a stray one can be found.
     */
    async goedkeuren(principal: Principal, aanmeldingId: string, ifMatch: number | undefined): Promise<Goedkeuring> {
      const aanmelding = await zichtbaar(principal, aanmeldingId);
      controleerBesluit(aanmelding, ifMatch);
      const clients = deps.machineClients();
      const client = await clients.maak(`regiopartner-${aanmelding.id}`);
      let mutatie: ReturnType<typeof goedkeuren>;
      try {
        mutatie = goedkeuren(aanmelding, principal, { clientId: client.clientId, ifMatch }, omgeving(nu()));
        await deps.store.besluit(mutatie);
      } catch (error) {
        await clients.verwijder(client.clientId).catch((e: unknown) =>
          logger.error('machine client van een mislukte goedkeuring niet verwijderd', { clientId: client.clientId, aanmeldingId, error: e as Error }),
        );
        throw error;
      }
      const { partner, gebruiker } = mutatie.nieuwePartner!;
      logVerwerking({ activiteit: 'regiopartnerAanmeldingBesluiten', door: principal, betrokkenen: [aanmelding.id, partner.id, gebruiker.id], status: 'gelukt' });
      return {
        gebruiker,
        aanmelding: mutatie.aanmelding,
        regiopartner: partner,
        machineClient: { clientId: client.clientId, clientSecret: client.clientSecret, tokenUrl: clients.tokenUrl, scope: API_SCOPE },
      };
    },

    async afwijzen(principal: Principal, aanmeldingId: string, reden: string, ifMatch: number | undefined): Promise<RegiopartnerAanmelding> {
      const aanmelding = await zichtbaar(principal, aanmeldingId);
      const mutatie = afwijzen(aanmelding, principal, { reden, ifMatch }, omgeving(nu()));
      await deps.store.besluit(mutatie);
      logVerwerking({ activiteit: 'regiopartnerAanmeldingBesluiten', door: principal, betrokkenen: [aanmelding.id], status: 'gelukt' });
      return mutatie.aanmelding;
    },
  };
};
