import { readdirSync } from 'node:fs';
import type { SQSEvent } from 'aws-lambda';
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/rollen';
import { aanvragen, voerUit, type Omgeving } from '../../shared/domain/leden';
import { VERZEND_LEASE_SECONDEN } from '../../shared/domain/notificaties';
import { mailAdapter } from '../../shared/mail/mail-adapters';
import { dynamoLedenStore } from '../../shared/store/leden-store';
import { dynamoNotificatieStore } from '../../shared/store/notificaties-store';
import type { MailPoort } from '../../shared/use-cases/poorten';
import { verstuurNotificatie } from '../../shared/use-cases/notificaties';
import { storeOmgeving } from './store-omgeving';
import { lambdaContext, sqsRecord } from '../support/sqs-event';

let mailDir: string;
beforeAll(async () => ({ mailDir } = await storeOmgeving()));

const admin: Principal = { rol: 'coopAdmin', subject: 'coordinator' };
const omgeving = (): Omgeving => ({ nu: new Date().toISOString(), nieuwId: () => ulid() });
let kvk = 30_000_000 + Math.floor(Math.random() * 60_000_000);

/** A lid approved through the store, so its welcome message waits in the outbox. */
const wachtendBericht = async (): Promise<string> => {
  const store = dynamoLedenStore();
  const m = aanvragen(
    {
      kvkNummer: String(++kvk),
      naam: 'Schoonmaakbedrijf Glans',
      sectoren: ['schoonmaak'],
      werksoorten: ['schoonmaak'],
      contactpersoon: { naam: 'Mo Bakker', email: 'mo@glans.nl' },
      toezeggingen: { reguliereBanen: 1, participatieplaatsen: 1, beschutWerkplekken: 0, banenafspraakBanen: 0 },
    },
    omgeving(),
  );
  await store.voegToe(m);
  const g = voerUit(m.lid, 'goedkeuren', admin, {}, omgeving());
  await store.pasToe(g);
  return g.notificatie!.id;
};

const mailsVoor = (id: string) => readdirSync(mailDir).filter((f) => f === `${id}.json`).length;

describe('een notificatie versturen, hoe vaak ze ook aankomt', () => {
  it('een dubbele aflevering verstuurt één mail', async () => {
    const id = await wachtendBericht();
    const deps = { store: dynamoNotificatieStore(), mail: mailAdapter() };
    expect(await verstuurNotificatie(deps, id)).toBe('verzonden');
    expect(await verstuurNotificatie(deps, id)).toBe('alVerzonden');
    expect(mailsVoor(id)).toBe(1);
    expect((await deps.store.haal(id))?.status).toBe('verzonden');
  });

  it('gelijktijdige afleveringen versturen één mail', async () => {
    const id = await wachtendBericht();
    let verstuurd = 0;
    const tellend: MailPoort = { verstuur: async (b) => (verstuurd++, mailAdapter().verstuur(b)) };
    const deps = { store: dynamoNotificatieStore(), mail: tellend };
    const uitkomsten = await Promise.allSettled(Array.from({ length: 8 }, () => verstuurNotificatie(deps, id)));
    expect(verstuurd).toBe(1);
    expect(uitkomsten.filter((u) => u.status === 'fulfilled' && u.value === 'verzonden')).toHaveLength(1);
  });

  it('na een crash halverwege (geclaimd, niet verstuurd) verstuurt een herhaling pas na de lease, en dan één keer', async () => {
    const id = await wachtendBericht();
    const t0 = new Date();
    const crashend: MailPoort = { verstuur: async () => Promise.reject(new Error('proces gestopt')) };
    await expect(verstuurNotificatie({ store: dynamoNotificatieStore(), mail: crashend, klok: () => t0 }, id)).rejects.toThrow('proces gestopt');
    const deps = { store: dynamoNotificatieStore(), mail: mailAdapter() };
    await expect(verstuurNotificatie({ ...deps, klok: () => new Date(t0.getTime() + 5_000) }, id)).rejects.toThrow(/andere verzender/);
    expect(mailsVoor(id)).toBe(0);
    const naLease = new Date(t0.getTime() + (VERZEND_LEASE_SECONDEN + 1) * 1000);
    expect(await verstuurNotificatie({ ...deps, klok: () => naLease }, id)).toBe('verzonden');
    expect(await verstuurNotificatie({ ...deps, klok: () => naLease }, id)).toBe('alVerzonden');
    expect(mailsVoor(id)).toBe(1);
  });

  it('de consumer meldt alleen het kapotte bericht als mislukt; de rest van de batch slaagt', async () => {
    const { handler } = await import('../../functions/consumers/notificatie-versturen');
    const goed = await wachtendBericht();
    const record = (messageId: string, body: string) => sqsRecord('notificaties', messageId, body);
    const event = { Records: [record('m1', JSON.stringify({ notificatieId: goed })), record('m2', '{"kapot":'), record('m3', JSON.stringify({ notificatieId: goed }))] } as SQSEvent;
    const context = lambdaContext;
    const eerste = (await handler(event, context, () => undefined)) as { batchItemFailures: { itemIdentifier: string }[] };
    const mislukt = eerste.batchItemFailures.map((f) => f.itemIdentifier);
    // Records run in parallel: a duplicate in the same batch may find the first one mid-send ('bezet')
    // and is then retried, never sent twice.
    expect(mislukt).toContain('m2');
    expect(mislukt.filter((m) => m !== 'm2').every((m) => m === 'm1' || m === 'm3')).toBe(true);
    expect(mislukt.length).toBeLessThanOrEqual(2);
    const opnieuw = { Records: event.Records.filter((r) => mislukt.includes(r.messageId) && r.messageId !== 'm2') } as SQSEvent;
    if (opnieuw.Records.length > 0) expect(await handler(opnieuw, context, () => undefined)).toEqual({ batchItemFailures: [] });
    expect(mailsVoor(goed)).toBe(1);
  });
});
