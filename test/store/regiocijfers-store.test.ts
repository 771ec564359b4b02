import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import { registreren } from '../../shared/domain/gemeenten';
import type { Plaatsing, PlaatsingFase } from '../../shared/schemas/plaatsingen';
import { dynamo, tabel } from '../../shared/store/dynamodb';
import { dynamoGemeentenStore } from '../../shared/store/gemeenten-store';
import { plaatsingItem } from '../../shared/store/plaatsingen-store';
import { dynamoRegiocijfersStore } from '../../shared/store/regiocijfers-store';
import { leesRegiotellers, pasBijdrageToe } from '../../shared/store/regiotellers-store';
import { plaatsingTelling, werkplekTelling } from '../../shared/domain/regiotellers';
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
  // Seeded straight into the table, so no stream consumer sees them: each is also applied to the counters
  // as the regiotellers consumer would apply its INSERT record.
  for (const w of [
    werkplek({ aantalPlaatsen: 3, aantalBezet: 1 }),
    werkplek({ aantalPlaatsen: 2, aantalBezet: 0, locatie: { postcodegebied: '1191', gemeente: 'GM0437' } }),
    werkplek({ status: 'gesloten' }),
    werkplek({ arbeidsmarktregio: 'Rijnmond', locatie: { postcodegebied: '3011', gemeente: 'GM0599' } }),
  ]) {
    await zaaiWerkplek(w);
    await pasBijdrageToe(`WERKPLEK#${w.id}`, volgende(), { regio: w.arbeidsmarktregio, telling: werkplekTelling(w) });
  }
  const fasen: [string, PlaatsingFase][] = [
    ...Array.from({ length: 5 }, () => ['GM0363', 'gestart'] as [string, PlaatsingFase]),
    ['GM0437', 'gestart'],
    ['GM0363', 'voorgesteld'],
    ['GM0363', 'afgewezen'],
    ['GM0599', 'gestart'],
  ];
  const regioVan: Record<string, string> = { GM0363: 'Groot Amsterdam', GM0437: 'Groot Amsterdam', GM0599: 'Rijnmond' };
  for (const [gemeente, fase] of fasen) {
    const pl = plaatsing(gemeente, fase);
    await dynamo().send(new PutCommand({ TableName: tabel(), Item: plaatsingItem(pl) }));
    await pasBijdrageToe(`PLAATSING#${pl.id}`, volgende(), { regio: regioVan[gemeente]!, telling: plaatsingTelling(fase) });
  }
});

let volgnummerTeller = 1000;
const volgende = () => String(++volgnummerTeller);

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

describe('de regiocijfers uit de tellers in DynamoDB Local', () => {
  it('leest de gemeenten (één Query) en de tellers van de gevraagde regio\'s (één BatchGetItem)', async () => {
    const s = dynamoRegiocijfersStore();
    expect((await s.gemeenten()).map((g) => g.code).sort()).toEqual(['GM0363', 'GM0437', 'GM0599']);
    const tellers = await s.tellers(['Groot Amsterdam', 'Rijnmond', 'Twente']);
    expect(tellers.get('Groot Amsterdam')).toEqual({ openWerkplekken: 2, vrijePlaatsen: 4, plaatsingenGestart: 6, plaatsingenLopend: 1 });
    expect(tellers.get('Rijnmond')).toMatchObject({ openWerkplekken: 1, plaatsingenGestart: 1 });
    expect(tellers.has('Twente')).toBe(false);
  });

  it('elk streamrecord telt één keer: hetzelfde of een ouder volgnummer verandert niets; een nieuwer verschuift de bijdrage', async () => {
    const regio = 'Zuid-Limburg';
    const bron = `PLAATSING#${ulid()}`;
    const lees = async () => (await leesRegiotellers([regio])).get(regio);
    expect(await pasBijdrageToe(bron, '5000', { regio, telling: plaatsingTelling('kennismaking') })).toBe('toegepast');
    expect(await pasBijdrageToe(bron, '5000', { regio, telling: plaatsingTelling('kennismaking') })).toBe('alVerwerkt');
    expect(await pasBijdrageToe(bron, '4999', { regio, telling: plaatsingTelling('gestart') })).toBe('alVerwerkt');
    expect(await lees()).toEqual({ plaatsingenLopend: 1 });
    expect(await pasBijdrageToe(bron, '5001', { regio, telling: plaatsingTelling('gestart') })).toBe('toegepast');
    expect(await lees()).toEqual({ plaatsingenLopend: 0, plaatsingenGestart: 1 });
    // A change that does not touch the figures (a note, a jobcoach) writes nothing.
    expect(await pasBijdrageToe(bron, '5002', { regio, telling: plaatsingTelling('gestart') })).toBe('ongewijzigd');
    // Sequence numbers of different lengths compare as numbers.
    expect(await pasBijdrageToe(bron, '10000', { regio, telling: plaatsingTelling('beeindigd') })).toBe('toegepast');
    expect(await lees()).toEqual({ plaatsingenLopend: 0, plaatsingenGestart: 0, plaatsingenBeeindigd: 1 });
  });

  it('gelijktijdig: twintig bronnen in één regio tellen allemaal mee, en een record dat twee keer tegelijk komt telt één keer', async () => {
    const regio = 'Drechtsteden';
    const bronnen = Array.from({ length: 20 }, () => `WERKPLEK#${ulid()}`);
    const telling = werkplekTelling({ status: 'open', aantalPlaatsen: 2, aantalBezet: 0 });
    const uitkomsten = await Promise.all(bronnen.flatMap((b) => [pasBijdrageToe(b, '7000', { regio, telling }), pasBijdrageToe(b, '7000', { regio, telling })]));
    expect(uitkomsten.filter((u) => u === 'toegepast')).toHaveLength(20);
    expect((await leesRegiotellers([regio])).get(regio)).toEqual({ openWerkplekken: 20, vrijePlaatsen: 40 });
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
