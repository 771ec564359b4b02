import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulidx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { naTermijn } from '../../shared/domain/nazorg';
import { INVENTARIS } from '../../shared/privacy/inventaris';
import type { Nazorgmoment } from '../../shared/schemas/nazorg';
import type { Plaatsing } from '../../shared/schemas/plaatsingen';
import type { Verwijzing } from '../../shared/schemas/verwijzingen';
import { dynamo } from '../../shared/store/dynamodb';
import { contract } from '../domain/plaatsingen-fixtures';
import { apiClient, ok, expectProblem, type Kop } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';
import { scenario } from '../support/scenario';

/**
 * AVG art. 15 and 17 end to end: two candidates of one gemeente, each taken through everything the API
 * does with a person — referral, consent, intake, matching, a rejected and a started placement with a
 * jobcoach, goals, notes, follow-ups sent by the sweep and answered, an escalation closed, the end — with
 * every personal value they get written down as it is sent. One is exported and erased; then the WHOLE
 * table is scanned: none of the erased person's values may be left anywhere, the other person must be
 * untouched, and the anonymous facts the figures rest on must be as they were.
 */
let rt: LocalRuntime;
let admin: Kop;
let amsterdam: Kop;
let rotterdam: Kop;
let lid: { id: string; headers: Kop };
let coach: { id: string; headers: Kop };
const GM = 'GM0363';
const api = apiClient(() => rt);
const { call } = api;
const gegeven = scenario(api, () => rt);

const vandaag = () => new Date().toISOString().slice(0, 10);
const dagenGeleden = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  rt = await startTestRuntime({ scheduler: { automatic: false } });
  admin = await authorization(rt, 'coopAdmin');
  amsterdam = await authorization(rt, 'gemeente', GM);
  rotterdam = await authorization(rt, 'gemeente', 'GM0599');
  const contactpersoon = { naam: 'Werkgeversservicepunt', email: 'wsp@amsterdam.nl' };
  await gegeven.gemeente(admin, { code: GM, naam: 'Amsterdam', arbeidsmarktregio: 'Groot Amsterdam', contactpersoon });
  await gegeven.gemeente(admin, { code: 'GM0599', naam: 'Rotterdam', arbeidsmarktregio: 'Rijnmond', contactpersoon: { naam: 'WSP', email: 'wsp@rotterdam.nl' } });
  const actief = await gegeven.actiefLid(admin, {
    kvkNummer: String(40_000_000 + Math.floor(Math.random() * 50_000_000)),
    naam: 'Hoveniersbedrijf Het Hout',
    sectoren: ['groen'],
    werksoorten: ['groen'],
    contactpersoon: { naam: 'Sanne de Vries', email: 'sanne@hethout.nl' },
    toezeggingen: { reguliereBanen: 2, participatieplaatsen: 2, beschutWerkplekken: 0, banenafspraakBanen: 2 },
  });
  lid = { id: actief.lid.id, headers: actief.headers };
  const p = ok(
    await call('POST', '/v1/regiopartners', {
      headers: admin,
      body: { naam: 'Jobcoach Amstel', kvkNummer: '34123456', soort: 'jobcoachOrganisatie', arbeidsmarktregios: ['Groot Amsterdam'], contactpersoon: { naam: 'Lotte Visser', email: 'lotte@jobcoachamstel.nl' } },
    }),
    201,
  );
  coach = { id: p.id, headers: await authorization(rt, 'regiopartner', p.id) };
}, 60_000);
afterAll(() => rt?.stop());

const werkplek = () =>
  gegeven.werkplek(lid.headers, {
    titel: 'Medewerker groenonderhoud',
    soort: 'participatieplaats',
    werksoort: 'groen',
    uren: { minimum: 16, maximum: 32 },
    locatie: { postcodegebied: '1102', gemeente: GM },
    aantalPlaatsen: 2,
    eisen: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', taalniveau: 'A2', rijbewijs: false },
    werkaanpassingen: ['vasteStructuur'],
    begeleiding: { eigenJobcoach: false, buddy: true },
    teltVoorBanenafspraak: true,
  });

interface Kandidaat {
  readonly verwijzing: Verwijzing;
  readonly plaatsingIds: string[];
  readonly werkplekIds: string[];
  /** Every personal value this person got, as sent: none may survive the erasure. */
  readonly waarden: string[];
}

/** Start six months and five days ago: the 6-month durability check is just due, the first weeks long past. */
const START = () => dagenGeleden(183 + 5);

/** A candidate through everything the API does with a person up to a started placement (see nazorgEnEinde for the rest). */
const kandidaat = async (label: string): Promise<Kandidaat> => {
  const m = `${label}${ulid().slice(-8)}`;
  const w = {
    naam: `Naam ${m}`,
    email: `post-${m.toLowerCase()}@example.nl`,
    telefoonnummer: `06 ${String(Math.floor(Math.random() * 90_000_000) + 10_000_000)}`,
    dossierkenmerk: `PW-${m}`,
    afwijzing: `Afwijzing ${m}`,
    doel: `Doel ${m}`,
    notitie: `Notitie ${m}`,
    nazorg: `Nazorgnotitie ${m}`,
    duurzaam: `Duurzaamnotitie ${m}`,
    afhandeling: `Afhandeling ${m}`,
    einde: `Einde ${m}`,
  };
  const [plek1, plek2] = [await werkplek(), await werkplek()];
  const v: Verwijzing = await gegeven.verwijzing(amsterdam, {
    dossierkenmerk: w.dossierkenmerk,
    doelgroep: 'banenafspraak',
    kandidaat: { naam: w.naam, email: w.email, telefoonnummer: w.telefoonnummer },
    mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', zelfstandigheid: 'deelsZelfstandig', taalniveau: 'B1', rijbewijs: false },
    werkaanpassingen: ['vasteStructuur'],
    uren: { minimum: 16, maximum: 24 },
    mobiliteit: { reisafstandKm: 10, vervoer: ['fiets', 'ov'] },
    postcodegebied: '1102',
    werksoortVoorkeuren: ['groen'],
    beschikbaarVanaf: '2026-01-01',
    toestemmingProfielDelen: true,
  });
  const pad = `/v1/verwijzingen/${v.id}`;
  ok(await call('POST', `${pad}/toestemmingen`, { headers: amsterdam, body: { lidId: lid.id } }));
  ok(await call('POST', `${pad}/intake`, { headers: admin }));
  ok(await call('POST', `${pad}/bemiddelbaarverklaring`, { headers: admin }));
  ok(await call('GET', `${pad}/matches`, { headers: admin }));

  const afgewezen: Plaatsing = ok(await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: v.id, werkplekId: plek2.id } }), 201);
  ok(await call('POST', `/v1/plaatsingen/${afgewezen.id}/afwijzing`, { headers: lid.headers, body: { reden: w.afwijzing } }));

  const pl: Plaatsing = ok(await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: v.id, werkplekId: plek1.id } }), 201);
  const pp = `/v1/plaatsingen/${pl.id}`;
  ok(await call('POST', `${pp}/kennismaking`, { headers: lid.headers, body: { datum: START() } }));
  ok(await call('POST', `${pp}/start`, { headers: lid.headers, body: contract({ startdatum: START(), einddatum: naTermijn(START(), 'P18M') }) }));
  ok(await call('POST', `${pp}/jobcoach`, { headers: admin, body: { partnerId: coach.id } }));
  ok(await call('POST', `${pp}/ontwikkeldoelen`, { headers: coach.headers, body: { omschrijving: w.doel, streefdatum: '2027-06-01' } }), 201);
  ok(await call('POST', `${pp}/begeleidingsnotities`, { headers: coach.headers, body: { soort: 'begeleiding', datum: dagenGeleden(30), tekst: w.notitie } }), 201);
  return { verwijzing: v, plaatsingIds: [afgewezen.id, pl.id], werkplekIds: [plek1.id, plek2.id], waarden: Object.values(w) };
};

/** Answers the follow-ups (one badly: an escalation), closes the escalation, ends the placement. */
const nazorgEnEinde = async (k: Kandidaat, afsluiten = true) => {
  const [, plId] = k.plaatsingIds;
  const pp = `/v1/plaatsingen/${plId}`;
  const m = k.waarden[0]!.replace('Naam ', '');
  const momenten: Nazorgmoment[] = ok(await call('GET', `${pp}/nazorgmomenten`, { headers: admin })).nazorgmomenten;
  const eerste = momenten.find((x) => x.termijn === 'P1W')!;
  const check = momenten.find((x) => x.soort === 'duurzaamheidscheck' && x.termijn === 'P6M')!;
  const slecht = { nogInDienst: true, gewerkteUrenPerWeek: 12, verzuimdagenInPeriode: 2, hoeGaatHet: 1, ondersteuningNodig: true, risicos: ['vervoer'], notitie: `Nazorgnotitie ${m}` };
  ok(await call('POST', `/v1/nazorgmomenten/${eerste.id}/antwoorden`, { headers: lid.headers, body: slecht }));
  const goed = { nogInDienst: true, gewerkteUrenPerWeek: 24, verzuimdagenInPeriode: 0, hoeGaatHet: 4, ondersteuningNodig: false, risicos: [], notitie: `Duurzaamnotitie ${m}` };
  ok(await call('POST', `/v1/nazorgmomenten/${check.id}/antwoorden`, { headers: coach.headers, body: goed }));
  const escalaties = ok(await call('GET', '/v1/escalaties?pageSize=100', { headers: admin })).escalaties.filter((e: { plaatsingId: string }) => e.plaatsingId === plId);
  expect(escalaties.length).toBeGreaterThan(0);
  for (const e of escalaties) ok(await call('POST', `/v1/escalaties/${e.id}/afhandelen`, { headers: admin, body: { afhandeling: `Afhandeling ${m}` } }));
  if (afsluiten)
    ok(await call('POST', `${pp}/beeindiging`, { headers: lid.headers, body: { einddatum: vandaag(), reden: 'uitstroomRegulierWerk', toelichting: `Einde ${m}` } }));
};

type Item = Record<string, unknown>;
const scan = async (): Promise<Item[]> => {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await dynamo().send(new ScanCommand({ TableName: rt.table.tableName, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...(r.Items ?? []));
    start = r.LastEvaluatedKey;
  } while (start);
  return items;
};
const sleutel = (i: Item) => `${String(i.pk)}|${String(i.sk)}`;
/** The items of one person: its referral's partition, its placements' partitions, and what gsi4 says is about them. */
const vanPersoon = (items: Item[], k: Kandidaat): Item[] => {
  const momentIds = new Set(items.filter((i) => i.entiteit === 'Nazorgmoment' && k.plaatsingIds.includes(String(i.plaatsingId))).map((i) => String(i.id)));
  return items.filter(
    (i) =>
      i.entiteit !== 'Verwerking' &&
      (i.pk === `VERWIJZING#${k.verwijzing.id}` ||
        k.plaatsingIds.some((p) => i.pk === `PLAATSING#${p}` || i.gsi4pk === `BETREFT#PLAATSING#${p}`) ||
        [...momentIds].some((m) => i.gsi4pk === `BETREFT#NAZORGMOMENT#${m}` || i.pk === `NAZORGMOMENT#${m}`)),
  );
};
const perSleutel = (items: Item[]) => Object.fromEntries(items.map((i) => [sleutel(i), i]));

let a: Kandidaat;
let b: Kandidaat;
let open: Kandidaat;
let bemiddelbaar: Verwijzing;

describe('een volledig scenario voor twee kandidaten', () => {
  beforeAll(async () => {
    a = await kandidaat('A');
    b = await kandidaat('B');
    open = await kandidaat('C');
    // The sweep sends what is due (the 6-month check: an invitation to employer and jobcoach), as in AWS.
    await rt.jobs.runNow('nazorg-sweep', {});
    await rt.settle({ timeoutMs: 30_000 });
    await nazorgEnEinde(a);
    await nazorgEnEinde(b);
    await nazorgEnEinde(open, false);
    // Still in matching: its anonymous profile is in the candidates' index.
    bemiddelbaar = await gegeven.bemiddelbaar(admin, amsterdam, {
      dossierkenmerk: 'PW-D',
      doelgroep: 'participatiewet',
      kandidaat: { naam: 'Dirk' },
      mogelijkheden: { fysiekeBelastbaarheid: 'hoog', werktempo: 'gemiddeld', zelfstandigheid: 'zelfstandig', taalniveau: 'B2', rijbewijs: true },
      werkaanpassingen: [],
      uren: { minimum: 24, maximum: 32 },
      mobiliteit: { reisafstandKm: 20, vervoer: ['auto'] },
      postcodegebied: '1011',
      werksoortVoorkeuren: ['groen'],
      beschikbaarVanaf: '2026-01-01',
      toestemmingProfielDelen: true,
    });
    await rt.settle({ timeoutMs: 30_000 });
  }, 240_000);

  it('elke entiteit in de tabel staat in de inventaris van persoonsgegevens', async () => {
    const entiteiten = new Set((await scan()).map((i) => String(i.entiteit)));
    const onbekend = [...entiteiten].filter((e) => !(e in INVENTARIS));
    expect(onbekend, 'entiteiten zonder regel in shared/privacy/inventaris.ts').toEqual([]);
    // The scenario reached everything a candidate can leave behind.
    for (const e of ['Verwijzing', 'VerwijzingGebeurtenis', 'Plaatsing', 'PlaatsingGebeurtenis', 'Ontwikkeldoel', 'Begeleidingsnotitie', 'Nazorgmoment', 'NazorgmomentVerwijzer', 'Escalatie', 'Notificatie', 'Verwerking', 'Zoekprofiel', 'VerwijzingPlaatsing'])
      expect(entiteiten, e).toContain(e);
  });

  it('inzage: één document met alles over de kandidaat, voor de eigen gemeente en een coördinator; niets van een ander', async () => {
    const r = await call('GET', `/v1/verwijzingen/${a.verwijzing.id}/inzage`, { headers: amsterdam });
    const inzage = ok(r);
    expect(r.logOps).toEqual(['PutItem']);
    const tekst = JSON.stringify(inzage);
    for (const w of a.waarden) expect(tekst, w).toContain(w);
    for (const w of b.waarden) expect(tekst, w).not.toContain(w);
    expect(inzage.verwijzing).toMatchObject({ id: a.verwijzing.id, kandidaat: { naam: a.waarden[0] } });
    expect(inzage.gebeurtenissen.map((g: { soort: string }) => g.soort)).toEqual(expect.arrayContaining(['ingediend', 'toestemmingGegeven', 'bemiddelbaarVerklaard', 'geplaatst']));
    expect(inzage.plaatsingen.map((p: { plaatsing: Plaatsing }) => p.plaatsing.id).sort()).toEqual([...a.plaatsingIds].sort());
    const gestart = inzage.plaatsingen.find((p: { plaatsing: Plaatsing }) => p.plaatsing.id === a.plaatsingIds[1]);
    expect(gestart.ontwikkeldoelen).toHaveLength(1);
    expect(gestart.begeleidingsnotities).toHaveLength(1);
    expect(gestart.nazorgmomenten.length).toBeGreaterThan(3);
    expect(gestart.escalaties.length).toBeGreaterThan(0);
    expect(gestart.notificaties.length).toBeGreaterThan(0);
    expect(inzage.verwerkingen.map((v: { verwerkingsactiviteit: string }) => v.verwerkingsactiviteit)).toEqual(expect.arrayContaining(['verwijzingIndienen', 'plaatsingVoorstellen', 'matchesZoeken']));
    // Not a key attribute in sight: the document is the data, not the table.
    expect(tekst).not.toMatch(/"(pk|sk|gsi[1-4](pk|sk)|entiteit)"/);
    ok(await call('GET', `/v1/verwijzingen/${a.verwijzing.id}/inzage`, { headers: admin }));
    expectProblem(await call('GET', `/v1/verwijzingen/${a.verwijzing.id}/inzage`, { headers: rotterdam }), 404);
    expectProblem(await call('GET', `/v1/verwijzingen/${a.verwijzing.id}/inzage`, { headers: lid.headers }), 403);
    expectProblem(await call('GET', `/v1/verwijzingen/${a.verwijzing.id}/inzage`, { headers: coach.headers }), 403);
    expectProblem(await call('GET', `/v1/verwijzingen/${ulid()}/inzage`, { headers: admin }), 404);
  });

  it('verwijdering kan pas als niets meer loopt (409) en wordt dan niet begonnen; een ander ziet niets (404), werkgever en jobcoach mogen niet (403)', async () => {
    const voor = await scan();
    const lopend = await call('POST', `/v1/verwijzingen/${open.verwijzing.id}/verwijderverzoek`, { headers: amsterdam });
    expectProblem(lopend, 409);
    expect(lopend.body.detail).toContain(open.plaatsingIds[1]);
    const inMatching = await call('POST', `/v1/verwijzingen/${bemiddelbaar.id}/verwijderverzoek`, { headers: admin });
    expectProblem(inMatching, 409);
    expect(inMatching.body.detail).toContain('bemiddelbaar');
    expectProblem(await call('POST', `/v1/verwijzingen/${a.verwijzing.id}/verwijderverzoek`, { headers: rotterdam }), 404);
    expectProblem(await call('POST', `/v1/verwijzingen/${a.verwijzing.id}/verwijderverzoek`, { headers: lid.headers }), 403);
    expectProblem(await call('POST', `/v1/verwijzingen/${a.verwijzing.id}/verwijderverzoek`, { headers: coach.headers }), 403);
    const na = (await scan()).filter((i) => i.entiteit !== 'Verwerking');
    expect(perSleutel(na)).toEqual(perSleutel(voor.filter((i) => i.entiteit !== 'Verwerking')));
  });

  it('verwijdering: geen enkele persoonlijke waarde van A meer in de hele tabel; B onaangeroerd; de anonieme feiten en tellers gelijk', async () => {
    const voor = await scan();
    const aVoor = vanPersoon(voor, a);
    const bVoor = vanPersoon(voor, b);
    // Sanity: the values are there before, so their absence afterwards means something.
    const tekstVoor = JSON.stringify(voor);
    for (const w of [...a.waarden, ...b.waarden]) expect(tekstVoor, w).toContain(w);

    const r = await call('POST', `/v1/verwijzingen/${a.verwijzing.id}/verwijderverzoek`, { headers: amsterdam });
    const verzoek = ok(r);
    expect(verzoek).toMatchObject({ verwijzingId: a.verwijzing.id, gemeente: GM, aanleiding: 'verzoek', door: { rol: 'gemeente' }, status: 'voltooid' });
    expect(verzoek.verwijderd).toBeGreaterThan(3);
    expect(verzoek.geanonimiseerd).toBeGreaterThan(3);
    expect(r.logOps).toEqual(['PutItem']);

    const na = await scan();
    const tekstNa = JSON.stringify(na);
    for (const w of a.waarden) expect(tekstNa, `nog in de tabel: ${w}`).not.toContain(w);
    // The record of the erasure itself holds nothing personal either.
    expect(JSON.stringify(verzoek)).not.toMatch(/Naam|@example|PW-/);

    // B: every item exactly as before.
    expect(perSleutel(vanPersoon(na, b))).toEqual(perSleutel(bVoor));
    for (const w of b.waarden) expect(tekstNa, w).toContain(w);

    // A's anonymous facts: placements keep phase, dates, gemeente, member, place, contract, instruments,
    // durability; moments their answers' numbers and durability; escalations their cause and outcome.
    const aNa = perSleutel(vanPersoon(na, a));
    const feiten = (i: Item) => {
      const { beeindiging, annuleringsreden: _a, afwijzingsreden: _b, risico: _r, afhandeling: _h, reden: _reden, ...rest } = i as Record<string, unknown> & { beeindiging?: Record<string, unknown> };
      const antwoorden = Array.isArray(rest.antwoorden) ? rest.antwoorden.map(({ notitie: _n, ...x }: Record<string, unknown>) => x) : undefined;
      const { toelichting: _t, ...einde } = beeindiging ?? {};
      return { ...rest, ...(beeindiging ? { beeindiging: einde } : {}), ...(antwoorden ? { antwoorden } : {}) };
    };
    for (const item of aVoor.filter((i) => ['Plaatsing', 'PlaatsingGebeurtenis', 'Nazorgmoment', 'Escalatie', 'NazorgmomentVerwijzer'].includes(String(i.entiteit))))
      expect(feiten(aNa[sleutel(item)]!), String(item.entiteit)).toEqual(feiten(item));
    const gestart = aNa[`PLAATSING#${a.plaatsingIds[1]}|PLAATSING`]!;
    expect(gestart).toMatchObject({ fase: 'beeindigd', gemeente: GM, duurzaamheid: { P6M: true }, beeindiging: { einddatum: vandaag(), reden: 'uitstroomRegulierWerk' } });
    // Gone whole: the goals, the notes, the matching profile, the notifications about the person.
    expect(Object.values(aNa).map((i) => i.entiteit)).not.toEqual(expect.arrayContaining(['Ontwikkeldoel']));
    for (const e of ['Ontwikkeldoel', 'Begeleidingsnotitie', 'Zoekprofiel', 'Notificatie', 'Verwijzing']) expect(Object.values(aNa).some((i) => i.entiteit === e), e).toBe(false);
    // The referral is replaced by what the figures need.
    expect(aNa[`VERWIJZING#${a.verwijzing.id}|ANONIEM`]).toMatchObject({ gemeente: GM, doelgroep: 'banenafspraak', status: 'geplaatst', aantalPlaatsingen: 1, aangemaaktOp: a.verwijzing.aangemaaktOp });
    // Counters elsewhere: the places' occupancy and the gemeente's placements list are what they were.
    for (const id of a.werkplekIds) {
      const [w0, w1] = [voor, na].map((t) => t.find((i) => i.pk === `WERKPLEK#${id}` && i.sk === 'WERKPLEK'));
      expect(w1).toEqual(w0);
    }
    const lijst = ok(await call('GET', `/v1/plaatsingen?gemeente=${GM}&verwijzingId=${a.verwijzing.id}&pageSize=100`, { headers: admin }));
    expect(lijst.plaatsingen.map((p: Plaatsing) => [p.id, p.fase]).sort()).toEqual([
      [a.plaatsingIds[0], 'afgewezen'],
      [a.plaatsingIds[1], 'beeindigd'],
    ].sort());

    // Through the API the person no longer exists; the employer's placement shows no free text.
    expectProblem(await call('GET', `/v1/verwijzingen/${a.verwijzing.id}`, { headers: amsterdam }), 404);
    expectProblem(await call('GET', `/v1/verwijzingen/${a.verwijzing.id}/inzage`, { headers: amsterdam }), 404);
    const bijWerkgever = ok(await call('GET', `/v1/plaatsingen/${a.plaatsingIds[1]}`, { headers: lid.headers }));
    expect(bijWerkgever.beeindiging).toEqual({ einddatum: vandaag(), reden: 'uitstroomRegulierWerk' });
  });

  it('opnieuw indienen geeft hetzelfde verantwoordingsstuk en verandert niets (idempotent)', async () => {
    const voor = (await scan()).filter((i) => i.entiteit !== 'Verwerking');
    const eerste = ok(await call('POST', `/v1/verwijzingen/${a.verwijzing.id}/verwijderverzoek`, { headers: admin }));
    const tweede = ok(await call('POST', `/v1/verwijzingen/${a.verwijzing.id}/verwijderverzoek`, { headers: amsterdam }));
    expect(tweede).toEqual(eerste);
    expect(eerste.door.rol).toBe('gemeente');
    expect(perSleutel((await scan()).filter((i) => i.entiteit !== 'Verwerking'))).toEqual(perSleutel(voor));
    expectProblem(await call('POST', `/v1/verwijzingen/${a.verwijzing.id}/verwijderverzoek`, { headers: rotterdam }), 404);
  });

  it('het logboek over A blijft (gepseudonimiseerd) en toont de inzage en de verwijdering', async () => {
    const r = ok(await call('GET', `/v1/verwerkingen?betrokkene=${a.verwijzing.id}&pageSize=100`, { headers: admin }));
    const activiteiten = r.verwerkingen.map((v: { verwerkingsactiviteit: string }) => v.verwerkingsactiviteit);
    expect(activiteiten).toEqual(expect.arrayContaining(['verwijzingIndienen', 'inzageverzoekUitvoeren', 'verwijderverzoekUitvoeren']));
    expect(JSON.stringify(r)).not.toContain(a.verwijzing.id);
  });

  it('een verwijdering die halverwege stopt, gaat bij het volgende verzoek verder waar zij was, met hetzelfde verantwoordingsstuk', async () => {
    // Imported here, after the runtime set the environment: the logger reads its level when first loaded.
    const { pseudonimiseerder } = await import('../../shared/privacy/pseudoniem');
    const { dynamoPrivacyStore } = await import('../../shared/store/privacy-store');
    const { dynamoVerwijzingenStore } = await import('../../shared/store/verwijzingen-store');
    const { privacyUseCases } = await import('../../shared/use-cases/privacy');
    const echt = dynamoPrivacyStore();
    let paginas = 0;
    // A crash after the first page: the second page's transaction never happens.
    const crasht = privacyUseCases({
      store: { ...echt, verwerk: async (v, p) => (++paginas === 2 ? Promise.reject(new Error('proces gestopt')) : echt.verwerk(v, p)) },
      verwijzing: (id) => dynamoVerwijzingenStore().haal(id),
      pseudonimiseerder,
      perPagina: 3,
    });
    await expect(crasht.verwijderen({ rol: 'coopAdmin', subject: 'coordinator' }, b.verwijzing.id)).rejects.toThrow('proces gestopt');
    const half = await scan();
    const record = half.find((i) => i.pk === `VERWIJZING#${b.verwijzing.id}` && i.sk === 'VERWIJDERVERZOEK')!;
    expect(record).toMatchObject({ status: 'bezig', door: { rol: 'coopAdmin' } });
    expect(Number(record.verwijderd) + Number(record.geanonimiseerd)).toBe(3);
    // The referral is still there, and so is much of the rest: the erasure is visibly unfinished.
    ok(await call('GET', `/v1/verwijzingen/${b.verwijzing.id}`, { headers: amsterdam }));
    expect(b.waarden.some((w) => JSON.stringify(half).includes(w))).toBe(true);

    const klaar = ok(await call('POST', `/v1/verwijzingen/${b.verwijzing.id}/verwijderverzoek`, { headers: amsterdam }));
    expect(klaar).toMatchObject({ id: record.id, status: 'voltooid', door: { rol: 'coopAdmin' } });
    const na = JSON.stringify(await scan());
    for (const w of b.waarden) expect(na, `nog in de tabel: ${w}`).not.toContain(w);
    // Counted once per item, whichever run did it: the same totals as A's uninterrupted erasure.
    const aVerzoek = ok(await call('POST', `/v1/verwijzingen/${a.verwijzing.id}/verwijderverzoek`, { headers: admin }));
    expect([klaar.verwijderd, klaar.geanonimiseerd]).toEqual([aVerzoek.verwijderd, aVerzoek.geanonimiseerd]);
  });
});
