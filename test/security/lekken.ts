/**
 * Finds another world's values in an answer. Long markers (ids, names, e-mail addresses, texts) count
 * wherever they occur inside a string; short ones (KvK numbers, gemeente codes) only as a whole value, so
 * eight digits inside some ULID cannot raise a false alarm. A value the caller sent itself (in its path,
 * query or body) is an echo, not a leak, and so is the problem's `instance` (the request path).
 */
const LANG = 12;

export interface Lek {
  readonly waarde: string;
  readonly wat: string;
  readonly waar: string;
}

export const zoekLekken = (body: unknown, merktekens: ReadonlyMap<string, string>, verzonden: string, toegestaan: ReadonlySet<string> = new Set()): Lek[] => {
  const actief = [...merktekens].filter(([m]) => !verzonden.includes(m) && !toegestaan.has(m));
  const lekken: Lek[] = [];
  const loop = (v: unknown, pad: string): void => {
    if (typeof v === 'string') {
      for (const [m, wat] of actief) if (v === m || (m.length >= LANG && v.includes(m))) lekken.push({ waarde: m, wat, waar: pad || '(body)' });
    } else if (Array.isArray(v)) v.forEach((x, i) => loop(x, `${pad}[${i}]`));
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (pad === '' && k === 'instance') continue;
        loop(k, `${pad}.${k}(sleutel)`);
        loop(x, `${pad}.${k}`);
      }
  };
  loop(body, '');
  return lekken;
};

/** Every string in a value: what a role may see of an object it is allowed to see. */
export const tekstenIn = (v: unknown, uit = new Set<string>()): Set<string> => {
  if (typeof v === 'string') uit.add(v);
  else if (Array.isArray(v)) v.forEach((x) => tekstenIn(x, uit));
  else if (v !== null && typeof v === 'object') Object.values(v).forEach((x) => tekstenIn(x, uit));
  return uit;
};
