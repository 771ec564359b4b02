import * as z from 'zod';
import { Actor, Id, Tijdstip } from './gemeenschappelijk';
import { GemeenteCode } from './gemeenten';
import { Verwerking } from './verwerkingen';
import { Doelgroep, VerwijzingStatus } from './verwijzingen';

/**
 * The erasure of one person's data (AVG art. 17) as one auditable record, itself without personal data:
 * which referral, who asked and why (a request, or the retention term), when it started and finished, and
 * how many items it removed or anonymised. One per referral: a repeat finds it and answers it again; a run
 * that stopped halfway is taken up again from it.
 */
export const Verwijderverzoek = z
  .strictObject({
    id: Id,
    verwijzingId: Id,
    gemeente: GemeenteCode,
    aanleiding: z.enum(['verzoek', 'bewaartermijn']).meta({ description: 'Een verzoek van de betrokkene (via gemeente of coöperatie), of het verstrijken van de bewaartermijn.' }),
    door: Actor,
    status: z.enum(['bezig', 'voltooid']),
    ontvangenOp: Tijdstip,
    voltooidOp: Tijdstip.optional(),
    verwijderd: z.number().int().min(0).meta({ description: 'Items die helemaal zijn verwijderd.' }),
    geanonimiseerd: z.number().int().min(0).meta({ description: 'Items waaruit de persoonsgegevens zijn gehaald; hun anonieme feiten blijven voor de cijfers.' }),
  })
  .meta({ id: 'Verwijderverzoek' });
export type Verwijderverzoek = z.infer<typeof Verwijderverzoek>;

/** What an erased referral leaves for the figures: no name, no contact, no dossier reference, no profile. */
export const AnoniemeVerwijzing = z
  .strictObject({
    id: Id,
    gemeente: GemeenteCode,
    arbeidsmarktregio: z.string(),
    doelgroep: Doelgroep,
    status: VerwijzingStatus,
    aantalPlaatsingen: z.number().int().min(0),
    aangemaaktOp: Tijdstip,
    gewijzigdOp: Tijdstip,
    gewistOp: Tijdstip,
  })
  .meta({ id: 'AnoniemeVerwijzing' });
export type AnoniemeVerwijzing = z.infer<typeof AnoniemeVerwijzing>;

/** A stored item as it is kept, without the table's own key attributes. */
const Gegevens = z.record(z.string(), z.unknown()).meta({ description: 'Een vastgelegd item zoals het bewaard wordt, zonder de technische sleutels.' });

/**
 * Everything held about one person (AVG art. 15): the referral and all that hangs from it, as stored. The
 * sections follow the items in the table (shared/privacy/inventaris.ts lists them with their fields).
 */
export const Inzage = z
  .strictObject({
    verwijzingId: Id,
    opgesteldOp: Tijdstip,
    verwijzing: Gegevens,
    gebeurtenissen: z.array(Gegevens).meta({ description: 'De geschiedenis van de verwijzing, met toestemmingen.' }),
    zoekprofielen: z.array(Gegevens).meta({ description: 'Het anonieme profiel waarmee de kandidaat in de matching staat.' }),
    overig: z.array(Gegevens).meta({ description: 'Andere items van de verwijzing: de bewaartermijn, een lopend plaatsingsslot.' }),
    plaatsingen: z.array(
      z
        .strictObject({
          plaatsing: Gegevens,
          gebeurtenissen: z.array(Gegevens),
          ontwikkeldoelen: z.array(Gegevens),
          begeleidingsnotities: z.array(Gegevens),
          nazorgmomenten: z.array(Gegevens),
          escalaties: z.array(Gegevens),
          notificaties: z.array(Gegevens),
        })
        .meta({ id: 'InzagePlaatsing' }),
    ),
    verwerkingen: z.array(Verwerking).meta({ description: 'Het verwerkingenlogboek over deze persoon: wie wat deed met zijn gegevens.' }),
  })
  .meta({ id: 'Inzage' });
export type Inzage = z.infer<typeof Inzage>;
