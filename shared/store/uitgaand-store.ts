import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { BEWAARDAGEN_GEBEURTENIS } from '../domain/abonnementen/bewaren';
import type { Gebeurtenis } from '../domain/abonnementen/gebeurtenissen';
import type { FeedPartij, GebeurtenissenStore } from '../use-cases/gebeurtenissen';
import type { Pagina } from '../use-cases/poorten';
import { dynamo, tabel } from './dynamodb';
import { parseItem } from './items';
import type { PaginaVerzoek } from './queries';
import { leesCursor, maakCursor } from './cursor';
import { DomeinFout } from '../domain/fouten';
import { sleutels } from './sleutels';
import type { TransactieItem } from './zoekprofielen';

const Code = z.union([z.string(), z.number(), z.boolean()]);
const GebeurtenisVelden = {
  id: z.string(),
  type: z.string(),
  onderwerp: z.object({ soort: z.string(), id: z.string() }),
  versie: z.number().int(),
  tijd: z.string(),
  data: z.record(z.string(), Code),
  betrokkenen: z.object({ gemeente: z.string().optional(), lidId: z.string().optional(), partnerId: z.string().optional() }),
};
const GebeurtenisItem = z.object({ pk: z.string(), sk: z.string(), gsi1pk: z.string(), gsi1sk: z.string(), gsi2pk: z.string().optional(), gsi2sk: z.string().optional(), gsi3pk: z.string().optional(), gsi3sk: z.string().optional(), entiteit: z.literal('UitgaandeGebeurtenis'), verlooptOp: z.number(), ...GebeurtenisVelden });
const FeedregelItem = z.object({ pk: z.string(), sk: z.string(), entiteit: z.literal('Feedregel'), verlooptOp: z.number(), ...GebeurtenisVelden });

// The items were written from a checked Gebeurtenis (shared/domain/abonnementen); the parse guards the entity and shape.
const naarGebeurtenis = ({ verlooptOp: _v, ...g }: { verlooptOp: number } & z.infer<z.ZodObject<typeof GebeurtenisVelden>>): Gebeurtenis => g as Gebeurtenis;

const verlooptOp = (tijd: string) => Math.floor(Date.parse(tijd) / 1000) + BEWAARDAGEN_GEBEURTENIS * 86_400;

/**
 * The outbox entries of the events a change gives, for that change's own TransactWriteItems: the event,
 * whose INSERT on the stream starts the fan-out and whose index keys are the coordinators', the gemeente's
 * and the member's feeds, and for a placement with a jobcoach organisation that organisation's feed row.
 * The pull feed is then one Query per caller, never a filter over everyone's events. Conditional on being
 * new: a replayed write with the same ids fails whole, as the change's own history record does.
 */
export const gebeurtenisItems = (gebeurtenissen: readonly Gebeurtenis[]): TransactieItem[] =>
  gebeurtenissen.flatMap((g): TransactieItem[] => [
    {
      Put: {
        TableName: tabel(),
        Item: {
          ...sleutels.uitgaandeGebeurtenis(g.id),
          ...sleutels.uitgaandAlle(g.id),
          ...(g.betrokkenen.gemeente ? sleutels.uitgaandGemeente(g.betrokkenen.gemeente, g.id) : {}),
          ...(g.betrokkenen.lidId ? sleutels.uitgaandLid(g.betrokkenen.lidId, g.id) : {}),
          entiteit: 'UitgaandeGebeurtenis',
          ...g,
          verlooptOp: verlooptOp(g.tijd),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...(g.betrokkenen.partnerId
      ? [{ Put: { TableName: tabel(), Item: { ...sleutels.feedregel(g.betrokkenen.partnerId, g.id), entiteit: 'Feedregel', ...g, verlooptOp: verlooptOp(g.tijd) } } }]
      : []),
  ]);


export const dynamoUitgaandStore = (): GebeurtenissenStore => ({
  async haal(id: string): Promise<Gebeurtenis | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.uitgaandeGebeurtenis(id) }));
    if (!Item) return undefined;
    const item = parseItem(GebeurtenisItem, Item);
    // DynamoDB Local never expires items: past its TTL an event is gone, here too.
    return item.verlooptOp * 1000 < Date.now() ? undefined : naarGebeurtenis(item);
  },

  /**
   * A party's feed in the order of writing (ULIDs), oldest first, from the cursor on. Unlike a list, a feed
   * always answers a cursor: after the last item the one that continues behind it, and on an empty page the
   * one that was given, so a reader keeps its place and later gets exactly what came since.
   */
  async feed(partij: FeedPartij, { pageSize, cursor }: PaginaVerzoek): Promise<Pagina<Gebeurtenis>> {
    const [index, pkNaam, skNaam, partitie] =
      partij === 'alle'
        ? (['gsi1', 'gsi1pk', 'gsi1sk', sleutels.uitgaandAllePartitie] as const)
        : 'gemeente' in partij
          ? (['gsi2', 'gsi2pk', 'gsi2sk', sleutels.uitgaandGemeentePartitie(partij.gemeente)] as const)
          : 'lidId' in partij
            ? (['gsi3', 'gsi3pk', 'gsi3sk', sleutels.uitgaandLidPartitie(partij.lidId)] as const)
            : ([undefined, 'pk', 'sk', sleutels.feedPartnerPartitie(partij.partnerId)] as const);
    const start = leesCursor(cursor);
    const namen = [...new Set(['pk', 'sk', pkNaam, skNaam])];
    // A cursor of another list (or forged) would be a ValidationException, a 500: refused here as the lists do.
    if (start && (start[pkNaam] !== partitie || Object.keys(start).length !== namen.length || !namen.every((n) => typeof start[n] === 'string')))
      throw new DomeinFout('ongeldigeInvoer', 'Deze cursor hoort niet bij deze lijst.', 'query.cursor');
    const r = await dynamo().send(
      new QueryCommand({
        TableName: tabel(),
        ...(index ? { IndexName: index } : {}),
        KeyConditionExpression: index ? `${pkNaam} = :p` : 'pk = :p AND begins_with(sk, :s)',
        ExpressionAttributeValues: { ':p': partitie, ...(index ? {} : { ':s': sleutels.feedPrefix }) },
        Limit: pageSize,
        ExclusiveStartKey: start,
      }),
    );
    const items = r.Items ?? [];
    const laatste = items.at(-1);
    const verder = r.LastEvaluatedKey ?? (laatste ? Object.fromEntries(namen.map((n) => [n, laatste[n]])) : start);
    return {
      items: items
        .map((i) => (index ? parseItem(GebeurtenisItem, i) : parseItem(FeedregelItem, i)))
        .filter((g) => g.verlooptOp * 1000 >= Date.now())
        .map(naarGebeurtenis),
      cursor: maakCursor(verder),
    };
  },
});
