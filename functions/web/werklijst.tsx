import type { VNode } from 'preact';
import { ESCALATIE_UITKOMSTEN, EscalatieAfhandeling, type Escalatie } from '../../shared/schemas/nazorg';
import { RedenOpgave, type Lid } from '../../shared/schemas/leden';
import type { Verwijzing } from '../../shared/schemas/verwijzingen';
import { labelsVan, leesFormulier, type Velden } from '../../shared/web/formulier';
import { leesbareReden, momentNaam } from '../../shared/web/nazorgvragen';
import { Alinea, Foutsamenvatting, Gegevens, Keuzegroep, Knop, Knoppen, Kop1, Kop2, leesbareDatum, Tekstvak, Verborgen, type Veldfouten } from '../../shared/web/opmaak';
import { paginaHandler, type PaginaAntwoord, type PaginaVerzoek } from '../../shared/web/pagina-handler';
import { Besluit, Bladeren, cursorUit, Gedaan, Kaart, leesVersie, Lijst, PortaalDocument, probeer, REDEN, TerugNaarWerklijst, WeigeringMelding, type Weigering } from '../../shared/web/portaal';
import { leden } from '../api/leden/leden';
import { nazorg } from '../api/nazorg/nazorg';
import { aanmeldingen } from '../api/regiopartners/aanmeldingen';
import { verwijzingen } from '../api/verwijzingen/verwijzingen';

/**
 * The coordinators' worklist: what waits for them — open escalations, applications of members and of
 * regional partners, referrals waiting for intake — each list paged, and the pages to handle an escalation
 * and decide a member's application. Every read and every action is the API's own use case, as the
 * coordinator, so the access rules, the conditions and the processing log are the API's.
 */
const PER_PAGINA = 10;

const GEDAAN = {
  escalatieAfgehandeld: 'De escalatie is afgehandeld',
  lidGoedgekeurd: 'De aanvraag is goedgekeurd; het lid krijgt een welkomstmail',
  lidAfgewezen: 'De aanvraag is afgewezen; de aanvrager krijgt bericht',
  aanmeldingAfgewezen: 'De aanmelding is afgewezen; de organisatie krijgt bericht',
};

const AANLEIDING_TEKST: Record<Escalatie['aanleiding'], string> = {
  hoogRisico: 'Hoog risico in een antwoord',
  onbeantwoord: 'Nazorgmoment niet op tijd beantwoord',
};

export const UITKOMST_TEKST: Record<(typeof ESCALATIE_UITKOMSTEN)[number], string> = {
  ondersteuningGeregeld: 'Extra ondersteuning geregeld',
  afsprakenGemaakt: 'Afspraken gemaakt met werkgever en kandidaat',
  geenActieNodig: 'Geen actie nodig',
  overgedragenAanGemeente: 'Overgedragen aan de gemeente',
  plaatsingBeeindigd: 'De plaatsing is beëindigd',
  overig: 'Iets anders',
};

const LID_STATUS_TEKST: Record<Lid['status'], string> = {
  aangevraagd: 'Wacht op een besluit',
  actief: 'Lid',
  afgewezen: 'Afgewezen',
  geschorst: 'Geschorst',
  uitgetreden: 'Uitgetreden',
};

const DOELGROEP_TEKST: Record<Verwijzing['doelgroep'], string> = {
  participatiewet: 'Participatiewet',
  banenafspraak: 'Banenafspraak',
  beschutWerk: 'Beschut werk',
  voormaligWsw: 'Voormalig WSW',
};

const werklijst = async (verzoek: PaginaVerzoek): Promise<VNode> => {
  const p = verzoek.sessie!.principal;
  const pagina = (naam: string) => ({ pageSize: PER_PAGINA, cursor: cursorUit(verzoek, naam) });
  const [escalaties, aanvragen, partners, wachtend] = await Promise.all([
    nazorg.escalaties(p, { status: 'open', ...pagina('escalaties') }),
    leden.zoeken(p, { status: 'aangevraagd', ...pagina('leden') }),
    aanmeldingen.zoeken(p, { status: 'bevestigd', ...pagina('aanmeldingen') }),
    verwijzingen.zoeken(p, { status: 'ingediend', ...pagina('verwijzingen') }),
  ]);
  return (
    <PortaalDocument verzoek={verzoek} titel="Werklijst">
      <Gedaan verzoek={verzoek} meldingen={GEDAAN} />
      <Kop1>Werklijst</Kop1>
      <Alinea lead>Wat op een coördinator wacht.</Alinea>

      <section aria-labelledby="escalaties">
        <h2 class="utrecht-heading-2" id="escalaties">
          Open escalaties
        </h2>
        <Alinea>
          Een escalatie ontstaat bij een hoog risico in een antwoord, en bij een nazorgmoment dat niet binnen de antwoordtermijn is beantwoord. Een
          aparte lijst van nazorgmomenten over hun termijn is er niet: elk zo’n moment staat hier, met als aanleiding “niet op tijd beantwoord”.
        </Alinea>
        <Lijst leeg="Er zijn geen open escalaties.">
          {escalaties.items.map((e) => (
            <Kaart key={e.id} kop={<a class="utrecht-link" href={`/portaal/escalaties/${e.id}`}>{`${AANLEIDING_TEKST[e.aanleiding]} — ${leesbareDatum(e.aangemaaktOp)}`}</a>}>
              <Gegevens
                rijen={[
                  { label: 'Gemeente', waarde: e.gemeente },
                  { label: 'Redenen', waarde: e.redenen.map(leesbareReden).join('; ') || 'Geen' },
                ]}
              />
            </Kaart>
          ))}
        </Lijst>
        <Bladeren verzoek={verzoek} naam="escalaties" cursor={escalaties.cursor} wat="escalaties" />
      </section>

      <section aria-labelledby="leden">
        <h2 class="utrecht-heading-2" id="leden">
          Aanvragen voor het lidmaatschap
        </h2>
        <Lijst leeg="Er zijn geen aanvragen om over te besluiten.">
          {aanvragen.items.map((l) => (
            <Kaart key={l.id} kop={<a class="utrecht-link" href={`/portaal/leden/${l.id}`}>{l.naam}</a>}>
              <Gegevens
                rijen={[
                  { label: 'KvK-nummer', waarde: l.kvkNummer },
                  { label: 'Aangevraagd op', waarde: leesbareDatum(l.aangemaaktOp) },
                ]}
              />
            </Kaart>
          ))}
        </Lijst>
        <Bladeren verzoek={verzoek} naam="leden" cursor={aanvragen.cursor} wat="aanvragen" />
      </section>

      <section aria-labelledby="aanmeldingen">
        <h2 class="utrecht-heading-2" id="aanmeldingen">
          Aanmeldingen van regiopartners
        </h2>
        <Alinea>Alleen aanmeldingen waarvan de contactpersoon het e-mailadres heeft bevestigd; die wachten op uw besluit.</Alinea>
        <Lijst leeg="Er zijn geen bevestigde aanmeldingen om over te besluiten.">
          {partners.items.map((a) => (
            <Kaart key={a.id} kop={<a class="utrecht-link" href={`/portaal/regiopartner-aanmeldingen/${a.id}`}>{a.naam}</a>}>
              <Gegevens
                rijen={[
                  { label: 'Arbeidsmarktregio’s', waarde: a.arbeidsmarktregios.join(', ') },
                  { label: 'Bevestigd op', waarde: a.bevestigdOp ? leesbareDatum(a.bevestigdOp) : 'Onbekend' },
                ]}
              />
            </Kaart>
          ))}
        </Lijst>
        <Bladeren verzoek={verzoek} naam="aanmeldingen" cursor={partners.cursor} wat="aanmeldingen" />
      </section>

      <section aria-labelledby="verwijzingen">
        <h2 class="utrecht-heading-2" id="verwijzingen">
          Verwijzingen die wachten op de intake
        </h2>
        <Lijst leeg="Er wachten geen verwijzingen op de intake.">
          {wachtend.items.map((v) => (
            <Kaart key={v.id} kop={`Dossier ${v.dossierkenmerk}`}>
              <Gegevens
                rijen={[
                  { label: 'Gemeente', waarde: v.gemeente },
                  { label: 'Doelgroep', waarde: DOELGROEP_TEKST[v.doelgroep] },
                  { label: 'Ingediend op', waarde: leesbareDatum(v.aangemaaktOp) },
                ]}
              />
            </Kaart>
          ))}
        </Lijst>
        <Bladeren verzoek={verzoek} naam="verwijzingen" cursor={wachtend.cursor} wat="verwijzingen" />
      </section>
    </PortaalDocument>
  );
};

/** The handling form's fields, read by the API's own schema (EscalatieAfhandeling). */
const AFHANDELING = {
  afhandeling: { soort: 'tekst', label: 'Wat is er met de escalatie gedaan?', melding: 'Beschrijf wat er is gedaan, in hoogstens 2000 tekens en zonder BSN' },
  uitkomst: { soort: 'tekst', label: 'Wat is de uitkomst?', melding: 'Kies een van de genoemde uitkomsten' },
} as const satisfies Velden & Record<string, { label: string }>;

/** The escalation, with the member and the moment it is about; the form while it is open, its handling after. */
const escalatiePagina = async (
  verzoek: PaginaVerzoek,
  escalatie: Escalatie,
  { ingevuld = {}, fouten = {}, weigering }: { ingevuld?: Readonly<Record<string, string | readonly string[]>>; fouten?: Veldfouten; weigering?: Weigering | undefined } = {},
): Promise<VNode> => {
  const p = verzoek.sessie!.principal;
  const [lid, moment] = await Promise.all([leden.ophalen(p, escalatie.lidId), nazorg.ophalen(p, escalatie.nazorgmomentId)]);
  const open = escalatie.status === 'open';
  const titel = `Escalatie: ${AANLEIDING_TEKST[escalatie.aanleiding].toLowerCase()}`;
  return (
    <PortaalDocument verzoek={verzoek} titel={titel} metFouten={Object.keys(fouten).length > 0 || weigering !== undefined}>
      <Foutsamenvatting fouten={fouten} labels={labelsVan(AFHANDELING)} />
      <WeigeringMelding weigering={weigering} />
      <Kop1>{titel}</Kop1>
      <Gegevens
        rijen={[
          { label: 'Status', waarde: open ? 'Open' : 'Afgehandeld' },
          { label: 'Sinds', waarde: leesbareDatum(escalatie.aangemaaktOp) },
          { label: 'Redenen', waarde: escalatie.redenen.map(leesbareReden).join('; ') || 'Geen' },
          { label: 'Werkgever', waarde: lid.naam },
          { label: 'Gemeente', waarde: escalatie.gemeente },
          { label: 'Nazorgmoment', waarde: `${momentNaam(moment)}${moment.antwoordUiterlijk ? `, te beantwoorden tot en met ${leesbareDatum(moment.antwoordUiterlijk)}` : ''}` },
          { label: 'Contact bij de werkgever', waarde: `${lid.contactpersoon.naam}, ${lid.contactpersoon.email}` },
        ]}
      />
      {open ? (
        <form method="post" action={`/portaal/escalaties/${escalatie.id}/afhandeling`} noValidate>
          <Verborgen naam="csrf" waarde={verzoek.sessie!.csrf} />
          <Kop2>Afhandelen</Kop2>
          <Tekstvak
            naam="afhandeling"
            label={AFHANDELING.afhandeling.label}
            uitleg="Bijvoorbeeld wie u sprak en wat er is afgesproken. Geen medische gegevens en geen BSN."
            waarde={typeof ingevuld.afhandeling === 'string' ? ingevuld.afhandeling : undefined}
            fout={fouten.afhandeling}
          />
          <Keuzegroep
            naam="uitkomst"
            label={AFHANDELING.uitkomst.label}
            keuzes={ESCALATIE_UITKOMSTEN.map((u) => ({ waarde: u, label: UITKOMST_TEKST[u] }))}
            gekozen={typeof ingevuld.uitkomst === 'string' ? [ingevuld.uitkomst] : []}
            fout={fouten.uitkomst}
            optioneel
          />
          <Knoppen>
            <Knop>Escalatie afhandelen</Knop>
          </Knoppen>
        </form>
      ) : (
        <>
          <Kop2>Afhandeling</Kop2>
          <Gegevens
            rijen={[
              { label: 'Wat is er gedaan', waarde: escalatie.afhandeling ?? '' },
              { label: 'Uitkomst', waarde: escalatie.uitkomst ? UITKOMST_TEKST[escalatie.uitkomst] : 'Niet opgegeven' },
              ...(escalatie.afgehandeldOp ? [{ label: 'Afgehandeld op', waarde: leesbareDatum(escalatie.afgehandeldOp) }] : []),
            ]}
          />
        </>
      )}
      <TerugNaarWerklijst />
    </PortaalDocument>
  );
};

const LidPagina = ({ verzoek, lid, fouten = {}, reden, weigering }: { verzoek: PaginaVerzoek; lid: Lid; fouten?: Veldfouten; reden?: string | undefined; weigering?: Weigering | undefined }) => {
  const t = lid.toezeggingen;
  return (
    <PortaalDocument verzoek={verzoek} titel={`Aanvraag van ${lid.naam}`} metFouten={Object.keys(fouten).length > 0 || weigering !== undefined}>
      <Foutsamenvatting fouten={fouten} labels={labelsVan(REDEN)} />
      <WeigeringMelding weigering={weigering} />
      <Kop1>{`Aanvraag van ${lid.naam}`}</Kop1>
      <Gegevens
        rijen={[
          { label: 'Status', waarde: LID_STATUS_TEKST[lid.status] },
          { label: 'KvK-nummer', waarde: lid.kvkNummer },
          { label: 'Sectoren', waarde: lid.sectoren.join(', ') },
          { label: 'Werksoorten', waarde: lid.werksoorten.join(', ') || 'Geen' },
          { label: 'Contactpersoon', waarde: `${lid.contactpersoon.naam}, ${lid.contactpersoon.email}` },
          {
            label: 'Toezeggingen',
            waarde: `${t.reguliereBanen} reguliere banen, ${t.participatieplaatsen} participatieplaatsen, ${t.beschutWerkplekken} beschut-werkplekken, ${t.banenafspraakBanen} banenafspraakbanen`,
          },
          { label: 'Aangevraagd op', waarde: leesbareDatum(lid.aangemaaktOp) },
        ]}
      />
      {lid.status === 'aangevraagd' && (
        <Besluit
          verzoek={verzoek}
          pad={`/portaal/leden/${lid.id}`}
          versie={lid.versie}
          wat="aanvraag"
          gevolg="Na de goedkeuring is de werkgever lid en kan hij werkplekken aanbieden. De contactpersoon krijgt een welkomstmail."
          reden={reden}
          fout={fouten.reden}
        />
      )}
      <TerugNaarWerklijst />
    </PortaalDocument>
  );
};

const pagina = async (inhoud: VNode | Promise<VNode>, status = 200): Promise<PaginaAntwoord> => ({ status, inhoud: await inhoud });

export const handler = paginaHandler({
  werklijst: (v) => pagina(werklijst(v)),

  escalatieOpenen: async (v) => pagina(escalatiePagina(v, await nazorg.escalatie(v.sessie!.principal, v.params.escalatieId!))),

  escalatieAfhandelen: async (v) => {
    const p = v.sessie!.principal;
    const escalatie = await nazorg.escalatie(p, v.params.escalatieId!);
    const { waarde, fouten, ingevuld } = leesFormulier(v.formulier!, AFHANDELING, EscalatieAfhandeling);
    if (!waarde) return pagina(escalatiePagina(v, escalatie, { ingevuld, fouten }), 400);
    const r = await probeer(() => nazorg.escalatieAfhandelen(p, escalatie.id, waarde), {
      conflict: 'Een collega heeft deze escalatie intussen afgehandeld. Hieronder ziet u wat er is gedaan; uw tekst is niet opgeslagen.',
    });
    if ('weigering' in r) return pagina(escalatiePagina(v, await nazorg.escalatie(p, escalatie.id), { weigering: r.weigering }), r.weigering.status);
    return { doorsturen: '/portaal/werklijst?gedaan=escalatieAfgehandeld' };
  },

  lidOpenen: async (v) => pagina(LidPagina({ verzoek: v, lid: await leden.ophalen(v.sessie!.principal, v.params.lidId!) })),

  lidGoedkeuren: async (v) => {
    const p = v.sessie!.principal;
    const ifMatch = leesVersie(v.formulier!);
    const r = await probeer(() => leden.statusWijzigen(p, v.params.lidId!, 'goedkeuren', { ifMatch }));
    if ('weigering' in r) return pagina(LidPagina({ verzoek: v, lid: await leden.ophalen(p, v.params.lidId!), weigering: r.weigering }), r.weigering.status);
    return { doorsturen: '/portaal/werklijst?gedaan=lidGoedgekeurd' };
  },

  lidAfwijzen: async (v) => {
    const p = v.sessie!.principal;
    const ifMatch = leesVersie(v.formulier!);
    const { waarde, fouten, ingevuld } = leesFormulier(v.formulier!, REDEN, RedenOpgave);
    const reden = typeof ingevuld.reden === 'string' ? ingevuld.reden : undefined;
    if (!waarde) return pagina(LidPagina({ verzoek: v, lid: await leden.ophalen(p, v.params.lidId!), fouten, reden }), 400);
    const r = await probeer(() => leden.statusWijzigen(p, v.params.lidId!, 'afwijzen', { reden: waarde.reden, ifMatch }));
    if ('weigering' in r) return pagina(LidPagina({ verzoek: v, lid: await leden.ophalen(p, v.params.lidId!), reden, weigering: r.weigering }), r.weigering.status);
    return { doorsturen: '/portaal/werklijst?gedaan=lidAfgewezen' };
  },
});
