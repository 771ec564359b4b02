import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import type { Plaatsing } from '../../shared/schemas/plaatsingen';
import type { Werkplek } from '../../shared/schemas/werkplekken';
import { contract } from '../domain/plaatsingen-fixtures';
import { apiClient, expectProblem, namen, ok, type Kop } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';
import { scenario } from '../support/scenario';

/**
 * GET /v1/uitkomsten and the SRG export through the local runtime: placements made through the API, the
 * figures kept by the uitkomsten stream consumer, each role's scope, other tenants' ids, bad filters, CSV.
 */
let rt: LocalRuntime;
let admin: Kop;
let gemeenteA: Kop;
let gemeenteB: Kop;
let lid: { id: string; headers: Kop };
let partner: { id: string; headers: Kop };
const A = 'GM0363';
const B = 'GM0599';
const api = apiClient(() => rt);
const { call } = api;
const gegeven = scenario(api, () => rt);
const dossiers: string[] = [];

let kvk = 10_000_000 + Math.floor(Math.random() * 80_000_000);
const actiefLid = async () => {
  const r = await gegeven.actiefLid(admin, {
    kvkNummer: String(++kvk),
    naam: 'Hoveniersbedrijf Het Hout',
    sectoren: ['groen'],
    werksoorten: ['groen'],
    contactpersoon: { naam: 'Sanne de Vries', email: 'sanne@hethout.nl' },
    toezeggingen: { reguliereBanen: 1, participatieplaatsen: 10, beschutWerkplekken: 0, banenafspraakBanen: 4 },
  });
  return { id: r.lid.id, headers: r.headers };
};
const werkplek = (l: { headers: Kop }): Promise<Werkplek> =>
  gegeven.werkplek(l.headers, {
    titel: 'Medewerker groenonderhoud',
    soort: 'participatieplaats',
    werksoort: 'groen',
    uren: { minimum: 16, maximum: 32 },
    locatie: { postcodegebied: '1102', gemeente: A },
    aantalPlaatsen: 30,
    eisen: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', taalniveau: 'A2', rijbewijs: false },
    werkaanpassingen: ['vasteStructuur'],
    begeleiding: { eigenJobcoach: false, buddy: true },
    teltVoorBanenafspraak: true,
  });
const gestart = async (gemeente: Kop, w: Werkplek, i: number): Promise<Plaatsing> => {
  const dossierkenmerk = `PW-2026-U${i}`;
  dossiers.push(dossierkenmerk);
  const v = await gegeven.bemiddelbaar(admin, gemeente, {
    dossierkenmerk,
    doelgroep: 'banenafspraak',
    kandidaat: { naam: `Kandidaat Uitkomst ${i}`, email: 'k@example.nl' },
    mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', zelfstandigheid: 'deelsZelfstandig', taalniveau: 'B1', rijbewijs: false },
    werkaanpassingen: ['vasteStructuur'],
    uren: { minimum: 16, maximum: 24 },
    mobiliteit: { reisafstandKm: 10, vervoer: ['fiets', 'ov'] },
    postcodegebied: '1102',
    werksoortVoorkeuren: ['groen'],
    beschikbaarVanaf: '2026-01-01',
    toestemmingProfielDelen: true,
  });
  const p: Plaatsing = ok(await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: v.id, werkplekId: w.id } }), 201);
  ok(await call('POST', `/v1/plaatsingen/${p.id}/kennismaking`, { headers: lid.headers, body: { datum: '2026-01-15' } }));
  return ok(await call('POST', `/v1/plaatsingen/${p.id}/start`, { headers: lid.headers, body: contract({ startdatum: '2026-02-02', einddatum: '2027-02-01', urenPerWeek: 25 }) }));
};

beforeAll(async () => {
  rt = await startTestRuntime({ scheduler: { automatic: false } });
  admin = await authorization(rt, 'coopAdmin');
  gemeenteA = await authorization(rt, 'gemeente', A);
  gemeenteB = await authorization(rt, 'gemeente', B);
  for (const [code, naam, regio] of [
    [A, 'Amsterdam', 'Groot Amsterdam'],
    [B, 'Rotterdam', 'Rijnmond'],
  ] as const)
    await gegeven.gemeente(admin, { code, naam, arbeidsmarktregio: regio, contactpersoon: { naam: 'Werkgeversservicepunt', email: `wsp@${naam.toLowerCase()}.nl` } });
  lid = await actiefLid();
  const p = ok(
    await call('POST', '/v1/regiopartners', {
      headers: admin,
      body: { naam: 'Jobcoach Amstel', kvkNummer: '34123456', soort: 'jobcoachOrganisatie', arbeidsmarktregios: ['Groot Amsterdam'], contactpersoon: { naam: 'Lotte Visser', email: 'lotte@jobcoachamstel.nl' } },
    }),
    201,
  );
  partner = { id: p.id, headers: await authorization(rt, 'regiopartner', p.id) };
  const w = await werkplek(lid);
  for (let i = 0; i < 12; i++) {
    const pl = await gestart(gemeenteA, w, i);
    if (i < 11) ok(await call('POST', `/v1/plaatsingen/${pl.id}/jobcoach`, { headers: admin, body: { partnerId: partner.id } }));
  }
  for (let i = 12; i < 14; i++) await gestart(gemeenteB, w, i);
  await rt.settle();
}, 240_000);
afterAll(() => rt?.stop());

const gestartIn = (r: { body: { cohorten: { cohort: string; gestart: unknown }[] } }, cohort: string) => r.body.cohorten.find((c) => c.cohort === cohort)?.gestart;

describe('GET /v1/uitkomsten', () => {
  it('een gemeente ziet de cijfers van haar eigen verwijzingen, in een begrensd aantal DynamoDB-verzoeken, en de lezing staat in het verwerkingenlogboek', async () => {
    const r = await call('GET', '/v1/uitkomsten?vanCohort=2026-K1', { headers: gemeenteA });
    ok(r);
    expect(r.body.scope).toEqual({ soort: 'gemeente', gemeente: A });
    expect(gestartIn(r, '2026-K1')).toEqual({ aantal: 12 });
    // T+6 has passed for all, nobody answered the checks: onbekend, counted and in the denominator.
    expect(r.body.cohorten[0].inWerkT6).toMatchObject({ bereikt: { aantal: 12 }, onbekend: { aantal: 12 }, aandeelInWerk: { percentage: 0, noemer: 12 } });
    expect(r.body.cohorten[0].inWerkT12.nogNietBereikt).toEqual({ aantal: 12 });
    // 12 banenafspraak placements of 25 hours: 300 / 25.5 = 11.8 jobs.
    expect(r.body.banenafspraak).toMatchObject({ banen: 11.8, plaatsingen: { aantal: 12 }, perLid: [] });
    expect(r.body.referentiecijfers.length).toBeGreaterThan(0);
    // Its outcome collection, its gemeente's region, that region's supply and demand: three requests, however many placements.
    expect([...r.ops].sort()).toEqual(['GetItem', 'Query', 'Query']);
    expect(r.logOps.length).toBeGreaterThan(0);
  });

  it('een gemeente met twee plaatsingen ziet "<10", geen aantal of percentage', async () => {
    const r = ok(await call('GET', '/v1/uitkomsten', { headers: gemeenteB }));
    const c = r.cohorten.find((x: { cohort: string }) => x.cohort === '2026-K1');
    expect(c.gestart).toEqual({ aantal: null, onderdrukt: 'kleinAantal', weergave: '<10' });
    expect(c.inWerkT6.aandeelInWerk).toEqual({ percentage: null, onderdrukt: 'kleineNoemer' });
    expect(c.curve.punten).toEqual([]);
    expect(r.banenafspraak.banen).toBeNull();
  });

  it('een coördinator ziet het land, en per gemeente, regio en lid', async () => {
    expect(gestartIn(await call('GET', '/v1/uitkomsten?vanCohort=2026-K1', { headers: admin }), '2026-K1')).toEqual({ aantal: 14 });
    expect(gestartIn(await call('GET', `/v1/uitkomsten?vanCohort=2026-K1&gemeente=${B}`, { headers: admin }), '2026-K1')).toMatchObject({ weergave: '<10' });
    expect(gestartIn(await call('GET', '/v1/uitkomsten?vanCohort=2026-K1&arbeidsmarktregio=Groot%20Amsterdam', { headers: admin }), '2026-K1')).toEqual({ aantal: 12 });
    const perLid = await call('GET', `/v1/uitkomsten?vanCohort=2026-K1&lidId=${lid.id}`, { headers: admin });
    expect(gestartIn(perLid, '2026-K1')).toEqual({ aantal: 14 });
    expect(perLid.body.banenafspraak.perLid).toEqual([
      {
        lidId: lid.id,
        toezeggingen: [
          { soort: 'reguliereBanen', toegezegd: 1, gerealiseerd: 0, plaatsingen: { aantal: 0 } },
          { soort: 'participatieplaatsen', toegezegd: 10, gerealiseerd: 14, plaatsingen: { aantal: 14 } },
          { soort: 'beschutWerkplekken', toegezegd: 0, gerealiseerd: 0, plaatsingen: { aantal: 0 } },
          { soort: 'banenafspraakBanen', toegezegd: 4, gerealiseerd: 13.7, plaatsingen: { aantal: 14 } },
        ],
      },
    ]);
  });

  it('een lid ziet zijn eigen plaatsingen en toezeggingen; een regiopartner zijn regio; een andere scope is 404', async () => {
    const eigen = ok(await call('GET', '/v1/uitkomsten', { headers: lid.headers }));
    expect(eigen.scope).toEqual({ soort: 'lid', lidId: lid.id });
    const regio = ok(await call('GET', '/v1/uitkomsten?vanCohort=2026-K1', { headers: partner.headers }));
    expect(regio.scope).toEqual({ soort: 'arbeidsmarktregio', arbeidsmarktregio: 'Groot Amsterdam' });
    expect(regio.cohorten[0].gestart).toEqual({ aantal: 12 });
    expectProblem(await call('GET', `/v1/uitkomsten?gemeente=${B}`, { headers: gemeenteA }), 404);
    expectProblem(await call('GET', '/v1/uitkomsten?arbeidsmarktregio=Rijnmond', { headers: gemeenteA }), 404);
    expectProblem(await call('GET', '/v1/uitkomsten?lidId=01JDZZZZZZZZZZZZZZZZZZZZZZ', { headers: lid.headers }), 404);
    expectProblem(await call('GET', '/v1/uitkomsten?arbeidsmarktregio=Rijnmond', { headers: partner.headers }), 404);
    expectProblem(await call('GET', '/v1/uitkomsten', { headers: await authorization(rt, 'systeem') }), 403);
    expectProblem(await call('GET', '/v1/uitkomsten'), 401);
  });

  it('een regiopartner als jobcoachorganisatie ziet de plaatsingen die hij begeleidt; die van een andere: 404', async () => {
    const eigen = ok(await call('GET', `/v1/uitkomsten?vanCohort=2026-K1&jobcoachPartnerId=${partner.id}`, { headers: partner.headers }));
    expect(eigen.scope).toEqual({ soort: 'partner', partnerId: partner.id });
    expect(eigen.cohorten[0].gestart).toEqual({ aantal: 11 });
    expect(ok(await call('GET', `/v1/uitkomsten?vanCohort=2026-K1&jobcoachPartnerId=${partner.id}`, { headers: admin })).cohorten[0].gestart).toEqual({ aantal: 11 });
    expectProblem(await call('GET', '/v1/uitkomsten?jobcoachPartnerId=01JDZZZZZZZZZZZZZZZZZZZZZZ', { headers: partner.headers }), 404);
  });

  it('slechte filters: alle fouten tegelijk, een onbekende parameter geweigerd, niets gelezen', async () => {
    const r = await call('GET', '/v1/uitkomsten?vanCohort=2026-K5&doelgroep=iedereen&instrument=subsidie&gemeente=0363&lidId=42&onbekend=1', { headers: admin });
    expectProblem(r, 400);
    expect(namen(r).sort()).toEqual(['query.doelgroep', 'query.gemeente', 'query.instrument', 'query.lidId', 'query.onbekend', 'query.vanCohort']);
    expect(r.ops).toEqual([]);
    const omgekeerd = await call('GET', '/v1/uitkomsten?vanCohort=2026-K3&totCohort=2026-K1', { headers: admin });
    expectProblem(omgekeerd, 400);
    expect(namen(omgekeerd)).toEqual(['query.vanCohort']);
    expect(namen(await call('GET', '/v1/uitkomsten?peildatum=2999-01-01', { headers: admin }))).toEqual(['query.peildatum']);
  });

  it('als CSV met Accept: text/csv: dezelfde cijfers, onderdrukte als teken, de referentiecijfers apart', async () => {
    const r = await fetch(`${rt.baseUrl}/v1/uitkomsten?vanCohort=2026-K1`, { headers: { ...gemeenteB, accept: 'text/csv' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const regels = (await r.text()).trimEnd().split('\r\n');
    expect(regels[0]).toBe('onderdeel,cohort,dimensie,groep,figuur,waarde,noemer,onderdrukt');
    expect(regels).toContain('cohort,2026-K1,,,gestart,,,<10');
    expect(regels.some((l) => l.startsWith('referentie,'))).toBe(true);
    expect(regels.join('\n')).not.toMatch(/Kandidaat|PW-2026/);
  });
});

describe('GET /v1/gemeenten/{gemeenteCode}/srg-export', () => {
  it('geeft de voorzieningen van de eigen verwijzingen op dossierkenmerk, met codelijst en keuzes, als JSON en CSV; nooit een naam', async () => {
    const r = ok(await call('GET', `/v1/gemeenten/${A}/srg-export`, { headers: gemeenteA }));
    expect(r.codelijst).toMatch(/SRG/);
    expect(r.voorzieningen).toHaveLength(12);
    expect(r.voorzieningen[0]).toMatchObject({ typeVoorziening: '03', omschrijving: 'Participatieplaats', begindatum: '2026-02-02' });
    expect(r.voorzieningen.map((v: { dossierkenmerk: string }) => v.dossierkenmerk).sort()).toEqual(dossiers.slice(0, 12).sort());
    expect(JSON.stringify(r)).not.toMatch(/Kandidaat Uitkomst/);
    const csv = await fetch(`${rt.baseUrl}/v1/gemeenten/${A}/srg-export`, { headers: { ...gemeenteA, accept: 'text/csv' } });
    const regels = (await csv.text()).trimEnd().split('\r\n');
    expect(regels[0]).toBe('dossierkenmerk,plaatsingId,typeVoorziening,omschrijving,begindatum,einddatum,redenEinde,oordeel');
    expect(regels).toHaveLength(13);
  });

  it('een andere gemeente: 404; een lid of regiopartner: 403', async () => {
    expectProblem(await call('GET', `/v1/gemeenten/${A}/srg-export`, { headers: gemeenteB }), 404);
    expectProblem(await call('GET', `/v1/gemeenten/${A}/srg-export`, { headers: lid.headers }), 403);
    expectProblem(await call('GET', `/v1/gemeenten/${A}/srg-export`, { headers: partner.headers }), 403);
    expectProblem(await call('GET', '/v1/gemeenten/0363/srg-export', { headers: admin }), 400);
  });
});

describe('GET /v1/uitkomsten/aansluiting', () => {
  it('vraag en aanbod van de eigen regio, in één Query per regio; een andere regio 404; een lid 403', async () => {
    const r = await call('GET', '/v1/uitkomsten/aansluiting', { headers: gemeenteA });
    ok(r);
    // 30 places, 14 taken by the placements: 16 free in Groot Amsterdam for groen; everyone referred is placed.
    expect(r.body.aansluiting).toEqual([
      { arbeidsmarktregio: 'Groot Amsterdam', werksoort: 'groen', beschutWerk: false, wachtend: { aantal: 0 }, mediaanWachtdagen: null, openPlaatsen: { aantal: 16 } },
    ]);
    expect([...r.ops].sort()).toEqual(['GetItem', 'Query']);
    expect(ok(await call('GET', '/v1/uitkomsten/aansluiting', { headers: partner.headers })).aansluiting).toEqual(r.body.aansluiting);
    expect(ok(await call('GET', '/v1/uitkomsten/aansluiting?arbeidsmarktregio=Rijnmond', { headers: admin })).aansluiting).toEqual([]);
    expectProblem(await call('GET', '/v1/uitkomsten/aansluiting?arbeidsmarktregio=Rijnmond', { headers: gemeenteA }), 404);
    expectProblem(await call('GET', '/v1/uitkomsten/aansluiting?arbeidsmarktregio=Rijnmond', { headers: partner.headers }), 404);
    expectProblem(await call('GET', '/v1/uitkomsten/aansluiting', { headers: lid.headers }), 403);
    const csv = await fetch(`${rt.baseUrl}/v1/uitkomsten/aansluiting`, { headers: { ...gemeenteA, accept: 'text/csv' } });
    expect((await csv.text()).split('\r\n')).toContain('aansluiting,,regioWerksoort,Groot Amsterdam|groen,openPlaatsen,16,,');
  });
});
