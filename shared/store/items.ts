import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { z } from 'zod';

/** The attributes an item carries for the table and its indexes, not for the entity it stores. */
const SLEUTELATTRIBUTEN = ['pk', 'sk', 'entiteit', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'gsi4pk', 'gsi4sk'] as const;
type Sleutelattribuut = (typeof SLEUTELATTRIBUTEN)[number];

/**
 * The entity in a stored item. Items are parsed on every read, against a schema that names the entity
 * (`entiteit`), so a query can never hand back another entity's items; the key attributes are dropped.
 */
export const parseItem = <S extends z.ZodType<object>>(schema: S, item: unknown): Omit<z.output<S>, Sleutelattribuut> => {
  const entiteit = { ...schema.parse(item) } as Record<string, unknown>;
  for (const attribuut of SLEUTELATTRIBUTEN) delete entiteit[attribuut];
  return entiteit as Omit<z.output<S>, Sleutelattribuut>;
};

/** Whether a transaction was cancelled because the condition of its entry at `index` failed. */
export const geweigerd = (error: unknown, index: number): boolean =>
  error instanceof TransactionCanceledException && error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';
