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
