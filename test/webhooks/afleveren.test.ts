import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulidx';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/aws-local';
import { queueDefinitions } from '../../shared/queues/definition';
import type { Gebeurtenis } from '../../shared/domain/abonnementen/gebeurtenissen';
import { afleveringenStore } from '../../shared/store/afleveringen-store';
import { gebeurtenisItems } from '../../shared/store/uitgaand-store';
import { dynamo } from '../../shared/store/dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createTestQueues, createTestTable, testEngines, testSqsClient } from '../support/engines';
import { startOntvanger, type Ontvanger } from '../support/ontvanger';

/**
 * Exactly once per event × subscription, on DynamoDB Local and the local SQS, with a real receiver:
 * duplicate messages, a fan-out run twice, and a crash between the send and the mark.
 */
let ontvanger: Ontvanger;
let queueUrl: string;
let mod: typeof import('../../shared/webhooks/afleveren');
let abonnementen: ReturnType<typeof import('../../shared/use-cases/abonnementen').abonnementenUseCases>;
let consumer: typeof import('../../functions/consumers/webhook-afleveren');

beforeAll(async () => {
  ontvanger = await startOntvanger();
  const [queue] = await createTestQueues([queueDefinitions.webhooks]);
  queueUrl = queue!.url;
  Object.assign(process.env, {
    TABLE_NAME: await createTestTable(),
    DYNAMODB_ENDPOINT: testEngines().dynamodbEndpoint,
    SQS_ENDPOINT: testEngines().sqsEndpoint,
    WEBHOOKS_QUEUE_URL: queueUrl,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    PSEUDONIEM_SLEUTEL: 'een-lokale-sleutel-van-minstens-32-tekens-lang',
    WEBHOOKS_LOOPBACK_TOESTAAN: 'ja',
    WEBHOOKS_TEST_CA: ontvanger.ca,
    POWERTOOLS_LOG_LEVEL: 'WARN',
  });
  mod = await import('../../shared/webhooks/afleveren');
  consumer = await import('../../functions/consumers/webhook-afleveren');
  const { abonnementenUseCases } = await import('../../shared/use-cases/abonnementen');
  const { dynamoAbonnementenStore } = await import('../../shared/store/abonnementen-store');
  const { verzegel } = await import('../../shared/webhooks/verzegelen');
  abonnementen = abonnementenUseCases({ store: dynamoAbonnementenStore(), verzegel, bestemmingGeweigerd: async () => undefined, nieuwId: () => ulid() });
});
afterAll(() => ontvanger?.stop());

const ontvangen = async () => {
  const sqs = testSqsClient();
  try {
    const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    return (r.Messages ?? []).map((m) => JSON.parse(m.Body!));
  } finally {
    sqs.destroy();
  }
};

/** An active coordinators' subscription and one written event of a type it asks for. */
const opgezet = async () => {
  const admin = { rol: 'coopAdmin', subject: 'c' } as const;
  const { abonnement, geheim } = await abonnementen.maak(admin, { types: ['nl.werkcoop.leden.goedgekeurd'], callbackUrl: ontvanger.url(), berichtvorm: 'cloudevents', contactEmail: 'a@b.nl' });
  await afleveringenStore.zetStatus(abonnement.id, ['inAfwachting'], 'actief');
  const g: Gebeurtenis = { id: ulid(), type: 'nl.werkcoop.leden.goedgekeurd', onderwerp: { soort: 'lid', id: ulid() }, versie: 2, tijd: new Date().toISOString(), data: { status: 'actief' }, betrokkenen: { lidId: 'l' } };
  await dynamo().send(new TransactWriteCommand({ TransactItems: gebeurtenisItems([g]) }));
  ontvanger.geheim = geheim;
  ontvanger.ontvangen.length = 0;
  return { abonnement, g };
};

describe('precies één keer per gebeurtenis en abonnement', () => {
  it('een uitwaaiering die twee keer loopt en vijf dubbele berichten tegelijk geven één aflevering en één poging', async () => {
    const { abonnement, g } = await opgezet();
    await mod.verwerkBericht({ soort: 'uitwaaieren', gebeurtenisId: g.id }, consumer.afleverDeps);
    await mod.verwerkBericht({ soort: 'uitwaaieren', gebeurtenisId: g.id }, consumer.afleverDeps);
    const berichten = (await ontvangen()).filter((b) => b.abonnementId === abonnement.id);
    expect(berichten).toEqual([
      { soort: 'afleveren', gebeurtenisId: g.id, abonnementId: abonnement.id, poging: 1 },
      { soort: 'afleveren', gebeurtenisId: g.id, abonnementId: abonnement.id, poging: 1 },
    ]);
    const afloop = await Promise.allSettled(Array.from({ length: 5 }, () => mod.verwerkBericht(berichten[0], consumer.afleverDeps)));
    expect(afloop.filter((a) => a.status === 'fulfilled' && a.value === 'afgeleverd')).toHaveLength(1);
    expect(ontvanger.ontvangen).toHaveLength(1);
    expect(ontvanger.ontvangen[0]!.handtekeningGeldig).toBe(true);
    expect(await mod.verwerkBericht(berichten[1], consumer.afleverDeps)).toBe('dubbel');
    expect(await afleveringenStore.pogingen(abonnement.id, g.id)).toEqual([expect.objectContaining({ poging: 1, status: 204 })]);
  });

  it('een crash tussen versturen en vastleggen: na de lease wordt opnieuw verstuurd met dezelfde webhook-id, en er is één record van die poging', async () => {
    const { abonnement, g } = await opgezet();
    const bericht = { soort: 'afleveren', gebeurtenisId: g.id, abonnementId: abonnement.id, poging: 1 } as const;
    await afleveringenStore.maak(abonnement.id, g.id, new Date());
    const crasht = { ...consumer.afleverDeps, verstuur: async (...a: Parameters<typeof consumer.afleverDeps.verstuur>) => {
      await consumer.afleverDeps.verstuur(...a);
      throw new Error('de functie stopt hier (time-out, geheugen)');
    } };
    await expect(mod.verwerkBericht(bericht, crasht)).rejects.toThrow(/stopt hier/);
    // The redelivered message within the lease finds it busy (SQS offers it again later), after the lease it goes.
    await expect(mod.verwerkBericht(bericht, consumer.afleverDeps)).rejects.toThrow(/bezet/);
    const later = { ...consumer.afleverDeps, klok: () => new Date(Date.now() + 61_000) };
    expect(await mod.verwerkBericht(bericht, later)).toBe('afgeleverd');
    expect(ontvanger.ontvangen.map((v) => v.headers['webhook-id'])).toEqual([g.id, g.id]);
    expect(await afleveringenStore.pogingen(abonnement.id, g.id)).toHaveLength(1);
    expect(await afleveringenStore.haal(abonnement.id, g.id)).toEqual({ status: 'afgeleverd', poging: 1 });
  });

  it('een ontvanger die altijd 500 geeft: tien pogingen op het schema (met een klok die de test bestuurt), dan mislukt en bewaard, het abonnement uit en één mail', async () => {
    const { abonnement, g } = await opgezet();
    ontvanger.antwoord = (_v, res) => res.writeHead(500).end();
    let nu = Date.now();
    const gestuurd: { bericht: any; vertragingSeconden: number }[] = [];
    const deps = { ...consumer.afleverDeps, klok: () => new Date(nu), willekeur: () => 0.5, stuur: async (b: readonly { bericht: any; vertragingSeconden: number }[]) => void gestuurd.push(...b) };
    await afleveringenStore.maak(abonnement.id, g.id, new Date(nu));
    let bericht: any = { soort: 'afleveren', gebeurtenisId: g.id, abonnementId: abonnement.id, poging: 1 };
    const wachttijden: number[] = [];
    const afloop: string[] = [];
    for (;;) {
      const a = await mod.verwerkBericht(bericht, deps);
      if (a === 'doorgestuurd') {
        // An early message: sent on with at most 900 s; the test's clock then jumps to its due time.
        expect(gestuurd.at(-1)!.vertragingSeconden).toBeLessThanOrEqual(900);
        nu = bericht.dueMs;
        continue;
      }
      afloop.push(a);
      if (a !== 'opnieuw') break;
      bericht = gestuurd.at(-1)!.bericht;
      wachttijden.push(Math.round((bericht.dueMs - nu) / 1000));
      nu += 60_000; // early on purpose: the message must be held until it is due
    }
    // willekeur 0.5 is the schedule itself: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h.
    expect(wachttijden).toEqual([5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400]);
    expect(afloop).toEqual([...Array(9).fill('opnieuw'), 'mislukt']);
    expect(ontvanger.ontvangen).toHaveLength(10);
    expect(new Set(ontvanger.ontvangen.map((v) => v.headers['webhook-id']))).toEqual(new Set([g.id]));
    expect(await afleveringenStore.haal(abonnement.id, g.id)).toEqual({ status: 'mislukt', poging: 10 });
    expect((await afleveringenStore.pogingen(abonnement.id, g.id)).map((p) => p.status)).toEqual(Array(10).fill(500));
    const r = (await import('../../shared/store/abonnementen-store')).dynamoAbonnementenStore();
    expect((await r.haal(abonnement.id))!.abonnement).toMatchObject({ status: 'uitgeschakeld', uitgeschakeldOmdat: 'zonderSucces' });
    const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
    const mails = await dynamo().send(
      new QueryCommand({ TableName: process.env.TABLE_NAME, IndexName: 'gsi4', KeyConditionExpression: 'gsi4pk = :p', ExpressionAttributeValues: { ':p': `BETREFT#ABONNEMENT#${abonnement.id}` } }),
    );
    expect(mails.Items?.map((m) => m.soort)).toEqual(['abonnementUitgeschakeld']);
    ontvanger.antwoord = (_v, res) => res.writeHead(204).end();
  });

  it('een abonnement met berichtvorm zgw krijgt het ZGW Notificaties-bericht, met dezelfde headers', async () => {
    const { abonnement, g } = await opgezet();
    const { dynamoAbonnementenStore } = await import('../../shared/store/abonnementen-store');
    const huidig = (await dynamoAbonnementenStore().haal(abonnement.id))!;
    await dynamoAbonnementenStore().vervang({ ...huidig.abonnement, berichtvorm: 'zgw', versie: huidig.abonnement.versie + 1 }, huidig.verzegeld, huidig.abonnement.versie);
    await afleveringenStore.maak(abonnement.id, g.id, new Date());
    expect(await mod.verwerkBericht({ soort: 'afleveren', gebeurtenisId: g.id, abonnementId: abonnement.id, poging: 1 }, consumer.afleverDeps)).toBe('afgeleverd');
    const v = ontvanger.ontvangen[0]!;
    expect(v.handtekeningGeldig).toBe(true);
    expect(JSON.parse(v.body)).toMatchObject({ kanaal: 'leden', actie: 'goedgekeurd', resource: 'lid', kenmerken: { gebeurtenisId: g.id } });
    expect(v.headers['webhook-id']).toBe(g.id);
  });

  it('een ontvanger die een tijd plat ligt en dan terugkomt: de gebeurtenissen komen alsnog, elk één keer', async () => {
    const admin = { rol: 'coopAdmin', subject: 'c' } as const;
    const tijdelijk = await startOntvanger();
    const poort = tijdelijk.poort;
    const { abonnement, geheim } = await abonnementen.maak(admin, { types: ['nl.werkcoop.leden.goedgekeurd'], callbackUrl: `https://127.0.0.1:${poort}/plat`, berichtvorm: 'cloudevents', contactEmail: 'a@b.nl' });
    await afleveringenStore.zetStatus(abonnement.id, ['inAfwachting'], 'actief');
    await tijdelijk.stop();
    const gebeurtenissen: Gebeurtenis[] = Array.from({ length: 3 }, () => ({ id: ulid(), type: 'nl.werkcoop.leden.goedgekeurd', onderwerp: { soort: 'lid', id: ulid() }, versie: 2, tijd: new Date().toISOString(), data: { status: 'actief' }, betrokkenen: { lidId: 'l' } }));
    let nu = Date.now();
    const gestuurd: { bericht: any }[] = [];
    const deps = { ...consumer.afleverDeps, klok: () => new Date(nu), willekeur: () => 0.5, stuur: async (b: readonly { bericht: any; vertragingSeconden: number }[]) => void gestuurd.push(...b) };
    for (const g of gebeurtenissen) {
      await dynamo().send(new TransactWriteCommand({ TransactItems: gebeurtenisItems([g]) }));
      await mod.verwerkBericht({ soort: 'uitwaaieren', gebeurtenisId: g.id }, deps);
    }
    // Down: connection refused, each delivery plans its next attempt.
    // (The file's earlier coordinators' subscriptions hear of these events too: only this one's messages count here.)
    const vanDit = () => gestuurd.splice(0).filter((b) => b.bericht.abonnementId === abonnement.id);
    for (const b of vanDit()) expect(await mod.verwerkBericht(b.bericht, deps)).toBe('opnieuw');
    const terug = await startOntvanger({ geheim, poort });
    try {
      nu += 10_000;
      const afloop = [];
      for (const b of vanDit()) afloop.push(await mod.verwerkBericht(b.bericht, deps));
      expect(afloop).toEqual(['afgeleverd', 'afgeleverd', 'afgeleverd']);
      expect(terug.ontvangen.map((v) => v.headers['webhook-id']).sort()).toEqual(gebeurtenissen.map((g) => g.id).sort());
      expect(terug.ontvangen.every((v) => v.handtekeningGeldig)).toBe(true);
      for (const g of gebeurtenissen) expect((await afleveringenStore.pogingen(abonnement.id, g.id)).map((p) => p.status ?? p.fout)).toEqual(['verbinding', 204]);
    } finally {
      await terug.stop();
    }
  });

  it('een bericht dat te vroeg binnenkomt gaat door met de rest van de wachttijd (≤ 900 s), zonder poging', async () => {
    const { abonnement, g } = await opgezet();
    const dueMs = Date.now() + 3600_000;
    expect(await mod.verwerkBericht({ soort: 'afleveren', gebeurtenisId: g.id, abonnementId: abonnement.id, poging: 2, dueMs }, consumer.afleverDeps)).toBe('doorgestuurd');
    expect(ontvanger.ontvangen).toHaveLength(0);
  });
});
