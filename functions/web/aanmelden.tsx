import type { ComponentChildren, VNode } from 'preact';
import { env } from '../../shared/config/env';
import { ARBEIDSMARKTREGIOS } from '../../shared/domain/arbeidsmarktregios';
import { DomeinFout } from '../../shared/domain/fouten';
import { AANMELDING_ONTVANGEN, BEVESTIGINGSTERMIJN_UREN } from '../../shared/domain/regiopartners';
import { LidAanvraag } from '../../shared/schemas/leden';
import { Bevestigingstoken, REGIOPARTNER_SOORTEN, RegiopartnerAanmeldingInvoer, type RegiopartnerSoort } from '../../shared/schemas/regiopartners';
import { labelsVan, leesControle, lijstVan, OnbekendeVelden, tekstVan, type Gelezen, type Ingevuld, type Velden } from '../../shared/web/formulier';
import {
  Alinea,
  Controleknoppen,
  Document,
  Foutsamenvatting,
  Gegevens,
  Keuzegroep,
  Knop,
  Knoppen,
  Kop1,
  Kop2,
  Melding,
  Tekstveld,
  Tekstvak,
  Veldengroep,
  type Veldfouten,
} from '../../shared/web/opmaak';
import { begrensPagina, paginaHandler, type PaginaAntwoord, type PaginaFunctie } from '../../shared/web/pagina-handler';
import { paginas } from '../../shared/web/paginas';
import { leden } from '../api/leden/leden';
import { aanmeldingen } from '../api/regiopartners/aanmeldingen';

/**
 * Applying, without an account: an employer for membership (the API's lidAanvragen) and an organisation as
 * regional partner (POST /v1/regiopartner-aanmeldingen), each form → check your answers → send → confirmation;
 * and the partner's e-mail confirmation, whose link opens a page with a button (opening confirms nothing:
 * mail scanners open links). Every send is the API's own use case, read by the API's own schema, behind the
 * same per-address limit, counted in the same counter.
 *
 * These forms carry no CSRF token: they are public and no session exists, so a forged post from another
 * site has no ambient authority to abuse; it can do only what anyone may do from their own browser.
 */
const stijl = () => env().PORTAAL_STIJL;
const bevestigenPad = (token: string) => paginas.regiopartnerBevestigen.path.replace('{token}', token);

/** Questions both forms ask: the organisation's name, its KvK number and its contact person. */
const ORGANISATIE = {
  naam: { soort: 'tekst', label: 'Naam van de organisatie', melding: 'Vul de naam van de organisatie in (hoogstens 200 tekens)' },
  kvkNummer: { soort: 'code', label: 'KvK-nummer', melding: 'Vul het KvK-nummer in: 8 cijfers, zoals 69599084' },
} as const;
const CONTACT = {
  contactNaam: {
    soort: 'tekst',
    pad: ['contactpersoon', 'naam'],
    label: 'Naam van de contactpersoon',
    melding: 'Vul de naam van de contactpersoon in (hoogstens 200 tekens)',
  },
  contactEmail: {
    soort: 'tekst',
    pad: ['contactpersoon', 'email'],
    label: 'E-mailadres van de contactpersoon',
    melding: 'Vul een e-mailadres in zoals naam@voorbeeld.nl',
  },
  contactTelefoon: {
    soort: 'tekst',
    pad: ['contactpersoon', 'telefoonnummer'],
    label: 'Telefoonnummer van de contactpersoon',
    melding: 'Vul een telefoonnummer in van 6 tot 20 cijfers, zoals 020 123 45 67',
  },
} as const;

const toezegging = (veld: string, label: string, wat: string) =>
  ({ soort: 'getal', pad: ['toezeggingen', veld], label, melding: `Vul het aantal ${wat} in als heel getal van 0 tot en met 10000` }) as const;

/** The membership application's questions (LidAanvraag), each with what a person is told when it is missing or wrong. */
const LID = {
  ...ORGANISATIE,
  sectoren: {
    soort: 'opsomming',
    label: 'In welke sectoren werkt uw organisatie?',
    melding: 'Vul minstens één sector in; hoogstens 20, elk hoogstens 100 tekens',
  },
  werksoorten: {
    soort: 'opsomming',
    label: 'Welk soort werk kunt u bieden?',
    melding: 'Noem hoogstens 50 soorten werk, elk hoogstens 100 tekens',
  },
  reguliereBanen: toezegging('reguliereBanen', 'Reguliere banen', 'reguliere banen'),
  participatieplaatsen: toezegging('participatieplaatsen', 'Participatieplaatsen', 'participatieplaatsen'),
  beschutWerkplekken: toezegging('beschutWerkplekken', 'Plaatsen voor beschut werk', 'plaatsen voor beschut werk'),
  banenafspraakBanen: toezegging('banenafspraakBanen', 'Banen uit de banenafspraak', 'banen uit de banenafspraak'),
  ...CONTACT,
} as const satisfies Velden & Record<string, { label: string }>;

/** The partner sign-up's questions (RegiopartnerAanmeldingInvoer). */
const PARTNER = {
  ...ORGANISATIE,
  soort: { soort: 'tekst', label: 'Wat voor organisatie is het?', melding: 'Kies wat voor organisatie het is' },
  arbeidsmarktregios: {
    soort: 'lijst',
    label: "In welke arbeidsmarktregio's werkt uw organisatie?",
    melding: 'Kies minstens één arbeidsmarktregio',
  },
  ...CONTACT,
} as const satisfies Velden & Record<string, { label: string }>;

const SOORT_TEKST: Record<RegiopartnerSoort, string> = {
  gemeente: 'Gemeente',
  swBedrijf: 'Sw-bedrijf',
  jobcoachOrganisatie: 'Jobcoachorganisatie',
  werkgeversservicepunt: 'Werkgeversservicepunt',
  overig: 'Iets anders',
};

const OrganisatieVragen = ({ ingevuld, fouten }: { ingevuld: Ingevuld; fouten: Veldfouten }) => (
  <>
    <Tekstveld naam="naam" label={ORGANISATIE.naam.label} waarde={tekstVan(ingevuld, 'naam')} fout={fouten.naam} autocomplete="organization" />
    <Tekstveld
      naam="kvkNummer"
      label={ORGANISATIE.kvkNummer.label}
      uitleg="Het nummer van de inschrijving bij de Kamer van Koophandel: 8 cijfers."
      soort="number"
      breedte={10}
      waarde={tekstVan(ingevuld, 'kvkNummer')}
      fout={fouten.kvkNummer}
    />
  </>
);

const ContactVragen = ({ ingevuld, fouten, uitleg }: { ingevuld: Ingevuld; fouten: Veldfouten; uitleg: string }) => (
  <Veldengroep naam="contactpersoon" legenda="Wie is de contactpersoon?" uitleg={uitleg}>
    <Tekstveld naam="contactNaam" label={CONTACT.contactNaam.label} waarde={tekstVan(ingevuld, 'contactNaam')} fout={fouten.contactNaam} autocomplete="name" />
    <Tekstveld
      naam="contactEmail"
      label={CONTACT.contactEmail.label}
      soort="email"
      waarde={tekstVan(ingevuld, 'contactEmail')}
      fout={fouten.contactEmail}
      autocomplete="email"
    />
    <Tekstveld
      naam="contactTelefoon"
      label={CONTACT.contactTelefoon.label}
      uitleg="Zodat een coördinator u kan bellen met een vraag."
      soort="tel"
      waarde={tekstVan(ingevuld, 'contactTelefoon')}
      fout={fouten.contactTelefoon}
      autocomplete="tel"
      optioneel
    />
  </Veldengroep>
);

const LID_LABELS = labelsVan(LID);
const PARTNER_LABELS = labelsVan(PARTNER);

const LidFormulier = ({ ingevuld, fouten }: { ingevuld: Ingevuld; fouten: Veldfouten }) => (
  <Document titel="Lid worden van de coöperatie" stijl={stijl()} metFouten={Object.keys(fouten).length > 0}>
    <Foutsamenvatting fouten={fouten} labels={LID_LABELS} />
    <Kop1>Lid worden van de coöperatie</Kop1>
    <Alinea lead>
      Werkgevers in de coöperatie maken samen duurzaam werk voor mensen met een afstand tot de arbeidsmarkt. Met dit formulier vraagt uw organisatie
      het lidmaatschap aan. Het invullen kost ongeveer 5 minuten; u ziet uw antwoorden nog terug voordat u ze verstuurt.
    </Alinea>
    <form method="post" action={paginas.lidWordenControleren.path} noValidate>
      <OrganisatieVragen ingevuld={ingevuld} fouten={fouten} />
      <Tekstvak
        naam="sectoren"
        label={LID.sectoren.label}
        uitleg="Bijvoorbeeld voedingsmiddelen, zorg of bouw. Eén per regel, of gescheiden door komma's."
        waarde={tekstVan(ingevuld, 'sectoren')}
        fout={fouten.sectoren}
      />
      <Tekstvak
        naam="werksoorten"
        label={LID.werksoorten.label}
        uitleg="Bijvoorbeeld productie, logistiek of schoonmaak. Eén per regel, of gescheiden door komma's."
        waarde={tekstVan(ingevuld, 'werksoorten')}
        fout={fouten.werksoorten}
        optioneel
      />
      <Veldengroep
        naam="toezeggingen"
        legenda="Hoeveel plaatsen wil uw organisatie bieden?"
        uitleg="Het aantal plaatsen dat u de komende jaren wilt maken, per soort. Vul 0 in als u een soort niet biedt."
      >
        {(['reguliereBanen', 'participatieplaatsen', 'beschutWerkplekken', 'banenafspraakBanen'] as const).map((n) => (
          <Tekstveld key={n} naam={n} label={LID[n].label} soort="number" breedte={6} waarde={tekstVan(ingevuld, n)} fout={fouten[n]} />
        ))}
      </Veldengroep>
      <ContactVragen ingevuld={ingevuld} fouten={fouten} uitleg="Met deze persoon neemt de coöperatie contact op over de aanvraag." />
      <Knoppen>
        <Knop>Verder naar controleren</Knop>
      </Knoppen>
    </form>
  </Document>
);

const PartnerFormulier = ({ ingevuld, fouten }: { ingevuld: Ingevuld; fouten: Veldfouten }) => (
  <Document titel="Aanmelden als regiopartner" stijl={stijl()} metFouten={Object.keys(fouten).length > 0}>
    <Foutsamenvatting fouten={fouten} labels={PARTNER_LABELS} />
    <Kop1>Aanmelden als regiopartner</Kop1>
    <Alinea lead>
      Gemeenten, sw-bedrijven, jobcoachorganisaties en werkgeversservicepunten werken als regiopartner met de coöperatie samen. Na uw aanmelding
      bevestigt de contactpersoon het e-mailadres en beoordeelt een coördinator de aanmelding.
    </Alinea>
    <form method="post" action={paginas.regiopartnerWordenControleren.path} noValidate>
      <OrganisatieVragen ingevuld={ingevuld} fouten={fouten} />
      <Keuzegroep
        naam="soort"
        label={PARTNER.soort.label}
        keuzes={REGIOPARTNER_SOORTEN.map((s) => ({ waarde: s, label: SOORT_TEKST[s] }))}
        gekozen={lijstVan(ingevuld, 'soort')}
        fout={fouten.soort}
      />
      <Keuzegroep
        naam="arbeidsmarktregios"
        label={PARTNER.arbeidsmarktregios.label}
        uitleg="Kies alle regio's waarin u werkt. U ziet later de cijfers van deze regio's."
        keuzes={ARBEIDSMARKTREGIOS.map((r) => ({ waarde: r, label: r }))}
        gekozen={lijstVan(ingevuld, 'arbeidsmarktregios')}
        fout={fouten.arbeidsmarktregios}
        meerdere
      />
      <ContactVragen
        ingevuld={ingevuld}
        fouten={fouten}
        uitleg="Deze persoon krijgt een e-mail om het adres te bevestigen, en na goedkeuring toegang tot werkcoop."
      />
      <Knoppen>
        <Knop>Verder naar controleren</Knop>
      </Knoppen>
    </form>
  </Document>
);

const Controle = ({
  titel,
  rijen,
  versturen,
  wijzigen,
  velden,
  ingevuld,
}: {
  titel: string;
  rijen: readonly { label: string; waarde: string }[];
  versturen: string;
  wijzigen: string;
  velden: Velden;
  ingevuld: Ingevuld;
}) => (
  <Document titel={titel} stijl={stijl()}>
    <Kop1>{titel}</Kop1>
    <Gegevens rijen={rijen} />
    <Controleknoppen versturen={versturen} wijzigen={wijzigen} knop="Versturen" namen={Object.keys(velden)} ingevuld={ingevuld} />
  </Document>
);

const contactRijen = (c: { naam: string; email: string; telefoonnummer?: string | undefined }) => [
  { label: CONTACT.contactNaam.label, waarde: c.naam },
  { label: CONTACT.contactEmail.label, waarde: c.email },
  { label: CONTACT.contactTelefoon.label, waarde: c.telefoonnummer ?? 'Niet ingevuld' },
];

const LidControle = ({ a, ingevuld }: { a: LidAanvraag; ingevuld: Ingevuld }) => (
  <Controle
    titel="Controleer uw aanvraag"
    rijen={[
      { label: LID.naam.label, waarde: a.naam },
      { label: LID.kvkNummer.label, waarde: a.kvkNummer },
      { label: 'Sectoren', waarde: a.sectoren.join(', ') },
      { label: 'Soorten werk', waarde: a.werksoorten.length ? a.werksoorten.join(', ') : 'Niet ingevuld' },
      { label: LID.reguliereBanen.label, waarde: String(a.toezeggingen.reguliereBanen) },
      { label: LID.participatieplaatsen.label, waarde: String(a.toezeggingen.participatieplaatsen) },
      { label: LID.beschutWerkplekken.label, waarde: String(a.toezeggingen.beschutWerkplekken) },
      { label: LID.banenafspraakBanen.label, waarde: String(a.toezeggingen.banenafspraakBanen) },
      ...contactRijen(a.contactpersoon),
    ]}
    versturen={paginas.lidWordenVersturen.path}
    wijzigen={paginas.lidWordenControleren.path}
    velden={LID}
    ingevuld={ingevuld}
  />
);

const PartnerControle = ({ a, ingevuld }: { a: RegiopartnerAanmeldingInvoer; ingevuld: Ingevuld }) => (
  <Controle
    titel="Controleer uw aanmelding"
    rijen={[
      { label: PARTNER.naam.label, waarde: a.naam },
      { label: PARTNER.kvkNummer.label, waarde: a.kvkNummer },
      { label: 'Soort organisatie', waarde: SOORT_TEKST[a.soort] },
      { label: "Arbeidsmarktregio's", waarde: a.arbeidsmarktregios.join(', ') },
      ...contactRijen(a.contactpersoon),
    ]}
    versturen={paginas.regiopartnerWordenVersturen.path}
    wijzigen={paginas.regiopartnerWordenControleren.path}
    velden={PARTNER}
    ingevuld={ingevuld}
  />
);

/** A confirmation: what was done, and what happens next. */
const Ontvangen = ({ titel, children }: { titel: string; children: ComponentChildren }) => (
  <Document titel={titel} stijl={stijl()}>
    <Melding soort="ok" titel={titel} />
    <Kop1>Dank u wel</Kop1>
    <Kop2>Wat gebeurt er nu?</Kop2>
    {children}
    <Alinea>U kunt deze pagina sluiten.</Alinea>
  </Document>
);

/** Unknown, expired and used links get one page, as the API answers one 422 for all three. */
const onbruikbareLink = (status: number): PaginaAntwoord => ({
  status,
  inhoud: (
    <Document titel="Deze bevestigingslink werkt niet" stijl={stijl()}>
      <Kop1>Deze bevestigingslink werkt niet</Kop1>
      <Alinea>
        De link is onbekend, verlopen of al gebruikt. Een link werkt één keer en {BEVESTIGINGSTERMIJN_UREN} uur lang. Heeft u het e-mailadres al
        bevestigd, dan hoeft u niets meer te doen: een coördinator beoordeelt de aanmelding.
      </Alinea>
      <Alinea>
        Is de link verlopen? <a class="utrecht-link" href={paginas.regiopartnerWordenFormulier.path}>Meld uw organisatie opnieuw aan</a>; u krijgt dan een nieuwe e-mail.
      </Alinea>
    </Document>
  ),
});

/** The confirmation token from the path, in the shape the API's schema accepts; a malformed one is unknown without a read. */
const tokenVan = (params: Readonly<Record<string, string>>): string | undefined => {
  const r = Bevestigingstoken.safeParse(params.token ?? '');
  return r.success ? r.data : undefined;
};

const lidFormulier = (ingevuld: Ingevuld, fouten: Veldfouten, status: number): PaginaAntwoord => ({ status, inhoud: <LidFormulier ingevuld={ingevuld} fouten={fouten} /> });
const partnerFormulier = (ingevuld: Ingevuld, fouten: Veldfouten, status: number): PaginaAntwoord => ({
  status,
  inhoud: <PartnerFormulier ingevuld={ingevuld} fouten={fouten} />,
});

const leesLid = (form: URLSearchParams) => leesControle(form, LID, LidAanvraag);
const leesPartner = (form: URLSearchParams) => leesControle(form, PARTNER, RegiopartnerAanmeldingInvoer);

/** A form's check step: back to the form as it was (wijzigen), the form with its errors, or the check page. */
const controleren =
  <T,>(
    lees: (form: URLSearchParams) => Gelezen<T> & { readonly wijzigen: boolean },
    formulier: (ingevuld: Ingevuld, fouten: Veldfouten, status: number) => PaginaAntwoord,
    controle: (waarde: T, ingevuld: Ingevuld) => VNode,
  ): PaginaFunctie =>
  async (v) => {
    const { wijzigen, waarde, fouten, ingevuld } = lees(v.formulier!);
    if (wijzigen) return formulier(ingevuld, {}, 200);
    if (!waarde) return formulier(ingevuld, fouten, 400);
    return { status: 200, inhoud: controle(waarde, ingevuld) };
  };

const regiopartnerBevestigen: PaginaFunctie = async (v) => {
  const token = tokenVan(v.params);
  if (!token) return onbruikbareLink(404);
  // The button posts nothing but itself; anything else is not this page's form.
  const velden = [...v.formulier!.keys()];
  if (velden.length > 0) throw new OnbekendeVelden(velden);
  await begrensPagina('bevestigen', v, 'bevestigingen');
  try {
    await aanmeldingen.bevestigen(token);
  } catch (error) {
    if (error instanceof DomeinFout && error.soort === 'onverwerkbaar') return onbruikbareLink(422);
    throw error;
  }
  return { doorsturen: paginas.regiopartnerBevestigd.path };
};

export const handler = paginaHandler({
  lidWordenFormulier: async () => lidFormulier({}, {}, 200),

  lidWordenControleren: controleren(leesLid, lidFormulier, (a, ingevuld) => <LidControle a={a} ingevuld={ingevuld} />),

  lidWordenVersturen: async (v) => {
    const { waarde, fouten, ingevuld } = leesLid(v.formulier!);
    if (!waarde) return lidFormulier(ingevuld, fouten, 400);
    await begrensPagina('lidAanvragen', v, 'aanvragen');
    try {
      await leden.aanvragen(waarde);
    } catch (error) {
      // The KvK number has an application or a membership already: the API's 409, said at the field.
      if (error instanceof DomeinFout && error.soort === 'conflict')
        return lidFormulier(ingevuld, { kvkNummer: 'Voor dit KvK-nummer loopt al een aanvraag of is de organisatie al lid. Neem contact op met de coördinator als u vragen heeft.' }, 409);
      throw error;
    }
    return { doorsturen: paginas.lidWordenOntvangen.path };
  },

  lidWordenOntvangen: async () => ({
    status: 200,
    inhoud: (
      <Ontvangen titel="Uw aanvraag is ontvangen">
        <Alinea>
          Een coördinator van de coöperatie beoordeelt uw aanvraag. Heeft de coördinator een vraag, dan neemt die contact
          op met de contactpersoon.
        </Alinea>
        <Alinea>
          Na het besluit krijgt de contactpersoon een e-mail. Wordt uw organisatie lid, dan krijgt de contactpersoon daarna apart de toegang tot werkcoop,
          om werkplekken aan te bieden en plaatsingen te volgen.
        </Alinea>
      </Ontvangen>
    ),
  }),

  regiopartnerWordenFormulier: async () => partnerFormulier({}, {}, 200),

  regiopartnerWordenControleren: controleren(leesPartner, partnerFormulier, (a, ingevuld) => <PartnerControle a={a} ingevuld={ingevuld} />),

  regiopartnerWordenVersturen: async (v) => {
    const { waarde, fouten, ingevuld } = leesPartner(v.formulier!);
    if (!waarde) return partnerFormulier(ingevuld, fouten, 400);
    await begrensPagina('aanmelden', v, 'aanmeldingen');
    await aanmeldingen.aanmelden(waarde);
    return { doorsturen: paginas.regiopartnerWordenOntvangen.path };
  },

  regiopartnerWordenOntvangen: async () => ({
    status: 200,
    inhoud: (
      <Ontvangen titel="Uw aanmelding is ontvangen">
        <Alinea>{AANMELDING_ONTVANGEN}</Alinea>
        <Alinea>
          De contactpersoon opent de link in die e-mail en bevestigt daar het e-mailadres. Daarna beoordeelt een coördinator de aanmelding. Na het besluit
          krijgt de contactpersoon opnieuw een e-mail; bij goedkeuring met de toegang tot werkcoop.
        </Alinea>
        <Alinea>Geen e-mail gekregen? Kijk ook bij ongewenste e-mail.</Alinea>
      </Ontvangen>
    ),
  }),

  regiopartnerBevestigenOpenen: async (v) => {
    const token = tokenVan(v.params);
    if (!token) return onbruikbareLink(404);
    return {
      status: 200,
      inhoud: (
        <Document titel="Bevestig uw e-mailadres" stijl={stijl()}>
          <Kop1>Bevestig uw e-mailadres</Kop1>
          <Alinea lead>
            Uw organisatie is aangemeld als regiopartner van de coöperatie, met u als contactpersoon. Bevestig dat dit uw e-mailadres is; daarna
            beoordeelt een coördinator de aanmelding.
          </Alinea>
          <form method="post" action={bevestigenPad(token)}>
            <Knoppen>
              <Knop>E-mailadres bevestigen</Knop>
            </Knoppen>
          </form>
          <Alinea>Heeft u zich niet aangemeld? Dan hoeft u niets te doen: de aanmelding vervalt vanzelf.</Alinea>
        </Document>
      ),
    };
  },

  regiopartnerBevestigen,

  regiopartnerBevestigd: async () => ({
    status: 200,
    inhoud: (
      <Ontvangen titel="Uw e-mailadres is bevestigd">
        <Alinea>
          Een coördinator van de coöperatie beoordeelt de aanmelding. Na het besluit krijgt u een e-mail. Wordt de
          aanmelding goedgekeurd, dan krijgt u ook een e-mail met een tijdelijk wachtwoord voor werkcoop.
        </Alinea>
      </Ontvangen>
    ),
  }),
});
