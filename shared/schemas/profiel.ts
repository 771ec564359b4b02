import * as z from 'zod';

/**
 * The functional vocabulary shared by a candidate's capabilities and a place's requirements, so matching
 * compares like with like. Functional only — what someone can do and what helps — never a diagnosis.
 */
export const Niveau = z.enum(['laag', 'gemiddeld', 'hoog']).meta({ id: 'Niveau' });
export const NIVEAUS = Niveau.options;

export const Zelfstandigheid = z.enum(['begeleidingNodig', 'deelsZelfstandig', 'zelfstandig']).meta({ id: 'Zelfstandigheid' });

export const Taalniveau = z.enum(['geen', 'A1', 'A2', 'B1', 'B2']).meta({ id: 'Taalniveau' });

/** What a person needs at work (candidate) or what a place can offer (werkplek): the same codes. */
export const WERKAANPASSINGEN = [
  'geenTilwerk',
  'zittendWerk',
  'vasteStructuur',
  'prikkelarmeOmgeving',
  'geenKlantcontact',
  'geenPloegendienst',
  'geenNachtwerk',
  'binnenwerk',
  'aangepasteWerkplek',
  'extraPauzes',
] as const;
export const Werkaanpassing = z.enum(WERKAANPASSINGEN).meta({ id: 'Werkaanpassing' });

export const Mogelijkheden = z
  .strictObject({
    fysiekeBelastbaarheid: Niveau,
    werktempo: Niveau,
    zelfstandigheid: Zelfstandigheid,
    taalniveau: Taalniveau,
    rijbewijs: z.boolean(),
  })
  .meta({ id: 'Mogelijkheden',  description: 'Functionele mogelijkheden van een kandidaat. Nooit een diagnose.' });
export type Mogelijkheden = z.infer<typeof Mogelijkheden>;

export const Uren = z
  .strictObject({ minimum: z.number().int().min(1).max(40), maximum: z.number().int().min(1).max(40) })
  .refine((u) => u.minimum <= u.maximum, { message: 'minimum mag niet groter zijn dan maximum', path: ['minimum'] })
  .meta({ id: 'Uren',  description: 'Uren per week.' });
export type Uren = z.infer<typeof Uren>;

export const Werksoort = z.string().trim().min(2).max(60).regex(/^[a-z0-9-]+$/, 'een werksoort is een code in kleine letters, zoals "schoonmaak" of "groen"').meta({ example: 'groen' });

/** 4-digit postcode area (PC4): precise enough for travel, not an address. */
export const Postcodegebied = z.string().regex(/^[1-9]\d{3}$/, 'een postcodegebied is 4 cijfers (PC4)').meta({ example: '1102' });
