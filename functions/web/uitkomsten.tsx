import type { Principal } from '../../shared/auth/rollen';
import { ARBEIDSMARKTREGIOS } from '../../shared/domain/arbeidsmarktregios';
import { kwartaalVan } from '../../shared/domain/uitkomsten/cohorten';
import type { Uitkomstenfilter, Uitkomstenrapport } from '../../shared/domain/uitkomsten/rapport';
import { vandaagInNederland } from '../../shared/domain/kalender';
import { DOELGROEPEN } from '../../shared/schemas/verwijzingen';
import { Kop1 } from '../../shared/web/opmaak';
import { paginaHandler, PaginaFout, type PaginaFunctie } from '../../shared/web/pagina-handler';
import { PortaalDocument } from '../../shared/web/portaal';
import { GROEPERINGEN, Uitkomstenoverzicht, type Dashboard, type Groepering, type Keuze } from '../../shared/web/uitkomstenoverzicht';
import { gemeenten } from '../api/gemeenten/gemeenten';
import { leden } from '../api/leden/leden';
import { regiopartners } from '../api/regiopartners/regiopartners';
import { uitkomsten } from '../api/uitkomsten/uitkomsten';

/**
 * The outcome figures of issue 12 for every role that may see figures: a coordinator all, a gemeente its own
 * referrals', a member its own placements', a regional partner its regions'. The page asks the report's use
 * case as the signed-in person; the use case decides the scope, so the page shows each role its own and never
 * chooses it. The choice (cohorts, split, filter) is a GET form: the address carries it.
 */
export const PAD = '/portaal/uitkomsten';

/**
 * How many quarters back the form offers (two years: at most as many series as the chart has line styles),
 * and how many it shows at first (the last four: one year of starts).
 */
const KWARTALEN = 8;
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
export const leesKeuze = (query: URLSearchParams, cohorten: readonly string[], gebieden: readonly string[] = []): Keuze => {
  for (const naam of query.keys()) if (!['van', 'tot', 'per', 'doelgroep', 'gebied'].includes(naam)) throw onbekendeKeuze();
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
  // A coordinator's first choice is the nation (''); a partner's, its first region.
  const gebied = gebieden.length ? kies('gebied', gebieden, gebieden[0]!) : kies('gebied', [''], '');
  return { van: eerste, tot: laatste, per: kies<Groepering>('per', GROEPERINGEN, 'cohort'), doelgroep: doelgroep || undefined, gebied: gebied || undefined };
};

/** The report's filter for a choice: the area names the coordinator's scope, or narrows a partner's to one region. */
export const filterVan = (keuze: Keuze): Uitkomstenfilter => {
  const [soort, waarde] = keuze.gebied ? [keuze.gebied.slice(0, keuze.gebied.indexOf(':')), keuze.gebied.slice(keuze.gebied.indexOf(':') + 1)] : [];
  return {
    vanCohort: keuze.van,
    totCohort: keuze.tot,
    ...(keuze.doelgroep ? { doelgroep: keuze.doelgroep } : {}),
    ...(soort === 'gemeente' ? { gemeente: waarde } : soort === 'regio' ? { arbeidsmarktregio: waarde } : soort === 'partner' ? { jobcoachPartnerId: waarde } : {}),
  };
};

/**
 * Where the page's figures come from, as the signed-in person: the areas it may choose between, the report of
 * its choice, and whose figures they are in words. The page module wires the API's own use cases.
 */
export interface Uitkomstenbron {
  gebieden(principal: Principal): Promise<Dashboard['gebieden']>;
  rapport(principal: Principal, filter: Uitkomstenfilter): Promise<Uitkomstenrapport>;
  bereik(principal: Principal, rapport: Uitkomstenrapport, gebieden: Dashboard['gebieden']): Promise<string>;
  ledennamen(principal: Principal, rapport: Uitkomstenrapport): Promise<ReadonlyMap<string, string>>;
}

export const uitkomstenPagina =
  (bron: Uitkomstenbron, vandaag: () => string = () => vandaagInNederland(new Date())): PaginaFunctie =>
  async (verzoek) => {
    const principal = verzoek.sessie!.principal;
    const cohorten = kwartalenTot(vandaag());
    const gebieden = await bron.gebieden(principal);
    const keuze = leesKeuze(
      verzoek.query,
      cohorten,
      gebieden.map((g) => g.waarde),
    );
    const rapport = await bron.rapport(principal, filterVan(keuze));
    const [bereik, ledennamen] = await Promise.all([bron.bereik(principal, rapport, gebieden), bron.ledennamen(principal, rapport)]);
    const dashboard: Dashboard = { rapport, bereik, keuze, cohorten, gebieden, ledennamen };
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

/** Names only where the report lists members: a member's own, or (for a coordinator) one page of every member's. */
const namenVan = async (p: Principal, { banenafspraak }: Uitkomstenrapport): Promise<ReadonlyMap<string, string>> => {
  if (banenafspraak.perLid.length === 0) return new Map();
  if (p.rol === 'werkgever') return new Map([[p.lidId, (await leden.ophalen(p, p.lidId)).naam]]);
  if (p.rol !== 'coopAdmin') return new Map();
  const l = await leden.zoeken(p, { pageSize: 100 });
  return new Map(l.items.map((x) => [x.id, x.naam]));
};

const regio = (r: string) => ({ waarde: `regio:${r}`, tekst: `Arbeidsmarktregio ${r}` });

/** The API's own use cases, as the signed-in person: the same scope rules and processing log as GET /v1/uitkomsten. */
export const useCaseBron: Uitkomstenbron = {
  async gebieden(p) {
    // A partner sees its regions, and as jobcoach organisation the placements it coaches, wherever they are.
    if (p.rol === 'regiopartner')
      return [...(await regiopartners.ophalen(p, p.partnerId)).arbeidsmarktregios.map(regio), { waarde: `partner:${p.partnerId}`, tekst: 'De plaatsingen die u begeleidt' }];
    if (p.rol !== 'coopAdmin') return [];
    // One page of gemeenten is every gemeente a cooperative works with (tens, not hundreds).
    const g = await gemeenten.zoeken(p, { pageSize: 100 });
    return [
      { waarde: '', tekst: 'Landelijk: alle plaatsingen' },
      ...ARBEIDSMARKTREGIOS.map(regio),
      ...[...g.items].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')).map((x) => ({ waarde: `gemeente:${x.code}`, tekst: `Gemeente ${x.naam}` })),
    ];
  },
  rapport: (p, filter) => uitkomsten.rapport(p, filter),
  ledennamen: namenVan,
  async bereik(p, { scope }, gebieden) {
    switch (scope.soort) {
      case 'nationaal':
        return 'alle plaatsingen van de coöperatie, landelijk';
      case 'arbeidsmarktregio':
        return `de plaatsingen in arbeidsmarktregio ${scope.arbeidsmarktregio}`;
      case 'gemeente': {
        const naam = gebieden.find((g) => g.waarde === `gemeente:${scope.gemeente}`)?.tekst.replace(/^Gemeente /, '') ?? (await gemeenten.ophalen(p, scope.gemeente)).naam;
        return `de plaatsingen van wie gemeente ${naam} verwees`;
      }
      case 'lid':
        return `de plaatsingen bij ${(await leden.ophalen(p, scope.lidId)).naam}`;
      case 'partner':
        return p.rol === 'regiopartner' ? 'de plaatsingen die u als jobcoachorganisatie begeleidt' : 'de plaatsingen die deze jobcoachorganisatie begeleidt';
    }
  },
};

export const handler = paginaHandler({ uitkomsten: uitkomstenPagina(useCaseBron) });
