import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import { beantwoord, momentenBijJobcoachwissel, planBijStart, plusDagen } from '../../shared/domain/nazorg';
import { gevolgen, voerUit } from '../../shared/domain/plaatsingen';
import { logger } from '../../shared/observability/logger';
import { GemeenteInstellingen } from '../../shared/schemas/gemeenten';
import type { Nazorgmoment } from '../../shared/schemas/nazorg';
import { dynamo, tabel } from '../../shared/store/dynamodb';
import { vandaagInNederland } from '../../shared/domain/kalender';
import { dynamoNazorgStore, escaleerOnbeantwoord, markeerVerstuurd } from '../../shared/store/nazorg-store';
import { dynamoPlaatsingenStore, plaatsingTransactie } from '../../shared/store/plaatsingen-store';
import { sleutels } from '../../shared/store/sleutels';
import { plaatsingenUseCases } from '../../shared/use-cases/plaatsingen';
import { admin, contract, NU, omgeving, verwijzing, werkgever, werkplek } from '../domain/plaatsingen-fixtures';
import { zaaiPartner, zaaiVerwijzing, zaaiWerkplek } from './plaatsingen-zaaien';
import { storeOmgeving } from './store-omgeving';

beforeAll(async () => {
  await storeOmgeving();
  logger.setLogLevel('WARN');
});

const nazorg = () => dynamoNazorgStore();
const instellingen: { waarde: GemeenteInstellingen } = { waarde: GemeenteInstellingen.parse({}) };
const uc = () =>
  plaatsingenUseCases({
    store: dynamoPlaatsingenStore(),
    nazorg: { instellingen: async () => instellingen.waarde, openMomenten: (id) => nazorg().openMomenten(id) },
    // Planned on the fixtures' day, before the moments fall due: each stays in the index on its own date.
    klok: () => new Date(NU),
  });
const GEMEENTE = { contactpersoon: { naam: 'Werkgeversservicepunt', email: 'wsp@amsterdam.nl' } };

/** A placement in kennismaking, its place with `plaatsen` places. */
const inKennismaking = async (plaatsen = 2) => {
  const v = await zaaiVerwijzing(verwijzing());
  const w = await zaaiWerkplek(werkplek({ aantalPlaatsen: plaatsen }));
  const pl = await uc().voorstellen(admin, { verwijzingId: v.id, werkplekId: w.id });
  await uc().wijzigen(werkgever(w.lidId), pl.id, { actie: 'kennismaking', datum: '2026-12-01' }, undefined);
  return { v, w, pl };
};
const gestart = async () => {
  const s = await inKennismaking();
  await uc().wijzigen(werkgever(s.w.lidId), s.pl.id, { actie: 'starten', contract: contract() }, undefined);
  return s;
};
const leesItem = async (key: { pk: string; sk: string }) => (await dynamo().send(new GetCommand({ TableName: tabel(), Key: key, ConsistentRead: true }))).Item;
const inIndex = async (datum: string, momentId: string) => {
  const { gsi2pk } = sleutels.nazorgVervalIndex(datum, momentId);
  const r = await dynamo().send(new QueryCommand({ TableName: tabel(), IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p AND gsi2sk = :s', ExpressionAttributeValues: { ':p': gsi2pk, ':s': momentId } }));
  return (r.Items ?? []).length === 1;
};
const escalatiesVan = async (momentId: string) => (await nazorg().escalaties('open', { pageSize: 100 })).items.filter((e) => e.nazorgmomentId === momentId);

describe('de start plant, het einde annuleert: in dezelfde transactie', () => {
  it('de start schrijft plaatsing en momenten samen; de momenten staan in de vervalindex op hun datum', async () => {
    const { pl } = await gestart();
    const { plaatsing, momenten } = await nazorg().partitie(pl.id);
    expect(plaatsing?.fase).toBe('gestart');
    expect(momenten.map((m) => m.termijn ?? m.soort)).toEqual(['P1W', 'P4W', 'P3M', 'eindeContract', 'P6M', 'P9M', 'P12M']);
    for (const m of momenten) expect(await inIndex(m.vervaldatum, m.id)).toBe(true);
    expect(await leesItem(sleutels.nazorgmomentVerwijzer(momenten[0]!.id))).toMatchObject({ plaatsingId: pl.id, vervaldatum: momenten[0]!.vervaldatum });
  });

  it('een start die niet doorgaat (geen vrije plaats meer) schrijft ook geen enkel moment', async () => {
    const { w, pl } = await inKennismaking(1);
    await zaaiWerkplek({ ...w, aantalBezet: 1, status: 'vervuld', versie: w.versie + 1 });
    await expect(uc().wijzigen(werkgever(w.lidId), pl.id, { actie: 'starten', contract: contract() }, undefined)).rejects.toMatchObject({ soort: 'ongeldigeOvergang' });
    expect((await nazorg().partitie(pl.id)).momenten).toEqual([]);
  });

  it('met de ruimste instellingen (24 + 4 termijnen) en instrumenten blijft de starttransactie ruim onder de 100 items, en slaagt', async () => {
    const { w, pl } = await inKennismaking();
    const ruim = { nazorgMomenten: Array.from({ length: 24 }, (_, i) => `P${i + 1}W`), duurzaamheidsChecks: ['P6M', 'P12M', 'P18M', 'P24M'], reactietermijnDagen: 14 };
    const env = omgeving();
    const huidig = (await dynamoPlaatsingenStore().haal(pl.id))!;
    const m = voerUit(huidig, { actie: 'starten', contract: contract({ einddatum: '2029-01-04' }) }, werkgever(w.lidId), undefined, env);
    const bij = await dynamoPlaatsingenStore().haalVerwijzingEnWerkplek({ verwijzingId: pl.verwijzingId, werkplekId: pl.werkplekId });
    const plan = planBijStart(m.plaatsing, ruim, env);
    const { items } = plaatsingTransactie(m, { ...gevolgen(m, bij, werkgever(w.lidId), env), nazorg: { nieuw: plan, annuleren: [] } });
    expect(plan).toHaveLength(29);
    expect(items.length).toBeLessThanOrEqual(70);
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
    expect((await nazorg().partitie(pl.id)).momenten).toHaveLength(29);
  });

  it('het einde annuleert gepland en verstuurd (uit de index), laat beantwoord staan en plant de exitcheck', async () => {
    const { w, pl } = await gestart();
    const [a, b] = (await nazorg().partitie(pl.id)).momenten as [Nazorgmoment, Nazorgmoment];
    await dynamo().send(new TransactWriteCommand({ TransactItems: [markeerVerstuurd(a, new Date().toISOString())] }));
    await uc().wijzigen(werkgever(w.lidId), pl.id, { actie: 'beeindigen', einddatum: '2027-03-31', reden: 'eigenVerzoek' }, undefined);
    const { momenten } = await nazorg().partitie(pl.id);
    expect(momenten.filter((m) => m.status !== 'geannuleerd').map((m) => `${m.soort} ${m.vervaldatum} ${m.status}`)).toEqual(['exitcheck 2027-04-28 gepland']);
    expect(await inIndex(b.vervaldatum, b.id)).toBe(false);
    expect(await inIndex(plusDagen(vandaagInNederland(new Date()), a.reactietermijnDagen + 1), a.id)).toBe(false);
    expect(await inIndex('2027-04-28', momenten.find((m) => m.soort === 'exitcheck')!.id)).toBe(true);
  });

  it('een moment dat tussen lezen en schrijven van het einde verstuurd wordt: het einde leest opnieuw en annuleert het toch', async () => {
    const { w, pl } = await gestart();
    const [a] = (await nazorg().partitie(pl.id)).momenten as [Nazorgmoment];
    let eerste = true;
    const tussendoor = plaatsingenUseCases({
      store: dynamoPlaatsingenStore(),
      nazorg: {
        instellingen: async () => instellingen.waarde,
        openMomenten: async (id) => {
          const open = await nazorg().openMomenten(id);
          if (eerste) {
            eerste = false;
            await dynamo().send(new TransactWriteCommand({ TransactItems: [markeerVerstuurd(a, new Date().toISOString())] }));
          }
          return open;
        },
      },
    });
    await tussendoor.wijzigen(werkgever(w.lidId), pl.id, { actie: 'beeindigen', einddatum: '2027-03-31', reden: 'eigenVerzoek' }, undefined);
    const na = (await nazorg().partitie(pl.id)).momenten.find((m) => m.id === a.id)!;
    expect(na).toMatchObject({ status: 'geannuleerd' });
    expect(na.verstuurdOp).toBeDefined();
  });
});

describe('een instrument dat een ander vervangt: in de transactie van de plaatsing', () => {
  const LKS = { soort: 'loonkostensubsidie', startdatum: '2027-01-04', forfaitairTot: '2027-07-03' } as const;
  const HERAANVRAAG = { soort: 'loonkostensubsidie', startdatum: '2027-02-01', forfaitairTot: '2027-05-01' } as const;

  it('de geplande momenten van de vervangen subsidie vervallen (uit de index), die van de nieuwe komen erin', async () => {
    const { w, pl } = await gestart();
    await uc().wijzigen(werkgever(w.lidId), pl.id, { actie: 'instrumentToevoegen', invoer: LKS }, undefined);
    const oud = (await nazorg().partitie(pl.id)).momenten.filter((m) => m.instrumentId);
    await uc().wijzigen(werkgever(w.lidId), pl.id, { actie: 'instrumentToevoegen', invoer: HERAANVRAAG }, undefined);
    const na = (await nazorg().partitie(pl.id)).momenten.filter((m) => m.instrumentId);
    expect(na.filter((m) => m.instrumentId === oud[0]!.instrumentId).map((m) => m.status)).toEqual(['geannuleerd', 'geannuleerd']);
    for (const m of oud) expect(await inIndex(m.vervaldatum, m.id)).toBe(false);
    const nieuw = na.filter((m) => m.instrumentId !== oud[0]!.instrumentId);
    expect(nieuw.map((m) => `${m.soort} ${m.vervaldatum} ${m.status}`)).toEqual(['eindeForfaitaireLks 2027-05-01 gepland', 'herbeoordelingLks 2028-02-01 gepland']);
    for (const m of nieuw) expect(await inIndex(m.vervaldatum, m.id)).toBe(true);
  });

  it('een moment van de oude dat tussen lezen en schrijven verstuurd wordt: de vervanging leest opnieuw en laat het staan', async () => {
    const { w, pl } = await gestart();
    await uc().wijzigen(werkgever(w.lidId), pl.id, { actie: 'instrumentToevoegen', invoer: LKS }, undefined);
    const [forfaitair, herbeoordeling] = (await nazorg().partitie(pl.id)).momenten.filter((m) => m.instrumentId) as [Nazorgmoment, Nazorgmoment];
    let reads = 0;
    const tussendoor = plaatsingenUseCases({
      store: dynamoPlaatsingenStore(),
      nazorg: {
        instellingen: async () => instellingen.waarde,
        openMomenten: async (id) => {
          const open = await nazorg().openMomenten(id);
          if (++reads === 1) await dynamo().send(new TransactWriteCommand({ TransactItems: [markeerVerstuurd(forfaitair, new Date().toISOString())] }));
          return open;
        },
      },
    });
    await tussendoor.wijzigen(werkgever(w.lidId), pl.id, { actie: 'instrumentToevoegen', invoer: HERAANVRAAG }, undefined);
    expect(reads).toBe(2);
    const na = (await nazorg().partitie(pl.id)).momenten;
    expect(na.find((m) => m.id === forfaitair.id)).toMatchObject({ status: 'verstuurd' });
    expect(na.find((m) => m.id === herbeoordeling.id)).toMatchObject({ status: 'geannuleerd' });
    // Planned once: the first attempt's moments were never written.
    expect(na.filter((m) => m.status === 'gepland' && m.soort === 'herbeoordelingLks').map((m) => m.vervaldatum)).toEqual(['2028-02-01']);
  });
});

describe('de bouwstenen voor de consumer: voorwaardelijk, dus een dubbele doet niets', () => {
  it('markeerVerstuurd: gepland → verstuurd, de reactietermijn telt vanaf de verzenddag, de index schuift naar de dag erna; een tweede keer ConditionalCheckFailed', async () => {
    const { pl } = await gestart();
    const [m] = (await nazorg().partitie(pl.id)).momenten as [Nazorgmoment];
    // Sent at 23:30 UTC on 1 March = 00:30 on 2 March in Amsterdam: the Dutch day counts.
    const nu = '2027-03-01T23:30:00.000Z';
    const uiterlijk = plusDagen('2027-03-02', m.reactietermijnDagen);
    await dynamo().send(new TransactWriteCommand({ TransactItems: [markeerVerstuurd(m, nu)] }));
    const fout = await dynamo().send(new TransactWriteCommand({ TransactItems: [markeerVerstuurd(m, nu)] })).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(TransactionCanceledException);
    expect((fout as TransactionCanceledException).CancellationReasons?.[0]?.Code).toBe('ConditionalCheckFailed');
    expect(await inIndex(m.vervaldatum, m.id)).toBe(false);
    expect(await inIndex(plusDagen(uiterlijk, 1), m.id)).toBe(true);
    expect((await nazorg().haalMetPlaatsing(m.id)).moment).toMatchObject({ status: 'verstuurd', verstuurdOp: nu, antwoordUiterlijk: uiterlijk, versie: 2 });
  });

  it('escaleerOnbeantwoord: één escalatie en één bericht; een duplicaat, ook met andere ids, schrijft niets; na een antwoord evenmin', async () => {
    const { pl } = await gestart();
    const [m, n] = (await nazorg().partitie(pl.id)).momenten as [Nazorgmoment, Nazorgmoment];
    const nu = new Date().toISOString();
    await dynamo().send(new TransactWriteCommand({ TransactItems: [markeerVerstuurd(m, nu), markeerVerstuurd(n, nu)] }));
    const ids = { escalatieId: ulid(), notificatieId: ulid() };
    await dynamo().send(new TransactWriteCommand({ TransactItems: escaleerOnbeantwoord(m, GEMEENTE, ids, nu) }));
    for (const opnieuw of [ids, { escalatieId: ulid(), notificatieId: ulid() }]) {
      const fout = await dynamo().send(new TransactWriteCommand({ TransactItems: escaleerOnbeantwoord(m, GEMEENTE, opnieuw, nu) })).catch((e: unknown) => e);
      expect((fout as TransactionCanceledException).CancellationReasons?.[0]?.Code).toBe('ConditionalCheckFailed');
    }
    expect(await escalatiesVan(m.id)).toEqual([expect.objectContaining({ id: ids.escalatieId, aanleiding: 'onbeantwoord', plaatsingId: pl.id })]);
    expect(await leesItem(sleutels.notificatie(ids.notificatieId))).toMatchObject({ soort: 'nazorgEscalatie', status: 'wachtend', aan: { email: 'wsp@amsterdam.nl' } });
    expect(await inIndex(plusDagen(vandaagInNederland(new Date(nu)), m.reactietermijnDagen + 1), m.id)).toBe(false);
    expect(await inIndex(plusDagen(vandaagInNederland(new Date(nu)), n.reactietermijnDagen + 1), n.id)).toBe(true);
    expect((await nazorg().haalMetPlaatsing(m.id)).moment).toMatchObject({ status: 'verstuurd', geescaleerdOp: nu });

    // An answer that came first: the escalation finds the moment answered and writes nothing.
    const { moment, plaatsing } = await nazorg().haalMetPlaatsing(n.id);
    await nazorg().beantwoord(
      beantwoord(plaatsing!, moment!, { nogInDienst: true, gewerkteUrenPerWeek: 24, verzuimdagenInPeriode: 0, hoeGaatHet: 4, ondersteuningNodig: false, risicos: [] }, werkgever(plaatsing!.lidId), GEMEENTE, omgeving()),
    );
    const fout = await dynamo().send(new TransactWriteCommand({ TransactItems: escaleerOnbeantwoord(n, GEMEENTE, { escalatieId: ulid(), notificatieId: ulid() }, nu) })).catch((e: unknown) => e);
    expect((fout as TransactionCanceledException).CancellationReasons?.[0]?.Code).toBe('ConditionalCheckFailed');
    expect(await escalatiesVan(n.id)).toEqual([]);
  });

  it('verplaatsen: het oude item weg, het nieuwe in de index, de verwijzer wijst erheen; een verouderde versie schrijft niets', async () => {
    const { pl } = await gestart();
    const [m] = (await nazorg().partitie(pl.id)).momenten as [Nazorgmoment];
    const nieuw = { ...m, vervaldatum: plusDagen(m.vervaldatum, 2), versie: 2 };
    await nazorg().verplaats(m, nieuw, omgeving().nu);
    await expect(nazorg().verplaats(m, { ...nieuw, vervaldatum: plusDagen(m.vervaldatum, 5) }, omgeving().nu)).rejects.toMatchObject({ soort: 'verouderd' });
    expect(await leesItem(sleutels.nazorgmoment(pl.id, m.vervaldatum, m.id))).toBeUndefined();
    expect(await inIndex(m.vervaldatum, m.id)).toBe(false);
    expect(await inIndex(nieuw.vervaldatum, m.id)).toBe(true);
    expect((await nazorg().haalMetPlaatsing(m.id)).moment).toEqual(nieuw);
  });
});

describe('een jobcoachorganisatie na de start: de open momenten volgen haar, in de transactie van de toewijzing', () => {
  it('gepland en verstuurd krijgen de nieuwe (versie + 1, de index blijft); beantwoord niet; een tweede wissel weer', async () => {
    const { w, pl } = await gestart();
    const [a, b, c] = (await nazorg().partitie(pl.id)).momenten as [Nazorgmoment, Nazorgmoment, Nazorgmoment];
    expect(a.jobcoachPartnerId).toBeUndefined();
    expect(a.verwijzingId).toBe(pl.verwijzingId);
    await dynamo().send(new TransactWriteCommand({ TransactItems: [markeerVerstuurd(a, new Date().toISOString())] }));
    const huidig = (await dynamoPlaatsingenStore().haal(pl.id))!;
    await nazorg().beantwoord(beantwoord(huidig, b, { nogInDienst: true, gewerkteUrenPerWeek: 24, verzuimdagenInPeriode: 0, hoeGaatHet: 4, ondersteuningNodig: false, risicos: [] }, werkgever(w.lidId), GEMEENTE, omgeving(`${b.vervaldatum}T12:00:00.000Z`)));
    const coach = await zaaiPartner();
    await uc().wijzigen(admin, pl.id, { actie: 'jobcoachToewijzen', partnerId: coach.id }, undefined);
    const na = new Map((await nazorg().partitie(pl.id)).momenten.map((m) => [m.id, m]));
    expect(na.get(a.id)).toMatchObject({ status: 'verstuurd', jobcoachPartnerId: coach.id, versie: 3 });
    expect(na.get(b.id)).toMatchObject({ status: 'beantwoord' });
    expect(na.get(b.id)!.jobcoachPartnerId).toBeUndefined();
    expect(na.get(c.id)).toMatchObject({ status: 'gepland', jobcoachPartnerId: coach.id, versie: 2 });
    expect(await inIndex(c.vervaldatum, c.id)).toBe(true);
    const ander = await zaaiPartner();
    await uc().wijzigen(admin, pl.id, { actie: 'jobcoachToewijzen', partnerId: ander.id }, undefined);
    const open = await nazorg().openMomenten(pl.id);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((m) => m.jobcoachPartnerId === ander.id)).toBe(true);
  });

  it('een moment dat tussen lezen en schrijven verstuurd wordt: de toewijzing leest opnieuw, en ook dat moment krijgt de nieuwe', async () => {
    const { pl } = await gestart();
    const [a] = (await nazorg().partitie(pl.id)).momenten as [Nazorgmoment];
    let reads = 0;
    const tussendoor = plaatsingenUseCases({
      store: dynamoPlaatsingenStore(),
      nazorg: {
        instellingen: async () => instellingen.waarde,
        openMomenten: async (id) => {
          const open = await nazorg().openMomenten(id);
          if (++reads === 1) await dynamo().send(new TransactWriteCommand({ TransactItems: [markeerVerstuurd(a, new Date().toISOString())] }));
          return open;
        },
      },
    });
    const coach = await zaaiPartner();
    await tussendoor.wijzigen(admin, pl.id, { actie: 'jobcoachToewijzen', partnerId: coach.id }, undefined);
    expect(reads).toBe(2);
    expect((await nazorg().partitie(pl.id)).momenten.find((m) => m.id === a.id)).toMatchObject({ status: 'verstuurd', jobcoachPartnerId: coach.id, versie: 3 });
    expect((await dynamoPlaatsingenStore().haal(pl.id))!.jobcoachPartnerId).toBe(coach.id);
  });

  it('met de ruimste instellingen (24 + 4 termijnen) en instrumenten: alle open momenten in één transactie, ruim onder de 100 items', async () => {
    const vorige = instellingen.waarde;
    instellingen.waarde = GemeenteInstellingen.parse({ nazorgMomenten: Array.from({ length: 24 }, (_, i) => `P${i + 1}W`), duurzaamheidsChecks: ['P6M', 'P12M', 'P18M', 'P24M'] });
    try {
      const { w, pl } = await inKennismaking();
      await uc().wijzigen(werkgever(w.lidId), pl.id, { actie: 'starten', contract: contract({ einddatum: '2029-01-04' }) }, undefined);
      await uc().wijzigen(werkgever(w.lidId), pl.id, { actie: 'instrumentToevoegen', invoer: { soort: 'loonkostensubsidie', startdatum: '2027-01-04', forfaitairTot: '2027-07-03' } }, undefined);
      await uc().wijzigen(werkgever(w.lidId), pl.id, { actie: 'instrumentToevoegen', invoer: { soort: 'noRiskPolis', startdatum: '2027-01-04', einddatum: '2028-12-31' } }, undefined);
      const open = await nazorg().openMomenten(pl.id);
      expect(open.length).toBeGreaterThanOrEqual(30);
      const coach = await zaaiPartner();
      const huidig = (await dynamoPlaatsingenStore().haal(pl.id))!;
      const m = voerUit(huidig, { actie: 'jobcoachToewijzen', partnerId: coach.id }, admin, undefined, omgeving());
      const { items } = plaatsingTransactie(m, { nazorg: { nieuw: [], annuleren: [], jobcoach: momentenBijJobcoachwissel(m.plaatsing, open) } });
      expect(items).toHaveLength(open.length + 3);
      expect(items.length).toBeLessThanOrEqual(40);
      await uc().wijzigen(admin, pl.id, { actie: 'jobcoachToewijzen', partnerId: coach.id }, undefined);
      expect((await nazorg().openMomenten(pl.id)).map((x) => x.jobcoachPartnerId)).toEqual(open.map(() => coach.id));
    } finally {
      instellingen.waarde = vorige;
    }
  });
});
