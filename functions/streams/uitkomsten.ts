import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { escalatiedeelVan, kandidaatbronVan, momentdeelVan, plaatsingdeelVan, werkplekbronVan } from '../../shared/domain/uitkomsten/bronnen';
import { logger } from '../../shared/observability/logger';
import { stroombeeld } from '../../shared/store/stroombeeld';
import { leesKenmerken, pasAansluitingToe, pasUitkomstToe, type Toepassing } from '../../shared/store/uitkomsten-store';
import { ENTITY_ATTRIBUTE } from '../../shared/table/definition';

/** What one record changes: a placement's outcome (from the placement, a moment, an escalation) or a region's supply and demand. */
const pasToe = (r: DynamoDBRecord): Promise<Toepassing> | undefined => {
  const seq = r.dynamodb!.SequenceNumber!;
  const b = stroombeeld(r.dynamodb!.NewImage!);
  const id = b.id;
  const plaatsingId = b.plaatsingId;
  if (typeof id !== 'string') throw new Error('stream record zonder id');
  const vanPlaatsing = (): string => {
    if (typeof plaatsingId !== 'string') throw new Error('stream record zonder plaatsingId');
    return plaatsingId;
  };
  switch (b[ENTITY_ATTRIBUTE]) {
    case 'Plaatsing':
      return pasUitkomstToe(id, seq, { soort: 'plaatsing', deel: plaatsingdeelVan(b) }, leesKenmerken);
    case 'Nazorgmoment':
      return pasUitkomstToe(vanPlaatsing(), seq, { soort: 'moment', id, deel: momentdeelVan(b) }, leesKenmerken);
    case 'Escalatie':
      return pasUitkomstToe(vanPlaatsing(), seq, { soort: 'escalatie', id, deel: escalatiedeelVan(b) }, leesKenmerken);
    case 'Verwijzing':
      return pasAansluitingToe(`VERWIJZING#${id}`, seq, (eerder) => kandidaatbronVan(b, eerder));
    // What an erasure leaves: the person no longer waits, whatever record of the referral comes after.
    case 'AnoniemeVerwijzing':
      return pasAansluitingToe(`VERWIJZING#${id}`, seq, () => undefined, { wis: true });
    case 'Werkplek':
      return pasAansluitingToe(`WERKPLEK#${id}`, seq, () => werkplekbronVan(b));
    default:
      return undefined;
  }
};

/**
 * Keeps the anonymous outcome records (issue 12) and the regions' supply and demand from the table's stream.
 * Records go one by one in stream order, each applied exactly once by its sequence number per source
 * (shared/store/uitkomsten-store.ts); on a failure the failed record is reported, the stream retries from it,
 * and the records before it, already applied, are recognised and skipped.
 */
export const handler = async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> => {
  logger.addContext(context);
  for (const r of event.Records) {
    if ((r.eventName !== 'INSERT' && r.eventName !== 'MODIFY') || !r.dynamodb?.NewImage) continue;
    try {
      await pasToe(r);
    } catch (error) {
      logger.warn('uitkomst niet bijgewerkt; de stream probeert opnieuw', { sequenceNumber: r.dynamodb.SequenceNumber, error: error as Error });
      return { batchItemFailures: [{ itemIdentifier: r.dynamodb.SequenceNumber! }] };
    }
  }
  return { batchItemFailures: [] };
};
