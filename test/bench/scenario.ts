import { randomInt } from 'node:crypto';
import type { LocalRuntime } from '../../infra/local/runtime';
import type { Rol } from '../../shared/auth/rollen';
import type { Lid } from '../../shared/schemas/leden';
import { expectStatus, type ApiClient } from './http';

/**
 * The leden set-up the bench needs (members in given states), made through the API itself so every item
 * in the table is what the handlers would write — the same calls as test/http/leden.test.ts.
 */
export const scenario = async (rt: LocalRuntime, api: ApiClient) => {
  let kvk = 10_000_000 + randomInt(80_000_000);
  const aanvraag = () => ({
    kvkNummer: String(++kvk),
    naam: 'Bakkerij De Verwachting',
    sectoren: ['voedingsmiddelen'],
    werksoorten: ['productie', 'logistiek'],
    contactpersoon: { naam: 'Fatima el Amrani', email: 'hr@deverwachting.nl' },
    toezeggingen: { reguliereBanen: 2, participatieplaatsen: 3, beschutWerkplekken: 0, banenafspraakBanen: 1 },
  });
  const bearer = async (rol: Rol, tenant?: string) => ({
    authorization: `Bearer ${await rt.mintToken({ rol, ...(tenant ? { tenant } : {}) })}`,
  });
  const admin = await bearer('coopAdmin');

  const aanvragen = async (): Promise<Lid> => expectStatus(await api.call('POST', '/v1/leden', { body: aanvraag() }), 201, 'POST /v1/leden').json<Lid>();
  const operatie = async (lid: Lid, segment: string, body?: unknown): Promise<Lid> =>
    expectStatus(
      await api.call('POST', `/v1/leden/${lid.id}/${segment}`, { headers: admin, ...(body !== undefined ? { body } : {}) }),
      200,
      `POST ${segment}`,
    ).json<Lid>();
  const actief = async (): Promise<Lid> => operatie(await aanvragen(), 'goedkeuring');
  const geschorst = async (): Promise<Lid> => operatie(await actief(), 'schorsing', { reden: 'Afspraken niet nagekomen' });

  return { admin, bearer, aanvraag, aanvragen, operatie, actief, geschorst };
};
export type Scenario = Awaited<ReturnType<typeof scenario>>;
