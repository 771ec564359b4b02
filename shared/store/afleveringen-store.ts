import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { BEWAARDAGEN_AFLEVERPOGING } from '../domain/abonnementen/bewaren';
import type { Bezorgstand } from '../domain/abonnementen/herhaalschema';
import { dynamo, tabel } from './dynamodb';
import { eigenaarSleutel } from './abonnementen-store';
import type { Eigenaar } from '../domain/abonnementen/abonnement';
import { sleutels } from './sleutels';
import { geweigerd } from './items';
import { encodeTime } from 'ulidx';
import { leesCursor, maakCursor } from './cursor';
import { DomeinFout } from '../domain/fouten';
import { notificatieItem } from './notificaties-store';
import type { Notificatie } from '../domain/notificaties';

/**
 * The delivery state of one event × subscription. The Aflevering item is the one place that decides who
 * sends: created once (attribute_not_exists), then claimed per attempt with a lease (a consumer that dies
 * after claiming does not block it for ever), then closed per attempt in one transaction with that
 * attempt's record. A duplicate message, a retried batch or a fan-out run twice finds the condition failed.
 */
export type AfleverStatus = 'wachtend' | 'bezig' | 'afgeleverd' | 'mislukt' | 'vervallen';
export const LEASE_SECONDEN = 60;

const epoch = (ms: number) => Math.floor(ms / 1000);

export interface Poging {
  readonly poging: number;
  readonly op: string;
  readonly status?: number | undefined;
  readonly fout?: string | undefined;
  readonly duurMs: number;
}

/** The smallest ('0') or largest ('Z') ULID of a millisecond: a period's bounds on a ULID-sorted key. */
const ulidGrens = (ms: number, teken: '0' | 'Z') => encodeTime(ms, 10) + teken.repeat(16);

/** An outbox item for the webhooks queue (the forwarder sends it on): kept a fortnight, then TTL removes it. */
const opdrachtPut = (entiteit: 'Herbezorgopdracht' | 'Herhaalopdracht', id: string, nu: string, velden: Record<string, unknown>) => ({
  Put: {
    TableName: tabel(),
    Item: { pk: `OPDRACHT#${id}`, sk: 'OPDRACHT', entiteit, id, ...velden, op: nu, verlooptOp: Math.floor(Date.parse(nu) / 1000) + 14 * 86_400 },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

export const afleveringenStore = {
  /** Creates the delivery once; false when it was already there (a repeated fan-out). */
  async maak(abonnementId: string, gebeurtenisId: string, nu: Date): Promise<boolean> {
    try {
      await dynamo().send(
        new PutCommand({
          TableName: tabel(),
          Item: { ...sleutels.aflevering(abonnementId, gebeurtenisId), entiteit: 'Aflevering', abonnementId, gebeurtenisId, status: 'wachtend', poging: 1, aangemaaktOp: nu.toISOString() },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },

  /** Claims attempt `poging`: only while it is the delivery's next attempt and nobody holds a live lease. */
  async claim(abonnementId: string, gebeurtenisId: string, poging: number, nu: Date): Promise<'geclaimd' | 'klaar' | 'bezet'> {
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: tabel(),
          Key: sleutels.aflevering(abonnementId, gebeurtenisId),
          UpdateExpression: 'SET #s = :bezig, leaseTot = :lease',
          ConditionExpression: 'poging = :p AND (#s = :wachtend OR (#s = :bezig AND leaseTot < :nu))',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':bezig': 'bezig', ':wachtend': 'wachtend', ':lease': epoch(nu.getTime()) + LEASE_SECONDEN, ':nu': epoch(nu.getTime()), ':p': poging },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'geclaimd';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const oud = error.Item as { status?: { S?: string }; poging?: { N?: string } } | undefined;
      // Another attempt number, or closed: this message is a duplicate of one already handled.
      if (!oud || Number(oud.poging?.N) !== poging || oud.status?.S !== 'bezig') return 'klaar';
      return 'bezet';
    }
  },

  /**
   * Closes attempt `poging` in one transaction with its record: delivered, failed for good, or waiting for
   * attempt `poging + 1`. Conditional on still holding the claim.
   */
  async sluit(abonnementId: string, gebeurtenisId: string, p: Poging, na: { status: AfleverStatus; volgendePogingOp?: string }): Promise<void> {
    const verder = na.status === 'wachtend';
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tabel(),
              Key: sleutels.aflevering(abonnementId, gebeurtenisId),
              UpdateExpression: `SET #s = :s, poging = :volgende, laatsteStatus = :ls, laatstePogingOp = :op${verder ? ', volgendePogingOp = :vp' : ''} REMOVE leaseTot`,
              ConditionExpression: '#s = :bezig AND poging = :p',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: {
                ':s': na.status,
                ':volgende': verder ? p.poging + 1 : p.poging,
                ':ls': p.status ?? p.fout ?? 'geenAntwoord',
                ':op': p.op,
                ':bezig': 'bezig',
                ':p': p.poging,
                ...(verder ? { ':vp': na.volgendePogingOp } : {}),
              },
            },
          },
          {
            Put: {
              TableName: tabel(),
              Item: {
                ...sleutels.afleverpoging(abonnementId, gebeurtenisId, p.poging),
                entiteit: 'Afleverpoging',
                abonnementId,
                gebeurtenisId,
                ...p,
                verlooptOp: epoch(Date.parse(p.op)) + BEWAARDAGEN_AFLEVERPOGING * 86_400,
              },
            },
          },
        ],
      }),
    );
  },

  async pogingen(abonnementId: string, gebeurtenisId: string): Promise<Poging[]> {
    const r = await dynamo().send(
      new QueryCommand({
        TableName: tabel(),
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
        ExpressionAttributeValues: { ':p': sleutels.aflevering(abonnementId, gebeurtenisId).pk, ':s': `POGING#${gebeurtenisId}#` },
        ConsistentRead: true,
      }),
    );
    return (r.Items ?? [])
      .filter((i) => Number(i.verlooptOp) * 1000 >= Date.now())
      .map((i) => ({ poging: i.poging, op: i.op, duurMs: i.duurMs, ...(i.status !== undefined ? { status: i.status } : {}), ...(i.fout !== undefined ? { fout: i.fout } : {}) }));
  },

  async haal(abonnementId: string, gebeurtenisId: string): Promise<{ status: AfleverStatus; poging: number } | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.aflevering(abonnementId, gebeurtenisId), ConsistentRead: true }));
    return Item ? { status: Item.status, poging: Item.poging } : undefined;
  },

  async bezorgstand(abonnementId: string): Promise<Bezorgstand> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.bezorgstand(abonnementId), ConsistentRead: true }));
    return { laatsteSuccesOp: Item?.laatsteSuccesOp, eersteMisluktSindsSuccesOp: Item?.eersteMisluktSindsSuccesOp, laatsteMailOp: Item?.laatsteMailOp };
  },

  /** A success clears the failing streak; a failure starts one if none is running. */
  async noteer(abonnementId: string, gelukt: boolean, op: string): Promise<void> {
    await dynamo().send(
      new UpdateCommand({
        TableName: tabel(),
        Key: sleutels.bezorgstand(abonnementId),
        UpdateExpression: gelukt ? 'SET entiteit = :e, laatsteSuccesOp = :op REMOVE eersteMisluktSindsSuccesOp' : 'SET entiteit = :e, eersteMisluktSindsSuccesOp = if_not_exists(eersteMisluktSindsSuccesOp, :op)',
        ExpressionAttributeValues: { ':e': 'Bezorgstand', ':op': op },
      }),
    );
  },

  /** Sets the subscription's status, conditional on the one it was read in (a change by its owner wins). */
  async zetStatus(abonnementId: string, van: readonly string[], naar: 'actief' | 'uitgeschakeld', omdat?: 'opgezegd' | 'zonderSucces'): Promise<boolean> {
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: tabel(),
          Key: sleutels.abonnement(abonnementId),
          UpdateExpression: `SET #s = :naar, versie = versie + :een${omdat ? ', uitgeschakeldOmdat = :omdat' : ' REMOVE uitgeschakeldOmdat'}`,
          ConditionExpression: `#s IN (${van.map((_, i) => `:van${i}`).join(', ')})`,
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':naar': naar, ':een': 1, ...Object.fromEntries(van.map((v, i) => [`:van${i}`, v])), ...(omdat ? { ':omdat': omdat } : {}) },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },

  /**
   * Disables a subscription (conditional on the status it was read in) and, when the last failure mail is a
   * day old or more, mails its contact: status, mail and the mail's time in one transaction, so two
   * consumers disabling at once send one mail.
   */
  async schakelUit(abonnementId: string, van: readonly string[], omdat: 'opgezegd' | 'zonderSucces', mail: Notificatie | undefined, nu: string): Promise<boolean> {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tabel(),
                Key: sleutels.abonnement(abonnementId),
                UpdateExpression: 'SET #s = :naar, uitgeschakeldOmdat = :omdat, versie = versie + :een',
                ConditionExpression: `#s IN (${van.map((_, i) => `:van${i}`).join(', ')})`,
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':naar': 'uitgeschakeld', ':omdat': omdat, ':een': 1, ...Object.fromEntries(van.map((v, i) => [`:van${i}`, v])) },
              },
            },
            ...(mail
              ? [
                  { Put: { TableName: tabel(), Item: notificatieItem(mail), ConditionExpression: 'attribute_not_exists(pk)' } },
                  { Update: { TableName: tabel(), Key: sleutels.bezorgstand(abonnementId), UpdateExpression: 'SET entiteit = :e, laatsteMailOp = :op', ExpressionAttributeValues: { ':e': 'Bezorgstand', ':op': nu } } },
                ]
              : []),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (geweigerd(error, 0)) return false;
      throw error;
    }
  },

  /**
   * A subscription's deliveries, newest event first. They share the partition with the attempts, whose sort
   * keys (POGING#…) sort after every ULID: `sk < POGING#` is the deliveries alone. A status filter may make
   * a page shorter than asked (the cursor goes on).
   */
  async lijst(abonnementId: string, status: AfleverStatus | undefined, { pageSize, cursor }: { pageSize: number; cursor?: string | undefined }) {
    const pk = sleutels.aflevering(abonnementId, '').pk;
    const start = leesCursor(cursor);
    if (start && (start.pk !== pk || Object.keys(start).length !== 2 || typeof start.sk !== 'string' || start.sk >= 'POGING#'))
      throw new DomeinFout('ongeldigeInvoer', 'Deze cursor hoort niet bij deze lijst.', 'query.cursor');
    const r = await dynamo().send(
      new QueryCommand({
        TableName: tabel(),
        KeyConditionExpression: 'pk = :p AND sk < :poging',
        ...(status ? { FilterExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'status' } } : {}),
        ExpressionAttributeValues: { ':p': pk, ':poging': 'POGING#', ...(status ? { ':s': status } : {}) },
        ScanIndexForward: false,
        Limit: pageSize,
        ExclusiveStartKey: start,
      }),
    );
    return {
      items: (r.Items ?? []).map((i) => ({
        gebeurtenisId: String(i.gebeurtenisId),
        status: i.status as AfleverStatus,
        poging: Number(i.poging),
        ...(i.laatsteStatus !== undefined ? { laatsteStatus: i.laatsteStatus as number | string } : {}),
        ...(i.laatstePogingOp ? { laatstePogingOp: String(i.laatstePogingOp) } : {}),
        ...(i.volgendePogingOp && i.status === 'wachtend' ? { volgendePogingOp: String(i.volgendePogingOp) } : {}),
        aangemaaktOp: String(i.aangemaaktOp),
      })),
      cursor: maakCursor(r.LastEvaluatedKey),
    };
  },

  /**
   * A manual resend: one more attempt of a closed delivery (failed, lapsed or even delivered), with the next
   * attempt number, and its outbox item in the same write. Refused while an attempt is waiting or running.
   */
  async herbezorg(abonnementId: string, gebeurtenisId: string, opdrachtId: string, nu: string): Promise<'gepland' | 'onbekend' | 'loopt'> {
    const huidig = await this.haal(abonnementId, gebeurtenisId);
    if (!huidig) return 'onbekend';
    if (huidig.status === 'wachtend' || huidig.status === 'bezig') return 'loopt';
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tabel(),
                Key: sleutels.aflevering(abonnementId, gebeurtenisId),
                UpdateExpression: 'SET #s = :wachtend, poging = :nieuw REMOVE volgendePogingOp',
                ConditionExpression: 'poging = :oud AND #s = :was',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':wachtend': 'wachtend', ':nieuw': huidig.poging + 1, ':oud': huidig.poging, ':was': huidig.status },
              },
            },
            opdrachtPut('Herbezorgopdracht', opdrachtId, nu, { abonnementId, gebeurtenisId, poging: huidig.poging + 1 }),
          ],
        }),
      );
      return 'gepland';
    } catch (error) {
      if (geweigerd(error, 0)) return 'loopt';
      throw error;
    }
  },

  /** A replay of a period: an outbox item; the webhooks consumer does the work. */
  async herhaal(abonnementId: string, van: string, tot: string, opdrachtId: string, nu: string): Promise<void> {
    await dynamo().send(new PutCommand({ ...opdrachtPut('Herhaalopdracht', opdrachtId, nu, { abonnementId, van, tot }).Put }));
  },

  /** The events of a period, oldest first, from the coordinators' feed index (ULIDs sort by time). */
  async gebeurtenisIdsTussen(vanMs: number, totMs: number): Promise<string[]> {
    const ids: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await dynamo().send(
        new QueryCommand({
          TableName: tabel(),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :van AND :tot',
          ExpressionAttributeValues: { ':p': sleutels.uitgaandAllePartitie, ':van': ulidGrens(vanMs, '0'), ':tot': ulidGrens(totMs, 'Z') },
          ExclusiveStartKey: start,
        }),
      );
      ids.push(...(r.Items ?? []).map((i) => String(i.id)));
      start = r.LastEvaluatedKey;
    } while (start);
    return ids;
  },

  /** The ids of the active subscriptions an owner has (the fan-out filters them by type and access). */
  async abonnementenVan(eigenaar: Eigenaar): Promise<string[]> {
    const ids: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await dynamo().send(
        new QueryCommand({
          TableName: tabel(),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': sleutels.abonnementenPerEigenaarPartitie(eigenaarSleutel(eigenaar)) },
          ExclusiveStartKey: start,
        }),
      );
      ids.push(...(r.Items ?? []).map((i) => String(i.id)));
      start = r.LastEvaluatedKey;
    } while (start);
    return ids;
  },
};
