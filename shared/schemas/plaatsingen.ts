import { bevatBsn } from '../domain/bsn';
import { Actor, Datum, Id, KorteTekst, Reden, Tijdstip } from './gemeenschappelijk';
import { GemeenteCode } from './gemeenten';
import { Risicosignaal } from './nazorg';
import * as z from 'zod';

/** Free text about a person's placement may never carry a BSN (a number passing the eleven-test). */
const zonderBsn = <T extends z.ZodString>(s: T) => s.refine((v) => !bevatBsn(v), 'mag geen BSN bevatten');
const Tekst = zonderBsn(KorteTekst);
const RedenTekst = zonderBsn(Reden);
const Toelichting = zonderBsn(z.string().trim().max(1000));
const Notitietekst = zonderBsn(z.string().trim().min(1).max(4000));

export const PLAATSING_FASEN = ['voorgesteld', 'kennismaking', 'proefplaatsing', 'gestart', 'beeindigd', 'afgewezen', 'geannuleerd'] as const;
export const PlaatsingFase = z.enum(PLAATSING_FASEN).meta({ id: 'PlaatsingFase' });
export type PlaatsingFase = z.infer<typeof PlaatsingFase>;

/** GGM RedenUitstroom-style reasons for the end of a placement. */
export const BEEINDIGINGSREDENEN = ['uitstroomRegulierWerk', 'contractNietVerlengd', 'terugNaarGemeente', 'eigenVerzoek', 'overig'] as const;
export const Beeindigingsreden = z.enum(BEEINDIGINGSREDENEN).meta({ id: 'Beeindigingsreden' });

export const Contractvorm = z.enum(['bepaaldeTijd', 'onbepaaldeTijd', 'detachering', 'participatieplaats']).meta({ id: 'Contractvorm' });

export const Contract = z
  .strictObject({
    startdatum: Datum,
    contractvorm: Contractvorm,
    einddatum: Datum.optional(),
    urenPerWeek: z.number().int().min(1).max(40),
    loonPercentageWml: z.number().int().min(0).max(300).meta({ description: 'Loon als percentage van het wettelijk minimumloon.' }),
    teltVoorBanenafspraak: z.boolean(),
  })
  .refine((c) => !c.einddatum || c.einddatum > c.startdatum, { message: 'einddatum moet na startdatum liggen', path: ['einddatum'] })
  .meta({ id: 'Contract' });

export const Proefplaatsing = z.strictObject({ startdatum: Datum, einddatum: Datum }).meta({ id: 'Proefplaatsingsperiode' });

export const INSTRUMENT_SOORTEN = ['proefplaatsing', 'loonkostensubsidie', 'noRiskPolis', 'jobcoach'] as const;
export const InstrumentSoort = z.enum(INSTRUMENT_SOORTEN).meta({ id: 'InstrumentSoort' });

export const InstrumentInvoer = z
  .discriminatedUnion('soort', [
    z.strictObject({ soort: z.literal('proefplaatsing'), startdatum: Datum, einddatum: Datum }),
    z
      .strictObject({
        soort: z.literal('loonkostensubsidie'),
        startdatum: Datum,
        /**
         * Forfaitair (50% WML) for at most the first 6 months, then set by a loonwaarde measurement. Once
         * measured the forfaitaire period has done its work: no end of it is planned, so its date is not
         * asked for, and one given anyway is kept as given but neither checked nor acted on.
         */
        forfaitairTot: Datum.optional().meta({
          description:
            'Einde van de forfaitaire periode (50% WML, hoogstens 6 maanden na startdatum; later is 422); plant het moment eindeForfaitaireLks. Verplicht zonder loonwaardePercentage. Met loonwaardePercentage is er geen forfaitaire periode meer te plannen: dan mag het weg, en wordt een meegegeven datum niet gecontroleerd en niet gebruikt.',
        }),
        loonwaardePercentage: z
          .number()
          .int()
          .min(0)
          .max(100)
          .optional()
          .meta({ description: 'De gemeten loonwaarde (% WML); alleen de gemeente of een coördinator zet haar. Gegeven: geen eindeForfaitaireLks, forfaitairTot is niet nodig.' }),
      })
      // Checked even when another field is wrong, so a request hears of every error at once.
      .refine((l) => l.forfaitairTot !== undefined || l.loonwaardePercentage !== undefined, {
        message: 'forfaitairTot is verplicht zonder loonwaardePercentage',
        path: ['forfaitairTot'],
        when: (payload) => typeof payload.value === 'object' && payload.value !== null,
      })
      .meta({
        description: 'Loonkostensubsidie: forfaitair tot forfaitairTot, of, na een loonwaardemeting, naar loonwaardePercentage. Een van beide is verplicht.',
        // The refinement above, as JSON Schema says it, so a client's validator knows the rule too.
        anyOf: [{ required: ['forfaitairTot'] }, { required: ['loonwaardePercentage'] }],
      }),
    z.strictObject({ soort: z.literal('noRiskPolis'), startdatum: Datum, einddatum: Datum.optional() }),
    z.strictObject({ soort: z.literal('jobcoach'), startdatum: Datum, einddatum: Datum.optional(), urenPerMaand: z.number().int().min(1).max(80), organisatie: Tekst }),
  ])
  .meta({ id: 'InstrumentInvoer' });
export type InstrumentInvoer = z.infer<typeof InstrumentInvoer>;
export type InstrumentSoort = z.infer<typeof InstrumentSoort>;

/** A dated deadline that follows from an instrument; the follow-up issue acts on these. */
export const Termijnmoment = z
  .strictObject({ soort: z.enum(['eindeProefplaatsing', 'eindeForfaitaireLks', 'herbeoordelingLks', 'eindeNoRiskPolis', 'eindeContract']), datum: Datum, instrumentId: Id.optional() })
  .meta({ id: 'Termijnmoment' });

export const Instrument = z
  .strictObject({ id: Id, status: z.enum(['actief', 'beeindigd']), invoer: InstrumentInvoer, aangemaaktOp: Tijdstip })
  .meta({ id: 'Instrument' });

export const Plaatsing = z
  .strictObject({
    id: Id,
    verwijzingId: Id,
    werkplekId: Id,
    lidId: Id,
    gemeente: GemeenteCode,
    /** The approved jobcoach organisation (regiopartner) assigned to this placement. */
    jobcoachPartnerId: Id.optional(),
    fase: PlaatsingFase,
    kennismakingOp: Datum.optional(),
    proefplaatsing: Proefplaatsing.optional(),
    contract: Contract.optional(),
    beeindiging: z.strictObject({ einddatum: Datum, reden: Beeindigingsreden, toelichting: z.string().max(1000).optional() }).optional(),
    annuleringsreden: z.string().optional(),
    afwijzingsreden: z.string().optional(),
    instrumenten: z.array(Instrument),
    termijnen: z.array(Termijnmoment),
    /** The follow-ups' risk signal, from the latest answer. */
    risico: Risicosignaal.optional(),
    /** The durability checks answered so far, per term after the start (P6M, P12M): still in work. */
    duurzaamheid: z.record(z.string(), z.boolean()).optional().meta({ example: { P6M: true, P12M: false } }),
    aangemaaktOp: Tijdstip,
    gewijzigdOp: Tijdstip,
    versie: z.number().int().min(1),
  })
  .meta({ id: 'Plaatsing' });
export type Plaatsing = z.infer<typeof Plaatsing>;

export const PlaatsingVoorstel = z.strictObject({ verwijzingId: Id, werkplekId: Id }).meta({ id: 'PlaatsingVoorstel' });
export const KennismakingOpgave = z.strictObject({ datum: Datum }).meta({ id: 'KennismakingOpgave' });
export const BeeindigingOpgave = z
  .strictObject({ einddatum: Datum, reden: Beeindigingsreden, toelichting: Toelichting.optional() })
  .meta({ id: 'BeeindigingOpgave' });
export const AfwijzingOpgave = z.strictObject({ reden: RedenTekst }).meta({ id: 'PlaatsingAfwijzingOpgave' });
export const AnnuleringOpgave = z.strictObject({ reden: RedenTekst }).meta({ id: 'PlaatsingAnnuleringOpgave' });
export const JobcoachToewijzing = z.strictObject({ partnerId: Id }).meta({ id: 'JobcoachToewijzing' });

export const Voortgang = z.enum(['nietGestart', 'bezig', 'behaald', 'bijgesteld']).meta({ id: 'Voortgang' });
export const Ontwikkeldoel = z
  .strictObject({ id: Id, omschrijving: KorteTekst, streefdatum: Datum, voortgang: Voortgang, gewijzigdOp: Tijdstip })
  .meta({ id: 'Ontwikkeldoel' });
export const OntwikkeldoelInvoer = z
  .strictObject({ omschrijving: Tekst, streefdatum: Datum, voortgang: Voortgang.default('nietGestart') })
  .meta({ id: 'OntwikkeldoelInvoer' });
export const Begeleidingsnotitie = z
  .strictObject({ id: Id, soort: z.enum(['begeleiding', 'evaluatie']), datum: Datum, tekst: z.string().trim().min(1).max(4000), door: Actor, op: Tijdstip })
  .meta({ id: 'Begeleidingsnotitie' });
export const BegeleidingsnotitieInvoer = z
  .strictObject({ soort: z.enum(['begeleiding', 'evaluatie']), datum: Datum, tekst: Notitietekst })
  .meta({ id: 'BegeleidingsnotitieInvoer' });

export type Instrument = z.infer<typeof Instrument>;
export type Termijnmoment = z.infer<typeof Termijnmoment>;
export type Contract = z.infer<typeof Contract>;
export type Voortgang = z.infer<typeof Voortgang>;
export type Ontwikkeldoel = z.infer<typeof Ontwikkeldoel>;
export type OntwikkeldoelInvoer = z.infer<typeof OntwikkeldoelInvoer>;
export type Begeleidingsnotitie = z.infer<typeof Begeleidingsnotitie>;
export type BegeleidingsnotitieInvoer = z.infer<typeof BegeleidingsnotitieInvoer>;
export type Beeindigingsreden = z.infer<typeof Beeindigingsreden>;

export const OntwikkeldoelWijziging = z
  .strictObject({ voortgang: Voortgang.optional(), streefdatum: Datum.optional() })
  .refine((w) => Object.keys(w).length > 0, { message: 'geef minstens één veld om te wijzigen' })
  .meta({ id: 'OntwikkeldoelWijziging',  description: 'Gedeeltelijke wijziging (JSON merge patch) van een ontwikkeldoel.' });
export type OntwikkeldoelWijziging = z.infer<typeof OntwikkeldoelWijziging>;

/** The development plan: goals and the jobcoach's guidance notes and evaluations, oldest note first. */
export const Ontwikkelplan = z
  .strictObject({ plaatsingId: Id, doelen: z.array(Ontwikkeldoel), notities: z.array(Begeleidingsnotitie) })
  .meta({ id: 'Ontwikkelplan' });
export type Ontwikkelplan = z.infer<typeof Ontwikkelplan>;

export const PLAATSING_GEBEURTENIS_SOORTEN = [
  'voorgesteld',
  'kennismaking',
  'proefplaatsingGestart',
  'gestart',
  'beeindigd',
  'afgewezen',
  'geannuleerd',
  'instrumentToegevoegd',
  'jobcoachToegewezen',
  'ontwikkeldoelToegevoegd',
  'ontwikkeldoelGewijzigd',
  'begeleidingsnotitieToegevoegd',
  'nazorgBeantwoord',
] as const;

/** One change of a placement: who, when, why, from which phase to which; `onderwerpId` names the instrument, goal, note or partner. */
export const PlaatsingGebeurtenis = z
  .strictObject({
    id: Id,
    plaatsingId: Id,
    soort: z.enum(PLAATSING_GEBEURTENIS_SOORTEN),
    vanFase: PlaatsingFase.optional(),
    naarFase: PlaatsingFase,
    reden: z.string().optional(),
    onderwerpId: Id.optional(),
    door: Actor,
    op: Tijdstip,
    versie: z.number().int().min(1),
  })
  .meta({ id: 'PlaatsingGebeurtenis' });
export type PlaatsingGebeurtenis = z.infer<typeof PlaatsingGebeurtenis>;

export const PlaatsingIdParameters = z.strictObject({ plaatsingId: Id });
export const OntwikkeldoelParameters = z.strictObject({ plaatsingId: Id, doelId: Id });
export const PlaatsingenFilter = z.strictObject({
  fase: PlaatsingFase.optional(),
  verwijzingId: Id.optional(),
  werkplekId: Id.optional(),
  gemeente: GemeenteCode.optional().meta({ description: 'Plaatsingen van verwijzingen van deze gemeente.' }),
  lidId: Id.optional().meta({ description: 'Plaatsingen bij dit lid.' }),
});

const volgendePagina = z.string().nullable().meta({ description: 'Pad naar de volgende pagina, of null op de laatste.' });
export const PlaatsingenPagina = z.strictObject({ plaatsingen: z.array(Plaatsing), volgendePagina }).meta({ id: 'PlaatsingenPagina' });
export const PlaatsingGebeurtenissenPagina = z
  .strictObject({ gebeurtenissen: z.array(PlaatsingGebeurtenis), volgendePagina })
  .meta({ id: 'PlaatsingGebeurtenissenPagina' });
