import type { Aandeel, Aantal } from './onthulling';
import type { Curvepunt } from './cohorten';
import type { Uitkomstenrapport } from './rapport';

/**
 * The report as CSV for spreadsheets (RFC 4180, comma, CRLF, UTF-8): one line per published figure in long
 * form, so a pivot table can lay it out any way. A suppressed figure keeps its line with an empty value and
 * the sign in `onderdrukt` ("<10", "x", or "noemer<10"), never a number.
 */
export const KOLOMMEN = ['onderdeel', 'cohort', 'dimensie', 'groep', 'figuur', 'waarde', 'noemer', 'onderdrukt'] as const;

const veld = (v: string | number | null | undefined): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
export const csvRegels = (rijen: readonly (readonly (string | number | null | undefined)[])[]): string => rijen.map((r) => r.map(veld).join(',')).join('\r\n') + '\r\n';

type Regel = [string, string, string, string, string, number | null, number | null, string];
const aantal = (a: Aantal): [number | null, null, string] => (a.aantal !== null ? [a.aantal, null, ''] : [null, null, a.weergave]);
const aandeel = (a: Aandeel): [number | null, number | null, string] =>
  a.percentage !== null ? [a.percentage, a.noemer, ''] : [null, null, a.onderdrukt === 'secundair' ? 'x' : 'noemer<10'];
const punt = (p: Curvepunt): [number | null, number | null, string] =>
  p.overleving !== null ? [Math.round(p.overleving * 1000) / 1000, p.risico, ''] : [null, null, p.onderdrukt === 'secundair' ? 'x' : 'risico<10'];

export const rapportNaarCsv = (r: Uitkomstenrapport): string => {
  const regels: Regel[] = [];
  const cijfers = (onderdeel: string, cohort: string, dimensie: string, groep: string, c: Uitkomstenrapport['cohorten'][number] | Uitkomstenrapport['groepen'][number]['cijfers']) => {
    regels.push([onderdeel, cohort, dimensie, groep, 'gestart', ...aantal(c.gestart)]);
    for (const [t, s] of [['T6', c.inWerkT6], ['T12', c.inWerkT12]] as const) {
      for (const k of ['bereikt', 'inWerk', 'nietInWerk', 'onbekend', 'nogNietBereikt'] as const) regels.push([onderdeel, cohort, dimensie, groep, `${k}${t}`, ...aantal(s[k])]);
      regels.push([onderdeel, cohort, dimensie, groep, `aandeelInWerk${t}`, ...aandeel(s.aandeelInWerk)]);
    }
    regels.push([onderdeel, cohort, dimensie, groep, 'behoudZelfdeWerkgever', ...aandeel(c.behoudZelfdeWerkgever)]);
    for (const k of ['behoudS6', 'behoudS12', 'terugBinnen6', 'terugBinnen12'] as const) regels.push([onderdeel, cohort, dimensie, groep, k, ...punt(c[k])]);
    regels.push([onderdeel, cohort, dimensie, groep, 'mediaanMaanden', c.mediaanMaanden, null, c.mediaanMaanden === null ? 'nietBereikt' : '']);
  };
  for (const c of r.cohorten) cijfers('cohort', c.cohort, '', '', c);
  for (const g of r.groepen) cijfers('groep', 'alle', g.dimensie, g.groep, g.cijfers);
  for (const t of r.gestart) {
    for (const rij of t.rijen) {
      t.categorieen.forEach((c, i) => regels.push(['gestart', rij.cohort, t.dimensie, c, 'gestart', ...aantal(rij.cellen[i]!)]));
      regels.push(['gestart', rij.cohort, t.dimensie, 'totaal', 'gestart', ...aantal(rij.totaal)]);
    }
    t.categorieen.forEach((c, i) => regels.push(['gestart', 'totaal', t.dimensie, c, 'gestart', ...aantal(t.totalen.cellen[i]!)]));
  }
  for (const n of r.nazorg.perSoort) {
    regels.push(['nazorg', '', 'soort', n.soort, 'beslist', ...aantal(n.beslist)]);
    regels.push(['nazorg', '', 'soort', n.soort, 'opTijd', ...aantal(n.opTijd)]);
    regels.push(['nazorg', '', 'soort', n.soort, 'aandeelOpTijd', ...aandeel(n.aandeelOpTijd)]);
  }
  regels.push(['nazorg', '', '', '', 'escalatiesVerhoogd', ...aantal(r.nazorg.escalaties.verhoogd)]);
  regels.push(['nazorg', '', '', '', 'escalatiesAfgehandeld', ...aantal(r.nazorg.escalaties.afgehandeld)]);
  regels.push(['nazorg', '', '', '', 'mediaanAfhandelUren', r.nazorg.escalaties.mediaanAfhandelUren, null, r.nazorg.escalaties.mediaanAfhandelUren === null ? 'aantal<10' : '']);
  const b = r.banenafspraak;
  regels.push(['banenafspraak', b.peildatum, '', '', 'banen', b.banen, null, b.banen === null ? '<10' : '']);
  regels.push(['banenafspraak', b.peildatum, '', '', 'plaatsingen', ...aantal(b.plaatsingen)]);
  for (const l of b.perLid)
    for (const t of l.toezeggingen) {
      regels.push(['banenafspraak', b.peildatum, 'lid', l.lidId, `${t.soort}Toegezegd`, t.toegezegd, null, '']);
      regels.push(['banenafspraak', b.peildatum, 'lid', l.lidId, `${t.soort}Gerealiseerd`, t.gerealiseerd, null, t.gerealiseerd === null ? '<10' : '']);
    }
  regels.push(...aansluitingRegels(r.aansluiting));
  // Others' figures, marked as such in their own part: never in a line of ours.
  for (const f of r.referentiecijfers) regels.push(['referentie', f.jaar ? String(f.jaar) : '', 'bron', f.bron, f.id, f.percentage, null, '']);
  return csvRegels([KOLOMMEN, ...regels]);
};

const aansluitingRegels = (aansluiting: Uitkomstenrapport['aansluiting']): Regel[] => {
  const regels: Regel[] = [];
  for (const a of aansluiting) {
    const groep = `${a.arbeidsmarktregio}|${a.werksoort}${a.beschutWerk ? '|beschutWerk' : ''}`;
    regels.push(['aansluiting', '', 'regioWerksoort', groep, 'wachtend', ...aantal(a.wachtend)]);
    regels.push(['aansluiting', '', 'regioWerksoort', groep, 'mediaanWachtdagen', a.mediaanWachtdagen, null, a.mediaanWachtdagen === null ? 'aantal<10' : '']);
    regels.push(['aansluiting', '', 'regioWerksoort', groep, 'openPlaatsen', ...aantal(a.openPlaatsen)]);
  }
  return regels;
};

export const aansluitingNaarCsv = (aansluiting: Uitkomstenrapport['aansluiting']): string => csvRegels([KOLOMMEN, ...aansluitingRegels(aansluiting)]);
