import fc from 'fast-check';
import * as z from 'zod';
import type { ZodType } from 'zod';

/**
 * fast-check arbitraries from the manifest's zod schemas, for the security suite's fuzzing and for
 * "some valid body" where a test needs one. Hand-written because no library does it for zod 4 and
 * fast-check 4 (zod-fast-check supports zod 3 and fast-check < 4). It reads zod's own JSON Schema export
 * rather than zod internals: that format is public and stable, and covers what the manifest uses
 * (objects, strings with pattern/format/length, integers, enums, consts, arrays, anyOf, $refs).
 * Refinements JSON Schema cannot express (cross-field rules, no BSN in free text) are not modelled:
 * `geldigeWaarde` samples until zod itself accepts one.
 */

type JsonSchema = {
  readonly $ref?: string;
  readonly $defs?: Record<string, JsonSchema>;
  readonly type?: string | readonly string[];
  readonly properties?: Record<string, JsonSchema>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly example?: unknown;
  readonly examples?: readonly unknown[];
};

export const jsonSchemaVan = (schema: ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

const ISO_DATUM = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });

/** Arrays stay short: a valid body must fit the routes' 16 KB limit, and fuzzing is about shape, not bulk. */
const MAX_ITEMS = 4;

const stringArb = (s: JsonSchema): fc.Arbitrary<string> => {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, Math.max(min, 40));
  let arb: fc.Arbitrary<string>;
  if (s.format === 'email') arb = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/), fc.constantFrom('example.nl', 'werkcoop.test')).map(([u, d]) => `${u}@${d}`);
  else if (s.format === 'date') arb = ISO_DATUM.map((d) => d.toISOString().slice(0, 10));
  else if (s.format === 'date-time') arb = ISO_DATUM.map((d) => d.toISOString());
  else if (s.pattern) arb = fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
  else arb = fc.string({ minLength: min, maxLength: max, unit: 'grapheme-ascii' });
  const voorbeeld = s.example ?? s.examples?.[0];
  // The schema's own example is the most likely value to pass refinements too.
  return typeof voorbeeld === 'string' ? fc.oneof(fc.constant(voorbeeld), arb) : arb;
};

const numberArb = (s: JsonSchema, integer: boolean): fc.Arbitrary<number> => {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : Number.EPSILON) : -1_000);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : Number.EPSILON) : Math.max(min, 0) + 1_000);
  return integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
};

const naarArbitrary = (s: JsonSchema, defs: Record<string, JsonSchema>): fc.Arbitrary<unknown> => {
  if (s.$ref) {
    const naam = s.$ref.replace(/^#\/\$defs\//, '');
    const doel = defs[naam];
    if (!doel) throw new Error(`zod-arbitrary: unresolved $ref ${s.$ref}`);
    return naarArbitrary(doel, defs);
  }
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const varianten = s.anyOf ?? s.oneOf;
  if (varianten) return fc.oneof(...varianten.map((v) => naarArbitrary(v, defs)));
  if (s.allOf?.length === 1) return naarArbitrary(s.allOf[0]!, defs);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringArb(s);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = s.items ? naarArbitrary(s.items, defs) : fc.jsonValue();
      const minLength = s.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(s.maxItems ?? MAX_ITEMS, MAX_ITEMS));
      return s.uniqueItems
        ? fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
        : fc.array(item, { minLength, maxLength });
    }
    case 'object':
    case undefined: {
      if (!s.properties) return type === 'object' ? fc.constant({}) : fc.jsonValue();
      const velden = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, naarArbitrary(v, defs)]));
      return fc.record(velden, { requiredKeys: [...(s.required ?? [])] });
    }
    default:
      throw new Error(`zod-arbitrary: unsupported JSON Schema type ${String(type)}`);
  }
};

/** Values shaped by the schema's JSON Schema: mostly valid, not always (refinements are not modelled). */
export const schemaArbitrary = (schema: ZodType): fc.Arbitrary<unknown> => {
  const js = jsonSchemaVan(schema);
  return naarArbitrary(js, js.$defs ?? {});
};

/** The names of an object schema's top-level fields (path parameters, query keys, body fields). */
export const veldnamen = (schema: ZodType | undefined): string[] => Object.keys(schema ? (jsonSchemaVan(schema).properties ?? {}) : {});

/**
 * A value zod accepts, from a fixed seed, or undefined when `pogingen` samples found none (a refinement
 * the JSON Schema cannot say; the caller then needs a hand-written example).
 */
export const geldigeWaarde = (schema: ZodType, opties: { seed?: number; pogingen?: number; alsTekst?: boolean } = {}): unknown => {
  const arb = opties.alsTekst ? schemaArbitrary(schema).map(alsQueryTekst) : schemaArbitrary(schema);
  for (const v of fc.sample(arb, { seed: opties.seed ?? 42, numRuns: opties.pogingen ?? 300 })) if (schema.safeParse(v).success) return v;
  return undefined;
};

/** Query parameters travel as text: every field of a generated query object as a string. */
export const alsQueryTekst = (v: unknown): unknown =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).map(([k, w]) => [k, typeof w === 'string' ? w : JSON.stringify(w)]))
    : v;
