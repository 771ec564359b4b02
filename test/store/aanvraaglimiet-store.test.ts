import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { bronHash, venster, type Limiet } from '../../shared/domain/aanvraaglimiet';
import { telAanvraag } from '../../shared/store/aanvraaglimiet-store';
import { dynamo } from '../../shared/store/dynamodb';
import { sleutels } from '../../shared/store/sleutels';
import { storeOmgeving } from './store-omgeving';

let tableName: string;
beforeAll(async () => ({ tableName } = await storeOmgeving()));

const LIMIET: Limiet = { aantal: 5, vensterSeconden: 600 };
// Fixed clocks: the window is part of the key, so a test that read the wall clock could straddle two.
const NU = new Date('2026-11-26T09:01:00.000Z');
let adres = 0;
const nieuwAdres = () => `198.51.100.${++adres}`;

describe('de aanvraagteller in DynamoDB Local', () => {
  it('laat per bron precies het limiet aantal door in een venster en weigert daarna met de wachttijd tot het einde', async () => {
    const bron = nieuwAdres();
    const uitkomsten = [];
    for (let i = 0; i < 7; i++) uitkomsten.push(await telAanvraag('test', LIMIET, bron, NU));
    expect(uitkomsten.filter((u) => u.toegestaan)).toHaveLength(5);
    expect(uitkomsten.slice(5)).toEqual([
      { toegestaan: false, wachtSeconden: 540 },
      { toegestaan: false, wachtSeconden: 540 },
    ]);
    // A refused request is not counted: the counter stops at the limit.
    const v = venster(NU, LIMIET);
    const { Item } = await dynamo().send(new GetCommand({ TableName: tableName, Key: sleutels.aanvraagteller('test', bronHash(bron), v.start) }));
    expect(Item).toMatchObject({ entiteit: 'Aanvraagteller', aantal: 5, verlooptOp: v.eind + 3600 });
    expect(JSON.stringify(Item)).not.toContain(bron);
  });

  it('telt elke bron en elke naam apart, en begint in het volgende venster opnieuw', async () => {
    const a = nieuwAdres();
    for (let i = 0; i < 5; i++) await telAanvraag('test', LIMIET, a, NU);
    expect(await telAanvraag('test', LIMIET, a, NU)).toMatchObject({ toegestaan: false });
    expect(await telAanvraag('test', LIMIET, nieuwAdres(), NU)).toEqual({ toegestaan: true });
    expect(await telAanvraag('ander', LIMIET, a, NU)).toEqual({ toegestaan: true });
    expect(await telAanvraag('test', LIMIET, a, new Date(NU.getTime() + 540_000))).toEqual({ toegestaan: true });
  });

  it('houdt de limiet ook bij veertig gelijktijdige verzoeken: er komen er precies vijf door', async () => {
    const bron = nieuwAdres();
    const uitkomsten = await Promise.all(Array.from({ length: 40 }, () => telAanvraag('test', LIMIET, bron, NU)));
    expect(uitkomsten.filter((u) => u.toegestaan)).toHaveLength(5);
  });

  it('bewaart geen IP-adres in de tabel', async () => {
    const { Items } = await dynamo().send(new ScanCommand({ TableName: tableName }));
    expect(Items!.length).toBeGreaterThan(0);
    expect(JSON.stringify(Items)).not.toMatch(/198\.51\.100\./);
  });
});
