import * as z from 'zod';
import { DomeinFout } from '../domain/fouten';

/**
 * Pagination cursors are DynamoDB's LastEvaluatedKey, base64url-encoded. A cursor comes back from the
 * client, so it is parsed strictly: only string key attributes with known names, nothing else. A table
 * query's key has pk and sk only, an index query's also that index's pair: hence a partial record
 * (z.record with an enum key would demand every name).
 */
const Sleutel = z
  .partialRecord(z.enum(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'gsi4pk', 'gsi4sk']), z.string().max(512))
  .refine((k) => k.pk !== undefined && k.sk !== undefined);

export const maakCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

export const leesCursor = (cursor: string | undefined): Record<string, string> | undefined => {
  if (cursor === undefined) return undefined;
  try {
    return Sleutel.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new DomeinFout('ongeldigeInvoer', 'Deze cursor is niet door werkcoop uitgegeven.', 'query.cursor');
  }
};
