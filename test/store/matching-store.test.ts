import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/rollen';
import { aanvragen, voerUit as lidVoerUit, type Omgeving } from '../../shared/domain/leden';
import { indienen, toestemmingGeven, voerUit, wijzigen as verwijzingWijzigen } from '../../shared/domain/verwijzingen';
import { aanbieden, bezettingWijzigen, wijzigen } from '../../shared/domain/werkplekken';
import type { Gemeente } from '../../shared/schemas/gemeenten';
import type { Verwijzing, VerwijzingInvoer } from '../../shared/schemas/verwijzingen';
import type { WerkplekInvoer } from '../../shared/schemas/werkplekken';
import { dynamoLedenStore } from '../../shared/store/leden-store';
import { dynamoMatchingStore } from '../../shared/store/matching-store';
import { dynamoVerwijzingenStore } from '../../shared/store/verwijzingen-store';
import { dynamoWerkplekkenStore } from '../../shared/store/werkplekken-store';
import { storeOmgeving } from './store-omgeving';

beforeAll(() => storeOmgeving());

const admin: Principal = { rol: 'coopAdmin', subject: 'coordinator' };
const omgeving = (): Omgeving => ({ nu: new Date().toISOString(), nieuwId: () => ulid() });
let kvk = 40_000_000 + Math.floor(Math.random() * 50_000_000);

const actiefLid = async (): Promise<string> => {
  const leden = dynamoLedenStore();
  const m = aanvragen(
    {
      kvkNummer: String(++kvk),
      naam: 'Schoonmaakbedrijf Blinkend',
      sectoren: ['schoonmaak'],
      werksoorten: ['schoonmaak'],
      contactpersoon: { naam: 'Ayla Demir', email: 'ayla@blinkend.nl' },
      toezeggingen: { reguliereBanen: 1, participatieplaatsen: 1, beschutWerkplekken: 0, banenafspraakBanen: 1 },
    },
    omgeving(),
  );
  await leden.voegToe(m);
  await leden.pasToe(lidVoerUit(m.lid, 'goedkeuren', admin, {}, omgeving()));
  return m.lid.id;
};

const werkplekInvoer = (werksoort: string, aantalPlaatsen = 1): WerkplekInvoer => ({
  titel: 'Medewerker',
  soort: 'reguliereBaan',
  werksoort,
  uren: { minimum: 16, maximum: 32 },
  locatie: { postcodegebied: '1102', gemeente: 'GM0363' },
  aantalPlaatsen,
  eisen: { fysiekeBelastbaarheid: 'laag', werktempo: 'laag', taalniveau: 'geen', rijbewijs: false },
  werkaanpassingen: [],
  begeleiding: { eigenJobcoach: false, buddy: true },
  teltVoorBanenafspraak: false,
});

const verwijzingInvoer = (werksoortVoorkeuren: string[], toestemmingProfielDelen = true): VerwijzingInvoer => ({
  dossierkenmerk: `PW-${ulid().slice(-8)}`,
  doelgroep: 'participatiewet',
  kandidaat: { naam: 'Noah Bakker', email: 'noah@example.nl' },
  mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'gemiddeld', zelfstandigheid: 'deelsZelfstandig', taalniveau: 'B1', rijbewijs: false },
  werkaanpassingen: [],
  uren: { minimum: 20, maximum: 28 },
  mobiliteit: { reisafstandKm: 10, vervoer: ['fiets'] },
  postcodegebied: '1103',
  werksoortVoorkeuren,
  beschikbaarVanaf: '2026-12-01',
  toestemmingProfielDelen,
});

describe('de matchingopslag leest alleen de schaarse sleutels', () => {
  it('vindt de open werkplekken met een vrije plaats per werksoort in de regio, en niet die vol, dicht of elders zijn', async () => {
    const regio = `Regio ${ulid()}`;
    const store = dynamoWerkplekkenStore();
    const lidId = await actiefLid();
    const aanbod = async (werksoort: string, r = regio) => {
      const m = aanbieden(lidId, werkplekInvoer(werksoort), r, admin, omgeving());
      await store.voegToe(m);
      return m.werkplek;
    };
    const groen = await aanbod('groen');
    const schoonmaak = await aanbod('schoonmaak');
    await aanbod('logistiek');
    await aanbod('groen', `Regio ${ulid()}`);
    const vol = await aanbod('groen');
    await store.pasToe(bezettingWijzigen(vol, 1, admin, omgeving()));
    const dicht = await aanbod('schoonmaak');
    await store.pasToe(wijzigen(dicht, { status: 'gesloten' }, admin, 1, omgeving()));

    const gevonden = await dynamoMatchingStore().openWerkplekken(regio, ['groen', 'schoonmaak']);
    expect(gevonden.map((w) => w.id).sort()).toEqual([groen.id, schoonmaak.id].sort());
    expect(gevonden.find((w) => w.id === groen.id)).toEqual(groen);
    expect(await dynamoMatchingStore().openWerkplekken(regio, [])).toEqual([]);
  });

  it('vindt bemiddelbare kandidaten die hun profiel delen, zonder naam, en leest de verwijzingen zelf in één batch', async () => {
    const regio = `Regio ${ulid()}`;
    const gemeente: Gemeente = {
      code: 'GM0363',
      naam: 'Amsterdam',
      arbeidsmarktregio: regio,
      contactpersoon: { naam: 'Loket', email: 'loket@amsterdam.nl' },
      instellingen: { nazorgMomenten: ['P1W'], duurzaamheidsChecks: ['P6M'], reactietermijnDagen: 14 },
      aangemaaktOp: new Date().toISOString(),
      gewijzigdOp: new Date().toISOString(),
      versie: 1,
    };
    const gemeenteMedewerker: Principal = { rol: 'gemeente', subject: 'klantmanager', gemeente: 'GM0363' };
    const verwijzingen = dynamoVerwijzingenStore();
    const lidId = await actiefLid();
    const bemiddelbaar = async (invoer: VerwijzingInvoer): Promise<Verwijzing> => {
      const m = indienen(invoer, gemeente, gemeenteMedewerker, omgeving());
      await verwijzingen.voegToe(m);
      const intake = voerUit(m.verwijzing, 'intakeStarten', admin, {}, omgeving());
      await verwijzingen.pasToe(intake);
      const klaar = voerUit(intake.verwijzing, 'bemiddelbaarVerklaren', admin, {}, omgeving());
      await verwijzingen.pasToe(klaar);
      return klaar.verwijzing;
    };
    const a = await bemiddelbaar(verwijzingInvoer(['groen', 'schoonmaak']));
    const b = await bemiddelbaar(verwijzingInvoer(['groen']));
    const zonderToestemming = await bemiddelbaar(verwijzingInvoer(['groen'], false));
    const inIntake = indienen(verwijzingInvoer(['groen']), gemeente, gemeenteMedewerker, omgeving());
    await verwijzingen.voegToe(inIntake);
    const toestemming = toestemmingGeven(a, lidId, gemeenteMedewerker, a.versie, omgeving())!;
    await verwijzingen.pasToe(toestemming);

    const matching = dynamoMatchingStore();
    const kandidaten = await matching.kandidaten(regio, 'groen');
    expect(kandidaten.map((k) => k.verwijzingId).sort()).toEqual([a.id, b.id].sort());
    for (const k of kandidaten) {
      expect(k.profiel).not.toHaveProperty('kandidaat');
      expect(JSON.stringify(k)).not.toContain('Noah Bakker');
    }
    expect(kandidaten.find((k) => k.verwijzingId === a.id)?.toestemmingWerkgevers).toEqual([lidId]);
    expect((await matching.kandidaten(regio, 'schoonmaak')).map((k) => k.verwijzingId)).toEqual([a.id]);
    expect(kandidaten.map((k) => k.verwijzingId)).not.toContain(zonderToestemming.id);

    const gelezen = await matching.verwijzingen([a.id, b.id]);
    expect(gelezen.map((v) => v.id).sort()).toEqual([a.id, b.id].sort());
    expect(gelezen.find((v) => v.id === a.id)?.kandidaat.naam).toBe('Noah Bakker');
    expect(await matching.verwijzing(a.id)).toEqual(toestemming.verwijzing);

    // Withdrawing consent to be shown removes the candidate from matching in the same transaction.
    const ingetrokken = verwijzingWijzigen(b, { toestemmingProfielDelen: false }, gemeenteMedewerker, b.versie, omgeving());
    await verwijzingen.pasToe(ingetrokken);
    expect((await matching.kandidaten(regio, 'groen')).map((k) => k.verwijzingId)).toEqual([a.id]);
  });
});
