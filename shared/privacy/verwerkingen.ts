import type { Principal } from '../auth/rollen';
import { logger } from '../observability/logger';

/**
 * Every read or write of personal data is logged with its processing activity, after the fields of
 * Logius' "Logboek Dataverwerkingen" (activity, actor, data subject, status). A contact person's name and
 * e-mail are personal data, so the leden use cases log here. The queryable processing log (issue #5)
 * builds on these same calls.
 */
export type Verwerkingsactiviteit =
  | 'lidAanvraagOntvangen'
  | 'lidInzien'
  | 'ledenZoeken'
  | 'lidWijzigen'
  | 'lidStatusWijzigen'
  | 'lidGeschiedenisInzien'
  | 'gemeenteRegistreren'
  | 'gemeenteInzien'
  | 'gemeentenZoeken'
  | 'gemeenteWijzigen'
  | 'regiopartnerAanmaken'
  | 'regiopartnerInzien'
  | 'regiopartnersZoeken'
  | 'verwijzingIndienen'
  | 'verwijzingInzien'
  | 'verwijzingenZoeken'
  | 'verwijzingWijzigen'
  | 'verwijzingStatusWijzigen'
  | 'verwijzingToestemmingWijzigen'
  | 'verwijzingGeschiedenisInzien'
  | 'notificatieVersturen'
  // A placement ties a candidate to an employer, a contract and a jobcoach: all of it is personal data.
  | 'plaatsingVoorstellen'
  | 'plaatsingInzien'
  | 'plaatsingenZoeken'
  | 'plaatsingWijzigen'
  | 'plaatsingGeschiedenisInzien'
  | 'ontwikkelplanInzien'
  | 'begeleidingsnotitieSchrijven'
  // Matching reads candidates: the referral behind a match list, anonymous profiles, and a released name.
  | 'matchesZoeken'
  | 'kandidatenZoeken'
  | 'kandidaatContactVrijgeven';

export const logVerwerking = (v: {
  activiteit: Verwerkingsactiviteit;
  door: Principal | { rol: 'publiek' | 'systeem'; subject: string };
  betrokkenen: readonly string[];
  status: 'gelukt' | 'geweigerd';
}): void => {
  logger.info('verwerking', {
    verwerking: { activiteit: v.activiteit, rol: v.door.rol, subject: v.door.subject, betrokkenen: v.betrokkenen, status: v.status },
  });
};
