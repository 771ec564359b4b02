import type { ComponentChildren } from 'preact';
import { NAZORG_SOORTEN, NazorgAntwoordInvoer, RISICO_CATEGORIEEN, type Nazorgmoment } from '../schemas/nazorg';
import { labelsVan, leesControle, lijstVan, tekstVan, type Ingevuld, type Velden } from './formulier';
import { Controleknoppen, Gegevens, Keuzegroep, Knop, Knoppen, Tekstveld, Tekstvak, type Veldfouten } from './opmaak';

/**
 * The follow-up questions, asked the same way wherever they are answered: by the personal link in the
 * invitation mail (functions/web/nazorglink.tsx) and signed in (functions/web/plaatsingen.tsx). One set of
 * questions, read by the API's own schema (NazorgAntwoordInvoer), so no page can ask or accept otherwise.
 */
export const SOORT_TEKST: Record<(typeof NAZORG_SOORTEN)[number], string> = {
  regulier: 'Nazorg',
  duurzaamheidscheck: 'Duurzaamheidscheck',
  eindeProefplaatsing: 'Einde van de proefplaatsing',
  eindeForfaitaireLks: 'Einde van de forfaitaire loonkostensubsidie',
  herbeoordelingLks: 'Herbeoordeling van de loonkostensubsidie',
  eindeNoRiskPolis: 'Einde van de no-riskpolis',
  eindeContract: 'Einde van het contract',
  exitcheck: 'Exitgesprek',
};

const termijnTekst = (t: string): string => {
  const m = /^P(\d+)([WM])$/.exec(t);
  return m ? `${m[1]} ${m[2] === 'W' ? (m[1] === '1' ? 'week' : 'weken') : 'maanden'} na de start` : t;
};

/** How a person recognises a moment: its kind and, for the regular ones, how long after the start. */
export const momentNaam = (m: Pick<Nazorgmoment, 'soort' | 'termijn'>): string => `${SOORT_TEKST[m.soort]}${m.termijn ? `, ${termijnTekst(m.termijn)}` : ''}`;

export const RISICO_TEKST: Record<(typeof RISICO_CATEGORIEEN)[number], string> = {
  contracteindeNadert: 'Het contract loopt binnenkort af',
  conflict: 'Een conflict op het werk',
  gezondheidsverzuim: 'Verzuim door gezondheid (geen details invullen)',
  vervoer: 'Vervoer naar het werk',
  schulden: 'Geldzorgen of schulden',
  motivatie: 'Motivatie',
  werkdruk: 'Werkdruk',
  overig: 'Iets anders',
};

const HOE_GAAT_HET = [
  { waarde: '1', label: '1 — slecht' },
  { waarde: '2', label: '2 — matig' },
  { waarde: '3', label: '3 — redelijk' },
  { waarde: '4', label: '4 — goed' },
  { waarde: '5', label: '5 — heel goed' },
];
const JA_NEE = [
  { waarde: 'ja', label: 'Ja' },
  { waarde: 'nee', label: 'Nee' },
];

/** The questions of the API's answer (NazorgAntwoordInvoer), each with what a person is told when it is missing or wrong. */
export const VRAGEN = {
  nogInDienst: { soort: 'janee', label: 'Is de medewerker nog bij u in dienst?', melding: 'Kies of de medewerker nog in dienst is' },
  werkzaamElders: {
    soort: 'janee',
    label: 'Werkt de medewerker nu bij een andere werkgever?',
    melding: 'Kies of de medewerker elders werkt',
  },
  gewerkteUrenPerWeek: {
    soort: 'getal',
    label: 'Hoeveel uur per week werkt de medewerker gemiddeld?',
    melding: 'Vul het aantal uren per week in als heel getal van 0 tot en met 60',
  },
  verzuimdagenInPeriode: {
    soort: 'getal',
    label: 'Hoeveel dagen was de medewerker afwezig sinds het vorige nazorgmoment?',
    melding: 'Vul het aantal dagen afwezig in als heel getal van 0 tot en met 366',
  },
  hoeGaatHet: { soort: 'getal', label: 'Hoe gaat het met de medewerker op het werk?', melding: 'Kies hoe het gaat, van 1 tot en met 5' },
  ondersteuningNodig: { soort: 'janee', label: 'Is er extra ondersteuning nodig?', melding: 'Kies of er extra ondersteuning nodig is' },
  risicos: { soort: 'lijst', label: 'Speelt er iets van het volgende?', melding: 'Kies alleen uit de genoemde onderwerpen' },
  notitie: {
    soort: 'tekst',
    label: 'Wilt u nog iets toelichten?',
    melding: 'Maak de toelichting korter (hoogstens 2000 tekens) en schrijf er geen BSN in',
  },
} as const satisfies Velden & Record<string, { label: string }>;
export const LABELS = labelsVan(VRAGEN);

/**
 * A risk reason as the domain words it ("hoeGaatHet: 1", named after the answer's field) with the question a
 * person answered in its place: the reasons stay the domain's, the page reads as Dutch.
 */
export const leesbareReden = (reden: string): string => {
  const i = reden.indexOf(': ');
  const veld = i > 0 ? reden.slice(0, i) : '';
  return Object.hasOwn(LABELS, veld) ? `${LABELS[veld]} ${reden.slice(i + 2)}` : reden;
};

export type { Ingevuld };

/** The form as posted, read by the API's own schema; `wijzigen` is the check page's way back to the form. */
export const leesAntwoorden = (formulier: URLSearchParams) => leesControle(formulier, VRAGEN, NazorgAntwoordInvoer);

/** The questions as a form that posts to the check step. `verborgen`: what else the form carries (the CSRF token). */
export const Vragen = ({ actie, ingevuld, fouten, verborgen }: { actie: string; ingevuld: Ingevuld; fouten: Veldfouten; verborgen?: ComponentChildren }) => (
  <form method="post" action={actie} noValidate>
    {verborgen}
    <Keuzegroep naam="nogInDienst" label={VRAGEN.nogInDienst.label} keuzes={JA_NEE} gekozen={lijstVan(ingevuld, 'nogInDienst')} fout={fouten.nogInDienst} />
    <Keuzegroep
      naam="werkzaamElders"
      label={VRAGEN.werkzaamElders.label}
      uitleg="Alleen als de medewerker niet meer bij u werkt, maar wel ergens anders aan het werk is."
      keuzes={JA_NEE}
      gekozen={lijstVan(ingevuld, 'werkzaamElders')}
      fout={fouten.werkzaamElders}
      optioneel
    />
    <Tekstveld naam="gewerkteUrenPerWeek" label={VRAGEN.gewerkteUrenPerWeek.label} soort="number" breedte={4} waarde={tekstVan(ingevuld, 'gewerkteUrenPerWeek')} fout={fouten.gewerkteUrenPerWeek} />
    <Tekstveld
      naam="verzuimdagenInPeriode"
      label={VRAGEN.verzuimdagenInPeriode.label}
      uitleg="Ziekte en ander verzuim samen. Noem geen reden."
      soort="number"
      breedte={4}
      waarde={tekstVan(ingevuld, 'verzuimdagenInPeriode')}
      fout={fouten.verzuimdagenInPeriode}
    />
    <Keuzegroep naam="hoeGaatHet" label={VRAGEN.hoeGaatHet.label} keuzes={HOE_GAAT_HET} gekozen={lijstVan(ingevuld, 'hoeGaatHet')} fout={fouten.hoeGaatHet} />
    <Keuzegroep
      naam="ondersteuningNodig"
      label={VRAGEN.ondersteuningNodig.label}
      uitleg="Bijvoorbeeld meer begeleiding door de jobcoach of een aanpassing van het werk."
      keuzes={JA_NEE}
      gekozen={lijstVan(ingevuld, 'ondersteuningNodig')}
      fout={fouten.ondersteuningNodig}
    />
    <Keuzegroep
      naam="risicos"
      label={VRAGEN.risicos.label}
      uitleg="Kies alles wat van toepassing is."
      keuzes={RISICO_CATEGORIEEN.map((r) => ({ waarde: r, label: RISICO_TEKST[r] }))}
      gekozen={lijstVan(ingevuld, 'risicos')}
      fout={fouten.risicos}
      optioneel
      meerdere
    />
    <Tekstvak
      naam="notitie"
      label={VRAGEN.notitie.label}
      uitleg="Schrijf geen medische gegevens en geen BSN. Uw toelichting lezen de coördinatoren van de coöperatie."
      waarde={tekstVan(ingevuld, 'notitie')}
      fout={fouten.notitie}
      optioneel
    />
    <Knoppen>
      <Knop>Verder naar controleren</Knop>
    </Knoppen>
  </form>
);

const jaNee = (b: boolean | undefined) => (b === undefined ? 'Niet ingevuld' : b ? 'Ja' : 'Nee');

/**
 * "Controleer uw antwoorden": the answers, then send or change. Both forms carry the answers as hidden fields:
 * nothing is stored before the person sends.
 */
export const Antwoordcontrole = ({
  versturen,
  wijzigen,
  invoer,
  ingevuld,
  verborgen,
}: {
  versturen: string;
  wijzigen: string;
  invoer: NazorgAntwoordInvoer;
  ingevuld: Ingevuld;
  verborgen?: ComponentChildren;
}) => (
  <>
    <Gegevens
      rijen={[
        { label: VRAGEN.nogInDienst.label, waarde: jaNee(invoer.nogInDienst) },
        { label: VRAGEN.werkzaamElders.label, waarde: jaNee(invoer.werkzaamElders) },
        { label: VRAGEN.gewerkteUrenPerWeek.label, waarde: `${invoer.gewerkteUrenPerWeek} uur` },
        { label: VRAGEN.verzuimdagenInPeriode.label, waarde: `${invoer.verzuimdagenInPeriode} dagen` },
        { label: VRAGEN.hoeGaatHet.label, waarde: HOE_GAAT_HET[invoer.hoeGaatHet - 1]!.label },
        { label: VRAGEN.ondersteuningNodig.label, waarde: jaNee(invoer.ondersteuningNodig) },
        { label: VRAGEN.risicos.label, waarde: invoer.risicos.length ? invoer.risicos.map((r) => RISICO_TEKST[r]).join(', ') : 'Niets' },
        { label: VRAGEN.notitie.label, waarde: invoer.notitie ?? 'Geen' },
      ]}
    />
    <Controleknoppen versturen={versturen} wijzigen={wijzigen} knop="Antwoorden versturen" namen={Object.keys(VRAGEN)} ingevuld={ingevuld} extra={verborgen} />
  </>
);
