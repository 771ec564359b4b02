/**
 * `npm run -s token -- <rol> [tenant]` prints an access token for the local API. It signs with the dev
 * key under .data, so the server need not be running; tokens verify once it is (same key, same issuer).
 * `npm run -s token -- --gebruiker <e-mail>` prints one for an account a partner's approval or a
 * coordinator's invitation made, with the claims the Cognito trigger gives that account's attributes.
 */
import { lokaalAccountRegister } from '../../shared/auth/gebruikersaccounts';
import { claimsFor } from '../../functions/auth/token-claims';
import { CLAIM_ROL, CLAIM_TENANT, ROLLEN, type Rol } from '../../shared/auth/rollen';
import { createLocalIssuer, issuerKeyFile, localUsersDir } from './issuer';
import { DEFAULT_DATA_DIR } from './paths';

const USAGE = `usage: npm run -s token -- <rol> [tenant]
       npm run -s token -- --gebruiker <e-mail>
  rol:    ${ROLLEN.join(' | ')}
  tenant: gemeente → CBS code (GM0363), werkgever → lid id, regiopartner → partner id
  --gebruiker: an account of a partner's staff (made on approval or by POST /v1/regiopartners/{partnerId}/gebruikers),
              a member's contact (made on approval) or a coordinator (POST /v1/coordinatoren)
example: curl -H "Authorization: Bearer $(npm run -s token -- gemeente GM0363)" http://localhost:3000/v1/leden`;

const [eerste, tweede] = process.argv.slice(2);
const dataDir = process.env.WERKCOOP_DATA_DIR ?? DEFAULT_DATA_DIR;
const port = process.env.PORT ?? '3000';

/** The role and tenant to sign: given, or those of a local account, through the same mapping as in AWS. */
const wie = async (): Promise<{ rol: Rol; tenant?: string; subject?: string }> => {
  if (eerste === '--gebruiker') {
    if (!tweede) throw new Error('--gebruiker needs an e-mail address');
    const account = await lokaalAccountRegister(localUsersDir(dataDir)).haal(tweede);
    if (!account) throw new Error(`no local account for ${tweede}: not invited, its access revoked, or the accounts queue has not run yet (it runs under npm start)`);
    const claims = claimsFor(account.attributen);
    const rol = claims[CLAIM_ROL] as Rol | undefined;
    if (!rol) throw new Error(`the account of ${tweede} has no role: the API would refuse its tokens`);
    return { rol, subject: account.sub, ...(claims[CLAIM_TENANT] ? { tenant: claims[CLAIM_TENANT] } : {}) };
  }
  if (!eerste || !ROLLEN.includes(eerste as Rol)) throw new Error('unknown rol');
  return { rol: eerste as Rol, ...(tweede ? { tenant: tweede } : {}) };
};

try {
  const issuer = await createLocalIssuer({ baseUrl: `http://localhost:${port}`, keyFile: issuerKeyFile(dataDir) });
  console.log(await issuer.mintToken(await wie()));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
