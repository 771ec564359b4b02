/**
 * A message to a person, written to the outbox in the same transaction as the change it reports, and
 * forwarded to the notifications queue from the table's stream. Only its id travels through the queue:
 * the address and text stay in the table (encrypted at rest, with a retention TTL).
 */
export interface Notificatie {
  readonly id: string;
  readonly soort: 'lidGoedgekeurd' | 'lidAfgewezen' | 'nazorgmomentVerstuurd' | 'nazorgEscalatie' | 'abonnementUitgeschakeld' | RegiopartnerBericht;
  readonly aan: { readonly naam: string; readonly email: string };
  readonly onderwerp: string;
  readonly tekst: string;
  readonly onderwerpType: 'lid' | 'nazorgmoment' | 'plaatsing' | 'regiopartnerAanmelding' | 'abonnement';
  readonly onderwerpId: string;
  readonly aangemaaktOp: string;
}

/** The sign-up of regiopartners: the confirmation link, a second application for an open one, the decision. */
export const REGIOPARTNER_BERICHTEN = ['aanmeldingBevestigen', 'aanmeldingDubbel', 'aanmeldingGoedgekeurd', 'aanmeldingAfgewezen'] as const;
export type RegiopartnerBericht = (typeof REGIOPARTNER_BERICHTEN)[number];

export type NotificatieStatus = 'wachtend' | 'verzenden' | 'verzonden';

/** Outbox items are kept 90 days after creation for support questions, then expire. */
export const NOTIFICATIE_BEWAARTERMIJN_DAGEN = 90;

/** A consumer that claimed a message and then died releases it after this lease. */
export const VERZEND_LEASE_SECONDEN = 60;
