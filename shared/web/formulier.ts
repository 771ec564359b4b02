import type { ZodType } from 'zod';
import type { Veldfouten } from './opmaak';

/**
 * A form post read into the object the use case's schema (the API's own zod schema) validates, and the
 * schema's issues turned into one Dutch message per field. The page says what is wrong in words a person
 * reads; the rules stay the schema's, so a page can accept nothing the API would refuse.
 */
export type VeldSoort =
  /** Text; an empty field is absent (optional fields), never an empty string. */
  | 'tekst'
  /** A whole number typed by a person: spaces are forgiven, anything else is an error of its own. */
  | 'getal'
  /** A yes/no radio group: `ja` / `nee`. */
  | 'janee'
  /** Checkboxes: every checked value, possibly none. */
  | 'lijst';

export interface Veld {
  readonly soort: VeldSoort;
  /** What the person is told when the field is missing or wrong (the summary links it to the field). */
  readonly melding: string;
  /** The field is nested in the schema's object under this path (e.g. contactpersoon.naam). */
  readonly pad?: readonly string[];
}

export type Velden = Readonly<Record<string, Veld>>;

export interface Gelezen<T> {
  /** Valid: the schema's output. */
  readonly waarde?: T;
  readonly fouten: Veldfouten;
  /** What was typed, per field, to show the form again as it was sent. */
  readonly ingevuld: Readonly<Record<string, string | readonly string[]>>;
}

/** A field name outside the form's own: refused, as the API refuses unknown fields. */
export class OnbekendeVelden extends Error {
  constructor(readonly namen: readonly string[]) {
    super(`onbekende velden: ${namen.join(', ')}`);
    this.name = 'OnbekendeVelden';
  }
}

const zet = (doel: Record<string, unknown>, pad: readonly string[], waarde: unknown) => {
  let o = doel;
  for (const deel of pad.slice(0, -1)) o = (o[deel] ??= {}) as Record<string, unknown>;
  o[pad.at(-1)!] = waarde;
};

/** Fields every form may carry besides its own: the CSRF token. */
const ALTIJD_TOEGESTAAN = new Set(['csrf']);

export const leesFormulier = <T>(form: URLSearchParams, velden: Velden, schema: ZodType<T>): Gelezen<T> => {
  const onbekend = [...new Set([...form.keys()].filter((k) => !(k in velden) && !ALTIJD_TOEGESTAAN.has(k)))];
  if (onbekend.length > 0) throw new OnbekendeVelden(onbekend);

  const fouten: Record<string, string> = {};
  const ingevuld: Record<string, string | readonly string[]> = {};
  const object: Record<string, unknown> = {};
  for (const [naam, veld] of Object.entries(velden)) {
    const pad = veld.pad ?? [naam];
    if (veld.soort === 'lijst') {
      const waarden = form.getAll(naam);
      ingevuld[naam] = waarden;
      zet(object, pad, waarden);
      continue;
    }
    const tekst = (form.get(naam) ?? '').trim();
    ingevuld[naam] = tekst;
    if (tekst === '') continue;
    if (veld.soort === 'tekst') zet(object, pad, tekst);
    else if (veld.soort === 'janee') {
      if (tekst === 'ja' || tekst === 'nee') zet(object, pad, tekst === 'ja');
      else fouten[naam] = veld.melding;
    } else {
      const zonderSpaties = tekst.replace(/\s+/g, '');
      if (/^-?\d{1,9}$/.test(zonderSpaties)) zet(object, pad, Number(zonderSpaties));
      else fouten[naam] = veld.melding;
    }
  }

  const r = schema.safeParse(object);
  if (!r.success) {
    const perPad = new Map(Object.entries(velden).map(([naam, v]) => [(v.pad ?? [naam]).join('.'), naam]));
    for (const issue of r.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path.map(String), k]) : [issue.path.map(String)];
      for (const pad of keys) {
        // The nearest field of the form the issue is about (an item of a list belongs to the list).
        let naam: string | undefined;
        for (let n = pad.length; n > 0 && !naam; n--) naam = perPad.get(pad.slice(0, n).join('.'));
        if (naam) fouten[naam] ??= velden[naam]!.melding;
        else fouten.formulier ??= 'Het formulier kon niet worden verwerkt. Controleer uw antwoorden.';
      }
    }
  }
  return Object.keys(fouten).length > 0 || !r.success ? { fouten, ingevuld } : { waarde: r.data, fouten, ingevuld };
};

/** The labels the error summary puts before each message. */
export const labelsVan = (velden: Readonly<Record<string, { label: string }>>): Record<string, string> =>
  Object.fromEntries(Object.entries(velden).map(([naam, v]) => [naam, v.label]));
