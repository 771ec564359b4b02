import type { Curvepunt } from '../domain/uitkomsten/cohorten';
import type { Aantal } from '../domain/uitkomsten/onthulling';
import type { Gepubliceerdecurve } from '../domain/uitkomsten/rapport';

/**
 * The retention curve drawn on the server as SVG: a step curve (Kaplan–Meier) with its 95% band, ticks where
 * placements are censored, labelled axes, and the same figures in a table beside it. No script (the pages'
 * CSP allows none) and no inline style (nor does it allow that): presentation attributes and the stylesheet.
 *
 * The curve is the report's published one (rapport.ts, `publiceerCurve`): cut off where fewer than 10 are
 * still followed, and nothing at all for a small group. The figures in words and in the table are the
 * report's own (S(6), S(12), the median of cohortcijfers), never recomputed from the drawing. The geometry is pure functions, tested without a browser.
 */

export const DAGEN_PER_MAAND = 30.4375;

const naarMaanden = (dagen: number): number => dagen / DAGEN_PER_MAAND;

/** A stretch of the drawn curve: from `vanaf` months on the estimate and its band, until the next one. */
export interface Curvestuk {
  readonly vanaf: number;
  readonly overleving: number;
  readonly onder: number;
  readonly boven: number;
}

/** The report's published curve (rapport.ts) in months, as the drawing needs it. */
export interface Tekencurve {
  /** In time order; the first starts at 0 (everyone still in work). Empty when nothing may be drawn. */
  readonly stukken: readonly Curvestuk[];
  /** Months where the drawn curve ends: after it fewer than 10 are still followed. */
  readonly tot: number;
  /** Where placements were censored (ended into regular work, or still open), on the drawn part only. */
  readonly censureringen: readonly { readonly maanden: number; readonly overleving: number }[];
}

/** The step at or before `maanden`. */
const stukOp = (stukken: readonly Curvestuk[], maanden: number): Curvestuk | undefined => stukken.filter((s) => s.vanaf <= maanden).at(-1);

/** The report's published curve in months; a second point at day 0 (an end on the first day) replaces the start. */
export const tekencurve = (c: Gepubliceerdecurve): Tekencurve => {
  if (c.punten.length === 0 || c.afgekaptNa === null) return { stukken: [], tot: 0, censureringen: [] };
  const stukken: Curvestuk[] = [];
  for (const p of c.punten) {
    const stuk = { vanaf: naarMaanden(p.dagen), overleving: p.overleving, onder: p.onder, boven: p.boven };
    if (stukken.at(-1)?.vanaf === stuk.vanaf) stukken[stukken.length - 1] = stuk;
    else stukken.push(stuk);
  }
  const tot = naarMaanden(c.afgekaptNa);
  const censureringen = c.censureringen
    .map(naarMaanden)
    .filter((m) => m <= tot)
    .map((maanden) => ({ maanden, overleving: stukOp(stukken, maanden)?.overleving ?? 1 }));
  return { stukken, tot, censureringen };
};

/**
 * The drawn curve's value at `maanden`, read as `puntOp` reads the table's (at round(maanden × 30.4375) days;
 * nothing where the curve has stopped), so a test can hold the drawing to the published figures.
 */
export const waardeOp = (c: Tekencurve, maanden: number): Curvestuk | null => {
  const t = Math.round(maanden * DAGEN_PER_MAAND) / DAGEN_PER_MAAND;
  if (c.stukken.length === 0 || t >= c.tot) return null;
  return stukOp(c.stukken, t) ?? null;
};

/** A linear scale from a domain onto a range of the drawing. */
export const schaal =
  ([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]) =>
  (v: number): number =>
    r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);

/** The months on the time axis: every 3 up to two years, then every 6 or 12; at least to 12 (the last check). */
export const maandTicks = (langste: number): number[] => {
  const stap = langste <= 24 ? 3 : langste <= 48 ? 6 : 12;
  const eind = Math.max(12, Math.ceil(langste / stap) * stap);
  return Array.from({ length: eind / stap + 1 }, (_, i) => i * stap);
};

export const PROCENT_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1] as const;

const r = (v: number): string => String(Math.round(v * 100) / 100);

type As = (v: number) => number;

/** The step line: from (0, 100%) along each stretch, dropping at its start, to where the curve ends. */
export const stappad = (c: Tekencurve, x: As, y: As): string => {
  if (c.stukken.length === 0) return '';
  const [eerste, ...rest] = c.stukken;
  let d = `M${r(x(0))} ${r(y(eerste!.overleving))}`;
  for (const s of rest) d += ` H${r(x(s.vanaf))} V${r(y(s.overleving))}`;
  return `${d} H${r(x(c.tot))}`;
};

/** The band: along the upper bounds to the end, back along the lower ones, closed; steps like the line. */
export const bandpad = (c: Tekencurve, x: As, y: As): string => {
  if (c.stukken.length === 0) return '';
  const s = c.stukken;
  let d = `M${r(x(0))} ${r(y(s[0]!.boven))}`;
  for (const stuk of s.slice(1)) d += ` H${r(x(stuk.vanaf))} V${r(y(stuk.boven))}`;
  d += ` H${r(x(c.tot))} V${r(y(s.at(-1)!.onder))}`;
  for (let i = s.length - 1; i > 0; i--) d += ` H${r(x(s[i]!.vanaf))} V${r(y(s[i - 1]!.onder))}`;
  return `${d} H${r(x(0))} Z`;
};

/** A censoring tick: a short upright stroke through the curve at that time, as survival plots mark it. */
export const censuurpad = (c: Tekencurve, x: As, y: As, half = 5): string =>
  c.censureringen.map((p) => `M${r(x(p.maanden))} ${r(y(p.overleving) - half)} v${2 * half}`).join(' ');

/** Each series' look: a colour, and a line style and marker besides, so colour is never the only difference. */
export interface Reeksstijl {
  readonly kleur: string;
  readonly streep: string | undefined;
  readonly markering: 'cirkel' | 'vierkant' | 'driehoek' | 'ruit' | 'kruis' | 'omlaag' | 'plus' | 'blok';
  readonly lijn: string;
}

/** Dark enough on white for graphics (WCAG 1.4.11, at least 3:1), and apart for the common colour blindnesses. */
export const REEKSSTIJLEN: readonly Reeksstijl[] = [
  { kleur: '#1f5fa8', streep: undefined, markering: 'cirkel', lijn: 'doorgetrokken lijn, rondjes' },
  { kleur: '#b8420f', streep: '9 5', markering: 'vierkant', lijn: 'gestreepte lijn, vierkantjes' },
  { kleur: '#1b6e3a', streep: '2 4', markering: 'driehoek', lijn: 'gestippelde lijn, driehoekjes' },
  { kleur: '#7b3294', streep: '12 4 2 4', markering: 'ruit', lijn: 'streep-stippellijn, ruitjes' },
  { kleur: '#333333', streep: '4 3', markering: 'kruis', lijn: 'korte streepjes, kruisjes' },
  { kleur: '#8c510a', streep: '16 4', markering: 'omlaag', lijn: 'lange streepjes, omgekeerde driehoekjes' },
  { kleur: '#01665e', streep: '1 3', markering: 'plus', lijn: 'fijne stippellijn, plusjes' },
  { kleur: '#c51b7d', streep: '6 2 1 2 1 2', markering: 'blok', lijn: 'streep-stip-stiplijn, dichte blokjes' },
];

export const stijlVan = (i: number): Reeksstijl => REEKSSTIJLEN[i % REEKSSTIJLEN.length]!;

/** A marker's path centred on (cx, cy). */
export const markeringpad = (soort: Reeksstijl['markering'], cx: number, cy: number, g = 4.5): string => {
  switch (soort) {
    case 'cirkel':
      return `M${r(cx - g)} ${r(cy)} a${g} ${g} 0 1 0 ${2 * g} 0 a${g} ${g} 0 1 0 ${-2 * g} 0 Z`;
    case 'vierkant':
      return `M${r(cx - g)} ${r(cy - g)} h${2 * g} v${2 * g} h${-2 * g} Z`;
    case 'driehoek':
      return `M${r(cx)} ${r(cy - g * 1.2)} L${r(cx + g * 1.1)} ${r(cy + g * 0.8)} L${r(cx - g * 1.1)} ${r(cy + g * 0.8)} Z`;
    case 'ruit':
      return `M${r(cx)} ${r(cy - g * 1.3)} L${r(cx + g * 1.1)} ${r(cy)} L${r(cx)} ${r(cy + g * 1.3)} L${r(cx - g * 1.1)} ${r(cy)} Z`;
    case 'kruis':
      return `M${r(cx - g)} ${r(cy - g)} L${r(cx + g)} ${r(cy + g)} M${r(cx + g)} ${r(cy - g)} L${r(cx - g)} ${r(cy + g)}`;
    case 'omlaag':
      return `M${r(cx)} ${r(cy + g * 1.2)} L${r(cx + g * 1.1)} ${r(cy - g * 0.8)} L${r(cx - g * 1.1)} ${r(cy - g * 0.8)} Z`;
    case 'plus':
      return `M${r(cx - g * 1.2)} ${r(cy)} H${r(cx + g * 1.2)} M${r(cx)} ${r(cy - g * 1.2)} V${r(cy + g * 1.2)}`;
    case 'blok':
      return `M${r(cx - g)} ${r(cy - g)} h${2 * g} v${2 * g} h${-2 * g} Z`;
  }
};

/** Open markers (white inside) but for the filled block; strokes only for the cross and the plus. */
const markeringVulling = (s: Reeksstijl): string => (s.markering === 'kruis' || s.markering === 'plus' ? 'none' : s.markering === 'blok' ? s.kleur : '#ffffff');

/** Where a series carries its markers: at the time axis' ticks (not 0) that its drawn curve reaches. */
export const markeringen = (c: Tekencurve, ticks: readonly number[]): { maanden: number; overleving: number }[] =>
  ticks.filter((t) => t > 0 && t < c.tot).flatMap((t) => {
    const s = c.stukken.filter((x) => x.vanaf <= t).at(-1);
    return s ? [{ maanden: t, overleving: s.overleving }] : [];
  });

export interface Afmetingen {
  readonly breedte: number;
  readonly hoogte: number;
  readonly marge: { readonly boven: number; readonly rechts: number; readonly onder: number; readonly links: number };
  readonly letter: number;
}

/** Two drawings of one chart: wide for a desktop, narrow (bigger letters relative to the drawing) for a phone. */
export const BREED: Afmetingen = { breedte: 640, hoogte: 380, marge: { boven: 32, rechts: 16, onder: 56, links: 52 }, letter: 14 };
export const SMAL: Afmetingen = { breedte: 320, hoogte: 300, marge: { boven: 30, rechts: 12, onder: 50, links: 44 }, letter: 13 };

/** One series of the chart: its drawing and the report's figures for it. */
export interface Reeks {
  readonly label: string;
  readonly curve: Tekencurve;
  readonly gestart: Aantal;
  readonly s6: Curvepunt;
  readonly s12: Curvepunt;
  readonly mediaanMaanden: number | null;
}

const procent = (v: number): string => `${Math.round(100 * v)}%`;
const maandTekst = (m: number): string => `${String(m).replace('.', ',')} ${m === 1 ? 'maand' : 'maanden'}`;

/** A point in words: the estimate with its interval, or why it is not published. */
export const puntInWoorden = (p: Curvepunt): string =>
  p.overleving !== null ? `${procent(p.overleving)}${p.onder !== p.boven ? ` (95%-interval ${procent(p.onder)}–${procent(p.boven)})` : ''}` : 'niet gepubliceerd: minder dan 10 in de risicogroep';

/** A median the curve did not reach is "niet bereikt" only when the curve could show it: with 10 or more started. */
const mediaanBereikbaar = (s: Reeks): boolean => s.gestart.aantal !== null && s.gestart.aantal >= 10;
export const mediaanInWoorden = (s: Reeks): string =>
  s.mediaanMaanden !== null ? maandTekst(s.mediaanMaanden) : mediaanBereikbaar(s) ? 'niet bereikt' : 'niet gepubliceerd: minder dan 10 plaatsingen';

/** The chart's description: what a sighted reader takes from it, in words (S(6), S(12), the median). */
export const beschrijving = (reeksen: readonly Reeks[]): string =>
  reeksen
    .map((s) =>
      s.curve.stukken.length === 0
        ? `${s.label}: ${s.gestart.aantal === 0 ? 'geen plaatsingen' : 'niet getekend, minder dan 10 plaatsingen'}.`
        : `${s.label}: na 6 maanden nog in werk ${puntInWoorden(s.s6)}; na 12 maanden ${puntInWoorden(s.s12)}; mediane duur ${mediaanInWoorden(s)}. De lijn stopt na ${maandTekst(Math.floor(s.curve.tot * 10) / 10)}: daarna volgen we minder dan 10 plaatsingen.`,
    )
    .join(' ');

const Tekening = ({ id, titel, reeksen, maat, variant }: { id: string; titel: string; reeksen: readonly Reeks[]; maat: Afmetingen; variant: 'breed' | 'smal' }) => {
  const { breedte, hoogte, marge, letter } = maat;
  const ticks = maandTicks(Math.max(0, ...reeksen.map((s) => s.curve.tot)));
  const x = schaal([0, ticks.at(-1)!], [marge.links, breedte - marge.rechts]);
  const y = schaal([0, 1], [hoogte - marge.onder, marge.boven]);
  const tid = `${id}-${variant}-titel`;
  const did = `${id}-${variant}-beschrijving`;
  // On the narrow drawing every other month label, so the labels never run into each other.
  const labelTicks = variant === 'smal' && ticks.length > 7 ? ticks.filter((_, i) => i % 2 === 0) : ticks;
  return (
    <svg
      class={`werkcoop-grafiek__tekening werkcoop-grafiek__tekening--${variant}`}
      role="img"
      aria-labelledby={`${tid} ${did}`}
      viewBox={`0 0 ${breedte} ${hoogte}`}
      xmlns="http://www.w3.org/2000/svg"
      font-size={letter}
    >
      <title id={tid}>{titel}</title>
      <desc id={did}>{beschrijving(reeksen)}</desc>
      <g class="werkcoop-grafiek__raster" stroke="#d1d5db" stroke-width="1">
        {PROCENT_TICKS.map((p) => (
          <line key={p} x1={marge.links} x2={breedte - marge.rechts} y1={r(y(p))} y2={r(y(p))} />
        ))}
      </g>
      {reeksen.map(({ curve }, i) =>
        curve.stukken.length === 0 ? null : <path key={`band${i}`} d={bandpad(curve, x, y)} fill={stijlVan(i).kleur} fill-opacity="0.11" stroke="none" />,
      )}
      <g fill="#1f2937">
        {PROCENT_TICKS.map((p) => (
          <text key={p} x={marge.links - 8} y={r(y(p))} text-anchor="end" dominant-baseline="middle">
            {procent(p)}
          </text>
        ))}
        {labelTicks.map((t) => (
          <text key={t} x={r(x(t))} y={hoogte - marge.onder + letter + 6} text-anchor="middle">
            {t}
          </text>
        ))}
        <text x={r((marge.links + breedte - marge.rechts) / 2)} y={hoogte - 8} text-anchor="middle">
          Maanden sinds de start
        </text>
        <text x={0} y={letter} text-anchor="start">
          Nog in werk
        </text>
      </g>
      <g stroke="#1f2937" stroke-width="1">
        <line x1={marge.links} x2={breedte - marge.rechts} y1={r(y(0))} y2={r(y(0))} />
        <line x1={marge.links} x2={marge.links} y1={r(y(0))} y2={r(y(1))} />
        {ticks.map((t) => (
          <line key={t} x1={r(x(t))} x2={r(x(t))} y1={r(y(0))} y2={r(y(0) + 5)} />
        ))}
      </g>
      {reeksen.map(({ curve }, i) => {
        const s = stijlVan(i);
        if (curve.stukken.length === 0) return null;
        return (
          <g key={`reeks${i}`} stroke={s.kleur} fill="none" stroke-width="2.5">
            <path d={stappad(curve, x, y)} {...(s.streep ? { 'stroke-dasharray': s.streep } : {})} />
            {curve.censureringen.length > 0 && <path d={censuurpad(curve, x, y)} stroke-width="1.5" />}
            {markeringen(curve, ticks).map((m) => (
              <path key={m.maanden} d={markeringpad(s.markering, x(m.maanden), y(m.overleving))} fill={markeringVulling(s)} stroke-width="2" />
            ))}
          </g>
        );
      })}
    </svg>
  );
};

/** The legend's sample of a series: its line style and marker, as in the drawing. */
const Staal = ({ i }: { i: number }) => {
  const s = stijlVan(i);
  return (
    <svg class="werkcoop-grafiek__staal" viewBox="0 0 44 16" width="44" height="16" aria-hidden="true" focusable="false">
      <g stroke={s.kleur} fill="none" stroke-width="2.5">
        <path d="M2 8 H42" {...(s.streep ? { 'stroke-dasharray': s.streep } : {})} />
        <path d={markeringpad(s.markering, 22, 8)} fill={markeringVulling(s)} stroke-width="2" />
      </g>
    </svg>
  );
};

/**
 * The retention chart with its legend and, beside it, a table of the same figures: per series the number of
 * placements, S(6) and S(12) with their 95% interval, and the median. The chart is drawn twice (wide and
 * narrow) and the stylesheet shows one, so its letters stay readable on a phone.
 */
export const Retentiegrafiek = ({ id, titel, reeksen, reeksnaam }: { id: string; titel: string; reeksen: readonly Reeks[]; reeksnaam: string }) => (
  <div class="werkcoop-grafiek">
    <figure class="werkcoop-grafiek__figuur" aria-labelledby={`${id}-onderschrift`}>
      <Tekening id={id} titel={titel} reeksen={reeksen} maat={BREED} variant="breed" />
      <Tekening id={id} titel={titel} reeksen={reeksen} maat={SMAL} variant="smal" />
      <figcaption id={`${id}-onderschrift`} class="werkcoop-grafiek__onderschrift">
        <span class="werkcoop-grafiek__titel">{titel}</span>
        <ul class="werkcoop-grafiek__legenda">
          {reeksen.map((s, i) => (
            <li key={s.label}>
              <Staal i={i} />
              <span>
                {s.label}
                <span class="werkcoop-verborgen">{` (${stijlVan(i).lijn})`}</span>
                {s.curve.stukken.length === 0 && (s.gestart.aantal === 0 ? ' — geen plaatsingen' : ' — niet getekend: minder dan 10 plaatsingen')}
              </span>
            </li>
          ))}
        </ul>
        <span class="werkcoop-grafiek__uitleg">
          De lijn is het geschatte aandeel dat nog in werk is (Kaplan–Meier); het gekleurde vlak eromheen is het 95%-betrouwbaarheidsinterval. Een verticaal streepje is
          een plaatsing die we vanaf dat moment niet meer volgen: overgestapt naar regulier werk, of nog lopend. Een lijn stopt waar we minder dan 10 plaatsingen volgen.
        </span>
      </figcaption>
    </figure>
    <div class="utrecht-table-container werkcoop-grafiek__tabel" role="region" aria-labelledby={`${id}-tabel`} tabIndex={0}>
      <table class="utrecht-table werkcoop-cijfertabel">
        <caption class="utrecht-table__caption" id={`${id}-tabel`}>
          De cijfers van deze grafiek
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              {reeksnaam}
            </th>
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
              Plaatsingen
            </th>
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
              Nog in werk na 6 maanden
            </th>
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
              Nog in werk na 12 maanden
            </th>
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
              Mediane duur
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {reeksen.map((s) => (
            <tr class="utrecht-table__row" key={s.label}>
              <th class="utrecht-table__header-cell" scope="row">
                {s.label}
              </th>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{s.gestart.aantal !== null ? String(s.gestart.aantal) : <Klein />}</td>
              <PuntCel punt={s.s6} />
              <PuntCel punt={s.s12} />
              <td class="utrecht-table__cell utrecht-table__cell--numeric">
                {s.mediaanMaanden !== null ? maandTekst(s.mediaanMaanden) : mediaanBereikbaar(s) ? 'niet bereikt' : <span class="werkcoop-onderdrukt">minder dan 10 plaatsingen</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </div>
);

/** A count of 1–9, as statistics offices publish it. */
const Klein = () => <abbr title="minder dan 10: niet gepubliceerd">&lt;10</abbr>;

const NietGepubliceerd = () => <span class="werkcoop-onderdrukt">minder dan 10 in de risicogroep</span>;

const PuntCel = ({ punt }: { punt: Curvepunt }) => (
  <td class="utrecht-table__cell utrecht-table__cell--numeric">
    {punt.overleving !== null ? (
      <>
        {procent(punt.overleving)}
        {punt.onder !== punt.boven && <span class="werkcoop-interval">{` (${procent(punt.onder)}–${procent(punt.boven)})`}</span>}
      </>
    ) : (
      <NietGepubliceerd />
    )}
  </td>
);
