import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/rollen';
import { dynamo, tabel } from '../../shared/store/dynamodb';
import { sleutels } from '../../shared/store/sleutels';
import {
  ABSOLUUT_UREN,
  beeindigSessie,
  beeindigSessiesVanAccount,
  csrfKlopt,
  INACTIEF_MINUTEN,
  leesSessie,
  SESSIE_COOKIE,
  sessieCookie,
  startSessie,
  wisSessieCookie,
} from '../../shared/web/sessie';
import { storeOmgeving } from './store-omgeving';

/**
 * Portal sessions against DynamoDB Local, with the clock injected: the cookie holds a random id, the table
 * the session under the id's hash, and both expiry bounds hold whatever DynamoDB's TTL does (Local never
 * expires items, and AWS deletes late).
 */
beforeAll(() => storeOmgeving());

const lid: Principal = { rol: 'werkgever', subject: 'sub-sanne', lidId: '01JB6Y2Z3C4D5E6F7G8H9J0K1M' };
const T0 = new Date('2026-12-02T09:00:00.000Z');
const na = (minuten: number) => new Date(T0.getTime() + minuten * 60_000);
const item = (hash: string) => dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.sessie(hash), ConsistentRead: true })).then((r) => r.Item);

describe('a session', () => {
  it('starts with a token only the cookie holds; the table keeps its hash, the principal and a CSRF token', async () => {
    const { token, sessie } = await startSessie(lid, 'Sanne de Vries', T0);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessie).toMatchObject({ principal: lid, naam: 'Sanne de Vries', aangemaaktOp: T0.toISOString(), laatstGebruiktOp: T0.toISOString() });
    expect(sessie.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const opgeslagen = await item(sessie.sleutelHash);
    expect(opgeslagen).toMatchObject({ entiteit: 'Sessie', verlooptOp: T0.getTime() / 1000 + ABSOLUUT_UREN * 3600 });
    const alles = JSON.stringify((await dynamo().send(new ScanCommand({ TableName: tabel() }))).Items);
    expect(alles).not.toContain(token);
    expect(await leesSessie(token, na(1))).toMatchObject({ principal: lid, naam: 'Sanne de Vries', csrf: sessie.csrf });
  });

  it('unknown, malformed and absent tokens read as no session', async () => {
    expect(await leesSessie(undefined, T0)).toBeUndefined();
    expect(await leesSessie('', T0)).toBeUndefined();
    expect(await leesSessie('kort', T0)).toBeUndefined();
    expect(await leesSessie('A'.repeat(43), T0)).toBeUndefined();
    expect(await leesSessie(`${'A'.repeat(42)}=`, T0)).toBeUndefined();
  });

  it(`ends after ${INACTIEF_MINUTEN} minutes without a request; each request moves that end`, async () => {
    const { token, sessie } = await startSessie(lid, 'Sanne de Vries', T0);
    // Used after 20 minutes: the idle end moves to 50 minutes, and the table says so.
    expect(await leesSessie(token, na(20))).toMatchObject({ laatstGebruiktOp: na(20).toISOString() });
    expect((await item(sessie.sleutelHash))?.laatstGebruiktOp).toBe(na(20).toISOString());
    expect(await leesSessie(token, na(20 + INACTIEF_MINUTEN))).toBeDefined();
    // 31 minutes after the last request.
    expect(await leesSessie(token, na(20 + INACTIEF_MINUTEN + INACTIEF_MINUTEN + 1))).toBeUndefined();
  });

  it('renews at most once a minute: a page view within that minute is no write', async () => {
    const { token, sessie } = await startSessie(lid, 'Sanne de Vries', T0);
    await leesSessie(token, new Date(T0.getTime() + 30_000));
    expect((await item(sessie.sleutelHash))?.laatstGebruiktOp).toBe(T0.toISOString());
  });

  it(`ends ${ABSOLUUT_UREN} hours after signing in, however busy`, async () => {
    const { token } = await startSessie(lid, 'Sanne de Vries', T0);
    for (let m = 25; m <= ABSOLUUT_UREN * 60; m += 25) expect(await leesSessie(token, na(m)), `after ${m} minutes`).toBeDefined();
    expect(await leesSessie(token, na(ABSOLUUT_UREN * 60 + 1))).toBeUndefined();
  });

  it('a renewal never moves the idle end backwards (a request with a slower clock)', async () => {
    const { token, sessie } = await startSessie(lid, 'Sanne de Vries', T0);
    await leesSessie(token, na(10));
    expect(await leesSessie(token, na(5))).toBeDefined();
    expect((await item(sessie.sleutelHash))?.laatstGebruiktOp).toBe(na(10).toISOString());
  });

  it('signing out removes it from the table: the same cookie is then no session', async () => {
    const { token, sessie } = await startSessie(lid, 'Sanne de Vries', T0);
    await beeindigSessie(token);
    expect(await item(sessie.sleutelHash)).toBeUndefined();
    expect(await leesSessie(token, na(2))).toBeUndefined();
    // Twice, or with no cookie at all: nothing to do, no error.
    await beeindigSessie(token);
    await beeindigSessie(undefined);
  });

  it('two sessions of one person are apart: ending one leaves the other', async () => {
    const a = await startSessie(lid, 'Sanne de Vries', T0);
    const b = await startSessie(lid, 'Sanne de Vries', T0);
    expect(a.token).not.toBe(b.token);
    expect(a.sessie.csrf).not.toBe(b.sessie.csrf);
    await beeindigSessie(a.token);
    expect(await leesSessie(b.token, na(1))).toBeDefined();
  });
});

describe('the CSRF token', () => {
  it("is accepted only exactly: not absent, empty, shorter, longer or another session's", async () => {
    const { sessie } = await startSessie(lid, 'Sanne de Vries', T0);
    const ander = await startSessie(lid, 'Sanne de Vries', T0);
    expect(csrfKlopt(sessie, sessie.csrf)).toBe(true);
    for (const fout of [undefined, null, '', sessie.csrf.slice(1), `${sessie.csrf}x`, ander.sessie.csrf, sessie.csrf.toUpperCase()])
      expect(csrfKlopt(sessie, fout), String(fout)).toBe(false);
    // A multi-byte character of the same length in characters is not the same length in bytes.
    expect(csrfKlopt(sessie, `${sessie.csrf.slice(0, -1)}é`)).toBe(false);
  });
});

describe('the cookie', () => {
  it('is __Host-, Secure, HttpOnly, SameSite=Lax on Path=/, without a lifetime of its own; wiping it expires it', () => {
    const c = sessieCookie('abc');
    expect(c.startsWith(`${SESSIE_COOKIE}=abc;`)).toBe(true);
    expect(SESSIE_COOKIE.startsWith('__Host-')).toBe(true);
    for (const deel of ['Path=/', 'Secure', 'HttpOnly', 'SameSite=Lax']) expect(c.split('; ')).toContain(deel);
    expect(c).not.toMatch(/Max-Age|Expires|Domain/i);
    expect(wisSessieCookie().split('; ')).toEqual([`${SESSIE_COOKIE}=`, 'Path=/', 'Secure', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0']);
  });
});

describe('the sessions of an account', () => {
  it('revoking the account ends all its sessions, and only those; the address is in the table only as a hash; a second run ends nothing', async () => {
    const adres = `sanne-${Date.now()}@werkgever.nl`;
    const eerste = await startSessie(lid, 'Sanne de Vries', new Date(), { email: adres });
    const tweede = await startSessie(lid, 'Sanne de Vries', new Date(), { email: ` ${adres.toUpperCase()}` });
    const ander = await startSessie(lid, 'Sanne de Vries', new Date(), { email: `ander-${adres}` });
    const zonderAccount = await startSessie(lid, 'Sanne de Vries');
    expect(JSON.stringify((await dynamo().send(new ScanCommand({ TableName: tabel() }))).Items)).not.toContain(adres);
    expect(await leesSessie(eerste.token)).toBeDefined();

    expect(await beeindigSessiesVanAccount(adres)).toBe(2);
    expect(await leesSessie(eerste.token)).toBeUndefined();
    expect(await leesSessie(tweede.token)).toBeUndefined();
    expect(await leesSessie(ander.token)).toBeDefined();
    expect(await leesSessie(zonderAccount.token)).toBeDefined();
    expect(await beeindigSessiesVanAccount(adres)).toBe(0);
  });
});
