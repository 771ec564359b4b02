import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import { gevolgen, voerUit, voorstellen } from '../../shared/domain/plaatsingen';
import { logger } from '../../shared/observability/logger';
import type { Plaatsing } from '../../shared/schemas/plaatsingen';
import { dynamo, tabel } from '../../shared/store/dynamodb';
import { dynamoPlaatsingenStore, plaatsingTransactie } from '../../shared/store/plaatsingen-store';
import { sleutels } from '../../shared/store/sleutels';
import { plaatsingenUseCases } from '../../shared/use-cases/plaatsingen';
import { admin, contract, gemeente, omgeving, partner, verwijzing, werkgever, werkplek } from '../domain/plaatsingen-fixtures';
import { leesParen, leesVerwijzing, leesWerkplek, zaaiPartner, zaaiVerwijzing, zaaiWerkplek } from './plaatsingen-zaaien';
import { storeOmgeving } from './store-omgeving';

beforeAll(async () => {
  await storeOmgeving();
  logger.setLogLevel('WARN');
});

const store = () => dynamoPlaatsingenStore();
const uc = () => plaatsingenUseCases({ store: store() });
const kennis = { actie: 'kennismaking', datum: '2026-12-01' } as const;
const starten = { actie: 'starten', contract: contract() } as const;

/** A placeable referral and an open place with `plaatsen` places, in the table. */
const omgevingMet = async (plaatsen = 2) => {
  const v = await zaaiVerwijzing(verwijzing());
  const w = await zaaiWerkplek(werkplek({ aantalPlaatsen: plaatsen }));
  return { v, w };
};
const voorgesteld = async (plaatsen = 2) => {
  const { v, w } = await omgevingMet(plaatsen);
  return { v, w, pl: await uc().voorstellen(admin, { verwijzingId: v.id, werkplekId: w.id }) };
};

describe('een plaatsing voorstellen', () => {
  it('schrijft plaatsing, gebeurtenis en paarbewaking in één transactie, met ConditionChecks op verwijzing en werkplek', async () => {
    const { v, w } = await omgevingMet();
    const m = voorstellen(v, w, admin, omgeving());
    const { items } = plaatsingTransactie(m, {});
    // The last Put is the event for other systems (issue #14), in the same transaction.
    expect(items.map((i) => Object.keys(i)[0])).toEqual(['Put', 'Put', 'Put', 'ConditionCheck', 'ConditionCheck', 'Put']);
    expect(items.at(-1)!.Put!.Item).toMatchObject({ entiteit: 'UitgaandeGebeurtenis', type: 'nl.werkcoop.plaatsingen.voorgesteld', id: m.gebeurtenis.id });
    await store().schrijf(m, {});
    expect(await store().haal(m.plaatsing.id)).toEqual(m.plaatsing);
    expect(await leesParen(v.id)).toEqual(new Map([[`${v.id}/${w.id}`, m.plaatsing.id]]));
    expect((await store().gebeurtenissen(m.plaatsing.id, { pageSize: 10 })).items).toEqual([m.gebeurtenis]);
  });

  it('weigert een tweede open plaatsing voor hetzelfde paar (409); na afwijzing mag het paar opnieuw', async () => {
    const { v, w, pl } = await voorgesteld();
    await expect(uc().voorstellen(admin, { verwijzingId: v.id, werkplekId: w.id })).rejects.toMatchObject({ soort: 'conflict' });
    await uc().wijzigen(werkgever(w.lidId), pl.id, { actie: 'afwijzen', reden: 'Geen klik' }, undefined);
    expect(await leesParen(v.id)).toEqual(new Map());
    const opnieuw = await uc().voorstellen(admin, { verwijzingId: v.id, werkplekId: w.id });
    expect(await leesParen(v.id)).toEqual(new Map([[`${v.id}/${w.id}`, opnieuw.id]]));
  });

  it('weigert wanneer verwijzing of werkplek na het lezen van status veranderde, en schrijft dan niets', async () => {
    const { v, w } = await omgevingMet();
    const m = voorstellen(v, w, admin, omgeving());
    await zaaiVerwijzing({ ...v, status: 'teruggemeld', versie: v.versie + 1 });
    await expect(store().schrijf(m, {})).rejects.toMatchObject({ soort: 'ongeldigeOvergang' });
    expect(await store().haal(m.plaatsing.id)).toBeUndefined();

    const { v: v2, w: w2 } = await omgevingMet();
    const m2 = voorstellen(v2, w2, admin, omgeving());
    await zaaiWerkplek({ ...w2, status: 'gesloten', versie: 2 });
    await expect(store().schrijf(m2, {})).rejects.toMatchObject({ soort: 'ongeldigeOvergang', message: expect.stringContaining('werkplek') });
    expect(await leesParen(v2.id)).toEqual(new Map());
  });

  it('een onbekende verwijzing of werkplek is onverwerkbaar (422)', async () => {
    const { v } = await omgevingMet();
    await expect(uc().voorstellen(admin, { verwijzingId: v.id, werkplekId: ulid() })).rejects.toMatchObject({ soort: 'onverwerkbaar' });
    await expect(uc().voorstellen(admin, { verwijzingId: ulid(), werkplekId: ulid() })).rejects.toMatchObject({ soort: 'onverwerkbaar' });
  });
});

describe('starten en beëindigen: de tellers in dezelfde transactie', () => {
  it('de start neemt een plaats (de laatste vult de werkplek en haalt haar uit matching) en plaatst de kandidaat (uit matching)', async () => {
    const { v, w, pl } = await voorgesteld(1);
    expect((await leesWerkplek(w.id)).inMatching).toBe(true);
    expect((await leesVerwijzing(v.id)).zoekprofielen).toBe(2);
    await uc().wijzigen(admin, pl.id, kennis, undefined);
    const { plaatsing } = await uc().wijzigen(werkgever(w.lidId), pl.id, starten, 2);
    expect(plaatsing).toMatchObject({ fase: 'gestart', versie: 3, termijnen: [{ soort: 'eindeContract', datum: '2027-07-03' }] });
    expect(await leesWerkplek(w.id)).toMatchObject({ werkplek: { aantalBezet: 1, status: 'vervuld', versie: 2 }, inMatching: false });
    expect(await leesVerwijzing(v.id)).toMatchObject({ verwijzing: { status: 'geplaatst', aantalPlaatsingen: 1, versie: v.versie + 1 }, zoekprofielen: 0 });
    // The place's and the referral's own histories record the change too.
    const historie = async (pk: string) =>
      (await dynamo().send(new QueryCommand({ TableName: tabel(), KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)', ExpressionAttributeValues: { ':p': pk, ':s': 'GEBEURTENIS#' } }))).Items ?? [];
    expect((await historie(sleutels.werkplek(w.id).pk)).map((g) => g.soort)).toEqual(['bezettingGewijzigd']);
    expect((await historie(sleutels.verwijzing(v.id).pk)).map((g) => g.soort)).toEqual(['geplaatst']);
  });

  it('het einde geeft de plaats terug (de werkplek gaat weer open, terug in matching); de verwijzing blijft geplaatst, het paar is vrij', async () => {
    const { v, w, pl } = await voorgesteld(1);
    await uc().wijzigen(admin, pl.id, kennis, undefined);
    await uc().wijzigen(admin, pl.id, starten, undefined);
    const { plaatsing } = await uc().wijzigen(admin, pl.id, { actie: 'beeindigen', einddatum: '2027-05-01', reden: 'uitstroomRegulierWerk' }, undefined);
    expect(plaatsing).toMatchObject({ fase: 'beeindigd', termijnen: [] });
    expect(await leesWerkplek(w.id)).toMatchObject({ werkplek: { aantalBezet: 0, status: 'open' }, inMatching: true });
    expect(await leesVerwijzing(v.id)).toMatchObject({ verwijzing: { status: 'geplaatst', aantalPlaatsingen: 1 }, zoekprofielen: 0 });
    expect(await leesParen(v.id)).toEqual(new Map());
  });

  it('een einde "terugNaarGemeente" meldt de verwijzing terug, in dezelfde transactie', async () => {
    const { v, pl } = await voorgesteld();
    await uc().wijzigen(admin, pl.id, kennis, undefined);
    await uc().wijzigen(admin, pl.id, starten, undefined);
    await uc().wijzigen(admin, pl.id, { actie: 'beeindigen', einddatum: '2027-05-01', reden: 'terugNaarGemeente', toelichting: 'Past beter bij dagbesteding' }, undefined);
    expect((await leesVerwijzing(v.id)).verwijzing).toMatchObject({ status: 'teruggemeld', statusReden: expect.stringContaining('dagbesteding'), aantalPlaatsingen: 1 });
  });

  it('een stap voor de start stopt zodra de verwijzing niet meer bemiddelbaar is (ConditionCheck, zonder haar te lezen)', async () => {
    const { v, pl } = await voorgesteld();
    await zaaiVerwijzing({ ...v, status: 'ingetrokken', versie: v.versie + 1 });
    await expect(uc().wijzigen(admin, pl.id, kennis, undefined)).rejects.toMatchObject({ soort: 'ongeldigeOvergang' });
    expect((await store().haal(pl.id))?.fase).toBe('voorgesteld');
    // Cancelling is still possible: it needs no placeable referral.
    expect((await uc().wijzigen(gemeente(v.gemeente), pl.id, { actie: 'annuleren', reden: 'Ingetrokken' }, undefined)).plaatsing.fase).toBe('geannuleerd');
  });

  it('weigert een verouderde versie (412) en schrijft dan niets: geen teller, geen gebeurtenis', async () => {
    const { w, pl } = await voorgesteld();
    await uc().wijzigen(admin, pl.id, kennis, undefined);
    const verouderd = voerUit({ ...pl, fase: 'kennismaking', kennismakingOp: '2026-12-01' }, starten, admin, undefined, omgeving());
    await expect(store().schrijf(verouderd, {})).rejects.toMatchObject({ soort: 'verouderd' });
    expect((await leesWerkplek(w.id)).werkplek.aantalBezet).toBe(0);
    expect((await store().gebeurtenissen(pl.id, { pageSize: 10 })).items.map((g) => g.soort)).toEqual(['voorgesteld', 'kennismaking']);
  });
});

describe('gelijktijdigheid', () => {
  it('vijftig gelijktijdige starts op één plaatsing met dezelfde versie: precies één wint, de teller telt één', async () => {
    const { v, w, pl } = await voorgesteld(3);
    await uc().wijzigen(admin, pl.id, kennis, undefined);
    const uitkomsten = await Promise.allSettled(Array.from({ length: 50 }, () => uc().wijzigen(admin, pl.id, starten, 2)));
    expect(uitkomsten.filter((u) => u.status === 'fulfilled')).toHaveLength(1);
    for (const u of uitkomsten) if (u.status === 'rejected') expect(['verouderd', 'ongeldigeOvergang']).toContain(u.reason.soort);
    expect((await leesWerkplek(w.id)).werkplek.aantalBezet).toBe(1);
    expect((await leesVerwijzing(v.id)).verwijzing.aantalPlaatsingen).toBe(1);
    expect((await store().gebeurtenissen(pl.id, { pageSize: 100 })).items.map((g) => g.versie)).toEqual([1, 2, 3]);
  });

  it('vijftig gelijktijdige toevoegingen zonder If-Match: geen verloren wijziging, elke versie precies één keer', async () => {
    const { pl } = await voorgesteld();
    await uc().wijzigen(admin, pl.id, kennis, undefined);
    await uc().wijzigen(admin, pl.id, starten, undefined);
    const uitkomsten = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        uc().wijzigen(admin, pl.id, { actie: 'ontwikkeldoelToevoegen', invoer: { omschrijving: `Doel ${i}`, streefdatum: '2027-06-01', voortgang: 'nietGestart' } }, undefined),
      ),
    );
    const gelukt = uitkomsten.flatMap((u) => (u.status === 'fulfilled' ? [u.value] : []));
    for (const u of uitkomsten) if (u.status === 'rejected') expect(u.reason.soort).toBe('verouderd');
    const plan = await store().ontwikkelplan(pl.id);
    // Every success is in the table, and nothing else: no lost update, no phantom.
    expect(plan.doelen.map((d) => d.id).sort()).toEqual(gelukt.map((g) => g.doel!.id).sort());
    expect(plan.plaatsing!.versie).toBe(3 + gelukt.length);
    const versies = (await store().gebeurtenissen(pl.id, { pageSize: 100 })).items.map((g) => g.versie);
    expect(versies).toEqual(Array.from({ length: 3 + gelukt.length }, (_, i) => i + 1));
  });

  it('gelijktijdige starts van verschillende plaatsingen op de laatste vrije plaats: precies één wint, de rest hoort "geen vrije plaats"', async () => {
    const w = await zaaiWerkplek(werkplek({ aantalPlaatsen: 1 }));
    const plaatsingen: Plaatsing[] = [];
    for (let i = 0; i < 8; i++) {
      const v = await zaaiVerwijzing(verwijzing());
      const pl = await uc().voorstellen(admin, { verwijzingId: v.id, werkplekId: w.id });
      await uc().wijzigen(admin, pl.id, kennis, undefined);
      plaatsingen.push(pl);
    }
    const uitkomsten = await Promise.allSettled(plaatsingen.map((pl) => uc().wijzigen(admin, pl.id, starten, undefined)));
    expect(uitkomsten.filter((u) => u.status === 'fulfilled')).toHaveLength(1);
    for (const u of uitkomsten) if (u.status === 'rejected') expect(['ongeldigeOvergang', 'conflict']).toContain(u.reason.soort);
    expect(await leesWerkplek(w.id)).toMatchObject({ werkplek: { aantalBezet: 1, status: 'vervuld' }, inMatching: false });
  });

  it('twee plaatsen, gelijktijdige starts: beide slagen omdat de verliezer opnieuw leest en beslist', async () => {
    const w = await zaaiWerkplek(werkplek({ aantalPlaatsen: 2 }));
    const pls: Plaatsing[] = [];
    for (let i = 0; i < 2; i++) {
      const v = await zaaiVerwijzing(verwijzing());
      const pl = await uc().voorstellen(admin, { verwijzingId: v.id, werkplekId: w.id });
      await uc().wijzigen(admin, pl.id, kennis, undefined);
      pls.push(pl);
    }
    await Promise.all(pls.map((pl) => uc().wijzigen(admin, pl.id, starten, undefined)));
    expect((await leesWerkplek(w.id)).werkplek).toMatchObject({ aantalBezet: 2, status: 'vervuld' });
  });
});

describe('de jobcoachorganisatie', () => {
  it('alleen een goedgekeurde jobcoachorganisatie (ConditionCheck); daarna staat de plaatsing in haar lijst (gsi3)', async () => {
    const { pl } = await voorgesteld();
    const geenCoach = await zaaiPartner({ soort: 'swBedrijf' });
    await expect(uc().wijzigen(admin, pl.id, { actie: 'jobcoachToewijzen', partnerId: geenCoach.id }, undefined)).rejects.toMatchObject({ soort: 'onverwerkbaar' });
    await expect(uc().wijzigen(admin, pl.id, { actie: 'jobcoachToewijzen', partnerId: ulid() }, undefined)).rejects.toMatchObject({ soort: 'onverwerkbaar' });
    const coach = await zaaiPartner();
    await uc().wijzigen(admin, pl.id, { actie: 'jobcoachToewijzen', partnerId: coach.id }, undefined);
    expect((await uc().zoeken(partner(coach.id), { pageSize: 10 })).items.map((p) => p.id)).toEqual([pl.id]);
    // Reassigned: it leaves the first organisation's list in the same write.
    const ander = await zaaiPartner();
    await uc().wijzigen(admin, pl.id, { actie: 'jobcoachToewijzen', partnerId: ander.id }, undefined);
    expect((await uc().zoeken(partner(coach.id), { pageSize: 10 })).items).toEqual([]);
    expect((await uc().zoeken(partner(ander.id), { pageSize: 10 })).items.map((p) => p.id)).toEqual([pl.id]);
  });
});

describe('lijsten en het ontwikkelplan', () => {
  it('per lid (gsi1), per gemeente (gsi2): gepagineerd, gefilterd, en een cursor van een andere lijst wordt geweigerd', async () => {
    const lidId = ulid();
    const gm = `GM${String(1000 + Math.floor(Math.random() * 8999))}`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const v = await zaaiVerwijzing(verwijzing({ gemeente: gm }));
      const w = await zaaiWerkplek(werkplek({ lidId }));
      ids.push((await uc().voorstellen(admin, { verwijzingId: v.id, werkplekId: w.id })).id);
    }
    await uc().wijzigen(admin, ids[0]!, kennis, undefined);
    const alle: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await uc().zoeken(werkgever(lidId), { pageSize: 2, cursor });
      alle.push(...p.items.map((x) => x.id));
      cursor = p.cursor;
    } while (cursor);
    expect(alle).toEqual(ids);
    expect((await uc().zoeken(admin, { gemeente: gm, pageSize: 10 })).items.map((p) => p.id)).toEqual(ids);
    expect((await uc().zoeken(gemeente(gm), { fase: 'kennismaking', pageSize: 10 })).items.map((p) => p.id)).toEqual([ids[0]]);
    const eerste = await uc().zoeken(werkgever(lidId), { pageSize: 2 });
    await expect(uc().zoeken(gemeente(gm), { pageSize: 2, cursor: eerste.cursor })).rejects.toMatchObject({ soort: 'ongeldigeInvoer' });
    await expect(uc().zoeken(werkgever(ulid()), { pageSize: 2, cursor: eerste.cursor })).rejects.toMatchObject({ soort: 'ongeldigeInvoer' });
    await expect(uc().zoeken(admin, { pageSize: 2 })).rejects.toMatchObject({ soort: 'ongeldigeInvoer' });
    expect((await uc().zoeken(werkgever(ulid()), { pageSize: 10 })).items).toEqual([]);
  });

  it('het ontwikkelplan leest plaatsing, doelen en notities in één partitie, zonder de geschiedenis', async () => {
    const { pl } = await voorgesteld();
    const coach = await zaaiPartner();
    await uc().wijzigen(admin, pl.id, { actie: 'jobcoachToewijzen', partnerId: coach.id }, undefined);
    const { doel } = await uc().wijzigen(admin, pl.id, { actie: 'ontwikkeldoelToevoegen', invoer: { omschrijving: 'Op tijd beginnen', streefdatum: '2027-02-01', voortgang: 'bezig' } }, undefined);
    await uc().wijzigen(partner(coach.id), pl.id, { actie: 'notitieToevoegen', invoer: { soort: 'evaluatie', datum: '2027-01-15', tekst: 'Loopt goed' } }, undefined);
    await uc().wijzigen(partner(coach.id), pl.id, { actie: 'notitieToevoegen', invoer: { soort: 'begeleiding', datum: '2026-12-15', tekst: 'Kennismaking met team' } }, undefined);
    const { doel: gewijzigd } = await uc().ontwikkeldoelWijzigen(admin, pl.id, doel!.id, { voortgang: 'behaald' }, 5);
    expect(gewijzigd).toMatchObject({ id: doel!.id, voortgang: 'behaald', omschrijving: 'Op tijd beginnen' });
    const { plan, versie } = await uc().ontwikkelplan(gemeente(pl.gemeente), pl.id);
    expect(versie).toBe(6);
    expect(plan.doelen).toEqual([gewijzigd]);
    expect(plan.notities.map((n) => n.tekst)).toEqual(['Kennismaking met team', 'Loopt goed']);
    await expect(uc().ontwikkelplan(gemeente('GM0001'), pl.id)).rejects.toMatchObject({ soort: 'nietGevonden' });
    await expect(uc().ontwikkeldoelWijzigen(admin, pl.id, ulid(), { voortgang: 'behaald' }, undefined)).rejects.toMatchObject({ soort: 'nietGevonden' });
  });

  it('leest nooit een ander soort item als plaatsing', async () => {
    const id = ulid();
    await dynamo().send(new PutCommand({ TableName: tabel(), Item: { ...sleutels.plaatsing(id), entiteit: 'Werkplek', titel: 'x' } }));
    await expect(store().haal(id)).rejects.toThrow();
  });

  it('een transactie met een gevolg dat intussen veranderde wordt "gelijktijdig gewijzigd" en laat niets achter', async () => {
    const { w, pl } = await voorgesteld();
    await uc().wijzigen(admin, pl.id, kennis, undefined);
    const gelezen = (await store().haal(pl.id))!;
    const { werkplek: wGelezen } = await store().haalVerwijzingEnWerkplek({ werkplekId: w.id });
    // Someone else changes the place between our read and our write.
    await zaaiWerkplek({ ...wGelezen!, titel: 'Anders', versie: wGelezen!.versie + 1 });
    const m = voerUit(gelezen, starten, admin, undefined, omgeving());
    const { verwijzing: vGelezen } = await store().haalVerwijzingEnWerkplek({ verwijzingId: pl.verwijzingId });
    await expect(store().schrijf(m, gevolgen(m, { werkplek: wGelezen, verwijzing: vGelezen }, admin, omgeving()))).rejects.toMatchObject({ name: 'GelijktijdigGewijzigd' });
    expect((await store().haal(pl.id))?.fase).toBe('kennismaking');
  });
});
