import type { LidAanvraag } from '../../shared/schemas/leden';
import type { MintTokenOptions } from './issuer';

/**
 * Demo data, loaded through the real HTTP API with minted tokens (never written to the table directly),
 * so it passes the same validation and history as any other call. Safe to run again: what exists is kept.
 */
type Aanvraag = LidAanvraag;

const aanvragen: readonly Aanvraag[] = [
  {
    kvkNummer: '69599084',
    naam: 'Bakkerij De Verwachting B.V.',
    sectoren: ['voedingsmiddelen'],
    werksoorten: ['productie', 'inpakken', 'logistiek'],
    contactpersoon: { naam: 'Sanne de Vries', email: 'hr@bakkerij-deverwachting.nl', telefoonnummer: '+31 20 555 0101' },
    toezeggingen: { reguliereBanen: 3, participatieplaatsen: 4, beschutWerkplekken: 1, banenafspraakBanen: 2 },
  },
  {
    kvkNummer: '34287651',
    naam: 'Groenvoorziening Van der Linden',
    sectoren: ['groenvoorziening'],
    werksoorten: ['hoveniers', 'onderhoud openbaar groen'],
    contactpersoon: { naam: 'Joost van der Linden', email: 'joost@vanderlinden-groen.nl' },
    toezeggingen: { reguliereBanen: 2, participatieplaatsen: 6, beschutWerkplekken: 2, banenafspraakBanen: 3 },
  },
  {
    kvkNummer: '24361758',
    naam: 'Schoonmaakbedrijf Maasstad B.V.',
    sectoren: ['schoonmaak'],
    werksoorten: ['kantoorschoonmaak', 'glazenwassen'],
    contactpersoon: { naam: 'Fatima El Amrani', email: 'personeelszaken@maasstad-schoonmaak.nl', telefoonnummer: '010-5550202' },
    toezeggingen: { reguliereBanen: 5, participatieplaatsen: 2, beschutWerkplekken: 0, banenafspraakBanen: 4 },
  },
  {
    kvkNummer: '58123904',
    naam: 'Logistiek Centrum Zaanstreek B.V.',
    sectoren: ['logistiek', 'groothandel'],
    werksoorten: ['orderpicken', 'heftruck', 'administratie'],
    contactpersoon: { naam: 'Mehmet Yilmaz', email: 'werving@lc-zaanstreek.nl' },
    toezeggingen: { reguliereBanen: 6, participatieplaatsen: 3, beschutWerkplekken: 1, banenafspraakBanen: 5 },
  },
];

export interface DemoResult {
  readonly leden: readonly { naam: string; id: string; status: string }[];
  readonly tokens: Readonly<Record<string, string>>;
}

interface DemoDeps {
  readonly baseUrl: string;
  readonly mintToken: (o: MintTokenOptions) => Promise<string>;
  readonly log: (line: string) => void;
}

interface LidAntwoord {
  id: string;
  kvkNummer: string;
  status: string;
}

export const loadDemoData = async ({ baseUrl, mintToken, log }: DemoDeps): Promise<DemoResult> => {
  const admin = await mintToken({ rol: 'coopAdmin', subject: 'demo-coordinator' });
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: (text ? JSON.parse(text) : undefined) as unknown };
  };
  const fail = (what: string, r: { status: number; json: unknown }) =>
    new Error(`demo: ${what} answered ${r.status}: ${JSON.stringify(r.json)}`);

  /** Every lid by KvK number, from the coordinator's list: a rerun finds what an earlier run made. */
  const bestaande = new Map<string, LidAntwoord>();
  for (let path: string | null = '/v1/leden?pageSize=100'; path; ) {
    const r = await call('GET', path, undefined, admin);
    if (r.status !== 200) throw fail('GET /v1/leden', r);
    const page = r.json as { leden: LidAntwoord[]; volgendePagina: string | null };
    for (const lid of page.leden) if (!bestaande.has(lid.kvkNummer)) bestaande.set(lid.kvkNummer, lid);
    path = page.volgendePagina;
  }

  const leden: LidAntwoord[] = [];
  for (const aanvraag of aanvragen) {
    const existing = bestaande.get(aanvraag.kvkNummer);
    if (existing) {
      leden.push(existing);
      log(`bestond al: ${aanvraag.naam} (${existing.status})`);
      continue;
    }
    const r = await call('POST', '/v1/leden', aanvraag);
    if (r.status !== 201) throw fail('POST /v1/leden', r);
    leden.push(r.json as LidAntwoord);
    log(`aangevraagd: ${aanvraag.naam}`);
  }

  /** A status change; 409 means it was done on an earlier run (or the lid is past it): fine for a demo. */
  const operatie = async (lid: LidAntwoord, segment: string, body?: unknown) => {
    const r = await call('POST', `/v1/leden/${lid.id}/${segment}`, body, admin);
    if (r.status === 200) Object.assign(lid, r.json);
    else if (r.status !== 409) throw fail(`POST /v1/leden/{id}/${segment}`, r);
    log(`${segment}: ${lid.id} → ${r.status === 200 ? lid.status : 'al gedaan'}`);
  };
  const [verwachting, vanDerLinden, maasstad] = leden as [LidAntwoord, LidAntwoord, LidAntwoord, LidAntwoord];
  await operatie(verwachting, 'goedkeuring');
  await operatie(vanDerLinden, 'goedkeuring');
  await operatie(maasstad, 'afwijzing', { reden: 'Geen vestiging in de arbeidsmarktregio van de coöperatie.' });
  await operatie(vanDerLinden, 'schorsing', { reden: 'Toezeggingen voor participatieplaatsen twee kwartalen niet nagekomen.' });

  const tokens = {
    'coopAdmin (coördinator)': admin,
    'gemeente GM0363 (Amsterdam)': await mintToken({ rol: 'gemeente', tenant: 'GM0363' }),
    'gemeente GM0599 (Rotterdam)': await mintToken({ rol: 'gemeente', tenant: 'GM0599' }),
    [`werkgever ${verwachting.id} (${aanvragen[0]!.naam})`]: await mintToken({ rol: 'werkgever', tenant: verwachting.id }),
  };
  return {
    leden: leden.map((l, i) => ({ naam: aanvragen[i]!.naam, id: l.id, status: l.status })),
    tokens,
  };
};
