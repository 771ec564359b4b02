import { readdirSync } from 'node:fs';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsFor } from '../../functions/auth/token-claims';
import type { Principal } from '../../shared/auth/rollen';
import { aanvragen, voerUit } from '../../shared/domain/leden';
import { emailSleutel } from '../../shared/domain/regiopartners';
import { dynamo, tabel } from '../../shared/store/dynamodb';
import { dynamoLedenStore } from '../../shared/store/leden-store';
import { dynamoLidGebruikersStore } from '../../shared/store/partner-gebruikers-store';
import { voerAccountopdrachtUit } from '../../shared/use-cases/partner-gebruikers';
import { lambdaContext, sqsRecord } from '../support/sqs-event';
import { accountsOmgeving } from './store-omgeving';

/**
 * An approved member's contact gets an account the way a partner's staff do: the approval writes the
 * invitation and its task in its own transaction, and the accounts consumer makes one account with role
 * werkgever and the member as tenant, however often and concurrently the message comes.
 */
let o: Awaited<ReturnType<typeof accountsOmgeving>>;
beforeAll(async () => {
  o = await accountsOmgeving();
});

const coordinator: Principal = { rol: 'coopAdmin', subject: 'coordinator' };
const omgeving = () => ({ nieuwId: () => ulid(), nu: new Date().toISOString() });
const leden = dynamoLedenStore();
const store = dynamoLidGebruikersStore();
let kvk = 20_000_000 + Math.floor(Math.random() * 70_000_000);
const accounts = () => readdirSync(o.dir).filter((f) => f.endsWith('.json')).length;
const opdrachten = async (lidId: string) => {
  const r = await dynamo().send(new QueryCommand({ TableName: tabel(), KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': `LID#${lidId}` } }));
  return (r.Items ?? []).map((i) => i.entiteit as string).sort();
};

/** A member applies and is approved through the store, as the API does. */
const goedgekeurdLid = async (email = `sanne.${ulid().toLowerCase()}@hethout.nl`) => {
  const aanvraag = aanvragen(
    {
      kvkNummer: String(++kvk),
      naam: 'Hoveniersbedrijf Het Hout',
      sectoren: ['groen'],
      werksoorten: ['groen'],
      contactpersoon: { naam: 'Sanne de Vries', email },
      toezeggingen: { reguliereBanen: 1, participatieplaatsen: 1, beschutWerkplekken: 0, banenafspraakBanen: 0 },
    },
    omgeving(),
  );
  await leden.voegToe(aanvraag);
  const goedkeuring = voerUit(aanvraag.lid, 'goedkeuren', coordinator, {}, omgeving());
  await leden.pasToe(goedkeuring);
  return { lid: goedkeuring.lid, gebruiker: goedkeuring.gebruiker! };
};

describe("the account of an approved member's contact", () => {
  it('the approval invites the contact in its own transaction; rejecting or suspending invites no one', async () => {
    const { lid, gebruiker } = await goedgekeurdLid('Sanne.DeVries@HetHout.nl');
    expect(await store.haal(lid.id, emailSleutel('sanne.devries@hethout.nl'))).toEqual(gebruiker);
    expect(gebruiker).toMatchObject({ lidId: lid.id, rol: 'werkgever', email: 'sanne.devries@hethout.nl', status: 'uitgenodigd', versie: 1 });
    expect(await opdrachten(lid.id)).toEqual(['LidGebeurtenis', 'LidGebeurtenis', 'Lid', 'LidGebruiker'].sort());
    expect(voerUit(lid, 'schorsen', coordinator, { reden: 'test' }, omgeving()).gebruiker).toBeUndefined();
  });

  it('an approval that loses to a concurrent change writes no invitation either', async () => {
    const aanvraag = aanvragen(
      {
        kvkNummer: String(++kvk),
        naam: 'Bakkerij De Verwachting',
        sectoren: ['voedingsmiddelen'],
        werksoorten: ['productie'],
        contactpersoon: { naam: 'Fatima el Amrani', email: `fatima.${ulid().toLowerCase()}@deverwachting.nl` },
        toezeggingen: { reguliereBanen: 1, participatieplaatsen: 0, beschutWerkplekken: 0, banenafspraakBanen: 0 },
      },
      omgeving(),
    );
    await leden.voegToe(aanvraag);
    await leden.pasToe(voerUit(aanvraag.lid, 'afwijzen', coordinator, { reden: 'dubbel' }, omgeving()));
    await expect(leden.pasToe(voerUit(aanvraag.lid, 'goedkeuren', coordinator, {}, omgeving()))).rejects.toMatchObject({ soort: 'verouderd' });
    expect(await opdrachten(aanvraag.lid.id)).not.toContain('LidGebruiker');
  });

  it('is made once, with role werkgever and the member as tenant, whose claims the Cognito trigger maps; a second delivery does nothing', async () => {
    const { lid, gebruiker } = await goedgekeurdLid();
    const sleutel = emailSleutel(gebruiker.email);
    const voor = accounts();
    const uitkomsten = await Promise.all(Array.from({ length: 4 }, () => voerAccountopdrachtUit({ store, accounts: o.register }, lid.id, sleutel)));
    expect(uitkomsten.filter((u) => u === 'aangemaakt' || u === 'bestond').length).toBeGreaterThanOrEqual(1);
    expect(accounts()).toBe(voor + 1);
    expect(await voerAccountopdrachtUit({ store, accounts: o.register }, lid.id, sleutel)).toBe('alAfgehandeld');
    expect(await store.haal(lid.id, sleutel)).toMatchObject({ status: 'aangemaakt', versie: 2 });
    const account = await o.register.haal(gebruiker.email);
    expect(claimsFor(account!.attributen)).toEqual({ 'werkcoop:rol': 'werkgever', 'werkcoop:tenant': lid.id });
  });

  it("an address that is already someone else's account is left alone (adresInGebruik)", async () => {
    const adres = `gedeeld.${ulid().toLowerCase()}@hethout.nl`;
    const eerste = await goedgekeurdLid(adres);
    expect(await voerAccountopdrachtUit({ store, accounts: o.register }, eerste.lid.id, emailSleutel(adres))).toBe('aangemaakt');
    const tweede = await goedgekeurdLid(adres);
    expect(await voerAccountopdrachtUit({ store, accounts: o.register }, tweede.lid.id, emailSleutel(adres))).toBe('adresInGebruik');
    expect(claimsFor((await o.register.haal(adres))!.attributen)['werkcoop:tenant']).toBe(eerste.lid.id);
  });

  it('the consumer takes a member\'s message as a partner\'s; duplicates in one batch make one account', async () => {
    const { lid, gebruiker } = await goedgekeurdLid();
    const voor = accounts();
    const bericht = JSON.stringify({ lidId: lid.id, sleutel: emailSleutel(gebruiker.email) });
    const event = { Records: [sqsRecord('gebruikers', 'm1', bericht), sqsRecord('gebruikers', 'm2', bericht), sqsRecord('gebruikers', 'm3', '{"lidId":"x","partnerId":"y","sleutel":"z"}')] } as SQSEvent;
    const r = (await o.handler(event, lambdaContext, () => undefined)) as { batchItemFailures: { itemIdentifier: string }[] };
    expect(r.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['m3']);
    expect(accounts()).toBe(voor + 1);
  });
});
