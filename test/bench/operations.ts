import { plusDagen } from '../../shared/domain/nazorg';
import { allRoutes } from '../../shared/routes/manifest';
import type { Escalatie, Nazorgmoment } from '../../shared/schemas/nazorg';
import type { Plaatsing } from '../../shared/schemas/plaatsingen';
import type { ApiClient, ApiResponse } from './http';
import { ANTWOORD_GOED, ANTWOORD_HOOG, contract, GEMEENTEN, type Headers, type Scenario } from './scenario';

export interface OperationCount {
  /** Method and path template from the manifest (or the unknown path for $default), with a note. */
  readonly label: string;
  /** Manifest operationId, or $default. */
  readonly operationId: string;
  /** Who called: the role, and what the call was about when that changes the count. */
  readonly caller: string;
  readonly status: number;
  /** Whether the status is the route's success status (for $default: 404). */
  readonly expected: boolean;
  readonly ops: number;
  readonly commands: readonly string[];
}

const manifestOrder = new Map(allRoutes.map((r, i) => [r.operationId, i] as const));
const byId = new Map(allRoutes.map((r) => [r.operationId, r] as const));

/**
 * DynamoDB operations per request for every manifest route, from the local runtime's per-request headers
 * (every command the handler's client sent, retries excluded). On-demand DynamoDB bills per request
 * unit, so this column is the cost model of each route; a change that adds a read shows up here.
 *
 * One success-path call per route, on data made for it through the API (a gemeente of its own, so the
 * matching partitions the latency sections measure are not touched): members, a gemeente, a partner,
 * referrals through their workflow, places, placements from proposal to end, and the follow-ups of one
 * started weeks ago (answered, escalated, the escalation closed).
 */
export const countOperations = async (api: ApiClient, s: Scenario): Promise<{ rows: OperationCount[]; uncovered: string[] }> => {
  const rows: OperationCount[] = [];
  const record = (operationId: string, caller: string, r: ApiResponse, note?: string) => {
    const route = byId.get(operationId);
    const base = route ? `${route.method} ${route.path}` : 'GET /v1/bestaat-niet';
    const success = route ? Object.keys(route.responses).map(Number).filter((c) => c < 300) : [404];
    rows.push({
      label: note ? `${base} ${note}` : base,
      operationId,
      caller,
      status: r.status,
      expected: success.includes(r.status),
      ops: Number(r.headers['x-werkcoop-dynamodb-ops'] ?? NaN),
      commands: r.commands,
    });
    return r;
  };
  /** A call whose answer the next steps build on: a wrong status stops the bench with the answer. */
  const needed = <T>(operationId: string, caller: string, r: ApiResponse, note?: string): T => {
    record(operationId, caller, r, note);
    if (r.status >= 300) throw new Error(`bench set-up: ${operationId} answered ${r.status}: ${r.text.slice(0, 400)}`);
    return r.json<T>();
  };
  const { admin } = s;
  const json = (headers: Headers, body: unknown) => ({ headers, body });
  const patch = (headers: Headers, versie: number, body: unknown) => ({
    headers: { ...headers, 'content-type': 'application/merge-patch+json', 'if-match': `"${versie}"` },
    body,
  });

  // Leden -----------------------------------------------------------------------------------------
  const aanvraag = needed<{ id: string }>('lidAanvragen', 'public', await api.call('POST', '/v1/leden', { body: s.aanvraag() }));
  record('ledenZoeken', 'coopAdmin', await api.call('GET', '/v1/leden', { headers: admin }));
  record('lidOphalen', 'coopAdmin', await api.call('GET', `/v1/leden/${aanvraag.id}`, { headers: admin }));
  record('lidGoedkeuren', 'coopAdmin', await api.call('POST', `/v1/leden/${aanvraag.id}/goedkeuring`, { headers: admin }));
  record('lidWijzigen', 'coopAdmin', await api.call('PATCH', `/v1/leden/${aanvraag.id}`, patch(admin, 2, { werksoorten: ['productie'] })));
  const afTeWijzen = await s.aanvragen();
  record('lidAfwijzen', 'coopAdmin', await api.call('POST', `/v1/leden/${afTeWijzen.id}/afwijzing`, json(admin, { reden: 'Buiten de regio' })));
  record('lidSchorsen', 'coopAdmin', await api.call('POST', `/v1/leden/${aanvraag.id}/schorsing`, json(admin, { reden: 'Afspraken niet nagekomen' })));
  record('schorsingOpheffen', 'coopAdmin', await api.call('POST', `/v1/leden/${aanvraag.id}/schorsing-opheffing`, { headers: admin }));
  const alsLid = await s.bearer('werkgever', aanvraag.id);
  record('lidUittreden', 'werkgever', await api.call('POST', `/v1/leden/${aanvraag.id}/uittreding`, json(alsLid, {})));
  record('lidGebeurtenissen', 'coopAdmin', await api.call('GET', `/v1/leden/${aanvraag.id}/gebeurtenissen`, { headers: admin }));
  record('openapiOphalen', 'public', await api.call('GET', '/v1/openapi.json'));
  record('$default', 'public', await api.call('GET', '/v1/bestaat-niet'), '(404)');

  // Gemeenten: a new one, registered and changed by a coordinator ----------------------------------
  const nieuw = { code: 'GM0034', naam: 'Almere', arbeidsmarktregio: 'Flevoland' };
  needed('gemeenteRegistreren', 'coopAdmin', await api.call('POST', '/v1/gemeenten', json(admin, s.gemeenteRegistratie(nieuw))));
  record('gemeentenZoeken', 'coopAdmin', await api.call('GET', '/v1/gemeenten', { headers: admin }));
  record('gemeenteOphalen', 'coopAdmin', await api.call('GET', `/v1/gemeenten/${nieuw.code}`, { headers: admin }));
  record('gemeenteWijzigen', 'coopAdmin', await api.call('PATCH', `/v1/gemeenten/${nieuw.code}`, patch(admin, 1, { instellingen: { reactietermijnDagen: 10 } })));
  record('gemeenteGebeurtenissen', 'coopAdmin', await api.call('GET', `/v1/gemeenten/${nieuw.code}/gebeurtenissen`, { headers: admin }));

  // Regiopartners: a jobcoach organisation ---------------------------------------------------------
  const partner = needed<{ id: string }>('regiopartnerAanmaken', 'coopAdmin', await api.call('POST', '/v1/regiopartners', json(admin, s.regiopartnerInvoer())));
  record('regiopartnersZoeken', 'coopAdmin', await api.call('GET', '/v1/regiopartners', { headers: admin }));
  record('regiopartnerOphalen', 'coopAdmin', await api.call('GET', `/v1/regiopartners/${partner.id}`, { headers: admin }));
  const coach = await s.bearer('regiopartner', partner.id);

  // Verwijzingen: the gemeente refers, the cooperative takes in ----------------------------------------
  const g = 'routes' as const;
  const gm = s.gemeente[g];
  const x = await s.werkgever();
  const v = needed<{ id: string; versie: number }>('verwijzingIndienen', 'gemeente', await api.call('POST', '/v1/verwijzingen', json(gm, s.verwijzingInvoer(GEMEENTEN[g]))));
  record('verwijzingenZoeken', 'gemeente', await api.call('GET', '/v1/verwijzingen', { headers: gm }));
  record('verwijzingOphalen', 'gemeente', await api.call('GET', `/v1/verwijzingen/${v.id}`, { headers: gm }));
  record('verwijzingWijzigen', 'gemeente', await api.call('PATCH', `/v1/verwijzingen/${v.id}`, patch(gm, 1, { uren: { minimum: 20, maximum: 32 } })));
  record('verwijzingIntakeStarten', 'coopAdmin', await api.call('POST', `/v1/verwijzingen/${v.id}/intake`, { headers: admin }));
  record('verwijzingBemiddelbaarVerklaren', 'coopAdmin', await api.call('POST', `/v1/verwijzingen/${v.id}/bemiddelbaarverklaring`, { headers: admin }));
  const terug = await s.verwijzing(g, {}, 'inIntake');
  record('verwijzingTerugmelden', 'coopAdmin', await api.call('POST', `/v1/verwijzingen/${terug.id}/terugmelding`, json(admin, { reden: 'Niet bemiddelbaar binnen de regio' })));
  const inTeTrekken = await s.verwijzing(g, {}, 'ingediend');
  record('verwijzingIntrekken', 'gemeente', await api.call('POST', `/v1/verwijzingen/${inTeTrekken.id}/intrekking`, json(gm, { reden: 'Kandidaat heeft zelf werk gevonden' })));

  // Werkplekken: member X offers one; matching both ways, before and after the candidate's consent --
  const w = needed<{ id: string }>('werkplekAanbieden', 'werkgever', await api.call('POST', '/v1/werkplekken', json(x.headers, s.werkplekInvoer(GEMEENTEN[g]))));
  record('werkplekkenZoeken', 'werkgever', await api.call('GET', '/v1/werkplekken', { headers: x.headers }));
  record('werkplekOphalen', 'werkgever', await api.call('GET', `/v1/werkplekken/${w.id}`, { headers: x.headers }));
  record('werkplekWijzigen', 'werkgever', await api.call('PATCH', `/v1/werkplekken/${w.id}`, patch(x.headers, 1, { titel: 'Hovenier', aantalPlaatsen: 3 })));
  record('werkplekGebeurtenissen', 'werkgever', await api.call('GET', `/v1/werkplekken/${w.id}/gebeurtenissen`, { headers: x.headers }));
  record('verwijzingMatches', 'coopAdmin', await api.call('GET', `/v1/verwijzingen/${v.id}/matches`, { headers: admin }));
  record('werkplekKandidaten', 'werkgever', await api.call('GET', `/v1/werkplekken/${w.id}/kandidaten`, { headers: x.headers }), '(no consent)');
  record('toestemmingGeven', 'gemeente', await api.call('POST', `/v1/verwijzingen/${v.id}/toestemmingen`, json(gm, { lidId: x.lid.id })));
  record('werkplekKandidaten', 'werkgever', await api.call('GET', `/v1/werkplekken/${w.id}/kandidaten`, { headers: x.headers }), '(1 consented)');
  record('toestemmingIntrekken', 'gemeente', await api.call('DELETE', `/v1/verwijzingen/${v.id}/toestemmingen/${x.lid.id}`, { headers: gm }));
  record('verwijzingGebeurtenissen', 'gemeente', await api.call('GET', `/v1/verwijzingen/${v.id}/gebeurtenissen`, { headers: gm }));

  // Plaatsingen: one through the whole workflow, two that end before the start ------------------------
  const pl = needed<Plaatsing>('plaatsingVoorstellen', 'coopAdmin', await api.call('POST', '/v1/plaatsingen', json(admin, { verwijzingId: v.id, werkplekId: w.id })));
  const pad = `/v1/plaatsingen/${pl.id}`;
  record('plaatsingenZoeken', 'werkgever', await api.call('GET', '/v1/plaatsingen', { headers: x.headers }));
  record('plaatsingOphalen', 'gemeente', await api.call('GET', pad, { headers: gm }));
  record('kennismakingVastleggen', 'werkgever', await api.call('POST', `${pad}/kennismaking`, json(x.headers, { datum: '2026-12-01' })));
  record('proefplaatsingStarten', 'werkgever', await api.call('POST', `${pad}/proefplaatsing`, json(x.headers, { startdatum: '2026-12-07', einddatum: '2027-02-07' })));
  record('jobcoachToewijzen', 'coopAdmin', await api.call('POST', `${pad}/jobcoach`, json(admin, { partnerId: partner.id })));
  record(
    'instrumentToevoegen',
    'gemeente',
    await api.call('POST', `${pad}/instrumenten`, json(gm, { soort: 'jobcoach', startdatum: '2026-12-07', urenPerMaand: 8, organisatie: 'Jobcoach Noord' })),
    '(jobcoach)',
  );
  record('plaatsingStarten', 'werkgever', await api.call('POST', `${pad}/start`, json(x.headers, contract({ startdatum: '2027-02-08', einddatum: '2028-02-07' }))));
  const doelAntwoord = await api.call('POST', `${pad}/ontwikkeldoelen`, json(x.headers, { omschrijving: 'Zelfstandig de route plannen', streefdatum: '2027-03-01' }));
  const doel = needed<{ id: string }>('ontwikkeldoelToevoegen', 'werkgever', doelAntwoord);
  // The goal's ETag is the placement's version: the PATCH sends it back in If-Match.
  const versie = Number(String(doelAntwoord.headers.etag ?? '').replace(/\D/g, ''));
  record('ontwikkeldoelWijzigen', 'werkgever', await api.call('PATCH', `${pad}/ontwikkeldoelen/${doel.id}`, patch(x.headers, versie, { voortgang: 'bezig' })));
  record(
    'begeleidingsnotitieToevoegen',
    'regiopartner',
    await api.call('POST', `${pad}/begeleidingsnotities`, json(coach, { soort: 'begeleiding', datum: '2027-02-15', tekst: 'Eerste weken goed verlopen' })),
  );
  record('ontwikkelplanOphalen', 'gemeente', await api.call('GET', `${pad}/ontwikkelplan`, { headers: gm }));
  record('plaatsingGebeurtenissen', 'gemeente', await api.call('GET', `${pad}/gebeurtenissen`, { headers: gm }));
  record('plaatsingBeeindigen', 'werkgever', await api.call('POST', `${pad}/beeindiging`, json(x.headers, { einddatum: '2027-09-30', reden: 'contractNietVerlengd' })));

  const nogEen = await s.verwijzing(g);
  const w2 = await s.werkplek(x.headers, g);
  const af = await s.voorstellen(nogEen.id, w2.id);
  record('plaatsingAfwijzen', 'werkgever', await api.call('POST', `/v1/plaatsingen/${af.id}/afwijzing`, json(x.headers, { reden: 'Geen klik met het team' })));
  const geannuleerd = await s.voorstellen(nogEen.id, w.id);
  record('plaatsingAnnuleren', 'gemeente', await api.call('POST', `/v1/plaatsingen/${geannuleerd.id}/annulering`, json(gm, { reden: 'Kandidaat verhuisd' })));

  // Nazorg: a placement started five weeks ago (its P1W and P4W moments due), followed up end to end ----
  const nz = await s.gestartSinds(x.headers, g, 35);
  const nzPad = `/v1/plaatsingen/${nz.id}`;
  const { nazorgmomenten } = needed<{ nazorgmomenten: Nazorgmoment[] }>('nazorgmomentenOphalen', 'gemeente', await api.call('GET', `${nzPad}/nazorgmomenten`, { headers: gm }));
  const termijn = (t: string) => nazorgmomenten.find((m) => m.termijn === t)!;
  record('nazorgmomentOphalen', 'werkgever', await api.call('GET', `/v1/nazorgmomenten/${termijn('P1W').id}`, { headers: x.headers }));
  record('nazorgmomentToevoegen', 'coopAdmin', await api.call('POST', `${nzPad}/nazorgmomenten`, json(admin, { vervaldatum: plusDagen(nz.contract!.startdatum, 45), soort: 'regulier' })));
  const p3m = termijn('P3M');
  record('nazorgmomentVerplaatsen', 'coopAdmin', await api.call('PATCH', `/v1/nazorgmomenten/${p3m.id}`, patch(admin, p3m.versie, { vervaldatum: plusDagen(p3m.vervaldatum, 3) })));
  record('nazorgmomentBeantwoorden', 'werkgever', await api.call('POST', `/v1/nazorgmomenten/${termijn('P1W').id}/antwoorden`, json(x.headers, ANTWOORD_GOED)), '(laag)');
  record('nazorgmomentBeantwoorden', 'werkgever', await api.call('POST', `/v1/nazorgmomenten/${termijn('P4W').id}/antwoorden`, json(x.headers, ANTWOORD_HOOG)), '(hoog: + escalatie, bericht)');
  record('escalatiesZoeken', 'coopAdmin', await api.call('GET', '/v1/escalaties?status=open', { headers: admin }));
  const [escalatie] = (await s.escalatiesVan(nz.id)) as [Escalatie];
  record('escalatieOphalen', 'coopAdmin', await api.call('GET', `/v1/escalaties/${escalatie.id}`, { headers: admin }));
  record(
    'escalatieAfhandelen',
    'coopAdmin',
    await api.call('POST', `/v1/escalaties/${escalatie.id}/afhandelen`, json(admin, { afhandeling: 'Werkgever en kandidaat gesproken; extra begeleiding afgesproken.', uitkomst: 'ondersteuningGeregeld' })),
  );

  rows.sort((a, b) => (manifestOrder.get(a.operationId) ?? Infinity) - (manifestOrder.get(b.operationId) ?? Infinity));
  // A route added to the manifest without a row here is named in the report instead of silently missing.
  const covered = new Set(rows.map((r) => r.operationId));
  return { rows, uncovered: allRoutes.map((r) => r.operationId).filter((id) => !covered.has(id)) };
};
