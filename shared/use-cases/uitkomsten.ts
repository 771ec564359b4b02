import type { Principal } from '../auth/rollen';
import { toegang, vereisToegang } from '../auth/toegang';
import { ARBEIDSMARKTREGIOS } from '../domain/arbeidsmarktregios';
import { DomeinFout } from '../domain/fouten';
import { maakRapport, type Uitkomstenfilter, type Uitkomstenrapport, type Uitkomstenscope } from '../domain/uitkomsten/rapport';
import { logVerwerking } from '../privacy/verwerkingen';
import type { UitkomstenStore } from './poorten';

export type { Uitkomstenfilter, Uitkomstenrapport } from '../domain/uitkomsten/rapport';

export interface UitkomstenDeps {
  readonly store: UitkomstenStore;
  readonly klok?: () => Date;
}

/** The report's subject in the processing log: the scope, never a person (the figures are anonymous). */
export const scopeSleutel = (s: Uitkomstenscope): string =>
  s.soort === 'nationaal' ? 'uitkomsten:nationaal' : s.soort === 'gemeente' ? `uitkomsten:gemeente:${s.gemeente}` : s.soort === 'lid' ? `uitkomsten:lid:${s.lidId}` : `uitkomsten:regio:${s.arbeidsmarktregio}`;

/**
 * Who sees which figures (toegang.uitkomsten): a gemeente its own referrals', a member its own placements' and
 * pledges, a regiopartner its arbeidsmarktregio's, coordinators every scope. The filter's gemeente, region or
 * member picks a coordinator's scope; for the others it narrows their own, and naming another tenant of their
 * own kind is 404, as if it did not exist.
 */
const scopeVan = async (deps: UitkomstenDeps, p: Principal, f: Uitkomstenfilter): Promise<Uitkomstenscope> => {
  switch (p.rol) {
    case 'coopAdmin':
      if (f.lidId) return { soort: 'lid', lidId: f.lidId };
      if (f.gemeente) return { soort: 'gemeente', gemeente: f.gemeente };
      if (f.arbeidsmarktregio) return { soort: 'arbeidsmarktregio', arbeidsmarktregio: f.arbeidsmarktregio };
      return { soort: 'nationaal' };
    case 'gemeente':
      vereisToegang(!f.gemeente || toegang.uitkomstenGemeente(p, f.gemeente), `Gemeente ${f.gemeente}`);
      return { soort: 'gemeente', gemeente: p.gemeente };
    case 'werkgever':
      vereisToegang(!f.lidId || toegang.uitkomstenLid(p, f.lidId), `Lid ${f.lidId}`);
      return { soort: 'lid', lidId: p.lidId };
    case 'regiopartner': {
      const regios = await deps.store.regiosVanPartner(p.partnerId);
      vereisToegang(regios !== undefined, 'Deze regiopartner');
      if (f.arbeidsmarktregio) {
        vereisToegang(toegang.uitkomstenRegio(p, f.arbeidsmarktregio, regios!), `Arbeidsmarktregio ${f.arbeidsmarktregio}`);
        return { soort: 'arbeidsmarktregio', arbeidsmarktregio: f.arbeidsmarktregio };
      }
      if (regios!.length !== 1)
        throw new DomeinFout('ongeldigeInvoer', `Kies één van uw arbeidsmarktregio's: ${regios!.join(', ')}.`, 'query.arbeidsmarktregio');
      return { soort: 'arbeidsmarktregio', arbeidsmarktregio: regios![0]! };
    }
    default:
      throw new DomeinFout('geenToegang', 'Alleen coördinatoren, gemeenten, leden en regiopartners zien uitkomsten.');
  }
};

const regiosVanScope = async (deps: UitkomstenDeps, s: Uitkomstenscope): Promise<readonly string[]> => {
  if (s.soort === 'arbeidsmarktregio') return [s.arbeidsmarktregio];
  if (s.soort === 'nationaal') return ARBEIDSMARKTREGIOS;
  if (s.soort === 'gemeente') {
    const regio = await deps.store.regioVanGemeente(s.gemeente);
    return regio ? [regio] : [];
  }
  // A member's places are in many regions and its pledges are not regional: no supply and demand here.
  return [];
};

export const uitkomstenUseCases = (deps: UitkomstenDeps) => ({
  /**
   * The outcome report of the scope the caller may see and asked for. Reads a bounded number of items
   * collections whatever the number of placements (see shared/store/uitkomsten-store.ts), and logs the read.
   */
  async rapport(principal: Principal, filter: Uitkomstenfilter): Promise<Uitkomstenrapport> {
    if (filter.vanCohort && filter.totCohort && filter.vanCohort > filter.totCohort)
      throw new DomeinFout('ongeldigeInvoer', 'vanCohort ligt na totCohort.', 'query.vanCohort');
    const scope = await scopeVan(deps, principal, filter);
    const rapportdatum = (deps.klok?.() ?? new Date()).toISOString().slice(0, 10);
    const ledenVan = scope.soort === 'lid' ? scope.lidId : scope.soort === 'nationaal' ? null : undefined;
    const [uitkomsten, regios, leden] = await Promise.all([
      deps.store.uitkomsten(scope),
      regiosVanScope(deps, scope),
      ledenVan === undefined ? Promise.resolve([]) : deps.store.toezeggingen(ledenVan ?? undefined),
    ]);
    const aansluiting = regios.length ? await deps.store.aansluiting(regios) : [];
    logVerwerking({ activiteit: 'uitkomstenInzien', door: principal, betrokkenen: [scopeSleutel(scope)], status: 'gelukt' });
    return maakRapport({ filter, scope, rapportdatum, uitkomsten, leden, aansluiting });
  },
});

export type UitkomstenUseCases = ReturnType<typeof uitkomstenUseCases>;
