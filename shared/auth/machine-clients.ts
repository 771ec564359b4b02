import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CognitoIdentityProviderClient, CreateUserPoolClientCommand, DeleteUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ulid } from 'ulidx';
import { env, requireEnv } from '../config/env';
import type { MachineClientPoort } from '../use-cases/poorten';
import { API_SCOPE } from './rollen';

/** Machine clients get short-lived access tokens only: no refresh token, no user, one scope. */
const TOKEN_MINUTEN = 60;

/**
 * Cognito in AWS: an app client with the client-credentials grant and a generated secret, allowed only the
 * resource server's scope werkcoop/api. Cognito answers the secret once here and later only to
 * DescribeUserPoolClient, which this function may not call. The client's role and tenant are not in
 * Cognito: the pre-token-generation trigger reads them from the MachineClient item (functions/auth/token-claims.ts).
 */
const cognitoClients = (): MachineClientPoort => {
  let cognito: CognitoIdentityProviderClient | undefined;
  const client = () => (cognito ??= new CognitoIdentityProviderClient({}));
  return {
    tokenUrl: requireEnv('TOKEN_URL'),
    async maak(naam) {
      const { UserPoolClient: c } = await client().send(
        new CreateUserPoolClientCommand({
          UserPoolId: requireEnv('USER_POOL_ID'),
          ClientName: naam,
          GenerateSecret: true,
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthFlows: ['client_credentials'],
          AllowedOAuthScopes: [API_SCOPE],
          SupportedIdentityProviders: ['COGNITO'],
          AccessTokenValidity: TOKEN_MINUTEN,
          TokenValidityUnits: { AccessToken: 'minutes' },
          EnableTokenRevocation: true,
          PreventUserExistenceErrors: 'ENABLED',
        }),
      );
      if (!c?.ClientId || !c.ClientSecret) throw new Error('Cognito gaf geen client id of secret terug');
      return { clientId: c.ClientId, clientSecret: c.ClientSecret };
    },
    async verwijder(clientId) {
      await client().send(new DeleteUserPoolClientCommand({ UserPoolId: requireEnv('USER_POOL_ID'), ClientId: clientId }));
    },
  };
};

// ULIDs in lower case: 26 characters of [0-9a-z], as Cognito's client ids look; nothing else reaches the file system.
const CLIENT_ID = /^[0-9a-hjkmnp-tv-z]{26}$/;
const hash = (geheim: string) => createHash('sha256').update(geheim, 'utf8').digest();

interface Registratie {
  readonly clientId: string;
  readonly naam: string;
  /** SHA-256 of the secret, hex. Never the secret itself. */
  readonly geheimHash: string;
  readonly aangemaaktOp: string;
}

/**
 * The local issuer's client registry: one file per client, holding only a hash of the secret. The approval
 * function (through `lokaleClients`) writes it, the local token endpoint (infra/local/issuer.ts) checks a
 * client's id and secret against it: the local stand-in for Cognito's app clients.
 */
export const lokaalClientRegister = (dir: string) => ({
  dir,
  async registreer(naam: string): Promise<{ clientId: string; clientSecret: string }> {
    const clientId = ulid().toLowerCase();
    const clientSecret = randomBytes(32).toString('base64url');
    const registratie: Registratie = { clientId, naam, geheimHash: hash(clientSecret).toString('hex'), aangemaaktOp: new Date().toISOString() };
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${clientId}.json`), JSON.stringify(registratie, null, 2), { flag: 'wx', mode: 0o600 });
    return { clientId, clientSecret };
  },
  async verwijder(clientId: string): Promise<void> {
    if (CLIENT_ID.test(clientId)) await rm(join(dir, `${clientId}.json`), { force: true });
  },
  /** Whether this id and secret belong to a registered client; compared in constant time. */
  async controleer(clientId: string, clientSecret: string): Promise<boolean> {
    if (!CLIENT_ID.test(clientId)) return false;
    let registratie: Registratie;
    try {
      registratie = JSON.parse(await readFile(join(dir, `${clientId}.json`), 'utf8')) as Registratie;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    const verwacht = Buffer.from(registratie.geheimHash, 'hex');
    const gegeven = hash(clientSecret);
    return verwacht.length === gegeven.length && timingSafeEqual(verwacht, gegeven);
  },
});
export type LokaalClientRegister = ReturnType<typeof lokaalClientRegister>;

const lokaleClients = (): MachineClientPoort => {
  const register = lokaalClientRegister(requireEnv('LOCAL_CLIENTS_DIR'));
  return { tokenUrl: requireEnv('TOKEN_URL'), maak: (naam) => register.registreer(naam), verwijder: (id) => register.verwijder(id) };
};

export const machineClientAdapter = (): MachineClientPoort => (env().MACHINE_CLIENT_ADAPTER === 'lokaal' ? lokaleClients() : cognitoClients());
