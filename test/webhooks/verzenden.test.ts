import { createServer as createTcpServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nieuwGeheim, webhookHeaders } from '../../shared/domain/abonnementen/handtekening';
import { MAX_ANTWOORD_BYTES, verstuur, type Verzendopties } from '../../shared/webhooks/verzenden';
import { startOntvanger, type Ontvanger } from '../support/ontvanger';

const geheim = nieuwGeheim();
let ontvanger: Ontvanger;
let opties: Verzendopties;

beforeAll(async () => {
  ontvanger = await startOntvanger({ geheim });
  opties = { regels: { loopbackToestaan: true }, ca: ontvanger.ca };
});
afterAll(() => ontvanger.stop());
beforeEach(() => {
  ontvanger.ontvangen.length = 0;
  ontvanger.antwoord = (_v, res) => res.writeHead(204).end();
});

const body = JSON.stringify({ specversion: '1.0', id: '01JTEST', type: 'nl.werkcoop.plaatsingen.gestart' });
const verzending = (url = ontvanger.url()) => ({ url, body, headers: { ...webhookHeaders({ huidig: geheim }, '01JTEST', body, new Date()), authorization: 'Bearer ontvanger-token' } });

describe('een aflevering over HTTPS', () => {
  it('komt aan met een handtekening die standardwebhooks aanvaardt, en de Authorization van het abonnement', async () => {
    const r = await verstuur(verzending(), opties);
    expect(r).toMatchObject({ status: 204, adres: '127.0.0.1' });
    expect(ontvanger.ontvangen).toHaveLength(1);
    expect(ontvanger.ontvangen[0]).toMatchObject({ handtekeningGeldig: true, body, pad: '/webhooks' });
    expect(ontvanger.ontvangen[0]!.headers).toMatchObject({ 'webhook-id': '01JTEST', authorization: 'Bearer ontvanger-token', 'content-type': 'application/json' });
  });

  it('verbindt met het gecontroleerde adres: een naam die geen DNS kent komt aan via het adres dat de bewaker goedkeurde, met TLS op de naam', async () => {
    const gevraagd: string[] = [];
    const r = await verstuur(verzending(`https://ontvanger.test:${ontvanger.poort}/webhooks`), {
      ...opties,
      resolve: async (h) => {
        gevraagd.push(h);
        return ['127.0.0.1'];
      },
    });
    expect(r.status).toBe(204);
    expect(gevraagd).toEqual(['ontvanger.test']);
    expect(ontvanger.ontvangen[0]!.headers.host).toBe(`ontvanger.test:${ontvanger.poort}`);
  });

  it('DNS rebinding: elke poging lost opnieuw op; wijst de naam nu naar binnen, dan gaat er niets de deur uit', async () => {
    const antwoorden = [['127.0.0.1'], ['10.0.0.7'], ['127.0.0.1', '169.254.169.254']];
    const resolve = async () => antwoorden.shift()!;
    const url = `https://ontvanger.test:${ontvanger.poort}/webhooks`;
    expect((await verstuur(verzending(url), { ...opties, resolve })).status).toBe(204);
    expect(await verstuur(verzending(url), { ...opties, resolve })).toMatchObject({ fout: 'adresGeweigerd', klasse: 'private' });
    expect(await verstuur(verzending(url), { ...opties, resolve })).toMatchObject({ fout: 'adresGeweigerd', klasse: 'linkLocal' });
    expect(ontvanger.ontvangen).toHaveLength(1);
  });

  it('zonder de schakelaar is loopback geweigerd, en er wordt niet verbonden', async () => {
    expect(await verstuur(verzending(), { ...opties, regels: {} })).toMatchObject({ fout: 'adresGeweigerd', klasse: 'loopback' });
    expect(await verstuur(verzending(`https://[::ffff:127.0.0.1]:${ontvanger.poort}/`), opties)).toMatchObject({ fout: 'adresGeweigerd', klasse: 'ipv4Mapped' });
    expect(ontvanger.ontvangen).toHaveLength(0);
  });

  it('een certificaat dat niet vertrouwd is, is een verbindingsfout (geen uitzondering voor de bewaker)', async () => {
    expect(await verstuur(verzending(), { regels: { loopbackToestaan: true } })).toMatchObject({ fout: 'verbinding' });
  });

  it('volgt geen redirect: de 3xx is het antwoord', async () => {
    ontvanger.antwoord = (_v, res) => res.writeHead(302, { location: 'https://169.254.169.254/latest/meta-data/' }).end();
    expect((await verstuur(verzending(), opties)).status).toBe(302);
    expect(ontvanger.ontvangen).toHaveLength(1);
  });

  it('leest hoogstens 64 KiB van een antwoord van megabytes, en wacht niet op de rest', async () => {
    ontvanger.antwoord = (_v, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const blok = Buffer.alloc(64 * 1024, 'x');
      let n = 0;
      const schrijf = () => {
        while (n++ < 200) if (!res.write(blok)) return void res.once('drain', schrijf);
        res.end();
      };
      schrijf();
    };
    const r = await verstuur(verzending(), opties);
    expect(r.status).toBe(200);
    expect(r.bytesGelezen).toBe(MAX_ANTWOORD_BYTES);
  });

  it('geeft 429/503 met Retry-After door', async () => {
    ontvanger.antwoord = (_v, res) => res.writeHead(503, { 'retry-after': '120' }).end();
    expect(await verstuur(verzending(), opties)).toMatchObject({ status: 503, retryAfter: '120' });
  });

  it('de totale tijd is begrensd: een ontvanger die niet antwoordt is een timeout', async () => {
    ontvanger.antwoord = () => undefined;
    const r = await verstuur(verzending(), { ...opties, totaalTimeoutMs: 300 });
    expect(r.fout).toBe('timeout');
    expect(r.duurMs).toBeLessThan(2_000);
  });

  it('het verbinden is begrensd: een poort die TCP aanneemt maar nooit TLS spreekt is een connect-timeout', async () => {
    const stil: Server = createTcpServer(() => undefined);
    await new Promise<void>((r) => stil.listen(0, '127.0.0.1', () => r()));
    try {
      const r = await verstuur(verzending(`https://127.0.0.1:${(stil.address() as AddressInfo).port}/`), { ...opties, connectTimeoutMs: 200 });
      expect(r.fout).toBe('connectTimeout');
    } finally {
      stil.close();
    }
  });

  it('weigert een URL zonder https of met gegevens erin zonder te verbinden', async () => {
    expect(await verstuur(verzending(`http://127.0.0.1:${ontvanger.poort}/`), opties)).toMatchObject({ fout: 'ongeldigeUrl' });
    expect(await verstuur(verzending(`https://a:b@127.0.0.1:${ontvanger.poort}/`), opties)).toMatchObject({ fout: 'ongeldigeUrl' });
    expect(ontvanger.ontvangen).toHaveLength(0);
  });

  it('een naam die niet bestaat is onbekendeHost', async () => {
    expect(await verstuur(verzending('https://bestaat-niet.invalid/'), opties)).toMatchObject({ fout: 'onbekendeHost' });
  });
});
