import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';

/**
 * A real webhook receiver in the test process: HTTPS on loopback with a self-signed certificate (made
 * here with openssl, valid for localhost, 127.0.0.1, ::1 and ontvanger.test), verifying every request's
 * Standard Webhooks signature with the `standardwebhooks` package, as a receiver built from the README would.
 */
export interface OntvangenVerzoek {
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  readonly pad: string;
  /** Undefined without a secret to check against; otherwise whether the package accepted the signature. */
  readonly handtekeningGeldig?: boolean | undefined;
}

export type Antwoorder = (v: OntvangenVerzoek, res: ServerResponse) => void;

export interface Ontvanger {
  readonly url: (pad?: string) => string;
  readonly poort: number;
  readonly ca: string;
  readonly ontvangen: OntvangenVerzoek[];
  antwoord: Antwoorder;
  geheim: string | undefined;
  stop(): Promise<void>;
}

let certificaat: { key: string; cert: string } | undefined;
const maakCertificaat = () => {
  if (certificaat) return certificaat;
  const dir = mkdtempSync(join(tmpdir(), 'ontvanger-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=DNS:localhost,DNS:ontvanger.test,IP:127.0.0.1,IP:::1',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      { stdio: 'ignore' },
    );
    certificaat = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
    return certificaat;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export const startOntvanger = async (opties: { geheim?: string; host?: string; poort?: number } = {}): Promise<Ontvanger> => {
  const { key, cert } = maakCertificaat();
  const ontvangen: OntvangenVerzoek[] = [];
  const o: Ontvanger = {
    url: (pad = '/webhooks') => `https://127.0.0.1:${(server.address() as AddressInfo).port}${pad}`,
    get poort() {
      return (server.address() as AddressInfo).port;
    },
    ca: cert,
    ontvangen,
    geheim: opties.geheim,
    antwoord: (_v, res) => res.writeHead(204).end(),
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  const server: Server = createServer({ key, cert }, (req, res) => {
    const delen: Buffer[] = [];
    req.on('data', (d: Buffer) => delen.push(d));
    req.on('end', () => {
      const body = Buffer.concat(delen).toString('utf8');
      let handtekeningGeldig: boolean | undefined;
      if (o.geheim) {
        try {
          new Webhook(o.geheim).verify(body, req.headers as Record<string, string>);
          handtekeningGeldig = true;
        } catch {
          handtekeningGeldig = false;
        }
      }
      const v: OntvangenVerzoek = { headers: req.headers, body, pad: req.url ?? '', handtekeningGeldig };
      ontvangen.push(v);
      o.antwoord(v, res);
    });
  });
  await new Promise<void>((r) => server.listen(opties.poort ?? 0, opties.host ?? '127.0.0.1', () => r()));
  server.unref();
  return o;
};

let gedeeld: Promise<Ontvanger> | undefined;
/**
 * One receiver for a whole test file that needs a callback to answer (the security suites' worlds), trusted by
 * the delivery through WEBHOOKS_TEST_CA. It answers 204 to all, so a verification never leaves a retry
 * pending; it does not keep the test process alive.
 */
export const gedeeldeOntvanger = (): Promise<Ontvanger> =>
  (gedeeld ??= startOntvanger().then((o) => {
    process.env.WEBHOOKS_TEST_CA = o.ca;
    return o;
  }));
