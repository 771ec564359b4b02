import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/aws-local';
import { cognitoAccounts } from '../../shared/auth/gebruikersaccounts';

/**
 * The Cognito adapter of staff accounts with the real SDK against a stand-in of Cognito's JSON protocol
 * (there is no Cognito to run locally): what the adapter sends, and how it reads UsernameExistsException,
 * UserNotFoundException and AdminGetUser's answer. Only the three operations the adapter may call are answered; any other is an
 * error, as the consumer's IAM policy would make it.
 */
type Verzoek = { operatie: string; body: Record<string, unknown> };
const verzoeken: Verzoek[] = [];
const gebruikers = new Map<string, { Name: string; Value: string }[]>();
let server: Server;
let endpoint: string;

const lees = async (req: IncomingMessage) => {
  let data = '';
  for await (const chunk of req) data += chunk;
  return JSON.parse(data) as Record<string, unknown>;
};
const antwoord = (status: number, body: unknown) => ({ status, body });
const fout = (type: string, message: string) => antwoord(400, { __type: type, message });

const cognito = (operatie: string, body: Record<string, unknown>) => {
  const naam = String(body.Username).toLowerCase();
  if (body.UserPoolId !== 'eu-central-1_test') return fout('ResourceNotFoundException', 'User pool does not exist.');
  if (operatie === 'AdminCreateUser') {
    if (gebruikers.has(naam)) return fout('UsernameExistsException', 'An account with the given email already exists.');
    gebruikers.set(naam, body.UserAttributes as { Name: string; Value: string }[]);
    return antwoord(200, { User: { Username: 'a1b2c3', Attributes: body.UserAttributes, UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true } });
  }
  if (operatie === 'AdminGetUser') {
    const attributen = gebruikers.get(naam);
    if (!attributen) return fout('UserNotFoundException', 'User does not exist.');
    return antwoord(200, { Username: 'a1b2c3', UserAttributes: attributen, UserStatus: 'CONFIRMED', Enabled: true });
  }
  if (operatie === 'AdminDeleteUser') {
    if (!gebruikers.delete(naam)) return fout('UserNotFoundException', 'User does not exist.');
    return antwoord(200, {});
  }
  return fout('AccessDeniedException', `not allowed: ${operatie}`);
};

beforeAll(async () => {
  server = createServer((req, res) => {
    void lees(req).then((body) => {
      const operatie = String(req.headers['x-amz-target'] ?? '').replace('AWSCognitoIdentityProviderService.', '');
      verzoeken.push({ operatie, body });
      const r = cognito(operatie, body);
      res.writeHead(r.status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(r.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const adapter = () =>
  cognitoAccounts({
    client: new CognitoIdentityProviderClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 }),
    userPoolId: 'eu-central-1_test',
  });
const account = (email: string, tenant: string) => ({ email, naam: 'Sem de Wit', rol: 'regiopartner' as const, tenant });

describe('staff accounts in Cognito (AdminCreateUser, AdminGetUser, AdminDeleteUser)', () => {
  it('makes the user by e-mail with the role and tenant attributes, verified, and lets Cognito mail the invitation', async () => {
    verzoeken.length = 0;
    expect(await adapter().maak(account('sem@coachpunt.nl', 'P1'))).toBe('aangemaakt');
    expect(verzoeken).toEqual([
      {
        operatie: 'AdminCreateUser',
        body: {
          UserPoolId: 'eu-central-1_test',
          Username: 'sem@coachpunt.nl',
          DesiredDeliveryMediums: ['EMAIL'],
          UserAttributes: [
            { Name: 'email', Value: 'sem@coachpunt.nl' },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: 'Sem de Wit' },
            { Name: 'custom:rol', Value: 'regiopartner' },
            { Name: 'custom:tenant', Value: 'P1' },
          ],
        },
      },
    ]);
  });

  it('a retry finds the account it made (UsernameExists, then the same role and tenant): bestond, nothing changed', async () => {
    await adapter().maak(account('ria@coachpunt.nl', 'P2'));
    verzoeken.length = 0;
    expect(await adapter().maak(account('ria@coachpunt.nl', 'P2'))).toBe('bestond');
    expect(verzoeken.map((v) => v.operatie)).toEqual(['AdminCreateUser', 'AdminGetUser']);
  });

  it('an address another partner (or role) holds: adresInGebruik, and the existing user is only read', async () => {
    await adapter().maak(account('lotte@coachpunt.nl', 'P3'));
    verzoeken.length = 0;
    expect(await adapter().maak(account('lotte@coachpunt.nl', 'P4'))).toBe('adresInGebruik');
    expect(verzoeken.map((v) => v.operatie)).toEqual(['AdminCreateUser', 'AdminGetUser']);
    expect(gebruikers.get('lotte@coachpunt.nl')).toContainEqual({ Name: 'custom:tenant', Value: 'P3' });
  });

  it('a revocation reads the user first and deletes it only with this role and tenant; gone already is bestondNiet', async () => {
    await adapter().maak(account('kees@coachpunt.nl', 'P6'));
    await adapter().maak(account('fenna@coachpunt.nl', 'P7'));
    verzoeken.length = 0;
    expect(await adapter().verwijder(account('fenna@coachpunt.nl', 'P8'))).toBe('nietVanDezePartner');
    expect(verzoeken.map((v) => v.operatie)).toEqual(['AdminGetUser']);
    expect(gebruikers.has('fenna@coachpunt.nl')).toBe(true);
    verzoeken.length = 0;
    expect(await adapter().verwijder(account('kees@coachpunt.nl', 'P6'))).toBe('verwijderd');
    expect(verzoeken).toEqual([
      { operatie: 'AdminGetUser', body: { UserPoolId: 'eu-central-1_test', Username: 'kees@coachpunt.nl' } },
      { operatie: 'AdminDeleteUser', body: { UserPoolId: 'eu-central-1_test', Username: 'kees@coachpunt.nl' } },
    ]);
    expect(gebruikers.has('kees@coachpunt.nl')).toBe(false);
    expect(await adapter().verwijder(account('kees@coachpunt.nl', 'P6'))).toBe('bestondNiet');
  });

  it('any other refusal is thrown, so the message is retried and in the end lands in the DLQ', async () => {
    const fout = cognitoAccounts({
      client: new CognitoIdentityProviderClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 }),
      userPoolId: 'eu-central-1_andere',
    });
    await expect(fout.maak(account('x@coachpunt.nl', 'P5'))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
