import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { NIEUWE_LINK_WACHTTIJD_MINUTEN, type NazorgLink } from '../domain/nazorglinks';
import { dynamo, tabel } from './dynamodb';
import { geweigerd, parseItem } from './items';
import { sleutels } from './sleutels';
import type { TransactieItem } from './zoekprofielen';

/**
 * The personal links of follow-up invitations (shared/domain/nazorglinks.ts), one item per link keyed by the
 * SHA-256 of its token. An expired link is kept a while after its last day so its page can say "verlopen"
 * and mail a fresh one instead of "onbekend"; the TTL then removes it.
 */
const BEWAREN_NA_GELDIGHEID_DAGEN = 90;

const LinkItem = z.object({
  pk: z.string(),
  sk: z.string(),
  entiteit: z.literal('NazorgLink'),
  sleutelHash: z.string(),
  nazorgmomentId: z.string(),
  plaatsingId: z.string(),
  ontvanger: z.discriminatedUnion('rol', [
    z.object({ rol: z.literal('werkgever'), lidId: z.string() }),
    z.object({ rol: z.literal('regiopartner'), partnerId: z.string() }),
  ]),
  geldigTot: z.string(),
  aangemaaktOp: z.string(),
  gebruiktOp: z.string().optional(),
  nieuweLinkOp: z.string().optional(),
  verlooptOp: z.number().optional(),
});

const epochNaDag = (dag: string, extraDagen: number) => Math.floor(Date.parse(`${dag}T23:59:59Z`) / 1000) + extraDagen * 86_400;

/** The Put of a new link, in the transaction that sends its invitation. */
export const linkItem = (link: NazorgLink): TransactieItem => ({
  Put: {
    TableName: tabel(),
    Item: {
      ...sleutels.nazorglink(link.sleutelHash),
      entiteit: 'NazorgLink',
      ...link,
      verlooptOp: epochNaDag(link.geldigTot, BEWAREN_NA_GELDIGHEID_DAGEN),
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/**
 * Using the link: part of the answer's own transaction, so the answer and the link's use are one effect.
 * Conditional on the link being unused and valid today: a second submit (a double click, a replayed post)
 * or an expired link cancels the whole answer.
 */
export const linkGebruikItem = (sleutelHash: string, nu: string, vandaag: string): TransactieItem => ({
  Update: {
    TableName: tabel(),
    Key: sleutels.nazorglink(sleutelHash),
    UpdateExpression: 'SET gebruiktOp = :nu',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(gebruiktOp) AND geldigTot >= :vandaag',
    ExpressionAttributeValues: { ':nu': nu, ':vandaag': vandaag },
  },
});

export const haalLink = async (sleutelHash: string): Promise<NazorgLink | undefined> => {
  const r = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.nazorglink(sleutelHash), ConsistentRead: true }));
  if (!r.Item || (typeof r.Item.verlooptOp === 'number' && r.Item.verlooptOp * 1000 < Date.now())) return undefined;
  const { verlooptOp: _verlooptOp, ...link } = parseItem(LinkItem, r.Item);
  return link;
};

/**
 * A fresh link in place of an old one: the old one records when (at most one per wait, conditional on
 * that), the new link and its mail are written with it. 'teVroeg' when another request came first.
 */
export const vervangLink = async (oud: NazorgLink, nieuw: NazorgLink, mail: TransactieItem, nu: string): Promise<'vervangen' | 'teVroeg'> => {
  const grens = new Date(Date.parse(nu) - NIEUWE_LINK_WACHTTIJD_MINUTEN * 60_000).toISOString();
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tabel(),
              Key: sleutels.nazorglink(oud.sleutelHash),
              UpdateExpression: 'SET nieuweLinkOp = :nu',
              ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(nieuweLinkOp) OR nieuweLinkOp <= :grens)',
              ExpressionAttributeValues: { ':nu': nu, ':grens': grens },
            },
          },
          linkItem(nieuw),
          mail,
        ],
      }),
    );
    return 'vervangen';
  } catch (error) {
    if (geweigerd(error, 0)) return 'teVroeg';
    throw error;
  }
};
