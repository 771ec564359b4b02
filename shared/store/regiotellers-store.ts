import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { TELLERS, verschuiving, type Bijdrage, type Telling } from '../domain/regiotellers';
import { haalSamen } from './batch';
import { dynamo, tabel } from './dynamodb';
import { geweigerd } from './items';
import { sleutels } from './sleutels';

/**
 * Stream sequence numbers are decimal strings of up to 40 digits; padded, they compare as strings in a
 * condition. Records of one item come in the order of its changes, each with a higher number.
 */
export const volgnummer = (sequenceNumber: string): string => sequenceNumber.padStart(40, '0');

const Telling = z.object(Object.fromEntries(TELLERS.map((t) => [t, z.number().int().optional()]))).partial();
const BijdrageItem = z.object({ entiteit: z.literal('Regiobijdrage'), regio: z.string().optional(), telling: Telling, volgnummer: z.string() });
const TellerItem = z.object({ pk: z.string(), entiteit: z.literal('Regioteller'), regio: z.string() }).catchall(z.unknown());

export type Toepassing = 'toegepast' | 'ongewijzigd' | 'alVerwerkt';

/**
 * Applies one stream record's view of a source (a placement, a place) to the counters, exactly once: the
 * source's contribution item remembers what it added where and the last record applied. A record that is
 * not newer than that (a retried batch, a duplicate) changes nothing; otherwise one transaction moves the
 * counts and records the new contribution on condition that no newer record got there first. The counters
 * are updated with ADD, so concurrent sources of one region never overwrite each other.
 */
export const pasBijdrageToe = async (bron: string, sequenceNumber: string, nieuw: Bijdrage | undefined): Promise<Toepassing> => {
  const v = volgnummer(sequenceNumber);
  const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.regiobijdrage(bron), ConsistentRead: true }));
  const huidig = Item ? BijdrageItem.parse(Item) : undefined;
  if (huidig && huidig.volgnummer >= v) return 'alVerwerkt';
  const oud: Bijdrage | undefined = huidig?.regio ? { regio: huidig.regio, telling: huidig.telling as Telling } : undefined;
  const verschil = verschuiving(oud, nieuw);
  // Unchanged counts (a change of the source that does not touch its figures) need no write at all.
  if (verschil.size === 0 && huidig) return 'ongewijzigd';
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tabel(),
              Item: { ...sleutels.regiobijdrage(bron), entiteit: 'Regiobijdrage', ...(nieuw ? { regio: nieuw.regio } : {}), telling: nieuw?.telling ?? {}, volgnummer: v },
              ConditionExpression: 'attribute_not_exists(pk) OR volgnummer < :v',
              ExpressionAttributeValues: { ':v': v },
            },
          },
          ...[...verschil].map(([regio, telling]) => {
            const tellers = Object.entries(telling);
            return {
              Update: {
                TableName: tabel(),
                Key: sleutels.regioteller(regio),
                UpdateExpression: `SET entiteit = :e, regio = :r ADD ${tellers.map((_, i) => `#t${i} :d${i}`).join(', ')}`,
                ExpressionAttributeNames: Object.fromEntries(tellers.map(([t], i) => [`#t${i}`, t])),
                ExpressionAttributeValues: { ':e': 'Regioteller', ':r': regio, ...Object.fromEntries(tellers.map(([, d], i) => [`:d${i}`, d])) },
              },
            };
          }),
        ],
      }),
    );
    return 'toegepast';
  } catch (error) {
    if (geweigerd(error, 0)) return 'alVerwerkt';
    throw error;
  }
};

/** The counters of these regions, one BatchGetItem; a region without a counter yet has none of its sources. */
export const leesRegiotellers = async (regios: readonly string[]): Promise<Map<string, Telling>> => {
  const items = await haalSamen(regios.map((r) => sleutels.regioteller(r)));
  const uit = new Map<string, Telling>();
  for (const item of items) {
    const { regio, ...rest } = TellerItem.parse(item);
    uit.set(regio, Object.fromEntries(TELLERS.filter((t) => typeof rest[t] === 'number').map((t) => [t, rest[t] as number])));
  }
  return uit;
};
