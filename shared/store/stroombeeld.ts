import type { AttributeValue } from 'aws-lambda';

/**
 * A stream record's image as plain values (the Lambda event's AttributeValue shape). Written out rather than
 * taken from @aws-sdk/util-dynamodb, which is not a dependency of its own here: the table holds strings,
 * numbers, booleans, maps, lists and null only.
 */
export const stroomwaarde = (a: AttributeValue): unknown => {
  if (a.S !== undefined) return a.S;
  if (a.N !== undefined) return Number(a.N);
  if (a.BOOL !== undefined) return a.BOOL;
  if (a.NULL) return null;
  if (a.M) return stroombeeld(a.M);
  if (a.L) return a.L.map(stroomwaarde);
  if (a.SS) return [...a.SS];
  if (a.NS) return a.NS.map(Number);
  return undefined;
};

export const stroombeeld = (beeld: Record<string, AttributeValue>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(beeld).map(([k, v]) => [k, stroomwaarde(v)]));
