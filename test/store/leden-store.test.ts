import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/rollen';
import { aanvragen, voerUit, type Omgeving } from '../../shared/domain/leden';
import type { LidAanvraag } from '../../shared/schemas/leden';
import { dynamo } from '../../shared/store/dynamodb';
import { dynamoLedenStore } from '../../shared/store/leden-store';
import { sleutels } from '../../shared/store/sleutels';
import { tableDefinition } from '../../shared/table/definition';
import { storeOmgeving } from './store-omgeving';
import { ulid } from 'ulidx';

let tableName: string;
beforeAll(async () => ({ tableName } = await storeOmgeving()));

const admin: Principal = { rol: 'coopAdmin', subject: 'coordinator' };
const omgeving = (): Omgeving => ({ nu: new Date().toISOString(), nieuwId: () => ulid() });
let kvk = 20_000_000 + Math.floor(Math.random() * 70_000_000);
const aanvraag = (): LidAanvraag => ({
  kvkNummer: String(++kvk),
  naam: 'Groenvoorziening Het Hout',
  sectoren: ['groen'],
  werksoorten: ['hoveniers'],
  contactpersoon: { naam: 'Sanne de Vries', email: 'sanne@hethout.nl' },
  toezeggingen: { reguliereBanen: 1, participatieplaatsen: 2, beschutWerkplekken: 1, banenafspraakBanen: 1 },
});

describe('de ledenopslag in DynamoDB Local', () => {
  it('schrijft lid, KvK-registratie en gebeurtenis in één transactie, elk met zijn entiteit', async () => {
    const store = dynamoLedenStore();
    const m = aanvragen(aanvraag(), omgeving());
    await store.voegToe(m);
    expect(await store.haal(m.lid.id)).toEqual(m.lid);
    const { Items } = await dynamo().send(new ScanCommand({ TableName: tableName }));
    const eigen = (Items ?? []).filter((i) => i.lidId === m.lid.id || i.id === m.lid.id);
    expect(eigen.map((i) => i[`entiteit`]).sort()).toEqual(['KvkRegistratie', 'Lid', 'LidGebeurtenis']);
    for (const i of Items ?? []) expect(i.entiteit).toEqual(expect.any(String));
  });

  it('weigert een tweede aanvraag met hetzelfde KvK-nummer als conflict, zonder iets te schrijven', async () => {
    const store = dynamoLedenStore();
    const eerste = aanvragen(aanvraag(), omgeving());
    await store.voegToe(eerste);
    const tweede = aanvragen({ ...aanvraag(), kvkNummer: eerste.lid.kvkNummer }, omgeving());
    await expect(store.voegToe(tweede)).rejects.toMatchObject({ soort: 'conflict' });
    expect(await store.haal(tweede.lid.id)).toBeUndefined();
  });

  it('weigert een wijziging op een verouderde versie, en schrijft dan ook geen gebeurtenis of notificatie', async () => {
    const store = dynamoLedenStore();
    const m = aanvragen(aanvraag(), omgeving());
    await store.voegToe(m);
    const a = voerUit(m.lid, 'goedkeuren', admin, {}, omgeving());
    const b = voerUit(m.lid, 'afwijzen', admin, { reden: 'tegelijk' }, omgeving());
    await store.pasToe(a);
    await expect(store.pasToe(b)).rejects.toMatchObject({ soort: 'verouderd' });
    expect((await store.haal(m.lid.id))?.status).toBe('actief');
    const { Items } = await dynamo().send(new ScanCommand({ TableName: tableName }));
    expect((Items ?? []).filter((i) => i.entiteit === 'Notificatie' && i.onderwerpId === m.lid.id).map((i) => i.soort)).toEqual(['lidGoedgekeurd']);
    expect((await store.gebeurtenissen(m.lid.id, { pageSize: 10 })).items.map((g) => g.soort)).toEqual(['aangevraagd', 'goedgekeurd']);
  });

  it('leest nooit een ander soort item als lid: een vreemd item onder een ledensleutel wordt geweigerd', async () => {
    const id = ulid();
    await dynamo().send(new PutCommand({ TableName: tableName, Item: { ...sleutels.lid(id), entiteit: 'Werkplek', naam: 'x' } }));
    await expect(dynamoLedenStore().haal(id)).rejects.toThrow();
  });

  it('zoekt leden per status via de index, gepagineerd', async () => {
    const store = dynamoLedenStore();
    for (let i = 0; i < 3; i++) {
      const m = aanvragen(aanvraag(), omgeving());
      await store.voegToe(m);
      await store.pasToe(voerUit(m.lid, 'goedkeuren', admin, {}, omgeving()));
    }
    const ids = new Set<string>();
    let cursor: string | undefined;
    do {
      const p = await store.zoek({ status: 'actief', pageSize: 2, cursor });
      expect(p.items.length).toBeLessThanOrEqual(2);
      for (const l of p.items) {
        expect(l.status).toBe('actief');
        ids.add(l.id);
      }
      cursor = p.cursor;
    } while (cursor);
    expect(ids.size).toBeGreaterThanOrEqual(3);
    expect(tableDefinition.globalSecondaryIndexes.map((g) => g.indexName)).toContain('gsi1');
  });
});
