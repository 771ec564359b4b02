import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { logger } from '../../shared/observability/logger';
import { dynamo, tabel } from '../../shared/store/dynamodb';
import { dynamoPlaatsingenStore } from '../../shared/store/plaatsingen-store';
import { dynamoUitgaandStore } from '../../shared/store/uitgaand-store';
import { plaatsingenUseCases } from '../../shared/use-cases/plaatsingen';
import { admin, contract, gemeente, verwijzing, werkgever, werkplek } from '../domain/plaatsingen-fixtures';
import { zaaiPartner, zaaiVerwijzing, zaaiWerkplek } from './plaatsingen-zaaien';
import { storeOmgeving } from './store-omgeving';

beforeAll(async () => {
  await storeOmgeving();
  logger.setLogLevel('WARN');
});

const uc = () => plaatsingenUseCases({ store: dynamoPlaatsingenStore() });
const uitgaand = () => dynamoUitgaandStore();
const alles = async (partij: Parameters<ReturnType<typeof dynamoUitgaandStore>['feed']>[0]) => {
  const types: string[] = [];
  let cursor: string | undefined;
  // A feed always answers a cursor (to come back with); its end is the first empty page.
  for (;;) {
    const p = await uitgaand().feed(partij, { pageSize: 2, cursor });
    if (p.items.length === 0) return types;
    expect(p.cursor).toBeDefined();
    types.push(...p.items.map((g) => `${g.type}@${g.onderwerp.id}`));
    cursor = p.cursor;
  }
};

describe('gebeurtenissen voor andere systemen, in de transactie van hun wijziging', () => {
  it('een plaatsing van voorstel tot einde geeft haar gebeurtenissen, en de verwijzing de hare, in de feeds van wie haar ziet', async () => {
    const gm = `GM${String(Math.floor(Math.random() * 9000) + 1000)}`;
    const v = await zaaiVerwijzing(verwijzing({ gemeente: gm }));
    const w = await zaaiWerkplek(werkplek({ aantalPlaatsen: 2 }));
    const coach = await zaaiPartner({ soort: 'jobcoachOrganisatie' });
    const pl = await uc().voorstellen(admin, { verwijzingId: v.id, werkplekId: w.id });
    await uc().wijzigen(admin, pl.id, { actie: 'kennismaking', datum: '2026-12-01' }, undefined);
    await uc().wijzigen(admin, pl.id, { actie: 'jobcoachToewijzen', partnerId: coach.id }, undefined);
    await uc().wijzigen(werkgever(w.lidId), pl.id, { actie: 'starten', contract: contract() }, undefined);
    const { plaatsing } = await uc().wijzigen(admin, pl.id, { actie: 'beeindigen', einddatum: '2027-05-01', reden: 'terugNaarGemeente', toelichting: 'Jan wil liever dagbesteding' }, undefined);

    const gemeenteFeed = await alles({ gemeente: gm });
    // One transaction's events share a millisecond, so only the order between changes is fixed: compare as sets.
    expect([...gemeenteFeed].sort()).toEqual(
      [
        `nl.werkcoop.plaatsingen.voorgesteld@${pl.id}`,
        `nl.werkcoop.plaatsingen.fase-gewijzigd@${pl.id}`,
        `nl.werkcoop.plaatsingen.gestart@${pl.id}`,
        `nl.werkcoop.plaatsingen.beeindigd@${pl.id}`,
        `nl.werkcoop.verwijzingen.status-gewijzigd@${v.id}`,
        `nl.werkcoop.verwijzingen.status-gewijzigd@${v.id}`,
      ].sort(),
    );
    expect(gemeenteFeed[0]).toBe(`nl.werkcoop.plaatsingen.voorgesteld@${pl.id}`);
    // The member sees its placement's events, not the referral's; the coach only from its assignment on.
    const lidFeed = await alles({ lidId: w.lidId });
    expect(lidFeed.every((t) => t.endsWith(pl.id))).toBe(true);
    expect(lidFeed).toContain(`nl.werkcoop.plaatsingen.voorgesteld@${pl.id}`);
    expect(await alles({ partnerId: coach.id })).toEqual([`nl.werkcoop.plaatsingen.gestart@${pl.id}`, `nl.werkcoop.plaatsingen.beeindigd@${pl.id}`]);
    expect(await alles({ gemeente: 'GM9999' })).toEqual([]);

    const einde = (await uitgaand().feed({ partnerId: coach.id }, { pageSize: 10 })).items.at(-1)!;
    expect(einde).toMatchObject({ versie: plaatsing.versie, data: { fase: 'beeindigd', vorigeFase: 'gestart', reden: 'terugNaarGemeente' } });
    expect(JSON.stringify(einde)).not.toContain('Jan');
    expect(await uitgaand().haal(einde.id)).toEqual(einde);
  });

  it('een wijziging die geweigerd wordt schrijft ook geen gebeurtenis', async () => {
    const v = await zaaiVerwijzing(verwijzing());
    const w = await zaaiWerkplek(werkplek({ aantalPlaatsen: 1 }));
    const pl = await uc().voorstellen(admin, { verwijzingId: v.id, werkplekId: w.id });
    await expect(uc().wijzigen(gemeente('GM0000'), pl.id, { actie: 'annuleren', reden: 'x' }, undefined)).rejects.toMatchObject({ soort: 'nietGevonden' });
    await expect(uc().wijzigen(admin, pl.id, { actie: 'starten', contract: contract() }, 99)).rejects.toBeDefined();
    const { Items } = await dynamo().send(
      new QueryCommand({ TableName: tabel(), IndexName: 'gsi3', KeyConditionExpression: 'gsi3pk = :p', ExpressionAttributeValues: { ':p': `UITGAAND#LID#${w.lidId}` } }),
    );
    expect(Items?.map((i) => i.type)).toEqual(['nl.werkcoop.plaatsingen.voorgesteld']);
  });
});
