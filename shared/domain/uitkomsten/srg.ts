/**
 * A gemeente's placements and instruments as re-integratievoorzieningen in the vocabulary of CBS' Statistiek
 * Re-integratie door Gemeenten (SRG), keyed by the gemeente's own dossier reference, for the gemeente to add
 * to its own SRG delivery. Pure: the use case reads the placements and referrals.
 *
 * The codes are those the issue names (03 participatieplaats, 04 loonkostensubsidie, 05 beschut werk,
 * 06 begeleiding/jobcoach); they are to be checked against CBS' "Richtlijnen SRG 2021" (versie 1.0, vanaf
 * verslagmaand januari 2021), which could not be consulted here. Judgements, stated on each line they touch:
 * a placement on a participatieplaats (or with that contractvorm) is one 03 from start to end; on a beschut-
 * werk place one 05; loonkostensubsidie and jobcoach are instruments with their own dates, clipped to the
 * placement's end. A proefplaatsing and the no-risk polis are not the gemeente's re-integratievoorzieningen
 * in SRG's sense (the benefit continues / UWV's cover): left out and said so. A regular job without an
 * instrument is no voorziening.
 */
export const SRG_CODELIJST = 'SRG-richtlijnen 2021 v1.0 (codes zoals in issue 12 genoemd; niet tegen de CBS-publicatie gecontroleerd)';

export const SRG_NIET_OPGENOMEN = [
  'proefplaatsing: de uitkering loopt door en de werkgever beoordeelt; geen re-integratievoorziening van de gemeente in de zin van de SRG',
  'noRiskPolis: een voorziening van UWV, niet van de gemeente',
  'reguliere baan zonder instrument: geen voorziening',
] as const;

export interface SrgPlaatsing {
  readonly id: string;
  readonly verwijzingId: string;
  readonly contract?: { readonly startdatum: string; readonly contractvorm: string } | undefined;
  readonly beeindiging?: { readonly einddatum: string; readonly reden: string } | undefined;
  readonly instrumenten: readonly { readonly invoer: { readonly soort: string; readonly startdatum: string; readonly einddatum?: string | undefined } }[];
}

export interface SrgVoorziening {
  readonly dossierkenmerk: string;
  readonly plaatsingId: string;
  readonly typeVoorziening: '03' | '04' | '05' | '06';
  readonly omschrijving: string;
  readonly begindatum: string;
  readonly einddatum?: string;
  readonly redenEinde?: string;
  readonly oordeel?: string;
}

const OMSCHRIJVING = { '03': 'Participatieplaats', '04': 'Loonkostensubsidie', '05': 'Beschut werk', '06': 'Begeleiding/jobcoach' } as const;
const vroegste = (a: string | undefined, b: string | undefined) => (a && b ? (a < b ? a : b) : (a ?? b));

export const srgVoorzieningen = (
  plaatsingen: readonly SrgPlaatsing[],
  dossiers: ReadonlyMap<string, string>,
  soortWerkplek: ReadonlyMap<string, string | undefined>,
): SrgVoorziening[] => {
  const uit: SrgVoorziening[] = [];
  for (const p of plaatsingen) {
    const dossier = dossiers.get(p.verwijzingId);
    // An erased referral has no dossier reference left: nothing to key a line by, so no line.
    if (!p.contract || !dossier) continue;
    const eind = p.beeindiging?.einddatum;
    const reden = p.beeindiging ? { redenEinde: p.beeindiging.reden } : {};
    const regel = (typeVoorziening: SrgVoorziening['typeVoorziening'], begindatum: string, einddatum: string | undefined, oordeel?: string): SrgVoorziening => ({
      dossierkenmerk: dossier,
      plaatsingId: p.id,
      typeVoorziening,
      omschrijving: OMSCHRIJVING[typeVoorziening],
      begindatum,
      ...(einddatum ? { einddatum } : {}),
      ...(einddatum && einddatum === eind ? reden : {}),
      ...(oordeel ? { oordeel } : {}),
    });
    const soort = soortWerkplek.get(p.id);
    if (soort === 'beschutWerk') uit.push(regel('05', p.contract.startdatum, eind));
    else if (soort === 'participatieplaats' || p.contract.contractvorm === 'participatieplaats')
      uit.push(regel('03', p.contract.startdatum, eind, soort === 'participatieplaats' ? undefined : 'contractvorm participatieplaats op een ander soort werkplek: als participatieplaats geteld'));
    for (const i of p.instrumenten) {
      const code = i.invoer.soort === 'loonkostensubsidie' ? '04' : i.invoer.soort === 'jobcoach' ? '06' : undefined;
      if (!code) continue;
      const einde = vroegste(i.invoer.einddatum, eind);
      uit.push(regel(code, i.invoer.startdatum, einde, i.invoer.einddatum && eind && eind < i.invoer.einddatum ? 'einddatum ingekort tot het einde van de plaatsing' : undefined));
    }
  }
  return uit.sort((a, b) => a.dossierkenmerk.localeCompare(b.dossierkenmerk) || a.begindatum.localeCompare(b.begindatum) || a.typeVoorziening.localeCompare(b.typeVoorziening));
};

export const srgNaarCsvRijen = (v: readonly SrgVoorziening[]): (string | undefined)[][] => [
  ['dossierkenmerk', 'plaatsingId', 'typeVoorziening', 'omschrijving', 'begindatum', 'einddatum', 'redenEinde', 'oordeel'],
  ...v.map((r) => [r.dossierkenmerk, r.plaatsingId, r.typeVoorziening, r.omschrijving, r.begindatum, r.einddatum, r.redenEinde, r.oordeel]),
];
