import { Actor, Datum, Id, Tijdstip } from './gemeenschappelijk';
import { GemeenteCode, Termijn } from './gemeenten';
import { z } from './zod';

/**
 * Retention follow-ups (nazorg). When a placement starts, its follow-up moments are planned in the same
 * transaction from its gemeente's settings (cadence and durability checks) plus the dated deadlines of its
 * instruments and contract (Plaatsing.termijnen). The sweep finds the due ones through a write-sharded
 * due-date index and sends each through the nazorg queue exactly once.
 */
export const NAZORG_SOORTEN = [
  'regulier',
  'duurzaamheidscheck',
  'eindeProefplaatsing',
  'eindeForfaitaireLks',
  'herbeoordelingLks',
  'eindeNoRiskPolis',
  'eindeContract',
  'exitcheck',
] as const;
export const NazorgSoort = z.enum(NAZORG_SOORTEN).openapi('NazorgSoort');

/** gepland → verstuurd (the sweep and consumer) → beantwoord; geannuleerd when the placement ends. */
export const NazorgStatus = z.enum(['gepland', 'verstuurd', 'beantwoord', 'geannuleerd']).openapi('NazorgStatus');
export type NazorgStatus = z.infer<typeof NazorgStatus>;

export const RISICO_CATEGORIEEN = ['contracteindeNadert', 'conflict', 'gezondheidsverzuim', 'vervoer', 'schulden', 'motivatie', 'werkdruk', 'overig'] as const;
export const Risicocategorie = z.enum(RISICO_CATEGORIEEN).openapi('Risicocategorie');

/** The answer of an employer or jobcoach to one follow-up moment. No medical detail: categories only. */
export const NazorgAntwoordInvoer = z
  .strictObject({
    nogInDienst: z.boolean(),
    gewerkteUrenPerWeek: z.number().int().min(0).max(60),
    verzuimdagenInPeriode: z.number().int().min(0).max(366),
    hoeGaatHet: z.number().int().min(1).max(5).openapi({ description: '1 (slecht) tot 5 (goed).' }),
    ondersteuningNodig: z.boolean(),
    risicos: z.array(Risicocategorie).max(RISICO_CATEGORIEEN.length),
    notitie: z.string().trim().max(2000).optional().openapi({ description: 'Vrije notitie. Geen medische gegevens.' }),
  })
  .openapi('NazorgAntwoordInvoer');
export type NazorgAntwoordInvoer = z.infer<typeof NazorgAntwoordInvoer>;

export const NazorgAntwoord = NazorgAntwoordInvoer.extend({ door: Actor, op: Tijdstip }).openapi('NazorgAntwoord');

export const Nazorgmoment = z
  .strictObject({
    id: Id,
    plaatsingId: Id,
    lidId: Id,
    gemeente: GemeenteCode,
    jobcoachPartnerId: Id.optional(),
    soort: NazorgSoort,
    termijn: Termijn.optional().openapi({ description: 'Voor reguliere momenten en duurzaamheidschecks: de termijn na de start.' }),
    vervaldatum: Datum,
    status: NazorgStatus,
    verstuurdOp: Tijdstip.optional(),
    antwoorden: z.array(NazorgAntwoord),
    /** Durability checks: whether the person is still in work at the check (per the gemeente's definition). */
    duurzaam: z.boolean().optional(),
    versie: z.number().int().min(1),
  })
  .openapi('Nazorgmoment');
export type Nazorgmoment = z.infer<typeof Nazorgmoment>;

export const NazorgmomentIdParameters = z.strictObject({ nazorgmomentId: Id });
