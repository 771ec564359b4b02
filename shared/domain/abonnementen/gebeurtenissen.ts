/**
 * What other systems hear: thin CloudEvents 1.0 after the NL GOV profile (Logius, "pas toe of leg uit"
 * since 2025), or, for gemeenten' existing ZGW receivers, the body of VNG's Notificaties API. Never personal
 * data: ids, URLs and non-personal status codes only. The receiver fetches the details through the API,
 * where the access is checked and the processing logged (gemma-zaken#1521 asks for exactly this).
 */

/** The NL GOV profile asks for a URN naming the organisation and the system (RFC 8141 shape). */
export const GEBEURTENIS_BRON = 'urn:nld:werkcoop:systeem:werkcoop-api';
export const TYPE_VOORVOEGSEL = 'nl.werkcoop';

/** The kinds of objects an event is about, with their plural domain name (the type's middle part) and path. */
export const ONDERWERPEN = {
  verwijzing: { meervoud: 'verwijzingen', pad: 'verwijzingen' },
  plaatsing: { meervoud: 'plaatsingen', pad: 'plaatsingen' },
  nazorgmoment: { meervoud: 'nazorgmomenten', pad: 'nazorgmomenten' },
  duurzaamheidsmeting: { meervoud: 'duurzaamheidsmetingen', pad: 'nazorgmomenten' },
  escalatie: { meervoud: 'escalaties', pad: 'escalaties' },
  lid: { meervoud: 'leden', pad: 'leden' },
  regiopartnerAanmelding: { meervoud: 'regiopartner-aanmeldingen', pad: 'regiopartner-aanmeldingen' },
  abonnement: { meervoud: 'abonnementen', pad: 'abonnementen' },
} as const;
export type OnderwerpSoort = keyof typeof ONDERWERPEN;

/**
 * Every event type, `nl.werkcoop.<plural>.<verb>`, with what it is about. A subscription names these.
 * Matching itself only reads (it suggests, people decide): a candidate "matched/proposed" is the placement
 * proposal made from a match, `plaatsingen.voorgesteld`. Phases without a type of their own (kennismaking,
 * proefplaatsing, afgewezen, geannuleerd) are `plaatsingen.fase-gewijzigd` with the phase in data.
 */
export const GEBEURTENIS_TYPES = {
  'nl.werkcoop.verwijzingen.status-gewijzigd': 'verwijzing',
  'nl.werkcoop.plaatsingen.voorgesteld': 'plaatsing',
  'nl.werkcoop.plaatsingen.fase-gewijzigd': 'plaatsing',
  'nl.werkcoop.plaatsingen.gestart': 'plaatsing',
  'nl.werkcoop.plaatsingen.beeindigd': 'plaatsing',
  'nl.werkcoop.nazorgmomenten.verstuurd': 'nazorgmoment',
  'nl.werkcoop.nazorgmomenten.beantwoord': 'nazorgmoment',
  'nl.werkcoop.escalaties.aangemaakt': 'escalatie',
  'nl.werkcoop.escalaties.afgehandeld': 'escalatie',
  'nl.werkcoop.duurzaamheidsmetingen.vastgelegd': 'duurzaamheidsmeting',
  'nl.werkcoop.leden.goedgekeurd': 'lid',
  'nl.werkcoop.leden.geschorst': 'lid',
  'nl.werkcoop.regiopartner-aanmeldingen.goedgekeurd': 'regiopartnerAanmelding',
  'nl.werkcoop.regiopartner-aanmeldingen.afgewezen': 'regiopartnerAanmelding',
} as const satisfies Record<string, OnderwerpSoort>;
export type GebeurtenisType = keyof typeof GEBEURTENIS_TYPES;
export const GEBEURTENIS_TYPE_NAMEN = Object.keys(GEBEURTENIS_TYPES) as [GebeurtenisType, ...GebeurtenisType[]];

/** Sent once to a new subscription (and on request): its 2xx makes the subscription `actief`. */
export const VERIFICATIE_TYPE = 'nl.werkcoop.abonnementen.verificatie';

/**
 * The data of an event: only codes from closed lists (a status, a phase, an end reason) and ids. The type
 * makes it impossible to put free text or a name in; the builder checks it again at run time.
 */
export type GebeurtenisData = Readonly<Record<string, string | number | boolean>>;

/**
 * Who may see the object the event is about, as it was when the event was written: the pull feed and the
 * fan-out use it to find candidates; the fan-out checks the object's current access again before it sends.
 */
export interface Betrokkenen {
  readonly gemeente?: string | undefined;
  readonly lidId?: string | undefined;
  readonly partnerId?: string | undefined;
}

/** The stored event: what the outbox item holds and `GET /v1/gebeurtenissen/{id}` shows. */
export interface Gebeurtenis {
  /** A ULID: sortable, so the pull feed's order is the order of writing. */
  readonly id: string;
  readonly type: GebeurtenisType | typeof VERIFICATIE_TYPE;
  readonly onderwerp: { readonly soort: OnderwerpSoort; readonly id: string };
  /** The resource's version after the change (its `sequence`). */
  readonly versie: number;
  readonly tijd: string;
  readonly data: GebeurtenisData;
  readonly betrokkenen: Betrokkenen;
}

/** Ids, codes and numbers: letters, digits and a few separators, short. A space or an '@' is a sign of personal data. */
const CODE = /^[A-Za-z0-9_.:-]{1,64}$/;

export const nieuweGebeurtenis = (g: Gebeurtenis): Gebeurtenis => {
  if (g.type !== VERIFICATIE_TYPE && GEBEURTENIS_TYPES[g.type] !== g.onderwerp.soort) {
    throw new Error(`gebeurtenis: type ${g.type} hoort niet bij een ${g.onderwerp.soort}`);
  }
  for (const [k, v] of Object.entries(g.data)) {
    if (typeof v === 'string' && !CODE.test(v)) throw new Error(`gebeurtenis: data.${k} is geen code of id (geen persoonsgegevens in een gebeurtenis)`);
  }
  if (!Number.isInteger(g.versie) || g.versie < 0) throw new Error('gebeurtenis: versie is een geheel getal ≥ 0');
  return g;
};

/** The resource's URL, where the receiver reads the details with its own access. */
export const resourceUrl = (apiBasis: string, o: Gebeurtenis['onderwerp']): string =>
  `${apiBasis.replace(/\/$/, '')}/${ONDERWERPEN[o.soort].pad}/${encodeURIComponent(o.id)}`;

export const gebeurtenisUrl = (apiBasis: string, id: string): string => `${apiBasis.replace(/\/$/, '')}/gebeurtenissen/${encodeURIComponent(id)}`;

export interface CloudEvent {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly dataref: string;
  /** The NL GOV profile: a string, so a receiver can order events about one resource. */
  readonly sequence: string;
  readonly sequencetype: 'Integer';
  readonly datacontenttype: 'application/json';
  readonly data: GebeurtenisData;
}

export const alsCloudEvent = (g: Gebeurtenis, apiBasis: string): CloudEvent => ({
  specversion: '1.0',
  id: g.id,
  source: GEBEURTENIS_BRON,
  type: g.type,
  // The object's id, not a person: the profile allows subject for the resource the event is about.
  subject: g.onderwerp.id,
  time: g.tijd,
  dataref: resourceUrl(apiBasis, g.onderwerp),
  sequence: String(g.versie),
  sequencetype: 'Integer',
  datacontenttype: 'application/json',
  data: g.data,
});

/** The body of VNG's Notificaties API (ZGW), for receivers built for it. */
export interface ZgwNotificatie {
  readonly kanaal: string;
  readonly hoofdObject: string;
  readonly resource: string;
  readonly resourceUrl: string;
  readonly actie: string;
  readonly aanmaakdatum: string;
  readonly kenmerken: Readonly<Record<string, string>>;
}

/**
 * ZGW's kanaal is the plural domain name; actie is the verb ("create", "update" … in ZGW; we send our own
 * verb, which ZGW receivers route on as free text).
 */
export const alsZgwNotificatie = (g: Gebeurtenis, apiBasis: string): ZgwNotificatie => {
  const deel = g.type.slice(TYPE_VOORVOEGSEL.length + 1);
  const punt = deel.lastIndexOf('.');
  const url = resourceUrl(apiBasis, g.onderwerp);
  return {
    kanaal: deel.slice(0, punt),
    hoofdObject: url,
    resource: g.onderwerp.soort,
    resourceUrl: url,
    actie: deel.slice(punt + 1),
    aanmaakdatum: g.tijd,
    kenmerken: {
      gebeurtenisId: g.id,
      versie: String(g.versie),
      ...Object.fromEntries(Object.entries(g.data).map(([k, v]) => [k, String(v)])),
    },
  };
};

export const BERICHTVORMEN = ['cloudevents', 'zgw'] as const;
export type Berichtvorm = (typeof BERICHTVORMEN)[number];

/** The exact bytes that are signed and sent: the signature covers this string, so it is built once. */
export const berichtBody = (g: Gebeurtenis, vorm: Berichtvorm, apiBasis: string): string =>
  JSON.stringify(vorm === 'zgw' ? alsZgwNotificatie(g, apiBasis) : alsCloudEvent(g, apiBasis));
