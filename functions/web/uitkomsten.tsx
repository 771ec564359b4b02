import type { Principal } from '../../shared/auth/rollen';
import { kwartaalVan } from '../../shared/domain/uitkomsten/cohorten';
import { vandaagInNederland } from '../../shared/domain/kalender';
import { DOELGROEPEN } from '../../shared/schemas/verwijzingen';
import { Kop1 } from '../../shared/web/opmaak';
import { PaginaFout, type PaginaFunctie } from '../../shared/web/pagina-handler';
import { PortaalDocument } from '../../shared/web/portaal';
import { GROEPERINGEN, Uitkomstenoverzicht, type Dashboard, type Groepering, type Keuze } from '../../shared/web/uitkomstenoverzicht';

/**
 * The outcome figures of issue 12 for every role that may see figures: a coordinator all, a gemeente its own
 * referrals', a member its own placements', a regional partner its regions'. The page asks the report's use
 * case as the signed-in person; the use case decides the scope, so the page shows each role its own and never
 * chooses it. The choice (cohorts, split, filter) is a GET form: the address carries it.
 */
export const PAD = '/portaal/uitkomsten';

/** How many quarters back the form offers, and how many it shows at first (the last four: one year of starts). */
const KWARTALEN = 12;
const STANDAARD = 4;

/** The last `aantal` quarters up to the one of `datum`, oldest first. */
export const kwartalenTot = (datum: string, aantal = KWARTALEN): string[] => {
  const [j, k] = kwartaalVan(datum).split('-K').map(Number) as [number, number];
  return Array.from({ length: aantal }, (_, i) => {
    const n = j * 4 + (k - 1) - (aantal - 1 - i);
    return `${Math.floor(n / 4)}-K${(n % 4) + 1}`;
  });
};

const onbekendeKeuze = () =>
  new PaginaFout(400, 'Deze keuze kennen wij niet', 'Het adres bevat een keuze die dit overzicht niet kent. Open het overzicht opnieuw en kies in het formulier.');

/** The choice from the address, checked against what the form offers; nothing chosen is the last four quarters per cohort. */
export const leesKeuze = (query: URLSearchParams, cohorten: readonly string[]): Keuze => {
  for (const naam of query.keys()) if (!['van', 'tot', 'per', 'doelgroep'].includes(naam)) throw onbekendeKeuze();
  const kies = <T extends string>(naam: string, toegestaan: readonly T[], standaard: T): T => {
    const w = query.get(naam);
    if (w === null) return standaard;
    if (!(toegestaan as readonly string[]).includes(w)) throw onbekendeKeuze();
    return w as T;
  };
  const van = kies('van', cohorten, cohorten[Math.max(0, cohorten.length - STANDAARD)]!);
  const tot = kies('tot', cohorten, cohorten.at(-1)!);
  const doelgroep = kies('doelgroep', ['', ...DOELGROEPEN], '');
  // From after to: read as the person meant it, the earlier first.
  const [eerste, laatste] = van <= tot ? [van, tot] : [tot, van];
  return { van: eerste, tot: laatste, per: kies<Groepering>('per', GROEPERINGEN, 'cohort'), doelgroep: doelgroep || undefined };
};

/** Where the page's figures come from: the report's use case as the signed-in person. */
export type Uitkomstenbron = (principal: Principal, keuze: Keuze, rapportdatum: string) => Promise<Omit<Dashboard, 'keuze' | 'cohorten' | 'rapportdatum'>>;

export const uitkomstenPagina =
  (bron: Uitkomstenbron, vandaag: () => string = () => vandaagInNederland(new Date())): PaginaFunctie =>
  async (verzoek) => {
    const rapportdatum = vandaag();
    const cohorten = kwartalenTot(rapportdatum);
    const keuze = leesKeuze(verzoek.query, cohorten);
    const gegevens = await bron(verzoek.sessie!.principal, keuze, rapportdatum);
    const dashboard: Dashboard = { ...gegevens, keuze, cohorten, rapportdatum };
    return {
      status: 200,
      inhoud: (
        <PortaalDocument verzoek={verzoek} titel="Uitkomsten">
          <Kop1>Uitkomsten van de plaatsingen</Kop1>
          <Uitkomstenoverzicht dashboard={dashboard} actie={PAD} />
        </PortaalDocument>
      ),
    };
  };
