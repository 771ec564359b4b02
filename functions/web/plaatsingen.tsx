import type { VNode } from 'preact';
import type { Principal } from '../../shared/auth/rollen';
import type { NazorgAntwoordInvoer, Nazorgmoment, Risicosignaal } from '../../shared/schemas/nazorg';
import type { Plaatsing } from '../../shared/schemas/plaatsingen';
import type { Werkplek } from '../../shared/schemas/werkplekken';
import { Antwoordcontrole, LABELS, leesAntwoorden, leesbareReden, momentNaam, Vragen, type Ingevuld } from '../../shared/web/nazorgvragen';
import { Alinea, Foutsamenvatting, Gegevens, Kop1, Kop2, leesbareDatum, Verborgen, type Veldfouten } from '../../shared/web/opmaak';
import { paginaHandler, type PaginaAntwoord, type PaginaVerzoek } from '../../shared/web/pagina-handler';
import { Bladeren, cursorUit, Gedaan, Kaart, Lijst, PortaalDocument, probeer, WeigeringMelding, type Weigering } from '../../shared/web/portaal';
import { nazorg } from '../api/nazorg/nazorg';
import { plaatsingen } from '../api/plaatsingen/plaatsingen';
import { verwijzingen } from '../api/verwijzingen/verwijzingen';
import { werkplekken } from '../api/werkplekken/werkplekken';

/**
 * The placements of a signed-in member, jobcoach organisation or gemeente — each the API's own list of that
 * role (plaatsingen.zoeken picks the member's, the partner's or the gemeente's index) — with their follow-ups,
 * and the follow-up questions to answer signed in: the same questions as the link in the mail
 * (shared/web/nazorgvragen.tsx) and the same use case as POST /v1/nazorgmomenten/{id}/antwoorden.
 * A gemeente reads only. Another tenant's placement or moment is the use case's 404, as for one that is missing.
 */
const PER_PAGINA = 10;

const FASE_TEKST: Record<Plaatsing['fase'], string> = {
  voorgesteld: 'Voorgesteld',
  kennismaking: 'Kennismaking',
  proefplaatsing: 'Proefplaatsing',
  gestart: 'Gestart',
  beeindigd: 'Beëindigd',
  afgewezen: 'Afgewezen',
  geannuleerd: 'Geannuleerd',
};

const STATUS_TEKST: Record<Nazorgmoment['status'], string> = {
  gepland: 'Gepland',
  verstuurd: 'Wacht op antwoord',
  beantwoord: 'Beantwoord',
  geannuleerd: 'Vervallen',
};

const RISICO_TEKST: Record<Risicosignaal['niveau'], string> = { laag: 'Laag', midden: 'Midden', hoog: 'Hoog' };

const GEDAAN = { beantwoord: 'Uw antwoorden zijn ontvangen. Dank u wel.' };

const beantwoordt = (p: Principal) => p.rol === 'werkgever' || p.rol === 'regiopartner';

/** What the answer's use case accepts now: sent, or due today or earlier (the domain's rule in `beantwoord`). */
const teBeantwoorden = (m: Nazorgmoment, vandaag = new Date().toISOString().slice(0, 10)) =>
  m.status === 'verstuurd' || (m.status === 'gepland' && m.vervaldatum <= vandaag);

const volgende = (momenten: readonly Nazorgmoment[]) =>
  momenten.filter((m) => m.status === 'gepland' || m.status === 'verstuurd').sort((a, b) => a.vervaldatum.localeCompare(b.vervaldatum))[0];

/**
 * The place's title where the access rules let the role read the place (its member, a gemeente); a jobcoach
 * organisation may not read places (shared/auth/toegang.ts) and recognises a placement by its start instead.
 */
const werkplekTitels = async (p: Principal, ids: readonly string[]): Promise<Map<string, string>> => {
  if (p.rol !== 'werkgever' && p.rol !== 'gemeente') return new Map();
  const w = await Promise.all([...new Set(ids)].map((id) => werkplekken.ophalen(p, id)));
  return new Map(w.map((x) => [x.id, x.titel]));
};

/** A gemeente knows its referrals by its own dossier reference. */
const dossiers = async (p: Principal, ids: readonly string[]): Promise<Map<string, string>> => {
  if (p.rol !== 'gemeente') return new Map();
  const v = await Promise.all([...new Set(ids)].map((id) => verwijzingen.ophalen(p, id)));
  return new Map(v.map((x) => [x.id, x.dossierkenmerk]));
};

const plaatsingNaam = (pl: Plaatsing, titels: Map<string, string>) =>
  titels.get(pl.werkplekId) ?? (pl.contract ? `Plaatsing gestart op ${leesbareDatum(pl.contract.startdatum)}` : `Plaatsing ${pl.id}`);

const risicoTekst = (r: Risicosignaal | undefined) => (r ? `${RISICO_TEKST[r.niveau]}${r.redenen.length ? ` — ${r.redenen.map((x) => leesbareReden(x.toelichting)).join('; ')}` : ''}` : 'Nog geen antwoord');

const MomentLink = ({ m }: { m: Nazorgmoment }) => (
  <a class="utrecht-link" href={`/portaal/nazorgmomenten/${m.id}`}>
    {`${momentNaam(m)} beantwoorden`}
  </a>
);

const lijstPagina = async (verzoek: PaginaVerzoek): Promise<VNode> => {
  const p = verzoek.sessie!.principal;
  const pagina = await plaatsingen.zoeken(p, { pageSize: PER_PAGINA, cursor: cursorUit(verzoek, 'plaatsingen') });
  const [momenten, titels, dossier] = await Promise.all([
    Promise.all(pagina.items.map(async (pl) => [pl.id, (await nazorg.lijst(p, pl.id)).nazorgmomenten] as const)).then((r) => new Map(r)),
    werkplekTitels(p, pagina.items.map((pl) => pl.werkplekId)),
    dossiers(p, pagina.items.map((pl) => pl.verwijzingId)),
  ]);
  const open = beantwoordt(p) ? pagina.items.flatMap((pl) => (momenten.get(pl.id) ?? []).filter((m) => teBeantwoorden(m)).map((m) => ({ pl, m }))) : [];
  return (
    <PortaalDocument verzoek={verzoek} titel="Plaatsingen">
      <Kop1>Plaatsingen</Kop1>
      {beantwoordt(p) && (
        <section aria-labelledby="te-beantwoorden">
          <h2 class="utrecht-heading-2" id="te-beantwoorden">
            Nazorgvragen om te beantwoorden
          </h2>
          <Lijst leeg="Er staan geen nazorgvragen voor u klaar bij de plaatsingen op deze pagina.">
            {open.map(({ pl, m }) => (
              <Kaart key={m.id} kop={<MomentLink m={m} />}>
                <Gegevens
                  rijen={[
                    { label: 'Plaatsing', waarde: plaatsingNaam(pl, titels) },
                    ...(m.antwoordUiterlijk ? [{ label: 'Graag beantwoorden uiterlijk op', waarde: leesbareDatum(m.antwoordUiterlijk) }] : []),
                  ]}
                />
              </Kaart>
            ))}
          </Lijst>
        </section>
      )}
      <section aria-labelledby="plaatsingen">
        <h2 class="utrecht-heading-2" id="plaatsingen">
          {p.rol === 'regiopartner' ? 'Plaatsingen die u begeleidt' : p.rol === 'gemeente' ? 'Plaatsingen van uw verwijzingen' : 'Uw plaatsingen'}
        </h2>
        <Lijst leeg="Er zijn nog geen plaatsingen.">
          {pagina.items.map((pl) => {
            const v = volgende(momenten.get(pl.id) ?? []);
            return (
              <Kaart key={pl.id} kop={<a class="utrecht-link" href={`/portaal/plaatsingen/${pl.id}`}>{plaatsingNaam(pl, titels)}</a>}>
                <Gegevens
                  rijen={[
                    ...(dossier.has(pl.verwijzingId) ? [{ label: 'Dossier', waarde: dossier.get(pl.verwijzingId)! }] : []),
                    { label: 'Fase', waarde: FASE_TEKST[pl.fase] },
                    ...(pl.contract ? [{ label: 'Gestart op', waarde: leesbareDatum(pl.contract.startdatum) }] : []),
                    { label: 'Volgend nazorgmoment', waarde: v ? `${momentNaam(v)}, ${leesbareDatum(v.vervaldatum)}` : 'Geen' },
                    { label: 'Risicosignaal', waarde: risicoTekst(pl.risico) },
                  ]}
                />
              </Kaart>
            );
          })}
        </Lijst>
        <Bladeren verzoek={verzoek} naam="plaatsingen" cursor={pagina.cursor} wat="plaatsingen" />
      </section>
    </PortaalDocument>
  );
};

const plaatsingPagina = async (verzoek: PaginaVerzoek): Promise<VNode> => {
  const p = verzoek.sessie!.principal;
  const pl = await plaatsingen.ophalen(p, verzoek.params.plaatsingId!);
  const [{ nazorgmomenten }, titels, dossier] = await Promise.all([nazorg.lijst(p, pl.id), werkplekTitels(p, [pl.werkplekId]), dossiers(p, [pl.verwijzingId])]);
  const naam = plaatsingNaam(pl, titels);
  return (
    <PortaalDocument verzoek={verzoek} titel={naam}>
      <Gedaan verzoek={verzoek} meldingen={GEDAAN} />
      <Kop1>{naam}</Kop1>
      <Gegevens
        rijen={[
          ...(dossier.has(pl.verwijzingId) ? [{ label: 'Dossier', waarde: dossier.get(pl.verwijzingId)! }] : []),
          { label: 'Fase', waarde: FASE_TEKST[pl.fase] },
          ...(pl.contract ? [{ label: 'Gestart op', waarde: leesbareDatum(pl.contract.startdatum) }] : []),
          ...(pl.contract?.einddatum ? [{ label: 'Contract tot', waarde: leesbareDatum(pl.contract.einddatum) }] : []),
          { label: 'Risicosignaal', waarde: risicoTekst(pl.risico) },
        ]}
      />
      <Kop2>Nazorg</Kop2>
      {nazorgmomenten.length === 0 ? (
        <Alinea>Er zijn geen nazorgmomenten gepland.</Alinea>
      ) : (
        <Gegevens
          rijen={[...nazorgmomenten]
            .sort((x, y) => x.vervaldatum.localeCompare(y.vervaldatum))
            .map((m) => ({
              label: momentNaam(m),
              waarde: (
                <>
                  {`${leesbareDatum(m.vervaldatum)} — ${STATUS_TEKST[m.status]}`}
                  {beantwoordt(p) && teBeantwoorden(m) && (
                    <>
                      <br />
                      <MomentLink m={m} />
                    </>
                  )}
                </>
              ),
            }))}
        />
      )}
      <Alinea>
        <a class="utrecht-link" href="/portaal/plaatsingen">
          Terug naar de plaatsingen
        </a>
      </Alinea>
    </PortaalDocument>
  );
};

/** The moment's form, signed in: the questions of the link page, with the CSRF token. */
const vragenPagina = async (verzoek: PaginaVerzoek, ingevuld: Ingevuld = {}, fouten: Veldfouten = {}, weigering?: Weigering): Promise<VNode> => {
  const m = await nazorg.ophalen(verzoek.sessie!.principal, verzoek.params.nazorgmomentId!);
  const titel = `${momentNaam(m)}: hoe gaat het met de plaatsing?`;
  const terug = (
    <Alinea>
      <a class="utrecht-link" href={`/portaal/plaatsingen/${m.plaatsingId}`}>
        Terug naar de plaatsing
      </a>
    </Alinea>
  );
  if (!teBeantwoorden(m))
    return (
      <PortaalDocument verzoek={verzoek} titel={momentNaam(m)} metFouten={weigering !== undefined}>
        <WeigeringMelding weigering={weigering} />
        <Kop1>{momentNaam(m)}</Kop1>
        <Alinea>
          {m.status === 'beantwoord'
            ? `Dit nazorgmoment is al beantwoord${m.antwoorden.at(-1) ? ` op ${leesbareDatum(m.antwoorden.at(-1)!.op)}` : ''}. Er is niets meer te doen.`
            : m.status === 'geannuleerd'
              ? 'Dit nazorgmoment is vervallen. U hoeft niets te doen.'
              : `Dit nazorgmoment is pas op ${leesbareDatum(m.vervaldatum)} aan de beurt.`}
        </Alinea>
        {terug}
      </PortaalDocument>
    );
  return (
    <PortaalDocument verzoek={verzoek} titel={titel} metFouten={Object.keys(fouten).length > 0 || weigering !== undefined}>
      <Foutsamenvatting fouten={fouten} labels={LABELS} />
      <WeigeringMelding weigering={weigering} />
      <Kop1>Hoe gaat het met de plaatsing?</Kop1>
      <Gegevens
        rijen={[
          { label: 'Nazorgmoment', waarde: momentNaam(m) },
          ...(m.antwoordUiterlijk ? [{ label: 'Graag beantwoorden uiterlijk op', waarde: leesbareDatum(m.antwoordUiterlijk) }] : []),
        ]}
      />
      <Vragen actie={`/portaal/nazorgmomenten/${m.id}/controle`} ingevuld={ingevuld} fouten={fouten} verborgen={<Verborgen naam="csrf" waarde={verzoek.sessie!.csrf} />} />
      {terug}
    </PortaalDocument>
  );
};

const controlePagina = (verzoek: PaginaVerzoek, invoer: NazorgAntwoordInvoer, ingevuld: Ingevuld): VNode => {
  const pad = `/portaal/nazorgmomenten/${verzoek.params.nazorgmomentId!}`;
  return (
    <PortaalDocument verzoek={verzoek} titel="Controleer uw antwoorden">
      <Kop1>Controleer uw antwoorden</Kop1>
      <Antwoordcontrole versturen={`${pad}/versturen`} wijzigen={`${pad}/controle`} invoer={invoer} ingevuld={ingevuld} verborgen={<Verborgen naam="csrf" waarde={verzoek.sessie!.csrf} />} />
    </PortaalDocument>
  );
};

const werkplekkenPagina = async (verzoek: PaginaVerzoek): Promise<VNode> => {
  const pagina = await werkplekken.zoeken(verzoek.sessie!.principal, { pageSize: PER_PAGINA, cursor: cursorUit(verzoek, 'werkplekken') });
  const status: Record<Werkplek['status'], string> = { open: 'Open', vervuld: 'Vervuld', gesloten: 'Gesloten' };
  return (
    <PortaalDocument verzoek={verzoek} titel="Werkplekken">
      <Kop1>Uw werkplekken</Kop1>
      <Lijst leeg="U biedt nog geen werkplekken aan.">
        {pagina.items.map((w) => (
          <Kaart key={w.id} kop={w.titel}>
            <Gegevens
              rijen={[
                { label: 'Status', waarde: status[w.status] },
                { label: 'Bezet', waarde: `${w.aantalBezet} van ${w.aantalPlaatsen}` },
                { label: 'Uren per week', waarde: `${w.uren.minimum} tot ${w.uren.maximum}` },
              ]}
            />
          </Kaart>
        ))}
      </Lijst>
      <Bladeren verzoek={verzoek} naam="werkplekken" cursor={pagina.cursor} wat="werkplekken" />
    </PortaalDocument>
  );
};

const toon = async (inhoud: VNode | Promise<VNode>, status = 200): Promise<PaginaAntwoord> => ({ status, inhoud: await inhoud });

export const handler = paginaHandler({
  plaatsingenLijst: (v) => toon(lijstPagina(v)),
  plaatsingOpenen: (v) => toon(plaatsingPagina(v)),
  werkplekkenLijst: (v) => toon(werkplekkenPagina(v)),
  nazorgmomentOpenen: (v) => toon(vragenPagina(v)),

  nazorgmomentControleren: async (v) => {
    const { wijzigen, waarde, fouten, ingevuld } = leesAntwoorden(v.formulier!);
    if (wijzigen || !waarde) return toon(vragenPagina(v, ingevuld, wijzigen ? {} : fouten), wijzigen ? 200 : 400);
    // The moment is read (and its access checked) before the check page shows, as on the link.
    await nazorg.ophalen(v.sessie!.principal, v.params.nazorgmomentId!);
    return toon(controlePagina(v, waarde, ingevuld));
  },

  nazorgmomentBeantwoorden: async (v) => {
    const p = v.sessie!.principal;
    const { waarde, fouten, ingevuld } = leesAntwoorden(v.formulier!);
    if (!waarde) return toon(vragenPagina(v, ingevuld, fouten), 400);
    const r = await probeer(() => nazorg.beantwoorden(p, v.params.nazorgmomentId!, waarde));
    if ('weigering' in r) return toon(vragenPagina(v, ingevuld, {}, r.weigering), r.weigering.status);
    return { doorsturen: `/portaal/plaatsingen/${r.gelukt.plaatsingId}?gedaan=beantwoord` };
  },
});
