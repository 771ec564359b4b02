import { createHash, randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { schrijfEenmalig } from '../lokaal/bestanden';
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { env, requireEnv } from '../config/env';
import type { AccountUitkomst, VerwijderUitkomst } from '../domain/regiopartners';
import type { GebruikersaccountPoort, NieuwAccount } from '../use-cases/poorten';
import { USER_ATTRIBUTE_ROL, USER_ATTRIBUTE_TENANT } from './attributen';

const ROL = `custom:${USER_ATTRIBUTE_ROL}`;
const TENANT = `custom:${USER_ATTRIBUTE_TENANT}`;

/** The attributes an account is made with; the pre-token-generation trigger turns rol and tenant into claims. */
export const accountAttributen = (a: NieuwAccount): Record<string, string> => ({
  email: a.email,
  // The address is the one the invitation went to: a partner's contact confirmed it with the sign-up's link,
  // a coordinator typed it for a colleague. Verified, so Cognito may send the password reset there.
  email_verified: 'true',
  name: a.naam,
  [ROL]: a.rol,
  // A coordinator's account has no tenant: claimsFor then gives the role claim only.
  ...(a.tenant === undefined ? {} : { [TENANT]: a.tenant }),
});

/** The same account: this role and this tenant. Anything else on the address is someone else's access. */
const zelfdeToegang = (a: NieuwAccount, bestaand: Readonly<Record<string, string | undefined>>): boolean =>
  bestaand[ROL] === a.rol && bestaand[TENANT] === a.tenant;

/**
 * Cognito in AWS: AdminCreateUser with the e-mail address as user name (the pool signs in by e-mail);
 * Cognito mails the invitation with a temporary password (the pool's invitation text) and asks for a new
 * password and MFA at the first sign-in. It has no idempotency key, so a retry is recognised by the answer:
 * UsernameExists, then AdminGetUser — the same role and tenant is this invitation made before (a retried
 * message, a crash before the item was marked); anything else is left exactly as it is.
 */
export const cognitoAccounts = (
  opties: { readonly client?: CognitoIdentityProviderClient; readonly userPoolId?: string } = {},
): GebruikersaccountPoort => {
  let cognito: CognitoIdentityProviderClient | undefined = opties.client;
  const client = () => (cognito ??= new CognitoIdentityProviderClient({}));
  const attributen = async (UserPoolId: string, email: string): Promise<Record<string, string | undefined> | undefined> => {
    try {
      const { UserAttributes } = await client().send(new AdminGetUserCommand({ UserPoolId, Username: email }));
      return Object.fromEntries((UserAttributes ?? []).map((u) => [u.Name ?? '', u.Value]));
    } catch (error) {
      if (error instanceof UserNotFoundException) return undefined;
      throw error;
    }
  };
  return {
    async maak(a): Promise<AccountUitkomst> {
      const UserPoolId = opties.userPoolId ?? requireEnv('USER_POOL_ID');
      try {
        await client().send(
          new AdminCreateUserCommand({
            UserPoolId,
            Username: a.email,
            UserAttributes: Object.entries(accountAttributen(a)).map(([Name, Value]) => ({ Name, Value })),
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        );
        return 'aangemaakt';
      } catch (error) {
        if (!(error instanceof UsernameExistsException)) throw error;
      }
      const bestaand = await attributen(UserPoolId, a.email);
      // Deleted between the two calls: let the message come again rather than guess.
      if (!bestaand) throw new Error('het account bestond en is tussendoor verwijderd; het bericht wordt opnieuw verwerkt');
      return zelfdeToegang(a, bestaand) ? 'bestond' : 'adresInGebruik';
    },
    /**
     * Read first, delete only this partner's account: the address may since belong to someone else's
     * access (an invitation that found it 'adresInGebruik'). Deleting the user also ends its refresh
     * tokens; an access token it holds stays valid until it expires (an hour).
     */
    async verwijder(a): Promise<VerwijderUitkomst> {
      const UserPoolId = opties.userPoolId ?? requireEnv('USER_POOL_ID');
      const bestaand = await attributen(UserPoolId, a.email);
      if (!bestaand) return 'bestondNiet';
      if (!zelfdeToegang(a, bestaand)) return 'nietVanDezePartner';
      try {
        await client().send(new AdminDeleteUserCommand({ UserPoolId, Username: a.email }));
        return 'verwijderd';
      } catch (error) {
        if (error instanceof UserNotFoundException) return 'bestondNiet';
        throw error;
      }
    },
  };
};

export interface LokaalAccount {
  /** Cognito's `sub`: stable for the account, the subject of its tokens. */
  readonly sub: string;
  readonly gebruikersnaam: string;
  readonly attributen: Readonly<Record<string, string>>;
  /** As Cognito: the account must set a password at its first sign-in. */
  readonly status: 'FORCE_CHANGE_PASSWORD';
  readonly aangemaaktOp: string;
}

// A hash names the file, so no address is in a file name (they end up in listings and shell history).
const bestandsnaam = (email: string) => `${createHash('sha256').update(email.trim().toLowerCase(), 'utf8').digest('hex')}.json`;

/**
 * The local stand-in for the user pool's accounts: one file per account under the data dir, written with
 * schrijfEenmalig (shared/lokaal/bestanden.ts) so two consumers racing make one. `npm run token -- --gebruiker <e-mail>` signs a token for
 * an account with the claims the Cognito trigger would give it (infra/local/token-cli.ts).
 */
export const lokaalAccountRegister = (dir: string) => {
  const haal = async (email: string): Promise<LokaalAccount | undefined> => {
    try {
      return JSON.parse(await readFile(join(dir, bestandsnaam(email)), 'utf8')) as LokaalAccount;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
  return {
  dir,
  async maak(a: NieuwAccount): Promise<AccountUitkomst> {
    const account: LokaalAccount = {
      sub: randomUUID(),
      gebruikersnaam: a.email.trim().toLowerCase(),
      attributen: accountAttributen(a),
      status: 'FORCE_CHANGE_PASSWORD',
      aangemaaktOp: new Date().toISOString(),
    };
    if (await schrijfEenmalig(join(dir, bestandsnaam(a.email)), JSON.stringify(account, null, 2))) return 'aangemaakt';
    const bestaand = await haal(a.email);
    return bestaand && zelfdeToegang(a, bestaand.attributen) ? 'bestond' : 'adresInGebruik';
  },
  async verwijder(a: NieuwAccount): Promise<VerwijderUitkomst> {
    const bestaand = await haal(a.email);
    if (!bestaand) return 'bestondNiet';
    if (!zelfdeToegang(a, bestaand.attributen)) return 'nietVanDezePartner';
    await rm(join(dir, bestandsnaam(a.email)), { force: true });
    return 'verwijderd';
  },
  haal,
  };
};
export type LokaalAccountRegister = ReturnType<typeof lokaalAccountRegister>;

export const gebruikersaccountAdapter = (): GebruikersaccountPoort =>
  env().ACCOUNT_ADAPTER === 'lokaal' ? lokaalAccountRegister(requireEnv('LOCAL_USERS_DIR')) : cognitoAccounts();
