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
  /** A number that is a code, such as a KvK number: kept as text, the spaces and dots people type in it forgiven. */
  | 'code'
  /** Free words, one per line or separated by commas (sectors): the list of them, possibly empty. */
  | 'opsomming'
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

/** The nested object at `pad`, made where it is missing. */
const groep = (doel: Record<string, unknown>, pad: readonly string[]): Record<string, unknown> => {
  let o = doel;
  for (const deel of pad) o = (o[deel] ??= {}) as Record<string, unknown>;
  return o;
};

const zet = (doel: Record<string, unknown>, pad: readonly string[], waarde: unknown) => {
  groep(doel, pad.slice(0, -1))[pad.at(-1)!] = waarde;
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
    // A group left empty (no contact person at all) is still there, so the schema names each missing field, not the group.
    groep(object, pad.slice(0, -1));
    if (veld.soort === 'lijst') {
      const waarden = form.getAll(naam);
      ingevuld[naam] = waarden;
      zet(object, pad, waarden);
      continue;
    }
    const tekst = (form.get(naam) ?? '').trim();
    ingevuld[naam] = tekst;
    if (veld.soort === 'opsomming') {
      zet(object, pad, tekst.split(/[,\n]/).map((w) => w.trim()).filter(Boolean));
      continue;
    }
    if (tekst === '') continue;
    if (veld.soort === 'tekst') zet(object, pad, tekst);
    else if (veld.soort === 'code') zet(object, pad, tekst.replace(/[\s.]+/g, ''));
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
  // The summary lists the errors in the form's order, whichever check found them.
  const opVolgorde = Object.fromEntries([...Object.keys(velden), 'formulier'].filter((n) => fouten[n]).map((n) => [n, fouten[n]!]));
  return Object.keys(fouten).length > 0 || !r.success ? { fouten: opVolgorde, ingevuld } : { waarde: r.data, fouten, ingevuld };
};

/**
 * A form read again from the check page: its "wijzigen" button posts the same fields with wijzigen=ja,
 * back to the form as it was sent.
 */
export const leesControle = <T>(form: URLSearchParams, velden: Velden, schema: ZodType<T>): Gelezen<T> & { readonly wijzigen: boolean } => {
  const wijzigen = form.get('wijzigen') === 'ja';
  form.delete('wijzigen');
  return { wijzigen, ...leesFormulier(form, velden, schema) };
};

export type Ingevuld = Gelezen<unknown>['ingevuld'];

/** What was typed in a text field, to show it again. */
export const tekstVan = (i: Ingevuld, naam: string): string | undefined => (typeof i[naam] === 'string' ? (i[naam] as string) : undefined);

/** What was chosen in a group of radio buttons or checkboxes, to show it again. */
export const lijstVan = (i: Ingevuld, naam: string): readonly string[] => {
  const w = i[naam];
  return Array.isArray(w) ? w : typeof w === 'string' && w !== '' ? [w] : [];
};

/** The labels the error summary puts before each message. */
export const labelsVan = (velden: Readonly<Record<string, { label: string }>>): Record<string, string> =>
  Object.fromEntries(Object.entries(velden).map(([naam, v]) => [naam, v.label]));
