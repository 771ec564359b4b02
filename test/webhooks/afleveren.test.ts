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

  it('een bericht dat te vroeg binnenkomt gaat door met de rest van de wachttijd (≤ 900 s), zonder poging', async () => {
    const { abonnement, g } = await opgezet();
    const dueMs = Date.now() + 3600_000;
    expect(await mod.verwerkBericht({ soort: 'afleveren', gebeurtenisId: g.id, abonnementId: abonnement.id, poging: 2, dueMs }, consumer.afleverDeps)).toBe('doorgestuurd');
    expect(ontvanger.ontvangen).toHaveLength(0);
  });
});
