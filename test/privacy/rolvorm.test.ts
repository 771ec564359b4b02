import { ulid } from 'ulidx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { naTermijn } from '../../shared/domain/nazorg';
import { GEMEENTE_INTERN, vormVoorRol } from '../../shared/privacy/rolvorm';
import { Plaatsing as PlaatsingSchema } from '../../shared/schemas/plaatsingen';
import type { Nazorgmoment } from '../../shared/schemas/nazorg';
import type { Plaatsing } from '../../shared/schemas/plaatsingen';
import { Kandidaatprofiel } from '../../shared/schemas/verwijzingen';
import { contract } from '../domain/plaatsingen-fixtures';
import { apiClient, ok, expectProblem, namen, type Kop } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';
import { scenario } from '../support/scenario';

/** Every key anywhere in a JSON value. */
const sleutels = (v: unknown): Set<string> => {
  const uit = new Set<string>();
  const loop = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(loop);
    else if (x && typeof x === 'object')
      for (const [k, w] of Object.entries(x)) {
        uit.add(k);
        loop(w);
      }
  };
  loop(v);
  return uit;
};
// `gemeente` and `status` are also fields of places and placements the employer may see; the referral's own are checked by schema below.
const INTERN = new Set(['annuleringsreden', 'geescaleerdOp', ...GEMEENTE_INTERN.Verwijzing.filter((v) => v !== 'gemeente' && v !== 'status')]);

describe('de vorm per rol (zonder engine)', () => {
  it('alleen een werkgever krijgt minder; andere rollen en andere schema’s krijgen het antwoord zoals het is', () => {
    const pl = { id: 'p', fase: 'geannuleerd', risico: { niveau: 'hoog' }, annuleringsreden: 'x', duurzaamheid: { P6M: true } };
    expect(vormVoorRol({ rol: 'werkgever', subject: 's', lidId: 'l' }, PlaatsingSchema, pl)).toEqual({ id: 'p', fase: 'geannuleerd', risico: { niveau: 'hoog' }, duurzaamheid: { P6M: true } });
    for (const p of [{ rol: 'gemeente', subject: 's', gemeente: 'GM0363' }, { rol: 'coopAdmin', subject: 's' }, { rol: 'regiopartner', subject: 's', partnerId: 'x' }] as const)
      expect(vormVoorRol(p, PlaatsingSchema, pl)).toBe(pl);
    expect(vormVoorRol({ rol: 'werkgever', subject: 's', lidId: 'l' }, Kandidaatprofiel, pl)).toBe(pl);
  });

  it('het anonieme profiel dat een werkgever via matching krijgt, heeft geen enkel gemeente-intern veld van de verwijzing', () => {
    const velden = Object.keys(Kandidaatprofiel.shape);
    expect(velden.filter((v) => (GEMEENTE_INTERN.Verwijzing as readonly string[]).includes(v))).toEqual([]);
  });
});

/**
 * Through the API: an employer's answers about its own placement — the placement, the lists, the follow-ups,
 * the plan, its matches — never carry a gemeente-internal field, while the gemeente, the jobcoach and the
 * coordinators get them; and a field only another role may set is refused by name.
 */
let rt: LocalRuntime;
let admin: Kop;
let gemeente: Kop;
let lid: { id: string; headers: Kop };
let coach: { id: string; headers: Kop };
const GM = 'GM0363';
const REGIO = 'Groot Amsterdam';
const api = apiClient(() => rt);
const { call } = api;
const gegeven = scenario(api, () => rt);
const start = new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10);
let plaatsing: Plaatsing;
let geannuleerd: Plaatsing;
let werkplekId: string;

const verwijzing = (naam: string) => ({
  dossierkenmerk: `PW-${ulid().slice(-8)}`,
  doelgroep: 'participatiewet',
  kandidaat: { naam, email: 'k@example.nl' },
  mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', zelfstandigheid: 'deelsZelfstandig', taalniveau: 'B1', rijbewijs: false },
  werkaanpassingen: ['vasteStructuur'],
  uren: { minimum: 16, maximum: 24 },
  mobiliteit: { reisafstandKm: 10, vervoer: ['fiets'] },
  postcodegebied: '1102',
  werksoortVoorkeuren: ['groen'],
  beschikbaarVanaf: '2026-01-01',
  toestemmingProfielDelen: true,
});

beforeAll(async () => {
  rt = await startTestRuntime({ scheduler: { automatic: false } });
  admin = await authorization(rt, 'coopAdmin');
  gemeente = await authorization(rt, 'gemeente', GM);
  await gegeven.gemeente(admin, { code: GM, naam: 'Amsterdam', arbeidsmarktregio: REGIO, contactpersoon: { naam: 'WSP', email: 'wsp@amsterdam.nl' } });
  const actief = await gegeven.actiefLid(admin, {
    kvkNummer: String(40_000_000 + Math.floor(Math.random() * 50_000_000)),
    naam: 'Groen BV',
    sectoren: ['groen'],
    werksoorten: ['groen'],
    contactpersoon: { naam: 'Eva de Boer', email: 'eva@groen.nl' },
    toezeggingen: { reguliereBanen: 2, participatieplaatsen: 2, beschutWerkplekken: 0, banenafspraakBanen: 1 },
  });
  lid = { id: actief.lid.id, headers: actief.headers };
  const p = ok(
    await call('POST', '/v1/regiopartners', {
      headers: admin,
      body: { naam: 'Jobcoach Amstel', kvkNummer: '34123456', soort: 'jobcoachOrganisatie', arbeidsmarktregios: [REGIO], contactpersoon: { naam: 'Lotte', email: 'lotte@coach.nl' } },
    }),
    201,
  );
  coach = { id: p.id, headers: await authorization(rt, 'regiopartner', p.id) };
  const plek = await gegeven.werkplek(lid.headers, {
    titel: 'Hovenier',
    soort: 'participatieplaats',
    werksoort: 'groen',
    uren: { minimum: 16, maximum: 32 },
    locatie: { postcodegebied: '1102', gemeente: GM },
    aantalPlaatsen: 3,
    eisen: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', taalniveau: 'A2', rijbewijs: false },
    werkaanpassingen: ['vasteStructuur'],
    begeleiding: { eigenJobcoach: false, buddy: true },
    teltVoorBanenafspraak: true,
  });
  werkplekId = plek.id;

  const v = await gegeven.bemiddelbaar(admin, gemeente, verwijzing('Kandidaat Een'));
  plaatsing = ok(await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: v.id, werkplekId } }), 201);
  const pp = `/v1/plaatsingen/${plaatsing.id}`;
  ok(await call('POST', `${pp}/kennismaking`, { headers: lid.headers, body: { datum: start } }));
  ok(await call('POST', `${pp}/start`, { headers: lid.headers, body: contract({ startdatum: start, einddatum: naTermijn(start, 'P18M') }) }));
  ok(await call('POST', `${pp}/jobcoach`, { headers: admin, body: { partnerId: coach.id } }));
  ok(await call('POST', `${pp}/ontwikkeldoelen`, { headers: coach.headers, body: { omschrijving: 'Zelfstandig plannen', streefdatum: '2027-06-01' } }), 201);
  ok(await call('POST', `${pp}/begeleidingsnotities`, { headers: coach.headers, body: { soort: 'evaluatie', datum: start, tekst: 'Coachverslag: zorgen om schulden' } }), 201);
  const momenten: Nazorgmoment[] = ok(await call('GET', `${pp}/nazorgmomenten`, { headers: admin })).nazorgmomenten;
  const [eerste, tweede] = momenten;
  ok(await call('POST', `/v1/nazorgmomenten/${eerste!.id}/antwoorden`, {
    headers: coach.headers,
    body: { nogInDienst: true, gewerkteUrenPerWeek: 20, verzuimdagenInPeriode: 1, hoeGaatHet: 2, ondersteuningNodig: true, risicos: ['schulden'], notitie: 'Coachnotitie over schulden' },
  }));
  ok(await call('POST', `/v1/nazorgmomenten/${tweede!.id}/antwoorden`, {
    headers: lid.headers,
    body: { nogInDienst: true, gewerkteUrenPerWeek: 24, verzuimdagenInPeriode: 0, hoeGaatHet: 4, ondersteuningNodig: false, risicos: [], notitie: 'Werkgevernotitie' },
  }));

  const w = await gegeven.bemiddelbaar(admin, gemeente, verwijzing('Kandidaat Twee'));
  geannuleerd = ok(await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: w.id, werkplekId } }), 201);
  ok(await call('POST', `/v1/plaatsingen/${geannuleerd.id}/annulering`, { headers: admin, body: { reden: 'Gemeente: kandidaat eerst naar schuldhulp' } }));
  // A third, placeable and consenting: the employer's matches.
  await gegeven.bemiddelbaar(admin, gemeente, verwijzing('Kandidaat Drie'));
}, 120_000);
afterAll(() => rt?.stop());

describe('een werkgever krijgt nooit gemeente-interne velden', () => {
  it('de plaatsing, de lijst, de nazorg en het ontwikkelplan: zonder annuleringsreden, escalatie, de antwoorden en notities van de jobcoach', async () => {
    const pp = `/v1/plaatsingen/${plaatsing.id}`;
    const antwoorden = {
      plaatsing: ok(await call('GET', pp, { headers: lid.headers })),
      lijst: ok(await call('GET', '/v1/plaatsingen?pageSize=100', { headers: lid.headers })),
      geannuleerd: ok(await call('GET', `/v1/plaatsingen/${geannuleerd.id}`, { headers: lid.headers })),
      nazorg: ok(await call('GET', `${pp}/nazorgmomenten`, { headers: lid.headers })),
      plan: ok(await call('GET', `${pp}/ontwikkelplan`, { headers: lid.headers })),
      kandidaten: ok(await call('GET', `/v1/werkplekken/${werkplekId}/kandidaten`, { headers: lid.headers })),
    };
    for (const [wat, body] of Object.entries(antwoorden)) expect([...sleutels(body)].filter((k) => INTERN.has(k)), wat).toEqual([]);
    const tekst = JSON.stringify(antwoorden);
    for (const intern of ['Coachnotitie', 'Coachverslag', 'schuldhulp']) expect(tekst).not.toContain(intern);
    // What the employer shares stays: its own answer, the goals, the phases, the durability facts.
    expect(tekst).toContain('Werkgevernotitie');
    expect(antwoorden.plan.doelen).toHaveLength(1);
    expect(antwoorden.plan.notities).toEqual([]);
    expect(antwoorden.geannuleerd.fase).toBe('geannuleerd');
    expect(antwoorden.lijst.plaatsingen.map((p: Plaatsing) => p.id).sort()).toEqual([plaatsing.id, geannuleerd.id].sort());
    expect(antwoorden.kandidaten.kandidaten.length).toBeGreaterThan(0);
  });

  it('de gemeente, de jobcoach en een coördinator krijgen ze wel', async () => {
    const pp = `/v1/plaatsingen/${plaatsing.id}`;
    for (const headers of [gemeente, admin]) {
      expect(ok(await call('GET', `/v1/plaatsingen/${geannuleerd.id}`, { headers })).annuleringsreden).toContain('schuldhulp');
      expect(JSON.stringify(ok(await call('GET', `${pp}/nazorgmomenten`, { headers })))).toContain('Coachnotitie');
    }
    expect(JSON.stringify(ok(await call('GET', `${pp}/nazorgmomenten`, { headers: coach.headers })))).toContain('Coachnotitie');
    expect(ok(await call('GET', `${pp}/ontwikkelplan`, { headers: coach.headers })).notities).toHaveLength(1);
  });
});

describe('velden die alleen een andere rol mag zetten worden geweigerd', () => {
  it('een werkgever zet de loonwaarde niet (403, met het veld); de gemeente wel; zonder dat veld mag de werkgever het instrument toevoegen', async () => {
    const pp = `/v1/plaatsingen/${plaatsing.id}`;
    const lks = { soort: 'loonkostensubsidie', startdatum: start, forfaitairTot: naTermijn(start, 'P6M'), loonwaardePercentage: 40 };
    const voor = ok(await call('GET', pp, { headers: admin }));
    const geweigerd = await call('POST', `${pp}/instrumenten`, { headers: lid.headers, body: lks });
    expectProblem(geweigerd, 403);
    expect(namen(geweigerd)).toEqual(['body.loonwaardePercentage']);
    expect(geweigerd.ops).toEqual([]);
    expect(ok(await call('GET', pp, { headers: admin })).versie).toBe(voor.versie);
    ok(await call('POST', `${pp}/instrumenten`, { headers: gemeente, body: lks }));
    const { loonwaardePercentage: _l, ...zonderLoonwaarde } = lks;
    ok(await call('POST', `${pp}/instrumenten`, { headers: lid.headers, body: { ...zonderLoonwaarde, startdatum: naTermijn(start, 'P1M') } }));
  });

  it('een veld dat geen rol mag zetten is onbekend voor de body (400, met het veld)', async () => {
    const r = await call('PATCH', `/v1/werkplekken/${werkplekId}`, {
      headers: { ...lid.headers, 'content-type': 'application/merge-patch+json', 'if-match': '*' },
      body: { titel: 'Hovenier', aantalBezet: 0 },
    });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(['body.aantalBezet']);
  });
});
