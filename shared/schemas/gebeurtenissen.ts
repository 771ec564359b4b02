import * as z from 'zod';
import { BERICHTVORMEN, GEBEURTENIS_TYPE_NAMEN } from '../domain/abonnementen/gebeurtenissen';
import { Id } from './gemeenschappelijk';

export const GebeurtenisType = z.enum(GEBEURTENIS_TYPE_NAMEN).meta({ id: 'GebeurtenisType', description: 'Het soort gebeurtenis, in omgekeerde DNS met meervoudige domeinnamen (NL GOV-profiel voor CloudEvents).' });
export const Berichtvorm = z.enum(BERICHTVORMEN).meta({ id: 'Berichtvorm', description: '`cloudevents` (NL GOV-profiel) of `zgw` (het bericht van de ZGW Notificaties API).' });

/** An event as other systems see it: a CloudEvent after the NL GOV profile, without personal data. */
export const CloudEventGebeurtenis = z
  .strictObject({
    specversion: z.literal('1.0'),
    id: Id.meta({ description: 'Een ULID; dezelfde als `webhook-id` bij elke aflevering.' }),
    source: z.string().meta({ example: 'urn:nld:werkcoop:systeem:werkcoop-api' }),
    type: z.string().meta({ example: 'nl.werkcoop.plaatsingen.gestart' }),
    subject: z.string().meta({ description: 'De id van het object waar de gebeurtenis over gaat.' }),
    time: z.string().meta({ example: '2026-12-02T10:00:00.000Z' }),
    dataref: z.string().meta({ description: 'De URL van het object; de details haalt de ontvanger daar op, met zijn eigen toegang.' }),
    sequence: z.string().meta({ description: 'De versie van het object na de wijziging.' }),
    sequencetype: z.literal('Integer'),
    datacontenttype: z.literal('application/json'),
    data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).meta({ description: 'Alleen codes (fase, status, reden uit een vaste lijst) en ids; nooit persoonsgegevens.' }),
  })
  .meta({ id: 'Gebeurtenis' });

export const GebeurtenisIdParameters = z.strictObject({ gebeurtenisId: Id });

export const GebeurtenissenPagina = z
  .strictObject({
    gebeurtenissen: z.array(CloudEventGebeurtenis),
    volgendePagina: z.string().meta({ description: 'Pad naar de volgende pagina. Altijd gevuld: een lege pagina betekent dat er nu niets nieuws is; vraag dezelfde link later opnieuw.' }),
  })
  .meta({ id: 'GebeurtenissenPagina' });

export const AbonnementStatus = z
  .enum(['inAfwachting', 'actief', 'uitgeschakeld'])
  .meta({ id: 'AbonnementStatus', description: '`inAfwachting` tot een ondertekende verificatiegebeurtenis een 2xx kreeg van de callback; `actief`; `uitgeschakeld` na een 410 of na dagen zonder één geslaagde aflevering.' });

const Eigenaar = z
  .union([
    z.strictObject({ rol: z.literal('coopAdmin') }),
    z.strictObject({ rol: z.literal('gemeente'), gemeente: z.string() }),
    z.strictObject({ rol: z.literal('werkgever'), lidId: Id }),
    z.strictObject({ rol: z.literal('regiopartner'), partnerId: Id }),
  ])
  .meta({ id: 'AbonnementEigenaar', description: 'Voor wie het abonnement is: de gemeente, het lid, de regiopartner of de coöperatie.' });

/** An Authorization header value: printable ASCII, no line breaks (it goes into a header as it is). */
const AuthorizationWaarde = z
  .string()
  .min(1)
  .max(2048)
  .regex(/^[\x21-\x7e][\x20-\x7e]*$/, 'moet een geldige headerwaarde zijn (zichtbare ASCII, geen regeleinden)')
  .meta({ description: 'De waarde van de Authorization-header die bij elke aflevering wordt meegestuurd, bijvoorbeeld `Bearer …`. Versleuteld bewaard en nooit meer getoond.' });

const CallbackUrl = z.string().max(2048).meta({ description: 'https, zonder gebruikersnaam of wachtwoord; de host moet naar publieke adressen wijzen.', example: 'https://zaaksysteem.gemeente.nl/werkcoop/webhooks' });
const Types = z.array(GebeurtenisType).min(1).max(GEBEURTENIS_TYPE_NAMEN.length).meta({ description: 'De gebeurtenissen waarop u zich abonneert; alleen over objecten die u ziet (anders 422).' });
const ContactEmail = z.email().max(254).meta({ description: 'Het adres dat een bericht krijgt als afleveringen blijven mislukken (hoogstens één per dag).' });

export const Abonnement = z
  .strictObject({
    id: Id,
    eigenaar: Eigenaar,
    types: z.array(GebeurtenisType),
    callbackUrl: z.string(),
    berichtvorm: Berichtvorm,
    contactEmail: z.string(),
    status: AbonnementStatus,
    uitgeschakeldOmdat: z.enum(['opgezegd', 'zonderSucces']).optional(),
    authorizationIngesteld: z.boolean().meta({ description: 'Of er een Authorization-waarde is ingesteld; de waarde zelf wordt nooit getoond.' }),
    vorigGeheimGeldigTot: z.string().optional().meta({ description: 'Na een rotatie: tot wanneer het vorige geheim nog naast het nieuwe ondertekent.' }),
    aangemaaktOp: z.string(),
    gewijzigdOp: z.string(),
    versie: z.number().int().min(1),
  })
  .meta({ id: 'Abonnement' });

export const AbonnementMetGeheim = Abonnement.extend({
  geheim: z.string().meta({ description: 'Het geheim (`whsec_…`) waarmee u de handtekening controleert. Alleen nu getoond: bewaar het.' }),
}).meta({ id: 'AbonnementMetGeheim' });

export const AbonnementInvoer = z
  .strictObject({
    types: Types,
    callbackUrl: CallbackUrl,
    berichtvorm: Berichtvorm.default('cloudevents'),
    contactEmail: ContactEmail,
    authorization: AuthorizationWaarde.optional(),
  })
  .meta({ id: 'AbonnementInvoer' });

export const AbonnementWijziging = z
  .strictObject({
    types: Types.optional(),
    callbackUrl: CallbackUrl.optional(),
    berichtvorm: Berichtvorm.optional(),
    contactEmail: ContactEmail.optional(),
    authorization: AuthorizationWaarde.nullable().optional().meta({ description: 'Een nieuwe waarde, of null om er geen meer te sturen.' }),
  })
  .meta({ id: 'AbonnementWijziging' });

export const AbonnementIdParameters = z.strictObject({ abonnementId: Id });

export const AbonnementenPagina = z
  .strictObject({ abonnementen: z.array(Abonnement), volgendePagina: z.string().nullable().meta({ description: 'Pad naar de volgende pagina, of null op de laatste.' }) })
  .meta({ id: 'AbonnementenPagina' });

export const AfleverStatus = z
  .enum(['wachtend', 'bezig', 'afgeleverd', 'mislukt', 'vervallen'])
  .meta({ id: 'AfleverStatus', description: '`wachtend` op de volgende poging, `bezig`, `afgeleverd` (2xx), `mislukt` (pogingen op; bewaard), `vervallen` (abonnement weg of object niet meer zichtbaar).' });

export const Aflevering = z
  .strictObject({
    gebeurtenisId: Id,
    status: AfleverStatus,
    poging: z.number().int().min(1).meta({ description: 'De laatste of de volgende poging.' }),
    laatsteStatus: z.union([z.number().int(), z.string()]).optional().meta({ description: 'De HTTP-status van de laatste poging, of waarom er geen was (timeout, adresGeweigerd, …).' }),
    laatstePogingOp: z.string().optional(),
    volgendePogingOp: z.string().optional(),
    aangemaaktOp: z.string(),
  })
  .meta({ id: 'Aflevering' });

export const Afleverpoging = z
  .strictObject({ poging: z.number().int(), op: z.string(), status: z.number().int().optional(), fout: z.string().optional(), duurMs: z.number().int() })
  .meta({ id: 'Afleverpoging' });

export const AfleveringMetPogingen = z
  .strictObject({ gebeurtenisId: Id, status: AfleverStatus, poging: z.number().int().min(1), pogingen: z.array(Afleverpoging).meta({ description: 'Elke poging (30 dagen bewaard).' }) })
  .meta({ id: 'AfleveringMetPogingen' });

export const AfleveringenFilter = z.strictObject({ status: AfleverStatus.optional() });
export const AfleveringenPagina = z
  .strictObject({ afleveringen: z.array(Aflevering), volgendePagina: z.string().nullable().meta({ description: 'Pad naar de volgende pagina, of null op de laatste.' }) })
  .meta({ id: 'AfleveringenPagina' });
export const AfleveringParameters = z.strictObject({ abonnementId: Id, gebeurtenisId: Id });

export const HerhalingOpgave = z
  .strictObject({
    van: z.iso.datetime({ offset: false }).meta({ example: '2026-12-01T00:00:00.000Z' }),
    tot: z.iso.datetime({ offset: false }).meta({ example: '2026-12-02T00:00:00.000Z' }),
  })
  .meta({ id: 'HerhalingOpgave', description: 'Een periode van hoogstens 30 dagen (de bewaartermijn van gebeurtenissen).' });
export const Opdracht = z.strictObject({ bericht: z.string() }).meta({ id: 'Opdracht' });
