import { bevatBsn } from '../domain/bsn';
import { Actor, Id, KorteTekst, Tijdstip } from './gemeenschappelijk';
import { GemeenteCode } from './gemeenten';
import { Niveau, Postcodegebied, Taalniveau, Uren, Werkaanpassing, Werksoort } from './profiel';
import { Kandidaatprofiel } from './verwijzingen';
import * as z from 'zod';

export const WERKPLEK_SOORTEN = ['reguliereBaan', 'participatieplaats', 'beschutWerk', 'proefplaatsing', 'leerwerkplek'] as const;
export const WerkplekSoort = z.enum(WERKPLEK_SOORTEN).meta({ id: 'WerkplekSoort' });
export const WerkplekStatus = z.enum(['open', 'vervuld', 'gesloten']).meta({ id: 'WerkplekStatus' });
export type WerkplekStatus = z.infer<typeof WerkplekStatus>;

const werkplekVelden = {
  // The only free text of a place: no BSN can slip in here either.
  titel: KorteTekst.refine((v) => !bevatBsn(v), 'titel mag geen BSN bevatten'),
  soort: WerkplekSoort,
  werksoort: Werksoort,
  uren: Uren,
  locatie: z.strictObject({ postcodegebied: Postcodegebied, gemeente: GemeenteCode }),
  aantalPlaatsen: z.number().int().min(1).max(100),
  eisen: z.strictObject({ fysiekeBelastbaarheid: Niveau, werktempo: Niveau, taalniveau: Taalniveau, rijbewijs: z.boolean() }),
  /** The adjustments this place can offer (same codes a candidate's needs use). */
  werkaanpassingen: z.array(Werkaanpassing).max(10),
  begeleiding: z.strictObject({ eigenJobcoach: z.boolean(), buddy: z.boolean() }),
  teltVoorBanenafspraak: z.boolean(),
};

export const WerkplekInvoer = z.strictObject(werkplekVelden).meta({ id: 'WerkplekInvoer' });
export type WerkplekInvoer = z.infer<typeof WerkplekInvoer>;

export const WerkplekWijziging = z
  .strictObject({
    titel: werkplekVelden.titel.optional(),
    uren: werkplekVelden.uren.optional(),
    aantalPlaatsen: werkplekVelden.aantalPlaatsen.optional(),
    eisen: werkplekVelden.eisen.optional(),
    werkaanpassingen: werkplekVelden.werkaanpassingen.optional(),
    begeleiding: werkplekVelden.begeleiding.optional(),
    status: z.enum(['open', 'gesloten']).optional().meta({ description: 'Open of sluiten; vervuld volgt uit de plaatsingen.' }),
  })
  .refine((w) => Object.keys(w).length > 0, { message: 'geef minstens één veld om te wijzigen' })
  .meta({ id: 'WerkplekWijziging' });
export type WerkplekWijziging = z.infer<typeof WerkplekWijziging>;

export const Werkplek = z
  .strictObject({
    id: Id,
    lidId: Id,
    arbeidsmarktregio: KorteTekst,
    ...werkplekVelden,
    status: WerkplekStatus,
    /** Places taken by started placements: derived, never typed by hand. */
    aantalBezet: z.number().int().min(0),
    aangemaaktOp: Tijdstip,
    gewijzigdOp: Tijdstip,
    versie: z.number().int().min(1),
  })
  .meta({ id: 'Werkplek' });
export type Werkplek = z.infer<typeof Werkplek>;

export const WerkplekIdParameters = z.strictObject({ werkplekId: Id });
export const WerkplekkenFilter = z.strictObject({ status: WerkplekStatus.optional(), lidId: Id.optional() });

/** One suggestion with its reasons and score parts, so a coordinator can see why. */
export const MatchReden = z
  .strictObject({
    criterium: z.enum(['werksoort', 'uren', 'reisafstand', 'begeleiding', 'doelgroep', 'eisen', 'werkaanpassingen']),
    punten: z.number(),
    maximum: z.number(),
    toelichting: z.string(),
  })
  .meta({ id: 'MatchReden' });
export const Matchscore = z.strictObject({ totaal: z.number().min(0).max(100), redenen: z.array(MatchReden) }).meta({ id: 'Matchscore' });
export type Matchscore = z.infer<typeof Matchscore>;

// Added with the werkplekken routes (issue #3): the history and the pages these routes answer.

export const WERKPLEK_GEBEURTENIS_SOORTEN = ['aangeboden', 'gewijzigd', 'gesloten', 'heropend', 'bezettingGewijzigd'] as const;

export const WerkplekGebeurtenis = z
  .strictObject({
    id: Id,
    werkplekId: Id,
    soort: z.enum(WERKPLEK_GEBEURTENIS_SOORTEN),
    vanStatus: WerkplekStatus.optional(),
    naarStatus: WerkplekStatus,
    gewijzigdeVelden: z.array(z.string()).optional(),
    /** Set when a placement started or ended: the occupancy after it. */
    aantalBezet: z.number().int().min(0).optional(),
    door: Actor,
    op: Tijdstip,
    versie: z.number().int().min(1),
  })
  .meta({ id: 'WerkplekGebeurtenis' });
export type WerkplekGebeurtenis = z.infer<typeof WerkplekGebeurtenis>;

const volgendePagina = z.string().nullable().meta({ description: 'Pad naar de volgende pagina, of null op de laatste.' });

export const WerkplekkenPagina = z.strictObject({ werkplekken: z.array(Werkplek), volgendePagina }).meta({ id: 'WerkplekkenPagina' });
export const WerkplekGebeurtenissenPagina = z
  .strictObject({ gebeurtenissen: z.array(WerkplekGebeurtenis), volgendePagina })
  .meta({ id: 'WerkplekGebeurtenissenPagina' });

export const WerkplekMatch = z.strictObject({ werkplek: Werkplek, score: Matchscore }).meta({ id: 'WerkplekMatch' });
export const WerkplekMatchPagina = z
  .strictObject({ matches: z.array(WerkplekMatch), volgendePagina })
  .meta({ id: 'WerkplekMatchPagina',  description: 'Open werkplekken voor een verwijzing, best passend eerst.' });

export const KandidaatMatch = z.strictObject({ profiel: Kandidaatprofiel, score: Matchscore }).meta({ id: 'KandidaatMatch' });
export const KandidaatMatchPagina = z
  .strictObject({ kandidaten: z.array(KandidaatMatch), volgendePagina })
  .meta({ id: 'KandidaatMatchPagina', 
    description: 'Bemiddelbare kandidaten voor een werkplek, best passend eerst; anoniem tot de kandidaat toestemming gaf dit lid te ontmoeten.',
  });
