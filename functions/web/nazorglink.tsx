import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { env, portaalUrl } from '../../shared/config/env';
import { DomeinFout } from '../../shared/domain/fouten';
import { isLinkToken } from '../../shared/domain/nazorglinks';
import type { NazorgAntwoordInvoer } from '../../shared/schemas/nazorg';
import { dynamo, tabel } from '../../shared/store/dynamodb';
import { haalProjectie } from '../../shared/store/nazorg-store';
import { dynamoNazorgStore } from '../../shared/store/nazorg-store';
import { haalLink, vervangLink } from '../../shared/store/nazorglinks-store';
import { notificatieItem } from '../../shared/store/notificaties-store';
import { sleutels } from '../../shared/store/sleutels';
import { nazorglinkUseCases, type LinkWeergave } from '../../shared/use-cases/nazorglinks';
import { Antwoordcontrole, LABELS, leesAntwoorden, momentNaam, VRAGEN, Vragen, type Ingevuld } from '../../shared/web/nazorgvragen';
import { Alinea, Document, Foutsamenvatting, Gegevens, Knop, Knoppen, Kop1, Kop2, leesbareDatum, Melding, type Veldfouten } from '../../shared/web/opmaak';
import { begrensPagina, paginaHandler, PaginaFout, type PaginaAntwoord, type PaginaVerzoek } from '../../shared/web/pagina-handler';
import { nazorg } from '../api/nazorg/nazorg';

/**
 * Answering a follow-up by the personal link in the invitation mail (no account): open → form → check your
 * answers → send → confirmation. The answer is the API's own use case (POST /v1/nazorgmomenten/{id}/antwoorden)
 * as the recipient, so the risk signal, the escalation and the durability record follow exactly as there.
 */
const portaal = portaalUrl();

const links = nazorglinkUseCases({
  links: {
    haal: haalLink,
    vervang: (oud, nieuw, mail, nu) =>
      vervangLink(oud, nieuw, { Put: { TableName: tabel(), Item: notificatieItem(mail), ConditionExpression: 'attribute_not_exists(pk)' } }, nu),
  },
  nazorg: dynamoNazorgStore(),
  async werkplekTitel(werkplekId) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.werkplek(werkplekId), ProjectionExpression: 'titel' }));
    return typeof Item?.titel === 'string' ? Item.titel : undefined;
  },
  async contact(ontvanger) {
    const key = ontvanger.rol === 'werkgever' ? sleutels.lid(ontvanger.lidId) : sleutels.partner(ontvanger.partnerId);
    const [item] = await haalProjectie([key], 'contactpersoon');
    const c = item?.contactpersoon as { naam?: unknown; email?: unknown } | undefined;
    return typeof c?.naam === 'string' && typeof c.email === 'string' ? { naam: c.naam, email: c.email } : undefined;
  },
  beantwoorden: (principal, momentId, invoer, viaLink) => nazorg.beantwoorden(principal, momentId, invoer, viaLink),
  portaal,
});

const Herkenning = ({ w }: { w: LinkWeergave }) => (
  <Gegevens
    rijen={[
      { label: 'Werkplek', waarde: w.werkplekTitel ?? 'onbekend' },
      ...(w.startdatum ? [{ label: 'Gestart op', waarde: leesbareDatum(w.startdatum) }] : []),
      { label: 'Nazorgmoment', waarde: momentNaam(w.moment) },
      ...(w.moment.antwoordUiterlijk ? [{ label: 'Graag beantwoorden uiterlijk op', waarde: leesbareDatum(w.moment.antwoordUiterlijk) }] : []),
    ]}
  />
);

const Formulier = ({ token, w, ingevuld, fouten }: { token: string; w: LinkWeergave; ingevuld: Ingevuld; fouten: Veldfouten }) => (
  <Document titel="Hoe gaat het met de plaatsing?" stijl={stijl()} metFouten={Object.keys(fouten).length > 0}>
    <Foutsamenvatting fouten={fouten} labels={LABELS} />
    <Kop1>Hoe gaat het met de plaatsing?</Kop1>
    <Alinea lead>
      De coöperatie vraagt regelmatig hoe het gaat, zodat een plaatsing blijft slagen. Het invullen kost een paar minuten. U ziet uw antwoorden
      nog terug voordat u ze verstuurt.
    </Alinea>
    <Herkenning w={w} />
    <Vragen actie={`/portaal/nazorg/${token}/controle`} ingevuld={ingevuld} fouten={fouten} />
  </Document>
);

/** The check page: nothing is stored before the person sends. */
const Controle = ({ token, invoer, ingevuld }: { token: string; invoer: NazorgAntwoordInvoer; ingevuld: Ingevuld }) => (
  <Document titel="Controleer uw antwoorden" stijl={stijl()}>
    <Kop1>Controleer uw antwoorden</Kop1>
    <Antwoordcontrole versturen={`/portaal/nazorg/${token}/versturen`} wijzigen={`/portaal/nazorg/${token}/controle`} invoer={invoer} ingevuld={ingevuld} />
  </Document>
);

const stijl = () => env().PORTAAL_STIJL;

/** A page for a link that can no longer be used, each state with its own words and, where it helps, the way on. */
const Niet = ({ token, w }: { token: string; w: LinkWeergave }) => {
  const s = w.staat;
  const titel =
    s.staat === 'gebruikt' || s.staat === 'alBeantwoord' ? 'Dit nazorgmoment is al beantwoord' : s.staat === 'verlopen' ? 'Deze link is verlopen' : 'Dit nazorgmoment vervalt';
  return (
    <Document titel={titel} stijl={stijl()}>
      <Kop1>{titel}</Kop1>
      <Herkenning w={w} />
      {s.staat === 'gebruikt' && <Alinea>U heeft de vragen beantwoord op {leesbareDatum(s.op)}. Dank u wel. Er is niets meer te doen.</Alinea>}
      {s.staat === 'alBeantwoord' && (
        <Alinea>
          De vragen zijn {s.op ? `op ${leesbareDatum(s.op)} ` : ''}al beantwoord, door u of door de andere betrokkene bij de plaatsing. Er is niets meer te doen.
        </Alinea>
      )}
      {s.staat === 'vervallen' && <Alinea>De plaatsing is beëindigd of het nazorgmoment is geschrapt. U hoeft niets meer te doen.</Alinea>}
      {s.staat === 'verlopen' && (
        <>
          <Alinea>
            De link werkte tot en met {leesbareDatum(s.geldigTot)}. Wilt u de vragen nog beantwoorden? Wij mailen u een nieuwe link, naar het
            e-mailadres dat bij de coöperatie bekend is.
          </Alinea>
          <form method="post" action={`/portaal/nazorg/${token}/nieuwe-link`}>
            <Knoppen>
              <Knop>Mail mij een nieuwe link</Knop>
            </Knoppen>
          </form>
        </>
      )}
    </Document>
  );
};

/**
 * An unknown, malformed or foreign token is one page, as the API answers one 404 for all three; each miss
 * counts against the address's limit, so hammering the table with guesses is slowed down.
 */
const metLink = async <T,>(verzoek: PaginaVerzoek, doe: (token: string) => Promise<T>): Promise<T> => {
  const token = verzoek.params.token ?? '';
  try {
    if (!isLinkToken(token)) throw new DomeinFout('nietGevonden', 'onbekend');
    return await doe(token);
  } catch (error) {
    if (!(error instanceof DomeinFout && error.soort === 'nietGevonden')) throw error;
    await begrensPagina('nazorglinkOnbekend', verzoek, 'pogingen met onbekende links');
    throw new PaginaFout(
      404,
      'Deze link kennen wij niet',
      'Controleer of u de hele link uit de e-mail heeft gebruikt. Werkt hij niet, neem dan contact op met de coördinator van de coöperatie; die kan het nazorgmoment opnieuw laten versturen.',
    );
  }
};

const toonFormulier = (token: string, w: LinkWeergave, ingevuld: Ingevuld, fouten: Veldfouten, status = 200): PaginaAntwoord => ({
  status,
  inhoud: w.staat.staat === 'bruikbaar' ? <Formulier token={token} w={w} ingevuld={ingevuld} fouten={fouten} /> : <Niet token={token} w={w} />,
});

export const handler = paginaHandler({
  nazorgLinkOpenen: (v) => metLink(v, async (token) => toonFormulier(token, await links.openen(token), {}, {})),

  nazorgLinkControleren: (v) =>
    metLink(v, async (token) => {
      const w = await links.openen(token);
      const { wijzigen, waarde, fouten, ingevuld } = leesAntwoorden(v.formulier!);
      if (wijzigen || !waarde || w.staat.staat !== 'bruikbaar') return toonFormulier(token, w, ingevuld, wijzigen ? {} : fouten, wijzigen || w.staat.staat !== 'bruikbaar' ? 200 : 400);
      return { status: 200, inhoud: <Controle token={token} invoer={waarde} ingevuld={ingevuld} /> };
    }),

  nazorgLinkVersturen: (v) =>
    metLink(v, async (token) => {
      const { waarde, fouten, ingevuld } = leesAntwoorden(v.formulier!);
      if (!waarde) return toonFormulier(token, await links.openen(token), ingevuld, fouten, 400);
      try {
        await links.beantwoorden(token, waarde);
      } catch (error) {
        // Used, answered by the other recipient, expired or cancelled meanwhile: the link's page says which.
        if (error instanceof DomeinFout && (error.soort === 'conflict' || error.soort === 'ongeldigeOvergang')) return toonFormulier(token, await links.openen(token), ingevuld, {}, 409);
        throw error;
      }
      return { doorsturen: `/portaal/nazorg/${token}/bevestiging` };
    }),

  nazorgLinkBevestiging: (v) =>
    metLink(v, async (token) => {
      const w = await links.openen(token);
      if (w.staat.staat !== 'gebruikt') return { doorsturen: `/portaal/nazorg/${token}` };
      return {
        status: 200,
        inhoud: (
          <Document titel="Uw antwoorden zijn ontvangen" stijl={stijl()}>
            <Melding soort="ok" titel="Uw antwoorden zijn ontvangen" />
            <Kop1>Dank u wel</Kop1>
            <Herkenning w={w} />
            <Kop2>Wat gebeurt er nu?</Kop2>
            <Alinea>
              De coördinatoren van de coöperatie lezen uw antwoorden. Wijzen ze op een risico, dan neemt een coördinator binnen enkele werkdagen contact
              met u op om samen te kijken wat nodig is. Anders hoort u pas weer van ons bij het volgende nazorgmoment.
            </Alinea>
            <Alinea>U kunt deze pagina sluiten. De link is nu gebruikt en werkt niet nog een keer.</Alinea>
          </Document>
        ),
      };
    }),

  nazorgLinkNieuw: (v) =>
    metLink(v, async (token) => {
      const uitkomst = await links.nieuweLink(token);
      const titel = uitkomst === 'gemaild' ? 'We hebben u een nieuwe link gemaild' : uitkomst === 'teVroeg' ? 'Er is net al een nieuwe link gemaild' : 'Er is niets meer te beantwoorden';
      return {
        status: uitkomst === 'gemaild' ? 200 : uitkomst === 'teVroeg' ? 429 : 409,
        inhoud: (
          <Document titel={titel} stijl={stijl()}>
            <Kop1>{titel}</Kop1>
            <Alinea>
              {uitkomst === 'gemaild'
                ? 'De nieuwe link staat binnen enkele minuten in uw mailbox, op het adres dat bij de coöperatie bekend is. Kijk ook bij ongewenste e-mail.'
                : uitkomst === 'teVroeg'
                  ? 'Kijk in uw mailbox, ook bij ongewenste e-mail. Is er over een kwartier nog niets, vraag dan opnieuw een link aan.'
                  : 'Dit nazorgmoment is al beantwoord of vervallen. U hoeft niets meer te doen.'}
            </Alinea>
          </Document>
        ),
      };
    }),
});

