import { leesRegiotellers } from '../../shared/store/regiotellers-store';
import { ulid } from 'ulidx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import type { Plaatsing } from '../../shared/schemas/plaatsingen';
import type { Verwijzing } from '../../shared/schemas/verwijzingen';
import type { Werkplek } from '../../shared/schemas/werkplekken';
import { contract } from '../domain/plaatsingen-fixtures';
import { apiClient, ok, expectProblem, namen, type Kop } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';
import { scenario } from '../support/scenario';

let rt: LocalRuntime;
let admin: Kop;
let gemeenteA: Kop;
let gemeenteB: Kop;
const A = 'GM0363';
const B = 'GM0599';

const api = apiClient(() => rt);
const { call } = api;
const gegeven = scenario(api, () => rt);

beforeAll(async () => {
  rt = await startTestRuntime();
  admin = await authorization(rt, 'coopAdmin');
  gemeenteA = await authorization(rt, 'gemeente', A);
  gemeenteB = await authorization(rt, 'gemeente', B);
  for (const [code, naam, regio] of [
    [A, 'Amsterdam', 'Groot Amsterdam'],
    [B, 'Rotterdam', 'Rijnmond'],
  ] as const)
    await gegeven.gemeente(admin, { code, naam, arbeidsmarktregio: regio, contactpersoon: { naam: 'Werkgeversservicepunt', email: `wsp@${naam.toLowerCase()}.nl` } });
});
afterAll(() => rt?.stop());

let kvkTeller = 10_000_000 + Math.floor(Math.random() * 80_000_000);
/** An active member with its bearer header. */
const actiefLid = async () => {
  const { lid, headers } = await gegeven.actiefLid(admin, {
    kvkNummer: String(++kvkTeller),
    naam: 'Hoveniersbedrijf Het Hout',
    sectoren: ['groen'],
    werksoorten: ['groen'],
    contactpersoon: { naam: 'Sanne de Vries', email: 'sanne@hethout.nl' },
    toezeggingen: { reguliereBanen: 1, participatieplaatsen: 2, beschutWerkplekken: 0, banenafspraakBanen: 1 },
  });
  return { id: lid.id, headers };
};
const werkplekVan = (lid: { headers: Kop }, aantalPlaatsen = 2): Promise<Werkplek> =>
  gegeven.werkplek(lid.headers, {
    titel: 'Medewerker groenonderhoud',
    soort: 'participatieplaats',
    werksoort: 'groen',
    uren: { minimum: 16, maximum: 32 },
    locatie: { postcodegebied: '1102', gemeente: A },
    aantalPlaatsen,
    eisen: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', taalniveau: 'A2', rijbewijs: false },
    werkaanpassingen: ['vasteStructuur'],
    begeleiding: { eigenJobcoach: false, buddy: true },
    teltVoorBanenafspraak: true,
  });
/** A referral of the gemeente, through intake, placeable. */
const bemiddelbaar = (gemeente: Kop = gemeenteA): Promise<Verwijzing> =>
  gegeven.bemiddelbaar(admin, gemeente, {
    dossierkenmerk: `PW-2026-${Math.floor(Math.random() * 99999)}`,
    doelgroep: 'participatiewet',
    kandidaat: { naam: 'Jan de Boer', email: 'jan@example.nl' },
    mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', zelfstandigheid: 'deelsZelfstandig', taalniveau: 'B1', rijbewijs: false },
    werkaanpassingen: ['vasteStructuur'],
    uren: { minimum: 16, maximum: 24 },
    mobiliteit: { reisafstandKm: 10, vervoer: ['fiets', 'ov'] },
    postcodegebied: '1102',
    werksoortVoorkeuren: ['groen'],
    beschikbaarVanaf: '2026-12-01',
    toestemmingProfielDelen: true,
  });
const regiopartner = async (soort = 'jobcoachOrganisatie') => {
  const p = ok(
    await call('POST', '/v1/regiopartners', {
      headers: admin,
      body: { naam: 'Jobcoach Amstel', kvkNummer: '34123456', soort, arbeidsmarktregios: ['Groot Amsterdam'], contactpersoon: { naam: 'Lotte Visser', email: 'lotte@jobcoachamstel.nl' } },
    }),
    201,
  );
  return { id: p.id as string, headers: await authorization(rt, 'regiopartner', p.id) };
};
/** A proposed placement: member X's place, gemeente A's candidate. */
const voorgesteld = async (opties: { plaatsen?: number; gemeente?: Kop } = {}) => {
  const lid = await actiefLid();
  const werkplek = await werkplekVan(lid, opties.plaatsen);
  const verwijzing = await bemiddelbaar(opties.gemeente);
  const plaatsing: Plaatsing = ok(await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: verwijzing.id, werkplekId: werkplek.id } }), 201);
  return { lid, werkplek, verwijzing, plaatsing, pad: `/v1/plaatsingen/${plaatsing.id}` };
};
const gestart = async (opties: { plaatsen?: number } = {}) => {
  const s = await voorgesteld(opties);
  ok(await call('POST', `${s.pad}/kennismaking`, { headers: s.lid.headers, body: { datum: '2026-12-01' } }));
  ok(await call('POST', `${s.pad}/start`, { headers: s.lid.headers, body: contract() }));
  return s;
};
const NIET_BESTAAND = '/v1/plaatsingen/01JDZZZZZZZZZZZZZZZZZZZZZZ';

describe('een plaatsing voorstellen', () => {
  it('201 met Location en ETag, met één BatchGetItem en één transactie', async () => {
    const lid = await actiefLid();
    const werkplek = await werkplekVan(lid);
    const verwijzing = await bemiddelbaar();
    const r = await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: verwijzing.id, werkplekId: werkplek.id } });
    expect(ok(r, 201)).toMatchObject({ fase: 'voorgesteld', lidId: lid.id, gemeente: A, verwijzingId: verwijzing.id, werkplekId: werkplek.id, versie: 1, termijnen: [] });
    expect(r.headers.get('location')).toBe(`/v1/plaatsingen/${r.body.id}`);
    expect(r.headers.get('etag')).toBe('"1"');
    expect(r.ops).toEqual(['BatchGetItem', 'TransactWriteItems']);
  });

  it('hetzelfde paar nog eens: 409; een onbekende verwijzing of werkplek: 422; een niet-bemiddelbare kandidaat: 409', async () => {
    const { verwijzing, werkplek } = await voorgesteld();
    expectProblem(await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: verwijzing.id, werkplekId: werkplek.id } }), 409);
    expectProblem(await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: ulid(), werkplekId: werkplek.id } }), 422);
    expectProblem(await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: verwijzing.id, werkplekId: ulid() } }), 422);
    const v = ok(await call('POST', '/v1/verwijzingen', { headers: gemeenteA, body: { ...verwijzingInvoer(verwijzing), dossierkenmerk: 'PW-NIEUW-1' } }), 201);
    expectProblem(await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: v.id, werkplekId: werkplek.id } }), 409);
  });

  it('alleen een coördinator (403 voor anderen, zonder één read); zonder token 401; alle invoerfouten tegelijk (400)', async () => {
    const { lid, werkplek, verwijzing } = await voorgesteld();
    for (const headers of [lid.headers, gemeenteA]) {
      const r = await call('POST', '/v1/plaatsingen', { headers, body: { verwijzingId: verwijzing.id, werkplekId: werkplek.id } });
      expectProblem(r, 403);
      expect(r.ops).toEqual([]);
    }
    expectProblem(await call('POST', '/v1/plaatsingen', { body: { verwijzingId: verwijzing.id, werkplekId: werkplek.id } }), 401);
    const r = await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: 'x', werkplekId: 12, fase: 'gestart', bsn: '123456782' } });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(expect.arrayContaining(['body.verwijzingId', 'body.werkplekId', 'body.fase', 'body.bsn']));
    expectProblem(await call('POST', '/v1/plaatsingen', { headers: admin, raw: '{"verwijzingId":' }), 400);
    expectProblem(await call('POST', '/v1/plaatsingen', { headers: { ...admin, 'content-type': 'text/plain' }, raw: 'x' }), 415);
    expectProblem(await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: 'x'.repeat(20_000) } }), 413);
  });
});

/** The referral's input, from a referral (for a second one that is not placeable yet). */
const verwijzingInvoer = (v: Verwijzing) => ({
  dossierkenmerk: v.dossierkenmerk,
  doelgroep: v.doelgroep,
  kandidaat: v.kandidaat,
  mogelijkheden: v.mogelijkheden,
  werkaanpassingen: v.werkaanpassingen,
  uren: v.uren,
  mobiliteit: v.mobiliteit,
  postcodegebied: v.postcodegebied,
  werksoortVoorkeuren: v.werksoortVoorkeuren,
  beschikbaarVanaf: v.beschikbaarVanaf,
  toestemmingProfielDelen: v.toestemmingProfielDelen,
});

describe('de workflow door HTTP, met de operaties per verzoek', () => {
  it('kennismaking → proefplaatsing → start → instrumenten → beëindiging; de tellers van werkplek en verwijzing volgen', async () => {
    const { lid, werkplek, verwijzing, pad } = await voorgesteld({ plaatsen: 1 });
    const k = await call('POST', `${pad}/kennismaking`, { headers: { ...lid.headers, 'if-match': '"1"' }, body: { datum: '2026-12-01' } });
    expect(ok(k)).toMatchObject({ fase: 'kennismaking', kennismakingOp: '2026-12-01', versie: 2 });
    expect(k.headers.get('etag')).toBe('"2"');
    expect(k.ops).toEqual(['GetItem', 'TransactWriteItems']);

    expectProblem(await call('POST', `${pad}/proefplaatsing`, { headers: lid.headers, body: { startdatum: '2026-12-07', einddatum: '2027-02-08' } }), 422);
    const p = await call('POST', `${pad}/proefplaatsing`, { headers: admin, body: { startdatum: '2026-12-07', einddatum: '2027-02-07' } });
    expect(ok(p)).toMatchObject({ fase: 'proefplaatsing', termijnen: [{ soort: 'eindeProefplaatsing', datum: '2027-02-07' }] });
    // The trial's end is a follow-up moment: the gemeente's settings are read to plan it in the trial's transaction.
    expect(p.ops).toEqual(['GetItem', 'GetItem', 'TransactWriteItems']);

    const j = await call('POST', `${pad}/instrumenten`, { headers: gemeenteA, body: { soort: 'jobcoach', startdatum: '2026-12-07', urenPerMaand: 8, organisatie: 'Jobcoach Amstel' } });
    expect(ok(j).instrumenten).toHaveLength(2);
    expect(j.ops).toEqual(['GetItem', 'TransactWriteItems']);
    expectProblem(await call('POST', `${pad}/instrumenten`, { headers: lid.headers, body: { soort: 'noRiskPolis', startdatum: '2027-02-08' } }), 409);

    const s = await call('POST', `${pad}/start`, { headers: lid.headers, body: contract({ startdatum: '2027-02-08', einddatum: '2028-02-07' }) });
    expect(ok(s)).toMatchObject({ fase: 'gestart', versie: 5, termijnen: [{ soort: 'eindeContract', datum: '2028-02-07' }] });
    // The start also reads the gemeente's follow-up settings and plans the moments in its transaction; after a
    // trial it reads the open moments too, to cancel the trial's planned end in the same transaction.
    expect(s.ops).toEqual(['GetItem', 'BatchGetItem', 'GetItem', 'Query', 'TransactWriteItems']);
    expect(ok(await call('GET', `/v1/werkplekken/${werkplek.id}`, { headers: lid.headers }))).toMatchObject({ aantalBezet: 1, status: 'vervuld' });
    expect(ok(await call('GET', `/v1/verwijzingen/${verwijzing.id}`, { headers: gemeenteA }))).toMatchObject({ status: 'geplaatst', aantalPlaatsingen: 1 });

    expectProblem(await call('POST', `${pad}/instrumenten`, { headers: lid.headers, body: { soort: 'loonkostensubsidie', startdatum: '2027-02-08', forfaitairTot: '2027-08-09' } }), 422);
    const lks = await call('POST', `${pad}/instrumenten`, { headers: gemeenteA, body: { soort: 'loonkostensubsidie', startdatum: '2027-02-08', forfaitairTot: '2027-08-08' } });
    // An instrument with deadlines of its own on a started placement reads the gemeente's settings to plan them.
    expect(lks.ops).toEqual(['GetItem', 'GetItem', 'TransactWriteItems']);
    expect(ok(lks).termijnen.map((t: { soort: string; datum: string }) => `${t.soort} ${t.datum}`)).toEqual([
      'eindeForfaitaireLks 2027-08-08',
      'eindeContract 2028-02-07',
      'herbeoordelingLks 2028-02-08',
    ]);

    const e = await call('POST', `${pad}/beeindiging`, { headers: lid.headers, body: { einddatum: '2027-09-30', reden: 'terugNaarGemeente', toelichting: 'Past beter bij beschut werk' } });
    expect(ok(e)).toMatchObject({ fase: 'beeindigd', termijnen: [], beeindiging: { reden: 'terugNaarGemeente' } });
    // The end also reads the open follow-up moments, to cancel them in its transaction.
    expect(e.ops).toEqual(['GetItem', 'BatchGetItem', 'Query', 'TransactWriteItems']);
    expect(ok(await call('GET', `/v1/werkplekken/${werkplek.id}`, { headers: lid.headers }))).toMatchObject({ aantalBezet: 0, status: 'open' });
    expect(ok(await call('GET', `/v1/verwijzingen/${verwijzing.id}`, { headers: gemeenteA }))).toMatchObject({ status: 'teruggemeld', aantalPlaatsingen: 1 });

    const g = await call('GET', `${pad}/gebeurtenissen`, { headers: gemeenteA });
    expect(g.ops).toEqual(['GetItem', 'Query']);
    expect(ok(g).gebeurtenissen.map((x: { soort: string }) => x.soort)).toEqual([
      'voorgesteld',
      'kennismaking',
      'proefplaatsingGestart',
      'instrumentToegevoegd',
      'gestart',
      'instrumentToegevoegd',
      'beeindigd',
    ]);
    expect(g.body.gebeurtenissen[4]).toMatchObject({ vanFase: 'proefplaatsing', naarFase: 'gestart', door: { rol: 'werkgever' }, versie: 5 });
  });

  it('afwijzing door het lid en annulering door de gemeente van de verwijzing, voor de start; daarna 409', async () => {
    const a = await voorgesteld();
    expectProblem(await call('POST', `${a.pad}/afwijzing`, { headers: a.lid.headers, body: { reden: 'Dossier 123456782' } }), 400);
    const af = await call('POST', `${a.pad}/afwijzing`, { headers: a.lid.headers, body: { reden: 'Geen klik met het team' } });
    expect(ok(af)).toMatchObject({ fase: 'afgewezen', afwijzingsreden: 'Geen klik met het team' });
    expect(af.ops).toEqual(['GetItem', 'TransactWriteItems']);
    expectProblem(await call('POST', `${a.pad}/kennismaking`, { headers: a.lid.headers, body: { datum: '2026-12-01' } }), 409);

    const b = await voorgesteld();
    expectProblem(await call('POST', `${b.pad}/annulering`, { headers: b.lid.headers, body: { reden: 'x' } }), 403);
    expectProblem(await call('POST', `${b.pad}/annulering`, { headers: gemeenteB, body: { reden: 'x' } }), 404);
    expect(ok(await call('POST', `${b.pad}/annulering`, { headers: gemeenteA, body: { reden: 'Kandidaat verhuisd' } }))).toMatchObject({ fase: 'geannuleerd', annuleringsreden: 'Kandidaat verhuisd' });
    // The pair is free again.
    ok(await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: b.verwijzing.id, werkplekId: b.werkplek.id } }), 201);
  });

  it('If-Match: verouderd 412, onleesbaar 400; een verkeerde fase 409; ongeldige invoer 400 met alle fouten', async () => {
    const { lid, pad } = await voorgesteld();
    expectProblem(await call('POST', `${pad}/kennismaking`, { headers: { ...lid.headers, 'if-match': '"7"' }, body: { datum: '2026-12-01' } }), 412);
    expectProblem(await call('POST', `${pad}/kennismaking`, { headers: { ...lid.headers, 'if-match': 'versie 1' }, body: { datum: '2026-12-01' } }), 400);
    expectProblem(await call('POST', `${pad}/start`, { headers: lid.headers, body: contract() }), 409);
    const r = await call('POST', `${pad}/start`, { headers: lid.headers, body: { ...contract(), urenPerWeek: 60, loonPercentageWml: -1, einddatum: '2026-01-01', extra: true } });
    expectProblem(r, 400);
    expect(namen(r)).toEqual(expect.arrayContaining(['body.urenPerWeek', 'body.loonPercentageWml', 'body.extra']));
    expectProblem(await call('POST', `${pad}/instrumenten`, { headers: lid.headers, body: { soort: 'loonkostensubsidie', startdatum: '2027-01-01' } }), 400);
    expectProblem(await call('POST', `${pad}/instrumenten`, { headers: lid.headers, body: { soort: 'proefplaatsing', startdatum: '2027-01-01', einddatum: '2027-02-01' } }), 422);
    expectProblem(await call('POST', `${pad}/kennismaking`, { headers: lid.headers }), 400);
    expectProblem(await call('POST', '/v1/plaatsingen/geen-ulid/kennismaking', { headers: lid.headers, body: { datum: '2026-12-01' } }), 400);
    expectProblem(await call('POST', `${NIET_BESTAAND}/kennismaking`, { headers: lid.headers, body: { datum: '2026-12-01' } }), 404);
  });
});

describe('wie ziet welke plaatsing (lid X/Y, gemeente A/B, partner toegewezen/niet), lijsten inbegrepen', () => {
  it('elk ziet precies de eigen plaatsingen; de rest is 404, niet te onderscheiden van onbestaand, en staat in geen enkele lijst', async () => {
    const x = await voorgesteld();
    const y = await voorgesteld();
    const coach = await regiopartner();
    const andereCoach = await regiopartner();
    ok(await call('POST', `${x.pad}/jobcoach`, { headers: admin, body: { partnerId: coach.id } }));

    const zien = [admin, x.lid.headers, gemeenteA, coach.headers];
    const nietZien = [y.lid.headers, gemeenteB, andereCoach.headers];
    for (const headers of zien) {
      const r = await call('GET', x.pad, { headers });
      expect(ok(r).id).toBe(x.plaatsing.id);
      expect(r.ops).toEqual(['GetItem']);
      expect(ok(await call('GET', `${x.pad}/gebeurtenissen`, { headers })).gebeurtenissen.length).toBeGreaterThan(0);
      expect(ok(await call('GET', `${x.pad}/ontwikkelplan`, { headers })).plaatsingId).toBe(x.plaatsing.id);
    }
    const onbestaand = await call('GET', NIET_BESTAAND, { headers: admin });
    for (const headers of nietZien) {
      for (const deel of ['', '/gebeurtenissen', '/ontwikkelplan']) {
        const r = await call('GET', `${x.pad}${deel}`, { headers });
        expectProblem(r, 404);
        expect(JSON.stringify(r.body)).not.toContain(x.verwijzing.id);
        expect({ ...r.body, instance: undefined }).toEqual({ ...onbestaand.body, instance: undefined });
      }
      expectProblem(await call('POST', `${x.pad}/ontwikkeldoelen`, { headers, body: { omschrijving: 'x', streefdatum: '2027-01-01' } }), headers === gemeenteB ? 403 : 404);
    }

    const lijst = async (headers: Kop, query = '') => ok(await call('GET', `/v1/plaatsingen${query}`, { headers })).plaatsingen.map((p: Plaatsing) => p.id) as string[];
    expect(await lijst(x.lid.headers)).toEqual([x.plaatsing.id]);
    expect(await lijst(y.lid.headers)).toEqual([y.plaatsing.id]);
    expect(await lijst(coach.headers)).toEqual([x.plaatsing.id]);
    expect(await lijst(andereCoach.headers)).toEqual([]);
    const vanA = await lijst(gemeenteA, '?pageSize=100');
    expect(vanA).toEqual(expect.arrayContaining([x.plaatsing.id, y.plaatsing.id]));
    expect(await lijst(gemeenteB, '?pageSize=100')).not.toContain(x.plaatsing.id);
    // A filter for someone else's list narrows the caller's own list; it never opens another's.
    expect(await lijst(x.lid.headers, `?lidId=${y.lid.id}`)).toEqual([]);
    expect(await lijst(gemeenteB, `?gemeente=${A}&pageSize=100`)).toEqual([]);
    expect(await lijst(admin, `?lidId=${y.lid.id}`)).toEqual([y.plaatsing.id]);
    expect(await lijst(admin, `?gemeente=${A}&verwijzingId=${x.verwijzing.id}`)).toEqual([x.plaatsing.id]);
  });

  it('een toegewezen partner ziet de plaatsing pas na toewijzing en niet meer na een andere toewijzing', async () => {
    const { pad, plaatsing } = await voorgesteld();
    const coach = await regiopartner();
    expectProblem(await call('GET', pad, { headers: coach.headers }), 404);
    ok(await call('POST', `${pad}/jobcoach`, { headers: admin, body: { partnerId: coach.id } }));
    expect(ok(await call('GET', pad, { headers: coach.headers })).jobcoachPartnerId).toBe(coach.id);
    const opvolger = await regiopartner();
    ok(await call('POST', `${pad}/jobcoach`, { headers: admin, body: { partnerId: opvolger.id } }));
    expectProblem(await call('GET', pad, { headers: coach.headers }), 404);
    expect(ok(await call('GET', '/v1/plaatsingen', { headers: coach.headers })).plaatsingen).toEqual([]);
    expect(ok(await call('GET', '/v1/plaatsingen', { headers: opvolger.headers })).plaatsingen.map((p: Plaatsing) => p.id)).toEqual([plaatsing.id]);
  });
});

describe('de jobcoachorganisatie toewijzen', () => {
  it('alleen een coördinator (403), alleen een goedgekeurde jobcoachorganisatie (422), met één GetItem en één transactie', async () => {
    const { lid, pad } = await voorgesteld();
    const sw = await regiopartner('swBedrijf');
    const coach = await regiopartner();
    expectProblem(await call('POST', `${pad}/jobcoach`, { headers: lid.headers, body: { partnerId: coach.id } }), 403);
    expectProblem(await call('POST', `${pad}/jobcoach`, { headers: admin, body: { partnerId: sw.id } }), 422);
    expectProblem(await call('POST', `${pad}/jobcoach`, { headers: admin, body: { partnerId: ulid() } }), 422);
    const r = await call('POST', `${pad}/jobcoach`, { headers: admin, body: { partnerId: coach.id } });
    expect(ok(r)).toMatchObject({ jobcoachPartnerId: coach.id, versie: 2 });
    expect(r.ops).toEqual(['GetItem', 'TransactWriteItems']);
    expectProblem(await call('POST', `${pad}/jobcoach`, { headers: admin, body: { partnerId: coach.id } }), 409);
  });
});

describe('het ontwikkelplan', () => {
  it('doelen door lid en jobcoach, notities door jobcoach en coördinator; de gemeente leest mee; PATCH met If-Match', async () => {
    const { lid, pad, plaatsing } = await gestart();
    const coach = await regiopartner();
    ok(await call('POST', `${pad}/jobcoach`, { headers: admin, body: { partnerId: coach.id } }));

    const d = await call('POST', `${pad}/ontwikkeldoelen`, { headers: lid.headers, body: { omschrijving: 'Zelfstandig de route plannen', streefdatum: '2027-03-01' } });
    const doel = ok(d, 201);
    expect(doel).toMatchObject({ omschrijving: 'Zelfstandig de route plannen', voortgang: 'nietGestart' });
    expect(d.headers.get('location')).toBe(`${pad}/ontwikkeldoelen/${doel.id}`);
    expect(d.headers.get('etag')).toBe('"5"');
    expect(d.ops).toEqual(['GetItem', 'TransactWriteItems']);
    ok(await call('POST', `${pad}/ontwikkeldoelen`, { headers: coach.headers, body: { omschrijving: 'Pauzes zelf bewaken', streefdatum: '2027-04-01', voortgang: 'bezig' } }), 201);
    expectProblem(await call('POST', `${pad}/ontwikkeldoelen`, { headers: gemeenteA, body: { omschrijving: 'x', streefdatum: '2027-01-01' } }), 403);

    const n = await call('POST', `${pad}/begeleidingsnotities`, { headers: coach.headers, body: { soort: 'begeleiding', datum: '2027-01-15', tekst: 'Eerste weken goed verlopen' } });
    expect(ok(n, 201)).toMatchObject({ soort: 'begeleiding', door: { rol: 'regiopartner' } });
    expect(n.ops).toEqual(['GetItem', 'TransactWriteItems']);
    ok(await call('POST', `${pad}/begeleidingsnotities`, { headers: admin, body: { soort: 'evaluatie', datum: '2027-02-01', tekst: 'Evaluatie na een maand' } }), 201);
    expectProblem(await call('POST', `${pad}/begeleidingsnotities`, { headers: lid.headers, body: { soort: 'begeleiding', datum: '2027-01-15', tekst: 'x' } }), 403);
    expectProblem(await call('POST', `${pad}/begeleidingsnotities`, { headers: coach.headers, body: { soort: 'begeleiding', datum: '2027-01-15', tekst: 'BSN 123456782' } }), 400);

    const doelPad = `${pad}/ontwikkeldoelen/${doel.id}`;
    expectProblem(await call('PATCH', doelPad, { headers: lid.headers, body: { voortgang: 'behaald' } }), 428);
    expectProblem(await call('PATCH', doelPad, { headers: { ...lid.headers, 'if-match': '"5"' }, body: { voortgang: 'behaald' } }), 412);
    expectProblem(await call('PATCH', doelPad, { headers: { ...lid.headers, 'if-match': '"8"' }, body: { omschrijving: 'anders' } }), 400);
    expectProblem(await call('PATCH', `${pad}/ontwikkeldoelen/${ulid()}`, { headers: { ...lid.headers, 'if-match': '"8"' }, body: { voortgang: 'behaald' } }), 404);
    const w = await call('PATCH', doelPad, { headers: { ...lid.headers, 'if-match': '"8"', 'content-type': 'application/merge-patch+json' }, body: { voortgang: 'behaald' } });
    expect(ok(w)).toMatchObject({ id: doel.id, voortgang: 'behaald', streefdatum: '2027-03-01' });
    expect(w.headers.get('etag')).toBe('"9"');
    expect(w.ops).toEqual(['BatchGetItem', 'TransactWriteItems']);

    const plan = await call('GET', `${pad}/ontwikkelplan`, { headers: gemeenteA });
    expect(plan.ops).toEqual(['Query']);
    expect(plan.headers.get('etag')).toBe('"9"');
    expect(ok(plan)).toMatchObject({ plaatsingId: plaatsing.id });
    expect(plan.body.doelen.map((x: { voortgang: string }) => x.voortgang).sort()).toEqual(['behaald', 'bezig']);
    expect(plan.body.notities.map((x: { tekst: string }) => x.tekst)).toEqual(['Eerste weken goed verlopen', 'Evaluatie na een maand']);
    // The history names the notes but never holds their text.
    const g = ok(await call('GET', `${pad}/gebeurtenissen?pageSize=100`, { headers: admin }));
    expect(JSON.stringify(g)).not.toContain('Eerste weken');
  });
});

describe('lijsten', () => {
  it('één Query per pagina; een coördinator kiest een gemeente of lid (400 zonder); onbekende sleutels en vreemde cursors 400', async () => {
    const lid = await actiefLid();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const werkplek = await werkplekVan(lid);
      const verwijzing = await bemiddelbaar();
      ids.push(ok(await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: verwijzing.id, werkplekId: werkplek.id } }), 201).id);
    }
    const eerste = await call('GET', '/v1/plaatsingen?pageSize=2', { headers: lid.headers });
    expect(eerste.ops).toEqual(['Query']);
    expect(ok(eerste).plaatsingen).toHaveLength(2);
    expect(eerste.body.volgendePagina).toMatch(/^\/v1\/plaatsingen\?pageSize=2&cursor=/);
    const tweede = ok(await call('GET', eerste.body.volgendePagina, { headers: lid.headers }));
    expect([...eerste.body.plaatsingen, ...tweede.plaatsingen].map((p: Plaatsing) => p.id)).toEqual(ids);

    const alsAdmin = await call('GET', `/v1/plaatsingen?lidId=${lid.id}&fase=voorgesteld&pageSize=2`, { headers: admin });
    expect(alsAdmin.ops).toEqual(['Query']);
    expect(ok(alsAdmin).volgendePagina).toMatch(new RegExp(`lidId=${lid.id}`));
    const r = await call('GET', '/v1/plaatsingen', { headers: admin });
    expectProblem(r, 400);
    expect(r.body.invalidParams[0].name).toBe('query.gemeente');
    expect(r.ops).toEqual([]);
    const fout = await call('GET', '/v1/plaatsingen?sortering=datum&fase=klaar&pageSize=0', { headers: lid.headers });
    expectProblem(fout, 400);
    expect(namen(fout)).toEqual(expect.arrayContaining(['query.sortering', 'query.fase', 'query.pageSize']));
    const cursor = new URL(eerste.body.volgendePagina, 'http://x').searchParams.get('cursor');
    expectProblem(await call('GET', `/v1/plaatsingen?cursor=${cursor}`, { headers: gemeenteA }), 400);
    expectProblem(await call('GET', `/v1/plaatsingen?cursor=${Buffer.from('{"pk":"x"}').toString('base64url')}`, { headers: lid.headers }), 400);
    expectProblem(await call('GET', '/v1/plaatsingen', { headers: await authorization(rt, 'systeem') }), 403);
  });
});

describe('gelijktijdigheid door HTTP', () => {
  it('vijftig gelijktijdige kennismakingen op versie 1: precies één 200, de rest 412', async () => {
    const { lid, pad } = await voorgesteld();
    const r = await Promise.all(Array.from({ length: 50 }, () => call('POST', `${pad}/kennismaking`, { headers: { ...lid.headers, 'if-match': '"1"' }, body: { datum: '2026-12-01' } })));
    expect(r.filter((x) => x.status === 200)).toHaveLength(1);
    expect(r.filter((x) => x.status === 412)).toHaveLength(49);
    expect(ok(await call('GET', `${pad}/gebeurtenissen`, { headers: admin })).gebeurtenissen.map((g: { versie: number }) => g.versie)).toEqual([1, 2]);
  });

  it('vijftig gelijktijdige starts op één plaatsing: één wint, de werkplek telt één bezette plaats, de verwijzing één plaatsing', async () => {
    const { lid, pad, werkplek, verwijzing } = await voorgesteld({ plaatsen: 3 });
    ok(await call('POST', `${pad}/kennismaking`, { headers: lid.headers, body: { datum: '2026-12-01' } }));
    const r = await Promise.all(Array.from({ length: 50 }, () => call('POST', `${pad}/start`, { headers: lid.headers, body: contract() })));
    expect(r.filter((x) => x.status === 200)).toHaveLength(1);
    expect(r.every((x) => x.status === 200 || x.status === 409 || x.status === 412)).toBe(true);
    expect(ok(await call('GET', `/v1/werkplekken/${werkplek.id}`, { headers: lid.headers }))).toMatchObject({ aantalBezet: 1, status: 'open' });
    expect(ok(await call('GET', `/v1/verwijzingen/${verwijzing.id}`, { headers: gemeenteA }))).toMatchObject({ status: 'geplaatst', aantalPlaatsingen: 1 });
  });
});

describe('de regiocijfers volgen de plaatsingen, via de stream', () => {
  it('voorstellen, kennismaken en starten verschuiven één plaatsing van lopend naar gestart in de teller van de regio van de gemeente', async () => {
    const regio = 'Groot Amsterdam';
    await rt.settle();
    const voor = (await leesRegiotellers([regio])).get(regio) ?? {};
    const s = await voorgesteld();
    await rt.settle();
    const na1 = (await leesRegiotellers([regio])).get(regio)!;
    expect((na1.plaatsingenLopend ?? 0) - (voor.plaatsingenLopend ?? 0)).toBe(1);
    ok(await call('POST', `${s.pad}/kennismaking`, { headers: s.lid.headers, body: { datum: '2026-12-01' } }));
    ok(await call('POST', `${s.pad}/start`, { headers: s.lid.headers, body: contract() }));
    await rt.settle();
    const na2 = (await leesRegiotellers([regio])).get(regio)!;
    expect((na2.plaatsingenLopend ?? 0) - (voor.plaatsingenLopend ?? 0)).toBe(0);
    expect((na2.plaatsingenGestart ?? 0) - (voor.plaatsingenGestart ?? 0)).toBe(1);
    // Reading the figures is the gemeenten list and one read of the counters, whatever the number of placements.
    const r = await call('GET', `/v1/regiocijfers?arbeidsmarktregio=${encodeURIComponent(regio)}`, { headers: admin });
    expect(r.status).toBe(200);
    expect(r.ops).toEqual(['Query', 'BatchGetItem']);
  });
});
