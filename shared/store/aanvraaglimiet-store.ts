import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { bronHash, venster, wachtSeconden, type Limiet } from '../domain/aanvraaglimiet';
import { dynamo, tabel } from './dynamodb';
import { sleutels } from './sleutels';

/** Counters outlive their window by this much, then expire; nothing reads an old window's counter. */
const NALOOP_SECONDEN = 3600;

export type Telling = { readonly toegestaan: true } | { readonly toegestaan: false; readonly wachtSeconden: number };

/**
 * Counts one request of `bron` (the client address) against the limit, in one conditional UpdateItem:
 * ADD counts atomically across concurrent containers, and the condition refuses the request that would go
 * over the limit without counting it. The window start is in the key, so a new window starts at zero.
 */
export const telAanvraag = async (naam: string, limiet: Limiet, bron: string, nu: Date = new Date()): Promise<Telling> => {
  const v = venster(nu, limiet);
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tabel(),
        Key: sleutels.aanvraagteller(naam, bronHash(bron), v.start),
        UpdateExpression: 'ADD aantal :een SET entiteit = :entiteit, verlooptOp = :ttl',
        ConditionExpression: 'attribute_not_exists(aantal) OR aantal < :max',
        ExpressionAttributeValues: { ':een': 1, ':entiteit': 'Aanvraagteller', ':ttl': v.eind + NALOOP_SECONDEN, ':max': limiet.aantal },
      }),
    );
    return { toegestaan: true };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return { toegestaan: false, wachtSeconden: wachtSeconden(nu, v) };
    throw error;
  }
};
