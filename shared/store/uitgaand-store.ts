import { GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { BEWAARDAGEN_GEBEURTENIS } from '../domain/abonnementen/bewaren';
import type { Gebeurtenis } from '../domain/abonnementen/gebeurtenissen';
import type { Pagina } from '../use-cases/poorten';
import { dynamo, tabel } from './dynamodb';
import { parseItem } from './items';
import { lijstPagina, partitiePagina, type PaginaVerzoek } from './queries';
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

export type FeedPartij = { readonly gemeente: string } | { readonly lidId: string } | { readonly partnerId: string } | 'alle';

export const dynamoUitgaandStore = () => ({
  async haal(id: string): Promise<Gebeurtenis | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.uitgaandeGebeurtenis(id) }));
    if (!Item) return undefined;
    const item = parseItem(GebeurtenisItem, Item);
    // DynamoDB Local never expires items: past its TTL an event is gone, here too.
    return item.verlooptOp * 1000 < Date.now() ? undefined : naarGebeurtenis(item);
  },

  /** A party's feed in the order of writing (ULIDs), oldest first, from the cursor on. */
  async feed(partij: FeedPartij, pagina: PaginaVerzoek): Promise<Pagina<Gebeurtenis>> {
    const p =
      partij === 'alle'
        ? await lijstPagina('gsi1', sleutels.uitgaandAllePartitie, undefined, pagina, GebeurtenisItem)
        : 'gemeente' in partij
          ? await lijstPagina('gsi2', sleutels.uitgaandGemeentePartitie(partij.gemeente), undefined, pagina, GebeurtenisItem)
          : 'lidId' in partij
            ? await lijstPagina('gsi3', sleutels.uitgaandLidPartitie(partij.lidId), undefined, pagina, GebeurtenisItem)
            : await partitiePagina(sleutels.feedPartnerPartitie(partij.partnerId), sleutels.feedPrefix, pagina, FeedregelItem);
    return { items: p.items.filter((r) => r.verlooptOp * 1000 >= Date.now()).map(naarGebeurtenis), cursor: p.cursor };
  },
});
