import type { ComponentChildren } from 'preact';
import type { Principal } from '../auth/rollen';
import type { Ingevuld } from './formulier';
import { PORTAAL_BASIS, UITLOGGEN } from './paginas';
import type { Sessie } from './sessie';

/**
 * The portal's building blocks: NL Design System's Utrecht community CSS components on the example tokens
 * (`voorbeeld-theme`) and our own theme (`werkcoop-theme`, shared/web/stijl/werkcoop.css). Rendered to a
 * string on the server by preact-render-to-string, which escapes every text and attribute: no HTML is put
 * together by hand from user data. Patterns of the GOV.UK Design System: the question as the heading, an
 * error summary at the top linking to each field, "(niet verplicht)" on optional fields.
 */

/** A field's error, by the field's name (the form's `name`, which is also the input's id). */
export type Veldfouten = Readonly<Record<string, string>>;

export interface DocumentProps {
  readonly titel: string;
  /** The href of the stylesheet with its content hash (shared/web/statisch.ts). */
  readonly stijl: string;
  /** Shown in the header: who is signed in, and the sign-out form. */
  readonly kop?: ComponentChildren;
  /** An error page or a form with errors: the title says so first, as screen readers read it. */
  readonly metFouten?: boolean;
  readonly children: ComponentChildren;
}

export const Document = ({ titel, stijl, kop, metFouten, children }: DocumentProps) => (
  <html lang="nl" class="utrecht-root">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex, nofollow" />
      <title>{`${metFouten ? 'Fout: ' : ''}${titel} — werkcoop`}</title>
      <link rel="stylesheet" href={stijl} />
    </head>
    <body class="utrecht-body voorbeeld-theme werkcoop-theme">
      <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
        Naar de inhoud
      </a>
      <div class="utrecht-page">
        <header class="utrecht-page-header werkcoop-kop">
          <div class="utrecht-page-header__content werkcoop-kop__inhoud">
            <a class="utrecht-link werkcoop-kop__naam" href={PORTAAL_BASIS}>
              werkcoop
            </a>
            {kop}
          </div>
        </header>
        <main id="inhoud" class="utrecht-page__content werkcoop-inhoud" tabIndex={-1}>
          {children}
        </main>
        <footer class="utrecht-page-footer werkcoop-voet">
          <div class="utrecht-page-footer__content">
            <p class="utrecht-paragraph utrecht-paragraph--small">
              werkcoop is het systeem van de coöperatie van werkgevers voor duurzaam werk. Vragen? Neem contact op met uw coördinator.
            </p>
          </div>
        </footer>
      </div>
    </body>
  </html>
);

export const Kop1 = ({ children }: { children: ComponentChildren }) => <h1 class="utrecht-heading-1">{children}</h1>;
export const Kop2 = ({ children }: { children: ComponentChildren }) => <h2 class="utrecht-heading-2">{children}</h2>;
export const Alinea = ({ children, lead }: { children: ComponentChildren; lead?: boolean }) => (
  <p class={lead ? 'utrecht-paragraph utrecht-paragraph--lead' : 'utrecht-paragraph'}>{children}</p>
);

export const Melding = ({ soort, titel, children }: { soort: 'info' | 'ok' | 'warning' | 'error'; titel?: string; children?: ComponentChildren }) => (
  <div class={`utrecht-alert utrecht-alert--${soort}`} role={soort === 'error' ? 'alert' : 'status'}>
    <div class="utrecht-alert__content">
      <div class="utrecht-alert__message">
        {titel && <h2 class="utrecht-heading-3">{titel}</h2>}
        {children}
      </div>
    </div>
  </div>
);

/** The error summary at the top: every error at once, each a link to its field (GOV.UK's pattern). */
export const Foutsamenvatting = ({ fouten, labels }: { fouten: Veldfouten; labels: Readonly<Record<string, string>> }) => {
  const namen = Object.keys(fouten);
  if (namen.length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error werkcoop-foutsamenvatting" role="alert" aria-labelledby="foutsamenvatting-titel" tabIndex={-1}>
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message">
          <h2 class="utrecht-heading-3" id="foutsamenvatting-titel">
            Er is een probleem
          </h2>
          <ul class="utrecht-unordered-list">
            {namen.map((naam) => (
              <li key={naam}>
                <a class="utrecht-link" href={`#${naam}`} {...(labels[naam] ? { 'aria-label': `${labels[naam]} ${fouten[naam]}` } : {})}>
                  {fouten[naam]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
};

const Foutmelding = ({ id, fout }: { id: string; fout: string | undefined }) =>
  fout ? (
    <p class="utrecht-form-field-error-message" id={`${id}-fout`}>
      <span class="werkcoop-verborgen">Fout: </span>
      {fout}
    </p>
  ) : null;

const Label = ({ id, label, optioneel }: { id: string; label: string; optioneel?: boolean | undefined }) => (
  <label class="utrecht-form-label" for={id}>
    {label}
    {optioneel && <span class="werkcoop-optioneel"> (niet verplicht)</span>}
  </label>
);

const beschrijvingIds = (id: string, uitleg: string | undefined, fout: string | undefined): string | undefined =>
  [uitleg ? `${id}-uitleg` : '', fout ? `${id}-fout` : ''].filter(Boolean).join(' ') || undefined;

const Uitleg = ({ id, uitleg }: { id: string; uitleg: string | undefined }) =>
  uitleg ? (
    <p class="utrecht-form-field-description" id={`${id}-uitleg`}>
      {uitleg}
    </p>
  ) : null;

interface VeldProps {
  readonly naam: string;
  readonly label: string;
  readonly waarde?: string | undefined;
  readonly fout?: string | undefined;
  readonly uitleg?: string;
  readonly optioneel?: boolean;
}

export const Tekstveld = ({
  naam,
  label,
  waarde,
  fout,
  uitleg,
  optioneel,
  soort = 'text',
  breedte,
  autocomplete,
}: VeldProps & { soort?: 'text' | 'email' | 'number' | 'tel'; breedte?: number; autocomplete?: string }) => (
  <div class={`utrecht-form-field utrecht-form-field--text${fout ? ' utrecht-form-field--invalid' : ''}`}>
    <div class="utrecht-form-field__label">
      <Label id={naam} label={label} optioneel={optioneel} />
    </div>
    <Uitleg id={naam} uitleg={uitleg} />
    <Foutmelding id={naam} fout={fout} />
    <div class="utrecht-form-field__input">
      <input
        list={undefined}
        class={`utrecht-textbox utrecht-textbox--html-input${fout ? ' utrecht-textbox--invalid' : ''}${breedte ? ' werkcoop-smal' : ''}`}
        id={naam}
        name={naam}
        type={soort === 'number' ? 'text' : soort}
        {...(soort === 'number' ? { inputMode: 'numeric' as const } : {})}
        value={waarde ?? ''}
        aria-invalid={fout ? 'true' : undefined}
        aria-describedby={beschrijvingIds(naam, uitleg, fout)}
        {...(autocomplete ? { autocomplete } : {})}
        {...(breedte ? { size: breedte } : {})}
      />
    </div>
  </div>
);

export const Tekstvak = ({ naam, label, waarde, fout, uitleg, optioneel }: VeldProps) => (
  <div class={`utrecht-form-field utrecht-form-field--text${fout ? ' utrecht-form-field--invalid' : ''}`}>
    <div class="utrecht-form-field__label">
      <Label id={naam} label={label} optioneel={optioneel} />
    </div>
    <Uitleg id={naam} uitleg={uitleg} />
    <Foutmelding id={naam} fout={fout} />
    <div class="utrecht-form-field__input">
      <textarea
        class={`utrecht-textarea utrecht-textarea--html-textarea${fout ? ' utrecht-textarea--invalid' : ''}`}
        id={naam}
        name={naam}
        rows={4}
        aria-invalid={fout ? 'true' : undefined}
        aria-describedby={beschrijvingIds(naam, uitleg, fout)}
      >
        {waarde ?? ''}
      </textarea>
    </div>
  </div>
);

export interface Keuze {
  readonly waarde: string;
  readonly label: string;
}

/**
 * A group of radio buttons or checkboxes: a fieldset with the question as its legend. The first option
 * carries the group's name as id, so the error summary's link lands on the group.
 */
export const Keuzegroep = ({
  naam,
  label,
  keuzes,
  gekozen,
  fout,
  uitleg,
  optioneel,
  meerdere,
}: Omit<VeldProps, 'waarde'> & { keuzes: readonly Keuze[]; gekozen: readonly string[]; meerdere?: boolean }) => (
  <div class={`utrecht-form-fieldset${fout ? ' utrecht-form-fieldset--invalid' : ''}`}>
    <fieldset
      class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
      aria-describedby={beschrijvingIds(naam, uitleg, fout)}
      aria-invalid={fout ? 'true' : undefined}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {label}
        {optioneel && <span class="werkcoop-optioneel"> (niet verplicht)</span>}
      </legend>
      <Uitleg id={naam} uitleg={uitleg} />
      <Foutmelding id={naam} fout={fout} />
      {keuzes.map((k, i) => {
        // A value may hold spaces or a slash (an arbitrary region's name); an id may not hold spaces.
        const id = i === 0 ? naam : `${naam}-${k.waarde.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
        return (
          <div class={`utrecht-form-field utrecht-form-field--${meerdere ? 'checkbox' : 'radio'}`} key={k.waarde}>
            <div class="utrecht-form-field__input">
              <input
                class={`utrecht-${meerdere ? 'checkbox' : 'radio-button'} utrecht-${meerdere ? 'checkbox' : 'radio-button'}--html-input`}
                type={meerdere ? 'checkbox' : 'radio'}
                id={id}
                name={naam}
                value={k.waarde}
                checked={gekozen.includes(k.waarde)}
              />
            </div>
            <div class="utrecht-form-field__label">
              <label class={`utrecht-form-label utrecht-form-label--${meerdere ? 'checkbox' : 'radio'}`} for={id}>
                {k.label}
              </label>
            </div>
          </div>
        );
      })}
    </fieldset>
  </div>
);

/** Questions that belong together (the pledges, the contact person) under one legend. */
export const Veldengroep = ({ naam, legenda, uitleg, children }: { naam: string; legenda: string; uitleg?: string; children: ComponentChildren }) => (
  <div class="utrecht-form-fieldset werkcoop-groep">
    <fieldset class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset" aria-describedby={uitleg ? `${naam}-uitleg` : undefined}>
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legenda}</legend>
      <Uitleg id={naam} uitleg={uitleg} />
      {children}
    </fieldset>
  </div>
);

export const Knop = ({ children, tweede, naam, waarde }: { children: ComponentChildren; tweede?: boolean; naam?: string; waarde?: string }) => (
  <button
    class={`utrecht-button utrecht-button--${tweede ? 'secondary' : 'primary'}-action utrecht-button--submit`}
    type="submit"
    {...(naam ? { name: naam, value: waarde ?? '' } : {})}
  >
    {children}
  </button>
);

export const Knoppen = ({ children }: { children: ComponentChildren }) => <div class="utrecht-button-group utrecht-button-group--row">{children}</div>;

/** A summary list: the "controleer uw antwoorden" page and the details of an object. */
export const Gegevens = ({ rijen }: { rijen: readonly { label: string; waarde: ComponentChildren }[] }) => (
  <dl class="utrecht-data-list utrecht-data-list--rows">
    {rijen.map((r) => (
      <div class="utrecht-data-list__item" key={r.label}>
        <dt class="utrecht-data-list__item-key">{r.label}</dt>
        <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{r.waarde}</dd>
      </div>
    ))}
  </dl>
);

/** A hidden field: the values a check page carries to its submit, and the CSRF token. */
export const Verborgen = ({ naam, waarde }: { naam: string; waarde: string }) => <input type="hidden" name={naam} value={waarde} />;

/**
 * The buttons of a "controleer uw antwoorden" page: send, or go back to the form as it was sent. Both forms
 * carry the answers as hidden fields, in the form's order: nothing is stored before the person sends.
 */
export const Controleknoppen = ({
  versturen,
  wijzigen,
  knop,
  namen,
  ingevuld,
  extra,
}: {
  versturen: string;
  wijzigen: string;
  knop: string;
  namen: readonly string[];
  ingevuld: Ingevuld;
  /** Hidden fields both forms carry besides the answers (a signed-in page's CSRF token). */
  extra?: ComponentChildren;
}) => {
  const verborgen = namen.flatMap((naam) => {
    const w = ingevuld[naam];
    return (Array.isArray(w) ? w : w ? [w as string] : []).map((v, i) => <Verborgen key={`${naam}${i}`} naam={naam} waarde={v} />);
  });
  return (
    <>
      <form method="post" action={versturen}>
        {extra}
        {verborgen}
        <Knoppen>
          <Knop>{knop}</Knop>
        </Knoppen>
      </form>
      <form method="post" action={wijzigen}>
        {extra}
        {verborgen}
        <Verborgen naam="wijzigen" waarde="ja" />
        <Knoppen>
          <Knop tweede>Antwoorden wijzigen</Knop>
        </Knoppen>
      </form>
    </>
  );
};

/** `2026-11-27` → `27 november 2026`, as people read dates. */
export const leesbareDatum = (datum: string): string => {
  const [j, m, d] = datum.slice(0, 10).split('-').map(Number);
  const maanden = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  return `${d} ${maanden[(m ?? 1) - 1]} ${j}`;
};

const ROL_TEKST: Readonly<Record<Principal['rol'], string>> = {
  coopAdmin: 'coördinator',
  gemeente: 'gemeente',
  werkgever: 'werkgever',
  regiopartner: 'regiopartner',
  systeem: 'systeem',
};
export const rolTekst = (rol: Principal['rol']): string => ROL_TEKST[rol];

/**
 * The header of a signed-in page (Document's `kop`): who is signed in and the sign-out button. Signing out
 * is a form that POSTs with the CSRF token, never a link: a link could be followed by another site's image.
 */
export const IngelogdKop = ({ sessie }: { sessie: Pick<Sessie, 'naam' | 'csrf' | 'principal'> }) => (
  <div class="werkcoop-kop__sessie">
    <p class="utrecht-paragraph werkcoop-kop__wie">
      <span class="werkcoop-verborgen">Ingelogd als </span>
      {sessie.naam} <span class="werkcoop-kop__rol">({rolTekst(sessie.principal.rol)})</span>
    </p>
    <form method="post" action={UITLOGGEN}>
      <Verborgen naam="csrf" waarde={sessie.csrf} />
      <button class="utrecht-button utrecht-button--secondary-action utrecht-button--submit werkcoop-kop__uitloggen" type="submit">
        Uitloggen
      </button>
    </form>
  </div>
);
