/**
 * The inventory of personal data in the table: every entity (`entiteit`) the system writes, which of its
 * fields are personal data, and what an erasure of a candidate (AVG art. 17, and the retention term) does
 * with it. One place, read by the erasure (shared/use-cases/privacy.ts) and checked by the tests: an entity
 * that appears in the table or in the code without a line here fails test/privacy/inventaris.test.ts, so a
 * new kind of item cannot escape the export and the erasure unnoticed.
 *
 * The line drawn: what identifies or describes the person goes (name, contact, the gemeente's dossier
 * reference, the functional profile, free text, notes, goals, consents, reasons written by people); what the
 * figures rest on stays, as anonymous facts (dates, phases and statuses, gemeente and region, doelgroep,
 * contract hours and form, instruments, answers' numbers and categories, durability, counters). Ids stay:
 * they are random (ULIDs) and, once the referral's personal data is gone, lead to no one in this system.
 *
 * Behandelingen:
 *   verwijderen   the item goes (it is personal through and through, or only exists for the person);
 *   anonimiseren  the listed fields go, the rest stays;
 *   bewaren       the item stays as it is: it holds no personal data of the candidate;
 *   (a referral itself is replaced by an AnoniemeVerwijzing in the erasure's last step.)
 * `over`: whose data the entity holds — a candidate's (and found by the export and erasure), or not.
 */
export type Behandeling = 'verwijderen' | 'anonimiseren' | 'bewaren';

export interface InventarisRegel {
  readonly over: 'kandidaat' | 'geenKandidaat';
  /** The fields that are personal data of the candidate; `a.b` is nested, `a[].b` in every element. */
  readonly persoonsgegevens: readonly string[];
  readonly behandeling: Behandeling;
  readonly waarom: string;
}

const geenKandidaat = (waarom: string): InventarisRegel => ({ over: 'geenKandidaat', persoonsgegevens: [], behandeling: 'bewaren', waarom });

export const INVENTARIS: Readonly<Record<string, InventarisRegel>> = {
  // The referral's partition (VERWIJZING#<id>).
  Verwijzing: {
    over: 'kandidaat',
    persoonsgegevens: [
      'kandidaat',
      'dossierkenmerk',
      'mogelijkheden',
      'werkaanpassingen',
      'uren',
      'mobiliteit',
      'postcodegebied',
      'werksoortVoorkeuren',
      'beschikbaarVanaf',
      'statusReden',
      'toestemmingWerkgevers',
      'toestemmingProfielDelen',
    ],
    behandeling: 'verwijderen',
    waarom: 'De persoon zelf. Vervangen door een AnoniemeVerwijzing met gemeente, regio, doelgroep, status, aantal plaatsingen en data.',
  },
  VerwijzingGebeurtenis: {
    over: 'kandidaat',
    persoonsgegevens: ['reden', 'lidId'],
    behandeling: 'anonimiseren',
    waarom: 'De vrije reden en met welk lid de kandidaat wilde kennismaken gaan; de overgangen, wie en wanneer blijven.',
  },
  Zoekprofiel: { over: 'kandidaat', persoonsgegevens: ['profiel', 'mobiliteit', 'toestemmingWerkgevers'], behandeling: 'verwijderen', waarom: 'Het profiel in de matching.' },
  VerwijzingPlaatsing: { over: 'kandidaat', persoonsgegevens: [], behandeling: 'verwijderen', waarom: 'Het slot van een lopende plaatsing; bestaat alleen zolang die loopt.' },
  Bewaartermijn: { over: 'kandidaat', persoonsgegevens: [], behandeling: 'verwijderen', waarom: 'De vervaldatum in de index van de bewaartermijn: na het wissen niets meer te doen.' },
  Verwijderverzoek: { over: 'kandidaat', persoonsgegevens: [], behandeling: 'bewaren', waarom: 'Het verantwoordingsstuk van het wissen zelf; zonder persoonsgegevens.' },
  AnoniemeVerwijzing: { over: 'kandidaat', persoonsgegevens: [], behandeling: 'bewaren', waarom: 'Wat voor de cijfers overblijft; zonder persoonsgegevens.' },

  // The placements' partitions (PLAATSING#<id>), found through gsi4 BETREFT#VERWIJZING#<id>.
  Plaatsing: {
    over: 'kandidaat',
    persoonsgegevens: ['beeindiging.toelichting', 'annuleringsreden', 'afwijzingsreden', 'risico'],
    behandeling: 'anonimiseren',
    waarom: 'Vrije tekst en het actuele risicosignaal gaan; fase, data, gemeente, lid, werkplek, contract, instrumenten en duurzaamheid blijven voor de cijfers.',
  },
  PlaatsingGebeurtenis: { over: 'kandidaat', persoonsgegevens: ['reden'], behandeling: 'anonimiseren', waarom: 'De vrije reden gaat; de overgangen blijven.' },
  Ontwikkeldoel: { over: 'kandidaat', persoonsgegevens: ['omschrijving'], behandeling: 'verwijderen', waarom: 'Het ontwikkelplan beschrijft de persoon.' },
  Begeleidingsnotitie: { over: 'kandidaat', persoonsgegevens: ['tekst'], behandeling: 'verwijderen', waarom: 'Notities van de jobcoach over de persoon.' },
  Nazorgmoment: {
    over: 'kandidaat',
    persoonsgegevens: ['antwoorden[].notitie'],
    behandeling: 'anonimiseren',
    waarom: 'De vrije notitie gaat; de antwoorden in getallen en categorieën en de duurzaamheid blijven.',
  },
  NazorgmomentVerwijzer: { over: 'kandidaat', persoonsgegevens: [], behandeling: 'bewaren', waarom: 'Alleen ids, een datum en de gemeente.' },
  // Outside the partitions, found through gsi4 BETREFT#PLAATSING#<id> and BETREFT#NAZORGMOMENT#<id>.
  Escalatie: { over: 'kandidaat', persoonsgegevens: ['afhandeling'], behandeling: 'anonimiseren', waarom: 'De vrije tekst van de afhandeling gaat; aanleiding, uitkomst en de regels die haar gaven blijven.' },
  Notificatie: {
    over: 'kandidaat',
    persoonsgegevens: ['tekst', 'aan'],
    behandeling: 'verwijderen',
    waarom: 'Een bericht over de plaatsing aan werkgever, jobcoach of gemeente; het is verstuurd of verloopt.',
  },
  // The processing log (VERWERKING#<pseudoniem>): the account of the processing must outlive the data.
  Verwerking: { over: 'kandidaat', persoonsgegevens: [], behandeling: 'bewaren', waarom: 'Gepseudonimiseerd (HMAC); nodig om de verwerking te verantwoorden (AVG art. 5 lid 2).' },

  // Entities that hold no candidate's data (contact persons of organisations, places, settings, machinery).
  Lid: geenKandidaat('Een werkgever met zijn contactpersoon.'),
  LidGebeurtenis: geenKandidaat('De geschiedenis van een lid.'),
  KvkRegistratie: geenKandidaat('De uniciteit van een KvK-nummer.'),
  Gemeente: geenKandidaat('Een gemeente met haar contactpersoon en instellingen.'),
  GemeenteGebeurtenis: geenKandidaat('De geschiedenis van een gemeente.'),
  Regiopartner: geenKandidaat('Een partnerorganisatie met haar contactpersoon.'),
  RegiopartnerGebeurtenis: geenKandidaat('De geschiedenis van een regiopartner.'),
  PartnerGebruiker: geenKandidaat('Een medewerker van een regiopartner met een account (naam, e-mailadres).'),
  LidGebruiker: geenKandidaat('De contactpersoon van een goedgekeurd lid met een account (naam, e-mailadres).'),
  CoordinatorGebruiker: geenKandidaat('Een coördinator met een account (naam, e-mailadres).'),
  RegiopartnerAanmelding: geenKandidaat('De aanmelding van een partnerorganisatie.'),
  AanmeldingGebeurtenis: geenKandidaat('De geschiedenis van een aanmelding.'),
  AanmeldingKvk: geenKandidaat('Eén open aanmelding per KvK-nummer.'),
  Aanmeldingsbevestiging: geenKandidaat('De eenmalige bevestigingslink (gehasht).'),
  Inlogpoging: geenKandidaat('Een inlogpoging die loopt: PKCE-verifier, nonce en de pagina om naar terug te gaan; geen persoonsgegevens; vervalt na 10 minuten.'),
  Sessie: geenKandidaat('De sessie van een ingelogde medewerker in het portaal: rol, tenant en naam; vervalt na 8 uur.'),
  AccountSessie: geenKandidaat('Welke sessie bij welk account hoort (de hash van het adres en van de sessie), zodat intrekken de sessies beëindigt; vervalt na 8 uur.'),
  NazorgLink: geenKandidaat('Een persoonlijke link om een nazorgmoment te beantwoorden (gehasht): alleen ids van moment, plaatsing en ontvanger; vervalt vanzelf.'),
  Aanvraagteller: geenKandidaat('De snelheidsbegrenzing van de openbare routes (gehasht adres).'),
  Werkplek: geenKandidaat('Een plek van een lid; de bezetting is een aantal.'),
  WerkplekGebeurtenis: geenKandidaat('De geschiedenis van een werkplek.'),
  MachineClient: geenKandidaat('De rol en tenant van een systeemclient.'),
  Accountopdracht: geenKandidaat('Een opdracht aan de accountsconsument: alleen sleutels (de hash van een adres).'),
  Regioteller: geenKandidaat('De regiocijfers als aantallen per arbeidsmarktregio.'),
  Regiobijdrage: geenKandidaat('Wat één plaatsing of werkplek bijdraagt aan een regioteller: een regio en aantallen.'),
  // The outcome figures (issue 12): anonymous by construction, so an erasure keeps them and the figures stand.
  Uitkomst: geenKandidaat('De anonieme uitkomst van een plaatsing: ids van plaatsing, lid en partner, gemeentecode, regio, data, codes en antwoorden in categorieën; geen persoon.'),
  Uitkomstkopie: geenKandidaat('Dezelfde anonieme uitkomst in de verzameling van een gemeente, regio, lid of het land, voor de rapportage.'),
  Aansluitingbron: geenKandidaat('Wat één verwijzing of werkplek bijdraagt aan vraag en aanbod: een regio, werksoorten en een datum.'),
  Aansluiting: geenKandidaat('Een wachtende kandidaat of een werkplek met vrije plaatsen in vraag en aanbod van een regio: codes en een datum, geen persoon.'),
  PartnerMachineClient: geenKandidaat('Welke systeemclient de huidige van een regiopartner is.'),
  JobCheckpoint: geenKandidaat('Waar een geplande taak gebleven is.'),
  UitgaandeGebeurtenis: geenKandidaat('Een gebeurtenis voor andere systemen (issue #14): alleen ids, een URL en codes (fase, status, reden uit een vaste lijst); vervalt na 30 dagen.'),
  Abonnement: geenKandidaat('Een webhookabonnement van een organisatie: callback-URL, contactadres van haar functioneel beheer, verzegelde geheimen.'),
  Bezorgstand: geenKandidaat('Wanneer de afleveringen van een abonnement laatst slaagden of sinds wanneer zij mislukken.'),
  Verificatieopdracht: geenKandidaat('De opdracht een nieuwe callback te verifiëren: alleen ids; vervalt na 14 dagen.'),
  Aflevering: geenKandidaat('De aflevering van één gebeurtenis aan één abonnement: ids, status, pogingen.'),
  Afleverpoging: geenKandidaat('Eén poging: tijd, HTTP-status, duur; vervalt na 30 dagen.'),
  Herbezorgopdracht: geenKandidaat('De opdracht één aflevering opnieuw te proberen: alleen ids; vervalt na 14 dagen.'),
  Herhaalopdracht: geenKandidaat('De opdracht de gebeurtenissen van een periode opnieuw af te leveren: ids en twee tijdstippen; vervalt na 14 dagen.'),
  Feedregel: geenKandidaat('De kopie van een gebeurtenis in de feed van een jobcoachorganisatie: dezelfde ids en codes; vervalt na 30 dagen.'),
};

export const regelVan = (entiteit: string): InventarisRegel | undefined => INVENTARIS[entiteit];

/** Removes one field path (`a`, `a.b`, `a[].b`) from a copy of `waarde`. */
const zonder = (waarde: unknown, pad: readonly string[]): unknown => {
  if (pad.length === 0 || waarde === null || typeof waarde !== 'object') return waarde;
  const [kop, ...rest] = pad;
  const lijst = kop!.endsWith('[]');
  const naam = lijst ? kop!.slice(0, -2) : kop!;
  const obj = waarde as Record<string, unknown>;
  if (!(naam in obj)) return waarde;
  const { [naam]: veld, ...overig } = obj;
  if (rest.length === 0 && !lijst) return overig;
  const nieuw = lijst && Array.isArray(veld) ? veld.map((e) => zonder(e, rest)) : zonder(veld, rest);
  return { ...overig, [naam]: nieuw };
};

/** The item without the candidate's personal fields its entity lists; an anonymised item stays as it is. */
export const anonimiseer = (item: Record<string, unknown>): Record<string, unknown> => {
  const regel = regelVan(String(item.entiteit));
  if (!regel) throw new Error(`werkcoop: entiteit ${String(item.entiteit)} staat niet in de inventaris van persoonsgegevens`);
  return regel.persoonsgegevens.reduce<Record<string, unknown>>((uit, pad) => zonder(uit, pad.split('.')) as Record<string, unknown>, item);
};
