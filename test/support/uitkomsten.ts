import { behoudWaarnemingen, cohortcijfers, kwartaalVan, type Uitkomstrecord } from '../../shared/domain/uitkomsten/cohorten';
import { kaplanMeier } from '../../shared/domain/uitkomsten/kaplan-meier';
import { plusDagen } from '../../shared/domain/nazorg';
import { publiceerCurve } from '../../shared/web/grafieken';
import { kwartaalTekst, type Reekscijfers } from '../../shared/web/uitkomstenoverzicht';

/**
 * Outcome records made up for a test, and the figures the domain functions give for them: what the report's
 * use case gives the page, without the table (the page's rendering is tested apart from where its figures come from).
 */
export const maakRecords = (
  start: string,
  aantal: number,
  opties: { eindeNa?: (i: number) => { dagen: number; reden: string } | undefined; checks?: (i: number) => Uitkomstrecord['checks'] } = {},
): Uitkomstrecord[] =>
  Array.from({ length: aantal }, (_, i) => {
    const e = opties.eindeNa?.(i);
    return {
      plaatsingId: `${start}-${i}`,
      startdatum: plusDagen(start, i % 20),
      checks: opties.checks?.(i) ?? {},
      ...(e ? { einde: { datum: plusDagen(start, e.dagen), reden: e.reden } } : {}),
    };
  });

export const reeksUit = (label: string, records: readonly Uitkomstrecord[], rapportdatum: string): Reekscijfers => ({
  label,
  cijfers: cohortcijfers(label, records, rapportdatum),
  curve: publiceerCurve(kaplanMeier(behoudWaarnemingen(records, rapportdatum))),
});

/** The records per cohort (the quarter of their start), each a column of the page, oldest first. */
export const reeksenPerCohort = (records: readonly Uitkomstrecord[], rapportdatum: string): Reekscijfers[] => {
  const per = new Map<string, Uitkomstrecord[]>();
  for (const r of records) per.set(kwartaalVan(r.startdatum), [...(per.get(kwartaalVan(r.startdatum)) ?? []), r]);
  return [...per.keys()].sort().map((k) => reeksUit(kwartaalTekst(k), per.get(k)!, rapportdatum));
};
