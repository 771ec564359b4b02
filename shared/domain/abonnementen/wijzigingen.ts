import type { Escalatie, Nazorgmoment } from '../../schemas/nazorg';
import type { LidGebeurtenis } from '../../schemas/leden';
import type { Plaatsing, PlaatsingGebeurtenis } from '../../schemas/plaatsingen';
import type { AanmeldingGebeurtenis } from '../../schemas/regiopartners';
import type { VerwijzingGebeurtenis } from '../../schemas/verwijzingen';
import { nieuweGebeurtenis, type Gebeurtenis, type GebeurtenisData, type GebeurtenisType } from './gebeurtenissen';

/**
 * Which outbound events a change gives, read from the history record each store already writes in the
 * change's transaction: the stores put these events into that same transaction (the house's outbox). The
 * event's id is the history record's id (a ULID) where there is one per event, so a retried write cannot
 * make a second event; an answer that gives more than one event takes ids made by the caller.
 * Only codes travel: a reason typed by a person (an annulment's, a rejection's) never does.
 */
type Zonder<T, K extends keyof T> = Omit<T, K>;
const gebeurtenis = (g: Zonder<Gebeurtenis, 'data'> & { data?: GebeurtenisData }): Gebeurtenis => nieuweGebeurtenis({ data: {}, ...g });

const plaatsingBetrokkenen = (pl: Pick<Plaatsing, 'gemeente' | 'lidId' | 'jobcoachPartnerId'>) => ({
  gemeente: pl.gemeente,
  lidId: pl.lidId,
  ...(pl.jobcoachPartnerId ? { partnerId: pl.jobcoachPartnerId } : {}),
});

const PLAATSING_TYPES: Partial<Record<PlaatsingGebeurtenis['soort'], GebeurtenisType>> = {
  voorgesteld: 'nl.werkcoop.plaatsingen.voorgesteld',
  kennismaking: 'nl.werkcoop.plaatsingen.fase-gewijzigd',
  proefplaatsingGestart: 'nl.werkcoop.plaatsingen.fase-gewijzigd',
  gestart: 'nl.werkcoop.plaatsingen.gestart',
  beeindigd: 'nl.werkcoop.plaatsingen.beeindigd',
  afgewezen: 'nl.werkcoop.plaatsingen.fase-gewijzigd',
  geannuleerd: 'nl.werkcoop.plaatsingen.fase-gewijzigd',
};

export const uitPlaatsing = (g: PlaatsingGebeurtenis, pl: Plaatsing): Gebeurtenis[] => {
  const type = PLAATSING_TYPES[g.soort];
  if (!type) return [];
  return [
    gebeurtenis({
      id: g.id,
      type,
      onderwerp: { soort: 'plaatsing', id: pl.id },
      versie: pl.versie,
      tijd: g.op,
      data: {
        fase: g.naarFase,
        ...(g.vanFase ? { vorigeFase: g.vanFase } : {}),
        ...(g.soort === 'beeindigd' && pl.beeindiging ? { reden: pl.beeindiging.reden } : {}),
      },
      betrokkenen: plaatsingBetrokkenen(pl),
    }),
  ];
};

/** Every change of the referral's status; a change of its fields or its consents is not a status change. */
export const uitVerwijzing = (g: VerwijzingGebeurtenis, v: { id: string; gemeente: string; versie: number }): Gebeurtenis[] =>
  g.vanStatus === g.naarStatus || g.soort === 'gewijzigd' || g.soort === 'toestemmingGegeven' || g.soort === 'toestemmingIngetrokken'
    ? []
    : [
        gebeurtenis({
          id: g.id,
          type: 'nl.werkcoop.verwijzingen.status-gewijzigd',
          onderwerp: { soort: 'verwijzing', id: v.id },
          versie: v.versie,
          tijd: g.op,
          data: { status: g.naarStatus, ...(g.vanStatus ? { vorigeStatus: g.vanStatus } : {}) },
          betrokkenen: { gemeente: v.gemeente },
        }),
      ];

export const uitLid = (g: LidGebeurtenis): Gebeurtenis[] => {
  const type = g.soort === 'goedgekeurd' ? 'nl.werkcoop.leden.goedgekeurd' : g.soort === 'geschorst' ? 'nl.werkcoop.leden.geschorst' : undefined;
  return type
    ? [gebeurtenis({ id: g.id, type, onderwerp: { soort: 'lid', id: g.lidId }, versie: g.versie, tijd: g.op, data: { status: g.naarStatus }, betrokkenen: { lidId: g.lidId } })]
    : [];
};

/** Applications are the coordinators' alone (shared/auth/toegang.ts): no one else is involved. */
export const uitAanmelding = (g: AanmeldingGebeurtenis): Gebeurtenis[] => {
  const type =
    g.soort === 'goedgekeurd' ? 'nl.werkcoop.regiopartner-aanmeldingen.goedgekeurd' : g.soort === 'afgewezen' ? 'nl.werkcoop.regiopartner-aanmeldingen.afgewezen' : undefined;
  return type
    ? [gebeurtenis({ id: g.id, type, onderwerp: { soort: 'regiopartnerAanmelding', id: g.aanmeldingId }, versie: g.versie, tijd: g.op, data: { status: g.naarStatus }, betrokkenen: {} })]
    : [];
};

type Moment = Pick<Nazorgmoment, 'id' | 'soort' | 'versie' | 'gemeente' | 'lidId' | 'jobcoachPartnerId' | 'termijn' | 'duurzaam'>;

/** A moment sent to its member and jobcoach organisation. */
export const uitMomentVerstuurd = (m: Moment, id: string, tijd: string): Gebeurtenis =>
  gebeurtenis({
    id,
    type: 'nl.werkcoop.nazorgmomenten.verstuurd',
    onderwerp: { soort: 'nazorgmoment', id: m.id },
    versie: m.versie,
    tijd,
    data: { soort: m.soort },
    betrokkenen: plaatsingBetrokkenen(m),
  });

/**
 * An answer: the moment answered, and for a durability check its outcome recorded (whether the person is
 * still in work at the term: the figure the gemeente's own monitoring needs, and no more than a code).
 */
export const uitAntwoord = (m: Moment, ids: { beantwoord: string; duurzaamheid: string }, tijd: string): Gebeurtenis[] => [
  gebeurtenis({
    id: ids.beantwoord,
    type: 'nl.werkcoop.nazorgmomenten.beantwoord',
    onderwerp: { soort: 'nazorgmoment', id: m.id },
    versie: m.versie,
    tijd,
    data: { soort: m.soort },
    betrokkenen: plaatsingBetrokkenen(m),
  }),
  ...(m.soort === 'duurzaamheidscheck' && m.duurzaam !== undefined
    ? [
        gebeurtenis({
          id: ids.duurzaamheid,
          type: 'nl.werkcoop.duurzaamheidsmetingen.vastgelegd',
          onderwerp: { soort: 'duurzaamheidsmeting', id: m.id },
          versie: m.versie,
          tijd,
          data: { duurzaam: m.duurzaam, ...(m.termijn ? { termijn: m.termijn } : {}) },
          betrokkenen: plaatsingBetrokkenen(m),
        }),
      ]
    : []),
];

/** Escalations are the coordinators' work list (shared/auth/toegang.ts): only they hear of them. */
export const uitEscalatie = (e: Pick<Escalatie, 'id' | 'status'>, id: string, tijd: string): Gebeurtenis =>
  gebeurtenis({
    id,
    type: e.status === 'afgehandeld' ? 'nl.werkcoop.escalaties.afgehandeld' : 'nl.werkcoop.escalaties.aangemaakt',
    onderwerp: { soort: 'escalatie', id: e.id },
    versie: e.status === 'afgehandeld' ? 2 : 1,
    tijd,
    data: { status: e.status },
    betrokkenen: {},
  });
