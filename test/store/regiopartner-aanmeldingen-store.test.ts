import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/rollen';
import type { Omgeving } from '../../shared/domain/leden';
import { aanmelden, afwijzen, bevestigen, bevestigingsmailId, dubbeleAanmeldingBericht, goedkeuren, nieuwBevestigingstoken, tokenHash } from '../../shared/domain/regiopartners';
import type { RegiopartnerAanmeldingInvoer } from '../../shared/schemas/regiopartners';
import { dynamo } from '../../shared/store/dynamodb';
import { haalMachineClient } from '../../shared/store/machine-clients-store';
import { dynamoAanmeldingenStore } from '../../shared/store/regiopartner-aanmeldingen-store';
import { dynamoRegiopartnersStore } from '../../shared/store/regiopartners-store';
import { sleutels } from '../../shared/store/sleutels';
import { storeOmgeving } from './store-omgeving';

let tableName: string;
beforeAll(async () => ({ tableName } = await storeOmgeving()));

const admin: Principal = { rol: 'coopAdmin', subject: 'coordinator' };
const NU = new Date('2026-11-26T09:00:00.000Z');
const uur = (n: number) => new Date(NU.getTime() + n * 3_600_000);
const omgeving = (tijd: Date = NU): Omgeving => ({ nu: tijd.toISOString(), nieuwId: () => ulid() });
let kvk = 30_000_000 + Math.floor(Math.random() * 60_000_000);
const invoer = (over: Partial<RegiopartnerAanmeldingInvoer> = {}): RegiopartnerAanmeldingInvoer => ({
  naam: 'SW-bedrijf De Zaan',
  kvkNummer: String(++kvk),
  soort: 'swBedrijf',
  arbeidsmarktregios: ['Zaanstreek/Waterland'],
  contactpersoon: { naam: 'Ahmed Bouali', email: 'ahmed@swdezaan.nl' },
  ...over,
});
const store = dynamoAanmeldingenStore();
const scan = async () => (await dynamo().send(new ScanCommand({ TableName: tableName }))).Items ?? [];
const item = async (key: { pk: string; sk: string }) => (await dynamo().send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

const aangemeld = async (over: Partial<RegiopartnerAanmeldingInvoer> = {}, tijd = NU) => {
  const token = nieuwBevestigingstoken();
  const m = aanmelden(invoer(over), token, 'https://portaal.werkcoop.nl', omgeving(tijd));
  expect(await store.voegToe(m, tijd)).toEqual({});
  return { m, token };
};
const bevestigd = async () => {
  const { m, token } = await aangemeld();
  const b = bevestigen(m.aanmelding, omgeving(uur(1)));
  await store.bevestig(b, tokenHash(token), uur(1));
  return b.aanmelding;
};

describe('een aanmelding opslaan', () => {
  it('schrijft aanmelding, gebeurtenis, KvK-houder, token-hash en bevestigingsmail in één transactie, alles met TTL tot het einde van de link', async () => {
    const { m, token } = await aangemeld();
    const id = m.aanmelding.id;
    const ttl = m.bevestiging!.verlooptOp;
    expect(await store.haal(id)).toEqual(m.aanmelding);
    expect(await item(sleutels.aanmelding(id))).toMatchObject({ entiteit: 'RegiopartnerAanmelding', verlooptOp: ttl, gsi1pk: 'AANMELDINGEN' });
    expect(await item(sleutels.aanmeldingGebeurtenis(id, 1))).toMatchObject({ entiteit: 'AanmeldingGebeurtenis', verlooptOp: ttl });
    expect(await item(sleutels.aanmeldingKvk(m.aanmelding.kvkNummer))).toMatchObject({ entiteit: 'AanmeldingKvk', aanmeldingId: id, verlooptOp: ttl });
    expect(await item(sleutels.aanmeldingsbevestiging(tokenHash(token)))).toMatchObject({ entiteit: 'Aanmeldingsbevestiging', aanmeldingId: id, verlooptOp: ttl });
    expect(await item(sleutels.notificatie(bevestigingsmailId(id)))).toMatchObject({ entiteit: 'Notificatie', soort: 'aanmeldingBevestigen', verlooptOp: ttl });
    // The token in plain text is in the outbox mail only; everything else holds its hash.
    const metToken = (await scan()).filter((i) => JSON.stringify(i).includes(token));
    expect(metToken.map((i) => i.entiteit)).toEqual(['Notificatie']);
  });

  it('geeft voor een KvK-nummer met een lopende aanmelding het id daarvan terug en schrijft niets', async () => {
    const { m } = await aangemeld();
    const voor = (await scan()).length;
    const tweede = aanmelden(invoer({ kvkNummer: m.aanmelding.kvkNummer, contactpersoon: { naam: 'Ander', email: 'ander@example.nl' } }), nieuwBevestigingstoken(), 'https://p', omgeving(uur(47)));
    expect(await store.voegToe(tweede, uur(47))).toEqual({ openAanmeldingId: m.aanmelding.id });
    expect((await scan()).length).toBe(voor);
    expect(await store.haal(tweede.aanmelding.id)).toBeUndefined();
  });

  it('na het verlopen van de link neemt een nieuwe aanmelding het KvK-nummer over (de TTL ruimt later op)', async () => {
    const { m } = await aangemeld();
    const nieuw = aanmelden(invoer({ kvkNummer: m.aanmelding.kvkNummer }), nieuwBevestigingstoken(), 'https://p', omgeving(uur(49)));
    expect(await store.voegToe(nieuw, uur(49))).toEqual({});
    expect(await item(sleutels.aanmeldingKvk(m.aanmelding.kvkNummer))).toMatchObject({ aanmeldingId: nieuw.aanmelding.id });
  });

  it('schrijft het bericht over een dubbele aanmelding één keer, hoe vaak het ook komt', async () => {
    const { m } = await aangemeld();
    const bericht = dubbeleAanmeldingBericht(m.aanmelding, omgeving());
    await store.bewaarNotificatie(bericht);
    await store.bewaarNotificatie({ ...dubbeleAanmeldingBericht(m.aanmelding, omgeving(uur(1))), tekst: 'tweede' });
    expect(await item(sleutels.notificatie(bericht.id))).toMatchObject({ tekst: bericht.tekst, status: 'wachtend' });
  });
});

describe('bevestigen met het token', () => {
  it('vindt de aanmelding bij de hash van een geldig token, niet bij een onbekend of verlopen token', async () => {
    const { m, token } = await aangemeld();
    expect(await store.bijToken(tokenHash(token), uur(47))).toBe(m.aanmelding.id);
    expect(await store.bijToken(tokenHash(token), uur(48))).toBeUndefined();
    expect(await store.bijToken(tokenHash(nieuwBevestigingstoken()), NU)).toBeUndefined();
  });

  it('maakt de aanmelding blijvend (geen TTL meer), verbruikt het token en haalt de mail met de link uit de outbox', async () => {
    const { m, token } = await aangemeld();
    const id = m.aanmelding.id;
    await store.bevestig(bevestigen(m.aanmelding, omgeving(uur(1))), tokenHash(token), uur(1));
    expect(await store.haal(id)).toMatchObject({ status: 'bevestigd', versie: 2 });
    expect((await item(sleutels.aanmelding(id)))?.verlooptOp).toBeUndefined();
    expect((await item(sleutels.aanmeldingGebeurtenis(id, 1)))?.verlooptOp).toBeUndefined();
    expect((await item(sleutels.aanmeldingKvk(m.aanmelding.kvkNummer)))?.verlooptOp).toBeUndefined();
    expect(await item(sleutels.aanmeldingsbevestiging(tokenHash(token)))).toBeUndefined();
    expect(await item(sleutels.notificatie(bevestigingsmailId(id)))).toBeUndefined();
    expect((await store.gebeurtenissen(id, { pageSize: 10 })).items.map((g) => g.soort)).toEqual(['aangemeld', 'bevestigd']);
    expect((await scan()).filter((i) => JSON.stringify(i).includes(token))).toEqual([]);
  });

  it('een token werkt één keer: van tien gelijktijdige bevestigingen slaagt er precies één, de rest krijgt hetzelfde nee', async () => {
    const { m, token } = await aangemeld();
    const b = bevestigen(m.aanmelding, omgeving(uur(1)));
    const uitkomsten = await Promise.allSettled(Array.from({ length: 10 }, () => store.bevestig(b, tokenHash(token), uur(1))));
    expect(uitkomsten.filter((u) => u.status === 'fulfilled')).toHaveLength(1);
    for (const u of uitkomsten.filter((x) => x.status === 'rejected')) {
      const reden = (u as PromiseRejectedResult).reason as { soort?: string; name?: string };
      // A collision with the winner's transaction in flight is DynamoDB's conflict (retryable); otherwise the token is gone.
      expect(reden.soort === 'onverwerkbaar' || reden.name === 'TransactionCanceledException').toBe(true);
    }
    await expect(store.bevestig(b, tokenHash(token), uur(2))).rejects.toMatchObject({ soort: 'onverwerkbaar' });
  });

  it('weigert een verlopen token in de transactie zelf, ook als het er nog staat (TTL ruimt laat op)', async () => {
    const { m, token } = await aangemeld();
    await expect(store.bevestig(bevestigen(m.aanmelding, omgeving(uur(1))), tokenHash(token), uur(48))).rejects.toMatchObject({ soort: 'onverwerkbaar' });
    expect(await store.haal(m.aanmelding.id)).toMatchObject({ status: 'aangemeld', versie: 1 });
  });
});

describe('het besluit', () => {
  it('goedkeuren schrijft besluit, partner, zijn gebeurtenis en de MachineClient in één transactie en maakt het KvK-nummer vrij', async () => {
    const a = await bevestigd();
    const m = goedkeuren(a, admin, { clientId: ulid().toLowerCase() }, omgeving(uur(2)));
    await store.besluit(m);
    expect(await store.haal(a.id)).toEqual(m.aanmelding);
    expect(await dynamoRegiopartnersStore().haal(m.nieuwePartner!.partner.id)).toEqual(m.nieuwePartner!.partner);
    expect(await haalMachineClient(m.machineClient!.clientId)).toEqual({ clientId: m.machineClient!.clientId, rol: 'regiopartner', tenant: m.nieuwePartner!.partner.id });
    expect(await item(sleutels.aanmeldingKvk(a.kvkNummer))).toBeUndefined();
    expect(await item(sleutels.notificatie(m.notificatie!.id))).toMatchObject({ soort: 'aanmeldingGoedgekeurd' });
    const opnieuw = aanmelden(invoer({ kvkNummer: a.kvkNummer }), nieuwBevestigingstoken(), 'https://p', omgeving(uur(3)));
    expect(await store.voegToe(opnieuw, uur(3))).toEqual({});
  });

  it('van twee besluiten op dezelfde versie wint er één; de ander schrijft niets, ook geen partner of client', async () => {
    const a = await bevestigd();
    const ja = goedkeuren(a, admin, { clientId: ulid().toLowerCase() }, omgeving(uur(2)));
    const nee = afwijzen(a, admin, { reden: 'tegelijk' }, omgeving(uur(2)));
    const tweedeJa = goedkeuren(a, admin, { clientId: ulid().toLowerCase() }, omgeving(uur(2)));
    await store.besluit(nee);
    await expect(store.besluit(ja)).rejects.toMatchObject({ soort: 'verouderd' });
    await expect(store.besluit(tweedeJa)).rejects.toMatchObject({ soort: 'verouderd' });
    expect(await store.haal(a.id)).toMatchObject({ status: 'afgewezen', statusReden: 'tegelijk' });
    expect(await dynamoRegiopartnersStore().haal(ja.nieuwePartner!.partner.id)).toBeUndefined();
    expect(await haalMachineClient(ja.machineClient!.clientId)).toBeUndefined();
    expect((await store.gebeurtenissen(a.id, { pageSize: 10 })).items.map((g) => g.soort)).toEqual(['aangemeld', 'bevestigd', 'afgewezen']);
  });
});

describe('lezen', () => {
  it('zoekt per status via de index, gepagineerd, zonder TTL-attribuut in de uitkomst', async () => {
    const ids = [(await bevestigd()).id, (await bevestigd()).id, (await bevestigd()).id];
    const gezien: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await store.zoek({ status: 'bevestigd', pageSize: 2, cursor });
      expect(p.items.length).toBeLessThanOrEqual(2);
      for (const a of p.items) {
        expect(a.status).toBe('bevestigd');
        expect(a).not.toHaveProperty('verlooptOp');
      }
      gezien.push(...p.items.map((a) => a.id));
      cursor = p.cursor;
    } while (cursor);
    for (const id of ids) expect(gezien).toContain(id);
    const aangemeld1 = (await aangemeld()).m.aanmelding;
    const p = await store.zoek({ status: 'aangemeld', pageSize: 100 });
    expect(p.items.find((a) => a.id === aangemeld1.id)).toEqual(aangemeld1);
  });

  it('leest nooit een ander soort item als aanmelding', async () => {
    const id = ulid();
    await dynamo().send(new PutCommand({ TableName: tableName, Item: { ...sleutels.aanmelding(id), entiteit: 'Lid', naam: 'x' } }));
    await expect(store.haal(id)).rejects.toThrow();
  });
});
