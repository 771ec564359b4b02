import { CloudEvent } from 'cloudevents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { GEBEURTENIS_TYPE_NAMEN, VERIFICATIE_TYPE } from '../../shared/domain/abonnementen/gebeurtenissen';
import { plusDagen } from '../../shared/domain/nazorg';
import { apiClient, expectStatus } from '../bench/http';
import { ANTWOORD_HOOG, scenario, type Scenario } from '../bench/scenario';
import { nieuwAdres } from '../support/adressen';
import { startOntvanger, type Ontvanger } from '../support/ontvanger';
import { startTestRuntime } from '../support/runtime';

/**
 * Issue #14's "every event type arrives once with a valid signature", end to end through the local runtime:
 * one coordinator's subscription to every type, then, through the API, a change of each kind — a referral
 * through intake, a placement proposed, in kennismaking, started, its follow-ups sent (the nazorg sweep, run
 * through the runtime's job endpoint POST /local/jobs/nazorg-sweep/run, as in AWS a schedule runs it) and its
 * 6-month durability check answered with a high signal (answered, escalation, durability check), the
 * escalation handled, the placement ended, a member approved and suspended, one partner application approved
 * and one declined. Every event the coordinators' feed holds arrives exactly once (one webhook-id each), with
 * a signature `standardwebhooks` accepts, as a valid CloudEvent (the `cloudevents` package), equal to
 * GET /v1/gebeurtenissen/{id}, and with none of the personal data the changes carried.
 */
let rt: LocalRuntime;
let ontvanger: Ontvanger;
let api: ReturnType<typeof apiClient>;
let s: Scenario;

beforeAll(async () => {
  ontvanger = await startOntvanger();
  process.env.WEBHOOKS_TEST_CA = ontvanger.ca;
  rt = await startTestRuntime();
  api = apiClient(rt.baseUrl);
  s = await scenario(rt, api);
}, 60_000);
afterAll(async () => {
  delete process.env.WEBHOOKS_TEST_CA;
  api?.close();
  await rt?.stop();
  await ontvanger?.stop();
});

const wachtTot = async (voorwaarde: () => boolean | Promise<boolean>, ms = 30_000) => {
  const tot = Date.now() + ms;
  while (!(await voorwaarde())) {
    if (Date.now() > tot) throw new Error('wachten duurde te lang');
    await new Promise((r) => setTimeout(r, 100));
  }
};

type Ce = { id: string; type: string; [k: string]: unknown };

/** Every event of the coordinators' feed, paging on until a page is empty. */
const feed = async (): Promise<Ce[]> => {
  const alle: Ce[] = [];
  let pad: string | null = '/v1/gebeurtenissen?pageSize=100';
  for (let i = 0; pad && i < 50; i++) {
    const pagina: { gebeurtenissen: Ce[]; volgendePagina: string } = expectStatus(await api.call('GET', pad, { headers: s.admin }), 200, 'GET /v1/gebeurtenissen').json<{ gebeurtenissen: Ce[]; volgendePagina: string }>();
    // Always a next link; an empty page means nothing new yet.
    if (pagina.gebeurtenissen.length === 0) break;
    alle.push(...pagina.gebeurtenissen);
    pad = pagina.volgendePagina.slice(pagina.volgendePagina.indexOf('/v1/'));
  }
  return alle;
};

describe('webhooks: elk type gebeurtenis komt één keer aan, ondertekend', () => {
  it('elke wijziging via de API (en de nazorg-sweep via het job-eindpunt) geeft één geldige, ondertekende CloudEvent zonder persoonsgegevens', async () => {
    const abonnement = expectStatus(
      await api.call('POST', '/v1/abonnementen', {
        headers: s.admin,
        body: { types: GEBEURTENIS_TYPE_NAMEN, callbackUrl: ontvanger.url('/alles'), contactEmail: 'beheer@werkcoop.nl' },
      }),
      201,
      'POST /v1/abonnementen',
    ).json<{ id: string; geheim: string }>();
    ontvanger.geheim = abonnement.geheim;
    await wachtTot(async () => expectStatus(await api.call('GET', `/v1/abonnementen/${abonnement.id}`, { headers: s.admin }), 200, 'GET').json<{ status: string }>().status === 'actief');
    await rt.settle();
    const voor = new Set((await feed()).map((e) => e.id));

    // Members: approved, then suspended (the suspension's reason is free text and must not travel).
    const geschorst = await s.geschorst();
    // A placement from proposal to end, with its follow-ups; the referral moves through intake on the way.
    const { lid, headers: lidKop } = await s.werkgever();
    const start = plusDagen(new Date().toISOString().slice(0, 10), -200);
    const pl = await s.gestartSinds(lidKop, 'transities', 200);
    expect(pl.fase).toBe('gestart');
    // The sweep sends the due moments: the scheduled job, run through the local runtime's job endpoint.
    const job = await fetch(`${rt.baseUrl}/local/jobs/nazorg-sweep/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(job.status).toBe(200);
    await rt.settle({ timeoutMs: 30_000 });
    const momenten = await s.nazorgmomenten(pl.id, lidKop);
    const p6m = momenten.find((m) => m.termijn === 'P6M')!;
    expect(p6m.soort).toBe('duurzaamheidscheck');
    await s.beantwoorden(p6m.id, lidKop, { ...ANTWOORD_HOOG, notitie: 'Ruzie met de chef over de roosters' });
    const [escalatie] = await s.escalatiesVan(pl.id);
    expect(escalatie).toBeDefined();
    expectStatus(
      await api.call('POST', `/v1/escalaties/${escalatie!.id}/afhandelen`, {
        headers: s.admin,
        body: { afhandeling: 'Werkgever en kandidaat gesproken; jobcoach komt extra.', uitkomst: 'ondersteuningGeregeld' },
      }),
      200,
      'POST …/afhandelen',
    );
    await s.plaatsingStap(pl, 'beeindiging', lidKop, { einddatum: plusDagen(start, 199), reden: 'eigenVerzoek' });

    // Partner applications: one approved, one declined (each confirmed by the mail's link first).
    const aanmelding = async () => {
      const adres = nieuwAdres();
      const email = `lotte.${Math.random().toString(36).slice(2)}@jobcoachamstel.nl`;
      const body = { ...s.regiopartnerInvoer(), kvkNummer: String(40_000_000 + Math.floor(Math.random() * 50_000_000)), contactpersoon: { naam: 'Lotte Visser', email } };
      expectStatus(await api.call('POST', '/v1/regiopartner-aanmeldingen', { body, vanAdres: adres }), 202, 'POST /v1/regiopartner-aanmeldingen');
      await rt.settle();
      const mail = rt.mail.list().map((m) => m.mail as { aan: { email: string }; tekst: string }).find((m) => m.aan?.email === email)!;
      const token = /\/portaal\/regiopartner-aanmelding\/([A-Za-z0-9_-]{43})\b/.exec(mail.tekst)![1]!;
      expectStatus(await api.call('POST', '/v1/regiopartner-aanmeldingen/bevestiging', { body: { token }, vanAdres: adres }), 200, 'POST …/bevestiging');
      const lijst = expectStatus(await api.call('GET', '/v1/regiopartner-aanmeldingen?pageSize=100', { headers: s.admin }), 200, 'GET aanmeldingen').json<{
        aanmeldingen: { id: string; kvkNummer: string }[];
      }>();
      return lijst.aanmeldingen.find((a) => a.kvkNummer === body.kvkNummer)!.id;
    };
    const goed = await aanmelding();
    const fout = await aanmelding();
    expectStatus(await api.call('POST', `/v1/regiopartner-aanmeldingen/${goed}/goedkeuring`, { headers: s.admin }), 200, 'POST …/goedkeuring');
    expectStatus(await api.call('POST', `/v1/regiopartner-aanmeldingen/${fout}/afwijzing`, { headers: s.admin, body: { reden: 'Werkt niet in deze regio' } }), 200, 'POST …/afwijzing');

    // Every new event of the feed is delivered, each once.
    await rt.settle({ timeoutMs: 30_000 });
    const nieuw = (await feed()).filter((e) => !voor.has(e.id));
    const bij = (id: string) => ontvanger.ontvangen.filter((v) => v.pad === '/alles' && v.headers['webhook-id'] === id);
    await wachtTot(() => nieuw.every((e) => bij(e.id).length >= 1));
    await rt.settle();
    await new Promise((r) => setTimeout(r, 500));

    expect([...new Set(nieuw.map((e) => e.type))].sort()).toEqual([...GEBEURTENIS_TYPE_NAMEN].sort());
    if (process.env.TOON_TYPEN) {
      const telling = new Map<string, number>();
      for (const e of nieuw) telling.set(e.type, (telling.get(e.type) ?? 0) + 1);
      console.log(JSON.stringify([...telling]));
    }
    const aangekomen = ontvanger.ontvangen.filter((v) => v.pad === '/alles' && JSON.parse(v.body).type !== VERIFICATIE_TYPE);
    expect(aangekomen.map((v) => v.headers['webhook-id']).sort()).toEqual(nieuw.map((e) => e.id).sort());
    const persoonlijk = /Noah|Bakker|noah\.bakker|Fatima|deverwachting|Lotte|jobcoachamstel|PW-|Ruzie|chef|Afspraken niet|Werkt niet|Werkgever en kandidaat|06 12345678/;
    for (const e of nieuw) {
      const [v] = bij(e.id);
      expect(bij(e.id), e.type).toHaveLength(1);
      expect(v!.handtekeningGeldig, e.type).toBe(true);
      const ce = JSON.parse(v!.body) as Ce;
      expect(ce).toEqual(e);
      expect(new CloudEvent({ ...ce }).validate(), e.type).toBe(true);
      expect(v!.body, e.type).not.toMatch(persoonlijk);
    }
    // The changes' own objects are named, so each type came from the change made above.
    const namen = (type: string) => nieuw.filter((e) => e.type === type).map((e) => JSON.stringify(e));
    expect(namen('nl.werkcoop.leden.geschorst').some((t) => t.includes(geschorst.id))).toBe(true);
    expect(namen('nl.werkcoop.leden.goedgekeurd').some((t) => t.includes(lid.id))).toBe(true);
    for (const type of ['nl.werkcoop.plaatsingen.voorgesteld', 'nl.werkcoop.plaatsingen.fase-gewijzigd', 'nl.werkcoop.plaatsingen.gestart', 'nl.werkcoop.plaatsingen.beeindigd'])
      expect(namen(type).some((t) => t.includes(pl.id)), type).toBe(true);
    expect(namen('nl.werkcoop.verwijzingen.status-gewijzigd').some((t) => t.includes(pl.verwijzingId))).toBe(true);
    expect(namen('nl.werkcoop.nazorgmomenten.beantwoord').some((t) => t.includes(p6m.id))).toBe(true);
    expect(namen('nl.werkcoop.nazorgmomenten.verstuurd').some((t) => t.includes(p6m.id))).toBe(true);
    expect(namen('nl.werkcoop.duurzaamheidsmetingen.vastgelegd').some((t) => t.includes(p6m.id))).toBe(true);
    expect(namen('nl.werkcoop.escalaties.aangemaakt').some((t) => t.includes(escalatie!.id))).toBe(true);
    expect(namen('nl.werkcoop.escalaties.afgehandeld').some((t) => t.includes(escalatie!.id))).toBe(true);
    expect(namen('nl.werkcoop.regiopartner-aanmeldingen.goedgekeurd').some((t) => t.includes(goed))).toBe(true);
    expect(namen('nl.werkcoop.regiopartner-aanmeldingen.afgewezen').some((t) => t.includes(fout))).toBe(true);
  }, 180_000);
});
