/**
 * Disclosure control of published figures, as statistics offices do it (CBS's and Eurostat's rules for
 * tables of counts): no figure may be about one identifiable person.
 * - Primary: a count of 1–9 is published as "<10", a flag, not a number. Zero is published: it is about no one.
 * - A share (percentage) or a point of a curve only over a denominator (or a number at risk) of at least 10.
 * - Secondary: in a table with totals, a hidden cell could be worked out as the total minus the other cells;
 *   so in every line (a row with its total, a column with its total) either nothing or at least two entries
 *   are hidden. Where one is hidden alone, the smallest other cell (a zero first) is hidden too (published as "x",
 *   CBS's sign for a figure kept back), or the line's total when there is no such cell.
 */
export const DREMPEL = 10;

export type Aantal =
  | { readonly aantal: number }
  | { readonly aantal: null; readonly onderdrukt: 'kleinAantal'; readonly weergave: '<10' }
  | { readonly aantal: null; readonly onderdrukt: 'secundair'; readonly weergave: 'x' };

/**
 * A share with its denominator. Kept back ('secundair') where its numerator or denominator is a count hidden
 * elsewhere in the report: percentage × noemer would give that count back.
 */
export type Aandeel =
  | { readonly percentage: number; readonly noemer: number }
  | { readonly percentage: null; readonly onderdrukt: 'kleineNoemer' }
  | { readonly percentage: null; readonly onderdrukt: 'secundair' };

export const AANDEEL_ACHTERGEHOUDEN: Aandeel = { percentage: null, onderdrukt: 'secundair' };

export const isKlein = (n: number): boolean => n > 0 && n < DREMPEL;

export const publiceerAantal = (n: number): Aantal => (isKlein(n) ? { aantal: null, onderdrukt: 'kleinAantal', weergave: '<10' } : { aantal: n });

/** A share in whole percents (one decimal would say more than such small groups carry), or suppressed. */
export const publiceerAandeel = (teller: number, noemer: number): Aandeel =>
  noemer >= DREMPEL ? { percentage: Math.round((1000 * teller) / noemer) / 10, noemer } : { percentage: null, onderdrukt: 'kleineNoemer' };

/**
 * A two-way table of counts with its row, column and grand totals, suppressed: `cellen[r][k]`. Returns the
 * table with its totals as published: rows of the cells plus the row total, then the row of column totals
 * plus the grand total. `vooraf` (the same shape as the result) marks entries hidden before the table's own
 * rule runs: totals that another table or line of the same report hides, so that every table of a report
 * hides the same totals (linked tables; otherwise one table's "x" is another's number).
 */
export const onderdrukTabel = (cellen: readonly (readonly number[])[], vooraf?: readonly (readonly boolean[])[]): Aantal[][] => {
  const kolommen = cellen[0]?.length ?? 0;
  const rijTotalen = cellen.map((r) => r.reduce((a, b) => a + b, 0));
  const kolomTotalen = Array.from({ length: kolommen }, (_, k) => cellen.reduce((a, r) => a + r[k]!, 0));
  const waarden = [...cellen.map((r, i) => [...r, rijTotalen[i]!]), [...kolomTotalen, rijTotalen.reduce((a, b) => a + b, 0)]];
  const verborgen = waarden.map((r, i) => r.map((v, k) => isKlein(v) || vooraf?.[i]?.[k] === true));
  const secundair = waarden.map((r, i) => r.map((v, k) => !isKlein(v) && vooraf?.[i]?.[k] === true));

  // Every line of the full table: its entries' coordinates, the total last.
  const lijnen: [number, number][][] = [
    ...waarden.map((r, i) => r.map((_, k) => [i, k] as [number, number])),
    ...Array.from({ length: kolommen + 1 }, (_, k) => waarden.map((_, i) => [i, k] as [number, number])),
  ];
  for (let veranderd = true; veranderd; ) {
    veranderd = false;
    for (const lijn of lijnen) {
      const verborgenInLijn = lijn.filter(([i, k]) => verborgen[i]![k]);
      if (verborgenInLijn.length !== 1) continue;
      // A zero first, as onderdrukLijnen does: it is about no one, and hiding a cell rather than a total keeps
      // the totals, which linked tables and the key figures publish too.
      const kandidaten = lijn
        .slice(0, -1)
        .filter(([i, k]) => !verborgen[i]![k])
        .sort(([a, b], [c, d]) => waarden[a]![b]! - waarden[c]![d]!);
      const [i, k] = kandidaten[0] ?? lijn.at(-1)!;
      if (verborgen[i]![k]) continue;
      verborgen[i]![k] = true;
      secundair[i]![k] = true;
      veranderd = true;
    }
  }
  return waarden.map((r, i) =>
    r.map((v, k): Aantal => (!verborgen[i]![k] ? { aantal: v } : secundair[i]![k] ? { aantal: null, onderdrukt: 'secundair', weergave: 'x' } : publiceerAantal(v))),
  );
};

/**
 * The same secondary suppression for counts linked by other sums than a two-way table's: `lijnen` are lists of
 * indexes into `waarden`, each a line whose last index is its total (a subtotal may end one line and be a cell
 * of the next). A cell hidden alone in a line takes another cell of that line with it: a zero first (it is
 * about no one, so hiding it costs the reader least, and beside a hidden cell it gives that away as much as
 * a number does), else the smallest positive one, the total last — totals are often published elsewhere too.
 */
export const onderdrukLijnen = (
  waarden: readonly number[],
  lijnen: readonly (readonly number[])[],
  opties: {
    /** Entries hidden before the lines' own rule runs (hidden by another part of the report). */
    readonly vooraf?: readonly boolean[];
    /** Take a line's total first rather than a cell: where the cells are published elsewhere and the total is not. */
    readonly totaalEerst?: boolean;
  } = {},
): Aantal[] => {
  const verborgen = waarden.map((v, i) => isKlein(v) || opties.vooraf?.[i] === true);
  const secundair = waarden.map((v, i) => !isKlein(v) && opties.vooraf?.[i] === true);
  for (let veranderd = true; veranderd; ) {
    veranderd = false;
    for (const lijn of lijnen) {
      if (lijn.filter((i) => verborgen[i]).length !== 1) continue;
      const open = lijn.slice(0, -1).filter((i) => !verborgen[i]);
      const cellen = [...open.filter((i) => waarden[i] === 0), ...open.filter((i) => waarden[i]! > 0).sort((a, b) => waarden[a]! - waarden[b]!)];
      const keuze = (opties.totaalEerst && !verborgen[lijn.at(-1)!] ? [lijn.at(-1)!, ...cellen] : [...cellen, lijn.at(-1)!])[0]!;
      if (verborgen[keuze]) continue;
      verborgen[keuze] = true;
      secundair[keuze] = true;
      veranderd = true;
    }
  }
  return waarden.map((v, i): Aantal => (!verborgen[i] ? { aantal: v } : secundair[i] ? { aantal: null, onderdrukt: 'secundair', weergave: 'x' } : publiceerAantal(v)));
};
