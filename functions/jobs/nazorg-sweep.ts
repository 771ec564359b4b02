import { SendMessageBatchCommand, type SendMessageBatchRequestEntry } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { requireEnv } from '../../shared/config/env';
import { logger } from '../../shared/observability/logger';
import { sqs } from '../../shared/queues/sqs';
import { vandaagInNederland } from '../../shared/domain/kalender';
import { plusDagen } from '../../shared/domain/nazorg';
import type { MomentVerwijzing } from '../../shared/store/nazorg-store';
import { leesSweepCheckpoint, loopDueIndexVanDag, zetSweepCheckpoint } from '../../shared/store/nazorg-sweep-store';

/** Without a checkpoint (first run ever) the sweep looks this far back, so nothing due shortly before is lost. */
export const EERSTE_TERUGBLIK_DAGEN = 35;
/**
 * Every sweep walks again the day of its checkpoint, and at least this many days back: a moment is never
 * placed in the due index before the day it is written (`verzenddag`: one planned already due — a
 * backdated placement, a coordinator's date in the past — is due that day), but it may be written on the
 * checkpoint's day after that day's sweep, and a sweep run ahead (`--datum` in the future) moves the
 * checkpoint past today. Cheap, because the index is sparse: a handled moment has left its day.
 */
export const HERHAAL_DAGEN = 7;
/** A send whose entries keep failing fails the day: it is not checkpointed and the next sweep retries it. */
const SEND_POGINGEN = 3;

const Invoer = z
  .object({
    /** The day to sweep up to, in Europe/Amsterdam; default today. `npm run job -- nazorg-sweep --datum`. */
    datum: z.iso.date().optional(),
  })
  .loose();


/** Batches of one page in flight at once, per shard: 16 shards × 4 keeps SQS busy without a burst. */
const SENDS_PARALLEL = 4;

const verstuurBatch = async (queueUrl: string, momenten: MomentVerwijzing[]): Promise<void> => {
  let entries: SendMessageBatchRequestEntry[] = momenten.map((m, j) => ({ Id: String(j), MessageBody: JSON.stringify(m) }));
  for (let poging = 1; entries.length; poging++) {
    const r = await sqs().send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
    const mislukt = new Set((r.Failed ?? []).map((f) => f.Id));
    entries = entries.filter((e) => mislukt.has(e.Id));
    if (entries.length && poging >= SEND_POGINGEN) throw new Error(`nazorg-sweep: ${entries.length} berichten niet verstuurd na ${poging} pogingen`);
  }
};

const verstuur = async (queueUrl: string, momenten: MomentVerwijzing[]): Promise<void> => {
  const batches = Array.from({ length: Math.ceil(momenten.length / 10) }, (_, i) => momenten.slice(i * 10, i * 10 + 10));
  let volgende = 0;
  await Promise.all(
    Array.from({ length: Math.min(SENDS_PARALLEL, batches.length) }, async () => {
      while (volgende < batches.length) await verstuurBatch(queueUrl, batches[volgende++]!);
    }),
  );
};

export interface SweepResultaat {
  readonly dagen: readonly { readonly dag: string; readonly verstuurd: number }[];
  readonly verstuurd: number;
}

/**
 * The nazorg sweep (EventBridge Scheduler, daily): for every day from the last completed one up to today,
 * every moment in the due index of that day goes to the nazorg queue. The index key is a moment's next
 * action date (send, or escalate when unanswered), so one walk serves both; the consumer decides by status.
 * A day is checkpointed only after all its messages were accepted; two sweeps at once may enqueue a moment
 * twice, which the consumer's conditional writes absorb.
 */
export const handler = async (event: unknown, context?: Context): Promise<SweepResultaat> => {
  if (context) logger.addContext(context);
  const queueUrl = requireEnv('NAZORG_QUEUE_URL');
  const invoer = Invoer.parse(event ?? {});
  const nu = new Date();
  const tot = invoer.datum ?? vandaagInNederland(nu);
  const checkpoint = await leesSweepCheckpoint();
  const herhaal = plusDagen(tot, -HERHAAL_DAGEN);
  const vanaf = checkpoint ?? plusDagen(tot, -EERSTE_TERUGBLIK_DAGEN);
  let dag = vanaf < herhaal ? vanaf : herhaal;
  const dagen: { dag: string; verstuurd: number }[] = [];
  for (; dag <= tot; dag = plusDagen(dag, 1)) {
    const verstuurd = await loopDueIndexVanDag(dag, (momenten) => verstuur(queueUrl, momenten));
    await zetSweepCheckpoint(dag, new Date());
    dagen.push({ dag, verstuurd });
  }
  const totaal = dagen.reduce((a, d) => a + d.verstuurd, 0);
  logger.info('nazorg-sweep klaar', { vanaf: checkpoint ?? null, tot, dagen: dagen.length, verstuurd: totaal });
  return { dagen, verstuurd: totaal };
};
