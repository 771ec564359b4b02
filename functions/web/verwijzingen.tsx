import type { VNode } from 'preact';
import type { Verwijzing } from '../../shared/schemas/verwijzingen';
import { Alinea, Gegevens, Kop1, leesbareDatum } from '../../shared/web/opmaak';
import { paginaHandler } from '../../shared/web/pagina-handler';
import type { PaginaVerzoek } from '../../shared/web/pagina-handler';
import { Bladeren, cursorUit, Kaart, Lijst, PortaalDocument } from '../../shared/web/portaal';
import { verwijzingen } from '../api/verwijzingen/verwijzingen';

/**
 * A gemeente's own referrals, read-only: the API's list of that gemeente (verwijzingen.zoeken reads its own
 * partition only). Their placements, with phase and risk signal, are on /portaal/plaatsingen, which for a
 * gemeente is the list of its referrals' placements. The list names no candidate: the dossier reference is
 * how the gemeente's own staff find the person in their own system.
 */
const PER_PAGINA = 10;

const STATUS_TEKST: Record<Verwijzing['status'], string> = {
  ingediend: 'Ingediend, wacht op de intake',
  inIntake: 'In intake',
  bemiddelbaar: 'Bemiddelbaar',
  geplaatst: 'Geplaatst',
  teruggemeld: 'Teruggemeld aan de gemeente',
  ingetrokken: 'Ingetrokken',
};

const lijstPagina = async (verzoek: PaginaVerzoek): Promise<VNode> => {
  const pagina = await verwijzingen.zoeken(verzoek.sessie!.principal, { pageSize: PER_PAGINA, cursor: cursorUit(verzoek, 'verwijzingen') });
  return (
    <PortaalDocument verzoek={verzoek} titel="Verwijzingen">
      <Kop1>Uw verwijzingen</Kop1>
      <Alinea lead>
        De kandidaten die uw gemeente naar de coöperatie verwees. Hoe hun plaatsingen lopen, met het risicosignaal uit de nazorg, ziet u bij{' '}
        <a class="utrecht-link" href="/portaal/plaatsingen">
          plaatsingen
        </a>
        .
      </Alinea>
      <Lijst leeg="Uw gemeente heeft nog geen kandidaten verwezen.">
        {pagina.items.map((v) => (
          <Kaart key={v.id} kop={`Dossier ${v.dossierkenmerk}`}>
            <Gegevens
              rijen={[
                { label: 'Status', waarde: STATUS_TEKST[v.status] },
                { label: 'Plaatsingen gestart', waarde: String(v.aantalPlaatsingen) },
                { label: 'Ingediend op', waarde: leesbareDatum(v.aangemaaktOp) },
              ]}
            />
          </Kaart>
        ))}
      </Lijst>
      <Bladeren verzoek={verzoek} naam="verwijzingen" cursor={pagina.cursor} wat="verwijzingen" />
    </PortaalDocument>
  );
};

export const handler = paginaHandler({
  verwijzingenLijst: async (v) => ({ status: 200, inhoud: await lijstPagina(v) }),
});
