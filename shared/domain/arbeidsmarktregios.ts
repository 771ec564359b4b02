/**
 * The 35 arbeidsmarktregio's, by the names under which gemeenten, UWV and the SZW regulations know them.
 * Data in one place: the sign-up of regiopartners validates against it, and the regional figures use the
 * same names that a gemeente's registration gives its places (Werkplek.arbeidsmarktregio). The name is
 * the code: CBS' own AM-codes were renumbered with every redivision, the names were not.
 */
export const ARBEIDSMARKTREGIOS = [
  'Achterhoek',
  'Amersfoort',
  'Drechtsteden',
  'Drenthe',
  'Flevoland',
  'FoodValley',
  'Friesland',
  'Gooi en Vechtstreek',
  'Gorinchem',
  'Groningen',
  'Groot Amsterdam',
  'Haaglanden',
  'Helmond-De Peel',
  'Holland Rijnland',
  'Midden-Brabant',
  'Midden-Gelderland',
  'Midden-Holland',
  'Midden-Limburg',
  'Midden-Utrecht',
  'Noord-Holland Noord',
  'Noord-Limburg',
  'Noordoost-Brabant',
  'Regio Zwolle',
  'Rijk van Nijmegen',
  'Rijnmond',
  'Rivierenland',
  'Stedendriehoek en Noordwest Veluwe',
  'Twente',
  'West-Brabant',
  'Zaanstreek/Waterland',
  'Zeeland',
  'Zuid-Holland Centraal',
  'Zuid-Kennemerland en IJmond',
  'Zuid-Limburg',
  'Zuidoost-Brabant',
] as const;

export type Arbeidsmarktregio = (typeof ARBEIDSMARKTREGIOS)[number];
