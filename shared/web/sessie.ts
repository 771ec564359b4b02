import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Principal } from '../auth/rollen';
import { emailSleutel } from '../domain/regiopartners';
import { dynamo, tabel } from '../store/dynamodb';
import { sleutels } from '../store/sleutels';

/**
 * A signed-in person's session: a random id in a `__Host-` cookie (Secure, HttpOnly, SameSite=Lax, Path=/),
 * the session itself in the table under the id's SHA-256. Chosen over an encrypted cookie because signing
 * out, or revoking an account, must end the session at once on the server; because the table then holds
 * nothing a stolen backup could replay as a cookie; and because there is no cookie key to manage and rotate.
 * The cookie holds no token the browser could use against the API: the API still wants a bearer token.
 *
 * Expiry: 30 minutes without a request (idle), 8 hours after signing in (absolute), whichever comes first —
 * the usual public-sector bounds for a service that shows personal data. The TTL removes the item after the
 * absolute end; every read checks both ends, as DynamoDB's TTL deletes late.
 */
export const SESSIE_COOKIE = '__Host-werkcoop-sessie';
export const INACTIEF_MINUTEN = 30;
export const ABSOLUUT_UREN = 8;
/** A request renews the idle end at most once per this many seconds: a page view is then rarely a write. */
const VERNIEUW_NA_SECONDEN = 60;

export interface Sessie {
  readonly sleutelHash: string;
  readonly principal: Principal;
  /** The person's name, as the header shows it. */
  readonly naam: string;
  /** The synchronizer token every form that changes something carries (CSRF). */
  readonly csrf: string;
  readonly aangemaaktOp: string;
  readonly laatstGebruiktOp: string;
}

const PrincipalSchema = z.discriminatedUnion('rol', [
  z.object({ rol: z.literal('coopAdmin'), subject: z.string() }),
  z.object({ rol: z.literal('gemeente'), subject: z.string(), gemeente: z.string() }),
  z.object({ rol: z.literal('werkgever'), subject: z.string(), lidId: z.string() }),
  z.object({ rol: z.literal('regiopartner'), subject: z.string(), partnerId: z.string() }),
  z.object({ rol: z.literal('systeem'), subject: z.string() }),
]);
const SessieItem = z.object({
  entiteit: z.literal('Sessie'),
  sleutelHash: z.string(),
  principal: PrincipalSchema,
  naam: z.string(),
  csrf: z.string(),
  aangemaaktOp: z.string(),
  laatstGebruiktOp: z.string(),
  verlooptOp: z.number(),
});

const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const epoch = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export const isVerlopen = (s: Pick<Sessie, 'aangemaaktOp' | 'laatstGebruiktOp'>, nu: Date): boolean =>
  nu.getTime() - Date.parse(s.laatstGebruiktOp) > INACTIEF_MINUTEN * 60_000 || nu.getTime() - Date.parse(s.aangemaaktOp) > ABSOLUUT_UREN * 3_600_000;

/**
 * Starts a session for a person who just signed in; the token goes into the cookie and nowhere else. With the
 * account's address, the session is also listed under the address's hash (an AccountSessie, in the same
 * transaction), so revoking the account ends its sessions at once (beeindigSessiesVanAccount) instead of
 * leaving them to run out their 8 hours. A session without an address (the local sign-in by role) has no account to revoke.
 */
export const startSessie = async (principal: Principal, naam: string, nu = new Date(), account?: { readonly email: string }): Promise<{ token: string; sessie: Sessie }> => {
  const token = randomBytes(32).toString('base64url');
  const tijd = nu.toISOString();
  const sessie: Sessie = { sleutelHash: hash(token), principal, naam, csrf: randomBytes(32).toString('base64url'), aangemaaktOp: tijd, laatstGebruiktOp: tijd };
  const verlooptOp = epoch(tijd) + ABSOLUUT_UREN * 3600;
  const sessiePut = {
    TableName: tabel(),
    Item: { ...sleutels.sessie(sessie.sleutelHash), entiteit: 'Sessie', ...sessie, verlooptOp },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
  if (!account) await dynamo().send(new PutCommand(sessiePut));
  else
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: sessiePut },
          { Put: { TableName: tabel(), Item: { ...sleutels.accountSessie(emailSleutel(account.email), sessie.sleutelHash), entiteit: 'AccountSessie', sleutelHash: sessie.sleutelHash, verlooptOp } } },
        ],
      }),
    );
  return { token, sessie };
};

/**
 * The session of this cookie while it lasts; renews its idle end (at most once a minute). The renewal is
 * conditional on the item still being there: a sign-out between the read and the renewal wins, and the
 * request is then not signed in (the renewal never brings an ended session back).
 */
export const leesSessie = async (token: string | undefined, nu = new Date()): Promise<Sessie | undefined> => {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.sessie(hash(token)), ConsistentRead: true }));
  const r = SessieItem.safeParse(Item);
  if (!r.success) return undefined;
  const { entiteit: _e, verlooptOp: _v, ...sessie } = r.data;
  if (isVerlopen(sessie, nu)) return undefined;
  if (nu.getTime() - Date.parse(sessie.laatstGebruiktOp) <= VERNIEUW_NA_SECONDEN * 1000) return sessie;
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tabel(),
        Key: sleutels.sessie(sessie.sleutelHash),
        UpdateExpression: 'SET laatstGebruiktOp = :nu',
        // Never moves the idle end backwards when two requests renew at once with clocks apart.
        ConditionExpression: 'attribute_exists(pk) AND laatstGebruiktOp < :nu',
        ExpressionAttributeValues: { ':nu': nu.toISOString() },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    // Gone (signed out meanwhile), or renewed by a concurrent request: read which it was.
    const { Item: nog } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.sessie(sessie.sleutelHash), ConsistentRead: true }));
    return nog ? sessie : undefined;
  }
  return { ...sessie, laatstGebruiktOp: nu.toISOString() };
};

/** Signing out ends the session on the server, whatever the browser keeps. */
export const beeindigSessie = async (token: string | undefined): Promise<void> => {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return;
  await dynamo().send(new DeleteCommand({ TableName: tabel(), Key: sleutels.sessie(hash(token)) }));
};

const AccountSessieItem = z.object({ sk: z.string(), sleutelHash: z.string() });

/**
 * Ends every session of this account (its access was revoked): each session and its listing go, page by
 * page. Repeatable: a retry after a crash halfway finds what is left. Returns how many it ended.
 */
export const beeindigSessiesVanAccount = async (email: string): Promise<number> => {
  const pk = sleutels.accountSessie(emailSleutel(email), '').pk;
  let beeindigd = 0;
  let verder: Record<string, unknown> | undefined;
  do {
    const r = await dynamo().send(
      new QueryCommand({ TableName: tabel(), KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': pk }, ExclusiveStartKey: verder, ConsistentRead: true, Limit: 50 }),
    );
    for (const item of r.Items ?? []) {
      const { sk, sleutelHash } = AccountSessieItem.parse(item);
      // The session first: should the listing's delete fail, the retry still finds the session's listing.
      await dynamo().send(new DeleteCommand({ TableName: tabel(), Key: sleutels.sessie(sleutelHash) }));
      await dynamo().send(new DeleteCommand({ TableName: tabel(), Key: { pk, sk } }));
      beeindigd++;
    }
    verder = r.LastEvaluatedKey;
  } while (verder);
  return beeindigd;
};

/**
 * The cookie. `__Host-` binds it to this host, Secure and Path=/; Lax keeps it off cross-site posts (the
 * CSRF token is checked as well); no Max-Age: it ends with the browser, and the server ends it sooner.
 * Browsers treat http://localhost as secure, so the same cookie works locally.
 */
export const sessieCookie = (token: string): string => `${SESSIE_COOKIE}=${token}; Path=/; Secure; HttpOnly; SameSite=Lax`;
export const wisSessieCookie = (): string => `${SESSIE_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0`;

export const csrfKlopt = (sessie: Pick<Sessie, 'csrf'>, gegeven: string | null | undefined): boolean => {
  if (!gegeven) return false;
  const a = Buffer.from(sessie.csrf);
  const b = Buffer.from(gegeven);
  return a.length === b.length && timingSafeEqual(a, b);
};
