import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { env } from '../config/env';
import { verloopdatum } from '../privacy/bewaartermijn';
import { leesCursor, maakCursor } from './cursor';
import { dynamo, tabel } from './dynamodb';
import { sleutels } from './sleutels';
import type { TransactieItem } from './zoekprofielen';

/**
 * A closed referral's expiry: one item in the referral's partition, on the sparse gsi2 partition
 * BEWAARTERMIJNEN ordered by expiry date. Put (replacing any earlier one) in the transaction that closes
 * the referral or ends its last placement; removed by the erasure with the rest of the person's items.
 * One partition for the country: closings are rare writes, and the job reads only what is due.
 */
export const bewaartermijnItem = (verwijzingId: string, gemeente: string, afgeslotenOp: string) => {
  const datum = verloopdatum(afgeslotenOp, env().BEWAARTERMIJN_MAANDEN);
  return {
    ...sleutels.bewaartermijn(verwijzingId),
    ...sleutels.bewaartermijnIndex(datum, verwijzingId),
    entiteit: 'Bewaartermijn',
    verwijzingId,
    gemeente,
    afgeslotenOp,
    verloopdatum: datum,
  };
};

export const bewaartermijnPut = (verwijzingId: string, gemeente: string, afgeslotenOp: string): TransactieItem => ({
  Put: { TableName: tabel(), Item: bewaartermijnItem(verwijzingId, gemeente, afgeslotenOp) },
});

const Verlopen = z.object({ verwijzingId: z.string() });

/** One page of the referrals whose term ended on or before `datum` (one Query; the index holds only what is pending). */
export const verlopenBewaartermijnen = async (datum: string, cursor?: string): Promise<{ verwijzingIds: string[]; cursor: string | undefined }> => {
  const r = await dynamo().send(
    new QueryCommand({
      TableName: tabel(),
      IndexName: 'gsi2',
      // `<verloopdatum>#<id>`: everything up to and including the day sorts below `<datum>#~`.
      KeyConditionExpression: 'gsi2pk = :p AND gsi2sk <= :tot',
      ExpressionAttributeValues: { ':p': sleutels.bewaartermijnenPartitie, ':tot': `${datum}#~` },
      ProjectionExpression: 'verwijzingId',
      Limit: 100,
      ExclusiveStartKey: leesCursor(cursor),
    }),
  );
  return { verwijzingIds: (r.Items ?? []).map((i) => Verlopen.parse(i).verwijzingId), cursor: maakCursor(r.LastEvaluatedKey) };
};
