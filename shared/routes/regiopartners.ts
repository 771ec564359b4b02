import { PaginaParameters } from '../schemas/gemeenschappelijk';
import { RedenOpgave } from '../schemas/leden';
import {
  AanmeldingBevestigd,
  AanmeldingBevestiging,
  AanmeldingenFilter,
  AanmeldingenPagina,
  AanmeldingGebeurtenissenPagina,
  AanmeldingGoedgekeurd,
  AanmeldingIdParameters,
  AanmeldingOntvangen,
  MachineClientGegevens,
  PartnerGebruiker,
  PartnerGebruikerInvoer,
  PartnerGebruikerParameters,
  PartnerGebruikersPagina,
  PartnerIdParameters,
  RegiocijfersLijst,
  RegiocijfersParameters,
  Regiopartner,
  RegiopartnerAanmelding,
  RegiopartnerAanmeldingInvoer,
  RegiopartnerInvoer,
  RegiopartnersPagina,
} from '../schemas/regiopartners';
import { KLEIN } from './limieten';
import { route } from './route';

/**
 * The public endpoints take far less than KLEIN: an application with all 35 regions and the longest names
 * is under 3 KB, a confirmation is one 43-character code.
 */
const AANMELDING_MAX_BYTES = 4 * 1024;
const BEVESTIGING_MAX_BYTES = 256;

/** Regiopartners: partner organisations such as jobcoach organisations, and their sign-up. */
export const regiopartnersRoutes = {
  regiopartnerAanmaken: route({
    operationId: 'regiopartnerAanmaken',
    method: 'POST',
    path: '/v1/regiopartners',
    handler: 'functions/api/regiopartners/regiopartner-aanmaken.ts',
    roles: ['coopAdmin'],
    tag: 'Regiopartners',
    summary: 'Een coördinator maakt een goedgekeurde regiopartner aan.',
    description:
      'Naast de openbare aanmelding (/regiopartner-aanmeldingen) kan een coördinator een regiopartner rechtstreeks aanmaken; hij is meteen goedgekeurd, met dezelfde gegevens als een goedgekeurde aanmelding. Een jobcoachorganisatie kan daarna aan een plaatsing worden toegewezen.',
    request: { body: RegiopartnerInvoer, maxBodyBytes: KLEIN },
    responses: { 201: { description: 'De regiopartner is aangemaakt.', schema: Regiopartner, headers: ['ETag', 'Location'] } },
    errors: [400, 413, 415],
  }),

  regiopartnersZoeken: route({
    operationId: 'regiopartnersZoeken',
    method: 'GET',
    path: '/v1/regiopartners',
    handler: 'functions/api/regiopartners/regiopartners-zoeken.ts',
    roles: ['coopAdmin', 'regiopartner'],
    tag: 'Regiopartners',
    summary: 'Regiopartners, gepagineerd. Een regiopartner ziet alleen zichzelf.',
    request: { query: PaginaParameters },
    responses: { 200: { description: 'Een pagina regiopartners.', schema: RegiopartnersPagina } },
    errors: [400],
  }),

  regiopartnerOphalen: route({
    operationId: 'regiopartnerOphalen',
    method: 'GET',
    path: '/v1/regiopartners/{partnerId}',
    handler: 'functions/api/regiopartners/regiopartner-ophalen.ts',
    roles: ['coopAdmin', 'regiopartner'],
    tag: 'Regiopartners',
    summary: 'Eén regiopartner.',
    request: { params: PartnerIdParameters },
    responses: { 200: { description: 'De regiopartner.', schema: Regiopartner, headers: ['ETag'] } },
    errors: [400, 404],
  }),

  partnerGebruikerUitnodigen: route({
    operationId: 'partnerGebruikerUitnodigen',
    method: 'POST',
    path: '/v1/regiopartners/{partnerId}/gebruikers',
    handler: 'functions/api/regiopartners/partner-gebruiker-uitnodigen.ts',
    roles: ['coopAdmin'],
    tag: 'Regiopartners',
    summary: 'Een medewerker van een regiopartner toegang geven.',
    description:
      'Een coördinator nodigt een medewerker uit. Die krijgt een account met de rol regiopartner voor deze partner: hij ziet wat de partner mag zien, de plaatsingen waarvan de partner jobcoach is en de cijfers van de regio\'s van de partner. Het account wordt na dit antwoord gemaakt; de medewerker krijgt dan een e-mail met een tijdelijk wachtwoord en stelt bij de eerste aanmelding een eigen wachtwoord en tweestapsverificatie in. De status in de lijst van gebruikers toont wanneer het account er is. Hetzelfde adres twee keer voor dezelfde partner: 409. De contactpersoon van een regiopartner krijgt vanzelf een account, bij het aanmaken of goedkeuren.',
    request: { params: PartnerIdParameters, body: PartnerGebruikerInvoer, maxBodyBytes: KLEIN },
    responses: { 202: { description: 'De medewerker is uitgenodigd; het account volgt.', schema: PartnerGebruiker } },
    errors: [400, 404, 409, 413, 415],
  }),

  machineClientVernieuwen: route({
    operationId: 'machineClientVernieuwen',
    method: 'POST',
    path: '/v1/regiopartners/{partnerId}/machineclient',
    handler: 'functions/api/regiopartners/machineclient-vernieuwen.ts',
    roles: ['coopAdmin'],
    tag: 'Regiopartners',
    summary: 'Een nieuwe machineclient voor een regiopartner; de vorige vervalt.',
    description:
      'Voor een regiopartner die een coördinator rechtstreeks aanmaakte (die heeft nog geen machineclient) en voor een client secret dat kwijt is of uitgelekt kan zijn. Het antwoord bevat het nieuwe client secret, één keer. De vorige client kan vanaf dit antwoord geen bruikbaar token meer krijgen; een token dat hij al had, blijft tot het verloopt (ten hoogste een uur) geldig. Twee vervangingen tegelijk: één slaagt, de andere krijgt 409.',
    request: { params: PartnerIdParameters, maxBodyBytes: KLEIN },
    responses: { 201: { description: 'De nieuwe machineclient van de regiopartner.', schema: MachineClientGegevens } },
    errors: [400, 404, 409, 413, 415],
    machineClients: true,
  }),

  partnerGebruikerIntrekken: route({
    operationId: 'partnerGebruikerIntrekken',
    method: 'POST',
    path: '/v1/regiopartners/{partnerId}/gebruikers/{gebruikerId}/intrekking',
    handler: 'functions/api/regiopartners/partner-gebruiker-intrekken.ts',
    roles: ['coopAdmin'],
    tag: 'Regiopartners',
    summary: 'De toegang van een medewerker van een regiopartner intrekken.',
    description:
      'Bijvoorbeeld als de medewerker bij de partner vertrekt. Het account wordt na dit antwoord verwijderd, alleen als het nog de rol en organisatie van deze partner heeft; de lijst van gebruikers toont dan ingetrokken. Een token dat de medewerker al had, blijft tot het verloopt (ten hoogste een uur) geldig. Al ingetrokken: 409. Daarna kan dezelfde persoon opnieuw worden uitgenodigd.',
    request: { params: PartnerGebruikerParameters, maxBodyBytes: KLEIN },
    responses: { 202: { description: 'De toegang wordt ingetrokken; het account wordt verwijderd.', schema: PartnerGebruiker } },
    errors: [400, 404, 409, 413, 415],
  }),

  partnerGebruikersZoeken: route({
    operationId: 'partnerGebruikersZoeken',
    method: 'GET',
    path: '/v1/regiopartners/{partnerId}/gebruikers',
    handler: 'functions/api/regiopartners/partner-gebruikers-zoeken.ts',
    roles: ['coopAdmin', 'regiopartner'],
    tag: 'Regiopartners',
    summary: 'De medewerkers van een regiopartner met toegang, en de stand van hun account. Een regiopartner ziet alleen de eigen medewerkers.',
    request: { params: PartnerIdParameters, query: PaginaParameters },
    responses: { 200: { description: 'Een pagina medewerkers.', schema: PartnerGebruikersPagina } },
    errors: [400, 404],
  }),

  regiopartnerAanmelden: route({
    operationId: 'regiopartnerAanmelden',
    method: 'POST',
    path: '/v1/regiopartner-aanmeldingen',
    handler: 'functions/api/regiopartners/regiopartner-aanmelden.ts',
    roles: 'public',
    tag: 'Regiopartners',
    summary: 'Een organisatie meldt zich aan als regiopartner.',
    description:
      'Openbaar. De contactpersoon krijgt een e-mail met een bevestigingslink (48 uur geldig, één keer te gebruiken); daarna besluit een coördinator. Het antwoord is altijd 202 met dezelfde tekst, ook als er voor dit KvK-nummer al een aanmelding loopt: die wordt dan niet nog eens in behandeling genomen, en alleen de contactpersoon van de lopende aanmelding hoort daarvan. Zo vertelt het antwoord niemand of een organisatie zich al heeft aangemeld. Per clientadres geldt een limiet (429 met Retry-After).',
    request: { body: RegiopartnerAanmeldingInvoer, maxBodyBytes: AANMELDING_MAX_BYTES },
    responses: { 202: { description: 'De aanmelding is ontvangen.', schema: AanmeldingOntvangen } },
    errors: [400, 413, 415, 429],
  }),

  regiopartnerAanmeldingBevestigen: route({
    operationId: 'regiopartnerAanmeldingBevestigen',
    method: 'POST',
    path: '/v1/regiopartner-aanmeldingen/bevestiging',
    handler: 'functions/api/regiopartners/aanmelding-bevestigen.ts',
    roles: 'public',
    tag: 'Regiopartners',
    summary: 'De contactpersoon bevestigt het e-mailadres met de code uit de bevestigingslink.',
    description:
      'Openbaar. De code staat in de body, niet in de URL: zo komt hij niet in logboeken terecht. Een onbekende, verlopen of al gebruikte code krijgt steeds hetzelfde antwoord (422). Per clientadres geldt een limiet (429 met Retry-After).',
    request: { body: AanmeldingBevestiging, maxBodyBytes: BEVESTIGING_MAX_BYTES },
    responses: { 200: { description: 'Het e-mailadres is bevestigd; de aanmelding wacht op het besluit van een coördinator.', schema: AanmeldingBevestigd } },
    errors: [400, 413, 415, 422, 429],
  }),

  regiopartnerAanmeldingenZoeken: route({
    operationId: 'regiopartnerAanmeldingenZoeken',
    method: 'GET',
    path: '/v1/regiopartner-aanmeldingen',
    handler: 'functions/api/regiopartners/aanmeldingen-zoeken.ts',
    roles: ['coopAdmin'],
    tag: 'Regiopartners',
    summary: 'Aanmeldingen van regiopartners, gepagineerd, eventueel op status.',
    request: { query: PaginaParameters.extend(AanmeldingenFilter.shape) },
    responses: { 200: { description: 'Een pagina aanmeldingen.', schema: AanmeldingenPagina } },
    errors: [400],
  }),

  regiopartnerAanmeldingOphalen: route({
    operationId: 'regiopartnerAanmeldingOphalen',
    method: 'GET',
    path: '/v1/regiopartner-aanmeldingen/{aanmeldingId}',
    handler: 'functions/api/regiopartners/aanmelding-ophalen.ts',
    roles: ['coopAdmin'],
    tag: 'Regiopartners',
    summary: 'Eén aanmelding.',
    request: { params: AanmeldingIdParameters },
    responses: { 200: { description: 'De aanmelding.', schema: RegiopartnerAanmelding, headers: ['ETag'] } },
    errors: [400, 404],
  }),

  regiopartnerAanmeldingGoedkeuren: route({
    operationId: 'regiopartnerAanmeldingGoedkeuren',
    method: 'POST',
    path: '/v1/regiopartner-aanmeldingen/{aanmeldingId}/goedkeuring',
    handler: 'functions/api/regiopartners/aanmelding-goedkeuren.ts',
    roles: ['coopAdmin'],
    tag: 'Regiopartners',
    summary: 'Een bevestigde aanmelding goedkeuren: de regiopartner en zijn machineclient ontstaan.',
    description:
      'Alleen een bevestigde aanmelding (anders 409). Het antwoord bevat het client secret van de machineclient van de partner, één keer: werkcoop bewaart het niet leesbaar en kan het niet opnieuw tonen. Geef het via een veilig kanaal door.',
    request: { params: AanmeldingIdParameters, maxBodyBytes: KLEIN, ifMatch: 'optional' },
    responses: { 200: { description: 'De goedgekeurde aanmelding, de regiopartner en de gegevens van de machineclient.', schema: AanmeldingGoedgekeurd } },
    errors: [400, 404, 409, 412, 413, 415],
    machineClients: true,
  }),

  regiopartnerAanmeldingAfwijzen: route({
    operationId: 'regiopartnerAanmeldingAfwijzen',
    method: 'POST',
    path: '/v1/regiopartner-aanmeldingen/{aanmeldingId}/afwijzing',
    handler: 'functions/api/regiopartners/aanmelding-afwijzen.ts',
    roles: ['coopAdmin'],
    tag: 'Regiopartners',
    summary: 'Een bevestigde aanmelding afwijzen, met reden.',
    request: { params: AanmeldingIdParameters, body: RedenOpgave, maxBodyBytes: KLEIN, ifMatch: 'optional' },
    responses: { 200: { description: 'De afgewezen aanmelding.', schema: RegiopartnerAanmelding, headers: ['ETag'] } },
    errors: [400, 404, 409, 412, 413, 415],
  }),

  regiopartnerAanmeldingGebeurtenissen: route({
    operationId: 'regiopartnerAanmeldingGebeurtenissen',
    method: 'GET',
    path: '/v1/regiopartner-aanmeldingen/{aanmeldingId}/gebeurtenissen',
    handler: 'functions/api/regiopartners/aanmelding-gebeurtenissen.ts',
    roles: ['coopAdmin'],
    tag: 'Regiopartners',
    summary: 'De geschiedenis van een aanmelding: aanmelding, bevestiging en besluit, met wie, wanneer en waarom.',
    request: { params: AanmeldingIdParameters, query: PaginaParameters },
    responses: { 200: { description: 'Een pagina gebeurtenissen, oudste eerst.', schema: AanmeldingGebeurtenissenPagina } },
    errors: [400, 404],
  }),

  regiocijfersOphalen: route({
    operationId: 'regiocijfersOphalen',
    method: 'GET',
    path: '/v1/regiocijfers',
    handler: 'functions/api/regiopartners/regiocijfers-ophalen.ts',
    roles: ['coopAdmin', 'regiopartner'],
    tag: 'Regiopartners',
    summary: 'Anonieme cijfers per arbeidsmarktregio: gemeenten, open werkplekken, plaatsingen per fase.',
    description:
      'Alleen aantallen, nooit een persoon, werkplek of werkgever; aantallen plaatsingen van 1 tot en met 4 worden niet getoond (null). Een regiopartner ziet de regio\'s waarin hij werkt (een andere regio: 404); een coördinator noemt één regio.',
    request: { query: RegiocijfersParameters },
    responses: { 200: { description: 'De cijfers van de gevraagde regio\'s.', schema: RegiocijfersLijst } },
    errors: [400, 404],
  }),
} as const;
