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

// A gemeente's region, read once per batch: not kept longer, as a coordinator can move a gemeente to
// another region (a placement's next change then counts there; earlier ones stay where they were counted).
const gemeenten = dynamoGemeentenStore();
type Regios = Map<string, Promise<string | undefined>>;
const regioVanGemeente = (regios: Regios, code: string): Promise<string | undefined> => {
  if (!regios.has(code)) regios.set(code, gemeenten.haal(code).then((g) => g?.arbeidsmarktregio));
  return regios.get(code)!;
};

/** The source a record is about and what it contributes now; placements count in their gemeente's region. */
const bijdrageVan = async (r: DynamoDBRecord, regios: Regios): Promise<{ bron: string; bijdrage: Bijdrage | undefined }> => {
  const beeld = r.dynamodb!.NewImage!;
  const entiteit = beeld[ENTITY_ATTRIBUTE]?.S;
  if (entiteit === 'Plaatsing') {
    const regio = await regioVanGemeente(regios, tekst(beeld, 'gemeente'));
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
  const regios: Regios = new Map();
  for (const r of event.Records) {
    if ((r.eventName !== 'INSERT' && r.eventName !== 'MODIFY') || !r.dynamodb?.NewImage) continue;
    try {
      const { bron, bijdrage } = await bijdrageVan(r, regios);
      await pasBijdrageToe(bron, r.dynamodb.SequenceNumber!, bijdrage);
    } catch (error) {
      logger.warn('regioteller niet bijgewerkt; de stream probeert opnieuw', { sequenceNumber: r.dynamodb.SequenceNumber, error: error as Error });
      return { batchItemFailures: [{ itemIdentifier: r.dynamodb.SequenceNumber! }] };
    }
  }
  return { batchItemFailures: [] };
};
