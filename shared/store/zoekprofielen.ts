import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { anoniemProfiel, isZichtbaarInMatching } from '../domain/verwijzingen';
import { GemeenteCode } from '../schemas/gemeenten';
import { Id } from '../schemas/gemeenschappelijk';
import { Kandidaatprofiel, Verwijzing } from '../schemas/verwijzingen';
import { Werksoort } from '../schemas/profiel';
import { tabel } from './dynamodb';
import { sleutels } from './sleutels';

export type TransactieItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * The sparse matching key of a placeable candidate: one item per werksoort preference, under the
 * referral's partition, indexed on gsi2 by region and werksoort — present only while the referral is
 * `bemiddelbaar` and the candidate consented to be shown. Matching reads a region's candidates for a
 * werksoort with one Query and never sees a name: the profile is the anonymous one, and the members the
 * candidate agreed to meet are listed so matching can release name and contact to exactly those.
 */
export const Zoekprofiel = z.strictObject({
  pk: z.string(),
  sk: z.string(),
  gsi2pk: z.string(),
  gsi2sk: z.string(),
  entiteit: z.literal('Zoekprofiel'),
  verwijzingId: Id,
  gemeente: GemeenteCode,
  werksoort: Werksoort,
  profiel: Kandidaatprofiel.omit({ kandidaat: true }),
  mobiliteit: Verwijzing.shape.mobiliteit,
  toestemmingWerkgevers: z.array(Id),
});
export type Zoekprofiel = z.infer<typeof Zoekprofiel>;

export const zoekprofielItem = (v: Verwijzing, werksoort: string): Zoekprofiel => ({
  ...sleutels.zoekprofiel(v.id, werksoort),
  ...sleutels.kandidatenIndex(v.arbeidsmarktregio, werksoort, v.id),
  entiteit: 'Zoekprofiel',
  verwijzingId: v.id,
  gemeente: v.gemeente,
  werksoort,
  profiel: anoniemProfiel(v),
  mobiliteit: v.mobiliteit,
  toestemmingWerkgevers: v.toestemmingWerkgevers,
});

/** The zoekprofielen a referral in this state should have, by werksoort (a preference listed twice counts once). */
const gewenst = (v: Verwijzing | undefined): Map<string, Zoekprofiel> =>
  new Map(v && isZichtbaarInMatching(v) ? v.werksoortVoorkeuren.map((w) => [w, zoekprofielItem(v, w)] as const) : []);

const gelijk = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The transaction entries that bring a referral's zoekprofielen from what `oud` implied to what `nieuw`
 * implies: a Put for each new or changed one, a Delete for each that is gone. They ride in the referral's
 * own transaction, whose version condition already serialises them, so they carry no condition.
 */
export const zoekprofielMutaties = (oud: Verwijzing | undefined, nieuw: Verwijzing): TransactieItem[] => {
  const was = gewenst(oud);
  const wordt = gewenst(nieuw);
  const puts = [...wordt].filter(([w, item]) => !gelijk(was.get(w), item)).map(([, Item]): TransactieItem => ({ Put: { TableName: tabel(), Item } }));
  const deletes = [...was.keys()]
    .filter((w) => !wordt.has(w))
    .map((w): TransactieItem => ({ Delete: { TableName: tabel(), Key: sleutels.zoekprofiel(nieuw.id, w) } }));
  return [...puts, ...deletes];
};

/** A stored zoekprofiel, parsed: a query on gsi2 never hands back another entity's item as one. */
export const naarZoekprofiel = (item: unknown): Zoekprofiel => Zoekprofiel.parse(item);
