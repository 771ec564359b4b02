import { PaginaParameters } from '../schemas/gemeenschappelijk';
import { Gemeente, GemeenteCodeParameters, GemeenteGebeurtenis, GemeenteRegistratie, GemeentenPagina, GemeenteWijziging } from '../schemas/gemeenten';
import * as z from 'zod';
import { KLEIN } from './limieten';
import { route } from './route';

const GemeenteGebeurtenissenPagina = z
  .strictObject({
    gebeurtenissen: z.array(GemeenteGebeurtenis),
    volgendePagina: z.string().nullable().meta({ description: 'Pad naar de volgende pagina, of null op de laatste.' }),
  })
  .meta({ id: 'GemeenteGebeurtenissenPagina' });

/** Gemeenten: the tenants that refer candidates, and their follow-up settings. */
export const gemeentenRoutes = {
  gemeenteRegistreren: route({
    operationId: 'gemeenteRegistreren',
    method: 'POST',
    path: '/v1/gemeenten',
    handler: 'functions/api/gemeenten/gemeente-registreren.ts',
    roles: ['coopAdmin'],
    tag: 'Gemeenten',
    summary: 'Een coördinator registreert een gemeente, met haar arbeidsmarktregio en instellingen.',
    description:
      'Zonder instellingen gelden die van de coöperatie: nazorg na P1W, P4W, P3M, P6M, P9M en P12M, duurzaamheid na P6M en P12M, reactietermijn 14 dagen. Een gemeente kan pas verwijzen als zij geregistreerd is.',
    request: { body: GemeenteRegistratie, maxBodyBytes: KLEIN },
    responses: { 201: { description: 'De gemeente is geregistreerd.', schema: Gemeente, headers: ['ETag', 'Location'] } },
    errors: [400, 409, 413, 415],
  }),

  gemeentenZoeken: route({
    operationId: 'gemeentenZoeken',
    method: 'GET',
    path: '/v1/gemeenten',
    handler: 'functions/api/gemeenten/gemeenten-zoeken.ts',
    roles: ['coopAdmin', 'gemeente'],
    tag: 'Gemeenten',
    summary: 'Geregistreerde gemeenten, gepagineerd op code. Een gemeente ziet alleen zichzelf.',
    request: { query: PaginaParameters },
    responses: { 200: { description: 'Een pagina gemeenten.', schema: GemeentenPagina } },
    errors: [400],
  }),

  gemeenteOphalen: route({
    operationId: 'gemeenteOphalen',
    method: 'GET',
    path: '/v1/gemeenten/{gemeenteCode}',
    handler: 'functions/api/gemeenten/gemeente-ophalen.ts',
    roles: ['coopAdmin', 'gemeente'],
    tag: 'Gemeenten',
    summary: 'Eén gemeente, met haar instellingen.',
    request: { params: GemeenteCodeParameters },
    responses: { 200: { description: 'De gemeente.', schema: Gemeente, headers: ['ETag'] } },
    errors: [400, 404],
  }),

  gemeenteWijzigen: route({
    operationId: 'gemeenteWijzigen',
    method: 'PATCH',
    path: '/v1/gemeenten/{gemeenteCode}',
    handler: 'functions/api/gemeenten/gemeente-wijzigen.ts',
    roles: ['coopAdmin'],
    tag: 'Gemeenten',
    summary: 'Gegevens of instellingen van een gemeente wijzigen (JSON merge patch, met If-Match).',
    description:
      'Alleen de meegestuurde instellingen veranderen. Een plaatsing leest de instellingen van haar gemeente bij haar start: een nieuwe nazorgcadans of nieuwe duurzaamheidschecks gelden voor plaatsingen die daarna starten, niet voor lopende. Een andere arbeidsmarktregio geldt voor verwijzingen die daarna worden ingediend.',
    request: {
      params: GemeenteCodeParameters,
      body: GemeenteWijziging,
      contentTypes: ['application/merge-patch+json', 'application/json'],
      maxBodyBytes: KLEIN,
      ifMatch: 'required',
    },
    responses: { 200: { description: 'De gewijzigde gemeente.', schema: Gemeente, headers: ['ETag'] } },
    errors: [400, 404, 409, 412, 413, 415, 428],
  }),

  gemeenteGebeurtenissen: route({
    operationId: 'gemeenteGebeurtenissen',
    method: 'GET',
    path: '/v1/gemeenten/{gemeenteCode}/gebeurtenissen',
    handler: 'functions/api/gemeenten/gemeente-gebeurtenissen.ts',
    roles: ['coopAdmin', 'gemeente'],
    tag: 'Gemeenten',
    summary: 'De geschiedenis van een gemeente: elke wijziging, met de instellingen zoals ze werden.',
    request: { params: GemeenteCodeParameters, query: PaginaParameters },
    responses: { 200: { description: 'Een pagina gebeurtenissen, oudste eerst.', schema: GemeenteGebeurtenissenPagina } },
    errors: [400, 404],
  }),
} as const;
