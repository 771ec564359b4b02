import { PaginaParameters } from '../schemas/gemeenschappelijk';
import { PartnerIdParameters, Regiopartner, RegiopartnerInvoer, RegiopartnersPagina } from '../schemas/regiopartners';
import { KLEIN } from './limieten';
import { route } from './route';

/** Regiopartners: partner organisations such as jobcoach organisations. */
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
      'Zolang de openbare aanmelding van regiopartners er nog niet is, maakt alleen een coördinator ze aan; ze zijn meteen goedgekeurd. Een jobcoachorganisatie kan daarna aan een plaatsing worden toegewezen.',
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
} as const;
