import { uitkomstrecordVan } from './cohorten';
import type { Aansluitingbron, Uitkomst } from './rapport';

/**
 * What each source item contributes to a placement's outcome record — the placement itself, each of its
 * follow-up moments, each escalation — and how the parts make the record. The stream consumer keeps every
 * part with the last stream record applied to it (shared/store/uitkomsten-store.ts), so parts can arrive in
 * any order, twice, or after a retry, and the record is always made from the newest part of each source.
 * Parts hold codes, dates and answers in categories only: no name, no free text, nothing of an erasure.
 */
export interface Plaatsingdeel {
  readonly lidId: string;
  readonly gemeente: string;
  readonly verwijzingId: string;
  readonly werkplekId: string;
  readonly jobcoachPartnerId?: string | undefined;
  readonly startdatum?: string | undefined;
  readonly einde?: { readonly datum: string; readonly reden: string } | undefined;
  readonly contractvorm?: string | undefined;
  readonly urenPerWeek?: number | undefined;
  readonly teltVoorBanenafspraak?: boolean | undefined;
  readonly instrumenten: readonly string[];
}

export interface Momentdeel {
  readonly soort: string;
  readonly termijn?: string | undefined;
  readonly status: string;
  /** The durability answer in categories, when answered. */
  readonly antwoord?: { readonly nogInDienst: boolean; readonly werkzaamElders?: boolean | undefined } | undefined;
  /** Decided: answered, or escalated as unanswered after its deadline; opTijd: answered by its deadline. */
  readonly beslist: boolean;
  readonly opTijd: boolean;
}

export interface Escalatiedeel {
  readonly op: string;
  readonly afhandelUren?: number | undefined;
}

/** What the consumer reads once from the referral and the place (they do not change once a placement exists). */
export interface Kenmerken {
  readonly doelgroep?: string | undefined;
  readonly arbeidsmarktregio?: string | undefined;
  readonly soortWerkplek?: string | undefined;
  readonly werksoort?: string | undefined;
}

type Beeld = Readonly<Record<string, unknown>>;
const tekst = (b: Beeld, n: string): string | undefined => (typeof b[n] === 'string' ? (b[n] as string) : undefined);
/** A record without what every item of its kind has is not one to guess about: it fails, and the stream retries it. */
const vereist = (b: Beeld, n: string): string => {
  const v = tekst(b, n);
  if (v === undefined) throw new Error(`stream record zonder ${n}`);
  return v;
};

export const plaatsingdeelVan = (b: Beeld): Plaatsingdeel => {
  const contract = b.contract as { startdatum: string; contractvorm: string; urenPerWeek: number; teltVoorBanenafspraak: boolean } | undefined;
  const beeindiging = b.beeindiging as { einddatum: string; reden: string } | undefined;
  const instrumenten = (b.instrumenten as { invoer: { soort: string } }[] | undefined) ?? [];
  return {
    lidId: vereist(b, 'lidId'),
    gemeente: vereist(b, 'gemeente'),
    verwijzingId: vereist(b, 'verwijzingId'),
    werkplekId: vereist(b, 'werkplekId'),
    ...(tekst(b, 'jobcoachPartnerId') ? { jobcoachPartnerId: tekst(b, 'jobcoachPartnerId') } : {}),
    ...(contract ? { startdatum: contract.startdatum, contractvorm: contract.contractvorm, urenPerWeek: contract.urenPerWeek, teltVoorBanenafspraak: contract.teltVoorBanenafspraak } : {}),
    ...(beeindiging ? { einde: { datum: beeindiging.einddatum, reden: beeindiging.reden } } : {}),
    instrumenten: [...new Set(instrumenten.map((i) => i.invoer.soort))].sort(),
  };
};

export const momentdeelVan = (b: Beeld): Momentdeel => {
  const status = vereist(b, 'status');
  const antwoorden = (b.antwoorden as { nogInDienst: boolean; werkzaamElders?: boolean; op: string }[] | undefined) ?? [];
  const eerste = antwoorden[0];
  const uiterlijk = tekst(b, 'antwoordUiterlijk');
  const beantwoord = status === 'beantwoord' && eerste !== undefined;
  const opTijd = beantwoord && (!uiterlijk || eerste.op.slice(0, 10) <= uiterlijk);
  return {
    soort: vereist(b, 'soort'),
    ...(tekst(b, 'termijn') ? { termijn: tekst(b, 'termijn') } : {}),
    status,
    ...(beantwoord ? { antwoord: { nogInDienst: eerste.nogInDienst, ...(eerste.werkzaamElders !== undefined ? { werkzaamElders: eerste.werkzaamElders } : {}) } } : {}),
    beslist: beantwoord || (status !== 'geannuleerd' && tekst(b, 'geescaleerdOp') !== undefined),
    opTijd,
  };
};

export const escalatiedeelVan = (b: Beeld): Escalatiedeel => {
  const op = vereist(b, 'aangemaaktOp');
  const af = tekst(b, 'afgehandeldOp');
  return { op: op.slice(0, 10), ...(af ? { afhandelUren: Math.round((10 * (Date.parse(af) - Date.parse(op))) / 3_600_000) / 10 } : {}) };
};

/** The outcome record from the parts, or none while the placement has not started (or its own part is not in yet). */
export const uitkomstVan = (
  plaatsingId: string,
  plaatsing: Plaatsingdeel | undefined,
  momenten: readonly Momentdeel[],
  escalaties: readonly Escalatiedeel[],
  kenmerken: Kenmerken,
): Uitkomst | undefined => {
  if (!plaatsing?.startdatum) return undefined;
  const record = uitkomstrecordVan(
    { id: plaatsingId, contract: { startdatum: plaatsing.startdatum }, ...(plaatsing.einde ? { beeindiging: { einddatum: plaatsing.einde.datum, reden: plaatsing.einde.reden } } : {}) },
    momenten.map((m) => ({ soort: m.soort, termijn: m.termijn, status: m.status, antwoorden: m.antwoord ? [m.antwoord] : [] })),
  )!;
  const nazorg: Record<string, { beslist: number; opTijd: number }> = {};
  for (const m of momenten) {
    if (!m.beslist) continue;
    const n = (nazorg[m.soort] ??= { beslist: 0, opTijd: 0 });
    n.beslist++;
    if (m.opTijd) n.opTijd++;
  }
  return {
    ...record,
    gemeente: plaatsing.gemeente,
    arbeidsmarktregio: kenmerken.arbeidsmarktregio ?? 'onbekend',
    lidId: plaatsing.lidId,
    ...(plaatsing.jobcoachPartnerId ? { jobcoachPartnerId: plaatsing.jobcoachPartnerId } : {}),
    ...(kenmerken.doelgroep ? { doelgroep: kenmerken.doelgroep } : {}),
    ...(kenmerken.soortWerkplek ? { soortWerkplek: kenmerken.soortWerkplek } : {}),
    ...(kenmerken.werksoort ? { werksoort: kenmerken.werksoort } : {}),
    ...(plaatsing.contractvorm ? { contractvorm: plaatsing.contractvorm } : {}),
    ...(plaatsing.urenPerWeek !== undefined ? { urenPerWeek: plaatsing.urenPerWeek } : {}),
    ...(plaatsing.teltVoorBanenafspraak !== undefined ? { teltVoorBanenafspraak: plaatsing.teltVoorBanenafspraak } : {}),
    instrumenten: plaatsing.instrumenten,
    nazorg,
    escalaties: [...escalaties].sort((a, b) => a.op.localeCompare(b.op) || (a.afhandelUren ?? -1) - (b.afhandelUren ?? -1)),
  };
};

/** The scopes a record is reported in: its gemeente's, its region's, its member's, its jobcoach organisation's and the nation's. */
export const scopesVan = (u: Uitkomst): string[] => [
  `GEMEENTE#${u.gemeente}`,
  `REGIO#${u.arbeidsmarktregio}`,
  `LID#${u.lidId}`,
  ...(u.jobcoachPartnerId ? [`PARTNER#${u.jobcoachPartnerId}`] : []),
  'NATIONAAL',
];

/** A referral waits in its region's supply while bemiddelbaar; `sinds` is kept from the moment it became so. */
export const kandidaatbronVan = (b: Beeld, eerder: Aansluitingbron | undefined): Aansluitingbron | undefined => {
  if (tekst(b, 'status') !== 'bemiddelbaar') return undefined;
  return {
    soort: 'kandidaat',
    arbeidsmarktregio: vereist(b, 'arbeidsmarktregio'),
    werksoorten: [...new Set((b.werksoortVoorkeuren as string[] | undefined) ?? [])].sort(),
    beschutWerk: tekst(b, 'doelgroep') === 'beschutWerk',
    bemiddelbaarSinds: eerder?.soort === 'kandidaat' ? eerder.bemiddelbaarSinds : (tekst(b, 'gewijzigdOp') ?? '').slice(0, 10),
  };
};

/** A place is demand while open with free places. */
export const werkplekbronVan = (b: Beeld): Aansluitingbron | undefined => {
  const vrij = Number(b.aantalPlaatsen ?? 0) - Number(b.aantalBezet ?? 0);
  if (tekst(b, 'status') !== 'open' || vrij <= 0) return undefined;
  return { soort: 'werkplek', arbeidsmarktregio: vereist(b, 'arbeidsmarktregio'), werksoort: vereist(b, 'werksoort'), beschutWerk: tekst(b, 'soort') === 'beschutWerk', vrijePlaatsen: vrij };
};
