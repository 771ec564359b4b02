/**
 * Figures of others, shown beside ours with their source and year and never mixed into our numbers: what
 * the usual way achieves, so a reader can tell whether the cooperative's placements last longer. Sourced
 * data in one place; a new edition of a source is a new entry, the old one stays for the years it covers.
 */
export interface Referentiecijfer {
  readonly id: string;
  /** What the figure says, in the words of the dashboard. */
  readonly omschrijving: string;
  readonly percentage: number;
  /** Which of our figures it stands beside. */
  readonly naastFiguur: 'terugBinnen12' | 'inWerkT6';
  readonly bron: string;
  /** The year the figure is about; absent where the edition was not checked here (no internet access). */
  readonly jaar?: number;
}

export const REFERENTIECIJFERS: readonly Referentiecijfer[] = [
  {
    id: 'divosa-herinstroom',
    omschrijving: 'Van wie de bijstand verliet voor werk, is binnen een jaar terug in de bijstand',
    percentage: 16,
    naastFiguur: 'terugBinnen12',
    // As the product brief cites it; the edition and year are to be checked against Divosa's publication.
    bron: 'Divosa, herinstroom in de bijstand (zoals aangehaald in de opdracht; editie nog te controleren)',
  },
  {
    id: 'cbs-uitstroom-werk-6m',
    omschrijving: 'Van wie de bijstand verliet voor werk, heeft 6 maanden later betaald werk zonder bijstand',
    percentage: 82,
    naastFiguur: 'inWerkT6',
    bron: 'CBS, cohortonderzoek uitstroom uit de bijstand (cohort 2021)',
    jaar: 2021,
  },
];
