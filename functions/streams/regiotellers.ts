import type { AttributeValue, Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { plaatsingTelling, werkplekTelling, type Bijdrage } from '../../shared/domain/regiotellers';
import { logger } from '../../shared/observability/logger';
import { dynamoGemeentenStore } from '../../shared/store/gemeenten-store';
import { pasBijdrageToe } from '../../shared/store/regiotellers-store';
import { ENTITY_ATTRIBUTE } from '../../shared/table/definition';

type Beeld = Record<string, AttributeValue>;
const tekst = (b: Beeld, naam: string): string => {
  const v = b[naam]?.S;
  if (v === undefined) throw new Error(`stream record zonder ${naam}`);
  return v;
};
const getal = (b: Beeld, naam: string): number => Number(b[naam]?.N ?? Number.NaN);

// A gemeente's region, once per container: it is set when the gemeente is registered.
const gemeenten = dynamoGemeentenStore();
const regioVan = new Map<string, Promise<string | undefined>>();
const regioVanGemeente = (code: string): Promise<string | undefined> => {
  if (!regioVan.has(code))
    regioVan.set(
      code,
      gemeenten.haal(code).then(
        (g) => g?.arbeidsmarktregio,
        (error: unknown) => {
          regioVan.delete(code); // a failed read is not remembered: the retry reads again
          throw error;
        },
      ),
    );
  return regioVan.get(code)!;
};

/** The source a record is about and what it contributes now; placements count in their gemeente's region. */
const bijdrageVan = async (r: DynamoDBRecord): Promise<{ bron: string; bijdrage: Bijdrage | undefined }> => {
  const beeld = r.dynamodb!.NewImage!;
  const entiteit = beeld[ENTITY_ATTRIBUTE]?.S;
  if (entiteit === 'Plaatsing') {
    const regio = await regioVanGemeente(tekst(beeld, 'gemeente'));
    return { bron: `PLAATSING#${tekst(beeld, 'id')}`, bijdrage: regio ? { regio, telling: plaatsingTelling(tekst(beeld, 'fase')) } : undefined };
  }
  const telling = werkplekTelling({ status: tekst(beeld, 'status'), aantalPlaatsen: getal(beeld, 'aantalPlaatsen'), aantalBezet: getal(beeld, 'aantalBezet') });
  return { bron: `WERKPLEK#${tekst(beeld, 'id')}`, bijdrage: { regio: tekst(beeld, 'arbeidsmarktregio'), telling } };
};

/**
 * Keeps the regions' counters (the regional figures) from the placements' and places' changes on the
 * table's stream. Records go one by one in stream order, each applied exactly once by its sequence number
 * (shared/store/regiotellers-store.ts). On a failure the failed record is reported: the stream retries from
 * it, and the records before it, already applied, are recognised and skipped.
 */
export const handler = async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> => {
  logger.addContext(context);
  for (const r of event.Records) {
    if ((r.eventName !== 'INSERT' && r.eventName !== 'MODIFY') || !r.dynamodb?.NewImage) continue;
    try {
      const { bron, bijdrage } = await bijdrageVan(r);
      await pasBijdrageToe(bron, r.dynamodb.SequenceNumber!, bijdrage);
    } catch (error) {
      logger.warn('regioteller niet bijgewerkt; de stream probeert opnieuw', { sequenceNumber: r.dynamodb.SequenceNumber, error: error as Error });
      return { batchItemFailures: [{ itemIdentifier: r.dynamodb.SequenceNumber! }] };
    }
  }
  return { batchItemFailures: [] };
};
