import { randomBytes, randomInt } from 'node:crypto';
import type { LocalRuntime } from '../../infra/local/runtime';
import type { Rol } from '../../shared/auth/rollen';
import { plusDagen } from '../../shared/domain/nazorg';
import type { Lid } from '../../shared/schemas/leden';
import type { Escalatie, NazorgAntwoordInvoer, Nazorgmoment } from '../../shared/schemas/nazorg';
import type { Plaatsing } from '../../shared/schemas/plaatsingen';
import type { Verwijzing } from '../../shared/schemas/verwijzingen';
import type { Werkplek } from '../../shared/schemas/werkplekken';
import { nieuwAdres } from '../support/adressen';
import { expectStatus, type ApiClient } from './http';

export interface BenchGemeente {
  readonly code: string;
  readonly naam: string;
  readonly arbeidsmarktregio: string;
  /** PC4 areas of the gemeente, for referrals and places (matching estimates distance from them). */
  readonly postcodes: readonly string[];
}

/**
 * One gemeente, and so one arbeidsmarktregio, per purpose: matching reads a region's partition per
 * werksoort, so the data made for one measurement never lands in another measurement's partition (the
 * 40-item partition stays 40 items whatever else the bench writes).
 */
export const GEMEENTEN = {
  /** Section 2 (one call per route) and section 5 (one invocation per function). */
  routes: { code: 'GM0014', naam: 'Groningen', arbeidsmarktregio: 'Groningen', postcodes: ['9711', '9712', '9721', '9741'] },
  matching40: { code: 'GM0363', naam: 'Amsterdam', arbeidsmarktregio: 'Groot Amsterdam', postcodes: ['1102', '1103', '1013', '1061', '1091', '1181'] },
  matching250: { code: 'GM0599', naam: 'Rotterdam', arbeidsmarktregio: 'Rijnmond', postcodes: ['3011', '3012', '3071', '3082', '3024', '3122'] },
  transities: { code: 'GM0344', naam: 'Utrecht', arbeidsmarktregio: 'Midden-Utrecht', postcodes: ['3511', '3521', '3531', '3572'] },
} as const satisfies Record<string, BenchGemeente>;

export type Headers = Record<string, string>;

/**
 * The set-up the bench needs, made through the API itself so every item in the table is what the
 * handlers would write — the same calls and bodies as test/http/*.test.ts: members in given states,
 * gemeenten, referrals through intake, places, placements in a given phase.
 */
export const scenario = async (rt: LocalRuntime, api: ApiClient) => {
  const run = randomBytes(3).toString('hex').toUpperCase();
  let kvk = 10_000_000 + randomInt(80_000_000);
  const aanvraag = () => ({
    kvkNummer: String(++kvk),
    naam: 'Bakkerij De Verwachting',
    sectoren: ['voedingsmiddelen'],
    werksoorten: ['productie', 'logistiek'],
    contactpersoon: { naam: 'Fatima el Amrani', email: 'hr@deverwachting.nl' },
    toezeggingen: { reguliereBanen: 2, participatieplaatsen: 3, beschutWerkplekken: 0, banenafspraakBanen: 1 },
  });
  const bearer = async (rol: Rol, tenant?: string): Promise<{ authorization: string }> => ({
    authorization: `Bearer ${await rt.mintToken({ rol, ...(tenant ? { tenant } : {}) })}`,
  });
  const admin = await bearer('coopAdmin');

  // Each employer from an address of its own: the bench makes more applications than one address may.
  const aanvragen = async (): Promise<Lid> => expectStatus(await api.call('POST', '/v1/leden', { body: aanvraag(), vanAdres: nieuwAdres() }), 201, 'POST /v1/leden').json<Lid>();
  const operatie = async (lid: Lid, segment: string, body?: unknown): Promise<Lid> =>
    expectStatus(
      await api.call('POST', `/v1/leden/${lid.id}/${segment}`, { headers: admin, ...(body !== undefined ? { body } : {}) }),
      200,
      `POST ${segment}`,
    ).json<Lid>();
  const actief = async (): Promise<Lid> => operatie(await aanvragen(), 'goedkeuring');
  const geschorst = async (): Promise<Lid> => operatie(await actief(), 'schorsing', { reden: 'Afspraken niet nagekomen' });
  /** An active member with its own bearer (role werkgever, tenant the member). */
  const werkgever = async (): Promise<{ lid: Lid; headers: { authorization: string } }> => {
    const lid = await actief();
    return { lid, headers: await bearer('werkgever', lid.id) };
  };

  const gemeenteRegistratie = (g: Pick<BenchGemeente, 'code' | 'naam' | 'arbeidsmarktregio'>) => ({
    code: g.code,
    naam: g.naam,
    arbeidsmarktregio: g.arbeidsmarktregio,
    contactpersoon: { naam: 'Werkgeversservicepunt', email: `wsp@${g.code.toLowerCase()}.nl` },
  });
  const registreer = async (g: Pick<BenchGemeente, 'code' | 'naam' | 'arbeidsmarktregio'>): Promise<void> => {
    expectStatus(await api.call('POST', '/v1/gemeenten', { headers: admin, body: gemeenteRegistratie(g) }), 201, `POST /v1/gemeenten ${g.code}`);
  };
  // A referral or a place needs its gemeente registered (422 otherwise): the bench's gemeenten first.
  for (const g of Object.values(GEMEENTEN)) await registreer(g);
  const gemeente = Object.fromEntries(
    await Promise.all(Object.entries(GEMEENTEN).map(async ([k, g]) => [k, await bearer('gemeente', g.code)] as const)),
  ) as Record<keyof typeof GEMEENTEN, { authorization: string }>;

  let dossier = 0;
  /** A referral's body; `over` replaces fields (a profile that varies, other werksoort preferences). */
  const verwijzingInvoer = (g: BenchGemeente, over: Record<string, unknown> = {}) => ({
    dossierkenmerk: `PW-${run}-${String(++dossier).padStart(5, '0')}`,
    doelgroep: 'participatiewet',
    kandidaat: { naam: 'Noah Bakker', email: 'noah.bakker@example.nl', telefoonnummer: '06 12345678' },
    mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'gemiddeld', zelfstandigheid: 'deelsZelfstandig', taalniveau: 'B1', rijbewijs: false },
    werkaanpassingen: ['vasteStructuur'],
    uren: { minimum: 20, maximum: 28 },
    mobiliteit: { reisafstandKm: 15, vervoer: ['fiets', 'ov'] },
    postcodegebied: g.postcodes[0],
    werksoortVoorkeuren: ['groen', 'schoonmaak'],
    beschikbaarVanaf: '2026-12-01',
    toestemmingProfielDelen: true,
    ...over,
  });
  /** A referral of gemeente `g`, submitted and taken as far as `tot` (intake, then bemiddelbaar by a coordinator). */
  const verwijzing = async (
    g: keyof typeof GEMEENTEN,
    over: Record<string, unknown> = {},
    tot: 'ingediend' | 'inIntake' | 'bemiddelbaar' = 'bemiddelbaar',
  ): Promise<Verwijzing> => {
    let v = expectStatus(
      await api.call('POST', '/v1/verwijzingen', { headers: gemeente[g], body: verwijzingInvoer(GEMEENTEN[g], over) }),
      201,
      'POST /v1/verwijzingen',
    ).json<Verwijzing>();
    if (tot === 'ingediend') return v;
    v = expectStatus(await api.call('POST', `/v1/verwijzingen/${v.id}/intake`, { headers: admin }), 200, 'POST …/intake').json<Verwijzing>();
    if (tot === 'inIntake') return v;
    return expectStatus(await api.call('POST', `/v1/verwijzingen/${v.id}/bemiddelbaarverklaring`, { headers: admin }), 200, 'POST …/bemiddelbaarverklaring').json<Verwijzing>();
  };
  const toestemming = async (g: keyof typeof GEMEENTEN, verwijzingId: string, lidId: string): Promise<Verwijzing> =>
    expectStatus(
      await api.call('POST', `/v1/verwijzingen/${verwijzingId}/toestemmingen`, { headers: gemeente[g], body: { lidId } }),
      200,
      'POST …/toestemmingen',
    ).json<Verwijzing>();

  const werkplekInvoer = (g: BenchGemeente, over: Record<string, unknown> = {}) => ({
    titel: 'Medewerker groenonderhoud',
    soort: 'participatieplaats',
    werksoort: 'groen',
    uren: { minimum: 16, maximum: 32 },
    locatie: { postcodegebied: g.postcodes[0], gemeente: g.code },
    aantalPlaatsen: 2,
    eisen: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', taalniveau: 'A2', rijbewijs: false },
    werkaanpassingen: ['vasteStructuur', 'extraPauzes'],
    begeleiding: { eigenJobcoach: true, buddy: false },
    teltVoorBanenafspraak: false,
    ...over,
  });
  /** A place offered by the member whose bearer is `lid`, located in gemeente `g` (so in its region). */
  const werkplek = async (lid: Headers, g: keyof typeof GEMEENTEN, over: Record<string, unknown> = {}): Promise<Werkplek> =>
    expectStatus(await api.call('POST', '/v1/werkplekken', { headers: lid, body: werkplekInvoer(GEMEENTEN[g], over) }), 201, 'POST /v1/werkplekken').json<Werkplek>();

  const voorstellen = async (verwijzingId: string, werkplekId: string): Promise<Plaatsing> =>
    expectStatus(await api.call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId, werkplekId } }), 201, 'POST /v1/plaatsingen').json<Plaatsing>();
  const plaatsingStap = async (pl: Pick<Plaatsing, 'id'>, segment: string, headers: Headers, body: unknown, status = 200): Promise<Plaatsing> =>
    expectStatus(await api.call('POST', `/v1/plaatsingen/${pl.id}/${segment}`, { headers, body }), status, `POST …/${segment}`).json<Plaatsing>();

  /**
   * A placement that started `dagenGeleden` days ago — its first follow-ups are due, so they can be answered —
   * of a new referral of gemeente `g` at a new place of the member whose bearer is `lid`.
   */
  const gestartSinds = async (lid: Headers, g: keyof typeof GEMEENTEN, dagenGeleden: number): Promise<Plaatsing> => {
    const start = plusDagen(new Date().toISOString().slice(0, 10), -dagenGeleden);
    const pl = await voorstellen((await verwijzing(g)).id, (await werkplek(lid, g)).id);
    await plaatsingStap(pl, 'kennismaking', lid, { datum: start });
    return plaatsingStap(pl, 'start', lid, contract({ startdatum: start, einddatum: plusDagen(start, 540) }));
  };
  const nazorgmomenten = async (plaatsingId: string, headers: Headers): Promise<Nazorgmoment[]> =>
    expectStatus(await api.call('GET', `/v1/plaatsingen/${plaatsingId}/nazorgmomenten`, { headers }), 200, 'GET …/nazorgmomenten').json<{ nazorgmomenten: Nazorgmoment[] }>()
      .nazorgmomenten;
  const beantwoorden = async (momentId: string, headers: Headers, antwoord: NazorgAntwoordInvoer): Promise<Nazorgmoment> =>
    expectStatus(await api.call('POST', `/v1/nazorgmomenten/${momentId}/antwoorden`, { headers, body: antwoord }), 200, 'POST …/antwoorden').json<Nazorgmoment>();
  /** The open escalations of a placement, paging through the coordinators' list. */
  const escalatiesVan = async (plaatsingId: string): Promise<Escalatie[]> => {
    const gevonden: Escalatie[] = [];
    let pad: string | null = '/v1/escalaties?status=open&pageSize=100';
    while (pad) {
      const pagina: { escalaties: Escalatie[]; volgendePagina: string | null } = expectStatus(await api.call('GET', pad, { headers: admin }), 200, 'GET /v1/escalaties').json();
      gevonden.push(...pagina.escalaties.filter((e) => e.plaatsingId === plaatsingId));
      pad = pagina.volgendePagina;
    }
    return gevonden;
  };

  const regiopartnerInvoer = () => ({
    naam: 'Jobcoach Noord',
    kvkNummer: '34123456',
    soort: 'jobcoachOrganisatie',
    arbeidsmarktregios: [GEMEENTEN.routes.arbeidsmarktregio],
    contactpersoon: { naam: 'Lotte Visser', email: 'lotte@jobcoachnoord.nl' },
  });
  const regiopartner = async (): Promise<{ id: string; headers: Headers }> => {
    const p = expectStatus(await api.call('POST', '/v1/regiopartners', { headers: admin, body: regiopartnerInvoer() }), 201, 'POST /v1/regiopartners').json<{ id: string }>();
    return { id: p.id, headers: await bearer('regiopartner', p.id) };
  };

  return {
    run,
    admin,
    bearer,
    aanvraag,
    aanvragen,
    operatie,
    actief,
    geschorst,
    werkgever,
    gemeente,
    gemeenteRegistratie,
    registreer,
    verwijzingInvoer,
    verwijzing,
    toestemming,
    werkplekInvoer,
    werkplek,
    voorstellen,
    plaatsingStap,
    gestartSinds,
    nazorgmomenten,
    beantwoorden,
    escalatiesVan,
    regiopartnerInvoer,
    regiopartner,
  };
};
export type Scenario = Awaited<ReturnType<typeof scenario>>;

/** A contract for POST …/start (as test/domain/plaatsingen-fixtures.ts), with its dates. */
export const contract = (over: Record<string, unknown> = {}) => ({
  startdatum: '2027-01-04',
  contractvorm: 'bepaaldeTijd',
  einddatum: '2027-07-03',
  urenPerWeek: 24,
  loonPercentageWml: 100,
  teltVoorBanenafspraak: true,
  ...over,
});

/** Answers to a follow-up moment: all well (signal laag), and one that raises a high signal (and an escalation). */
export const ANTWOORD_GOED: NazorgAntwoordInvoer = { nogInDienst: true, gewerkteUrenPerWeek: 24, verzuimdagenInPeriode: 0, hoeGaatHet: 4, ondersteuningNodig: false, risicos: [] };
export const ANTWOORD_HOOG: NazorgAntwoordInvoer = { ...ANTWOORD_GOED, hoeGaatHet: 1, verzuimdagenInPeriode: 12, ondersteuningNodig: true, risicos: ['conflict', 'schulden'] };
