import { bevatBsn } from '../domain/bsn';
import { Actor, Datum, Id, Tijdstip } from './gemeenschappelijk';
import { GemeenteCode, Termijn } from './gemeenten';
import * as z from 'zod';

/**
 * Retention follow-ups (nazorg). When a placement starts, its follow-up moments are planned in the same
 * transaction from its gemeente's settings (cadence and durability checks) plus the dated deadlines of its
 * instruments and contract (Plaatsing.termijnen). The sweep finds the due ones through a write-sharded
 * due-date index and sends each through the nazorg queue exactly once.
 */
export const NAZORG_SOORTEN = [
  'regulier',
  'duurzaamheidscheck',
  'eindeProefplaatsing',
  'eindeForfaitaireLks',
  'herbeoordelingLks',
  'eindeNoRiskPolis',
  'eindeContract',
  'exitcheck',
] as const;
export const NazorgSoort = z.enum(NAZORG_SOORTEN).meta({ id: 'NazorgSoort' });

/** gepland → verstuurd (the sweep and consumer) → beantwoord; geannuleerd when the placement ends. */
export const NazorgStatus = z.enum(['gepland', 'verstuurd', 'beantwoord', 'geannuleerd']).meta({ id: 'NazorgStatus' });
export type NazorgStatus = z.infer<typeof NazorgStatus>;

export const RISICO_CATEGORIEEN = ['contracteindeNadert', 'conflict', 'gezondheidsverzuim', 'vervoer', 'schulden', 'motivatie', 'werkdruk', 'overig'] as const;
export const Risicocategorie = z.enum(RISICO_CATEGORIEEN).meta({ id: 'Risicocategorie' });

/** The answer of an employer or jobcoach to one follow-up moment. No medical detail: categories only. */
export const NazorgAntwoordInvoer = z
  .strictObject({
    nogInDienst: z.boolean(),
    gewerkteUrenPerWeek: z.number().int().min(0).max(60),
    verzuimdagenInPeriode: z.number().int().min(0).max(366),
    hoeGaatHet: z.number().int().min(1).max(5).meta({ description: '1 (slecht) tot 5 (goed).' }),
    ondersteuningNodig: z.boolean(),
    risicos: z.array(Risicocategorie).max(RISICO_CATEGORIEEN.length),
    notitie: z
      .string()
      .trim()
      .max(2000)
      .refine((v) => !bevatBsn(v), 'mag geen BSN bevatten')
      .optional().meta({ description: 'Vrije notitie. Geen medische gegevens.' }),
    werkzaamElders: z
      .boolean()
      .optional()
      .meta({ description: 'Niet meer bij deze werkgever, maar wel aan het werk bij een andere: telt als duurzaam bij een duurzaamheidscheck.' }),
  })
  .meta({ id: 'NazorgAntwoordInvoer' });
export type NazorgAntwoordInvoer = z.infer<typeof NazorgAntwoordInvoer>;

export const NazorgAntwoord = NazorgAntwoordInvoer.extend({ door: Actor, op: Tijdstip }).meta({ id: 'NazorgAntwoord' });

/** A rule that raised the risk signal, named after the answer that raised it. */
export const Risicoreden = z
  .strictObject({
    regel: z.enum(['nietMeerInDienst', 'elderswerkzaam', 'verzuim', 'gaatSlecht', 'gaatMatig', 'risico', 'meerdereRisicos', 'ondersteuningNodig']),
    niveau: z.enum(['midden', 'hoog']),
    toelichting: z.string(),
  })
  .meta({ id: 'Risicoreden' });
/** The rule-based risk signal of a placement, from its latest answer, with the answers that raised it. */
export const Risicosignaal = z
  .strictObject({
    niveau: z.enum(['laag', 'midden', 'hoog']),
    redenen: z.array(Risicoreden),
    nazorgmomentId: Id,
    bepaaldOp: Tijdstip,
  })
  .meta({ id: 'Risicosignaal' });
export type Risicosignaal = z.infer<typeof Risicosignaal>;

export const Nazorgmoment = z
  .strictObject({
    id: Id,
    plaatsingId: Id,
    /** The placement's referral (the candidate), copied when planned; absent on moments planned before. */
    verwijzingId: Id.optional().meta({ description: 'De verwijzing van de plaatsing (de kandidaat), vastgelegd bij het plannen.' }),
    lidId: Id,
    gemeente: GemeenteCode,
    jobcoachPartnerId: Id.optional().meta({ description: 'De jobcoachorganisatie die de plaatsing nu heeft: volgt een latere toewijzing zolang het moment open is.' }),
    soort: NazorgSoort,
    termijn: Termijn.optional().meta({ description: 'Voor reguliere momenten en duurzaamheidschecks: de termijn na de start.' }),
    /** For the triggers of an instrument (eindeProefplaatsing, eindeForfaitaireLks, herbeoordelingLks, eindeNoRiskPolis): which one. */
    instrumentId: Id.optional(),
    vervaldatum: Datum,
    status: NazorgStatus,
    /** Copied from the gemeente's settings when planned: days after sending before an unanswered moment escalates. */
    reactietermijnDagen: z.number().int().min(1).max(60),
    verstuurdOp: Tijdstip.optional(),
    /** Set when sent: the sending day plus reactietermijnDagen. Unanswered after this day, the moment escalates. */
    antwoordUiterlijk: Datum.optional().meta({ description: 'De dag tot en met wanneer een antwoord op tijd is: de verzenddag plus de reactietermijn.' }),
    /** Set when the moment was escalated for not being answered in time; it can still be answered. */
    geescaleerdOp: Tijdstip.optional(),
    antwoorden: z.array(NazorgAntwoord),
    /** Durability checks: whether the person is still in work at the check (per the gemeente's definition). */
    duurzaam: z.boolean().optional(),
    /** The risk signal the answer gave. */
    risico: Risicosignaal.optional(),
    versie: z.number().int().min(1),
  })
  .meta({ id: 'Nazorgmoment' });
export type Nazorgmoment = z.infer<typeof Nazorgmoment>;

export const NazorgmomentIdParameters = z.strictObject({ nazorgmomentId: Id });

/** A coordinator adds a moment to one placement. */
export const NazorgmomentInvoer = z.strictObject({ vervaldatum: Datum, soort: z.literal('regulier') }).meta({ id: 'NazorgmomentInvoer' });
/** A coordinator moves a planned moment (JSON merge patch). */
export const NazorgmomentWijziging = z.strictObject({ vervaldatum: Datum }).meta({ id: 'NazorgmomentWijziging' });
export const Nazorgmomenten = z
  .strictObject({ nazorgmomenten: z.array(Nazorgmoment), risico: Risicosignaal.optional() })
  .meta({ id: 'Nazorgmomenten' });

/** open → afgehandeld, once, by a coordinator. */
export const EscalatieStatus = z.enum(['open', 'afgehandeld']).meta({ id: 'EscalatieStatus' });
/** What came of an escalation: counted per category by reports, the detail stays in the text. */
export const ESCALATIE_UITKOMSTEN = ['ondersteuningGeregeld', 'afsprakenGemaakt', 'geenActieNodig', 'overgedragenAanGemeente', 'plaatsingBeeindigd', 'overig'] as const;
export const EscalatieUitkomst = z
  .enum(ESCALATIE_UITKOMSTEN)
  .meta({ id: 'EscalatieUitkomst', description: 'Wat de afhandeling opleverde: extra ondersteuning, afspraken met werkgever en kandidaat, niets nodig, overgedragen aan de gemeente, de plaatsing eindigde, of iets anders.' });
/**
 * A signal for the cooperative's coordinators: a high risk in an answer, or a moment not answered within
 * the gemeente's reactietermijn. The gemeente of the referral is notified in the same transaction.
 */
export const Escalatie = z
  .strictObject({
    id: Id,
    plaatsingId: Id,
    /** The placement's referral (the candidate it is about), for the processing log of a list read. */
    verwijzingId: Id.optional().meta({ description: 'De verwijzing van de plaatsing (de kandidaat).' }),
    nazorgmomentId: Id,
    lidId: Id,
    gemeente: GemeenteCode,
    aanleiding: z.enum(['hoogRisico', 'onbeantwoord']),
    redenen: z.array(z.string()),
    status: EscalatieStatus,
    aangemaaktOp: Tijdstip,
    /** Set when a coordinator closes it: what was done, and who and when. */
    afhandeling: z.string().optional(),
    uitkomst: EscalatieUitkomst.optional(),
    afgehandeldDoor: Actor.optional(),
    afgehandeldOp: Tijdstip.optional(),
  })
  .meta({ id: 'Escalatie' });
export type Escalatie = z.infer<typeof Escalatie>;
export const EscalatiesFilter = z.strictObject({ status: EscalatieStatus.default('open') });
export const EscalatieIdParameters = z.strictObject({ escalatieId: Id });
/** A coordinator closes an escalation: what was done (free text, no BSN, no medical detail) and, if known, its outcome. */
export const EscalatieAfhandeling = z
  .strictObject({
    afhandeling: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .refine((v) => !bevatBsn(v), 'mag geen BSN bevatten')
      .meta({ description: 'Wat er met de escalatie is gedaan. Geen BSN en geen medische gegevens.' }),
    uitkomst: EscalatieUitkomst.optional(),
  })
  .meta({ id: 'EscalatieAfhandeling' });
export type EscalatieAfhandeling = z.infer<typeof EscalatieAfhandeling>;
export const EscalatiesPagina = z
  .strictObject({ escalaties: z.array(Escalatie), volgendePagina: z.string().nullable().meta({ description: 'Pad naar de volgende pagina, of null op de laatste.' }) })
  .meta({ id: 'EscalatiesPagina' });
