import { PaginaParameters } from '../schemas/gemeenschappelijk';
import {
  Abonnement,
  AbonnementenPagina,
  AbonnementIdParameters,
  AbonnementInvoer,
  AbonnementMetGeheim,
  AbonnementWijziging,
  AfleveringenFilter,
  AfleveringenPagina,
  AfleveringMetPogingen,
  AfleveringParameters,
  HerhalingOpgave,
  Opdracht,
} from '../schemas/gebeurtenissen';
import { KLEIN } from './limieten';
import { route } from './route';

const WIE = ['coopAdmin', 'gemeente', 'werkgever', 'regiopartner'] as const;
const ZICHTBAARHEID =
  'Een abonnement is van zijn eigenaar (de gemeente, het lid of de regiopartner van de beller) en van de coördinatoren, die alle abonnementen zien en beheren; voor ieder ander bestaat het niet (404).';
const AFLEVERING =
  'Afleveringen dragen de Standard Webhooks-headers `webhook-id` (de id van de gebeurtenis, gelijk bij elke herhaling), `webhook-timestamp` en `webhook-signature` (`v1,` + base64 HMAC-SHA256 over `id.timestamp.body` met het geheim). Het bericht is een CloudEvent (NL GOV-profiel) of, met `berichtvorm: zgw`, het bericht van de ZGW Notificaties API, zonder persoonsgegevens.';

/** Webhook subscriptions (issue #14). */
export const abonnementenRoutes = {
  abonnementAanmaken: route({
    operationId: 'abonnementAanmaken',
    method: 'POST',
    path: '/v1/abonnementen',
    handler: 'functions/api/abonnementen/abonnement-aanmaken.ts',
    roles: WIE,
    tag: 'Abonnementen',
    summary: 'Een systeem abonneert zich op gebeurtenissen; het antwoord toont het geheim, eenmalig.',
    description: `${AFLEVERING} De callbackUrl is https, zonder gebruikersnaam of wachtwoord; haar host wordt nu en bij elke aflevering opgezocht en moet naar publieke unicast-adressen wijzen (422 anders). Een nieuw abonnement is \`inAfwachting\` tot een ondertekende verificatiegebeurtenis (\`nl.werkcoop.abonnementen.verificatie\`) een 2xx krijgt. Een Authorization-waarde wordt versleuteld bewaard en nooit meer getoond.`,
    request: { body: AbonnementInvoer, maxBodyBytes: KLEIN },
    responses: { 201: { description: 'Het abonnement met zijn geheim (alleen in dit antwoord).', schema: AbonnementMetGeheim, headers: ['ETag', 'Location'] } },
    errors: [400, 413, 415, 422],
  }),

  abonnementenZoeken: route({
    operationId: 'abonnementenZoeken',
    method: 'GET',
    path: '/v1/abonnementen',
    handler: 'functions/api/abonnementen/abonnementen-zoeken.ts',
    roles: WIE,
    tag: 'Abonnementen',
    summary: 'Uw abonnementen (coördinatoren: alle), oudste eerst.',
    description: ZICHTBAARHEID,
    request: { query: PaginaParameters },
    responses: { 200: { description: 'Een pagina abonnementen.', schema: AbonnementenPagina } },
    errors: [400],
  }),

  abonnementOphalen: route({
    operationId: 'abonnementOphalen',
    method: 'GET',
    path: '/v1/abonnementen/{abonnementId}',
    handler: 'functions/api/abonnementen/abonnement-ophalen.ts',
    roles: WIE,
    tag: 'Abonnementen',
    summary: 'Eén abonnement (zonder geheim en zonder Authorization-waarde).',
    description: ZICHTBAARHEID,
    request: { params: AbonnementIdParameters },
    responses: { 200: { description: 'Het abonnement.', schema: Abonnement, headers: ['ETag'] } },
    errors: [400, 404],
  }),

  abonnementWijzigen: route({
    operationId: 'abonnementWijzigen',
    method: 'PATCH',
    path: '/v1/abonnementen/{abonnementId}',
    handler: 'functions/api/abonnementen/abonnement-wijzigen.ts',
    roles: WIE,
    tag: 'Abonnementen',
    summary: 'Wijzigt types, callbackUrl, berichtvorm, contactadres of Authorization-waarde (JSON merge patch, met If-Match).',
    description: `${ZICHTBAARHEID} Een nieuwe callbackUrl, of een wijziging van een uitgeschakeld abonnement, maakt het weer \`inAfwachting\` tot de verificatie slaagt. \`authorization: null\` stuurt er geen meer.`,
    request: {
      params: AbonnementIdParameters,
      body: AbonnementWijziging,
      contentTypes: ['application/merge-patch+json', 'application/json'],
      maxBodyBytes: KLEIN,
      ifMatch: 'required',
    },
    responses: { 200: { description: 'Het gewijzigde abonnement.', schema: Abonnement, headers: ['ETag'] } },
    errors: [400, 404, 412, 413, 415, 422, 428],
  }),

  abonnementVerwijderen: route({
    operationId: 'abonnementVerwijderen',
    method: 'DELETE',
    path: '/v1/abonnementen/{abonnementId}',
    handler: 'functions/api/abonnementen/abonnement-verwijderen.ts',
    roles: WIE,
    tag: 'Abonnementen',
    summary: 'Beëindigt een abonnement: er wordt niets meer afgeleverd.',
    description: ZICHTBAARHEID,
    request: { params: AbonnementIdParameters, ifMatch: 'optional' },
    responses: { 204: { description: 'Het abonnement is verwijderd.' } },
    errors: [400, 404, 412],
  }),

  abonnementGeheimRoteren: route({
    operationId: 'abonnementGeheimRoteren',
    method: 'POST',
    path: '/v1/abonnementen/{abonnementId}/geheim-rotatie',
    handler: 'functions/api/abonnementen/abonnement-geheim-roteren.ts',
    roles: WIE,
    tag: 'Abonnementen',
    summary: 'Een nieuw geheim, eenmalig getoond; het vorige ondertekent nog 24 uur mee (beide handtekeningen in webhook-signature).',
    description: ZICHTBAARHEID,
    request: { params: AbonnementIdParameters },
    responses: { 200: { description: 'Het abonnement met zijn nieuwe geheim (alleen in dit antwoord).', schema: AbonnementMetGeheim, headers: ['ETag'] } },
    errors: [400, 404, 412],
  }),

  afleveringenZoeken: route({
    operationId: 'afleveringenZoeken',
    method: 'GET',
    path: '/v1/abonnementen/{abonnementId}/afleveringen',
    handler: 'functions/api/abonnementen/afleveringen-zoeken.ts',
    roles: WIE,
    tag: 'Abonnementen',
    summary: 'Het afleverlogboek: de afleveringen van een abonnement, nieuwste eerst; `status=mislukt` geeft de mislukte.',
    description: `${ZICHTBAARHEID} Een mislukte aflevering (alle pogingen op) wordt nooit verwijderd. Met een statusfilter kan een pagina korter zijn dan gevraagd; volg dan volgendePagina.`,
    request: { params: AbonnementIdParameters, query: PaginaParameters.extend(AfleveringenFilter.shape) },
    responses: { 200: { description: 'Een pagina afleveringen.', schema: AfleveringenPagina } },
    errors: [400, 404],
  }),

  afleveringOphalen: route({
    operationId: 'afleveringOphalen',
    method: 'GET',
    path: '/v1/abonnementen/{abonnementId}/afleveringen/{gebeurtenisId}',
    handler: 'functions/api/abonnementen/aflevering-ophalen.ts',
    roles: WIE,
    tag: 'Abonnementen',
    summary: 'Eén aflevering met elke poging: tijd, HTTP-status (of waarom er geen was) en duur; 30 dagen bewaard.',
    description: ZICHTBAARHEID,
    request: { params: AfleveringParameters },
    responses: { 200: { description: 'De aflevering met haar pogingen.', schema: AfleveringMetPogingen } },
    errors: [400, 404],
  }),

  afleveringHerbezorgen: route({
    operationId: 'afleveringHerbezorgen',
    method: 'POST',
    path: '/v1/abonnementen/{abonnementId}/afleveringen/{gebeurtenisId}/herbezorging',
    handler: 'functions/api/abonnementen/aflevering-herbezorgen.ts',
    roles: WIE,
    tag: 'Abonnementen',
    summary: 'Verstuurt één afgesloten aflevering (mislukt, vervallen of afgeleverd) nog één keer, met dezelfde webhook-id.',
    description: `${ZICHTBAARHEID} Een aflevering die al op een poging wacht of bezig is, is 409. De poging volgt binnen seconden; zie het afleverlogboek.`,
    request: { params: AfleveringParameters },
    responses: { 202: { description: 'De poging is gepland.', schema: Opdracht } },
    errors: [400, 404, 409],
  }),

  abonnementHerhalen: route({
    operationId: 'abonnementHerhalen',
    method: 'POST',
    path: '/v1/abonnementen/{abonnementId}/herhaling',
    handler: 'functions/api/abonnementen/abonnement-herhalen.ts',
    roles: WIE,
    tag: 'Abonnementen',
    summary: 'Levert de gebeurtenissen van een periode af die dit abonnement nog nooit kreeg (bijvoorbeeld van voor de verificatie of terwijl het uitgeschakeld was).',
    description: `${ZICHTBAARHEID} Hoogstens 30 dagen (422 anders); alleen voor een actief abonnement (409 anders). Wat al eens is afgeleverd, staat in de feed (GET /v1/gebeurtenissen); een mislukte aflevering verstuurt u opnieuw met herbezorging.`,
    request: { params: AbonnementIdParameters, body: HerhalingOpgave, maxBodyBytes: KLEIN },
    responses: { 202: { description: 'De herhaling is gepland.', schema: Opdracht } },
    errors: [400, 404, 409, 413, 415, 422],
  }),
} as const;
