import type { ComponentChildren } from 'preact';
import type { Cohortcijfers, Curvepunt, Termijnstand } from '../domain/uitkomsten/cohorten';
import type { Aandeel, Aantal } from '../domain/uitkomsten/onthulling';
import type { Referentiecijfer } from '../domain/uitkomsten/referentiecijfers';
import type { Aansluitingregel, Banenafspraakcijfers, Dimensie, Gestarttabel, ToezeggingSoort, Uitkomstenrapport } from '../domain/uitkomsten/rapport';
import { DOELGROEPEN } from '../schemas/verwijzingen';
import { WERKPLEK_SOORTEN } from '../schemas/werkplekken';
import { Retentiegrafiek, tekencurve, type Reeks, type Tekencurve } from './grafieken';
import { Alinea, Knop, Knoppen, Kop2, leesbareDatum } from './opmaak';

/**
 * The outcome figures as a gemeente's policy adviser reads them: per cohort (or per group) the key figures in
 * one table, the retention curves, the figures of others beside ours with their source and year, and the
 * form that chooses what to show. Suppressed figures are marked as such ("<10", "x"), never left blank, and
 * a legend under each table says what the marks mean.
 */

/** One column of the figures: a cohort, or a group over the chosen cohorts. */
export interface Reekscijfers {
  readonly label: string;
  readonly cijfers: Cohortcijfers;
  readonly curve: Tekencurve;
}

const alsReeks = (r: Reekscijfers): Reeks => ({
  label: r.label,
  curve: r.curve,
  gestart: r.cijfers.gestart,
  s6: r.cijfers.behoudS6,
  s12: r.cijfers.behoudS12,
  mediaanMaanden: r.cijfers.mediaanMaanden,
});

export const GROEPERINGEN = ['cohort', 'doelgroep', 'soortWerkplek', 'instrument'] as const;
export type Groepering = (typeof GROEPERINGEN)[number];

export const GROEPERING_TEKST: Readonly<Record<Groepering, string>> = {
  cohort: 'Cohort',
  doelgroep: 'Doelgroep',
  soortWerkplek: 'Soort werkplek',
  instrument: 'Instrument',
};

export const DOELGROEP_TEKST: Readonly<Record<(typeof DOELGROEPEN)[number], string>> = {
  participatiewet: 'Participatiewet (bijstand)',
  banenafspraak: 'Banenafspraak',
  beschutWerk: 'Beschut werk',
  voormaligWsw: 'Voormalig Wsw',
};

export const WERKPLEK_TEKST: Readonly<Record<(typeof WERKPLEK_SOORTEN)[number], string>> = {
  reguliereBaan: 'Reguliere baan',
  participatieplaats: 'Participatieplaats',
  beschutWerk: 'Beschut werk',
  proefplaatsing: 'Proefplaatsing',
  leerwerkplek: 'Leerwerkplek',
};

export const INSTRUMENT_TEKST: Readonly<Record<string, string>> = {
  loonkostensubsidie: 'Loonkostensubsidie',
  jobcoach: 'Jobcoach',
  proefplaatsing: 'Eerst een proefplaatsing',
  noRiskPolis: 'No-riskpolis',
  geen: 'Zonder instrument',
};

/** `2025-K1` → `2025 1e kwartaal`, as CBS StatLine writes a quarter. */
export const kwartaalTekst = (cohort: string): string => {
  const m = /^(\d{4})-K([1-4])$/.exec(cohort);
  return m ? `${m[1]} ${m[2]}e kwartaal` : cohort;
};

/** A group's code in words: the label of its category. */
export const groepTekst = (per: Dimensie, groep: string): string =>
  groep === 'onbekend'
    ? 'Niet vastgelegd'
    : ((per === 'doelgroep'
        ? (DOELGROEP_TEKST as Record<string, string>)[groep]
        : per === 'soortWerkplek'
          ? (WERKPLEK_TEKST as Record<string, string>)[groep]
          : per === 'instrument'
            ? INSTRUMENT_TEKST[groep]
            : undefined) ?? groep);

/** The report's columns for a split: per cohort, or per group of one dimension over the chosen cohorts. */
export const reeksenVan = (rapport: Uitkomstenrapport, per: Groepering): Reekscijfers[] =>
  per === 'cohort'
    ? rapport.cohorten.map((c) => ({ label: kwartaalTekst(c.cohort), cijfers: c, curve: tekencurve(c.curve) }))
    : rapport.groepen.filter((g) => g.dimensie === per).map((g) => ({ label: groepTekst(per, g.groep), cijfers: g.cijfers, curve: tekencurve(g.curve) }));

/** What the person chose: the cohorts from–to, how to split them, the filter, and (where there is a choice) whose figures. */
export interface Keuze {
  readonly van: string;
  readonly tot: string;
  readonly per: Groepering;
  readonly doelgroep: (typeof DOELGROEPEN)[number] | undefined;
  /** `gemeente:GM0363`, `regio:<name>`, `partner:<id>`; absent for the caller's own (for a coordinator: the nation). */
  readonly gebied: string | undefined;
}

export interface Dashboard {
  readonly rapport: Uitkomstenrapport;
  /** Whose placements these are, in words ("de verwijzingen van gemeente Zaanstad"). */
  readonly bereik: string;
  readonly keuze: Keuze;
  /** Every cohort the form offers, oldest first. */
  readonly cohorten: readonly string[];
  /** The areas the person may choose between (a coordinator's regions and gemeenten, a partner's regions); none: no choice. */
  readonly gebieden: readonly { readonly waarde: string; readonly tekst: string }[];
  /** The members' names by id, for the pledges (an id says nothing to a person). */
  readonly ledennamen: ReadonlyMap<string, string>;
}

const procent = (p: number): string => `${String(Math.round(p)).replace('.', ',')}%`;

export const KleinAantal = () => <abbr title="minder dan 10: niet gepubliceerd">&lt;10</abbr>;
const Secundair = () => <abbr title="niet gepubliceerd, zodat een ander verborgen cijfer niet terug te rekenen is">x</abbr>;
const KleineNoemer = () => <abbr title="niet gepubliceerd: minder dan 10 plaatsingen om het percentage over te berekenen">x</abbr>;
const KleinRisico = () => <abbr title="niet gepubliceerd: minder dan 10 in de risicogroep">x</abbr>;

export const AantalTekst = ({ a }: { a: Aantal }) => (a.aantal !== null ? <>{String(a.aantal)}</> : a.onderdrukt === 'kleinAantal' ? <KleinAantal /> : <Secundair />);

const AandeelTekst = ({ a }: { a: Aandeel }) =>
  a.percentage !== null ? (
    <>
      {procent(a.percentage)}
      <span class="werkcoop-interval">{`van ${a.noemer}`}</span>
    </>
  ) : a.onderdrukt === 'secundair' ? (
    <Secundair />
  ) : (
    <KleineNoemer />
  );

const PuntTekst = ({ p }: { p: Curvepunt }) =>
  p.overleving !== null ? (
    <>
      {procent(100 * p.overleving)}
      {p.onder !== p.boven && <span class="werkcoop-interval">{`(${procent(100 * p.onder)}–${procent(100 * p.boven)})`}</span>}
    </>
  ) : p.onderdrukt === 'secundair' ? (
    <Secundair />
  ) : (
    <KleinRisico />
  );

interface Rij {
  readonly kop: string;
  readonly uitleg?: string;
  readonly cel: (c: Cohortcijfers) => ComponentChildren;
  readonly sub?: boolean;
}

const termijnRijen = (maanden: 6 | 12, stand: (c: Cohortcijfers) => Termijnstand): Rij[] => [
  { kop: `In werk na ${maanden} maanden`, uitleg: 'hier in dienst of elders aan het werk, van wie deze termijn bereikten', cel: (c) => <AandeelTekst a={stand(c).aandeelInWerk} /> },
  { kop: 'niet in werk', cel: (c) => <AantalTekst a={stand(c).nietInWerk} />, sub: true },
  { kop: 'onbekend (check niet beantwoord)', cel: (c) => <AantalTekst a={stand(c).onbekend} />, sub: true },
  { kop: `${maanden} maanden nog niet bereikt`, cel: (c) => <AantalTekst a={stand(c).nogNietBereikt} />, sub: true },
];

const RIJEN: readonly Rij[] = [
  { kop: 'Plaatsingen gestart', cel: (c) => <AantalTekst a={c.gestart} /> },
  ...termijnRijen(6, (c) => c.inWerkT6),
  ...termijnRijen(12, (c) => c.inWerkT12),
  { kop: 'Bij dezelfde werkgever na 6 én 12 maanden', cel: (c) => <AandeelTekst a={c.behoudZelfdeWerkgever} /> },
  { kop: 'Nog in werk na 6 maanden, geschat', uitleg: 'Kaplan–Meier, met 95%-interval', cel: (c) => <PuntTekst p={c.behoudS6} /> },
  { kop: 'Nog in werk na 12 maanden, geschat', uitleg: 'Kaplan–Meier, met 95%-interval', cel: (c) => <PuntTekst p={c.behoudS12} /> },
  { kop: 'Mediane duur tot uitval', cel: (c) => (c.mediaanMaanden !== null ? `${String(c.mediaanMaanden).replace('.', ',')} mnd` : 'niet bereikt') },
  { kop: 'Terug naar de gemeente binnen 6 maanden', uitleg: 'met 95%-interval', cel: (c) => <PuntTekst p={c.terugBinnen6} /> },
  { kop: 'Terug naar de gemeente binnen 12 maanden', uitleg: 'met 95%-interval', cel: (c) => <PuntTekst p={c.terugBinnen12} /> },
];

/** The legend of the marks, under every table that may hold them. */
export const Tekenlegenda = () => (
  <dl class="werkcoop-tekenlegenda">
    <div>
      <dt>&lt;10</dt>
      <dd>1 tot 10 plaatsingen: het precieze aantal publiceren we niet, zodat niemand herkenbaar is.</dd>
    </div>
    <div>
      <dt>x</dt>
      <dd>
        Niet gepubliceerd: het percentage rust op minder dan 10 plaatsingen (of minder dan 10 in de risicogroep), of het cijfer zou een verborgen aantal laten terugrekenen.
      </dd>
    </div>
  </dl>
);

/** The key figures: a row per figure, a column per cohort or group, so cohorts are compared across. */
export const Kerncijfers = ({ reeksen, reeksnaam, id }: { reeksen: readonly Reekscijfers[]; reeksnaam: string; id: string }) => (
  <>
    <div class="utrecht-table-container werkcoop-kerncijfers" role="region" aria-labelledby={id} tabIndex={0}>
      <table class="utrecht-table werkcoop-cijfertabel">
        <caption class="utrecht-table__caption" id={id}>
          {`Kerncijfers per ${reeksnaam.toLowerCase()}`}
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <td class="utrecht-table__header-cell" />
            {reeksen.map((r) => (
              <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col" key={r.label}>
                {r.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {RIJEN.map((rij) => (
            <tr class={`utrecht-table__row${rij.sub ? ' werkcoop-subrij' : ''}`} key={rij.kop}>
              <th class="utrecht-table__header-cell" scope="row">
                {rij.sub ? <span class="werkcoop-verborgen">waarvan </span> : null}
                {rij.kop}
                {rij.uitleg && <span class="werkcoop-interval werkcoop-rijuitleg">{rij.uitleg}</span>}
              </th>
              {reeksen.map((r) => (
                <td class="utrecht-table__cell utrecht-table__cell--numeric" key={r.label}>
                  {rij.cel(r.cijfers)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <Tekenlegenda />
  </>
);

const ONS_CIJFER: Readonly<Record<Referentiecijfer['naastFiguur'], { tekst: string; punt: (c: Cohortcijfers) => ComponentChildren }>> = {
  terugBinnen12: { tekst: 'Terug naar de gemeente binnen 12 maanden', punt: (c) => <PuntTekst p={c.terugBinnen12} /> },
  inWerkT6: { tekst: 'In werk na 6 maanden', punt: (c) => <AandeelTekst a={c.inWerkT6.aandeelInWerk} /> },
};

/**
 * The figures of others beside ours, each with its source and year, in a table of its own: never a column of
 * ours, and never summed or averaged with our numbers. Their definitions differ from ours (people who left
 * the bijstand, not placements), and the text says so.
 */
export const Referenties = ({ reeksen, referenties }: { reeksen: readonly Reekscijfers[]; referenties: readonly Referentiecijfer[] }) => (
  <section aria-labelledby="ter-vergelijking">
    <Kop2>
      <span id="ter-vergelijking">Ter vergelijking: cijfers van anderen</span>
    </Kop2>
    <Alinea>
      Deze cijfers komen uit andere bronnen en gaan over iets anders dan onze plaatsingen: over iedereen die de bijstand verliet voor werk, landelijk. Ze staan naast onze
      cijfers om te zien hoe de gewone weg uitpakt; tel ze niet bij de onze op.
    </Alinea>
    <div class="utrecht-table-container" role="region" aria-labelledby="referenties-tabel" tabIndex={0}>
      <table class="utrecht-table werkcoop-cijfertabel">
        <caption class="utrecht-table__caption" id="referenties-tabel">
          Cijfers van anderen, naast de onze
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Cijfer van anderen
            </th>
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
              Waarde
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Bron en jaar
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Ons cijfer ernaast
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {referenties.map((ref) => (
            <tr class="utrecht-table__row" key={ref.id}>
              <th class="utrecht-table__header-cell" scope="row">
                {ref.omschrijving}
              </th>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{procent(ref.percentage)}</td>
              <td class="utrecht-table__cell">
                {ref.bron}
                {ref.jaar === undefined ? ' — jaar nog niet gecontroleerd' : `, ${ref.jaar}`}
              </td>
              <td class="utrecht-table__cell">
                {ONS_CIJFER[ref.naastFiguur].tekst}:
                <ul class="werkcoop-ons-cijfer">
                  {reeksen.map((r) => (
                    <li key={r.label}>
                      {`${r.label}: `}
                      {ONS_CIJFER[ref.naastFiguur].punt(r.cijfers)}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </section>
);

const Keuzelijst = ({ naam, label, waarden, gekozen }: { naam: string; label: string; waarden: readonly { waarde: string; tekst: string }[]; gekozen: string }) => (
  <div class="utrecht-form-field utrecht-form-field--text">
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label" for={naam}>
        {label}
      </label>
    </div>
    <div class="utrecht-form-field__input">
      <select class="utrecht-select utrecht-select--html-select" id={naam} name={naam}>
        {waarden.map((w) => (
          <option key={w.waarde} value={w.waarde} selected={w.waarde === gekozen}>
            {w.tekst}
          </option>
        ))}
      </select>
    </div>
  </div>
);

const DIMENSIE_TEKST: Readonly<Record<Dimensie, string>> = { soortWerkplek: 'soort werkplek', contractvorm: 'contractvorm', doelgroep: 'doelgroep', instrument: 'instrument' };

/**
 * Started placements per cohort by one dimension, with totals, as the report publishes them: a cell hidden so
 * that another cannot be worked out from the totals is "x". Instruments are not exclusive (one placement can
 * have several), so their cells do not add up to the total and the text says so.
 */
export const Gestart = ({ tabel }: { tabel: Gestarttabel }) => {
  const id = `gestart-${tabel.dimensie}`;
  const kolom = (c: string) => (tabel.dimensie === 'contractvorm' ? c : groepTekst(tabel.dimensie, c));
  return (
    <section aria-labelledby={`${id}-kop`}>
      <Kop2>
        <span id={`${id}-kop`}>{`Gestarte plaatsingen naar ${DIMENSIE_TEKST[tabel.dimensie]}`}</span>
      </Kop2>
      {!tabel.additief && <Alinea>Eén plaatsing kan meer instrumenten hebben: de kolommen tellen niet op tot het totaal.</Alinea>}
      <div class="utrecht-table-container" role="region" aria-labelledby={id} tabIndex={0}>
        <table class="utrecht-table werkcoop-cijfertabel">
          <caption class="utrecht-table__caption" id={id}>
            {`Gestarte plaatsingen per cohort en ${DIMENSIE_TEKST[tabel.dimensie]}`}
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                Cohort
              </th>
              {tabel.categorieen.map((c) => (
                <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col" key={c}>
                  {kolom(c)}
                </th>
              ))}
              <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                Totaal
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {[...tabel.rijen.map((r) => ({ kop: kwartaalTekst(r.cohort), cellen: r.cellen, totaal: r.totaal })), { kop: 'Totaal', ...tabel.totalen }].map((r) => (
              <tr class="utrecht-table__row" key={r.kop}>
                <th class="utrecht-table__header-cell" scope="row">
                  {r.kop}
                </th>
                {r.cellen.map((a, i) => (
                  <td class="utrecht-table__cell utrecht-table__cell--numeric" key={tabel.categorieen[i]}>
                    <AantalTekst a={a} />
                  </td>
                ))}
                <td class="utrecht-table__cell utrecht-table__cell--numeric">
                  <AantalTekst a={r.totaal} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};

const TOEZEGGING_TEKST: Readonly<Record<ToezeggingSoort, string>> = {
  reguliereBanen: 'Reguliere banen',
  participatieplaatsen: 'Participatieplaatsen',
  beschutWerkplekken: 'Beschut-werkplekken',
  banenafspraakBanen: 'Banen uit de banenafspraak',
};

const getal = (n: number): string => String(n).replace('.', ',');

/**
 * The banenafspraak: realised jobs in the legal unit (25.5 paid hours a week is one job; only candidates of the
 * target group whose contract counts, never beschut werk), and per member every pledge against what is
 * realised on the peildatum. A realised number from 1–9 placements is not published.
 */
export const Banenafspraak = ({ cijfers, ledennamen }: { cijfers: Banenafspraakcijfers; ledennamen: ReadonlyMap<string, string> }) => (
  <section aria-labelledby="banenafspraak-kop">
    <Kop2>
      <span id="banenafspraak-kop">Banenafspraak en toezeggingen</span>
    </Kop2>
    <Alinea>
      {`Op ${leesbareDatum(cijfers.peildatum)} telt de banenafspraak `}
      {cijfers.banen !== null ? <strong>{`${getal(cijfers.banen)} banen`}</strong> : <KleinAantal />}
      {cijfers.banen === null ? ' banen' : ''}
      {', uit '}
      <AantalTekst a={cijfers.plaatsingen} />
      {' lopende plaatsingen die meetellen. Eén baan is 25,5 betaalde uren per week; plaatsingen in beschut werk tellen niet mee.'}
    </Alinea>
    {cijfers.perLid.map((lid) => {
      const naam = ledennamen.get(lid.lidId) ?? lid.lidId;
      const id = `toezeggingen-${lid.lidId}`;
      return (
        <div class="utrecht-table-container" role="region" aria-labelledby={id} tabIndex={0} key={lid.lidId}>
          <table class="utrecht-table werkcoop-cijfertabel">
            <caption class="utrecht-table__caption" id={id}>
              {`Toezeggingen van ${naam}`}
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  Toezegging
                </th>
                <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                  Toegezegd
                </th>
                <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                  Gerealiseerd
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {lid.toezeggingen.map((t) => (
                <tr class="utrecht-table__row" key={t.soort}>
                  <th class="utrecht-table__header-cell" scope="row">
                    {TOEZEGGING_TEKST[t.soort]}
                  </th>
                  <td class="utrecht-table__cell utrecht-table__cell--numeric">{getal(t.toegezegd)}</td>
                  <td class="utrecht-table__cell utrecht-table__cell--numeric">{t.gerealiseerd !== null ? getal(t.gerealiseerd) : <KleinAantal />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    })}
  </section>
);

const AansluitingTabel = ({ id, titel, regels }: { id: string; titel: string; regels: readonly Aansluitingregel[] }) => (
  <div class="utrecht-table-container" role="region" aria-labelledby={id} tabIndex={0}>
    <table class="utrecht-table werkcoop-cijfertabel">
      <caption class="utrecht-table__caption" id={id}>
        {titel}
      </caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          <th class="utrecht-table__header-cell" scope="col">
            Arbeidsmarktregio en werksoort
          </th>
          <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
            Wachtende kandidaten
          </th>
          <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
            Mediane wachttijd
          </th>
          <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
            Open plaatsen
          </th>
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        {regels.map((r) => (
          <tr class="utrecht-table__row" key={`${r.arbeidsmarktregio}|${r.werksoort}`}>
            <th class="utrecht-table__header-cell" scope="row">
              {`${r.arbeidsmarktregio}: ${r.werksoort}`}
            </th>
            <td class="utrecht-table__cell utrecht-table__cell--numeric">
              <AantalTekst a={r.wachtend} />
            </td>
            <td class="utrecht-table__cell utrecht-table__cell--numeric">
              {r.mediaanWachtdagen !== null ? `${getal(r.mediaanWachtdagen)} dagen` : r.wachtend.aantal === 0 ? '–' : <KleineNoemer />}
            </td>
            <td class="utrecht-table__cell utrecht-table__cell--numeric">
              <AantalTekst a={r.openPlaatsen} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

/** Supply and demand: placeable candidates waiting against open places, beschut werk in a table of its own. */
export const Aansluiting = ({ regels }: { regels: readonly Aansluitingregel[] }) => {
  const beschut = regels.filter((r) => r.beschutWerk);
  const regulier = regels.filter((r) => !r.beschutWerk);
  return (
    <section aria-labelledby="aansluiting-kop">
      <Kop2>
        <span id="aansluiting-kop">Vraag en aanbod</span>
      </Kop2>
      <Alinea>
        Bemiddelbare kandidaten die op een plaats wachten, naast de open plaatsen, per arbeidsmarktregio en werksoort. De wachttijd telt vanaf de dag dat iemand bemiddelbaar
        werd. Beschut werk staat apart: daarvoor tellen alleen kandidaten met een indicatie beschut werk en plaatsen in beschut werk.
      </Alinea>
      {regulier.length > 0 && <AansluitingTabel id="aansluiting-regulier" titel="Vraag en aanbod, zonder beschut werk" regels={regulier} />}
      {beschut.length > 0 ? (
        <AansluitingTabel id="aansluiting-beschut" titel="Vraag en aanbod in beschut werk" regels={beschut} />
      ) : (
        <p class="utrecht-paragraph">Er zijn in deze regio's geen kandidaten voor beschut werk en geen open plaatsen in beschut werk.</p>
      )}
    </section>
  );
};

/** The choice as a GET form: the address carries it, so a view can be bookmarked and sent to a colleague. */
export const Keuzeformulier = ({
  actie,
  keuze,
  cohorten,
  gebieden,
}: {
  actie: string;
  keuze: Keuze;
  cohorten: readonly string[];
  gebieden: Dashboard['gebieden'];
}) => {
  const kwartalen = cohorten.map((c) => ({ waarde: c, tekst: kwartaalTekst(c) }));
  return (
    <form method="get" action={actie} class="werkcoop-keuze" aria-labelledby="keuze-kop">
      <h2 class="utrecht-heading-2" id="keuze-kop">
        Welke cijfers wilt u zien?
      </h2>
      <div class="werkcoop-keuze__velden">
        {gebieden.length > 0 && <Keuzelijst naam="gebied" label="Cijfers van" waarden={gebieden} gekozen={keuze.gebied ?? ''} />}
        <Keuzelijst naam="van" label="Van cohort" waarden={kwartalen} gekozen={keuze.van} />
        <Keuzelijst naam="tot" label="Tot en met cohort" waarden={kwartalen} gekozen={keuze.tot} />
        <Keuzelijst
          naam="per"
          label="Uitsplitsen naar"
          waarden={GROEPERINGEN.map((g) => ({ waarde: g, tekst: g === 'cohort' ? 'Cohort (kwartaal van de start)' : GROEPERING_TEKST[g] }))}
          gekozen={keuze.per}
        />
        <Keuzelijst
          naam="doelgroep"
          label="Alleen de doelgroep"
          waarden={[{ waarde: '', tekst: 'Alle doelgroepen' }, ...DOELGROEPEN.map((d) => ({ waarde: d, tekst: DOELGROEP_TEKST[d] }))]}
          gekozen={keuze.doelgroep ?? ''}
        />
      </div>
      <Knoppen>
        <Knop>Cijfers tonen</Knop>
      </Knoppen>
    </form>
  );
};

/** Everything below the page's heading: the choice, the key figures, the curves, the figures of others. */
export const Uitkomstenoverzicht = ({ dashboard, actie }: { dashboard: Dashboard; actie: string }) => {
  const { keuze, rapport } = dashboard;
  const reeksen = reeksenVan(rapport, keuze.per);
  const reeksnaam = GROEPERING_TEKST[keuze.per];
  const periode = keuze.van === keuze.tot ? kwartaalTekst(keuze.van) : `${kwartaalTekst(keuze.van)} tot en met ${kwartaalTekst(keuze.tot)}`;
  return (
    <>
      <Alinea lead>
        {`Blijven plaatsingen duren? De cijfers over ${dashboard.bereik}, gestart ${periode}, zoals ze op ${leesbareDatum(rapport.rapportdatum)} bekend zijn.`}
      </Alinea>
      <Keuzeformulier actie={actie} keuze={keuze} cohorten={dashboard.cohorten} gebieden={dashboard.gebieden} />
      <section aria-labelledby="kerncijfers-kop">
        <Kop2>
          <span id="kerncijfers-kop">Kerncijfers</span>
        </Kop2>
        <Alinea>
          Een cohort is elke plaatsing die in hetzelfde kwartaal begon. Een cijfer na 6 of 12 maanden telt een plaatsing pas mee als die termijn voorbij is; wie daar nog niet is,
          staat apart als «nog niet bereikt» en telt niet als uitval. Een check die niet is beantwoord, telt als «onbekend» en blijft in de noemer.
        </Alinea>
        {reeksen.length === 0 ? (
          <p class="utrecht-paragraph werkcoop-leeg">Er zijn in deze keuze geen plaatsingen gestart.</p>
        ) : (
          <Kerncijfers reeksen={reeksen} reeksnaam={reeksnaam} id="kerncijfers" />
        )}
      </section>
      {(() => {
        const tabel = rapport.gestart.find((t) => t.dimensie === (keuze.per === 'cohort' ? 'soortWerkplek' : keuze.per));
        return tabel && tabel.categorieen.length > 0 ? <Gestart tabel={tabel} /> : null;
      })()}
      {reeksen.length > 0 && (
        <section aria-labelledby="behoud-kop">
          <Kop2>
            <span id="behoud-kop">Hoe lang blijven mensen aan het werk?</span>
          </Kop2>
          <Alinea>
            De lijn daalt als een plaatsing eindigt zonder werk. Wie doorstroomt naar regulier werk, of nog aan het werk is, telt tot dat moment mee en valt daarna uit de telling
            zonder dat de lijn daalt.
          </Alinea>
          <Retentiegrafiek id="behoud" titel={`Nog in werk, naar maanden sinds de start, per ${reeksnaam.toLowerCase()}`} reeksen={reeksen.map(alsReeks)} reeksnaam={reeksnaam} />
        </section>
      )}
      <Referenties reeksen={reeksen} referenties={rapport.referentiecijfers} />
      {(rapport.banenafspraak.perLid.length > 0 || rapport.banenafspraak.plaatsingen.aantal !== 0) && (
        <Banenafspraak cijfers={rapport.banenafspraak} ledennamen={dashboard.ledennamen} />
      )}
      {rapport.aansluiting.length > 0 && <Aansluiting regels={rapport.aansluiting} />}
    </>
  );
};
