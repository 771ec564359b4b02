import type { LocalRuntime } from '../../infra/local/runtime';
import type { Gemeente } from '../../shared/schemas/gemeenten';
import type { Lid } from '../../shared/schemas/leden';
import type { Verwijzing } from '../../shared/schemas/verwijzingen';
import type { Werkplek } from '../../shared/schemas/werkplekken';
import { ok as gelukt, nieuwAdres, type ApiClient, type Kop } from './http';
import { authorization } from './runtime';

/**
 * The setup chains the HTTP tests share, each taken through the API the way its callers take it. The
 * request bodies stay in the test files: the data is what a test is about, the chain is not.
 */
export const scenario = ({ call }: ApiClient, runtime: () => LocalRuntime) => {
  const verwijzing = async (gemeente: Kop, invoer: object): Promise<Verwijzing> =>
    gelukt(await call('POST', '/v1/verwijzingen', { headers: gemeente, body: invoer }), 201);

  return {
    /** A coordinator registers a gemeente. */
    gemeente: async (admin: Kop, registratie: object): Promise<Gemeente> => gelukt(await call('POST', '/v1/gemeenten', { headers: admin, body: registratie }), 201),

    /** An employer applies (from an address of its own) and a coordinator approves: the active member and its bearer header. */
    actiefLid: async (admin: Kop, aanvraag: object): Promise<{ lid: Lid; headers: Kop }> => {
      const aangevraagd: Lid = gelukt(await call('POST', '/v1/leden', { body: aanvraag, vanAdres: nieuwAdres() }), 201);
      const lid: Lid = gelukt(await call('POST', `/v1/leden/${aangevraagd.id}/goedkeuring`, { headers: admin }), 200);
      return { lid, headers: await authorization(runtime(), 'werkgever', lid.id) };
    },

    /** A gemeente refers a candidate. */
    verwijzing,

    /** A gemeente refers a candidate and a coordinator takes it through intake to bemiddelbaar. */
    bemiddelbaar: async (admin: Kop, gemeente: Kop, invoer: object): Promise<Verwijzing> => {
      const v = await verwijzing(gemeente, invoer);
      gelukt(await call('POST', `/v1/verwijzingen/${v.id}/intake`, { headers: admin }), 200);
      return gelukt(await call('POST', `/v1/verwijzingen/${v.id}/bemiddelbaarverklaring`, { headers: admin }), 200);
    },

    /** An active member offers a werkplek. */
    werkplek: async (lid: Kop, invoer: object): Promise<Werkplek> => gelukt(await call('POST', '/v1/werkplekken', { headers: lid, body: invoer }), 201),
  };
};
