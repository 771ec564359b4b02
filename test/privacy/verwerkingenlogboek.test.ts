import { randomBytes } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulidx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { allRoutes } from '../../shared/routes/manifest';
import type { Verwerking } from '../../shared/schemas/verwerkingen';
import type { Verwijzing } from '../../shared/schemas/verwijzingen';
import { dynamo } from '../../shared/store/dynamodb';
import { legVast, verwerkingenVastleggen } from '../../shared/privacy/vastleggen';
import { inVerwerkingsscope, type Verwerkingsregel } from '../../shared/privacy/verwerkingen';
import { schrijfVerwerkingen, verwerkingVerlooptOp } from '../../shared/store/verwerkingen-store';
import { apiClient, expectProblem, namen, type Kop } from '../support/http';
import { authorization, startTestRuntime } from '../support/runtime';
import { scenario } from '../support/scenario';

/**
 * The processing log (verwerkingenlogboek) through the API: what a request records, that it writes its
 * records in exactly one request of its own (reported apart from the operation's counts), how a
 * coordinator reads it per person and per period, and that nothing can change it.
 */
let rt: LocalRuntime;
let admin: Kop;
let amsterdam: Kop;
let rotterdam: Kop;
const api = apiClient(() => rt);
const { call } = api;
const gegeven = scenario(api, () => rt);

beforeAll(async () => {
  rt = await startTestRuntime();
  admin = await authorization(rt, 'coopAdmin');
  amsterdam = await authorization(rt, 'gemeente', 'GM0363');
  rotterdam = await authorization(rt, 'gemeente', 'GM0599');
  const contactpersoon = { naam: 'Noor Bakker', email: 'participatie@gemeente.nl' };
  await gegeven.gemeente(admin, { code: 'GM0363', naam: 'Amsterdam', arbeidsmarktregio: 'Groot Amsterdam', contactpersoon });
  await gegeven.gemeente(admin, { code: 'GM0599', naam: 'Rotterdam', arbeidsmarktregio: 'Rijnmond', contactpersoon });
});
afterAll(() => rt?.stop());

const invoer = (naam = 'Sem de Wit') => ({
  dossierkenmerk: `PW-${ulid().slice(-8)}`,
  doelgroep: 'banenafspraak',
  kandidaat: { naam, email: 'sem@example.nl' },
  mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', zelfstandigheid: 'deelsZelfstandig', taalniveau: 'B1', rijbewijs: false },
  werkaanpassingen: ['vasteStructuur'],
  uren: { minimum: 16, maximum: 24 },
  mobiliteit: { reisafstandKm: 10, vervoer: ['fiets'] },
  postcodegebied: '1102',
  werksoortVoorkeuren: ['groen'],
  beschikbaarVanaf: '2026-12-01',
  toestemmingProfielDelen: false,
});
/** A W3C trace context, so a record can be traced back to the request that made it. */
const traceparent = () => {
  const traceId = randomBytes(16).toString('hex');
  return { traceId, header: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` } };
};
const vandaag = () => new Date().toISOString().slice(0, 10);

/**
 * Every record about one person, through the API, all pages — less the records of these reads themselves
 * (reading the log about someone is logged too; the last test shows that).
 */
const verwerkingenVan = async (betrokkene: string, metLezen = false): Promise<Verwerking[]> => {
  const uit: Verwerking[] = [];
  let pad: string | null = `/v1/verwerkingen?betrokkene=${betrokkene}&pageSize=2`;
  while (pad) {
    const r = await call('GET', pad, { headers: admin });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    uit.push(...r.body.verwerkingen);
    pad = r.body.volgendePagina;
  }
  return metLezen ? uit : uit.filter((r) => r.verwerkingsactiviteit !== 'verwerkingenInzien');
};

describe('elke verwerking van persoonsgegevens komt in het logboek, in één eigen schrijfopdracht per verzoek', () => {
  it('indienen en inzien: één voorwaardelijke PutItem voor de ene vastlegging, apart van de telling van de operatie zelf', async () => {
    const t1 = traceparent();
    const ingediend = await call('POST', '/v1/verwijzingen', { headers: { ...amsterdam, ...t1.header }, body: invoer() });
    expect(ingediend.status).toBe(201);
    expect(ingediend.ops).toEqual(['GetItem', 'TransactWriteItems']);
    expect(ingediend.logOps).toEqual(['PutItem']);
    const v: Verwijzing = ingediend.body;

    const t2 = traceparent();
    const gelezen = await call('GET', `/v1/verwijzingen/${v.id}`, { headers: { ...admin, ...t2.header } });
    expect(gelezen.status).toBe(200);
    expect(gelezen.ops).toEqual(['GetItem']);
    expect(gelezen.logOps).toEqual(['PutItem']);

    const records = await verwerkingenVan(v.id);
    expect(records.map((r) => [r.verwerkingsactiviteit, r.door.rol, r.status, r.traceId])).toEqual([
      ['verwijzingIndienen', 'gemeente', 'gelukt', t1.traceId],
      ['verwijzingInzien', 'coopAdmin', 'gelukt', t2.traceId],
    ]);
    for (const r of records) {
      // A pseudonym (HMAC-SHA256, base64url), the same for both, never the id itself.
      expect(r.betrokkene).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(r.betrokkene).toBe(records[0]!.betrokkene);
      expect(JSON.stringify(r)).not.toContain(v.id);
      expect(r.id).not.toBe(r.activiteitId);
      expect(r.op >= v.aangemaaktOp).toBe(true);
    }
  });

  it('een verzoek zonder persoonsgegevens schrijft niets in het logboek; een lijst legt elke betrokkene vast in dezelfde ene transactie', async () => {
    const openapi = await call('GET', '/v1/openapi.json');
    expect(openapi.logOps).toEqual([]);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await gegeven.verwijzing(rotterdam, invoer(`Kandidaat ${i}`))).id);
    const t = traceparent();
    const lijst = await call('GET', '/v1/verwijzingen?pageSize=100', { headers: { ...rotterdam, ...t.header } });
    expect(lijst.status).toBe(200);
    expect(lijst.logOps).toEqual(['TransactWriteItems']);
    const perPersoon = await Promise.all(ids.map(async (id) => (await verwerkingenVan(id)).filter((r) => r.traceId === t.traceId)));
    expect(perPersoon.map((rs) => rs.map((r) => r.verwerkingsactiviteit))).toEqual(ids.map(() => ['verwijzingenZoeken']));
    // One processing of three people: three records, one activity.
    expect(new Set(perPersoon.flat().map((r) => r.activiteitId)).size).toBe(1);
    expect(new Set(perPersoon.flat().map((r) => r.betrokkene)).size).toBe(3);
  });

  it('een geweigerde inzage van een bestaande verwijzing wordt vastgelegd als geweigerd; een onbekende verwijzing betreft niemand', async () => {
    const v = await gegeven.verwijzing(amsterdam, invoer());
    const t = traceparent();
    const geweigerd = await call('GET', `/v1/verwijzingen/${v.id}`, { headers: { ...rotterdam, ...t.header } });
    expectProblem(geweigerd, 404);
    expect(geweigerd.logOps).toEqual(['PutItem']);
    const r = (await verwerkingenVan(v.id)).find((x) => x.traceId === t.traceId);
    expect(r).toMatchObject({ verwerkingsactiviteit: 'verwijzingInzien', status: 'geweigerd', door: { rol: 'gemeente' } });
    const onbekend = await call('GET', `/v1/verwijzingen/${ulid()}`, { headers: rotterdam });
    expectProblem(onbekend, 404);
    expect(onbekend.logOps).toEqual([]);
  });

  it('gelijktijdige verzoeken in één proces houden hun vastleggingen gescheiden (een buffer per aanroep)', async () => {
    const vs = await Promise.all(Array.from({ length: 6 }, () => gegeven.verwijzing(amsterdam, invoer())));
    const traces = vs.map(() => traceparent());
    const rs = await Promise.all(vs.map((v, i) => call('GET', `/v1/verwijzingen/${v.id}`, { headers: { ...admin, ...traces[i]!.header } })));
    expect(rs.map((r) => r.logOps)).toEqual(vs.map(() => ['PutItem']));
    for (const [i, v] of vs.entries()) {
      const inzage = (await verwerkingenVan(v.id)).filter((r) => r.verwerkingsactiviteit === 'verwijzingInzien');
      expect(inzage.map((r) => r.traceId)).toEqual([traces[i]!.traceId]);
    }
  });
});

describe('een coördinator leest het logboek', () => {
  it('per periode zonder betrokkene: alle vastleggingen van de dag, over de shards heen op tijd, elk één keer, pagina na pagina', async () => {
    const alle: Verwerking[] = [];
    let pad: string | null = `/v1/verwerkingen?vanaf=${vandaag()}&tot=${vandaag()}&pageSize=3`;
    let paginas = 0;
    while (pad) {
      const r = await call('GET', pad, { headers: admin });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.verwerkingen.length).toBeLessThanOrEqual(3);
      alle.push(...r.body.verwerkingen);
      pad = r.body.volgendePagina;
      paginas++;
    }
    // What the table holds, read directly: the period's pages hand out exactly that, in time order.
    const tabel = await dynamo().send(new ScanCommand({ TableName: rt.table.tableName, FilterExpression: 'entiteit = :v', ExpressionAttributeValues: { ':v': 'Verwerking' }, ConsistentRead: true }));
    const ids = (tabel.Items ?? []).map((i) => i.id as string).sort();
    expect(ids.length).toBeGreaterThan(10);
    expect(alle.map((r) => r.id).sort()).toEqual(ids);
    expect(paginas).toBeGreaterThan(3);
    const volgorde = alle.map((r) => `${r.op}#${r.id}`);
    expect(volgorde).toEqual([...volgorde].sort());
  });

  it('een periode zonder vastleggingen is leeg; per betrokkene buiten de periode ook', async () => {
    const leeg = await call('GET', '/v1/verwerkingen?vanaf=2020-01-01&tot=2020-01-31', { headers: admin });
    expect(leeg.status).toBe(200);
    expect(leeg.body).toEqual({ verwerkingen: [], volgendePagina: null });
    const v = await gegeven.verwijzing(amsterdam, invoer());
    const buiten = await call('GET', `/v1/verwerkingen?betrokkene=${v.id}&vanaf=2020-01-01&tot=2020-12-31`, { headers: admin });
    expect(buiten.body.verwerkingen).toEqual([]);
    const binnen = await call('GET', `/v1/verwerkingen?betrokkene=${v.id}&vanaf=${vandaag()}`, { headers: admin });
    expect(binnen.body.verwerkingen.map((r: Verwerking) => r.verwerkingsactiviteit)).toEqual(['verwijzingIndienen', 'verwerkingenInzien']);
  });

  it('het lezen van het logboek over iemand is zelf een verwerking van zijn gegevens', async () => {
    const v = await gegeven.verwijzing(amsterdam, invoer());
    const r = await call('GET', `/v1/verwerkingen?betrokkene=${v.id}`, { headers: admin });
    expect(r.logOps).toEqual(['PutItem']);
    expect((await verwerkingenVan(v.id, true)).map((x) => [x.verwerkingsactiviteit, x.door.rol])).toContainEqual(['verwerkingenInzien', 'coopAdmin']);
  });

  it('alleen coördinatoren (403), en ongeldige vragen zijn 400 met elk veld', async () => {
    for (const headers of [amsterdam, await authorization(rt, 'werkgever', ulid()), await authorization(rt, 'regiopartner', ulid())])
      expectProblem(await call('GET', `/v1/verwerkingen?vanaf=${vandaag()}`, { headers }), 403);
    expectProblem(await call('GET', '/v1/verwerkingen'), 401);
    const zonder = await call('GET', '/v1/verwerkingen', { headers: admin });
    expectProblem(zonder, 400);
    expect(namen(zonder)).toEqual(['query.vanaf']);
    const teLang = await call('GET', '/v1/verwerkingen?vanaf=2026-01-01&tot=2026-03-01', { headers: admin });
    expect(namen(teLang)).toEqual(['query.tot']);
    const omgekeerd = await call('GET', `/v1/verwerkingen?betrokkene=${ulid()}&vanaf=2026-02-01&tot=2026-01-01`, { headers: admin });
    expect(namen(omgekeerd)).toEqual(['query.tot']);
    const vreemdeCursor = await call('GET', `/v1/verwerkingen?vanaf=${vandaag()}&cursor=${Buffer.from('{"pk":"LID#x","sk":"LID"}').toString('base64url')}`, { headers: admin });
    expectProblem(vreemdeCursor, 400);
    expect(namen(vreemdeCursor)).toEqual(['query.cursor']);
  });
});

describe('het logboek kan niet worden gewijzigd', () => {
  it('de API kent alleen lezen: geen route schrijft of verwijdert een vastlegging (405 op het pad)', async () => {
    expect(allRoutes.filter((r) => r.path.startsWith('/v1/verwerkingen')).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/verwerkingen']);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expectProblem(await call(method, '/v1/verwerkingen', { headers: admin }), 405);
    expectProblem(await call('DELETE', `/v1/verwerkingen/${ulid()}`, { headers: admin }), 404);
  });

  it('een vastlegging wordt alleen toegevoegd: dezelfde opnieuw schrijven wordt geweigerd en laat haar zoals zij was', async () => {
    const v = await gegeven.verwijzing(amsterdam, invoer());
    const [eerste] = await verwerkingenVan(v.id);
    await expect(schrijfVerwerkingen([{ ...eerste!, status: 'geweigerd', door: { rol: 'coopAdmin', subject: 'vervalser' } }])).rejects.toThrow();
    expect((await verwerkingenVan(v.id))[0]).toEqual(eerste);
  });

  it('ook tussen nieuwe: een transactie met één vervalste vastlegging wordt geheel geweigerd', async () => {
    const v = await gegeven.verwijzing(amsterdam, invoer());
    const [eerste] = await verwerkingenVan(v.id);
    const nieuw = { ...eerste!, id: ulid(), activiteitId: ulid() };
    await expect(schrijfVerwerkingen([nieuw, { ...eerste!, status: 'geweigerd' }])).rejects.toThrow();
    expect(await verwerkingenVan(v.id)).toEqual([eerste]);
  });

  it('dezelfde vastlegging nog eens (de SDK die een verlopen poging herhaalt) is geen fout en voegt niets toe', async () => {
    const v = await gegeven.verwijzing(amsterdam, invoer());
    const [eerste] = await verwerkingenVan(v.id);
    await schrijfVerwerkingen([eerste!]);
    expect(await verwerkingenVan(v.id)).toEqual([eerste]);
  });

  it('een vastlegging die niet geschreven kan worden laat een lezing mislukken; een wijziging is dan al doorgevoerd en blijft gelukt', async () => {
    const regel: Verwerkingsregel = {
      id: ulid(),
      activiteitId: ulid(),
      activiteit: 'verwijzingInzien',
      door: { rol: 'coopAdmin', subject: 'test' },
      betrokkene: ulid(),
      status: 'gelukt',
      op: new Date().toISOString(),
    };
    const na = (method: string) => () =>
      inVerwerkingsscope('trace', async (scope) => {
        scope.regels.push({ ...regel, status: 'geweigerd' });
        await verwerkingenVastleggen().after!({ event: { requestContext: { http: { method } } } } as never);
      });
    await inVerwerkingsscope('trace', async (scope) => {
      scope.regels.push(regel);
      await legVast(scope);
    });
    // The same key with another record: the condition refuses it, so this request's record cannot be written.
    await expect(na('GET')()).rejects.toThrow();
    await expect(na('POST')()).resolves.toBeUndefined();
  });

  it('maar niet voor altijd: elke vastlegging draagt de TTL van de bewaartermijn van het logboek (standaard 60 maanden), die de API niet toont', async () => {
    const v = await gegeven.verwijzing(amsterdam, invoer());
    const [eerste] = await verwerkingenVan(v.id);
    expect(Object.keys(eerste!)).not.toContain('verlooptOp');
    const { Items } = await dynamo().send(
      new ScanCommand({ TableName: rt.table.tableName, FilterExpression: 'entiteit = :v AND id = :id', ExpressionAttributeValues: { ':v': 'Verwerking', ':id': eerste!.id }, ConsistentRead: true }),
    );
    const [d, t] = eerste!.op.split('T') as [string, string];
    const [j, m] = d.split('-').map(Number) as [number, number];
    // Five years on, the same day of the month (all days exist five years on except 29 February).
    const verwacht = `${j + 5}-${String(m).padStart(2, '0')}-${d.slice(8)}`;
    expect(t).toBeDefined();
    expect(Items).toHaveLength(1);
    expect(new Date(Items![0]!.verlooptOp * 1000).toISOString().slice(0, 10)).toBe(d.endsWith('02-29') ? `${j + 5}-02-28` : verwacht);
    expect(verwerkingVerlooptOp('2024-02-29T10:00:00Z', 12)).toBe(Date.UTC(2025, 1, 28) / 1000);
  });
});
