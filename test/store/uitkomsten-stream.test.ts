import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AttributeValue, Context, DynamoDBRecord } from 'aws-lambda';
import fc from 'fast-check';
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import { plusDagen } from '../../shared/domain/nazorg';
import { escalatiedeelVan, momentdeelVan, plaatsingdeelVan, uitkomstVan } from '../../shared/domain/uitkomsten/bronnen';
import { maakRapport, type Uitkomst, type Uitkomstenscope } from '../../shared/domain/uitkomsten/rapport';
import { dynamo, tabel } from '../../shared/store/dynamodb';
import { sleutels } from '../../shared/store/sleutels';
import { dynamoUitkomstenStore } from '../../shared/store/uitkomsten-store';
import { storeOmgeving } from './store-omgeving';

/**
 * The uitkomsten stream consumer against DynamoDB Local, on batches as Lambda hands them over: duplicates,
 * retried batches, records of a placement's items in any order, an erasure; and the property that the
 * figures made from the consumer's records are the figures made from the placements themselves.
 */
let handler: typeof import('../../functions/streams/uitkomsten').handler;
const store = () => dynamoUitkomstenStore();
beforeAll(async () => {
  await storeOmgeving();
  ({ handler } = await import('../../functions/streams/uitkomsten'));
});

const context = { functionName: 'test', awsRequestId: 'r', getRemainingTimeInMillis: () => 10_000 } as Context;

const av = (v: unknown): AttributeValue =>
  typeof v === 'string'
    ? { S: v }
    : typeof v === 'number'
      ? { N: String(v) }
      : typeof v === 'boolean'
        ? { BOOL: v }
        : Array.isArray(v)
          ? { L: v.map(av) }
          : { M: Object.fromEntries(Object.entries(v as object).filter(([, w]) => w !== undefined).map(([k, w]) => [k, av(w)])) };
let seq = 1_000_000;
const rec = (beeld: Record<string, unknown>): DynamoDBRecord => ({ eventName: 'MODIFY', dynamodb: { SequenceNumber: String(++seq), NewImage: (av(beeld) as { M: Record<string, AttributeValue> }).M } });

/** The referral and the place a placement reads its codes from, as items in the table. */
const zetKenmerken = async (verwijzingId: string, werkplekId: string, doelgroep = 'banenafspraak', soort = 'reguliereBaan') => {
  await dynamo().send(new PutCommand({ TableName: tabel(), Item: { ...sleutels.verwijzing(verwijzingId), entiteit: 'Verwijzing', id: verwijzingId, doelgroep, arbeidsmarktregio: 'Zuid-Limburg', dossierkenmerk: 'D-1' } }));
  await dynamo().send(new PutCommand({ TableName: tabel(), Item: { ...sleutels.werkplek(werkplekId), entiteit: 'Werkplek', id: werkplekId, soort, werksoort: 'groen', arbeidsmarktregio: 'Zuid-Limburg' } }));
};

interface Plaatsingbeeld {
  id: string;
  verwijzingId: string;
  werkplekId: string;
  lidId: string;
  gemeente: string;
  fase: string;
  contract?: { startdatum: string; contractvorm: string; urenPerWeek: number; loonPercentageWml: number; teltVoorBanenafspraak: boolean };
  beeindiging?: { einddatum: string; reden: string; toelichting?: string };
  instrumenten: { id: string; invoer: { soort: string; startdatum: string } }[];
  versie: number;
}
const plaatsingBeeld = (p: Plaatsingbeeld) => ({ entiteit: 'Plaatsing', ...p });
const momentBeeld = (m: { id: string; plaatsingId: string; soort: string; termijn?: string; status: string; antwoordUiterlijk?: string; geescaleerdOp?: string; antwoorden: { nogInDienst: boolean; werkzaamElders?: boolean; op: string; notitie?: string }[] }) => ({
  entiteit: 'Nazorgmoment',
  lidId: 'L',
  gemeente: 'GM0935',
  vervaldatum: '2026-01-01',
  reactietermijnDagen: 14,
  versie: 1,
  ...m,
});

const LID = ulid();
const scope: Uitkomstenscope = { soort: 'gemeente', gemeente: 'GM0935' };

describe('de uitkomsten-consument', () => {
  it('maakt één anonieme uitkomst per plaatsing in elke scope, één keer, ook bij herhaling, een herhaalde batch en een andere volgorde', async () => {
    const [p, v, w, m6, e] = [ulid(), ulid(), ulid(), ulid(), ulid()];
    await zetKenmerken(v, w);
    const basis: Plaatsingbeeld = { id: p, verwijzingId: v, werkplekId: w, lidId: LID, gemeente: 'GM0935', fase: 'voorgesteld', instrumenten: [], versie: 1 };
    const gestart: Plaatsingbeeld = {
      ...basis,
      fase: 'gestart',
      contract: { startdatum: '2025-02-03', contractvorm: 'bepaaldeTijd', urenPerWeek: 24, loonPercentageWml: 100, teltVoorBanenafspraak: true },
      instrumenten: [{ id: 'i1', invoer: { soort: 'jobcoach', startdatum: '2025-02-03' } }],
      versie: 2,
    };
    const r1 = rec(plaatsingBeeld(basis));
    const r2 = rec(plaatsingBeeld(gestart));
    const mVerstuurd = rec(momentBeeld({ id: m6, plaatsingId: p, soort: 'duurzaamheidscheck', termijn: 'P6M', status: 'verstuurd', antwoordUiterlijk: '2025-08-17', antwoorden: [] }));
    const mBeantwoord = rec(momentBeeld({ id: m6, plaatsingId: p, soort: 'duurzaamheidscheck', termijn: 'P6M', status: 'beantwoord', antwoordUiterlijk: '2025-08-17', antwoorden: [{ nogInDienst: true, op: '2025-08-10T10:00:00Z', notitie: 'Gaat goed met Jan' }] }));
    const esc = rec({ entiteit: 'Escalatie', id: e, plaatsingId: p, aangemaaktOp: '2025-05-01T08:00:00Z', afgehandeldOp: '2025-05-01T20:00:00Z', status: 'afgehandeld' });

    // The moment's answer before the placement's start, and an old record of the moment after its newer one.
    expect(await handler({ Records: [mBeantwoord, r1, esc, mVerstuurd, r2] }, context)).toEqual({ batchItemFailures: [] });
    const eerst = await store().uitkomsten(scope);
    expect(eerst).toHaveLength(1);
    expect(eerst[0]).toEqual({
      plaatsingId: p,
      startdatum: '2025-02-03',
      checks: { P6M: 'inDienst' },
      gemeente: 'GM0935',
      arbeidsmarktregio: 'Zuid-Limburg',
      lidId: LID,
      doelgroep: 'banenafspraak',
      soortWerkplek: 'reguliereBaan',
      werksoort: 'groen',
      contractvorm: 'bepaaldeTijd',
      urenPerWeek: 24,
      teltVoorBanenafspraak: true,
      instrumenten: ['jobcoach'],
      nazorg: { duurzaamheidscheck: { beslist: 1, opTijd: 1 } },
      escalaties: [{ op: '2025-05-01', afhandelUren: 12 }],
    });
    // Nothing of the person: no name, no free text.
    expect(JSON.stringify(eerst)).not.toMatch(/Jan|notitie|toelichting|dossier/);
    for (const s of [{ soort: 'arbeidsmarktregio', arbeidsmarktregio: 'Zuid-Limburg' }, { soort: 'lid', lidId: LID }, { soort: 'nationaal' }] as const)
      expect((await store().uitkomsten(s)).filter((u) => u.plaatsingId === p)).toEqual(eerst);

    // The same batch again, and its second half again (a retry after a bisection): nothing changes, nothing doubles.
    await handler({ Records: [mBeantwoord, r1, esc, mVerstuurd, r2] }, context);
    await handler({ Records: [mVerstuurd, r2] }, context);
    expect(await store().uitkomsten(scope)).toEqual(eerst);

    // An end moves nothing but the record; an erasure (free text gone, referral deleted) changes nothing at all.
    const beeindigd: Plaatsingbeeld = { ...gestart, fase: 'beeindigd', beeindiging: { einddatum: '2025-12-01', reden: 'terugNaarGemeente', toelichting: 'Jan verhuist' }, versie: 3 };
    await handler({ Records: [rec(plaatsingBeeld(beeindigd))] }, context);
    const voorWissen = await store().uitkomsten(scope);
    expect(voorWissen[0]!.einde).toEqual({ datum: '2025-12-01', reden: 'terugNaarGemeente' });
    const rapportVoor = maakRapport({ filter: {}, scope, rapportdatum: '2026-11-26', uitkomsten: voorWissen, leden: [], aansluiting: [] });
    await dynamo().send(new DeleteCommand({ TableName: tabel(), Key: sleutels.verwijzing(v) }));
    await dynamo().send(new PutCommand({ TableName: tabel(), Item: { ...sleutels.anoniemeVerwijzing(v), entiteit: 'AnoniemeVerwijzing', id: v, gemeente: 'GM0935', arbeidsmarktregio: 'Zuid-Limburg', doelgroep: 'banenafspraak' } }));
    const { toelichting: _t, ...zonderToelichting } = beeindigd.beeindiging!;
    await handler(
      {
        Records: [
          rec(plaatsingBeeld({ ...beeindigd, beeindiging: zonderToelichting, versie: 4 })),
          rec(momentBeeld({ id: m6, plaatsingId: p, soort: 'duurzaamheidscheck', termijn: 'P6M', status: 'beantwoord', antwoordUiterlijk: '2025-08-17', antwoorden: [{ nogInDienst: true, op: '2025-08-10T10:00:00Z' }] })),
          rec({ entiteit: 'AnoniemeVerwijzing', id: v, gemeente: 'GM0935', arbeidsmarktregio: 'Zuid-Limburg', doelgroep: 'banenafspraak', status: 'teruggemeld' }),
        ],
      },
      context,
    );
    const naWissen = await store().uitkomsten(scope);
    expect(naWissen).toEqual(voorWissen);
    expect(maakRapport({ filter: {}, scope, rapportdatum: '2026-11-26', uitkomsten: naWissen, leden: [], aansluiting: [] })).toEqual(rapportVoor);
  });

  it('meldt een record dat hij niet kan lezen, en verwerkt de rest bij de herhaling', async () => {
    const kapot = rec({ entiteit: 'Nazorgmoment', id: ulid() });
    const goed = rec({ entiteit: 'Werkplek', id: ulid(), soort: 'beschutWerk', werksoort: 'groen', arbeidsmarktregio: 'Zuid-Limburg', status: 'open', aantalPlaatsen: 2, aantalBezet: 0 });
    expect(await handler({ Records: [goed, kapot] }, context)).toEqual({ batchItemFailures: [{ itemIdentifier: kapot.dynamodb!.SequenceNumber }] });
    expect(await handler({ Records: [goed] }, context)).toEqual({ batchItemFailures: [] });
  });

  it('de gedeelde consument (regiotellers en uitkomsten in één mapping): beide delen werken de batch bij, en een fout in één meldt het laagste mislukte record', async () => {
    const { handler: cijfers } = await import('../../functions/streams/cijfers');
    const w = ulid();
    const werkplek = rec({ entiteit: 'Werkplek', id: w, soort: 'reguliereBaan', werksoort: 'groen', arbeidsmarktregio: 'Zuid-Limburg', status: 'open', aantalPlaatsen: 2, aantalBezet: 0 });
    const kapot = rec({ entiteit: 'Nazorgmoment', id: ulid() });
    const later = rec({ entiteit: 'Werkplek', id: ulid(), soort: 'reguliereBaan', werksoort: 'groen', arbeidsmarktregio: 'Zuid-Limburg', status: 'open', aantalPlaatsen: 1, aantalBezet: 0 });
    expect(await cijfers({ Records: [werkplek, kapot, later] }, context)).toEqual({ batchItemFailures: [{ itemIdentifier: kapot.dynamodb!.SequenceNumber }] });
    // Both parts applied the place before the failure: the counter's contribution and the supply and demand.
    const { Item: bijdrage } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.regiobijdrage(`WERKPLEK#${w}`), ConsistentRead: true }));
    expect(bijdrage).toMatchObject({ regio: 'Zuid-Limburg' });
    const aanbod = await store().aansluiting(['Zuid-Limburg']);
    expect(aanbod.some((b) => b.soort === 'werkplek' && b.vrijePlaatsen === 2)).toBe(true);
    // The stream retries from the failed record: what came before it is not applied twice.
    expect(await cijfers({ Records: [werkplek, later] }, context)).toEqual({ batchItemFailures: [] });
  });

  it('houdt vraag en aanbod per regio bij: wachtend sinds bemiddelbaar, weg na plaatsing of wissen; werkplekken met vrije plaatsen', async () => {
    const regio = 'Twente';
    const [a, b, w] = [ulid(), ulid(), ulid()];
    const verwijzing = (id: string, status: string, gewijzigdOp: string, doelgroep = 'participatiewet') => rec({ entiteit: 'Verwijzing', id, status, gewijzigdOp, doelgroep, arbeidsmarktregio: regio, werksoortVoorkeuren: ['groen', 'logistiek'] });
    await handler(
      {
        Records: [
          verwijzing(a, 'inIntake', '2026-01-01T00:00:00Z'),
          verwijzing(a, 'bemiddelbaar', '2026-02-01T00:00:00Z'),
          verwijzing(a, 'bemiddelbaar', '2026-03-01T00:00:00Z'),
          verwijzing(b, 'bemiddelbaar', '2026-02-01T00:00:00Z', 'beschutWerk'),
          rec({ entiteit: 'Werkplek', id: w, soort: 'reguliereBaan', werksoort: 'groen', arbeidsmarktregio: regio, status: 'open', aantalPlaatsen: 3, aantalBezet: 1 }),
        ],
      },
      context,
    );
    const bronnen = await store().aansluiting([regio]);
    expect(bronnen).toContainEqual({ soort: 'kandidaat', arbeidsmarktregio: regio, werksoorten: ['groen', 'logistiek'], beschutWerk: false, bemiddelbaarSinds: '2026-02-01' });
    expect(bronnen).toContainEqual({ soort: 'werkplek', arbeidsmarktregio: regio, werksoort: 'groen', beschutWerk: false, vrijePlaatsen: 2 });
    expect(bronnen).toHaveLength(3);
    // a is placed; b's erasure arrives before a late record of b: b stays gone.
    await handler({ Records: [verwijzing(a, 'geplaatst', '2026-04-01T00:00:00Z'), rec({ entiteit: 'AnoniemeVerwijzing', id: b, arbeidsmarktregio: regio }), verwijzing(b, 'bemiddelbaar', '2026-05-01T00:00:00Z', 'beschutWerk')] }, context);
    expect(await store().aansluiting([regio])).toEqual([{ soort: 'werkplek', arbeidsmarktregio: regio, werksoort: 'groen', beschutWerk: false, vrijePlaatsen: 2 }]);
  });
});

/** A random placement history: its images in order, and what its final images say directly. */
const ANTWOORD = fc.constantFrom('inDienst', 'elders', 'nietInWerk', 'geen');
const geschiedenis = fc.record({
  doelgroep: fc.constantFrom('participatiewet', 'banenafspraak', 'beschutWerk'),
  soort: fc.constantFrom('reguliereBaan', 'participatieplaats', 'beschutWerk'),
  gestart: fc.boolean(),
  startDag: fc.integer({ min: 0, max: 700 }),
  uren: fc.integer({ min: 8, max: 40 }),
  a6: ANTWOORD,
  a12: ANTWOORD,
  einde: fc.option(fc.record({ na: fc.integer({ min: 1, max: 500 }), reden: fc.constantFrom('uitstroomRegulierWerk', 'contractNietVerlengd', 'terugNaarGemeente', 'eigenVerzoek') }), { nil: undefined }),
  escalatie: fc.option(fc.integer({ min: 1, max: 96 }), { nil: undefined }),
  gewist: fc.boolean(),
});

type Geschiedenis = typeof geschiedenis extends fc.Arbitrary<infer T> ? T : never;
const beeldenVan = (h: Geschiedenis, gemeente: string) => {
  const [p, v, w] = [ulid(), ulid(), ulid()];
  const start = plusDagen('2024-06-01', h.startDag);
  const basis: Plaatsingbeeld = { id: p, verwijzingId: v, werkplekId: w, lidId: LID, gemeente, fase: 'voorgesteld', instrumenten: [], versie: 1 };
  const gestart: Plaatsingbeeld = { ...basis, fase: 'gestart', contract: { startdatum: start, contractvorm: 'onbepaaldeTijd', urenPerWeek: h.uren, loonPercentageWml: 100, teltVoorBanenafspraak: true }, versie: 2 };
  const eind = h.einde ? { ...gestart, fase: 'beeindigd', beeindiging: { einddatum: plusDagen(start, h.einde.na), reden: h.einde.reden, toelichting: 'vrije tekst' }, versie: 3 } : undefined;
  const reeksen: Record<string, unknown>[][] = [[plaatsingBeeld(basis), ...(h.gestart ? [plaatsingBeeld(gestart), ...(eind ? [plaatsingBeeld(eind)] : [])] : [])]];
  for (const [termijn, a] of [['P6M', h.a6], ['P12M', h.a12]] as const) {
    const id = ulid();
    const m = { id, plaatsingId: p, soort: 'duurzaamheidscheck', termijn, antwoordUiterlijk: '2030-01-01', antwoorden: [] as { nogInDienst: boolean; werkzaamElders?: boolean; op: string }[] };
    const antwoord = a === 'geen' ? undefined : { nogInDienst: a === 'inDienst', werkzaamElders: a === 'elders', op: '2026-01-01T00:00:00Z' };
    reeksen.push([momentBeeld({ ...m, status: 'verstuurd' }), ...(antwoord ? [momentBeeld({ ...m, status: 'beantwoord', antwoorden: [antwoord] })] : [])]);
  }
  if (h.escalatie !== undefined) {
    const e = { entiteit: 'Escalatie', id: ulid(), plaatsingId: p, aangemaaktOp: '2025-01-01T00:00:00Z' };
    reeksen.push([{ ...e, status: 'open' }, { ...e, status: 'afgehandeld', afgehandeldOp: new Date(Date.parse(e.aangemaaktOp) + h.escalatie * 3_600_000).toISOString() }]);
  }
  // An erasure: the same images anonymised, once more.
  if (h.gewist) for (const r of reeksen) r.push(JSON.parse(JSON.stringify(r.at(-1), (k, x) => (k === 'toelichting' || k === 'notitie' ? undefined : x))));
  const laatste = reeksen.map((r) => r.at(-1)!);
  const direct = uitkomstVan(
    p,
    plaatsingdeelVan(laatste[0]!),
    laatste.filter((b) => b.entiteit === 'Nazorgmoment').map(momentdeelVan),
    laatste.filter((b) => b.entiteit === 'Escalatie').map(escalatiedeelVan),
    { doelgroep: h.doelgroep, arbeidsmarktregio: 'Zuid-Limburg', soortWerkplek: h.soort, werksoort: 'groen' },
  );
  return { p, v, w, reeksen, direct };
};

describe('de uitkomsten van de consument zijn de uitkomsten van de plaatsingen zelf', () => {
  it('voor willekeurige geschiedenissen van starts, antwoorden, einden en wissen, in willekeurige volgorde en met herhalingen', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(geschiedenis, { minLength: 1, maxLength: 14 }), fc.array(fc.nat(), { minLength: 64, maxLength: 64 }), async (hs, keuzes) => {
        const gemeente = `GM${String(1000 + Math.floor(Math.random() * 8999))}`;
        const plaatsingen = hs.map((h) => ({ h, ...beeldenVan(h, gemeente) }));
        for (const { h, v, w } of plaatsingen) await zetKenmerken(v, w, h.doelgroep, h.soort);
        // Each item's records in their own order (as the stream keeps them per item), items interleaved at random,
        // and some records delivered twice.
        const rijen = plaatsingen.flatMap((x) => x.reeksen.map((r) => r.map((b) => rec(b))));
        const stroom: DynamoDBRecord[] = [];
        let k = 0;
        while (rijen.some((r) => r.length)) {
          const open = rijen.filter((r) => r.length);
          const r = open[(keuzes[k++ % keuzes.length] ?? 0) % open.length]!;
          const volgende = r.shift()!;
          stroom.push(volgende);
          if ((keuzes[k % keuzes.length] ?? 1) % 5 === 0) stroom.push(volgende);
        }
        for (let i = 0; i < stroom.length; i += 7) expect(await handler({ Records: stroom.slice(i, i + 7) }, context)).toEqual({ batchItemFailures: [] });

        const s: Uitkomstenscope = { soort: 'gemeente', gemeente };
        const uitConsument = await store().uitkomsten(s);
        const direct = plaatsingen.flatMap((x) => (x.direct ? [x.direct] : [])) as Uitkomst[];
        const sorteer = (us: readonly Uitkomst[]) => [...us].sort((a, b) => a.plaatsingId.localeCompare(b.plaatsingId));
        expect(sorteer(uitConsument)).toEqual(sorteer(direct));
        const rapport = (us: readonly Uitkomst[]) => maakRapport({ filter: {}, scope: s, rapportdatum: '2026-11-26', uitkomsten: sorteer(us), leden: [{ lidId: LID, toezeggingen: { reguliereBanen: 5, participatieplaatsen: 2, beschutWerkplekken: 1, banenafspraakBanen: 3 } }], aansluiting: [] });
        expect(rapport(uitConsument)).toEqual(rapport(direct));
      }),
      { numRuns: 12 },
    );
    // Twelve random histories against DynamoDB Local: about 20 s on an idle 2-core machine, more beside the rest of the suite.
  }, 120_000);
});

describe('gelijktijdige bronnen van één plaatsing', () => {
  it('de plaatsing, haar momenten en een escalatie tegelijk uit verschillende shards: één uitkomst met alles erin', async () => {
    const [p, v, w] = [ulid(), ulid(), ulid()];
    await zetKenmerken(v, w, 'participatiewet', 'participatieplaats');
    const gemeente = 'GM0777';
    const start = rec(plaatsingBeeld({ id: p, verwijzingId: v, werkplekId: w, lidId: LID, gemeente, fase: 'gestart', contract: { startdatum: '2025-03-03', contractvorm: 'onbepaaldeTijd', urenPerWeek: 30, loonPercentageWml: 100, teltVoorBanenafspraak: false }, instrumenten: [], versie: 2 }));
    const momenten = Array.from({ length: 6 }, () =>
      rec(momentBeeld({ id: ulid(), plaatsingId: p, soort: 'regulier', status: 'beantwoord', antwoordUiterlijk: '2025-05-01', antwoorden: [{ nogInDienst: true, op: '2025-04-01T00:00:00Z' }] })),
    );
    const esc = rec({ entiteit: 'Escalatie', id: ulid(), plaatsingId: p, aangemaaktOp: '2025-04-02T00:00:00Z', status: 'open' });
    const uitkomsten = await Promise.all([start, ...momenten, esc].map((r) => handler({ Records: [r] }, context)));
    expect(uitkomsten.every((u) => u.batchItemFailures.length === 0)).toBe(true);
    const [u] = await store().uitkomsten({ soort: 'gemeente', gemeente });
    expect(u).toMatchObject({ plaatsingId: p, nazorg: { regulier: { beslist: 6, opTijd: 6 } }, escalaties: [{ op: '2025-04-02' }], soortWerkplek: 'participatieplaats' });
  });
});
