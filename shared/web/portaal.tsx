import type { ComponentChildren } from 'preact';
import type { Rol } from '../auth/rollen';
import { DomeinFout } from '../domain/fouten';
import { PaginaParameters } from '../schemas/gemeenschappelijk';
import type { Velden } from './formulier';
import { Alinea, Document, IngelogdKop, Knop, Knoppen, Kop2, Melding, Tekstvak, Verborgen } from './opmaak';
import type { PaginaVerzoek } from './pagina-handler';
import { PaginaFout } from './pagina-handler';

/**
 * What the signed-in pages share: the header with who is signed in and the pages of that role, a page's
 * success message after POST → 303 → GET, paged lists, and the API's refusals turned into words on the page.
 */

/** The pages of each role, in the header's navigation. */
const NAVIGATIE: Readonly<Record<Rol, readonly { href: string; tekst: string }[]>> = {
  coopAdmin: [
    { href: '/portaal/werklijst', tekst: 'Werklijst' },
    { href: '/portaal/uitkomsten', tekst: 'Uitkomsten' },
  ],
  werkgever: [
    { href: '/portaal/plaatsingen', tekst: 'Plaatsingen' },
    { href: '/portaal/werkplekken', tekst: 'Werkplekken' },
    { href: '/portaal/uitkomsten', tekst: 'Uitkomsten' },
  ],
  regiopartner: [
    { href: '/portaal/plaatsingen', tekst: 'Plaatsingen' },
    { href: '/portaal/uitkomsten', tekst: 'Uitkomsten' },
  ],
  gemeente: [
    { href: '/portaal/verwijzingen', tekst: 'Verwijzingen' },
    { href: '/portaal/plaatsingen', tekst: 'Plaatsingen' },
    { href: '/portaal/uitkomsten', tekst: 'Uitkomsten' },
  ],
  systeem: [],
};

/**
 * A signed-in page. The header names the person and the role it acts in, with the sign-out button
 * (IngelogdKop, as on the start page); the navigation marks the current page.
 */
export const PortaalDocument = ({
  verzoek,
  titel,
  metFouten,
  children,
}: {
  verzoek: PaginaVerzoek;
  titel: string;
  metFouten?: boolean;
  children: ComponentChildren;
}) => {
  const sessie = verzoek.sessie!;
  const pad = verzoek.event.rawPath;
  return (
    <Document
      titel={titel}
      stijl={verzoek.stijl}
      metFouten={metFouten ?? false}
      kop={
        <>
          <nav class="werkcoop-navigatie" aria-label="Portaal">
            <ul>
              {NAVIGATIE[sessie.principal.rol].map((n) => (
                <li key={n.href}>
                  <a class="utrecht-link" href={n.href} {...(pad.startsWith(n.href) ? { 'aria-current': 'page' as const } : {})}>
                    {n.tekst}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <IngelogdKop sessie={sessie} />
        </>
      }
    >
      {children}
    </Document>
  );
};

/** The way back from a coordinator's object page to the worklist. */
export const TerugNaarWerklijst = () => (
  <Alinea>
    <a class="utrecht-link" href="/portaal/werklijst">
      Terug naar de werklijst
    </a>
  </Alinea>
);

/**
 * The message after a POST → 303 → GET: the redirect names one of the page's own messages by key (never
 * text from the address), so a crafted link cannot put words on the page.
 */
export const Gedaan = ({ verzoek, meldingen }: { verzoek: PaginaVerzoek; meldingen: Readonly<Record<string, string>> }) => {
  const sleutel = verzoek.query.get('gedaan');
  const tekst = sleutel !== null && Object.hasOwn(meldingen, sleutel) ? meldingen[sleutel] : undefined;
  return tekst ? <Melding soort="ok" titel={tekst} /> : null;
};

/** A list's cursor from the query, checked as the API checks it; absent is the first page. */
export const cursorUit = (verzoek: PaginaVerzoek, naam: string): string | undefined => {
  const waarde = verzoek.query.get(naam) ?? undefined;
  if (!PaginaParameters.shape.cursor.safeParse(waarde).success)
    throw new PaginaFout(400, 'Deze pagina bestaat niet', 'Het adres bevat een vervolg van een lijst dat wij niet kennen. Ga terug naar het begin van de lijst.');
  return waarde;
};

/**
 * The links under a paged list: the next page (the cursor the use case gave) and back to the first. Each list
 * of a page pages on its own query key, so paging one list keeps the others where they were.
 */
export const Bladeren = ({ verzoek, naam, cursor, wat }: { verzoek: PaginaVerzoek; naam: string; cursor: string | undefined; wat: string }) => {
  const met = (waarde: string | undefined) => {
    const q = new URLSearchParams(verzoek.query);
    q.delete('gedaan');
    if (waarde) q.set(naam, waarde);
    else q.delete(naam);
    const s = q.toString();
    return `${verzoek.event.rawPath}${s ? `?${s}` : ''}`;
  };
  const eerder = verzoek.query.has(naam);
  if (!cursor && !eerder) return null;
  return (
    <nav class="werkcoop-bladeren" aria-label={`Bladeren door ${wat}`}>
      {eerder && (
        <a class="utrecht-link" href={met(undefined)}>
          Terug naar het begin
        </a>
      )}
      {cursor && (
        <a class="utrecht-link" href={met(cursor)}>
          Volgende {wat}
        </a>
      )}
    </nav>
  );
};

/** A list of objects as cards: each with its heading and details; reflows at any width, unlike a table. */
export const Lijst = ({ children, leeg }: { children: ComponentChildren[]; leeg: string }) =>
  children.length === 0 ? (
    <p class="utrecht-paragraph werkcoop-leeg">{leeg}</p>
  ) : (
    <ul class="werkcoop-lijst">{children}</ul>
  );

export const Kaart = ({ kop, children }: { kop: ComponentChildren; children?: ComponentChildren }) => (
  <li class="werkcoop-kaart">
    <h3 class="utrecht-heading-3">{kop}</h3>
    {children}
  </li>
);

/** What a page tells when the use case refused an action the API answers 409, 412 or 422. */
export interface Weigering {
  readonly status: number;
  readonly titel: string;
  readonly uitleg: string;
}

const WEIGERING: Partial<Record<DomeinFout['soort'], { status: number; titel: string }>> = {
  conflict: { status: 409, titel: 'Dit is al gebeurd of kan nu niet' },
  ongeldigeOvergang: { status: 409, titel: 'Dit kan nu niet' },
  verouderd: { status: 412, titel: 'Intussen gewijzigd door iemand anders' },
  onverwerkbaar: { status: 422, titel: 'Dit kan zo niet worden verwerkt' },
};

/**
 * Runs an action's use case; its refusals of state (409, 412, 422 in the API) come back as a Weigering for the
 * page to show beside the form, so the person sees what happened and what the page looks like now. Anything
 * else (not found, no access, an error of ours) is the handler's error page.
 */
export const probeer = async <T,>(
  actie: () => Promise<T>,
  /** The page's own words for a refusal, where the use case's message is written for an API client. */
  uitleg: Partial<Record<DomeinFout['soort'], string>> = {},
): Promise<{ gelukt: T } | { weigering: Weigering }> => {
  try {
    return { gelukt: await actie() };
  } catch (error) {
    if (!(error instanceof DomeinFout)) throw error;
    const w = WEIGERING[error.soort];
    if (!w) throw error;
    return { weigering: { ...w, uitleg: uitleg[error.soort] ?? (error.soort === 'verouderd' ? VEROUDERD : error.message) } };
  }
};

const VEROUDERD = 'Iemand anders heeft dit intussen gewijzigd. Hieronder ziet u hoe het nu is; kijk of uw actie nog nodig is.';

export const WeigeringMelding = ({ weigering }: { weigering: Weigering | undefined }) =>
  weigering ? (
    <Melding soort="error" titel={weigering.titel}>
      <p class="utrecht-paragraph">{weigering.uitleg}</p>
    </Melding>
  ) : null;

/** The reason of a rejection, read by the API's own schema (RedenOpgave). */
export const REDEN = { reden: { soort: 'tekst', label: 'Waarom wijst u dit af?', melding: 'Vul een reden in van hoogstens 1000 tekens' } } as const satisfies Velden &
  Record<string, { label: string }>;

/** The version the decision was made on: a decision on a page that is out of date is refused (412), as with If-Match. */
export const leesVersie = (formulier: URLSearchParams): number | undefined => {
  const v = formulier.get('versie');
  formulier.delete('versie');
  return v !== null && /^\d{1,9}$/.test(v) ? Number(v) : undefined;
};

/**
 * A coordinator's decision on an application: approve, or reject with a reason the applicant reads. Both forms
 * carry the version the page showed, so deciding on what someone else already changed is refused.
 */
export const Besluit = ({
  verzoek,
  pad,
  versie,
  wat,
  gevolg,
  reden,
  fout,
}: {
  verzoek: PaginaVerzoek;
  /** The application's page: the forms post to its /goedkeuring and /afwijzing. */
  pad: string;
  versie: number;
  wat: string;
  gevolg: string;
  reden: string | undefined;
  fout: string | undefined;
}) => {
  const verborgen = (
    <>
      <Verborgen naam="csrf" waarde={verzoek.sessie!.csrf} />
      <Verborgen naam="versie" waarde={String(versie)} />
    </>
  );
  return (
    <>
      <Kop2>Goedkeuren</Kop2>
      <Alinea>{gevolg}</Alinea>
      <form method="post" action={`${pad}/goedkeuring`}>
        {verborgen}
        <Knoppen>
          <Knop>{`${hoofdletter(wat)} goedkeuren`}</Knop>
        </Knoppen>
      </form>
      <Kop2>Afwijzen</Kop2>
      <form method="post" action={`${pad}/afwijzing`} noValidate>
        {verborgen}
        <Tekstvak naam="reden" label={REDEN.reden.label} uitleg="De aanvrager krijgt deze reden te lezen." waarde={reden} fout={fout} />
        <Knoppen>
          <Knop tweede>{`${hoofdletter(wat)} afwijzen`}</Knop>
        </Knoppen>
      </form>
    </>
  );
};

const hoofdletter = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
