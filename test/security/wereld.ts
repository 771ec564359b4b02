import { randomBytes, randomInt } from 'node:crypto';
import { gedeeldeOntvanger } from '../support/ontvanger';
import type { LocalRuntime } from '../../infra/local/runtime';
import { naTermijn } from '../../shared/domain/nazorg';
import type { Gemeente } from '../../shared/schemas/gemeenten';
import type { Lid } from '../../shared/schemas/leden';
import type { Escalatie, Nazorgmoment } from '../../shared/schemas/nazorg';
import type { Plaatsing } from '../../shared/schemas/plaatsingen';
import type { PartnerGebruiker, Regiopartner, RegiopartnerAanmelding } from '../../shared/schemas/regiopartners';
import type { Verwijzing } from '../../shared/schemas/verwijzingen';
import type { Werkplek } from '../../shared/schemas/werkplekken';
import { contract } from '../domain/plaatsingen-fixtures';
import { ok as gelukt, type ApiClient, type Kop } from '../support/http';
import { authorization } from '../support/runtime';
import { scenario } from '../support/scenario';

/**
 * One tenant's world, seeded through the API the way its callers build it: a gemeente, an active member
 * with a place, the gemeente's placeable referral (with the candidate's consent to meet that member), a
 * second referral placed at that place and started (so it has follow-up moments), the jobcoach
 * organisation assigned to that placement, a development goal and a coaching note. World A and world B
 * share nothing, so any value of B in an answer to one of A's callers is a leak.
 */
export interface Wereld {
  readonly naam: 'A' | 'B';
  readonly gemeente: Gemeente;
  readonly lid: Lid;
  readonly partner: Regiopartner;
  /** The invitation of the partner's contact (every new partner has one). */
  readonly gebruiker: PartnerGebruiker;
  /** An organisation's application to become a regiopartner, through the public sign-up (not yet confirmed). */
  readonly aanmelding: RegiopartnerAanmelding;
  readonly werkplek: Werkplek;
  /** Placeable, with consent for this world's member: the referral the matrix calls routes on. */
  readonly verwijzing: Verwijzing;
  /** The referral behind the placement. */
  readonly geplaatst: Verwijzing;
  readonly plaatsing: Plaatsing;
  readonly doelId: string;
  readonly nazorgmoment: Nazorgmoment;
  /** The open escalation a high-risk answer on the placement's P4W moment raised. */
  readonly escalatie: Escalatie;
  /** The placement's start as an event for other systems (issue #14): seen by the world's gemeente, member and partner. */
  readonly gebeurtenis: { readonly id: string };
  /** The gemeente's webhook subscription (issue #14). */
  readonly abonnement: { readonly id: string; readonly pad: string };
  /** Bearer headers of this world's tenants. */
  readonly koppen: { readonly gemeente: Kop; readonly werkgever: Kop; readonly regiopartner: Kop };
  /**
   * Values that identify this world's objects and people, each with what it is: ids, KvK numbers, names,
   * e-mail addresses, the free texts. Unique per run, so they cannot occur by chance in another world.
   */
  readonly merktekens: ReadonlyMap<string, string>;
}

const WERELDEN = {
  A: { code: 'GM0363', plaats: 'Amsterdam', regio: 'Groot Amsterdam', postcode: '1102' },
  B: { code: 'GM0599', plaats: 'Rotterdam', regio: 'Rijnmond', postcode: '3011' },
} as const;

/** 8 digits, not 00000000; random so reruns and the two worlds never share a KvK number. */
const kvkNummer = () => String(randomInt(10_000_000, 99_999_999));
const maandenGeleden = (n: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};

export const zaaiWereld = async (api: ApiClient, runtime: () => LocalRuntime, naam: 'A' | 'B', admin: Kop): Promise<Wereld> => {
  const { call } = api;
  const gegeven = scenario(api, runtime);
  const w = WERELDEN[naam];
  // Letters only around the random part: no nine digits that could read as a BSN in a free text.
  const merk = `Wereld${naam}x${randomBytes(5).toString('hex')}`;

  const gemeente = await gegeven.gemeente(admin, {
    code: w.code,
    naam: `${w.plaats} ${merk}`,
    arbeidsmarktregio: w.regio,
    contactpersoon: { naam: `Werkgeversservicepunt ${merk}`, email: `wsp-${merk.toLowerCase()}@gemeente.example.nl` },
  });
  const gemeenteKop = await authorization(runtime(), 'gemeente', w.code);

  const { lid, headers: werkgeverKop } = await gegeven.actiefLid(admin, {
    kvkNummer: kvkNummer(),
    naam: `Hoveniersbedrijf ${merk}`,
    sectoren: ['groen'],
    werksoorten: ['groen'],
    contactpersoon: { naam: `Sanne ${merk}`, email: `hr-${merk.toLowerCase()}@lid.example.nl` },
    toezeggingen: { reguliereBanen: 1, participatieplaatsen: 2, beschutWerkplekken: 0, banenafspraakBanen: 1 },
  });

  const partner: Regiopartner = gelukt(
    await call('POST', '/v1/regiopartners', {
      headers: admin,
      body: {
        naam: `Jobcoach ${merk}`,
        kvkNummer: kvkNummer(),
        soort: 'jobcoachOrganisatie',
        arbeidsmarktregios: [w.regio],
        contactpersoon: { naam: `Lotte ${merk}`, email: `coach-${merk.toLowerCase()}@partner.example.nl` },
      },
    }),
    201,
  );
  const partnerKop = await authorization(runtime(), 'regiopartner', partner.id);
  const [gebruiker] = gelukt(await call('GET', `/v1/regiopartners/${partner.id}/gebruikers`, { headers: admin })).gebruikers as PartnerGebruiker[];

  const aanmeldingInvoer = {
    naam: `Aanmelder ${merk}`,
    kvkNummer: kvkNummer(),
    soort: 'swBedrijf',
    arbeidsmarktregios: [w.regio],
    contactpersoon: { naam: `Kees ${merk}`, email: `aanmelder-${merk.toLowerCase()}@aanmelding.example.nl` },
  };
  gelukt(await call('POST', '/v1/regiopartner-aanmeldingen', { body: aanmeldingInvoer }), 202);
  // The public answer names no id (it must not tell whether the organisation applied before): a coordinator finds it.
  const aanmeldingen = gelukt(await call('GET', '/v1/regiopartner-aanmeldingen?pageSize=100', { headers: admin })).aanmeldingen as RegiopartnerAanmelding[];
  const aanmelding = aanmeldingen.find((a) => a.kvkNummer === aanmeldingInvoer.kvkNummer);
  if (!aanmelding) throw new Error(`wereld ${naam}: de aanmelding staat niet in de lijst van de coördinator`);

  const werkplek = await gegeven.werkplek(werkgeverKop, {
    titel: `Medewerker groen ${merk}`,
    soort: 'participatieplaats',
    werksoort: 'groen',
    uren: { minimum: 16, maximum: 32 },
    locatie: { postcodegebied: w.postcode, gemeente: w.code },
    // One place stays open after the placement starts: the member's candidate list stays available.
    aantalPlaatsen: 3,
    eisen: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', taalniveau: 'A2', rijbewijs: false },
    werkaanpassingen: ['vasteStructuur'],
    begeleiding: { eigenJobcoach: false, buddy: true },
    teltVoorBanenafspraak: true,
  });

  const verwijzingInvoer = (wie: string) => ({
    dossierkenmerk: `PW-${merk}-${wie}`,
    doelgroep: 'participatiewet',
    kandidaat: { naam: `Kandidaat ${wie} ${merk}`, email: `kandidaat-${wie}-${merk.toLowerCase()}@mail.example.nl` },
    mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', zelfstandigheid: 'deelsZelfstandig', taalniveau: 'B1', rijbewijs: false },
    werkaanpassingen: ['vasteStructuur'],
    uren: { minimum: 16, maximum: 24 },
    mobiliteit: { reisafstandKm: 10, vervoer: ['fiets', 'ov'] },
    postcodegebied: w.postcode,
    werksoortVoorkeuren: ['groen'],
    beschikbaarVanaf: '2026-01-01',
    toestemmingProfielDelen: true,
  });
  const geplaatst = await gegeven.bemiddelbaar(admin, gemeenteKop, verwijzingInvoer('een'));
  const bemiddelbaar = await gegeven.bemiddelbaar(admin, gemeenteKop, verwijzingInvoer('twee'));
  const verwijzing: Verwijzing = gelukt(
    await call('POST', `/v1/verwijzingen/${bemiddelbaar.id}/toestemmingen`, { headers: gemeenteKop, body: { lidId: lid.id } }),
  );

  // The gemeente's subscription to everything it may see, active before the placement moves (issue #14):
  // the matrix checks that its receiver never hears of another world's objects.
  const abonnement = gelukt(
    await call('POST', '/v1/abonnementen', {
      headers: gemeenteKop,
      body: {
        types: ['nl.werkcoop.verwijzingen.status-gewijzigd', 'nl.werkcoop.plaatsingen.voorgesteld', 'nl.werkcoop.plaatsingen.fase-gewijzigd', 'nl.werkcoop.plaatsingen.gestart', 'nl.werkcoop.nazorgmomenten.beantwoord'],
        callbackUrl: (await gedeeldeOntvanger()).url(`/${merk}/webhooks`),
        contactEmail: `beheer-${merk}@example.nl`,
        authorization: `Bearer token-${merk}`,
      },
    }),
    201,
  );
  await runtime().settle();
  if (gelukt(await call('GET', `/v1/abonnementen/${abonnement.id}`, { headers: gemeenteKop })).status !== 'actief') throw new Error(`wereld ${naam}: het abonnement werd niet actief`);
  const voorgesteld: Plaatsing = gelukt(
    await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: geplaatst.id, werkplekId: werkplek.id } }),
    201,
  );
  const pad = `/v1/plaatsingen/${voorgesteld.id}`;
  gelukt(await call('POST', `${pad}/jobcoach`, { headers: admin, body: { partnerId: partner.id } }));
  // Started seven months ago: its follow-up moments exist, the first ones already due.
  const start = maandenGeleden(7);
  gelukt(await call('POST', `${pad}/kennismaking`, { headers: werkgeverKop, body: { datum: start } }));
  const plaatsing: Plaatsing = gelukt(
    await call('POST', `${pad}/start`, { headers: werkgeverKop, body: contract({ startdatum: start, einddatum: naTermijn(start, 'P18M') }) }),
  );
  const doel = gelukt(
    await call('POST', `${pad}/ontwikkeldoelen`, { headers: werkgeverKop, body: { omschrijving: `Zelfstandig reizen ${merk}`, streefdatum: naTermijn(start, 'P12M') } }),
    201,
  );
  const notitie = gelukt(
    await call('POST', `${pad}/begeleidingsnotities`, { headers: partnerKop, body: { soort: 'begeleiding', datum: start, tekst: `Notitie ${merk}` } }),
    201,
  );
  const [nazorgmoment] = gelukt(await call('GET', `${pad}/nazorgmomenten`, { headers: admin })).nazorgmomenten as Nazorgmoment[];
  if (!nazorgmoment) throw new Error(`wereld ${naam}: de gestarte plaatsing heeft geen nazorgmomenten`);
  const momenten = gelukt(await call('GET', `${pad}/nazorgmomenten`, { headers: admin })).nazorgmomenten as Nazorgmoment[];
  const p4w = momenten.find((m) => m.termijn === 'P4W');
  if (!p4w) throw new Error(`wereld ${naam}: geen P4W-moment`);
  gelukt(
    await call('POST', `/v1/nazorgmomenten/${p4w.id}/antwoorden`, {
      headers: werkgeverKop,
      body: { nogInDienst: true, gewerkteUrenPerWeek: 24, verzuimdagenInPeriode: 0, hoeGaatHet: 1, ondersteuningNodig: false, risicos: [] },
    }),
  );
  const escalaties = gelukt(await call('GET', '/v1/escalaties?status=open&pageSize=100', { headers: admin })).escalaties as Escalatie[];
  const escalatie = escalaties.find((e) => e.plaatsingId === plaatsing.id);
  if (!escalatie) throw new Error(`wereld ${naam}: het hoge risico gaf geen escalatie`);
  // The start, after the jobcoach's assignment: an event the world's gemeente, member and partner all see (issue #14).
  const feed = gelukt(await call('GET', '/v1/gebeurtenissen?pageSize=100', { headers: partnerKop })).gebeurtenissen as { id: string; type: string; subject: string }[];
  const gebeurtenis = feed.find((g) => g.type === 'nl.werkcoop.plaatsingen.gestart' && g.subject === plaatsing.id);
  if (!gebeurtenis) throw new Error(`wereld ${naam}: de start gaf geen gebeurtenis in de feed van de jobcoachorganisatie`);

  const merktekens = new Map<string, string>([
    [gemeente.code, 'gemeentecode'],
    [gemeente.naam, 'gemeentenaam'],
    [gemeente.contactpersoon.email, 'e-mail contactpersoon gemeente'],
    [lid.id, 'lid-id'],
    [lid.kvkNummer, 'KvK-nummer lid'],
    [lid.naam, 'naam lid'],
    [lid.contactpersoon.naam, 'naam contactpersoon lid'],
    [lid.contactpersoon.email, 'e-mail contactpersoon lid'],
    [partner.id, 'regiopartner-id'],
    [partner.kvkNummer, 'KvK-nummer regiopartner'],
    [partner.naam, 'naam regiopartner'],
    [partner.contactpersoon.email, 'e-mail contactpersoon regiopartner'],
    [aanmelding.id, 'aanmelding-id'],
    [aanmelding.naam, 'naam aanmelder'],
    [aanmelding.kvkNummer, 'KvK-nummer aanmelder'],
    [aanmelding.contactpersoon.email, 'e-mail contactpersoon aanmelder'],
    [werkplek.id, 'werkplek-id'],
    [werkplek.titel, 'titel werkplek'],
    ...[geplaatst, verwijzing].flatMap((v): [string, string][] => [
      [v.id, 'verwijzing-id'],
      [v.dossierkenmerk, 'dossierkenmerk'],
      [v.kandidaat.naam, 'naam kandidaat'],
      [v.kandidaat.email!, 'e-mail kandidaat'],
    ]),
    [plaatsing.id, 'plaatsing-id'],
    [doel.id, 'ontwikkeldoel-id'],
    [doel.omschrijving, 'omschrijving ontwikkeldoel'],
    [notitie.id, 'notitie-id'],
    [notitie.tekst, 'tekst begeleidingsnotitie'],
    [nazorgmoment.id, 'nazorgmoment-id'],
    [p4w.id, 'nazorgmoment-id'],
    [escalatie.id, 'escalatie-id'],
    [gebeurtenis.id, 'gebeurtenis-id'],
    [abonnement.id, 'abonnement-id'],
    [abonnement.geheim, 'geheim abonnement'],
    [`Bearer token-${merk}`, 'Authorization-waarde abonnement'],
    [`beheer-${merk}@example.nl`, 'contactadres abonnement'],
    [gebruiker!.id, 'id uitnodiging medewerker regiopartner'],
  ]);

  return {
    naam,
    gemeente,
    lid,
    partner,
    gebruiker: gebruiker!,
    aanmelding,
    werkplek,
    verwijzing,
    geplaatst,
    plaatsing,
    doelId: doel.id,
    nazorgmoment,
    escalatie,
    gebeurtenis: { id: gebeurtenis.id },
    abonnement: { id: abonnement.id, pad: `/${merk}/webhooks` },
    koppen: { gemeente: gemeenteKop, werkgever: werkgeverKop, regiopartner: partnerKop },
    merktekens,
  };
};
