import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/rollen';
import { registreren, wijzigen } from '../../shared/domain/gemeenten';
import type { Omgeving } from '../../shared/domain/leden';
import { GemeenteRegistratie } from '../../shared/schemas/gemeenten';
import { dynamo } from '../../shared/store/dynamodb';
import { dynamoGemeentenStore } from '../../shared/store/gemeenten-store';
import { sleutels } from '../../shared/store/sleutels';
import { storeOmgeving } from './store-omgeving';

let tableName: string;
beforeAll(async () => ({ tableName } = await storeOmgeving()));

const admin: Principal = { rol: 'coopAdmin', subject: 'coordinator' };
const omgeving = (): Omgeving => ({ nu: new Date().toISOString(), nieuwId: () => ulid() });
let volgnummer = 100;
const registratie = () =>
  GemeenteRegistratie.parse({
    code: `GM${String(++volgnummer).padStart(4, '0')}`,
    naam: `Gemeente ${volgnummer}`,
    arbeidsmarktregio: 'Midden-Utrecht',
    contactpersoon: { naam: 'Jan Smit', email: 'werk@gemeente.nl' },
  });

describe('de gemeentenopslag in DynamoDB Local', () => {
  it('schrijft gemeente en gebeurtenis in één transactie, elk met zijn entiteit; een tweede registratie van dezelfde code is een conflict', async () => {
    const store = dynamoGemeentenStore();
    const m = registreren(registratie(), admin, omgeving());
    await store.voegToe(m);
    expect(await store.haal(m.gemeente.code)).toEqual(m.gemeente);
    const tweede = registreren({ ...registratie(), code: m.gemeente.code, naam: 'Dubbel' }, admin, omgeving());
    await expect(store.voegToe(tweede)).rejects.toMatchObject({ soort: 'conflict' });
    expect((await store.haal(m.gemeente.code))?.naam).toBe(m.gemeente.naam);
    const { Items } = await dynamo().send(new ScanCommand({ TableName: tableName }));
    const eigen = (Items ?? []).filter((i) => i.pk === sleutels.gemeente(m.gemeente.code).pk);
    expect(eigen.map((i) => i.entiteit).sort()).toEqual(['Gemeente', 'GemeenteGebeurtenis']);
  });

  it('weigert een wijziging op een verouderde versie, zonder gebeurtenis', async () => {
    const store = dynamoGemeentenStore();
    const m = registreren(registratie(), admin, omgeving());
    await store.voegToe(m);
    await store.pasToe(wijzigen(m.gemeente, { naam: 'Eerste' }, admin, undefined, omgeving()));
    await expect(store.pasToe(wijzigen(m.gemeente, { naam: 'Tweede' }, admin, undefined, omgeving()))).rejects.toMatchObject({ soort: 'verouderd' });
    expect((await store.haal(m.gemeente.code))?.naam).toBe('Eerste');
    expect((await store.gebeurtenissen(m.gemeente.code, { pageSize: 10 })).items.map((g) => [g.soort, g.versie])).toEqual([
      ['geregistreerd', 1],
      ['gewijzigd', 2],
    ]);
  });

  it('pagineert de lijst (gsi1, op code) en de geschiedenis (tabel) met cursors', async () => {
    const store = dynamoGemeentenStore();
    let m = registreren(registratie(), admin, omgeving());
    await store.voegToe(m);
    for (let i = 0; i < 3; i++) {
      const w = wijzigen(m.gemeente, { instellingen: { reactietermijnDagen: 10 + i } }, admin, undefined, omgeving());
      await store.pasToe(w);
      m = w;
    }
    const versies: number[] = [];
    let cursor: string | undefined;
    do {
      const p = await store.gebeurtenissen(m.gemeente.code, { pageSize: 3, cursor });
      versies.push(...p.items.map((g) => g.versie));
      cursor = p.cursor;
    } while (cursor);
    expect(versies).toEqual([1, 2, 3, 4]);

    for (let i = 0; i < 3; i++) await store.voegToe(registreren(registratie(), admin, omgeving()));
    const codes: string[] = [];
    cursor = undefined;
    do {
      const p = await store.zoek({ pageSize: 2, cursor });
      codes.push(...p.items.map((g) => g.code));
      cursor = p.cursor;
    } while (cursor);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(4);
  });

  it('leest nooit een ander soort item als gemeente', async () => {
    await dynamo().send(new PutCommand({ TableName: tableName, Item: { ...sleutels.gemeente('GM9999'), entiteit: 'Lid', naam: 'x' } }));
    await expect(dynamoGemeentenStore().haal('GM9999')).rejects.toThrow();
  });
});
