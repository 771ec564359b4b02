import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../../shared/auth/rollen';
import { dynamo, tabel } from '../../shared/store/dynamodb';
import { sleutels } from '../../shared/store/sleutels';
import { Alinea, Document, IngelogdKop, Kop1, Kop2, Melding, rolTekst } from '../../shared/web/opmaak';
import { PaginaFout, paginaHandler, type PaginaVerzoek } from '../../shared/web/pagina-handler';
import type { MENSELIJKE_ROLLEN } from '../../shared/web/paginas';
import type { Sessie } from '../../shared/web/sessie';

type MenselijkeRol = (typeof MENSELIJKE_ROLLEN)[number];

export interface Werklijst {
  readonly href: string;
  readonly titel: string;
  readonly uitleg: string;
}

/**
 * The worklists each role finds on its start page: the slot where the per-role pages are linked as they are
 * built (issue 11, page 4). Each link goes to a page whose manifest entry lists the same role.
 */
export const WERKLIJSTEN: Readonly<Record<MenselijkeRol, readonly Werklijst[]>> = {
  coopAdmin: [
    {
      href: '/portaal/werklijst',
      titel: 'Werklijst',
      uitleg: 'Open escalaties, aanvragen van leden en regiopartners om te beoordelen, en verwijzingen die op een intake wachten.',
    },
    { href: '/portaal/uitkomsten', titel: 'Uitkomsten', uitleg: 'Blijven plaatsingen duren? De cijfers landelijk, per arbeidsmarktregio en per gemeente.' },
  ],
  gemeente: [
    { href: '/portaal/verwijzingen', titel: 'Verwijzingen', uitleg: 'De kandidaten die uw gemeente verwees, en hoe het met hun plaatsingen gaat.' },
    { href: '/portaal/plaatsingen', titel: 'Plaatsingen', uitleg: 'De fase en het risicosignaal van de plaatsingen van uw verwijzingen.' },
    { href: '/portaal/uitkomsten', titel: 'Uitkomsten', uitleg: 'Blijven de plaatsingen van uw verwijzingen duren? Per cohort, naast landelijke cijfers.' },
  ],
  werkgever: [
    { href: '/portaal/plaatsingen', titel: 'Plaatsingen', uitleg: 'Uw plaatsingen met hun volgende nazorgmoment, en de nazorgvragen die op uw antwoord wachten.' },
    { href: '/portaal/werkplekken', titel: 'Werkplekken', uitleg: 'De werkplekken die u aanbiedt.' },
    { href: '/portaal/uitkomsten', titel: 'Uitkomsten', uitleg: 'Blijven uw plaatsingen duren, en hoeveel banen uit de banenafspraak heeft u gerealiseerd?' },
  ],
  regiopartner: [
    { href: '/portaal/plaatsingen', titel: 'Plaatsingen', uitleg: 'De plaatsingen die u begeleidt, en de nazorgvragen die op uw antwoord wachten.' },
    { href: '/portaal/uitkomsten', titel: 'Uitkomsten', uitleg: 'Blijven de plaatsingen in uw arbeidsmarktregio duren? Per cohort, en vraag en aanbod.' },
  ],
};

/** The organisation the person acts for, by its name (an id says nothing to a person); the id if it has none. */
const namens = async (p: Principal): Promise<string> => {
  const naamVan = async (key: { pk: string; sk: string }, id: string) => {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: key, ProjectionExpression: 'naam' }));
    return typeof Item?.naam === 'string' ? Item.naam : id;
  };
  switch (p.rol) {
    case 'gemeente':
      return `gemeente ${await naamVan(sleutels.gemeente(p.gemeente), p.gemeente)}`;
    case 'werkgever':
      return naamVan(sleutels.lid(p.lidId), p.lidId);
    case 'regiopartner':
      return naamVan(sleutels.partner(p.partnerId), p.partnerId);
    default:
      return 'de coöperatie';
  }
};

const start = async ({ stijl, sessie }: PaginaVerzoek) => {
  // The wrapper gives every page for roles its session; a missing one never reaches here.
  const s = sessie as Sessie;
  const lijsten = WERKLIJSTEN[s.principal.rol as MenselijkeRol];
  const organisatie = await namens(s.principal);
  return {
    status: 200,
    inhoud: (
      <Document titel="Uw werkcoop" stijl={stijl} kop={<IngelogdKop sessie={s} />}>
        <Kop1>Welkom, {s.naam}</Kop1>
        <Alinea lead>
          U bent ingelogd als {rolTekst(s.principal.rol)} namens {organisatie}.
        </Alinea>
        <section aria-labelledby="werklijsten">
          <h2 class="utrecht-heading-2" id="werklijsten">
            Uw werk
          </h2>
          {lijsten.length === 0 ? (
            <Melding soort="info">
              <Alinea>Uw werklijsten komen hier. Tot die er zijn, werkt u via de koppelingen van uw organisatie of neemt u contact op met uw coördinator.</Alinea>
            </Melding>
          ) : (
            <ul class="utrecht-unordered-list werkcoop-werklijsten">
              {lijsten.map((l) => (
                <li key={l.href}>
                  <a class="utrecht-link" href={l.href}>
                    {l.titel}
                  </a>
                  <Alinea>{l.uitleg}</Alinea>
                </li>
              ))}
            </ul>
          )}
        </section>
        <Kop2>Uitloggen</Kop2>
        <Alinea>Op een gedeelde computer logt u uit met de knop bovenaan. Na 30 minuten zonder activiteit, en altijd na 8 uur, logt werkcoop u zelf uit.</Alinea>
      </Document>
    ),
  };
};

// Says only that there is no such page: nothing about what exists, and the same for everyone, signed in or not.
const paginaNietGevonden = async (): Promise<never> => {
  throw new PaginaFout(404, 'Pagina niet gevonden', 'Deze pagina bestaat niet. Controleer het adres, of begin op de startpagina.');
};

export const handler = paginaHandler({ start, paginaNietGevonden });
