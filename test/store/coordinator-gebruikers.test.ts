import { readdirSync } from 'node:fs';
import type { SQSEvent } from 'aws-lambda';
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsFor } from '../../functions/auth/token-claims';
import type { LokaalAccountRegister } from '../../shared/auth/gebruikersaccounts';
import type { Principal } from '../../shared/auth/rollen';
import { principalUitClaims } from '../../shared/auth/token';
import { DomeinFout } from '../../shared/domain/fouten';
import { emailSleutel, intrekken, nieuweCoordinatorGebruiker } from '../../shared/domain/regiopartners';
import { accountopdrachtItem, dynamoCoordinatorGebruikersStore } from '../../shared/store/partner-gebruikers-store';
import { coordinatorGebruikersUseCases } from '../../shared/use-cases/coordinator-gebruikers';
import { voerAccountopdrachtUit } from '../../shared/use-cases/partner-gebruikers';
import type { CoordinatorGebruikersStore } from '../../shared/use-cases/poorten';
import { leesSessie, startSessie } from '../../shared/web/sessie';
import { lambdaContext, sqsRecord } from '../support/sqs-event';
import { accountsOmgeving } from './store-omgeving';

/**
 * A coordinator's account, the partners' staff machinery for coopAdmin: against DynamoDB Local and the
 * local account register, one account per invited coordinator (role coopAdmin, no tenant), however the
 * message comes, and gone once revoked.
 */
let accountsDir: string;
let register: LokaalAccountRegister;
let handler: Awaited<ReturnType<typeof accountsOmgeving>>['handler'];
beforeAll(async () => {
  ({ dir: accountsDir, register, handler } = await accountsOmgeving());
});

const admin: Principal = { rol: 'coopAdmin', subject: 'coordinator' };
const omgeving = () => ({ nu: new Date().toISOString(), nieuwId: () => ulid() });
const store = dynamoCoordinatorGebruikersStore();
let teller = 0;
const nieuwAdres = () => `coordinator${++teller}-${ulid().toLowerCase()}@werkcoop.nl`;
const accounts = () => readdirSync(accountsDir).filter((f) => f.endsWith('.json')).length;
const uitnodigen = async (email = nieuwAdres()) => {
  const g = nieuweCoordinatorGebruiker({ naam: 'Sanne de Boer', email }, admin, omgeving());
  await store.voegToe(g);
  return g;
};

describe('de uitnodigingen van coördinatoren', () => {
  it('het adres in kleine letters, alleen als hash in de sleutel; hetzelfde adres nog eens is een conflict, ook in andere letters', async () => {
    const adres = nieuwAdres();
    const g = await uitnodigen(adres.toUpperCase());
    expect(await store.haal('', emailSleutel(adres))).toEqual(g);
    expect(g).toMatchObject({ email: adres, rol: 'coopAdmin', status: 'uitgenodigd', versie: 1 });
    expect(g).not.toHaveProperty('partnerId');
    await expect(uitnodigen(` ${adres.toUpperCase()}`)).rejects.toMatchObject({ soort: 'conflict' });
    expect(await store.haal('', emailSleutel(adres))).toEqual(g);
  });

  it('de taak voor de consument draagt geen adres en geen tenant, alleen de sleutel', () => {
    const g = nieuweCoordinatorGebruiker({ naam: 'Sanne', email: nieuwAdres() }, admin, omgeving());
    const item = accountopdrachtItem(g);
    expect(item).toMatchObject({ coordinator: true, sleutel: emailSleutel(g.email) });
    expect(JSON.stringify(item)).not.toContain(g.email);
  });

  it('de lijst pagineert; vind op id', async () => {
    const eigen = [await uitnodigen(), await uitnodigen(), await uitnodigen()];
    const alle = [];
    let cursor: string | undefined;
    do {
      const p = await store.zoek({ pageSize: 2, cursor });
      expect(p.items.length).toBeLessThanOrEqual(2);
      alle.push(...p.items);
      cursor = p.cursor;
    } while (cursor);
    expect(alle.map((g) => g.id)).toEqual(expect.arrayContaining(eigen.map((g) => g.id)));
    expect(new Set(alle.map((g) => g.id)).size).toBe(alle.length);
    expect(await store.vind(eigen[1]!.id)).toEqual(eigen[1]);
    expect(await store.vind(ulid())).toBeUndefined();
  });

  it('alleen een coördinator nodigt uit, ziet de lijst en trekt in', async () => {
    const uc = coordinatorGebruikersUseCases({ store });
    const partner: Principal = { rol: 'regiopartner', subject: 'p', partnerId: ulid() };
    const gemeente: Principal = { rol: 'gemeente', subject: 'g', gemeente: 'GM0363' };
    for (const wie of [partner, gemeente]) {
      await expect(uc.uitnodigen(wie, { naam: 'X', email: nieuwAdres() })).rejects.toMatchObject({ soort: 'geenToegang' });
      await expect(uc.zoeken(wie, { pageSize: 10 })).rejects.toMatchObject({ soort: 'geenToegang' });
      await expect(uc.intrekken(wie, ulid())).rejects.toMatchObject({ soort: 'geenToegang' });
    }
    await expect(uc.intrekken(admin, ulid())).rejects.toMatchObject({ soort: 'nietGevonden' });
  });
});

describe('het account van een uitgenodigde coördinator', () => {
  it('wordt één keer gemaakt, met de rol coopAdmin en zonder tenant; de token-claims geven een coördinator', async () => {
    const g = await uitnodigen();
    const sleutel = emailSleutel(g.email);
    const voor = accounts();
    expect(await voerAccountopdrachtUit({ store, accounts: register }, '', sleutel)).toBe('aangemaakt');
    expect(await voerAccountopdrachtUit({ store, accounts: register }, '', sleutel)).toBe('alAfgehandeld');
    expect(accounts()).toBe(voor + 1);
    expect(await store.haal('', sleutel)).toMatchObject({ status: 'aangemaakt', versie: 2 });
    const { attributen } = (await register.haal(g.email))!;
    expect(attributen).toMatchObject({ 'custom:rol': 'coopAdmin', email: g.email });
    expect(attributen).not.toHaveProperty('custom:tenant');
    expect(principalUitClaims({ ...claimsFor(attributen), sub: 's' })).toEqual({ rol: 'coopAdmin', subject: 's' });
  });

  it('vijf gelijktijdige bezorgingen: één account, en één legt de uitkomst vast', async () => {
    const g = await uitnodigen();
    const voor = accounts();
    const uitkomsten = await Promise.all(Array.from({ length: 5 }, () => voerAccountopdrachtUit({ store, accounts: register }, '', emailSleutel(g.email))));
    expect(uitkomsten.filter((u) => u !== 'alAfgehandeld')).toHaveLength(1);
    expect(accounts()).toBe(voor + 1);
  });

  it('een crash na het maken en voor het vastleggen: de volgende bezorging vindt het account terug', async () => {
    const g = await uitnodigen();
    const voor = accounts();
    const crashend: CoordinatorGebruikersStore = { ...store, handelAf: () => Promise.reject(new Error('Lambda stopte hier')) };
    await expect(voerAccountopdrachtUit({ store: crashend, accounts: register }, '', emailSleutel(g.email))).rejects.toThrow('Lambda stopte hier');
    expect(await voerAccountopdrachtUit({ store, accounts: register }, '', emailSleutel(g.email))).toBe('bestond');
    expect(accounts()).toBe(voor + 1);
  });

  it('een adres met een account van een regiopartner: adresInGebruik, en dat account blijft; intrekken raakt het niet', async () => {
    const adres = nieuwAdres();
    await register.maak({ email: adres, naam: 'Ander', rol: 'regiopartner', tenant: ulid() });
    const voor = (await register.haal(adres))!;
    const g = await uitnodigen(adres);
    expect(await voerAccountopdrachtUit({ store, accounts: register }, '', emailSleutel(adres))).toBe('adresInGebruik');
    const na = (await store.haal('', emailSleutel(adres)))!;
    await store.trekIn(intrekken(na, new Date().toISOString()), na.versie);
    expect(await voerAccountopdrachtUit({ store, accounts: register }, '', emailSleutel(adres))).toBe('nietVanDezePartner');
    expect(await register.haal(adres)).toEqual(voor);
    expect(g.rol).toBe('coopAdmin');
  });

  it('intrekken: het account verdwijnt, één keer; een verouderde intrekking wordt geweigerd; daarna opnieuw uitnodigen', async () => {
    const g = await uitnodigen();
    const sleutel = emailSleutel(g.email);
    await voerAccountopdrachtUit({ store, accounts: register }, '', sleutel);
    const gemaakt = (await store.haal('', sleutel))!;
    const voor = accounts();
    await store.trekIn(intrekken(gemaakt, new Date().toISOString()), gemaakt.versie);
    expect(await voerAccountopdrachtUit({ store, accounts: register }, '', sleutel)).toBe('verwijderd');
    expect(await voerAccountopdrachtUit({ store, accounts: register }, '', sleutel)).toBe('alAfgehandeld');
    expect(accounts()).toBe(voor - 1);
    expect(await register.haal(g.email)).toBeUndefined();
    expect(await store.haal('', sleutel)).toMatchObject({ status: 'ingetrokken', versie: 4 });
    await expect(store.trekIn(intrekken({ ...gemaakt, status: 'aangemaakt' }, new Date().toISOString()), gemaakt.versie)).rejects.toMatchObject({ soort: 'verouderd' });
    expect(() => intrekken({ ...gemaakt, status: 'ingetrokken' }, new Date().toISOString())).toThrow(DomeinFout);
    await uitnodigen(g.email);
    expect(await voerAccountopdrachtUit({ store, accounts: register }, '', sleutel)).toBe('aangemaakt');
    expect(accounts()).toBe(voor);
  });

  it('de consument: een coördinatorbericht maakt het account; dubbel in één batch: één account; een onleesbaar bericht faalt alleen zelf', async () => {
    const g = await uitnodigen();
    const voor = accounts();
    const bericht = JSON.stringify({ coordinator: true, sleutel: emailSleutel(g.email) });
    const event = {
      Records: [
        sqsRecord('gebruikers', 'm1', bericht),
        sqsRecord('gebruikers', 'm2', JSON.stringify({ coordinator: false, sleutel: emailSleutel(g.email) })),
        sqsRecord('gebruikers', 'm3', bericht),
      ],
    } as SQSEvent;
    const r = (await handler(event, lambdaContext, () => undefined)) as { batchItemFailures: { itemIdentifier: string }[] };
    expect(r.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['m2']);
    expect(accounts()).toBe(voor + 1);
    expect(await store.haal('', emailSleutel(g.email))).toMatchObject({ status: 'aangemaakt', versie: 2 });
  });

  it('de consument: intrekken beëindigt de portaalsessies van dat account, ook als de bezorging dubbel komt', async () => {
    const g = await uitnodigen();
    const sleutel = emailSleutel(g.email);
    await handler({ Records: [sqsRecord('gebruikers', 'a1', JSON.stringify({ coordinator: true, sleutel }))] } as SQSEvent, lambdaContext, () => undefined);
    const sessie = await startSessie(admin, g.naam, new Date(), { email: g.email });
    const collega = await startSessie(admin, 'Collega', new Date(), { email: nieuwAdres() });
    const gemaakt = (await store.haal('', sleutel))!;
    await store.trekIn(intrekken(gemaakt, new Date().toISOString()), gemaakt.versie);
    const bericht = JSON.stringify({ coordinator: true, sleutel });
    await handler({ Records: [sqsRecord('gebruikers', 'i1', bericht), sqsRecord('gebruikers', 'i2', bericht)] } as SQSEvent, lambdaContext, () => undefined);
    expect(await register.haal(g.email)).toBeUndefined();
    expect(await leesSessie(sessie.token)).toBeUndefined();
    expect(await leesSessie(collega.token)).toBeDefined();
  });
});
