import fc from 'fast-check';
import type { ZodType } from 'zod';
import type { RouteDefinition } from '../../shared/routes/route';
import { veldnamen } from '../support/zod-arbitrary';
import { padParameters, PARAMETERS } from './fixtures';
import type { Wereld } from './wereld';

/**
 * The fuzz cases of one route: requests that must all be refused with a 4xx problem+json, never a 5xx and
 * never a change. Each case starts from a request the route accepts (the caller's own objects, a body zod
 * accepts) and breaks it in one way, so a refusal can only come from that one thing. Cases that could by
 * chance still be valid are filtered out with the route's own zod schema, exactly as the handler parses.
 */
export interface Geval {
  readonly soort: string;
  readonly method: string;
  readonly pad: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /**
   * A cursor made of a real item's keys may be one the API itself issued for this very list (the next page
   * after that item): it may be answered 200 — a read, which changes nothing — but never with a 5xx.
   */
  readonly magSlagen?: boolean;
}

export interface RouteBasis {
  readonly route: RouteDefinition;
  readonly wereld: Wereld;
  /** Authorization of an allowed caller (none on a public route). */
  readonly auth: Readonly<Record<string, string>>;
  /** A body zod accepts, or undefined when the route has none. */
  readonly body: unknown;
  /**
   * Key attributes of real items in the table (other tenants' too): cursors pointing into their partitions.
   * Those in the partition of the route's own object (other sort-key ranges of it) get cases of their own.
   */
  readonly sleutels: readonly Readonly<Record<string, string>>[];
}

/** Values that broke parsers somewhere once: traversal, NUL, injections, lookalikes, prototype keys. */
const KWAADAARDIG = [
  '..',
  '.',
  '%2e%2e',
  '%2F',
  '%00',
  '%zz',
  '%',
  '~',
  ' ',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '__proto__',
  'constructor',
  "' OR '1'='1",
  '"; DROP TABLE x; --',
  '${jndi:ldap://x/a}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '01arz3ndektsv4rrffq69g5fav',
  '01ARZ3NDEKTSV4RRFFQ69G5FAVX',
  '01ARZ3NDEKTSV4RRFFQ69G5FAU', // U is not Crockford base32
  'GM036',
  'gm0363',
  'GM03630',
  '\u202e\u0000',
];

/** Keys a client might try to slip in: identity, tenancy, state, versions, the prototype. */
const VERBODEN_SLEUTELS = ['__proto__', 'constructor', 'prototype', 'bsn', 'rol', 'tenant', 'id', 'status', 'versie', 'gemeente', 'lidId', 'partnerId', 'aangemaaktOp', 'door'];

/** Wrong content types; each is refused when it is not one the route accepts. */
const MEDIATYPES = [
  'text/plain',
  'text/json',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/json-patch+json',
  'application/jsonx',
  'application/problem+json',
  'application/merge-patch+json',
  'application/json',
];

const ETAG = /^(?:W\/)?"(\d{1,9})"$/;

type Pad = readonly (string | number)[];

/** Every path into a JSON value (objects and arrays), the root included, at most `diepte` deep. */
const paden = (v: unknown, diepte = 3, pad: Pad = []): Pad[] => {
  const uit: Pad[] = [pad];
  if (diepte === 0 || v === null || typeof v !== 'object') return uit;
  for (const [k, x] of Object.entries(v)) uit.push(...paden(x, diepte - 1, [...pad, Array.isArray(v) ? Number(k) : k]));
  return uit;
};

const lees = (v: unknown, pad: Pad): unknown => pad.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], v);

/** A copy with the value at `pad` replaced (the root when `pad` is empty); own keys, even `__proto__`. */
const zet = (v: unknown, pad: Pad, waarde: unknown): unknown => {
  if (pad.length === 0) return waarde;
  const kopie = structuredClone(v) as Record<string | number, unknown>;
  const ouder = lees(kopie, pad.slice(0, -1)) as Record<string | number, unknown>;
  Object.defineProperty(ouder, pad[pad.length - 1]!, { value: waarde, enumerable: true, writable: true, configurable: true });
  return kopie;
};

const isLeegObject = (v: unknown) => typeof v === 'object' && v !== null && Object.keys(v).length === 0;

/** Whether the handler refuses this body text: unparsable, or not what the route's schema accepts. */
const bodyAfgewezen = (schema: ZodType | undefined, tekst: string): boolean => {
  if (tekst === '') return false;
  let json: unknown;
  try {
    json = JSON.parse(tekst);
  } catch {
    return true;
  }
  return schema ? !schema.safeParse(json).success : !isLeegObject(json);
};

const base64url = (s: string | Uint8Array) => Buffer.from(s).toString('base64url');

export const gevallen = (b: RouteBasis): fc.Arbitrary<Geval> => {
  const { route } = b;
  const spec = route.request ?? {};
  const contentType = spec.contentTypes?.[0] ?? 'application/json';
  const toegestaneTypes = spec.contentTypes ?? ['application/json'];
  const max = spec.maxBodyBytes ?? 16 * 1024;
  const params = Object.fromEntries(padParameters(route).map((p) => [p, PARAMETERS[p]!.van(b.wereld)]));
  const maakPad = (p: Record<string, string>, encodeer = true) => route.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, n: string) => (encodeer ? encodeURIComponent(p[n]!) : p[n]!));
  const pad0 = maakPad(params);
  const basisHeaders: Record<string, string> = { ...b.auth, ...(spec.ifMatch ? { 'if-match': '"999999999"' } : {}) };
  const body0 = b.body ?? {};
  const tekst0 = JSON.stringify(body0);
  const afgewezen = (tekst: string) => bodyAfgewezen(spec.body, tekst);
  const metBody = (soort: string, tekst: string | Buffer, headers: Record<string, string> = { 'content-type': contentType }): Geval => ({
    soort,
    method: route.method,
    pad: pad0,
    headers: { ...basisHeaders, ...headers },
    body: tekst,
  });
  const alleen = paden(body0);
  const objectPaden = alleen.filter((p) => { const x = lees(body0, p); return typeof x === 'object' && x !== null && !Array.isArray(x); });
  const bladPaden = alleen.filter((p) => p.length > 0 && (lees(body0, p) === null || typeof lees(body0, p) !== 'object'));
  const stringPaden = bladPaden.filter((p) => typeof lees(body0, p) === 'string');

  const soorten: fc.Arbitrary<Geval>[] = [];

  // Body: a field of the wrong type, anywhere in the body (the root too).
  soorten.push(
    fc
      .tuple(
        fc.constantFrom(...alleen),
        fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 30 }), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })),
      )
      .map(([p, w]) => JSON.stringify(zet(body0, p, w)))
      .filter(afgewezen)
      .map((t) => metBody('body: verkeerd type', t)),
  );
  // Body: unknown fields, among them the ones a client might use for mass assignment.
  soorten.push(
    fc
      .tuple(fc.constantFrom(...(objectPaden.length ? objectPaden : [[] as Pad])), fc.oneof(fc.constantFrom(...VERBODEN_SLEUTELS), fc.string({ minLength: 1, maxLength: 20 })), fc.jsonValue({ maxDepth: 2 }))
      .map(([p, k, w]) => {
        const doel = structuredClone(lees(body0, p) ?? {}) as object;
        Object.defineProperty(doel, k, { value: w, enumerable: true, writable: true, configurable: true });
        return JSON.stringify(zet(body0, p, doel));
      })
      .filter(afgewezen)
      .map((t) => metBody('body: onbekend veld', t)),
  );
  // Body: values at the edge of each field: empty, too long, out of range, a BSN in free text, a wrong date.
  if (bladPaden.length > 0)
    soorten.push(
      fc
        .tuple(
          fc.constantFrom(...bladPaden),
          fc.oneof(
            fc.constantFrom('', ' ', '\t', '123456782', 'Dossier 111222333', '2026-02-30', '2026-13-01', '26-11-2026', 'a@', '@b.nl', '00000000', '1234567', 'GM036', '\u0000', '\ud800'),
            fc.constantFrom(-1, 0, 0.5, -0, 1e21, Number.MAX_SAFE_INTEGER + 2, 101, 1001),
            fc.integer({ min: 201, max: 15_000 }).map((n) => 'x'.repeat(n)),
            fc.integer({ min: 60, max: 4_000 }).map((n) => '€'.repeat(n)),
          ),
        )
        .map(([p, w]) => JSON.stringify(zet(body0, p, w)))
        .filter(afgewezen)
        .map((t) => metBody('body: randwaarde', t)),
    );
  // Body: deep nesting, of arrays or objects, at any place.
  soorten.push(
    fc
      .tuple(fc.constantFrom(...alleen), fc.integer({ min: 64, max: 3_000 }), fc.boolean())
      .map(([p, diepte, rij]) => {
        const genest = rij ? `${'['.repeat(diepte)}${']'.repeat(diepte)}` : `${'{"a":'.repeat(diepte)}1${'}'.repeat(diepte)}`;
        return JSON.stringify(zet(body0, p, '@@GENEST@@')).replace('"@@GENEST@@"', genest);
      })
      .filter(afgewezen)
      .map((t) => metBody('body: diep genest', t)),
  );
  // Body: any JSON at all.
  soorten.push(
    fc
      .jsonValue({ maxDepth: 4 })
      .map((v) => JSON.stringify(v))
      .filter(afgewezen)
      .map((t) => metBody('body: willekeurige JSON', t)),
  );
  // Body: not JSON (cut off, single quotes, trailing commas, a BOM, two documents, invalid UTF-8).
  soorten.push(
    fc
      .oneof(
        fc.nat({ max: Math.max(0, tekst0.length - 1) }).map((n) => tekst0.slice(0, n)),
        fc.constantFrom('{', '{"a":}', "{'a':1}", '{"a":1,}', 'NaN', 'undefined', '{"a":1}{"b":2}', '\ufeff{}', '[1,2', '"open', '{"a":01}', '{"a":.5}', '{"a":"\\x41"}', '/* */{}'),
        fc.string({ minLength: 1, maxLength: 50 }),
      )
      .filter((t) => t.trim() !== '' && afgewezen(t))
      .map((t) => metBody('body: geen JSON', t)),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => metBody('body: geen UTF-8', Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(bytes)]))),
  );
  // Content type: anything the route does not accept, or none at all.
  soorten.push(
    fc
      .oneof(fc.constantFrom(...MEDIATYPES).filter((t) => !toegestaneTypes.includes(t.split(';')[0]!)), fc.constant(undefined))
      .map((t) => metBody(`content-type: ${t ?? 'geen'}`, tekst0, t === undefined ? {} : { 'content-type': t })),
  );
  // Size: over the route's limit (the gateway's own 10 MB limit is API Gateway's answer, not ours).
  soorten.push(
    fc
      .integer({ min: max + 1, max: max * 8 })
      .map((n) => metBody('body: te groot', JSON.stringify(isLeegObject(body0) || typeof body0 !== 'object' ? { opvulling: 'x'.repeat(n) } : { ...body0, opvulling: 'x'.repeat(n) }))),
  );

  // Path: one parameter replaced by anything the params schema refuses.
  const padNamen = padParameters(route);
  if (padNamen.length > 0 && spec.params) {
    const paramsSchema = spec.params;
    soorten.push(
      fc
        .tuple(
          fc.constantFrom(...padNamen),
          fc.oneof(
            fc.constantFrom(...KWAADAARDIG).map((w) => ({ w, rauw: w.includes('%') })),
            // Any Unicode, but well-formed: a lone surrogate cannot be percent-encoded (encodeURIComponent throws).
            fc.string({ maxLength: 40, unit: 'grapheme' }).map((w) => ({ w, rauw: false })),
            fc.stringMatching(/^[0-9A-Za-z]{1,40}$/).map((w) => ({ w, rauw: false })),
            fc.integer({ min: 300, max: 3_000 }).map((n) => ({ w: 'A'.repeat(n), rauw: false })),
          ),
        )
        .filter(([n, { w, rauw }]) => {
          let gedecodeerd = w;
          if (rauw) {
            try {
              gedecodeerd = decodeURIComponent(w);
            } catch {
              gedecodeerd = w;
            }
          }
          return !paramsSchema.safeParse({ ...params, [n]: gedecodeerd }).success;
        })
        .map(([n, { w, rauw }]) => {
          const p = route.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, x: string) => (x === n ? (rauw ? w : encodeURIComponent(w)) : encodeURIComponent(params[x]!)));
          return { soort: 'pad: ongeldige parameter', method: route.method, pad: p, headers: { ...basisHeaders, ...(spec.body ? { 'content-type': contentType } : {}) }, ...(spec.body ? { body: tekst0 } : {}) };
        }),
    );
  }

  // Query: unknown keys, wrong values for known keys, repeated keys, huge values.
  const sleutels = veldnamen(spec.query);
  const queryAfgewezen = (q: URLSearchParams) => {
    const object: Record<string, string> = {};
    for (const [k, v] of q) object[k] = k in object ? `${object[k]},${v}` : v;
    return spec.query ? !spec.query.safeParse(object).success : Object.keys(object).length > 0;
  };
  const metQuery = (soort: string) => (q: URLSearchParams): Geval => ({
    soort,
    method: route.method,
    pad: `${pad0}?${q.toString()}`,
    headers: { ...basisHeaders, ...(spec.body ? { 'content-type': contentType } : {}) },
    ...(spec.body ? { body: tekst0 } : {}),
  });
  soorten.push(
    fc
      .tuple(fc.oneof(fc.constantFrom(...VERBODEN_SLEUTELS, 'sortering', 'fields', 'expand', 'q'), fc.string({ minLength: 1, maxLength: 20 })), fc.string({ maxLength: 30 }))
      .map(([k, v]) => new URLSearchParams([[k, v]]))
      .filter(queryAfgewezen)
      .map(metQuery('query: onbekende sleutel')),
  );
  if (sleutels.length > 0) {
    soorten.push(
      fc
        .tuple(
          fc.constantFrom(...sleutels),
          fc.oneof(fc.constantFrom('0', '-1', '101', '1e3', 'abc', '', ' 5', '5.5', 'null', '[]', '{}', 'true', ...KWAADAARDIG), fc.string({ maxLength: 30 }), fc.integer({ min: 1_025, max: 6_000 }).map((n) => 'A'.repeat(n))),
          fc.boolean(),
        )
        .map(([k, v, tweemaal]) => new URLSearchParams(tweemaal ? [[k, v], [k, v]] : [[k, v]]))
        .filter(queryAfgewezen)
        .map(metQuery('query: ongeldige waarde')),
    );
  }
  // Query: cursors that pass the pattern but were never issued — random bytes, JSON, keys of other items.
  if (sleutels.includes('cursor'))
    soorten.push(
      fc
        .oneof(
          fc.uint8Array({ minLength: 1, maxLength: 64 }).map(base64url),
          fc.jsonValue({ maxDepth: 2 }).map((v) => base64url(JSON.stringify(v))),
          fc
            .record({ pk: fc.string({ maxLength: 40 }), sk: fc.string({ maxLength: 40 }) }, { requiredKeys: [] })
            .chain((k) => fc.record({ gsi1pk: fc.string({ maxLength: 20 }), gsi2pk: fc.string({ maxLength: 20 }), gsi2sk: fc.string({ maxLength: 20 }) }, { requiredKeys: [] }).map((g) => ({ ...k, ...g })))
            .map((k) => base64url(JSON.stringify(k))),
          fc.integer({ min: 1, max: 5_000 }).map((n) => 'A'.repeat(n)),
        )
        .map((c) => new URLSearchParams([['cursor', c]]))
        .map(metQuery('query: vreemde cursor')),
      ...[b.sleutels, b.sleutels.filter((k) => Object.values(params).some((id) => k.pk?.includes(id)))]
        .filter((ks) => ks.length > 0)
        .map((ks) =>
          fc
            .constantFrom(...ks)
            .map((k) => new URLSearchParams([['cursor', base64url(JSON.stringify(k))]]))
            .map((q) => ({ ...metQuery('query: cursor van een echt item')(q), magSlagen: true })),
        ),
    );

  // If-Match: anything that is not an ETag.
  if (spec.ifMatch)
    soorten.push(
      fc
        .oneof(fc.constantFrom('"abc"', 'W/"-1"', '"1234567890"', '1', '""', 'W/', '"1", "2"', '" 1"', '"１"', ''), fc.string({ maxLength: 20, unit: 'grapheme-ascii' }))
        .filter((w) => /^[\x20-\x7e]*$/.test(w) && !ETAG.test(w.trim()) && w.trim() !== '*')
        .map((w) => metBody('if-match: geen ETag', tekst0 === '{}' && !spec.body ? '' : tekst0, { 'content-type': contentType, 'if-match': w })),
    );

  return fc.oneof(...soorten);
};
