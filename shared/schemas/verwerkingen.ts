import * as z from 'zod';
import { Datum, Id, PaginaParameters, Tijdstip } from './gemeenschappelijk';

/**
 * One record of the processing log (verwerkingenlogboek), after the fields of Logius' "Logboek
 * Dataverwerkingen": the processing activity, the trace and activity ids, the data subject, the status,
 * plus who did it and when. The data subject is a pseudonym (shared/privacy/pseudoniem.ts), never an id in
 * clear, so the log holds no personal data of the person it is about.
 */
export const Verwerking = z
  .strictObject({
    id: Id.meta({ description: 'Deze vastlegging.' }),
    activiteitId: Id.meta({ description: 'De verwerking zelf: vastleggingen over meer betrokkenen in één handeling delen haar.' }),
    traceId: z.string().max(200).meta({ description: 'Het verzoek (of de batch) waarin verwerkt werd: W3C trace-id, X-Ray of Lambda-request-id.' }),
    verwerkingsactiviteit: z.string().max(60).meta({ description: 'De verwerkingsactiviteit uit het register, zoals `verwijzingInzien`.', example: 'verwijzingInzien' }),
    door: z
      .strictObject({ rol: z.string().max(30), subject: z.string().max(200) })
      .meta({ description: 'Wie verwerkte: de rol en het subject van het token (of `systeem`).' }),
    betrokkene: z.string().max(64).meta({ description: 'Pseudoniem van de betrokkene (HMAC-SHA256 van zijn id).' }),
    status: z.enum(['gelukt', 'geweigerd']),
    op: Tijdstip,
  })
  .meta({ id: 'Verwerking' });
export type Verwerking = z.infer<typeof Verwerking>;

/** A period without a person is read from one gsi1 partition per day and shard: at most a month at a time. */
export const MAX_PERIODE_DAGEN = 31;

const dagenTussen = (vanaf: string, tot: string) => (Date.parse(`${tot}T00:00:00Z`) - Date.parse(`${vanaf}T00:00:00Z`)) / 86_400_000;

export const VerwerkingenFilter = PaginaParameters.extend({
  betrokkene: z
    .string()
    .regex(/^[A-Za-z0-9]{1,64}$/, 'het id van de betrokkene: een verwijzing (ULID), lid, regiopartner of gemeente (GM…)')
    .optional()
    .meta({ description: 'Het id van de betrokkene (bij een kandidaat: de verwijzing). De API zoekt op zijn pseudoniem.' }),
  vanaf: Datum.optional().meta({ description: 'Eerste dag (UTC). Verplicht zonder betrokkene.' }),
  tot: Datum.optional().meta({ description: 'Laatste dag (UTC), tot en met. Standaard vandaag.' }),
}).superRefine((f, ctx) => {
  if (f.vanaf && f.tot && f.tot < f.vanaf) ctx.addIssue({ code: 'custom', path: ['tot'], message: 'tot ligt vóór vanaf' });
  if (f.betrokkene === undefined) {
    if (!f.vanaf) ctx.addIssue({ code: 'custom', path: ['vanaf'], message: 'zonder betrokkene is een periode nodig: geef vanaf (en tot)' });
    else if (dagenTussen(f.vanaf, f.tot ?? new Date().toISOString().slice(0, 10)) >= MAX_PERIODE_DAGEN)
      ctx.addIssue({ code: 'custom', path: ['tot'], message: `zonder betrokkene hoogstens ${MAX_PERIODE_DAGEN} dagen per vraag` });
  }
});
export type VerwerkingenFilter = z.infer<typeof VerwerkingenFilter>;

export const VerwerkingenPagina = z
  .strictObject({
    verwerkingen: z.array(Verwerking),
    volgendePagina: z.string().nullable().meta({ description: 'Pad naar de volgende pagina, of null op de laatste.' }),
  })
  .meta({ id: 'VerwerkingenPagina' });
