import type { VNode } from 'preact';
import { machineClientAdapter } from '../../shared/auth/machine-clients';
import type { RegiopartnerAanmelding, RegiopartnerSoort } from '../../shared/schemas/regiopartners';
import { RedenOpgave } from '../../shared/schemas/leden';
import { aanmeldingenUseCases, type Goedkeuring } from '../../shared/use-cases/regiopartner-aanmeldingen';
import { labelsVan, leesFormulier } from '../../shared/web/formulier';
import { Alinea, Foutsamenvatting, Gegevens, Kop1, Kop2, leesbareDatum, Melding, type Veldfouten } from '../../shared/web/opmaak';
import { paginaHandler, type PaginaAntwoord, type PaginaVerzoek } from '../../shared/web/pagina-handler';
import { Besluit, leesVersie, PortaalDocument, probeer, REDEN, TerugNaarWerklijst, WeigeringMelding, type Weigering } from '../../shared/web/portaal';
import { aanmeldingenBasis } from '../api/regiopartners/aanmeldingen';

/**
 * A coordinator decides a regional partner's application. A page group of its own because the approval makes
 * the partner's machine client: only this function bundles the identity provider's client and may call it, as
 * the API's approval is the only API function that does (functions/api/regiopartners/aanmelding-goedkeuren.ts).
 */
const aanmeldingen = aanmeldingenUseCases({ ...aanmeldingenBasis, machineClients: machineClientAdapter });

const SOORT_TEKST: Record<RegiopartnerSoort, string> = {
  gemeente: 'Gemeente',
  swBedrijf: 'SW-bedrijf',
  jobcoachOrganisatie: 'Jobcoachorganisatie',
  werkgeversservicepunt: 'Werkgeversservicepunt',
  overig: 'Anders',
};

const STATUS_TEKST: Record<RegiopartnerAanmelding['status'], string> = {
  aangemeld: 'E-mailadres nog niet bevestigd',
  bevestigd: 'Wacht op een besluit',
  goedgekeurd: 'Goedgekeurd',
  afgewezen: 'Afgewezen',
};

const aanmeldingPagina = (
  verzoek: PaginaVerzoek,
  a: RegiopartnerAanmelding,
  { fouten = {}, reden, weigering }: { fouten?: Veldfouten; reden?: string | undefined; weigering?: Weigering | undefined } = {},
): VNode => (
  <PortaalDocument verzoek={verzoek} titel={`Aanmelding van ${a.naam}`} metFouten={Object.keys(fouten).length > 0 || weigering !== undefined}>
    <Foutsamenvatting fouten={fouten} labels={labelsVan(REDEN)} />
    <WeigeringMelding weigering={weigering} />
    <Kop1>{`Aanmelding van ${a.naam}`}</Kop1>
    <Gegevens
      rijen={[
        { label: 'Status', waarde: STATUS_TEKST[a.status] },
        { label: 'Soort organisatie', waarde: SOORT_TEKST[a.soort] },
        { label: 'KvK-nummer', waarde: a.kvkNummer },
        { label: 'Arbeidsmarktregio’s', waarde: a.arbeidsmarktregios.join(', ') },
        { label: 'Contactpersoon', waarde: `${a.contactpersoon.naam}, ${a.contactpersoon.email}` },
        { label: 'Aangemeld op', waarde: leesbareDatum(a.aangemaaktOp) },
        ...(a.bevestigdOp ? [{ label: 'E-mailadres bevestigd op', waarde: leesbareDatum(a.bevestigdOp) }] : []),
      ]}
    />
    {a.status === 'bevestigd' && (
      <Besluit
        verzoek={verzoek}
        pad={`/portaal/regiopartner-aanmeldingen/${a.id}`}
        versie={a.versie}
        wat="aanmelding"
        gevolg="Na de goedkeuring is de organisatie regiopartner: de contactpersoon krijgt een account, en u ziet één keer de toegangsgegevens voor de API van de organisatie."
        reden={reden}
        fout={fouten.reden}
      />
    )}
    <TerugNaarWerklijst />
  </PortaalDocument>
);

/**
 * The one answer that is not a redirect: the machine client's secret exists only in the approval's answer (the
 * API answers it once too), so it is shown on the answer to the POST, never kept to show on a later GET.
 * A reload would post again and meet the 409 of an approval already made, not a second secret.
 */
const goedgekeurdPagina = (verzoek: PaginaVerzoek, g: Goedkeuring): VNode => (
  <PortaalDocument verzoek={verzoek} titel={`${g.regiopartner.naam} is regiopartner`}>
    <Melding soort="ok" titel={`De aanmelding van ${g.regiopartner.naam} is goedgekeurd`} />
    <Kop1>Geef de toegangsgegevens door</Kop1>
    <Alinea>
      De contactpersoon krijgt een e-mail met een account voor het portaal. De toegangsgegevens voor de API van de organisatie staan alleen hier, en
      alleen nu: geef ze door via een apart, veilig kanaal (niet per gewone e-mail). Kwijt? Dan maakt een coördinator een nieuwe machineclient; de
      vorige vervalt dan.
    </Alinea>
    <Kop2>Toegangsgegevens</Kop2>
    <Gegevens
      rijen={[
        { label: 'Client id', waarde: <code>{g.machineClient.clientId}</code> },
        { label: 'Client secret', waarde: <code>{g.machineClient.clientSecret}</code> },
        { label: 'Tokenadres', waarde: <code>{g.machineClient.tokenUrl}</code> },
        { label: 'Scope', waarde: <code>{g.machineClient.scope}</code> },
      ]}
    />
    <TerugNaarWerklijst />
  </PortaalDocument>
);

const toon = (inhoud: VNode, status = 200): PaginaAntwoord => ({ status, inhoud });

export const handler = paginaHandler({
  aanmeldingOpenen: async (v) => toon(aanmeldingPagina(v, await aanmeldingen.ophalen(v.sessie!.principal, v.params.aanmeldingId!))),

  aanmeldingGoedkeuren: async (v) => {
    const p = v.sessie!.principal;
    const ifMatch = leesVersie(v.formulier!);
    const r = await probeer(() => aanmeldingen.goedkeuren(p, v.params.aanmeldingId!, ifMatch));
    if ('weigering' in r) return toon(aanmeldingPagina(v, await aanmeldingen.ophalen(p, v.params.aanmeldingId!), { weigering: r.weigering }), r.weigering.status);
    return toon(goedgekeurdPagina(v, r.gelukt));
  },

  aanmeldingAfwijzen: async (v) => {
    const p = v.sessie!.principal;
    const ifMatch = leesVersie(v.formulier!);
    const { waarde, fouten, ingevuld } = leesFormulier(v.formulier!, REDEN, RedenOpgave);
    const reden = typeof ingevuld.reden === 'string' ? ingevuld.reden : undefined;
    if (!waarde) return toon(aanmeldingPagina(v, await aanmeldingen.ophalen(p, v.params.aanmeldingId!), { fouten, reden }), 400);
    const r = await probeer(() => aanmeldingen.afwijzen(p, v.params.aanmeldingId!, waarde.reden, ifMatch));
    if ('weigering' in r) return toon(aanmeldingPagina(v, await aanmeldingen.ophalen(p, v.params.aanmeldingId!), { reden, weigering: r.weigering }), r.weigering.status);
    return { doorsturen: '/portaal/werklijst?gedaan=aanmeldingAfgewezen' };
  },
});
