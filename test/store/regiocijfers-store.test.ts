import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import { registreren } from '../../shared/domain/gemeenten';
import type { Plaatsing, PlaatsingFase } from '../../shared/schemas/plaatsingen';
import { dynamo, tabel } from '../../shared/store/dynamodb';
import { dynamoGemeentenStore } from '../../shared/store/gemeenten-store';
import { plaatsingItem } from '../../shared/store/plaatsingen-store';
import { dynamoRegiocijfersStore } from '../../shared/store/regiocijfers-store';
import { dynamoRegiopartnersStore } from '../../shared/store/regiopartners-store';
import { regiopartnersUseCases } from '../../shared/use-cases/regiopartners';
import { admin, NU, omgeving, partner, werkplek } from '../domain/plaatsingen-fixtures';
import { zaaiPartner, zaaiWerkplek } from './plaatsingen-zaaien';
import { storeOmgeving } from './store-omgeving';

beforeAll(async () => {
  await storeOmgeving();
  const gemeenten = dynamoGemeentenStore();
  for (const [code, naam, arbeidsmarktregio] of [
    ['GM0363', 'Amsterdam', 'Groot Amsterdam'],
    ['GM0437', 'Ouder-Amstel', 'Groot Amsterdam'],
    ['GM0599', 'Rotterdam', 'Rijnmond'],
  ] as const)
    await gemeenten.voegToe(registreren({ code, naam, arbeidsmarktregio, contactpersoon: { naam: 'Wsp', email: `wsp@${code}.nl` } }, admin, omgeving()));
  await zaaiWerkplek(werkplek({ aantalPlaatsen: 3, aantalBezet: 1 }));
  await zaaiWerkplek(werkplek({ aantalPlaatsen: 2, aantalBezet: 0, locatie: { postcodegebied: '1191', gemeente: 'GM0437' } }));
  await zaaiWerkplek(werkplek({ status: 'gesloten' }));
  await zaaiWerkplek(werkplek({ arbeidsmarktregio: 'Rijnmond', locatie: { postcodegebied: '3011', gemeente: 'GM0599' } }));
  const fasen: [string, PlaatsingFase][] = [
    ...Array.from({ length: 5 }, () => ['GM0363', 'gestart'] as [string, PlaatsingFase]),
    ['GM0437', 'gestart'],
    ['GM0363', 'voorgesteld'],
    ['GM0363', 'afgewezen'],
    ['GM0599', 'gestart'],
  ];
  for (const [gemeente, fase] of fasen) await dynamo().send(new PutCommand({ TableName: tabel(), Item: plaatsingItem(plaatsing(gemeente, fase)) }));
});

const plaatsing = (gemeente: string, fase: PlaatsingFase): Plaatsing => ({
  id: ulid(),
  verwijzingId: ulid(),
  werkplekId: ulid(),
  lidId: ulid(),
  gemeente,
  fase,
  instrumenten: [],
  termijnen: [],
  aangemaaktOp: NU,
  gewijzigdOp: NU,
  versie: 1,
});

describe('de regiocijfers uit DynamoDB Local', () => {
  it('leest de gemeenten, de fasen per gemeente en de open werkplekken van de gevraagde regio\'s, met projecties', async () => {
    const s = dynamoRegiocijfersStore();
    expect((await s.gemeenten()).map((g) => g.code).sort()).toEqual(['GM0363', 'GM0437', 'GM0599']);
    expect([...(await s.plaatsingFasen('GM0363'))].sort()).toEqual(['afgewezen', 'gestart', 'gestart', 'gestart', 'gestart', 'gestart', 'voorgesteld']);
    expect(await s.openWerkplekken(['Groot Amsterdam'])).toHaveLength(2);
    expect(await s.openWerkplekken(['Groot Amsterdam', 'Rijnmond'])).toHaveLength(3);
    expect(await s.openWerkplekken([])).toEqual([]);
  });

  it('een regiopartner krijgt de cijfers van zijn regio\'s; kleine aantallen plaatsingen blijven verborgen; een vreemde regio is 404', async () => {
    const p = await zaaiPartner({ arbeidsmarktregios: ['Groot Amsterdam', 'Rijnmond'] });
    const uc = regiopartnersUseCases({ store: dynamoRegiopartnersStore(), cijfers: dynamoRegiocijfersStore() });
    const cijfers = await uc.regiocijfers(partner(p.id), {});
    expect(cijfers).toEqual([
      { arbeidsmarktregio: 'Groot Amsterdam', gemeenten: 2, openWerkplekken: 2, vrijePlaatsen: 4, plaatsingen: { lopend: null, gestart: 6, beeindigd: 0 } },
      { arbeidsmarktregio: 'Rijnmond', gemeenten: 1, openWerkplekken: 1, vrijePlaatsen: 2, plaatsingen: { lopend: 0, gestart: null, beeindigd: 0 } },
    ]);
    expect(await uc.regiocijfers(partner(p.id), { arbeidsmarktregio: 'Rijnmond' })).toEqual([cijfers[1]]);
    await expect(uc.regiocijfers(partner(p.id), { arbeidsmarktregio: 'Twente' })).rejects.toMatchObject({ soort: 'nietGevonden' });
    await expect(uc.regiocijfers(partner(ulid()), {})).rejects.toMatchObject({ soort: 'nietGevonden' });
    await expect(uc.regiocijfers(admin, {})).rejects.toMatchObject({ soort: 'ongeldigeInvoer' });
    expect(await uc.regiocijfers(admin, { arbeidsmarktregio: 'Twente' })).toEqual([
      { arbeidsmarktregio: 'Twente', gemeenten: 0, openWerkplekken: 0, vrijePlaatsen: 0, plaatsingen: { lopend: 0, gestart: 0, beeindigd: 0 } },
    ]);
  });
});
