import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LokaalAccountRegister } from '../../shared/auth/gebruikersaccounts';
import type { Principal } from '../../shared/auth/rollen';
import { DomeinFout } from '../../shared/domain/fouten';
import { emailSleutel, intrekken, nieuweGebruiker, nieuweRegiopartner } from '../../shared/domain/regiopartners';
import { dynamoPartnerGebruikersStore } from '../../shared/store/partner-gebruikers-store';
import { dynamoRegiopartnersStore } from '../../shared/store/regiopartners-store';
import { voerAccountopdrachtUit } from '../../shared/use-cases/partner-gebruikers';
import type { PartnerGebruikersStore } from '../../shared/use-cases/poorten';
import { accountsOmgeving } from './store-omgeving';
import { lambdaContext, sqsRecord } from '../support/sqs-event';

/**
 * The accounts consumer against DynamoDB Local and the local account register: one account per invited
 * person, however the message comes — twice, concurrently, after a crash — and never a change to an
 * account someone else holds.
 */
let accountsDir: string;
let register: LokaalAccountRegister;
let handler: Awaited<ReturnType<typeof accountsOmgeving>>['handler'];
beforeAll(async () => {
  ({ dir: accountsDir, register, handler } = await accountsOmgeving());
});

const admin: Principal = { rol: 'coopAdmin', subject: 'coordinator' };
const omgeving = () => ({ nu: new Date().toISOString(), nieuwId: () => ulid() });
const store = dynamoPartnerGebruikersStore();
let teller = 0;
const nieuwAdres = () => `medewerker${++teller}-${ulid().toLowerCase()}@jobcoachamstel.nl`;

/** A partner made through the store, as a coordinator makes one: its contact's invitation is in the same transaction. */
const partner = async (contact = nieuwAdres()) => {
  const nieuw = nieuweRegiopartner(
    { naam: 'Jobcoach Amstel', kvkNummer: '34123456', soort: 'jobcoachOrganisatie', arbeidsmarktregios: ['Groot Amsterdam'], contactpersoon: { naam: 'Lotte Visser', email: contact } },
    admin,
    omgeving(),
  );
  await dynamoRegiopartnersStore().voegToe(nieuw);
  return nieuw;
};
const accounts = () => readdirSync(accountsDir).filter((f) => f.endsWith('.json')).length;

describe('de uitnodigingen van een partner', () => {
  it('een nieuwe partner nodigt zijn contactpersoon uit in dezelfde transactie; het adres in kleine letters, alleen als hash in de sleutel', async () => {
    const { partner: p, gebruiker } = await partner('Lotte.Visser@JobcoachAmstel.nl');
    const opgeslagen = await store.haal(p.id, emailSleutel('lotte.visser@jobcoachamstel.nl'));
    expect(opgeslagen).toEqual(gebruiker);
    expect(opgeslagen).toMatchObject({ email: 'lotte.visser@jobcoachamstel.nl', status: 'uitgenodigd', rol: 'regiopartner', versie: 1 });
    expect(emailSleutel('Lotte.Visser@JobcoachAmstel.nl')).toBe(emailSleutel(' lotte.visser@jobcoachamstel.nl'));
  });

  it('hetzelfde adres twee keer voor één partner is een conflict, ook in andere letters; een onbekende partner: niet gevonden', async () => {
    const { partner: p } = await partner();
    const adres = nieuwAdres();
    await store.voegToe(nieuweGebruiker(p.id, { naam: 'Ahmed', email: adres }, admin, omgeving()));
    await expect(store.voegToe(nieuweGebruiker(p.id, { naam: 'Ahmed', email: adres.toUpperCase() }, admin, omgeving()))).rejects.toMatchObject({ soort: 'conflict' });
    await expect(store.voegToe(nieuweGebruiker(ulid(), { naam: 'Ahmed', email: nieuwAdres() }, admin, omgeving()))).rejects.toMatchObject({ soort: 'nietGevonden' });
  });

  it('de lijst pagineert in de partitie van de partner; een cursor van een andere partner wordt geweigerd', async () => {
    const { partner: p } = await partner();
    for (let i = 0; i < 4; i++) await store.voegToe(nieuweGebruiker(p.id, { naam: `Medewerker ${i}`, email: nieuwAdres() }, admin, omgeving()));
    const eerste = await store.zoek(p.id, { pageSize: 3 });
    expect(eerste.items).toHaveLength(3);
    const tweede = await store.zoek(p.id, { pageSize: 3, cursor: eerste.cursor });
    expect(tweede.items).toHaveLength(2);
    expect(new Set([...eerste.items, ...tweede.items].map((g) => g.id)).size).toBe(5);
    expect([...eerste.items, ...tweede.items].every((g) => g.partnerId === p.id)).toBe(true);
    const ander = await partner();
    const fout = await store.zoek(ander.partner.id, { pageSize: 3, cursor: eerste.cursor }).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(DomeinFout);
    expect(fout).toMatchObject({ soort: 'ongeldigeInvoer' });
  });
});

describe('het account van een uitgenodigde medewerker', () => {
  it('wordt één keer gemaakt, met de rol en tenant van de partner; een tweede bezorging doet niets meer', async () => {
    const { partner: p, gebruiker } = await partner();
    const voor = accounts();
    const sleutel = emailSleutel(gebruiker.email);
    expect(await voerAccountopdrachtUit({ store, accounts: register }, p.id, sleutel)).toBe('aangemaakt');
    expect(await voerAccountopdrachtUit({ store, accounts: register }, p.id, sleutel)).toBe('alAfgehandeld');
    expect(accounts()).toBe(voor + 1);
    expect(await store.haal(p.id, sleutel)).toMatchObject({ status: 'aangemaakt', versie: 2 });
    expect((await register.haal(gebruiker.email))!.attributen).toMatchObject({ 'custom:rol': 'regiopartner', 'custom:tenant': p.id, email: gebruiker.email });
  });

  it('vijf gelijktijdige bezorgingen: één account, en één legt de uitkomst vast', async () => {
    const { partner: p, gebruiker } = await partner();
    const voor = accounts();
    const uitkomsten = await Promise.all(Array.from({ length: 5 }, () => voerAccountopdrachtUit({ store, accounts: register }, p.id, emailSleutel(gebruiker.email))));
    expect(uitkomsten.filter((u) => u !== 'alAfgehandeld')).toHaveLength(1);
    expect(accounts()).toBe(voor + 1);
    expect(await store.haal(p.id, emailSleutel(gebruiker.email))).toMatchObject({ status: 'aangemaakt', versie: 2 });
  });

  it('een crash na het maken van het account en voor het vastleggen: de volgende bezorging vindt het account terug', async () => {
    const { partner: p, gebruiker } = await partner();
    const voor = accounts();
    const crashend: PartnerGebruikersStore = { ...store, handelAf: () => Promise.reject(new Error('Lambda stopte hier')) };
    await expect(voerAccountopdrachtUit({ store: crashend, accounts: register }, p.id, emailSleutel(gebruiker.email))).rejects.toThrow('Lambda stopte hier');
    expect(await store.haal(p.id, emailSleutel(gebruiker.email))).toMatchObject({ status: 'uitgenodigd', versie: 1 });
    expect(await voerAccountopdrachtUit({ store, accounts: register }, p.id, emailSleutel(gebruiker.email))).toBe('bestond');
    expect(accounts()).toBe(voor + 1);
    expect(await store.haal(p.id, emailSleutel(gebruiker.email))).toMatchObject({ status: 'aangemaakt', versie: 2 });
  });

  it('een adres dat al een account heeft bij een andere partner: adresInGebruik, en dat account blijft zoals het was', async () => {
    const adres = nieuwAdres();
    const eerste = await partner(adres);
    expect(await voerAccountopdrachtUit({ store, accounts: register }, eerste.partner.id, emailSleutel(adres))).toBe('aangemaakt');
    const bestand = readdirSync(accountsDir).map((f) => join(accountsDir, f)).find((f) => readFileSync(f, 'utf8').includes(adres))!;
    const inhoud = readFileSync(bestand, 'utf8');
    const tweede = await partner(adres);
    expect(await voerAccountopdrachtUit({ store, accounts: register }, tweede.partner.id, emailSleutel(adres))).toBe('adresInGebruik');
    expect(readFileSync(bestand, 'utf8')).toBe(inhoud);
    expect(await store.haal(tweede.partner.id, emailSleutel(adres))).toMatchObject({ status: 'adresInGebruik', versie: 2 });
  });

  it('een bericht zonder uitnodiging (gewist, of nooit gemaakt) maakt geen account', async () => {
    const voor = accounts();
    expect(await voerAccountopdrachtUit({ store, accounts: register }, ulid(), emailSleutel(nieuwAdres()))).toBe('onbekend');
    expect(accounts()).toBe(voor);
  });

  it('intrekken: het account verdwijnt, één keer, ook bij een tweede bezorging; daarna kan dezelfde persoon opnieuw worden uitgenodigd', async () => {
    const { partner: p, gebruiker } = await partner();
    const sleutel = emailSleutel(gebruiker.email);
    expect(await voerAccountopdrachtUit({ store, accounts: register }, p.id, sleutel)).toBe('aangemaakt');
    const gemaakt = (await store.haal(p.id, sleutel))!;
    const voor = accounts();
    await store.trekIn(intrekken(gemaakt, new Date().toISOString()), gemaakt.versie);
    expect(await store.haal(p.id, sleutel)).toMatchObject({ status: 'intrekken', versie: 3 });
    expect(await voerAccountopdrachtUit({ store, accounts: register }, p.id, sleutel)).toBe('verwijderd');
    expect(await voerAccountopdrachtUit({ store, accounts: register }, p.id, sleutel)).toBe('alAfgehandeld');
    expect(accounts()).toBe(voor - 1);
    expect(await register.haal(gebruiker.email)).toBeUndefined();
    expect(await store.haal(p.id, sleutel)).toMatchObject({ status: 'ingetrokken', versie: 4 });
    // A stale revocation (the version moved on) changes nothing.
    await expect(store.trekIn(intrekken({ ...gemaakt, status: 'aangemaakt' }, new Date().toISOString()), gemaakt.versie)).rejects.toMatchObject({ soort: 'verouderd' });
    // Invited again: a fresh invitation replaces the revoked one, and the account comes back.
    await store.voegToe(nieuweGebruiker(p.id, { naam: gebruiker.naam, email: gebruiker.email }, admin, omgeving()));
    expect(await voerAccountopdrachtUit({ store, accounts: register }, p.id, sleutel)).toBe('aangemaakt');
    expect(accounts()).toBe(voor);
  });

  it('intrekken terwijl het account nog gemaakt wordt: wat de ene bezorging maakt, verwijdert de volgende', async () => {
    const { partner: p, gebruiker } = await partner();
    const sleutel = emailSleutel(gebruiker.email);
    const voor = accounts();
    // The invitation's delivery makes the account but crashes before it records that; meanwhile the revocation lands.
    const crashend: PartnerGebruikersStore = { ...store, handelAf: () => Promise.reject(new Error('Lambda stopte hier')) };
    await expect(voerAccountopdrachtUit({ store: crashend, accounts: register }, p.id, sleutel)).rejects.toThrow('Lambda stopte hier');
    expect(accounts()).toBe(voor + 1);
    const uitgenodigd = (await store.haal(p.id, sleutel))!;
    await store.trekIn(intrekken(uitgenodigd, new Date().toISOString()), uitgenodigd.versie);
    // Both messages come (again), in either order: the account ends gone and stays gone.
    expect(await voerAccountopdrachtUit({ store, accounts: register }, p.id, sleutel)).toBe('verwijderd');
    expect(await voerAccountopdrachtUit({ store, accounts: register }, p.id, sleutel)).toBe('alAfgehandeld');
    expect(accounts()).toBe(voor);
    expect(await store.haal(p.id, sleutel)).toMatchObject({ status: 'ingetrokken' });
  });

  it('intrekken terwijl een bezorging het account nog maakt: de intrekking vindt niets, maar het late account blijft niet bestaan', async () => {
    const { partner: p, gebruiker } = await partner();
    const sleutel = emailSleutel(gebruiker.email);
    const voor = accounts();
    // The invitation's delivery is slow at the identity provider: its account lands after the revocation ran.
    let laatLanden!: () => void;
    let aanHetMaken!: () => void;
    const maakBegonnen = new Promise<void>((r) => (aanHetMaken = r));
    const traag = {
      ...register,
      maak: async (a: Parameters<typeof register.maak>[0]) => {
        aanHetMaken();
        await new Promise<void>((r) => (laatLanden = r));
        return register.maak(a);
      },
    };
    const bezig = voerAccountopdrachtUit({ store, accounts: traag }, p.id, sleutel);
    await maakBegonnen;
    const uitgenodigd = (await store.haal(p.id, sleutel))!;
    await store.trekIn(intrekken(uitgenodigd, new Date().toISOString()), uitgenodigd.versie);
    expect(await voerAccountopdrachtUit({ store, accounts: register }, p.id, sleutel)).toBe('bestondNiet');
    laatLanden();
    expect(await bezig).toBe('alAfgehandeld');
    expect(accounts()).toBe(voor);
    expect(await register.haal(gebruiker.email)).toBeUndefined();
    expect(await store.haal(p.id, sleutel)).toMatchObject({ status: 'ingetrokken' });
  });

  it('intrekken bij een adres dat een ander toebehoort (adresInGebruik) raakt dat account niet', async () => {
    const adres = nieuwAdres();
    const eerste = await partner(adres);
    await voerAccountopdrachtUit({ store, accounts: register }, eerste.partner.id, emailSleutel(adres));
    const tweede = await partner(adres);
    expect(await voerAccountopdrachtUit({ store, accounts: register }, tweede.partner.id, emailSleutel(adres))).toBe('adresInGebruik');
    const g = (await store.haal(tweede.partner.id, emailSleutel(adres)))!;
    await store.trekIn(intrekken(g, new Date().toISOString()), g.versie);
    expect(await voerAccountopdrachtUit({ store, accounts: register }, tweede.partner.id, emailSleutel(adres))).toBe('nietVanDezePartner');
    expect((await register.haal(adres))!.attributen['custom:tenant']).toBe(eerste.partner.id);
    expect(await store.haal(tweede.partner.id, emailSleutel(adres))).toMatchObject({ status: 'ingetrokken' });
    // Revoking twice is refused by the domain.
    expect(() => intrekken({ ...g, status: 'ingetrokken' }, new Date().toISOString())).toThrow(DomeinFout);
  });

  it('vind: een uitnodiging op id binnen de partner, niet binnen een andere', async () => {
    const a = await partner();
    const b = await partner();
    expect(await store.vind(a.partner.id, a.gebruiker.id)).toEqual(a.gebruiker);
    expect(await store.vind(b.partner.id, a.gebruiker.id)).toBeUndefined();
  });

  it('de consument: een onleesbaar bericht faalt alleen zelf; dubbele berichten in één batch geven één account', async () => {
    const { partner: p, gebruiker } = await partner();
    const voor = accounts();
    const record = (messageId: string, body: string) => sqsRecord('gebruikers', messageId, body);
    const bericht = JSON.stringify({ partnerId: p.id, sleutel: emailSleutel(gebruiker.email) });
    const event = {
      Records: [record('m1', bericht), record('m2', '{"partnerId":"x","sleutel":"te kort"}'), record('m3', bericht), record('m4', '{"kapot":')],
    } as SQSEvent;
    const context = lambdaContext;
    const r = (await handler(event, context, () => undefined)) as { batchItemFailures: { itemIdentifier: string }[] };
    expect(r.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['m2', 'm4']);
    expect(accounts()).toBe(voor + 1);
    expect(await store.haal(p.id, emailSleutel(gebruiker.email))).toMatchObject({ status: 'aangemaakt', versie: 2 });
  });
});
