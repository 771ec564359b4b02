import { ulid } from 'ulidx';
import { toegang } from '../auth/toegang';
import type { Principal } from '../auth/rollen';
import { nietGevonden } from '../domain/fouten';
import { vandaagInNederland } from '../domain/kalender';
import {
  isLinkToken,
  linkGeldigTot,
  linkHash,
  linkPrincipal,
  linkStaat,
  magNieuweLink,
  nazorglinkUrl,
  nieuwLinkToken,
  type LinkOntvanger,
  type LinkStaat,
  type NazorgLink,
} from '../domain/nazorglinks';
import type { Notificatie } from '../domain/notificaties';
import { logVerwerking } from '../privacy/verwerkingen';
type Contactpersoon = { readonly naam: string; readonly email: string };
import { STANDAARD_LINK_NATERMIJN_DAGEN } from '../schemas/gemeenten';
import type { NazorgAntwoordInvoer, Nazorgmoment } from '../schemas/nazorg';
import type { Plaatsing } from '../schemas/plaatsingen';
import type { NazorgStore, ViaLink } from './nazorg';

export interface NazorglinkDeps {
  readonly links: {
    haal(sleutelHash: string): Promise<NazorgLink | undefined>;
    /** The fresh link and its mail, with the old link's `nieuweLinkOp`, in one conditional transaction. */
    vervang(oud: NazorgLink, nieuw: NazorgLink, mail: Notificatie, nu: string): Promise<'vervangen' | 'teVroeg'>;
  };
  readonly nazorg: Pick<NazorgStore, 'haalMetPlaatsing'>;
  /** The place's title: what lets an employer or a jobcoach recognise the placement without the candidate's name. */
  readonly werkplekTitel: (werkplekId: string) => Promise<string | undefined>;
  /** The recipient's registered contact: a fresh link goes there, never to an address typed in. */
  readonly contact: (ontvanger: LinkOntvanger) => Promise<Contactpersoon | undefined>;
  /** The API's own answer use case (shared/use-cases/nazorg.ts): the link adds nothing to its rules. */
  readonly beantwoorden: (principal: Principal, momentId: string, invoer: NazorgAntwoordInvoer, viaLink: ViaLink) => Promise<Nazorgmoment>;
  readonly portaal: string;
  readonly klok?: () => Date;
}

/** What the link's page shows: the least that lets the recipient recognise the placement. */
export interface LinkWeergave {
  readonly staat: LinkStaat;
  readonly link: NazorgLink;
  readonly moment: Pick<Nazorgmoment, 'id' | 'soort' | 'termijn' | 'vervaldatum' | 'antwoordUiterlijk' | 'status'>;
  readonly werkplekTitel: string | undefined;
  readonly startdatum: string | undefined;
}

export type NieuweLinkUitkomst = 'gemaild' | 'teVroeg' | 'nietNodig';

export const nazorglinkUseCases = (deps: NazorglinkDeps) => {
  const nu = () => deps.klok?.() ?? new Date();

  /** The link, the moment and its placement, as the recipient may see them; unknown, foreign and malformed alike are 404. */
  const zichtbaar = async (token: string): Promise<{ link: NazorgLink; principal: Principal; moment: Nazorgmoment; plaatsing: Plaatsing }> => {
    const link = isLinkToken(token) ? await deps.links.haal(linkHash(token)) : undefined;
    if (!link) throw nietGevonden('Deze link');
    const principal = linkPrincipal(link);
    const { moment, plaatsing } = await deps.nazorg.haalMetPlaatsing(link.nazorgmomentId);
    // The access rules of an API call by this recipient: a jobcoach organisation replaced since the invitation no longer sees it.
    if (!moment || !plaatsing || moment.plaatsingId !== link.plaatsingId || !toegang.plaatsing(principal, plaatsing)) throw nietGevonden('Deze link');
    return { link, principal, moment, plaatsing };
  };

  return {
    /** Opening the link uses nothing up (mail scanners open links); it is a read of the placement, and logged as one. */
    async openen(token: string): Promise<LinkWeergave> {
      const { link, principal, moment, plaatsing } = await zichtbaar(token);
      const werkplekTitel = await deps.werkplekTitel(plaatsing.werkplekId);
      logVerwerking({ activiteit: 'plaatsingInzien', door: principal, betrokkenen: [plaatsing.verwijzingId], status: 'gelukt' });
      return {
        staat: linkStaat(link, moment, vandaagInNederland(nu())),
        link,
        moment: { id: moment.id, soort: moment.soort, termijn: moment.termijn, vervaldatum: moment.vervaldatum, antwoordUiterlijk: moment.antwoordUiterlijk, status: moment.status },
        werkplekTitel,
        startdatum: plaatsing.contract?.startdatum,
      };
    },

    /** The answer, through the API's use case as the recipient; the link is used in the answer's own transaction. */
    async beantwoorden(token: string, invoer: NazorgAntwoordInvoer): Promise<Nazorgmoment> {
      const { link, principal } = await zichtbaar(token);
      return deps.beantwoorden(principal, link.nazorgmomentId, invoer, { sleutelHash: link.sleutelHash });
    },

    /**
     * A fresh link for an expired (or lost) one, mailed to the recipient's registered address only, at most
     * once per wait; nothing when the moment needs no answer any more.
     */
    async nieuweLink(token: string): Promise<NieuweLinkUitkomst> {
      const { link, principal, moment } = await zichtbaar(token);
      const tijdstip = nu().toISOString();
      const staat = linkStaat(link, moment, vandaagInNederland(nu()));
      if (staat.staat !== 'verlopen' || !magNieuweLink(link, moment, tijdstip)) return staat.staat === 'verlopen' ? 'teVroeg' : 'nietNodig';
      const aan = await deps.contact(link.ontvanger);
      if (!aan) return 'nietNodig';
      const nieuwToken = nieuwLinkToken();
      const nieuw: NazorgLink = {
        sleutelHash: linkHash(nieuwToken),
        nazorgmomentId: link.nazorgmomentId,
        plaatsingId: link.plaatsingId,
        ontvanger: link.ontvanger,
        // A fresh link gets the grace period again from today: it was asked for because the old one ran out.
        geldigTot: linkGeldigTot(vandaagInNederland(nu()), STANDAARD_LINK_NATERMIJN_DAGEN),
        aangemaaktOp: tijdstip,
      };
      const mail: Notificatie = {
        id: ulid(),
        soort: 'nazorgmomentVerstuurd',
        aan,
        onderwerp: 'Nazorg: uw nieuwe link',
        tekst:
          `Beste ${aan.naam},\n\nU vroeg om een nieuwe link om het nazorgmoment te beantwoorden (vervaldatum ${moment.vervaldatum}). ` +
          `Deze werkt tot en met ${nieuw.geldigTot}:\n\n${nazorglinkUrl(deps.portaal, nieuwToken)}\n\nDe link is alleen voor u: stuur hem niet door.`,
        onderwerpType: 'nazorgmoment',
        onderwerpId: moment.id,
        aangemaaktOp: tijdstip,
      };
      const uitkomst = await deps.links.vervang(link, nieuw, mail, tijdstip);
      if (uitkomst === 'vervangen') logVerwerking({ activiteit: 'plaatsingWijzigen', door: principal, betrokkenen: [moment.verwijzingId ?? moment.plaatsingId], status: 'gelukt' });
      return uitkomst === 'vervangen' ? 'gemaild' : 'teVroeg';
    },
  };
};
