import { PutCommand, QueryCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/rollen';
import { registreren } from '../../shared/domain/gemeenten';
import { aanvragen, voerUit as lidVoerUit, type Omgeving } from '../../shared/domain/leden';
import {
  indienen,
  isZichtbaarInMatching,
  plaatsen,
  toestemmingGeven,
  toestemmingIntrekken,
  voerUit,
  wijzigen,
  type VerwijzingMutatie,
} from '../../shared/domain/verwijzingen';
import { GemeenteRegistratie, type Gemeente } from '../../shared/schemas/gemeenten';
import type { Verwijzing, VerwijzingInvoer } from '../../shared/schemas/verwijzingen';
import { dynamo } from '../../shared/store/dynamodb';
import { dynamoLedenStore } from '../../shared/store/leden-store';
import { sleutels } from '../../shared/store/sleutels';
import { dynamoVerwijzingenStore, verwijzingTransactieItems } from '../../shared/store/verwijzingen-store';
import { naarZoekprofiel, zoekprofielMutaties } from '../../shared/store/zoekprofielen';
import { storeOmgeving } from './store-omgeving';

let tableName: string;
beforeAll(async () => ({ tableName } = await storeOmgeving()));

const admin: Principal = { rol: 'coopAdmin', subject: 'coordinator' };
const gm: Principal = { rol: 'gemeente', subject: 'klantmanager', gemeente: 'GM0363' };
const omgeving = (): Omgeving => ({ nu: new Date().toISOString(), nieuwId: () => ulid() });
const store = () => dynamoVerwijzingenStore();

// A region of its own per test run keeps the gsi2 partitions this file reads to itself.
const regio = `Groot Amsterdam ${ulid()}`;
const gemeente = (code = 'GM0363', arbeidsmarktregio = regio): Gemeente =>
  registreren(
    GemeenteRegistratie.parse({ code, naam: code, arbeidsmarktregio, contactpersoon: { naam: 'Noor Bakker', email: 'participatie@amsterdam.nl' } }),
    admin,
    omgeving(),
  ).gemeente;

const invoer = (over: Partial<VerwijzingInvoer> = {}): VerwijzingInvoer => ({
  dossierkenmerk: 'PW-2026-00412',
  doelgroep: 'participatiewet',
  kandidaat: { naam: 'Sem de Wit', email: 'sem@example.nl' },
  mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', zelfstandigheid: 'deelsZelfstandig', taalniveau: 'B1', rijbewijs: false },
  werkaanpassingen: ['vasteStructuur'],
  uren: { minimum: 16, maximum: 24 },
  mobiliteit: { reisafstandKm: 10, vervoer: ['fiets'] },
  postcodegebied: '1102',
  werksoortVoorkeuren: ['groen', 'schoonmaak'],
  beschikbaarVanaf: '2026-12-01',
  toestemmingProfielDelen: true,
  ...over,
});

const toepassen = async (m: VerwijzingMutatie): Promise<Verwijzing> => {
  await (m.verwachteVersie === undefined ? store().voegToe(m) : store().pasToe(m));
  return m.verwijzing;
};
const ingediend = (over: Partial<VerwijzingInvoer> = {}) => toepassen(indienen(invoer(over), gemeente(), gm, omgeving()));
const bemiddelbaar = async (over: Partial<VerwijzingInvoer> = {}) => {
  let v = await ingediend(over);
  v = await toepassen(voerUit(v, 'intakeStarten', admin, {}, omgeving()));
  return toepassen(voerUit(v, 'bemiddelbaarVerklaren', admin, {}, omgeving()));
};

/** The zoekprofielen under a referral's partition, by werksoort. */
const zoekprofielen = async (verwijzingId: string) => {
  const r = await dynamo().send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':p': sleutels.verwijzing(verwijzingId).pk, ':s': sleutels.zoekprofielPrefix },
      ConsistentRead: true,
    }),
  );
  return (r.Items ?? []).map(naarZoekprofiel);
};
/** Matching's read: one Query on the sparse gsi2 partition of a region and werksoort. */
const kandidaten = async (werksoort: string, r = regio) => {
  const q = await dynamo().send(
    new QueryCommand({ TableName: tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': sleutels.kandidatenPartitie(r, werksoort) } }),
  );
  return (q.Items ?? []).map(naarZoekprofiel);
};

const actiefLid = async (): Promise<string> => {
  const leden = dynamoLedenStore();
  const m = aanvragen(
    {
      kvkNummer: String(30_000_000 + Math.floor(Math.random() * 60_000_000)),
      naam: 'Groen BV',
      sectoren: ['groen'],
      werksoorten: ['groen'],
      contactpersoon: { naam: 'Eva', email: 'eva@groen.nl' },
      toezeggingen: { reguliereBanen: 1, participatieplaatsen: 1, beschutWerkplekken: 0, banenafspraakBanen: 1 },
    },
    omgeving(),
  );
  await leden.voegToe(m);
  await leden.pasToe(lidVoerUit(m.lid, 'goedkeuren', admin, {}, omgeving()));
  return m.lid.id;
};

describe('de verwijzingenopslag in DynamoDB Local', () => {
  it('schrijft verwijzing en gebeurtenis in één transactie, elk met zijn entiteit; ingediend heeft nog geen zoekprofielen', async () => {
    const v = await ingediend();
    expect(await store().haal(v.id)).toEqual(v);
    const { Items } = await dynamo().send(new ScanCommand({ TableName: tableName }));
    const eigen = (Items ?? []).filter((i) => i.pk === sleutels.verwijzing(v.id).pk);
    expect(eigen.map((i) => i.entiteit).sort()).toEqual(['Verwijzing', 'VerwijzingGebeurtenis']);
    expect(eigen.find((i) => i.entiteit === 'VerwijzingGebeurtenis')).toMatchObject({ gemeente: 'GM0363', soort: 'ingediend' });
  });

  it('weigert een wijziging op een verouderde versie en schrijft dan geen gebeurtenis en geen zoekprofiel', async () => {
    const v = await ingediend();
    const intake = await toepassen(voerUit(v, 'intakeStarten', admin, {}, omgeving()));
    await toepassen(voerUit(intake, 'bemiddelbaarVerklaren', admin, {}, omgeving()));
    await expect(store().pasToe(voerUit(intake, 'terugmelden', admin, { reden: 'tegelijk' }, omgeving()))).rejects.toMatchObject({ soort: 'verouderd' });
    expect((await store().haal(v.id))?.status).toBe('bemiddelbaar');
    expect((await store().gebeurtenissen(v.id, { pageSize: 10 })).items.map((g) => g.soort)).toEqual(['ingediend', 'inIntakeGenomen', 'bemiddelbaarVerklaard']);
    expect(await zoekprofielen(v.id)).toHaveLength(2);
  });

  it('na bemiddelbaarverklaring met toestemming: één anoniem zoekprofiel per werksoort op gsi2 KANDIDATEN#<regio>#<werksoort>', async () => {
    const v = await bemiddelbaar();
    for (const werksoort of ['groen', 'schoonmaak']) {
      const gevonden = (await kandidaten(werksoort)).filter((z) => z.verwijzingId === v.id);
      expect(gevonden).toHaveLength(1);
      expect(gevonden[0]).toMatchObject({ entiteit: 'Zoekprofiel', gemeente: 'GM0363', werksoort, mobiliteit: v.mobiliteit, toestemmingWerkgevers: [] });
      expect(gevonden[0]!.gsi2pk).toBe(`KANDIDATEN#${regio}#${werksoort}`);
      expect(JSON.stringify(gevonden[0])).not.toContain('Sem de Wit');
      expect(JSON.stringify(gevonden[0])).not.toContain('PW-2026-00412');
    }
  });

  it('zonder toestemming om het profiel te delen komt er geen zoekprofiel; met de toestemming (PATCH) wel, en na intrekken weer weg', async () => {
    const v = await bemiddelbaar({ toestemmingProfielDelen: false });
    expect(await zoekprofielen(v.id)).toEqual([]);
    const met = await toepassen(wijzigen(v, { toestemmingProfielDelen: true }, gm, undefined, omgeving()));
    expect((await zoekprofielen(v.id)).map((z) => z.werksoort).sort()).toEqual(['groen', 'schoonmaak']);
    await toepassen(wijzigen(met, { toestemmingProfielDelen: false }, gm, undefined, omgeving()));
    expect(await zoekprofielen(v.id)).toEqual([]);
    expect((await kandidaten('groen')).some((z) => z.verwijzingId === v.id)).toBe(false);
  });

  it('andere werksoorten verplaatsen de zoekprofielen; een profielwijziging werkt ze bij; een dubbele voorkeur geeft één', async () => {
    const v = await bemiddelbaar();
    const w = await toepassen(wijzigen(v, { werksoortVoorkeuren: ['schoonmaak', 'logistiek', 'logistiek'], uren: { minimum: 8, maximum: 12 } }, gm, undefined, omgeving()));
    const na = await zoekprofielen(v.id);
    expect(na.map((z) => z.werksoort).sort()).toEqual(['logistiek', 'schoonmaak']);
    for (const z of na) expect(z.profiel.uren).toEqual({ minimum: 8, maximum: 12 });
    expect((await kandidaten('groen')).some((z) => z.verwijzingId === v.id)).toBe(false);
    // A change that touches no matched field writes no zoekprofiel.
    expect(zoekprofielMutaties(w, { ...w, kandidaat: { naam: 'Sem' }, versie: w.versie + 1 })).toEqual([]);
  });

  it('wie bemiddelbaar verlaat (geplaatst, teruggemeld) verdwijnt uit de matching, in dezelfde transactie', async () => {
    const a = await bemiddelbaar();
    // The placements put the referral's change into their own transaction, with these entries.
    await dynamo().send(new TransactWriteCommand({ TransactItems: verwijzingTransactieItems(plaatsen(a, ulid(), admin, omgeving())) }));
    expect(await store().haal(a.id)).toMatchObject({ status: 'geplaatst', aantalPlaatsingen: 1 });
    expect(await zoekprofielen(a.id)).toEqual([]);
    const b = await bemiddelbaar();
    await toepassen(voerUit(b, 'terugmelden', admin, { reden: 'Verhuisd' }, omgeving()));
    expect(await zoekprofielen(b.id)).toEqual([]);
  });

  it('toestemming per lid staat ook op de zoekprofielen; alleen voor een actief lid, anders wordt niets geschreven', async () => {
    const lid = await actiefLid();
    const v = await bemiddelbaar();
    const gegeven = await toepassen(toestemmingGeven(v, lid, gm, undefined, omgeving())!);
    for (const z of await zoekprofielen(v.id)) expect(z.toestemmingWerkgevers).toEqual([lid]);
    const onbekend = ulid();
    await expect(store().pasToe(toestemmingGeven(gegeven, onbekend, gm, undefined, omgeving())!)).rejects.toMatchObject({ soort: 'onverwerkbaar' });
    expect((await store().haal(v.id))?.toestemmingWerkgevers).toEqual([lid]);
    await toepassen(toestemmingIntrekken(gegeven, lid, gm, undefined, omgeving())!);
    for (const z of await zoekprofielen(v.id)) expect(z.toestemmingWerkgevers).toEqual([]);
  });

  it('zoekt per gemeente (gsi1) of alle (gsi3), op status, gepagineerd; een gemeente ziet nooit die van een ander', async () => {
    const utrecht = gemeente('GM0344', 'Midden-Utrecht');
    const eigen = [await ingediend(), await ingediend(), await ingediend()];
    const ander = await toepassen(indienen(invoer(), utrecht, { rol: 'gemeente', subject: 'x', gemeente: 'GM0344' }, omgeving()));
    const alle = async (filter: { gemeente?: string; status?: Verwijzing['status'] }) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const p = await store().zoek({ ...filter, pageSize: 2, cursor });
        expect(p.items.length).toBeLessThanOrEqual(2);
        for (const v of p.items) {
          if (filter.gemeente) expect(v.gemeente).toBe(filter.gemeente);
          if (filter.status) expect(v.status).toBe(filter.status);
        }
        ids.push(...p.items.map((v) => v.id));
        cursor = p.cursor;
      } while (cursor);
      return ids;
    };
    const amsterdam = await alle({ gemeente: 'GM0363', status: 'ingediend' });
    for (const v of eigen) expect(amsterdam).toContain(v.id);
    expect(amsterdam).not.toContain(ander.id);
    const iedereen = await alle({ status: 'ingediend' });
    for (const v of [...eigen, ander]) expect(iedereen).toContain(v.id);
    expect(await alle({ gemeente: 'GM0344' })).toEqual([ander.id]);
  });

  it('pagineert de geschiedenis; elke gebeurtenis draagt de gemeente van haar verwijzing', async () => {
    const v = await bemiddelbaar();
    const gelezen: { versie: number; gemeente: string }[] = [];
    let cursor: string | undefined;
    do {
      const p = await store().gebeurtenissen(v.id, { pageSize: 2, cursor });
      gelezen.push(...p.items);
      cursor = p.cursor;
    } while (cursor);
    expect(gelezen.map((g) => g.versie)).toEqual([1, 2, 3]);
    expect(new Set(gelezen.map((g) => g.gemeente))).toEqual(new Set(['GM0363']));
  });

  it('leest nooit een ander soort item als verwijzing of zoekprofiel', async () => {
    const id = ulid();
    await dynamo().send(new PutCommand({ TableName: tableName, Item: { ...sleutels.verwijzing(id), entiteit: 'Werkplek', naam: 'x' } }));
    await expect(store().haal(id)).rejects.toThrow();
    expect(() => naarZoekprofiel({ ...sleutels.zoekprofiel(id, 'groen'), entiteit: 'Verwijzing' })).toThrow();
  });

  it('na elke reeks overgangen bestaan precies de zoekprofielen die de toestand zegt', { timeout: 120_000 }, async () => {
    const lid = await actiefLid();
    type Stap = 'intake' | 'bemiddelbaar' | 'terug' | 'plaatsen' | 'delen' | 'nietDelen' | 'werksoorten' | 'geven' | 'intrekken';
    const stap = (v: Verwijzing, s: Stap): VerwijzingMutatie | undefined => {
      switch (s) {
        case 'intake':
          return voerUit(v, 'intakeStarten', admin, {}, omgeving());
        case 'bemiddelbaar':
          return voerUit(v, 'bemiddelbaarVerklaren', admin, {}, omgeving());
        case 'terug':
          return voerUit(v, 'terugmelden', admin, { reden: 'x' }, omgeving());
        case 'plaatsen':
          return plaatsen(v, ulid(), admin, omgeving());
        case 'delen':
          return wijzigen(v, { toestemmingProfielDelen: true }, gm, undefined, omgeving());
        case 'nietDelen':
          return wijzigen(v, { toestemmingProfielDelen: false }, gm, undefined, omgeving());
        case 'werksoorten':
          return wijzigen(v, { werksoortVoorkeuren: v.werksoortVoorkeuren.includes('groen') ? ['logistiek'] : ['groen', 'schoonmaak'] }, gm, undefined, omgeving());
        case 'geven':
          return toestemmingGeven(v, lid, gm, undefined, omgeving());
        case 'intrekken':
          return toestemmingIntrekken(v, lid, gm, undefined, omgeving());
      }
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<Stap>('intake', 'bemiddelbaar', 'terug', 'plaatsen', 'delen', 'nietDelen', 'werksoorten', 'geven', 'intrekken'), { minLength: 1, maxLength: 10 }),
        async (stappen) => {
          let v = await ingediend({ toestemmingProfielDelen: false });
          for (const s of stappen) {
            let m: VerwijzingMutatie | undefined;
            try {
              m = stap(v, s);
            } catch {
              continue;
            }
            if (m) v = await toepassen(m);
            const verwacht = isZichtbaarInMatching(v) ? [...new Set(v.werksoortVoorkeuren)].sort() : [];
            const echt = await zoekprofielen(v.id);
            expect(echt.map((z) => z.werksoort).sort()).toEqual(verwacht);
            for (const z of echt) expect(z.toestemmingWerkgevers).toEqual(v.toestemmingWerkgevers);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
