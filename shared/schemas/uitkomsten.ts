import * as z from 'zod';
import { Datum, Id } from './gemeenschappelijk';
import { GemeenteCode } from './gemeenten';
import { InstrumentSoort } from './plaatsingen';
import { Arbeidsmarktregio } from './regiopartners';
import { Doelgroep } from './verwijzingen';
import { WerkplekSoort } from './werkplekken';

/**
 * The outcome report's schemas (issue 12). Every figure says here what it is and where its definition comes
 * from, so the OpenAPI document is the figures' codebook; the README's "Uitkomsten" says the same at length.
 */
const Cohort = z
  .string()
  .regex(/^20\d{2}-K[1-4]$/, 'een cohort is een kwartaal, zoals 2025-K1')
  .meta({ description: 'Een cohort: alle plaatsingen die in dit kalenderkwartaal begonnen (de startdatum van het contract is t0).', example: '2025-K1' });

export const UitkomstenFilter = z.strictObject({
  vanCohort: Cohort.optional().meta({ description: 'Eerste cohort (kwartaal) van het rapport; zonder: het eerste met een plaatsing.' }),
  totCohort: Cohort.optional().meta({ description: 'Laatste cohort (kwartaal), inbegrepen; zonder: het kwartaal van de rapportdatum.' }),
  gemeente: GemeenteCode.optional().meta({ description: 'Plaatsingen van verwijzingen van deze gemeente. Een gemeente ziet alleen de eigen (een andere: 404).' }),
  arbeidsmarktregio: Arbeidsmarktregio.optional().meta({ description: 'Plaatsingen van verwijzingen uit deze regio. Een regiopartner alleen de eigen regio\'s (een andere: 404).' }),
  lidId: Id.optional().meta({ description: 'Plaatsingen bij dit lid. Een lid ziet alleen de eigen (een ander: 404).' }),
  jobcoachPartnerId: Id.optional().meta({ description: 'Plaatsingen met deze jobcoachorganisatie. Een regiopartner alleen zichzelf (een andere: 404).' }),
  doelgroep: Doelgroep.optional(),
  soortWerkplek: WerkplekSoort.optional(),
  instrument: InstrumentSoort.optional().meta({ description: 'Alleen plaatsingen met dit instrument.' }),
  peildatum: Datum.optional().meta({ description: 'De dag waarop banenafspraak en toezeggingen geteld worden (de plaatsingen die die dag liepen); zonder: de rapportdatum. Niet na vandaag.' }),
});

const Aantal = z
  .union([
    z.strictObject({ aantal: z.number().int().min(0) }),
    z.strictObject({ aantal: z.null(), onderdrukt: z.literal('kleinAantal'), weergave: z.literal('<10') }),
    z.strictObject({ aantal: z.null(), onderdrukt: z.literal('secundair'), weergave: z.literal('x') }),
  ])
  .meta({
    id: 'Aantal',
    description:
      'Een gepubliceerd aantal. 1 tot en met 9 wordt niet getoond maar gemarkeerd als "<10" (primaire onderdrukking); "x" is een cel die is achtergehouden zodat een verborgen cel niet uit een totaal en de andere cellen is af te leiden (secundaire onderdrukking, zoals CBS het tekent). 0 wordt getoond.',
  });
const Aandeel = z
  .union([
    z.strictObject({ percentage: z.number().min(0).max(100), noemer: z.number().int().min(10) }),
    z.strictObject({ percentage: z.null(), onderdrukt: z.literal('kleineNoemer') }),
    z.strictObject({ percentage: z.null(), onderdrukt: z.literal('secundair') }),
  ])
  .meta({
    id: 'Aandeel',
    description:
      'Een percentage (één decimaal) met zijn noemer; alleen bij een noemer van minstens 10, anders onderdrukt (kleineNoemer). Achtergehouden (secundair) waar teller of noemer een aantal is dat elders in het rapport verborgen is: percentage × noemer zou het teruggeven.',
  });
const Curvepunt = z
  .union([
    z.strictObject({ overleving: z.number().min(0).max(1), onder: z.number().min(0).max(1), boven: z.number().min(0).max(1), risico: z.number().int().min(10) }),
    z.strictObject({ overleving: z.null(), onderdrukt: z.literal('kleinRisico') }),
    z.strictObject({ overleving: z.null(), onderdrukt: z.literal('secundair') }),
  ])
  .meta({
    id: 'Curvepunt',
    description:
      'Een punt van een Kaplan–Meier-curve met 95%-interval (Greenwood, log-log); alleen waar minstens 10 nog risico lopen (anders kleinRisico). Achtergehouden (secundair) als het aantal gestarte plaatsingen van de groep elders verborgen is: het aantal in de risicogroep zou het teruggeven.',
  });

const Termijnstand = z
  .strictObject({
    bereikt: Aantal.meta({ description: 'Plaatsingen waarvan de termijn op de rapportdatum verstreken is: de noemer.' }),
    inWerk: Aantal.meta({ description: 'Nog in dienst, of elders aan het werk, volgens het antwoord op de duurzaamheidscheck (of, na een einde vóór de termijn, het einde: regulier werk telt als elders).' }),
    nietInWerk: Aantal,
    onbekend: Aantal.meta({ description: 'Termijn verstreken maar de check is niet beantwoord: geteld en getoond, in de noemer, nooit weggelaten.' }),
    nogNietBereikt: Aantal.meta({ description: 'Termijn nog niet verstreken: apart geteld, nooit als mislukking.' }),
    aandeelInWerk: Aandeel,
  })
  .meta({ id: 'Termijnstand', description: 'De stand op T+6 of T+12 maanden na de start (CBS, cohortonderzoek uitstroom uit de bijstand: status na 6/12/18 maanden; WIOA: werk in het 2e en 4e kwartaal).' });

const Gepubliceerdecurve = z
  .strictObject({
    punten: z.array(z.strictObject({ dagen: z.number().int().min(0), overleving: z.number(), onder: z.number(), boven: z.number(), risico: z.number().int().min(10) })),
    censureringen: z.array(z.number().int().min(0)).meta({ description: 'Dagen met een censurering (een streepje op de curve).' }),
    afgekaptNa: z.number().int().nullable().meta({ description: 'De laatste dag die getekend mag worden; daarna lopen minder dan 10 risico. null: te weinig plaatsingen voor een curve.' }),
  })
  .meta({
    id: 'Gepubliceerdecurve',
    description:
      'De behoudcurve om te tekenen: de Kaplan–Meier-schatting van de tijd van start tot een einde zonder werk (elke reden behalve uitstroomRegulierWerk), een einde naar regulier werk en een lopende plaatsing gecensureerd op die datum / de rapportdatum; een stap per dag met een einde, afgekapt waar minder dan 10 risico lopen.',
  });

const Cijfers = {
  gestart: Aantal.meta({ description: 'Gestarte plaatsingen: met een contract (startdatum), in dit cohort.' }),
  inWerkT6: Termijnstand,
  inWerkT12: Termijnstand,
  behoudZelfdeWerkgever: Aandeel.meta({ description: 'Bij beide checks (T+6 en T+12) nog in dienst bij hetzelfde lid, over de plaatsingen die T+12 bereikten (WIOA, "Retention with the Same Employer").' }),
  behoudS6: Curvepunt.meta({ description: 'S(6 maanden): de geschatte kans nog niet zonder werk geëindigd te zijn, 6 maanden na de start.' }),
  behoudS12: Curvepunt.meta({ description: 'S(12 maanden).' }),
  mediaanMaanden: z.number().nullable().meta({ description: 'De mediane duur tot een einde zonder werk, in maanden; null wanneer de curve de helft niet haalt of daar minder dan 10 risico lopen.' }),
  terugBinnen6: Curvepunt.meta({ description: 'Terug naar de gemeente binnen 6 maanden: 1 − S(6) met als gebeurtenis een einde met reden terugNaarGemeente, de andere einden gecensureerd (de tegenhanger van Divosa\'s herinstroom).' }),
  terugBinnen12: Curvepunt.meta({ description: 'Terug naar de gemeente binnen 12 maanden.' }),
};

const Cohortrapport = z
  .strictObject({ cohort: z.string().meta({ description: 'Het kwartaal, of "alle" voor een groep over alle cohorten.' }), ...Cijfers, curve: Gepubliceerdecurve })
  .meta({ id: 'Cohortrapport' });
const Groepsrapport = z
  .strictObject({
    dimensie: z.enum(['soortWerkplek', 'contractvorm', 'doelgroep', 'instrument']),
    groep: z.string().meta({ description: 'De categorie; "onbekend" waar de plaatsing haar niet heeft, "geen" voor plaatsingen zonder instrument.' }),
    cijfers: z.strictObject({ cohort: z.string(), ...Cijfers }),
    curve: Gepubliceerdecurve,
  })
  .meta({ id: 'Groepsrapport', description: 'Dezelfde cijfers per groep, over alle cohorten van het rapport.' });
const Gestarttabel = z
  .strictObject({
    dimensie: z.enum(['soortWerkplek', 'contractvorm', 'doelgroep', 'instrument']),
    categorieen: z.array(z.string()),
    rijen: z.array(z.strictObject({ cohort: z.string(), cellen: z.array(Aantal), totaal: Aantal })),
    totalen: z.strictObject({ cellen: z.array(Aantal), totaal: Aantal }),
    additief: z.boolean().meta({ description: 'Instrumenten sluiten elkaar niet uit (een plaatsing kan er meer hebben): die tabel telt niet op en krijgt alleen primaire onderdrukking.' }),
  })
  .meta({ id: 'Gestarttabel', description: 'Gestarte plaatsingen per cohort en categorie, met totalen, primair en secundair onderdrukt.' });

const Nazorgcijfers = z
  .strictObject({
    perSoort: z.array(
      z.strictObject({
        soort: z.string().meta({ description: 'Het soort nazorgmoment.' }),
        beslist: Aantal.meta({ description: 'Momenten die beantwoord zijn, of als onbeantwoord geëscaleerd na hun antwoordtermijn.' }),
        opTijd: Aantal.meta({ description: 'Daarvan beantwoord uiterlijk op antwoordUiterlijk (verzenddag plus de reactietermijn van de gemeente).' }),
        aandeelOpTijd: Aandeel,
      }),
    ),
    escalaties: z.strictObject({
      verhoogd: Aantal.meta({ description: 'Escalaties van de plaatsingen in het rapport (hoog risico of onbeantwoord).' }),
      afgehandeld: Aantal,
      mediaanAfhandelUren: z.number().nullable().meta({ description: 'Mediane tijd van escalatie tot afhandeling in uren; null onder 10 afgehandelde.' }),
    }),
  })
  .meta({ id: 'Nazorgcijfers', description: 'Nazorg op tijd per soort moment, en de escalaties.' });

const Toezeggingsoort = z.enum(['reguliereBanen', 'participatieplaatsen', 'beschutWerkplekken', 'banenafspraakBanen']);
const Banenafspraakcijfers = z
  .strictObject({
    peildatum: Datum,
    banen: z.number().nullable().meta({ description: 'Gerealiseerde banenafspraakbanen op de peildatum: de betaalde uren per week van lopende plaatsingen van kandidaten uit de doelgroep banenafspraak met een contract dat meetelt, gedeeld door 25,5 (de wettelijke eenheid: 25,5 uur per week = 1 baan). Beschut werk telt nooit mee. null wanneer 1–9 plaatsingen het dragen.' }),
    plaatsingen: Aantal,
    perLid: z.array(
      z.strictObject({
        lidId: Id,
        toezeggingen: z.array(
          z.strictObject({
            soort: Toezeggingsoort,
            toegezegd: z.number().int().min(0).meta({ description: 'De toezegging van het lid (toezeggingen).' }),
            gerealiseerd: z.number().nullable().meta({ description: 'Lopende plaatsingen op de peildatum bij een werkplek van die soort (banenafspraakBanen: in banen van 25,5 uur); null bij 1–9.' }),
            plaatsingen: Aantal,
          }),
        ),
      }),
    ).meta({ description: 'Per lid: het eigen lid, of voor een coördinator landelijk elk lid. Toezeggingen zijn niet regionaal: bij een gemeente of regio leeg.' }),
  })
  .meta({ id: 'Banenafspraakcijfers' });

export const Aansluitingregel = z
  .strictObject({
    arbeidsmarktregio: z.string(),
    werksoort: z.string(),
    beschutWerk: z.boolean().meta({ description: 'Beschut werk apart: kandidaten van de doelgroep beschut werk tegen beschut-werkplekken.' }),
    wachtend: Aantal.meta({ description: 'Bemiddelbare kandidaten met deze werksoort als voorkeur (een kandidaat telt bij elke voorkeur).' }),
    mediaanWachtdagen: z.number().nullable().meta({ description: 'Mediane wachttijd in dagen sinds bemiddelbaar; null onder 10 wachtenden.' }),
    openPlaatsen: Aantal.meta({ description: 'Vrije plaatsen op open werkplekken.' }),
  })
  .meta({ id: 'Aansluitingregel', description: 'Vraag en aanbod per arbeidsmarktregio en werksoort, nu.' });

const Referentiecijfer = z
  .strictObject({ id: z.string(), omschrijving: z.string(), percentage: z.number(), naastFiguur: z.enum(['terugBinnen12', 'inWerkT6']), bron: z.string(), jaar: z.number().int().optional() })
  .meta({ id: 'Referentiecijfer', description: 'Een cijfer van anderen, naast het onze getoond met bron en jaar, nooit ermee vermengd.' });

const Scope = z
  .union([
    z.strictObject({ soort: z.literal('nationaal') }),
    z.strictObject({ soort: z.literal('gemeente'), gemeente: GemeenteCode }),
    z.strictObject({ soort: z.literal('arbeidsmarktregio'), arbeidsmarktregio: z.string() }),
    z.strictObject({ soort: z.literal('lid'), lidId: Id }),
    z.strictObject({ soort: z.literal('partner'), partnerId: Id }),
  ])
  .meta({ id: 'Uitkomstenscope', description: 'Wiens cijfers dit zijn.' });

export const Uitkomstenrapport = z
  .strictObject({
    filter: UitkomstenFilter,
    scope: Scope,
    rapportdatum: Datum,
    cohorten: z.array(Cohortrapport),
    gestart: z.array(Gestarttabel),
    groepen: z.array(Groepsrapport),
    nazorg: Nazorgcijfers,
    banenafspraak: Banenafspraakcijfers,
    aansluiting: z.array(Aansluitingregel),
    referentiecijfers: z.array(Referentiecijfer),
  })
  .meta({
    id: 'Uitkomstenrapport',
    description:
      'De uitkomsten van een gemeente, regio, lid of het land: of plaatsingen duurzaam zijn. Anoniem en onderdrukt zoals statistiekbureaus dat doen (aantallen 1–9 als "<10", percentages en curvepunten alleen over minstens 10, secundaire onderdrukking in tabellen met totalen). Een figuur op T+k telt een plaatsing pas als T+k verstreken is.',
  });

export const AansluitingFilter = z.strictObject({
  arbeidsmarktregio: Arbeidsmarktregio.optional().meta({ description: 'Eén regio; zonder: een coördinator alle 35, een gemeente haar eigen, een regiopartner de zijne.' }),
});
export const Aansluiting = z
  .strictObject({ rapportdatum: Datum, aansluiting: z.array(Aansluitingregel) })
  .meta({ id: 'Aansluiting', description: 'Vraag en aanbod per arbeidsmarktregio en werksoort, nu: wachtende bemiddelbare kandidaten tegen vrije plaatsen, beschut werk apart; onderdrukt als de andere uitkomsten.' });

export const GemeenteSrgParameters = z.strictObject({ gemeenteCode: GemeenteCode });

export const SrgVoorziening = z
  .strictObject({
    dossierkenmerk: z.string().meta({ description: 'Het eigen dossierkenmerk van de gemeente (nooit een BSN).' }),
    plaatsingId: Id,
    typeVoorziening: z.enum(['03', '04', '05', '06']).meta({ description: '03 participatieplaats, 04 loonkostensubsidie, 05 beschut werk, 06 begeleiding/jobcoach.' }),
    omschrijving: z.string(),
    begindatum: Datum,
    einddatum: Datum.optional(),
    redenEinde: z.string().optional().meta({ description: 'De reden van het einde van de plaatsing (werkcoop\'s GGM-achtige RedenUitstroom); uitstroomRegulierWerk is uitstroom naar werk.' }),
    oordeel: z.string().optional().meta({ description: 'Waar de vertaling naar de SRG-code een keuze is, staat hier welke.' }),
  })
  .meta({ id: 'SrgVoorziening' });

export const SrgExport = z
  .strictObject({
    gemeente: GemeenteCode,
    codelijst: z.string().meta({ description: 'De versie van de SRG-codelijst die gebruikt is.' }),
    opgesteldOp: Datum,
    voorzieningen: z.array(SrgVoorziening),
    nietOpgenomen: z.array(z.string()).meta({ description: 'Wat bewust niet als SRG-voorziening is opgenomen, en waarom.' }),
  })
  .meta({
    id: 'SrgExport',
    description:
      'De plaatsingen en instrumenten van de verwijzingen van een gemeente als re-integratievoorzieningen in de woorden van CBS\' Statistiek Re-integratie door Gemeenten, op het dossierkenmerk van de gemeente, om aan de eigen SRG-levering toe te voegen. Ook als CSV (Accept: text/csv).',
  });
