import type { Principal } from '../auth/rollen';
import { toegang, vereisToegang } from '../auth/toegang';
import { ARBEIDSMARKTREGIOS } from '../domain/arbeidsmarktregios';
import { DomeinFout } from '../domain/fouten';
import { aansluitingcijfers, maakRapport, type Aansluitingregel, type Uitkomstenfilter, type Uitkomstenrapport, type Uitkomstenscope } from '../domain/uitkomsten/rapport';
import { SRG_CODELIJST, SRG_NIET_OPGENOMEN, srgVoorzieningen, type SrgVoorziening } from '../domain/uitkomsten/srg';
import { logVerwerking } from '../privacy/verwerkingen';
import type { UitkomstenStore } from './poorten';

export type { Uitkomstenfilter, Uitkomstenrapport } from '../domain/uitkomsten/rapport';

export interface UitkomstenDeps {
  readonly store: UitkomstenStore;
  readonly klok?: () => Date;
}

/** The report's subject in the processing log: the scope, never a person (the figures are anonymous). */
export const scopeSleutel = (s: Uitkomstenscope): string =>
  s.soort === 'nationaal'
    ? 'uitkomsten:nationaal'
    : s.soort === 'gemeente'
      ? `uitkomsten:gemeente:${s.gemeente}`
      : s.soort === 'lid'
        ? `uitkomsten:lid:${s.lidId}`
        : s.soort === 'partner'
          ? `uitkomsten:partner:${s.partnerId}`
          : `uitkomsten:regio:${s.arbeidsmarktregio}`;

/**
 * Who sees which figures (toegang.uitkomsten): a gemeente its own referrals', a member its own placements' and
 * pledges, a regiopartner its arbeidsmarktregio's, coordinators every scope. The filter's gemeente, region or
 * member picks a coordinator's scope; for the others it narrows their own, and naming another tenant of their
 * own kind, or a region that is not theirs, is 404, as if it did not exist.
 */
const scopeVan = async (deps: UitkomstenDeps, p: Principal, f: Uitkomstenfilter): Promise<Uitkomstenscope> => {
  switch (p.rol) {
    case 'coopAdmin':
      if (f.lidId) return { soort: 'lid', lidId: f.lidId };
      if (f.jobcoachPartnerId) return { soort: 'partner', partnerId: f.jobcoachPartnerId };
      if (f.gemeente) return { soort: 'gemeente', gemeente: f.gemeente };
      if (f.arbeidsmarktregio) return { soort: 'arbeidsmarktregio', arbeidsmarktregio: f.arbeidsmarktregio };
      return { soort: 'nationaal' };
    case 'gemeente':
      vereisToegang(!f.gemeente || toegang.uitkomstenGemeente(p, f.gemeente), `Gemeente ${f.gemeente}`);
      // A region names a scope: a gemeente's own region is its own figures again; another is not its to see.
      if (f.arbeidsmarktregio) vereisToegang((await deps.store.regioVanGemeente(p.gemeente)) === f.arbeidsmarktregio, `Arbeidsmarktregio ${f.arbeidsmarktregio}`);
      return { soort: 'gemeente', gemeente: p.gemeente };
    case 'werkgever':
      vereisToegang(!f.lidId || toegang.uitkomstenLid(p, f.lidId), `Lid ${f.lidId}`);
      // A member's placements are in many regions, but a region is a scope, not a member's to choose.
      vereisToegang(!f.arbeidsmarktregio, `Arbeidsmarktregio ${f.arbeidsmarktregio}`);
      return { soort: 'lid', lidId: p.lidId };
    case 'regiopartner': {
      const regios = await deps.store.regiosVanPartner(p.partnerId);
      vereisToegang(regios !== undefined, 'Deze regiopartner');
      // As jobcoach organisation: the placements it coaches, wherever they are (toegang.plaatsing).
      if (f.jobcoachPartnerId) {
        vereisToegang(toegang.partner(p, f.jobcoachPartnerId), `Regiopartner ${f.jobcoachPartnerId}`);
        return { soort: 'partner', partnerId: f.jobcoachPartnerId };
      }
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
  if (s.soort === 'partner') return (await deps.store.regiosVanPartner(s.partnerId)) ?? [];
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
    const rapportdatum = (deps.klok?.() ?? new Date()).toISOString().slice(0, 10);
    if (filter.peildatum && filter.peildatum > rapportdatum) throw new DomeinFout('ongeldigeInvoer', 'De peildatum ligt na vandaag: werk in de toekomst is niet te tellen.', 'query.peildatum');
    const scope = await scopeVan(deps, principal, filter);
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

  /**
   * Supply and demand alone (one Query per region, no outcome records): a coordinator the region it names or
   * all 35, a gemeente its own region, a regiopartner its regions; another region is 404.
   */
  async aansluiting(principal: Principal, filter: { arbeidsmarktregio?: string | undefined }): Promise<{ rapportdatum: string; aansluiting: Aansluitingregel[] }> {
    let regios: readonly string[];
    if (principal.rol === 'coopAdmin') regios = filter.arbeidsmarktregio ? [filter.arbeidsmarktregio] : ARBEIDSMARKTREGIOS;
    else if (principal.rol === 'gemeente') {
      const eigen = await deps.store.regioVanGemeente(principal.gemeente);
      vereisToegang(!filter.arbeidsmarktregio || filter.arbeidsmarktregio === eigen, `Arbeidsmarktregio ${filter.arbeidsmarktregio}`);
      regios = eigen ? [eigen] : [];
    } else if (principal.rol === 'regiopartner') {
      const eigen = await deps.store.regiosVanPartner(principal.partnerId);
      vereisToegang(eigen !== undefined, 'Deze regiopartner');
      if (filter.arbeidsmarktregio) vereisToegang(toegang.uitkomstenRegio(principal, filter.arbeidsmarktregio, eigen!), `Arbeidsmarktregio ${filter.arbeidsmarktregio}`);
      regios = filter.arbeidsmarktregio ? [filter.arbeidsmarktregio] : eigen!;
    } else throw new DomeinFout('geenToegang', 'Alleen coördinatoren, gemeenten en regiopartners zien vraag en aanbod.');
    const rapportdatum = (deps.klok?.() ?? new Date()).toISOString().slice(0, 10);
    const bronnen = regios.length ? await deps.store.aansluiting(regios) : [];
    logVerwerking({ activiteit: 'uitkomstenInzien', door: principal, betrokkenen: regios.map((r) => `uitkomsten:aansluiting:${r}`), status: 'gelukt' });
    return { rapportdatum, aansluiting: aansluitingcijfers(bronnen, rapportdatum) };
  },

  /**
   * A gemeente's SRG export: its own (another gemeente's is 404), or any for a coordinator. It names the
   * gemeente's dossiers, so it is logged per referral it names.
   */
  async srgExport(principal: Principal, gemeente: string): Promise<SrgExport> {
    vereisToegang(toegang.uitkomstenGemeente(principal, gemeente), 'Deze gemeente');
    const [regio, { plaatsingen, dossiers }, uitkomsten] = await Promise.all([
      deps.store.regioVanGemeente(gemeente),
      deps.store.srgBronnen(gemeente),
      deps.store.uitkomsten({ soort: 'gemeente', gemeente }),
    ]);
    vereisToegang(regio !== undefined, 'Deze gemeente');
    const voorzieningen = srgVoorzieningen(plaatsingen, dossiers, new Map(uitkomsten.map((u) => [u.plaatsingId, u.soortWerkplek])));
    const betrokkenen = [...new Set(plaatsingen.filter((p) => voorzieningen.some((v) => v.plaatsingId === p.id)).map((p) => p.verwijzingId))];
    logVerwerking({ activiteit: 'srgExportOpvragen', door: principal, betrokkenen, status: 'gelukt' });
    return { gemeente, codelijst: SRG_CODELIJST, opgesteldOp: (deps.klok?.() ?? new Date()).toISOString().slice(0, 10), voorzieningen, nietOpgenomen: [...SRG_NIET_OPGENOMEN] };
  },
});

export interface SrgExport {
  readonly gemeente: string;
  readonly codelijst: string;
  readonly opgesteldOp: string;
  readonly voorzieningen: SrgVoorziening[];
  readonly nietOpgenomen: string[];
}

export type UitkomstenUseCases = ReturnType<typeof uitkomstenUseCases>;
