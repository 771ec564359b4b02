import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/rollen';
import { aanvragen, voerUit, type Omgeving } from '../../shared/domain/leden';
import { aanbieden, bezettingWijzigen, wijzigen } from '../../shared/domain/werkplekken';
import type { Werkplek, WerkplekInvoer } from '../../shared/schemas/werkplekken';
import { dynamo } from '../../shared/store/dynamodb';
import { dynamoLedenStore } from '../../shared/store/leden-store';
import { sleutels } from '../../shared/store/sleutels';
import { dynamoWerkplekkenStore, werkplekItem, werkplekMutatieItems } from '../../shared/store/werkplekken-store';
import { storeOmgeving } from './store-omgeving';

let tableName: string;
beforeAll(async () => ({ tableName } = await storeOmgeving()));

const admin: Principal = { rol: 'coopAdmin', subject: 'coordinator' };
const omgeving = (): Omgeving => ({ nu: new Date().toISOString(), nieuwId: () => ulid() });
let kvk = 30_000_000 + Math.floor(Math.random() * 60_000_000);
// A region of its own per test run, so the matching partitions read here hold only this file's places.
const REGIO = `Regio ${ulid()}`;

const actiefLid = async (): Promise<string> => {
  const leden = dynamoLedenStore();
  const m = aanvragen(
    {
      kvkNummer: String(++kvk),
      naam: 'Groenvoorziening Het Hout',
      sectoren: ['groen'],
      werksoorten: ['groen'],
      contactpersoon: { naam: 'Sanne de Vries', email: 'sanne@hethout.nl' },
      toezeggingen: { reguliereBanen: 1, participatieplaatsen: 2, beschutWerkplekken: 0, banenafspraakBanen: 1 },
    },
    omgeving(),
  );
  await leden.voegToe(m);
  await leden.pasToe(voerUit(m.lid, 'goedkeuren', admin, {}, omgeving()));
  return m.lid.id;
};

const invoer = (over: Partial<WerkplekInvoer> = {}): WerkplekInvoer => ({
  titel: 'Medewerker groenonderhoud',
  soort: 'participatieplaats',
  werksoort: 'groen',
  uren: { minimum: 16, maximum: 32 },
  locatie: { postcodegebied: '1102', gemeente: 'GM0363' },
  aantalPlaatsen: 1,
  eisen: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', taalniveau: 'A2', rijbewijs: false },
  werkaanpassingen: ['vasteStructuur'],
  begeleiding: { eigenJobcoach: true, buddy: false },
  teltVoorBanenafspraak: true,
  ...over,
});

const rauw = async (id: string) => (await dynamo().send(new GetCommand({ TableName: tableName, Key: sleutels.werkplek(id) }))).Item!;
const inMatching = async (w: Werkplek): Promise<string[]> => {
  const r = await dynamo().send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': sleutels.openWerkplekkenPartitie(w.arbeidsmarktregio, w.werksoort) },
    }),
  );
  return (r.Items ?? []).map((i) => i.id as string);
};

describe('de werkplekkenopslag in DynamoDB Local', () => {
  it('schrijft werkplek en gebeurtenis in één transactie, alleen voor een actief lid', async () => {
    const store = dynamoWerkplekkenStore();
    const lidId = await actiefLid();
    const m = aanbieden(lidId, invoer(), REGIO, { rol: 'werkgever', subject: 'hr' }, omgeving());
    await store.voegToe(m);
    expect(await store.haal(m.werkplek.id)).toEqual(m.werkplek);
    expect((await rauw(m.werkplek.id)).entiteit).toBe('Werkplek');
    expect((await store.gebeurtenissen(m.werkplek.id, { pageSize: 10 })).items).toEqual([m.gebeurtenis]);

    // A member suspended between the read and the write: the transaction's check refuses, nothing is written.
    const leden = dynamoLedenStore();
    const lid = (await leden.haal(lidId))!;
    await leden.pasToe(voerUit(lid, 'schorsen', admin, { reden: 'Afspraken niet nagekomen' }, omgeving()));
    const tweede = aanbieden(lidId, invoer(), REGIO, { rol: 'werkgever', subject: 'hr' }, omgeving());
    await expect(store.voegToe(tweede)).rejects.toMatchObject({ soort: 'ongeldigeOvergang' });
    expect(await store.haal(tweede.werkplek.id)).toBeUndefined();
    expect((await store.gebeurtenissen(tweede.werkplek.id, { pageSize: 10 })).items).toEqual([]);
    // And a lid that does not exist at all.
    await expect(store.voegToe(aanbieden(ulid(), invoer(), REGIO, admin, omgeving()))).rejects.toMatchObject({ soort: 'ongeldigeOvergang' });
  });

  it('de matchingsleutel verschijnt en verdwijnt met status en bezetting, in dezelfde schrijfactie', async () => {
    const store = dynamoWerkplekkenStore();
    const m = aanbieden(await actiefLid(), invoer({ aantalPlaatsen: 1 }), REGIO, admin, omgeving());
    await store.voegToe(m);
    let w = m.werkplek;
    expect(await rauw(w.id)).toMatchObject(sleutels.openWerkplekkenIndex(REGIO, 'groen', w.id));
    expect(await inMatching(w)).toContain(w.id);

    const vol = bezettingWijzigen(w, 1, admin, omgeving());
    await store.pasToe(vol);
    w = vol.werkplek;
    expect(w.status).toBe('vervuld');
    expect(await rauw(w.id)).not.toHaveProperty('gsi2pk');
    expect(await inMatching(w)).not.toContain(w.id);

    const vrij = bezettingWijzigen(w, -1, admin, omgeving());
    await store.pasToe(vrij);
    w = vrij.werkplek;
    expect(await inMatching(w)).toContain(w.id);

    const dicht = wijzigen(w, { status: 'gesloten' }, admin, w.versie, omgeving());
    await store.pasToe(dicht);
    w = dicht.werkplek;
    expect(await rauw(w.id)).not.toHaveProperty('gsi2pk');
    expect(await inMatching(w)).not.toContain(w.id);

    const open = wijzigen(w, { status: 'open' }, admin, w.versie, omgeving());
    await store.pasToe(open);
    expect(await inMatching(open.werkplek)).toContain(w.id);
    expect((await store.gebeurtenissen(w.id, { pageSize: 10 })).items.map((g) => g.soort)).toEqual([
      'aangeboden',
      'bezettingGewijzigd',
      'bezettingGewijzigd',
      'gesloten',
      'heropend',
    ]);
    // The list keys follow the status too.
    expect(await rauw(w.id)).toMatchObject(sleutels.werkplekkenAlle('open', w.aangemaaktOp, w.id));
  });

  it('weigert een wijziging op een verouderde versie en schrijft dan ook geen gebeurtenis', async () => {
    const store = dynamoWerkplekkenStore();
    const m = aanbieden(await actiefLid(), invoer({ aantalPlaatsen: 3 }), REGIO, admin, omgeving());
    await store.voegToe(m);
    const a = wijzigen(m.werkplek, { titel: 'A' }, admin, 1, omgeving());
    const b = bezettingWijzigen(m.werkplek, 1, admin, omgeving());
    await store.pasToe(a);
    await expect(store.pasToe(b)).rejects.toMatchObject({ soort: 'verouderd' });
    expect(await store.haal(m.werkplek.id)).toMatchObject({ titel: 'A', aantalBezet: 0, versie: 2 });
    expect((await store.gebeurtenissen(m.werkplek.id, { pageSize: 10 })).items.map((g) => g.soort)).toEqual(['aangeboden', 'gewijzigd']);
  });

  it('een plaatsing schrijft de bezetting mee in haar eigen transactie, met dezelfde sleutels', async () => {
    const store = dynamoWerkplekkenStore();
    const m = aanbieden(await actiefLid(), invoer(), REGIO, admin, omgeving());
    await store.voegToe(m);
    const anderItem = { pk: `TEST#${ulid()}`, sk: 'TEST', entiteit: 'Test' };
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [{ Put: { TableName: tableName, Item: anderItem } }, ...werkplekMutatieItems(bezettingWijzigen(m.werkplek, 1, admin, omgeving()))],
      }),
    );
    const w = (await store.haal(m.werkplek.id))!;
    expect(w).toMatchObject({ aantalBezet: 1, status: 'vervuld', versie: 2 });
    expect(await rauw(w.id)).toEqual(werkplekItem(w));
    expect(() => werkplekMutatieItems(m)).toThrow(/verwachte versie/);
  });

  it('zoekt per lid en alle werkplekken op status, gepagineerd; een cursor van de ene lijst past niet op de andere', async () => {
    const store = dynamoWerkplekkenStore();
    const lidId = await actiefLid();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const m = aanbieden(lidId, invoer(), REGIO, admin, omgeving());
      await store.voegToe(m);
      ids.push(m.werkplek.id);
    }
    const dicht = (await store.haal(ids[2]!))!;
    await store.pasToe(wijzigen(dicht, { status: 'gesloten' }, admin, 1, omgeving()));

    const gezien: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await store.zoekPerLid(lidId, { status: 'open', pageSize: 1, cursor });
      expect(p.items.length).toBeLessThanOrEqual(1);
      for (const w of p.items) expect(w).toMatchObject({ lidId, status: 'open' });
      gezien.push(...p.items.map((w) => w.id));
      cursor = p.cursor;
    } while (cursor);
    expect(gezien.sort()).toEqual(ids.slice(0, 2).sort());
    expect((await store.zoekPerLid(lidId, { status: 'gesloten', pageSize: 10 })).items.map((w) => w.id)).toEqual([ids[2]]);
    const alle = await store.zoekAlle({ status: 'gesloten', pageSize: 100 });
    expect(alle.items.map((w) => w.id)).toContain(ids[2]);
    expect(alle.items.every((w) => w.status === 'gesloten')).toBe(true);

    const perLid = await store.zoekPerLid(lidId, { pageSize: 1 });
    await expect(store.zoekAlle({ pageSize: 1, cursor: perLid.cursor })).rejects.toMatchObject({ soort: 'ongeldigeInvoer' });
    await expect(store.zoekPerLid(await actiefLid(), { pageSize: 1, cursor: perLid.cursor })).rejects.toMatchObject({ soort: 'ongeldigeInvoer' });
  });

  it('leest nooit een ander soort item als werkplek', async () => {
    const id = ulid();
    await dynamo().send(new PutCommand({ TableName: tableName, Item: { ...sleutels.werkplek(id), entiteit: 'Lid', titel: 'x' } }));
    await expect(dynamoWerkplekkenStore().haal(id)).rejects.toThrow();
  });
});
