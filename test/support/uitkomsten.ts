import { plusDagen } from '../../shared/domain/nazorg';
import { maakRapport, type Uitkomst, type Uitkomstenfilter, type Uitkomstenrapport } from '../../shared/domain/uitkomsten/rapport';

/**
 * Outcome records made up for a test, and the report the domain's own maakRapport gives for them: what the
 * report's use case gives the page, without the table (the page's rendering is tested apart from where its
 * figures come from).
 */
export const maakUitkomsten = (
  start: string,
  aantal: number,
  opties: {
    eindeNa?: (i: number) => { dagen: number; reden: string } | undefined;
    checks?: (i: number) => Uitkomst['checks'];
    kenmerken?: (i: number) => Partial<Uitkomst>;
  } = {},
): Uitkomst[] =>
  Array.from({ length: aantal }, (_, i) => {
    const e = opties.eindeNa?.(i);
    return {
      plaatsingId: `${start}-${i}`,
      startdatum: plusDagen(start, i % 20),
      checks: opties.checks?.(i) ?? {},
      ...(e ? { einde: { datum: plusDagen(start, e.dagen), reden: e.reden } } : {}),
      gemeente: 'GM0479',
      arbeidsmarktregio: 'Zaanstreek/Waterland',
      lidId: 'lid-1',
      doelgroep: 'participatiewet',
      soortWerkplek: 'participatieplaats',
      werksoort: 'groen',
      urenPerWeek: 24,
      instrumenten: [],
      nazorg: {},
      escalaties: [],
      ...opties.kenmerken?.(i),
    };
  });

export const rapportUit = (uitkomsten: readonly Uitkomst[], rapportdatum: string, filter: Uitkomstenfilter = {}): Uitkomstenrapport =>
  maakRapport({
    filter,
    scope: { soort: 'gemeente', gemeente: 'GM0479' },
    rapportdatum,
    uitkomsten: uitkomsten.filter((u) => !filter.doelgroep || u.doelgroep === filter.doelgroep),
    leden: [{ lidId: 'lid-1', toezeggingen: { reguliereBanen: 4, participatieplaatsen: 10, beschutWerkplekken: 2, banenafspraakBanen: 5 } }],
    aansluiting: [],
  });
