import { PaginaParameters } from '../schemas/gemeenschappelijk';
import { CoordinatorenPagina, CoordinatorGebruiker, CoordinatorGebruikerInvoer, CoordinatorParameters } from '../schemas/gebruikers';
import { KLEIN } from './limieten';
import { route } from './route';

/** Coordinators: the cooperative's own staff, who invite each other (the staff accounts of partners, for coopAdmin). */
export const coordinatorenRoutes = {
  coordinatorUitnodigen: route({
    operationId: 'coordinatorUitnodigen',
    method: 'POST',
    path: '/v1/coordinatoren',
    handler: 'functions/api/coordinatoren/coordinator-uitnodigen.ts',
    roles: ['coopAdmin'],
    tag: 'Coördinatoren',
    summary: 'Een coördinator nodigt een andere coördinator uit.',
    description:
      'De uitgenodigde krijgt een account met de rol coopAdmin: hij ziet en doet wat een coördinator mag, voor de hele coöperatie. Het account wordt na dit antwoord gemaakt; de coördinator krijgt dan een e-mail met een tijdelijk wachtwoord en stelt bij de eerste aanmelding een eigen wachtwoord en tweestapsverificatie in. De status in de lijst van coördinatoren toont wanneer het account er is. Hetzelfde adres nog eens, in welke schrijfwijze ook: 409, tenzij de toegang is ingetrokken.',
    request: { body: CoordinatorGebruikerInvoer, maxBodyBytes: KLEIN },
    responses: { 202: { description: 'De coördinator is uitgenodigd; het account volgt.', schema: CoordinatorGebruiker } },
    errors: [400, 409, 413, 415],
  }),

  coordinatorenZoeken: route({
    operationId: 'coordinatorenZoeken',
    method: 'GET',
    path: '/v1/coordinatoren',
    handler: 'functions/api/coordinatoren/coordinatoren-zoeken.ts',
    roles: ['coopAdmin'],
    tag: 'Coördinatoren',
    summary: 'De uitgenodigde coördinatoren en de stand van hun account, gepagineerd.',
    request: { query: PaginaParameters },
    responses: { 200: { description: 'Een pagina coördinatoren.', schema: CoordinatorenPagina } },
    errors: [400],
  }),

  coordinatorIntrekken: route({
    operationId: 'coordinatorIntrekken',
    method: 'POST',
    path: '/v1/coordinatoren/{gebruikerId}/intrekking',
    handler: 'functions/api/coordinatoren/coordinator-intrekken.ts',
    roles: ['coopAdmin'],
    tag: 'Coördinatoren',
    summary: 'De toegang van een coördinator intrekken.',
    description:
      'Het account wordt na dit antwoord verwijderd, alleen als het nog de rol coopAdmin zonder organisatie heeft; de lijst van coördinatoren toont dan ingetrokken. Een token dat de coördinator al had, blijft tot het verloopt (ten hoogste een uur) geldig. Al ingetrokken: 409. Daarna kan dezelfde persoon opnieuw worden uitgenodigd.',
    request: { params: CoordinatorParameters, maxBodyBytes: KLEIN },
    responses: { 202: { description: 'De toegang wordt ingetrokken; het account wordt verwijderd.', schema: CoordinatorGebruiker } },
    errors: [400, 404, 409, 413, 415],
  }),
} as const;
