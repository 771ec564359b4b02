import { ulid } from 'ulidx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { verwerkNazorgmoment } from '../../functions/consumers/nazorgmoment-versturen';
import type { Verwerking } from '../../shared/schemas/verwerkingen';
import { dynamo } from '../../shared/store/dynamodb';
import { escalatieItems } from '../../shared/store/nazorg-store';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { naTermijn, plusDagen } from '../../shared/domain/nazorg';
import type { Escalatie, Nazorgmoment } from '../../shared/schemas/nazorg';
import type { Plaatsing } from '../../shared/schemas/plaatsingen';
import { contract } from '../domain/plaatsingen-fixtures';
import { apiClient, ok, expectProblem, namen, nieuwAdres, type Kop } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';

let rt: LocalRuntime;
let admin: Kop;
let gemeenteA: Kop;
let gemeenteB: Kop;
const A = 'GM0363';
const B = 'GM0599';

const { call } = apiClient(() => rt);

const vandaag = () => new Date().toISOString().slice(0, 10);
const maandenGeleden = (n: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  rt = await startTestRuntime();
  admin = await authorization(rt, 'coopAdmin');
  gemeenteA = await authorization(rt, 'gemeente', A);
  gemeenteB = await authorization(rt, 'gemeente', B);
  for (const [code, naam, regio, instellingen] of [
    [A, 'Amsterdam', 'Groot Amsterdam', undefined],
    [B, 'Rotterdam', 'Rijnmond', { nazorgMomenten: ['P2W', 'P6M'], duurzaamheidsChecks: ['P6M'], reactietermijnDagen: 5 }],
  ] as const)
    ok(
      await call('POST', '/v1/gemeenten', {
        headers: admin,
        body: { code, naam, arbeidsmarktregio: regio, contactpersoon: { naam: 'Werkgeversservicepunt', email: `wsp@${naam.toLowerCase()}.nl` }, ...(instellingen ? { instellingen } : {}) },
      }),
      201,
    );
});
afterAll(() => rt?.stop());

let kvkTeller = 10_000_000 + Math.floor(Math.random() * 80_000_000);
const actiefLid = async () => {
  const lid = ok(
    await call('POST', '/v1/leden', {
      vanAdres: nieuwAdres(),
      body: {
        kvkNummer: String(++kvkTeller),
        naam: 'Hoveniersbedrijf Het Hout',
        sectoren: ['groen'],
        werksoorten: ['groen'],
        contactpersoon: { naam: 'Sanne de Vries', email: 'sanne@hethout.nl' },
        toezeggingen: { reguliereBanen: 1, participatieplaatsen: 2, beschutWerkplekken: 0, banenafspraakBanen: 1 },
      },
    }),
    201,
  );
  ok(await call('POST', `/v1/leden/${lid.id}/goedkeuring`, { headers: admin }));
  return { id: lid.id as string, headers: await authorization(rt, 'werkgever', lid.id) };
};
const regiopartner = async (email = 'lotte@jobcoachamstel.nl') => {
  const p = ok(
    await call('POST', '/v1/regiopartners', {
      headers: admin,
      body: { naam: 'Jobcoach Amstel', kvkNummer: '34123456', soort: 'jobcoachOrganisatie', arbeidsmarktregios: ['Groot Amsterdam'], contactpersoon: { naam: 'Lotte Visser', email } },
    }),
    201,
  );
  return { id: p.id as string, headers: await authorization(rt, 'regiopartner', p.id) };
};

/** A placement of gemeente `gemeente`'s candidate at a new member's place, in kennismaking since `datum`. */
const inKennismaking = async (opties: { datum: string; gemeente?: Kop }) => {
  const lid = await actiefLid();
  const werkplek = ok(
    await call('POST', '/v1/werkplekken', {
      headers: lid.headers,
      body: {
        titel: 'Medewerker groenonderhoud',
        soort: 'participatieplaats',
        werksoort: 'groen',
        uren: { minimum: 16, maximum: 32 },
        locatie: { postcodegebied: '1102', gemeente: A },
        aantalPlaatsen: 2,
        eisen: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', taalniveau: 'A2', rijbewijs: false },
        werkaanpassingen: ['vasteStructuur'],
        begeleiding: { eigenJobcoach: false, buddy: true },
        teltVoorBanenafspraak: true,
      },
    }),
    201,
  );
  const v = ok(
    await call('POST', '/v1/verwijzingen', {
      headers: opties.gemeente ?? gemeenteA,
      body: {
        dossierkenmerk: `PW-2026-${Math.floor(Math.random() * 99999)}`,
        doelgroep: 'participatiewet',
        kandidaat: { naam: 'Jan de Boer', email: 'jan@example.nl' },
        mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', zelfstandigheid: 'deelsZelfstandig', taalniveau: 'B1', rijbewijs: false },
        werkaanpassingen: ['vasteStructuur'],
        uren: { minimum: 16, maximum: 24 },
        mobiliteit: { reisafstandKm: 10, vervoer: ['fiets', 'ov'] },
        postcodegebied: '1102',
        werksoortVoorkeuren: ['groen'],
        beschikbaarVanaf: '2026-01-01',
        toestemmingProfielDelen: true,
      },
    }),
    201,
  );
  ok(await call('POST', `/v1/verwijzingen/${v.id}/intake`, { headers: admin }));
  ok(await call('POST', `/v1/verwijzingen/${v.id}/bemiddelbaarverklaring`, { headers: admin }));
  const plaatsing: Plaatsing = ok(await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: v.id, werkplekId: werkplek.id } }), 201);
  const pad = `/v1/plaatsingen/${plaatsing.id}`;
  ok(await call('POST', `${pad}/kennismaking`, { headers: lid.headers, body: { datum: opties.datum } }));
  return { lid, pad };
};
/** A placement of gemeente `gemeente`'s candidate at a new member's place, started on `start`. */
const gestart = async (opties: { start?: string; einde?: string; gemeente?: Kop } = {}) => {
  const start = opties.start ?? maandenGeleden(7);
  const { lid, pad } = await inKennismaking({ datum: start, ...(opties.gemeente ? { gemeente: opties.gemeente } : {}) });
  const s = await call('POST', `${pad}/start`, { headers: lid.headers, body: contract({ startdatum: start, einddatum: opties.einde ?? naTermijn(start, 'P18M') }) });
  ok(s);
  return { lid, plaatsing: s.body as Plaatsing, pad, start, startOps: s.ops };
};
const momenten = async (pad: string, headers: Kop = admin): Promise<Nazorgmoment[]> => ok(await call('GET', `${pad}/nazorgmomenten`, { headers })).nazorgmomenten;
const goed = { nogInDienst: true, gewerkteUrenPerWeek: 24, verzuimdagenInPeriode: 0, hoeGaatHet: 4, ondersteuningNodig: false, risicos: [] };

describe('het plan bij de start', () => {
  it('een start 7 maanden geleden plant de momenten op hun eigen data, in de transactie van de start (1 GetItem meer)', async () => {
    const { pad, start, startOps, plaatsing } = await gestart();
    expect(startOps).toEqual(['GetItem', 'BatchGetItem', 'GetItem', 'TransactWriteItems']);
    const r = await call('GET', `${pad}/nazorgmomenten`, { headers: admin });
    expect(r.ops).toEqual(['Query']);
    const einde = naTermijn(start, 'P18M');
    expect(ok(r).nazorgmomenten.map((m: Nazorgmoment) => `${m.soort} ${m.termijn ?? '-'} ${m.vervaldatum} ${m.status}`)).toEqual([
      `regulier P1W ${naTermijn(start, 'P1W')} gepland`,
      `regulier P4W ${naTermijn(start, 'P4W')} gepland`,
      `regulier P3M ${naTermijn(start, 'P3M')} gepland`,
      `duurzaamheidscheck P6M ${naTermijn(start, 'P6M')} gepland`,
      `regulier P9M ${naTermijn(start, 'P9M')} gepland`,
      `duurzaamheidscheck P12M ${naTermijn(start, 'P12M')} gepland`,
      `eindeContract - ${plusDagen(einde, -28)} gepland`,
    ]);
    expect(r.body.nazorgmomenten.every((m: Nazorgmoment) => m.plaatsingId === plaatsing.id && m.reactietermijnDagen === 14 && m.gemeente === A)).toBe(true);
  });

  it('de instellingen van de gemeente gelden: een andere cadans en reactietermijn', async () => {
    const { pad, start } = await gestart({ gemeente: gemeenteB, start: maandenGeleden(1) });
    expect((await momenten(pad)).map((m) => `${m.soort} ${m.vervaldatum} ${m.reactietermijnDagen}`)).toEqual([
      `regulier ${naTermijn(start, 'P2W')} 5`,
      `duurzaamheidscheck ${naTermijn(start, 'P6M')} 5`,
      `eindeContract ${plusDagen(naTermijn(start, 'P18M'), -28)} 5`,
    ]);
  });

  it('een instrument met eigen termijnen op een gestarte plaatsing plant die in zijn transactie', async () => {
    const { pad, start } = await gestart({ start: maandenGeleden(1) });
    const r = await call('POST', `${pad}/instrumenten`, { headers: gemeenteA, body: { soort: 'loonkostensubsidie', startdatum: start, forfaitairTot: naTermijn(start, 'P6M') } });
    ok(r);
    expect(r.ops).toEqual(['GetItem', 'GetItem', 'TransactWriteItems']);
    const lks = (await momenten(pad)).filter((m) => m.instrumentId);
    expect(lks.map((m) => `${m.soort} ${m.vervaldatum}`)).toEqual([`eindeForfaitaireLks ${naTermijn(start, 'P6M')}`, `herbeoordelingLks ${naTermijn(start, 'P12M')}`]);
  });
});

describe('een loonkostensubsidie met gemeten loonwaarde', () => {
  it('plant geen einde van de forfaitaire periode: forfaitairTot is niet nodig, en een meegegeven datum wordt niet geweigerd (ook na zes maanden) en niet gepland', async () => {
    const { pad, start } = await gestart({ start: maandenGeleden(1) });
    const zonder = await call('POST', `${pad}/instrumenten`, { headers: gemeenteA, body: { soort: 'loonkostensubsidie', startdatum: start } });
    expectProblem(zonder, 400);
    expect(namen(zonder)).toEqual(['body.forfaitairTot']);
    ok(await call('POST', `${pad}/instrumenten`, { headers: gemeenteA, body: { soort: 'loonkostensubsidie', startdatum: start, loonwaardePercentage: 60 } }));
    const metDatum = await call('POST', `${pad}/instrumenten`, {
      headers: gemeenteA,
      body: { soort: 'loonkostensubsidie', startdatum: start, forfaitairTot: naTermijn(start, 'P9M'), loonwaardePercentage: 60 },
    });
    expect(ok(metDatum).termijnen.filter((t: { soort: string }) => t.soort !== 'eindeContract').map((t: { soort: string }) => t.soort)).toEqual(['herbeoordelingLks']);
    const lks = (await momenten(pad)).filter((m) => m.instrumentId && m.status === 'gepland');
    expect(lks.map((m) => `${m.soort} ${m.vervaldatum}`)).toEqual([`herbeoordelingLks ${naTermijn(start, 'P12M')}`]);
  });
});

describe('de proefplaatsing en vervangen instrumenten: in de transactie van de wijziging zelf', () => {
  const kort = (m: Nazorgmoment) => `${m.soort} ${m.vervaldatum} ${m.status}`;

  it('de proefplaatsing plant haar einde (1 GetItem meer); de start erna annuleert het (1 Query meer) en plant de rest', async () => {
    const { lid, pad } = await inKennismaking({ datum: plusDagen(vandaag(), -10) });
    const einde = plusDagen(vandaag(), 40);
    const p = await call('POST', `${pad}/proefplaatsing`, { headers: lid.headers, body: { startdatum: plusDagen(vandaag(), -7), einddatum: einde } });
    const trial = ok(p) as Plaatsing;
    expect(p.ops).toEqual(['GetItem', 'GetItem', 'TransactWriteItems']);
    const [eind] = await momenten(pad);
    expect((await momenten(pad)).map(kort)).toEqual([`eindeProefplaatsing ${einde} gepland`]);
    expect(eind!.instrumentId).toBe(trial.instrumenten.find((i) => i.invoer.soort === 'proefplaatsing')!.id);
    // During the trial the coordinator can move it, after the trial's start.
    const verplaatst = await call('PATCH', `/v1/nazorgmomenten/${eind!.id}`, { headers: { ...admin, 'if-match': '"1"' }, body: { vervaldatum: plusDagen(einde, -2) } });
    expect(ok(verplaatst)).toMatchObject({ vervaldatum: plusDagen(einde, -2), versie: 2 });

    const start = vandaag();
    const s = await call('POST', `${pad}/start`, { headers: lid.headers, body: contract({ startdatum: start, einddatum: naTermijn(start, 'P18M') }) });
    ok(s);
    expect(s.ops).toEqual(['GetItem', 'BatchGetItem', 'GetItem', 'Query', 'TransactWriteItems']);
    const na = await momenten(pad);
    expect(na.filter((m) => m.soort === 'eindeProefplaatsing').map(kort)).toEqual([`eindeProefplaatsing ${plusDagen(einde, -2)} geannuleerd`]);
    expect(na.filter((m) => m.status === 'gepland').map((m) => m.termijn ?? m.soort)).toEqual(['P1W', 'P4W', 'P3M', 'P6M', 'P9M', 'P12M', 'eindeContract']);
  });

  it('afgewezen tijdens de proefplaatsing: haar einde vervalt in de transactie van de afwijzing', async () => {
    const { lid, pad } = await inKennismaking({ datum: plusDagen(vandaag(), -10) });
    ok(await call('POST', `${pad}/proefplaatsing`, { headers: lid.headers, body: { startdatum: plusDagen(vandaag(), -7), einddatum: plusDagen(vandaag(), 30) } }));
    const a = await call('POST', `${pad}/afwijzing`, { headers: lid.headers, body: { reden: 'Geen klik met het team' } });
    expect(ok(a).fase).toBe('afgewezen');
    expect(a.ops).toEqual(['GetItem', 'Query', 'TransactWriteItems']);
    expect((await momenten(pad)).map(kort)).toEqual([`eindeProefplaatsing ${plusDagen(vandaag(), 30)} geannuleerd`]);
  });

  it('de jaarlijkse heraanvraag van de loonkostensubsidie vervangt de vorige: haar geplande momenten vervallen, die van de nieuwe komen — samen of helemaal niet', async () => {
    const { pad, start } = await gestart({ start: maandenGeleden(1) });
    ok(await call('POST', `${pad}/instrumenten`, { headers: gemeenteA, body: { soort: 'loonkostensubsidie', startdatum: start, forfaitairTot: naTermijn(start, 'P6M') } }));
    const oud = (await momenten(pad)).filter((m) => m.instrumentId);
    expect(oud.map(kort)).toEqual([`eindeForfaitaireLks ${naTermijn(start, 'P6M')} gepland`, `herbeoordelingLks ${naTermijn(start, 'P12M')} gepland`]);
    const pl = ok(await call('GET', pad, { headers: admin })) as Plaatsing;

    // A stale If-Match: the replacement is refused and no moment changes.
    const tweede = { soort: 'loonkostensubsidie', startdatum: plusDagen(start, 14), forfaitairTot: naTermijn(plusDagen(start, 14), 'P3M') };
    expectProblem(await call('POST', `${pad}/instrumenten`, { headers: { ...gemeenteA, 'if-match': `"${pl.versie - 1}"` }, body: tweede }), 412);
    expect((await momenten(pad)).filter((m) => m.instrumentId).map(kort)).toEqual(oud.map(kort));

    const r = await call('POST', `${pad}/instrumenten`, { headers: { ...gemeenteA, 'if-match': `"${pl.versie}"` }, body: tweede });
    const na = ok(r) as Plaatsing;
    expect(r.ops).toEqual(['GetItem', 'GetItem', 'Query', 'TransactWriteItems']);
    const nieuwId = na.instrumenten.find((i) => i.status === 'actief' && i.invoer.soort === 'loonkostensubsidie')!.id;
    const lijst = (await momenten(pad)).filter((m) => m.instrumentId);
    expect(lijst.filter((m) => m.instrumentId === oud[0]!.instrumentId).map((m) => m.status)).toEqual(['geannuleerd', 'geannuleerd']);
    expect(lijst.filter((m) => m.instrumentId === nieuwId).map(kort)).toEqual([
      `eindeForfaitaireLks ${naTermijn(plusDagen(start, 14), 'P3M')} gepland`,
      `herbeoordelingLks ${naTermijn(plusDagen(start, 14), 'P12M')} gepland`,
    ]);
    // A jobcoach has no deadline: it neither reads nor writes follow-ups.
    const j = await call('POST', `${pad}/instrumenten`, { headers: gemeenteA, body: { soort: 'jobcoach', startdatum: start, urenPerMaand: 8, organisatie: 'Jobcoach Amstel' } });
    ok(j);
    expect(j.ops).toEqual(['GetItem', 'TransactWriteItems']);
  });
});

describe('zichtbaarheid: die van de plaatsing', () => {
  it('lid X ja, lid Y nee; gemeente A ja, B nee; de toegewezen jobcoach ja, een andere nee — lijst en moment, 404 zonder onderscheid', async () => {
    const { lid, pad } = await gestart();
    const coach = await regiopartner();
    const ander = await regiopartner();
    ok(await call('POST', `${pad}/jobcoach`, { headers: admin, body: { partnerId: coach.id } }));
    const lidY = await actiefLid();
    const [eerste] = await momenten(pad);
    const mPad = `/v1/nazorgmomenten/${eerste!.id}`;
    for (const headers of [admin, lid.headers, gemeenteA, coach.headers]) {
      expect((await momenten(pad, headers)).length).toBeGreaterThan(0);
      const r = await call('GET', mPad, { headers });
      expect(ok(r)).toMatchObject({ id: eerste!.id, status: 'gepland' });
      expect(r.ops).toEqual(['GetItem', 'BatchGetItem']);
      // Version 2: the assignment after the start gave the planned moment its jobcoach organisation.
      expect(r.headers.get('etag')).toBe('"2"');
    }
    for (const headers of [lidY.headers, gemeenteB, ander.headers]) {
      expectProblem(await call('GET', `${pad}/nazorgmomenten`, { headers }), 404);
      expectProblem(await call('GET', mPad, { headers }), 404);
      expectProblem(await call('POST', `${mPad}/antwoorden`, { headers, body: goed }), headers === gemeenteB ? 403 : 404);
    }
    const onbekend = await call('GET', `/v1/nazorgmomenten/${ulid()}`, { headers: admin });
    expectProblem(onbekend, 404);
    expect(onbekend.ops).toEqual(['GetItem']);
    expectProblem(await call('GET', `/v1/plaatsingen/${ulid()}/nazorgmomenten`, { headers: admin }), 404);
    expectProblem(await call('GET', '/v1/nazorgmomenten/niet-een-ulid', { headers: admin }), 400);
  });
});

describe('een coördinator voegt toe en verplaatst', () => {
  it('toevoegen: 201 met Location en ETag, 1 Query en 1 transactie; dubbel 409, voor de start 422, niet-coördinator 403', async () => {
    const { lid, pad, start } = await gestart({ start: maandenGeleden(1) });
    const datum = plusDagen(start, 45);
    const r = await call('POST', `${pad}/nazorgmomenten`, { headers: admin, body: { vervaldatum: datum, soort: 'regulier' } });
    expect(ok(r, 201)).toMatchObject({ soort: 'regulier', vervaldatum: datum, status: 'gepland', versie: 1 });
    expect(r.ops).toEqual(['Query', 'TransactWriteItems']);
    expect(r.headers.get('location')).toBe(`/v1/nazorgmomenten/${r.body.id}`);
    expect(r.headers.get('etag')).toBe('"1"');
    expectProblem(await call('POST', `${pad}/nazorgmomenten`, { headers: admin, body: { vervaldatum: datum, soort: 'regulier' } }), 409);
    expectProblem(await call('POST', `${pad}/nazorgmomenten`, { headers: admin, body: { vervaldatum: start, soort: 'regulier' } }), 422);
    expectProblem(await call('POST', `${pad}/nazorgmomenten`, { headers: lid.headers, body: { vervaldatum: plusDagen(start, 46), soort: 'regulier' } }), 403);
    expectProblem(await call('POST', `${pad}/nazorgmomenten`, { headers: admin, body: { vervaldatum: datum, soort: 'exitcheck' } }), 400);
    expect((await momenten(pad)).filter((m) => m.vervaldatum === datum)).toHaveLength(1);
  });

  it('verplaatsen: If-Match verplicht (428), verouderd 412; Delete + Put + verwijzer in één transactie; alleen gepland', async () => {
    const { lid, pad, start } = await gestart({ start: maandenGeleden(1) });
    const m = (await momenten(pad)).find((x) => x.termijn === 'P3M')!;
    const mPad = `/v1/nazorgmomenten/${m.id}`;
    const nieuw = plusDagen(m.vervaldatum, 3);
    expectProblem(await call('PATCH', mPad, { headers: admin, body: { vervaldatum: nieuw } }), 428);
    expectProblem(await call('PATCH', mPad, { headers: { ...admin, 'if-match': '"7"' }, body: { vervaldatum: nieuw } }), 412);
    expectProblem(await call('PATCH', mPad, { headers: { ...lid.headers, 'if-match': '"1"' }, body: { vervaldatum: nieuw } }), 403);
    expectProblem(await call('PATCH', mPad, { headers: { ...admin, 'if-match': '"1"' }, body: { vervaldatum: start } }), 422);
    const r = await call('PATCH', mPad, { headers: { ...admin, 'if-match': '"1"' }, body: { vervaldatum: nieuw } });
    expect(ok(r)).toMatchObject({ id: m.id, vervaldatum: nieuw, versie: 2 });
    expect(r.ops).toEqual(['GetItem', 'BatchGetItem', 'Query', 'TransactWriteItems']);
    expect(ok(await call('GET', mPad, { headers: lid.headers }))).toMatchObject({ vervaldatum: nieuw, versie: 2 });
    const lijst = await momenten(pad);
    expect(lijst.filter((x) => x.id === m.id).map((x) => x.vervaldatum)).toEqual([nieuw]);
    // A moment answered is no longer planned: it cannot move.
    const p1w = lijst.find((x) => x.termijn === 'P1W')!;
    ok(await call('POST', `/v1/nazorgmomenten/${p1w.id}/antwoorden`, { headers: lid.headers, body: goed }));
    expectProblem(await call('PATCH', `/v1/nazorgmomenten/${p1w.id}`, { headers: { ...admin, 'if-match': '"2"' }, body: { vervaldatum: nieuw } }), 409);
  });
});

describe('antwoorden, risico, escalatie en duurzaamheid', () => {
  it('het lid antwoordt een moment dat aan de beurt is (1 GetItem, 1 BatchGetItem, 1 transactie); een tweede antwoord 409; een toekomstig 409', async () => {
    const { lid, pad } = await gestart();
    const lijst = await momenten(pad);
    const p1w = lijst.find((m) => m.termijn === 'P1W')!;
    const r = await call('POST', `/v1/nazorgmomenten/${p1w.id}/antwoorden`, { headers: lid.headers, body: { ...goed, notitie: 'Gaat prima' } });
    expect(ok(r)).toMatchObject({ status: 'beantwoord', versie: 2, antwoorden: [{ nogInDienst: true, notitie: 'Gaat prima', door: { rol: 'werkgever' } }], risico: { niveau: 'laag', redenen: [] } });
    expect(r.ops).toEqual(['GetItem', 'BatchGetItem', 'TransactWriteItems']);
    expect(r.headers.get('etag')).toBe('"2"');
    expectProblem(await call('POST', `/v1/nazorgmomenten/${p1w.id}/antwoorden`, { headers: lid.headers, body: goed }), 409);
    const toekomst = lijst.find((m) => m.vervaldatum > vandaag())!;
    expectProblem(await call('POST', `/v1/nazorgmomenten/${toekomst.id}/antwoorden`, { headers: lid.headers, body: goed }), 409);
    expectProblem(await call('POST', `/v1/nazorgmomenten/${toekomst.id}/antwoorden`, { headers: lid.headers, body: { ...goed, hoeGaatHet: 9, risicos: ['medisch'] } }), 400);
    expectProblem(await call('POST', `/v1/nazorgmomenten/${toekomst.id}/antwoorden`, { headers: admin, body: goed }), 403);
    const pl = ok(await call('GET', pad, { headers: lid.headers }));
    expect(pl).toMatchObject({ risico: { niveau: 'laag', nazorgmomentId: p1w.id } });
    const g = ok(await call('GET', `${pad}/gebeurtenissen`, { headers: admin }));
    expect(g.gebeurtenissen.at(-1)).toMatchObject({ soort: 'nazorgBeantwoord', onderwerpId: p1w.id, versie: pl.versie });
  });

  it('een hoog signaal: de plaatsing toont het met de redenen, een escalatie voor de coördinatoren en een bericht aan de gemeente in dezelfde transactie', async () => {
    const { lid, pad, plaatsing } = await gestart();
    const coach = await regiopartner();
    ok(await call('POST', `${pad}/jobcoach`, { headers: admin, body: { partnerId: coach.id } }));
    const p4w = (await momenten(pad)).find((m) => m.termijn === 'P4W')!;
    const r = await call('POST', `/v1/nazorgmomenten/${p4w.id}/antwoorden`, {
      headers: coach.headers,
      body: { ...goed, verzuimdagenInPeriode: 12, risicos: ['conflict', 'schulden'], ondersteuningNodig: true },
    });
    expect(ok(r).risico).toMatchObject({ niveau: 'hoog' });
    expect(r.body.risico.redenen.map((x: { regel: string }) => x.regel)).toEqual(['verzuim', 'meerdereRisicos', 'ondersteuningNodig']);
    expect(ok(await call('GET', `${pad}/nazorgmomenten`, { headers: lid.headers })).risico).toMatchObject({ niveau: 'hoog', nazorgmomentId: p4w.id });

    const e = await call('GET', '/v1/escalaties?status=open&pageSize=100', { headers: admin });
    expect(e.ops).toEqual(['Query']);
    const mijn = ok(e).escalaties.filter((x: { plaatsingId: string }) => x.plaatsingId === plaatsing.id);
    expect(mijn).toEqual([expect.objectContaining({ aanleiding: 'hoogRisico', nazorgmomentId: p4w.id, gemeente: A, status: 'open' })]);
    // The gemeente's contact hears of it through outbox, stream, queue and consumer: once, naming the placement, not the person.
    await rt.settle();
    const mails = rt.mail.list().map((m) => m.mail as { aan: { email: string }; onderwerp: string; tekst: string });
    const aanGemeente = mails.filter((m) => m.aan.email === 'wsp@amsterdam.nl' && m.tekst.includes(plaatsing.id));
    expect(aanGemeente).toHaveLength(1);
    expect(aanGemeente[0]!.tekst).not.toContain('Jan de Boer');
    expectProblem(await call('GET', '/v1/escalaties', { headers: gemeenteA }), 403);
    expectProblem(await call('GET', '/v1/escalaties', { headers: lid.headers }), 403);
    expectProblem(await call('GET', '/v1/escalaties?status=dicht', { headers: admin }), 400);
    expectProblem(await call('GET', '/v1/escalaties?cursor=bla', { headers: admin }), 400);
  });

  it('duurzaamheidschecks leggen vast of de kandidaat nog werkt — hier of elders — op moment en plaatsing', async () => {
    const { lid, pad } = await gestart({ start: maandenGeleden(13) });
    const lijst = await momenten(pad);
    const p6m = lijst.find((m) => m.termijn === 'P6M')!;
    const p12m = lijst.find((m) => m.termijn === 'P12M')!;
    expect(ok(await call('POST', `/v1/nazorgmomenten/${p6m.id}/antwoorden`, { headers: lid.headers, body: goed }))).toMatchObject({ duurzaam: true });
    expect(
      ok(await call('POST', `/v1/nazorgmomenten/${p12m.id}/antwoorden`, { headers: lid.headers, body: { ...goed, nogInDienst: false, werkzaamElders: true, gewerkteUrenPerWeek: 0 } })),
    ).toMatchObject({ duurzaam: true, risico: { niveau: 'midden' } });
    expect(ok(await call('GET', pad, { headers: gemeenteA }))).toMatchObject({ duurzaamheid: { P6M: true, P12M: true } });
  });
});

describe('het einde van de plaatsing', () => {
  it('annuleert de open momenten in de transactie van het einde (1 Query meer) en plant één exitcheck; beantwoorde blijven', async () => {
    const { lid, pad } = await gestart();
    const p1w = (await momenten(pad)).find((m) => m.termijn === 'P1W')!;
    ok(await call('POST', `/v1/nazorgmomenten/${p1w.id}/antwoorden`, { headers: lid.headers, body: goed }));
    const einde = vandaag();
    const e = await call('POST', `${pad}/beeindiging`, { headers: lid.headers, body: { einddatum: einde, reden: 'eigenVerzoek' } });
    expect(ok(e).fase).toBe('beeindigd');
    expect(e.ops).toEqual(['GetItem', 'BatchGetItem', 'Query', 'TransactWriteItems']);
    const lijst = await momenten(pad);
    expect(lijst.filter((m) => m.status === 'beantwoord').map((m) => m.id)).toEqual([p1w.id]);
    expect(lijst.filter((m) => m.status === 'gepland').map((m) => `${m.soort} ${m.vervaldatum}`)).toEqual([`exitcheck ${plusDagen(einde, 28)}`]);
    expect(lijst.filter((m) => m.status === 'geannuleerd')).toHaveLength(lijst.length - 2);
    const geannuleerd = lijst.find((m) => m.status === 'geannuleerd')!;
    expectProblem(await call('POST', `/v1/nazorgmomenten/${geannuleerd.id}/antwoorden`, { headers: lid.headers, body: goed }), 409);
    expectProblem(await call('PATCH', `/v1/nazorgmomenten/${geannuleerd.id}`, { headers: { ...admin, 'if-match': `"${geannuleerd.versie}"` }, body: { vervaldatum: plusDagen(einde, 3) } }), 409);
    expectProblem(await call('POST', `${pad}/nazorgmomenten`, { headers: admin, body: { vervaldatum: plusDagen(einde, 3), soort: 'regulier' } }), 409);
  });
});

describe('escalaties: ophalen en afhandelen door een coördinator', () => {
  /** A started placement whose P4W answer raised a high signal: its open escalation. */
  const metEscalatie = async () => {
    const s = await gestart();
    const p4w = (await momenten(s.pad)).find((m) => m.termijn === 'P4W')!;
    ok(await call('POST', `/v1/nazorgmomenten/${p4w.id}/antwoorden`, { headers: s.lid.headers, body: { ...goed, hoeGaatHet: 1 } }));
    const lijst: Escalatie[] = ok(await call('GET', '/v1/escalaties?status=open&pageSize=100', { headers: admin })).escalaties;
    const e = lijst.find((x) => x.plaatsingId === s.plaatsing.id)!;
    expect(e).toMatchObject({ status: 'open', aanleiding: 'hoogRisico', nazorgmomentId: p4w.id });
    return { ...s, escalatie: e, ePad: `/v1/escalaties/${e.id}` };
  };
  const alle = async (status: 'open' | 'afgehandeld'): Promise<Escalatie[]> => ok(await call('GET', `/v1/escalaties?status=${status}&pageSize=100`, { headers: admin })).escalaties;
  const afhandeling = { afhandeling: 'Werkgever en kandidaat gesproken; jobcoach komt twee uur per week extra.', uitkomst: 'ondersteuningGeregeld' };

  it('ophalen (2 GetItems: de escalatie en de verwijzing van haar plaatsing) en afhandelen (1 transactie: de conditionele Put en de gebeurtenis voor andere systemen); daarna afgehandeld met wie en wanneer', async () => {
    const { escalatie, ePad } = await metEscalatie();
    const g = await call('GET', ePad, { headers: admin });
    expect(ok(g)).toEqual(escalatie);
    expect(g.ops).toEqual(['GetItem', 'GetItem']);

    const r = await call('POST', `${ePad}/afhandelen`, { headers: admin, body: afhandeling });
    const a = ok(r) as Escalatie;
    expect(r.ops).toEqual(['GetItem', 'GetItem', 'TransactWriteItems']);
    expect(a).toMatchObject({ ...escalatie, status: 'afgehandeld', ...afhandeling, afgehandeldDoor: { rol: 'coopAdmin', subject: expect.any(String) } });
    expect(Date.parse(a.afgehandeldOp!)).toBeGreaterThanOrEqual(Date.parse(escalatie.aangemaaktOp));
    expect(ok(await call('GET', ePad, { headers: admin }))).toEqual(a);
    // Without an outcome category it closes too.
    const tweede = await metEscalatie();
    expect(ok(await call('POST', `${tweede.ePad}/afhandelen`, { headers: admin, body: { afhandeling: 'Geen actie nodig na gesprek.' } }))).not.toHaveProperty('uitkomst');
  });

  it('de lijst per status: een afgehandelde verlaat de open lijst en staat in de afgehandelde (de index volgt de status); een cursor van de ene lijst is 400 bij de andere', async () => {
    const een = await metEscalatie();
    const twee = await metEscalatie();
    await metEscalatie(); // two open ones at least, whatever ran before: the open list has a second page
    ok(await call('POST', `${een.ePad}/afhandelen`, { headers: admin, body: afhandeling }));
    const open = (await alle('open')).map((e) => e.id);
    const afgehandeld = await alle('afgehandeld');
    expect(open).toContain(twee.escalatie.id);
    expect(open).not.toContain(een.escalatie.id);
    expect(afgehandeld.filter((e) => e.id === een.escalatie.id)).toEqual([expect.objectContaining({ status: 'afgehandeld', uitkomst: 'ondersteuningGeregeld' })]);
    expect(afgehandeld.every((e) => e.status === 'afgehandeld')).toBe(true);
    expect((await alle('open')).every((e) => e.status === 'open')).toBe(true);

    const pagina = ok(await call('GET', '/v1/escalaties?status=open&pageSize=1', { headers: admin }));
    expect(pagina.volgendePagina).toMatch(/status=open/);
    const cursor = new URL(pagina.volgendePagina, 'http://x').searchParams.get('cursor');
    expect(ok(await call('GET', `/v1/escalaties?status=open&pageSize=1&cursor=${cursor}`, { headers: admin })).escalaties).toHaveLength(1);
    expectProblem(await call('GET', `/v1/escalaties?status=afgehandeld&pageSize=1&cursor=${cursor}`, { headers: admin }), 400);
  });

  it('alleen coördinatoren: de gemeente van de verwijzing, het lid en de jobcoach krijgen 403 zonder één read, en er verandert niets', async () => {
    const { escalatie, ePad, lid, pad } = await metEscalatie();
    const coach = await regiopartner();
    ok(await call('POST', `${pad}/jobcoach`, { headers: admin, body: { partnerId: coach.id } }));
    for (const headers of [gemeenteA, lid.headers, coach.headers]) {
      const g = await call('GET', ePad, { headers });
      expectProblem(g, 403);
      expect(g.ops).toEqual([]);
      const p = await call('POST', `${ePad}/afhandelen`, { headers, body: afhandeling });
      expectProblem(p, 403);
      expect(p.ops).toEqual([]);
    }
    expectProblem(await call('GET', ePad), 401);
    expect(ok(await call('GET', ePad, { headers: admin }))).toEqual(escalatie);
  });

  it('onbekend 404 (1 GetItem), geen ULID 400; ongeldige invoer 400 met alle fouten tegelijk, een BSN ook — en er verandert niets', async () => {
    const { escalatie, ePad } = await metEscalatie();
    const onbekend = await call('GET', `/v1/escalaties/${ulid()}`, { headers: admin });
    expectProblem(onbekend, 404);
    expect(onbekend.ops).toEqual(['GetItem']);
    expectProblem(await call('POST', `/v1/escalaties/${ulid()}/afhandelen`, { headers: admin, body: afhandeling }), 404);
    expectProblem(await call('GET', '/v1/escalaties/niet-een-ulid', { headers: admin }), 400);

    const fout = await call('POST', `${ePad}/afhandelen`, { headers: admin, body: { afhandeling: '   ', uitkomst: 'opgelost', status: 'afgehandeld' } });
    expectProblem(fout, 400);
    expect(namen(fout).sort()).toEqual(['body.afhandeling', 'body.status', 'body.uitkomst']);
    expect(fout.ops).toEqual([]);
    expectProblem(await call('POST', `${ePad}/afhandelen`, { headers: admin, body: { afhandeling: 'Gebeld over BSN 123456782' } }), 400);
    expectProblem(await call('POST', `${ePad}/afhandelen`, { headers: admin, body: { afhandeling: 'x'.repeat(2001) } }), 400);
    expectProblem(await call('POST', `${ePad}/afhandelen`, { headers: admin }), 400);
    expect(ok(await call('GET', ePad, { headers: admin }))).toEqual(escalatie);
  });

  it('een tweede afhandeling is 409 en laat de eerste staan; van twee gelijktijdige wint er precies één', async () => {
    const { ePad } = await metEscalatie();
    const eerste = ok(await call('POST', `${ePad}/afhandelen`, { headers: admin, body: afhandeling }));
    const tweede = await call('POST', `${ePad}/afhandelen`, { headers: admin, body: { afhandeling: 'Nog eens', uitkomst: 'overig' } });
    expectProblem(tweede, 409);
    expect(ok(await call('GET', ePad, { headers: admin }))).toEqual(eerste);

    const ander = await metEscalatie();
    const tegelijk = await Promise.all(
      ['afsprakenGemaakt', 'geenActieNodig', 'overig', 'overgedragenAanGemeente'].map((uitkomst) =>
        call('POST', `${ander.ePad}/afhandelen`, { headers: admin, body: { afhandeling: `Afgehandeld: ${uitkomst}`, uitkomst } }),
      ),
    );
    expect(tegelijk.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const winnaar = tegelijk.find((r) => r.status === 200)!.body;
    expect(ok(await call('GET', ander.ePad, { headers: admin }))).toEqual(winnaar);
    expect((await alle('afgehandeld')).filter((e) => e.id === ander.escalatie.id)).toEqual([winnaar]);
  });
});

describe('een jobcoachorganisatie toegewezen of vervangen na de start', () => {
  /** The addresses the invitations for one moment went to, once the outbox has delivered them. */
  const uitnodigingenVoor = async (momentId: string) => {
    await rt.settle({ timeoutMs: 30_000 });
    return rt.mail
      .list()
      .filter((m) => JSON.stringify(m.mail).includes(momentId))
      .map((m) => (m.mail as { aan: { email: string } }).aan.email)
      .sort();
  };

  it('de volgende uitnodiging gaat naar de nieuwe (toewijzing: 1 Query meer, één transactie); zij mag antwoorden, de vorige krijgt 404', async () => {
    const { pad } = await gestart();
    const coachMail = `coach-${ulid().toLowerCase()}@jobcoach.nl`;
    const coach = await regiopartner(coachMail);
    const r = await call('POST', `${pad}/jobcoach`, { headers: admin, body: { partnerId: coach.id } });
    ok(r);
    // The placement's open moments are read and move to the organisation in the assignment's own transaction.
    expect(r.ops).toEqual(['GetItem', 'Query', 'TransactWriteItems']);
    const [p1w, p4w, p3m] = (await momenten(pad)).filter((m) => m.status === 'gepland' && m.vervaldatum <= vandaag());
    expect(await verwerkNazorgmoment(p1w!.id, new Date())).toBe('verstuurd');
    expect(await uitnodigingenVoor(p1w!.id)).toEqual([coachMail, 'sanne@hethout.nl'].sort());

    // Replaced: the sent, unanswered P1W and the planned ones name the successor; the next invitation is hers alone.
    const opvolger = await regiopartner(`opvolger-${ulid().toLowerCase()}@jobcoach.nl`);
    ok(await call('POST', `${pad}/jobcoach`, { headers: admin, body: { partnerId: opvolger.id } }));
    const na = new Map((await momenten(pad)).map((m) => [m.id, m]));
    expect(na.get(p1w!.id)).toMatchObject({ status: 'verstuurd', jobcoachPartnerId: opvolger.id });
    expect(na.get(p4w!.id)).toMatchObject({ status: 'gepland', jobcoachPartnerId: opvolger.id });
    expect(await verwerkNazorgmoment(p4w!.id, new Date())).toBe('verstuurd');
    const aan = await uitnodigingenVoor(p4w!.id);
    expect(aan).toHaveLength(2);
    expect(aan).toContain('sanne@hethout.nl');
    expect(aan.some((a) => a.startsWith('opvolger-'))).toBe(true);
    expect(aan.some((a) => a.startsWith('coach-'))).toBe(false);

    // Who may answer follows the placement: the successor answers the moment sent to her predecessor.
    for (const m of [p1w!, p3m!]) {
      expectProblem(await call('GET', `/v1/nazorgmomenten/${m.id}`, { headers: coach.headers }), 404);
      expectProblem(await call('POST', `/v1/nazorgmomenten/${m.id}/antwoorden`, { headers: coach.headers, body: goed }), 404);
    }
    expect(ok(await call('POST', `/v1/nazorgmomenten/${p1w!.id}/antwoorden`, { headers: opvolger.headers, body: goed }))).toMatchObject({
      status: 'beantwoord',
      jobcoachPartnerId: opvolger.id,
      antwoorden: [{ door: { rol: 'regiopartner' } }],
    });
    // Answered moments are final: a third organisation leaves P1W as it was.
    const derde = await regiopartner();
    ok(await call('POST', `${pad}/jobcoach`, { headers: admin, body: { partnerId: derde.id } }));
    const daarna = new Map((await momenten(pad)).map((m) => [m.id, m]));
    expect(daarna.get(p1w!.id)).toMatchObject({ status: 'beantwoord', jobcoachPartnerId: opvolger.id });
    expect(daarna.get(p3m!.id)).toMatchObject({ status: 'gepland', jobcoachPartnerId: derde.id });
  });

  it('voor de start is er niets om mee te nemen: de toewijzing leest geen momenten', async () => {
    const { pad } = await inKennismaking({ datum: vandaag() });
    const r = await call('POST', `${pad}/jobcoach`, { headers: admin, body: { partnerId: (await regiopartner()).id } });
    ok(r);
    expect(r.ops).toEqual(['GetItem', 'TransactWriteItems']);
  });
});

describe('de lijst van escalaties in het verwerkingenlogboek', () => {
  const activiteiten = async (verwijzingId: string): Promise<string[]> =>
    ok(await call('GET', `/v1/verwerkingen?betrokkene=${verwijzingId}&pageSize=100`, { headers: admin })).verwerkingen.map((v: Verwerking) => v.verwerkingsactiviteit);

  it('elke verwijzing op de pagina wordt vastgelegd; een escalatie van voor de verwijzing erop leest haar bij de plaatsing (1 BatchGetItem meer)', async () => {
    const s = await gestart();
    const p4w = (await momenten(s.pad)).find((m) => m.termijn === 'P4W')!;
    ok(await call('POST', `/v1/nazorgmomenten/${p4w.id}/antwoorden`, { headers: s.lid.headers, body: { ...goed, hoeGaatHet: 1 } }));
    expect(await activiteiten(s.plaatsing.verwijzingId)).not.toContain('escalatiesZoeken');
    const r = await call('GET', '/v1/escalaties?status=open&pageSize=100', { headers: admin });
    expect(ok(r).escalaties.find((e: Escalatie) => e.plaatsingId === s.plaatsing.id)).toMatchObject({ verwijzingId: s.plaatsing.verwijzingId, nazorgmomentId: p4w.id });
    expect(r.ops).toEqual(['Query']);
    expect(r.logOps.length).toBeGreaterThan(0);
    expect(await activiteiten(s.plaatsing.verwijzingId)).toContain('escalatiesZoeken');

    // An escalation written before escalations carried the referral (closed, so it is on the closed list).
    const oud = await gestart();
    const p1w = (await momenten(oud.pad)).find((m) => m.termijn === 'P1W')!;
    const nu = new Date().toISOString();
    const e: Escalatie = { id: ulid(), plaatsingId: oud.plaatsing.id, nazorgmomentId: p1w.id, lidId: oud.lid.id, gemeente: A, aanleiding: 'onbeantwoord', redenen: [], status: 'afgehandeld', aangemaaktOp: nu, afhandeling: 'Gesproken.', afgehandeldDoor: { rol: 'coopAdmin', subject: 'c' }, afgehandeldOp: nu };
    const [put] = escalatieItems({ escalatie: e, notificatie: { id: ulid(), soort: 'nazorgEscalatie', aan: { naam: 'x', email: 'x@example.nl' }, onderwerp: 'x', tekst: 'x', onderwerpType: 'plaatsing', onderwerpId: e.plaatsingId, aangemaaktOp: nu } });
    await dynamo().send(new TransactWriteCommand({ TransactItems: [put!] }));
    const g = await call('GET', '/v1/escalaties?status=afgehandeld&pageSize=100', { headers: admin });
    expect(ok(g).escalaties.find((x: Escalatie) => x.id === e.id)).not.toHaveProperty('verwijzingId');
    expect(g.ops).toEqual(['Query', 'BatchGetItem']);
    expect(await activiteiten(oud.plaatsing.verwijzingId)).toContain('escalatiesZoeken');
  });
});

describe('een plaatsing die pas na haar start wordt geregistreerd', () => {
  it('de sweep verstuurt elk moment dat al verlopen was, ook de vroegste, één keer; wat nog komt blijft gepland', async () => {
    const { pad, start } = await gestart({ start: maandenGeleden(7) });
    await rt.jobs.runNow('nazorg-sweep', {});
    await rt.settle({ timeoutMs: 30_000 });
    await rt.jobs.runNow('nazorg-sweep', {});
    await rt.settle({ timeoutMs: 30_000 });
    const status = (await momenten(pad)).map((m) => `${m.termijn ?? m.soort} ${m.status} ${m.versie}`);
    expect(status).toEqual(['P1W verstuurd 2', 'P4W verstuurd 2', 'P3M verstuurd 2', 'P6M verstuurd 2', 'P9M gepland 1', 'P12M gepland 1', 'eindeContract gepland 1']);
    const verstuurd = (await momenten(pad)).filter((m) => m.status === 'verstuurd');
    for (const m of verstuurd) expect(rt.mail.list().filter((x) => JSON.stringify(x.mail).includes(m.id))).toHaveLength(1);
    expect(naTermijn(start, 'P1W') < plusDagen(vandaag(), -35)).toBe(true);
  }, 60_000);
});
