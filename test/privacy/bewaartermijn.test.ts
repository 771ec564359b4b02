import { GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulidx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BewaartermijnResultaat } from '../../functions/jobs/bewaartermijn';
import type { LocalRuntime } from '../../infra/local/runtime';
import { verloopdatum } from '../../shared/privacy/bewaartermijn';
import type { Verwijzing } from '../../shared/schemas/verwijzingen';
import { dynamo } from '../../shared/store/dynamodb';
import { sleutels } from '../../shared/store/sleutels';
import { contract } from '../domain/plaatsingen-fixtures';
import { apiClient, ok, type Kop } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';
import { scenario } from '../support/scenario';

describe('de vervaldatum van de bewaartermijn', () => {
  it('is dezelfde dag zoveel maanden later, of de laatste dag van die maand', () => {
    expect(verloopdatum('2026-11-27T10:00:00.000Z', 24)).toBe('2028-11-27');
    expect(verloopdatum('2026-01-31T23:00:00.000Z', 1)).toBe('2026-02-28');
    expect(verloopdatum('2027-12-31T00:00:00.000Z', 2)).toBe('2028-02-29');
    expect(verloopdatum('2026-03-15T00:00:00.000Z', 0)).toBe('2026-03-15');
  });
});

/**
 * Retention through the API and the job: a closed referral and an ended placement get their expiry in the
 * transaction that closes them; the job (run as `npm run job -- bewaartermijn [--datum]` would) erases what
 * is due through the same erasure as a request, found through the expiry index; one closed with a clock
 * 25 months in the past is due today. Open cases are never touched.
 */
let rt: LocalRuntime;
let admin: Kop;
let amsterdam: Kop;
const GM = 'GM0363';
const api = apiClient(() => rt);
const { call } = api;
const gegeven = scenario(api, () => rt);
const vandaag = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const plusDagen = (dag: string, n: number) => new Date(Date.parse(`${dag}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  rt = await startTestRuntime({ scheduler: { automatic: false } });
  admin = await authorization(rt, 'coopAdmin');
  amsterdam = await authorization(rt, 'gemeente', GM);
  await gegeven.gemeente(admin, { code: GM, naam: 'Amsterdam', arbeidsmarktregio: 'Groot Amsterdam', contactpersoon: { naam: 'WSP', email: 'wsp@amsterdam.nl' } });
}, 60_000);
afterAll(() => rt?.stop());

const invoer = (naam: string) => ({
  dossierkenmerk: `PW-${naam.replace(/\W/g, '')}`,
  doelgroep: 'participatiewet',
  kandidaat: { naam, email: `${naam.replace(/\W/g, '').toLowerCase()}@example.nl` },
  mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', zelfstandigheid: 'deelsZelfstandig', taalniveau: 'B1', rijbewijs: false },
  werkaanpassingen: [],
  uren: { minimum: 16, maximum: 24 },
  mobiliteit: { reisafstandKm: 10, vervoer: ['fiets'] },
  postcodegebied: '1102',
  werksoortVoorkeuren: ['groen'],
  beschikbaarVanaf: '2026-01-01',
  toestemmingProfielDelen: true,
});
const job = async (datum?: string) => (await rt.jobs.runNow('bewaartermijn', datum ? { datum } : {})) as BewaartermijnResultaat;
const marker = async (id: string) => (await dynamo().send(new GetCommand({ TableName: rt.table.tableName, Key: sleutels.bewaartermijn(id), ConsistentRead: true }))).Item;
const verzoek = async (id: string) => (await dynamo().send(new GetCommand({ TableName: rt.table.tableName, Key: sleutels.verwijderverzoek(id), ConsistentRead: true }))).Item;
const tabelTekst = async () => JSON.stringify((await dynamo().send(new ScanCommand({ TableName: rt.table.tableName, ConsistentRead: true }))).Items);

describe('de bewaartermijn', () => {
  let ingetrokken: Verwijzing;
  let uitgestroomd: Verwijzing;
  let lopend: Verwijzing;
  let oud: Verwijzing;
  const m = ulid().slice(-6);
  const naam = { ingetrokken: `Ingetrokken ${m}`, uitgestroomd: `Uitgestroomd ${m}`, lopend: `Lopend ${m}`, oud: `Oud ${m}` };

  beforeAll(async () => {
    ingetrokken = await gegeven.verwijzing(amsterdam, invoer(naam.ingetrokken));
    ok(await call('POST', `/v1/verwijzingen/${ingetrokken.id}/intrekking`, { headers: amsterdam, body: { reden: `Verhuisd ${m}` } }));

    const actief = await gegeven.actiefLid(admin, {
      kvkNummer: String(40_000_000 + Math.floor(Math.random() * 50_000_000)),
      naam: 'Groen BV',
      sectoren: ['groen'],
      werksoorten: ['groen'],
      contactpersoon: { naam: 'Eva de Boer', email: 'eva@groen.nl' },
      toezeggingen: { reguliereBanen: 1, participatieplaatsen: 1, beschutWerkplekken: 0, banenafspraakBanen: 1 },
    });
    const plek = await gegeven.werkplek(actief.headers, {
      titel: 'Hovenier',
      soort: 'reguliereBaan',
      werksoort: 'groen',
      uren: { minimum: 16, maximum: 32 },
      locatie: { postcodegebied: '1102', gemeente: GM },
      aantalPlaatsen: 1,
      eisen: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', taalniveau: 'A2', rijbewijs: false },
      werkaanpassingen: [],
      begeleiding: { eigenJobcoach: false, buddy: false },
      teltVoorBanenafspraak: false,
    });
    uitgestroomd = await gegeven.bemiddelbaar(admin, amsterdam, invoer(naam.uitgestroomd));
    const pl = ok(await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: uitgestroomd.id, werkplekId: plek.id } }), 201);
    ok(await call('POST', `/v1/plaatsingen/${pl.id}/kennismaking`, { headers: admin, body: { datum: plusDagen(vandaag(), -40) } }));
    ok(await call('POST', `/v1/plaatsingen/${pl.id}/start`, { headers: admin, body: contract({ startdatum: plusDagen(vandaag(), -30), einddatum: plusDagen(vandaag(), 300) }) }));
    ok(await call('POST', `/v1/plaatsingen/${pl.id}/beeindiging`, { headers: admin, body: { einddatum: vandaag(), reden: 'uitstroomRegulierWerk', toelichting: `Vaste baan ${m}` } }));

    lopend = await gegeven.bemiddelbaar(admin, amsterdam, invoer(naam.lopend));

    // Closed with a clock 25 months in the past: in-process, through the same use case the routes use.
    const { verwijzingenUseCases } = await import('../../shared/use-cases/verwijzingen');
    const { dynamoVerwijzingenStore } = await import('../../shared/store/verwijzingen-store');
    const { dynamoGemeentenStore } = await import('../../shared/store/gemeenten-store');
    const toen = new Date(Date.now() - 25 * 31 * 86_400_000);
    const verleden = verwijzingenUseCases({ store: dynamoVerwijzingenStore(), gemeenten: dynamoGemeentenStore(), klok: () => toen });
    const gemeente = { rol: 'gemeente' as const, subject: 'consulent', gemeente: GM };
    oud = await verleden.indienen(gemeente, invoer(naam.oud) as never);
    await verleden.statusWijzigen(gemeente, oud.id, 'intrekken', { reden: `Lang geleden ${m}` });
  }, 120_000);

  it('sluiten zet de vervaldatum, in de transactie van de sluiting; een lopende verwijzing heeft er geen', async () => {
    const termijn = verloopdatum(new Date().toISOString(), 24);
    expect(await marker(ingetrokken.id)).toMatchObject({ entiteit: 'Bewaartermijn', gemeente: GM, verloopdatum: termijn, ...sleutels.bewaartermijnIndex(termijn, ingetrokken.id) });
    expect(await marker(uitgestroomd.id)).toMatchObject({ verloopdatum: termijn });
    expect(await marker(lopend.id)).toBeUndefined();
    expect((await marker(oud.id))!.verloopdatum < vandaag()).toBe(true);
  });

  it('de taak wist vandaag alleen wat vervallen is (de verwijzing met de klok in het verleden), via de index', async () => {
    const r = await job();
    expect(r).toEqual({ datum: vandaag(), gewist: 1, mislukt: 0 });
    expect(await verzoek(oud.id)).toMatchObject({ aanleiding: 'bewaartermijn', status: 'voltooid', door: { rol: 'systeem', subject: 'bewaartermijn' } });
    expect(await marker(oud.id)).toBeUndefined();
    const tekst = await tabelTekst();
    expect(tekst).not.toContain(naam.oud);
    expect(tekst).not.toContain(`Lang geleden ${m}`);
    for (const n of [naam.ingetrokken, naam.uitgestroomd, naam.lopend]) expect(tekst).toContain(n);
  });

  it('op de dag vóór de vervaldatum niets, óp de vervaldatum de gesloten zaken; open zaken nooit; daarna is de index leeg', async () => {
    const termijn = verloopdatum(new Date().toISOString(), 24);
    expect(await job(plusDagen(termijn, -1))).toMatchObject({ gewist: 0, mislukt: 0 });
    expect(await job(termijn)).toMatchObject({ gewist: 2, mislukt: 0 });
    const tekst = await tabelTekst();
    for (const w of [naam.ingetrokken, naam.uitgestroomd, `Verhuisd ${m}`, `Vaste baan ${m}`]) expect(tekst).not.toContain(w);
    expect(tekst).toContain(naam.lopend);
    ok(await call('GET', `/v1/verwijzingen/${lopend.id}`, { headers: amsterdam }));
    // Again, even years later: nothing left to do (the expiry went with the erasure), the open case untouched.
    expect(await job(plusDagen(termijn, 3650))).toMatchObject({ gewist: 0, mislukt: 0 });
    const index = await dynamo().send(
      new QueryCommand({ TableName: rt.table.tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': sleutels.bewaartermijnenPartitie } }),
    );
    expect(index.Items).toEqual([]);
  });

  it('het logboek legt het wissen door de bewaartermijn vast, door het systeem', async () => {
    const r = ok(await call('GET', `/v1/verwerkingen?betrokkene=${ingetrokken.id}&pageSize=100`, { headers: admin }));
    expect(r.verwerkingen).toContainEqual(expect.objectContaining({ verwerkingsactiviteit: 'bewaartermijnVerstreken', door: { rol: 'systeem', subject: 'bewaartermijn' }, status: 'gelukt' }));
  });
});
