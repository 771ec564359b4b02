/**
 * `npm run -s token -- <rol> [tenant]` prints an access token for the local API. It signs with the dev
 * key under .data, so the server need not be running; tokens verify once it is (same key, same issuer).
 */
import { ROLLEN, type Rol } from '../../shared/auth/rollen';
import { createLocalIssuer, issuerKeyFile } from './issuer';
import { DEFAULT_DATA_DIR } from './paths';

const USAGE = `usage: npm run -s token -- <rol> [tenant]
  rol:    ${ROLLEN.join(' | ')}
  tenant: gemeente → CBS code (GM0363), werkgever → lid id, regiopartner → partner id
example: curl -H "Authorization: Bearer $(npm run -s token -- gemeente GM0363)" http://localhost:3000/v1/leden`;

const [rol, tenant] = process.argv.slice(2);
if (!rol || !ROLLEN.includes(rol as Rol)) {
  console.error(USAGE);
  process.exit(2);
}
const dataDir = process.env.WERKCOOP_DATA_DIR ?? DEFAULT_DATA_DIR;
const port = process.env.PORT ?? '3000';
try {
  const issuer = await createLocalIssuer({ baseUrl: `http://localhost:${port}`, keyFile: issuerKeyFile(dataDir) });
  console.log(await issuer.mintToken({ rol: rol as Rol, ...(tenant ? { tenant } : {}) }));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
