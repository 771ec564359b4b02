import * as z from 'zod';
import { Plaatsing } from '../schemas/plaatsingen';
import { parseItem } from './items';

/**
 * How a placement item is read — by the placements store and by the nazorg store, which reads a moment
 * together with its placement. Its own module because the placements store imports the nazorg store.
 * Items are parsed on every read: a query can never hand back another entity's items as a placement.
 * The jobcoach organisation's list key (gsi3) is there only once one is assigned.
 */
const PlaatsingItem = Plaatsing.extend({
  pk: z.string(),
  sk: z.string(),
  entiteit: z.literal('Plaatsing'),
  gsi1pk: z.string(),
  gsi1sk: z.string(),
  gsi2pk: z.string(),
  gsi2sk: z.string(),
  gsi3pk: z.string().optional(),
  gsi3sk: z.string().optional(),
  // The person it is about (shared/privacy); absent on placements written before the index existed.
  gsi4pk: z.string().optional(),
  gsi4sk: z.string().optional(),
});

export const naarPlaatsing = (item: unknown): Plaatsing => parseItem(PlaatsingItem, item);
