import type { LocalRuntime } from '../../infra/local/runtime';
import { naTermijn, plusDagen } from '../../shared/domain/nazorg';
import type { Plaatsing } from '../../shared/schemas/plaatsingen';
import { contract } from '../domain/plaatsingen-fixtures';
import { apiClient, ok, type Kop } from './http';
import { authorization } from './runtime';

/**
 * The people around one started placement, made through the API as its callers make them: a gemeente that
 * referred the candidate, the member that offers the place, a jobcoach organisation assigned to it. The
 * portal's tests start from here: the sweep then mails the invitations whose links they open.
 */
export interface PortaalWereld {
  readonly admin: Kop;
  readonly gemeente: { readonly code: string; readonly headers: Kop };
  readonly lid: { readonly id: string; readonly naam: string; readonly email: string; readonly headers: Kop };
  readonly partner: { readonly id: string; readonly email: string; readonly headers: Kop };
  readonly plaatsing: Plaatsing;
  readonly werkplekTitel: string;
}

let kvk = 10_000_000 + Math.floor(Math.random() * 80_000_000);
const uniekeCode = () => `GM${String(1000 + Math.floor(Math.random() * 8999))}`;

export const maakPortaalWereld = async (rt: LocalRuntime, opties: { startdatum: string; gemeenteInstellingen?: object }): Promise<PortaalWereld> => {
  const { call } = apiClient(() => rt);
  const admin = await authorization(rt, 'coopAdmin');
  const code = uniekeCode();
  ok(
    await call('POST', '/v1/gemeenten', {
      headers: admin,
      body: {
        code,
        naam: 'Zaanstad',
        arbeidsmarktregio: 'Zaanstreek/Waterland',
        contactpersoon: { naam: 'Noor Bakker', email: 'participatie@zaanstad.nl' },
        ...(opties.gemeenteInstellingen ? { instellingen: opties.gemeenteInstellingen } : {}),
      },
    }),
    201,
  );
  const gemeente = { code, headers: await authorization(rt, 'gemeente', code) };
  const email = `sanne.${kvk}@hethout.nl`;
  const aangevraagd = ok(
    await call('POST', '/v1/leden', {
      body: {
        kvkNummer: String(++kvk),
        naam: 'Hoveniersbedrijf Het Hout',
        sectoren: ['groen'],
        werksoorten: ['groen'],
        contactpersoon: { naam: 'Sanne de Vries', email },
        toezeggingen: { reguliereBanen: 1, participatieplaatsen: 2, beschutWerkplekken: 0, banenafspraakBanen: 1 },
      },
    }),
    201,
  );
  ok(await call('POST', `/v1/leden/${aangevraagd.id}/goedkeuring`, { headers: admin }));
  const lid = { id: aangevraagd.id as string, naam: 'Hoveniersbedrijf Het Hout', email, headers: await authorization(rt, 'werkgever', aangevraagd.id) };
  const partnerEmail = `lotte.${kvk}@jobcoachzaan.nl`;
  const p = ok(
    await call('POST', '/v1/regiopartners', {
      headers: admin,
      body: {
        naam: 'Jobcoach Zaan',
        kvkNummer: String(++kvk),
        soort: 'jobcoachOrganisatie',
        arbeidsmarktregios: ['Zaanstreek/Waterland'],
        contactpersoon: { naam: 'Lotte Visser', email: partnerEmail },
      },
    }),
    201,
  );
  const partner = { id: p.id as string, email: partnerEmail, headers: await authorization(rt, 'regiopartner', p.id) };
  const werkplekTitel = 'Medewerker groenonderhoud';
  const werkplek = ok(
    await call('POST', '/v1/werkplekken', {
      headers: lid.headers,
      body: {
        titel: werkplekTitel,
        soort: 'participatieplaats',
        werksoort: 'groen',
        uren: { minimum: 16, maximum: 32 },
        locatie: { postcodegebied: '1502', gemeente: code },
        aantalPlaatsen: 2,
        eisen: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', taalniveau: 'A2', rijbewijs: false },
        werkaanpassingen: ['vasteStructuur'],
        begeleiding: { eigenJobcoach: false, buddy: true },
        teltVoorBanenafspraak: true,
      },
    }),
    201,
  );
  const v = ok(
    await call('POST', '/v1/verwijzingen', {
      headers: gemeente.headers,
      body: {
        dossierkenmerk: `PW-2026-${Math.floor(Math.random() * 99999)}`,
        doelgroep: 'participatiewet',
        kandidaat: { naam: 'Jan de Boer', email: 'jan@example.nl' },
        mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', zelfstandigheid: 'deelsZelfstandig', taalniveau: 'B1', rijbewijs: false },
        werkaanpassingen: ['vasteStructuur'],
        uren: { minimum: 16, maximum: 24 },
        mobiliteit: { reisafstandKm: 10, vervoer: ['fiets', 'ov'] },
        postcodegebied: '1502',
        werksoortVoorkeuren: ['groen'],
        beschikbaarVanaf: '2026-01-01',
        toestemmingProfielDelen: true,
      },
    }),
    201,
  );
  ok(await call('POST', `/v1/verwijzingen/${v.id}/intake`, { headers: admin }));
  ok(await call('POST', `/v1/verwijzingen/${v.id}/bemiddelbaarverklaring`, { headers: admin }));
  const voorgesteld: Plaatsing = ok(await call('POST', '/v1/plaatsingen', { headers: admin, body: { verwijzingId: v.id, werkplekId: werkplek.id } }), 201);
  const pad = `/v1/plaatsingen/${voorgesteld.id}`;
  ok(await call('POST', `${pad}/kennismaking`, { headers: lid.headers, body: { datum: plusDagen(opties.startdatum, -7) } }));
  ok(await call('POST', `${pad}/start`, { headers: lid.headers, body: contract({ startdatum: opties.startdatum, einddatum: naTermijn(opties.startdatum, 'P18M') }) }));
  const plaatsing: Plaatsing = ok(await call('POST', `${pad}/jobcoach`, { headers: admin, body: { partnerId: partner.id } }));
  return { admin, gemeente, lid, partner, plaatsing, werkplekTitel };
};

/** The personal links (path and token) in the mails to `email` so far, oldest first. */
export const linksInMails = (rt: LocalRuntime, email: string): string[] =>
  rt.mail
    .list()
    .filter((m) => JSON.stringify(m.mail).includes(email))
    .flatMap((m) => [...JSON.stringify(m.mail).matchAll(/\/portaal\/nazorg\/[A-Za-z0-9_-]{43}/g)].map((x) => x[0]));
