import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { isVoor, type Abonnement, type Eigenaar } from '../domain/abonnementen/abonnement';
import { berichtBody, VERIFICATIE_TYPE, type Betrokkenen, type Gebeurtenis } from '../domain/abonnementen/gebeurtenissen';
import { webhookHeaders, type Geheimen } from '../domain/abonnementen/handtekening';
import { beoordeel, magMailen, moetUitschakelen, UITSCHAKELEN_NA_DAGEN, volgendeVertraging } from '../domain/abonnementen/herhaalschema';
import type { Notificatie } from '../domain/notificaties';
import { afleveringenStore } from '../store/afleveringen-store';
import { dynamoAbonnementenStore } from '../store/abonnementen-store';
import { dynamo, tabel } from '../store/dynamodb';
import { sleutels } from '../store/sleutels';
import { dynamoUitgaandStore } from '../store/uitgaand-store';
import { ontzegel } from './verzegelen';
import type { Verzendopties, Verzending, Verzendresultaat } from './verzenden';

/**
 * The messages of the webhooks queue. `uitwaaieren`: an event was written (the outbox forwarder sends its
 * id); find the active subscriptions it is for and start one delivery per subscription. `afleveren`: one
 * attempt of one event to one subscription, due at `dueMs`. Waits longer than SQS's 900 s DelaySeconds
 * are held as the due time in the message: a message received early is sent on with the rest of the wait.
 * No scheduler and no receive counts: the DLQ stays for crashes and poison messages only.
 */
export type Bericht =
  | { readonly soort: 'uitwaaieren'; readonly gebeurtenisId: string }
  | { readonly soort: 'afleveren'; readonly gebeurtenisId: string; readonly abonnementId: string; readonly poging: number; readonly dueMs?: number; readonly verificatie?: true }
  | { readonly soort: 'herhalen'; readonly abonnementId: string; readonly van: string; readonly tot: string };

export interface AfleverDeps {
  readonly klok: () => Date;
  /** In [0, 1): the jitter of the retry schedule. */
  readonly willekeur: () => number;
  readonly stuur: (berichten: readonly { bericht: Bericht; vertragingSeconden: number }[]) => Promise<void>;
  readonly verstuur: (v: Verzending, opties: Verzendopties) => Promise<Verzendresultaat>;
  readonly verzendopties: () => Verzendopties;
  readonly apiUrl: () => string;
  readonly nieuwId: () => string;
}

export type Afloop = 'uitgewaaierd' | 'doorgestuurd' | 'afgeleverd' | 'opnieuw' | 'mislukt' | 'opgezegd' | 'dubbel' | 'vervallen';

const abonnementen = dynamoAbonnementenStore();
const gebeurtenissen = dynamoUitgaandStore();

const eigenaren = (b: Betrokkenen): Eigenaar[] => [
  { rol: 'coopAdmin' },
  ...(b.gemeente ? [{ rol: 'gemeente', gemeente: b.gemeente } as const] : []),
  ...(b.lidId ? [{ rol: 'werkgever', lidId: b.lidId } as const] : []),
  ...(b.partnerId ? [{ rol: 'regiopartner', partnerId: b.partnerId } as const] : []),
];

/**
 * Who sees the object now: a placement's jobcoach organisation can change after the event was written, and a
 * subscriber who can no longer see the object must not hear of it. Referrals and members keep their tenant.
 */
const huidigeBetrokkenen = async (g: Gebeurtenis): Promise<Betrokkenen | undefined> => {
  const plaatsingVan = async (id: string) => {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.plaatsing(id), ProjectionExpression: 'gemeente, lidId, jobcoachPartnerId' }));
    return Item ? { gemeente: Item.gemeente as string, lidId: Item.lidId as string, partnerId: Item.jobcoachPartnerId as string | undefined } : undefined;
  };
  if (g.onderwerp.soort === 'plaatsing') return plaatsingVan(g.onderwerp.id);
  if (g.onderwerp.soort === 'nazorgmoment' || g.onderwerp.soort === 'duurzaamheidsmeting') {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tabel(), Key: sleutels.nazorgmomentVerwijzer(g.onderwerp.id), ProjectionExpression: 'plaatsingId' }));
    return Item ? plaatsingVan(String(Item.plaatsingId)) : undefined;
  }
  return g.betrokkenen;
};

const uitwaaieren = async (gebeurtenisId: string, deps: AfleverDeps): Promise<Afloop> => {
  const g = await gebeurtenissen.haal(gebeurtenisId);
  if (!g) return 'vervallen';
  const ids = (await Promise.all(eigenaren(g.betrokkenen).map((e) => afleveringenStore.abonnementenVan(e)))).flat();
  const voor: string[] = [];
  for (const id of ids) {
    const a = await abonnementen.haal(id);
    if (a && isVoor(a.abonnement, g)) voor.push(id);
  }
  // Created once; sent again on a repeated fan-out (a crash between the two), which the claim absorbs.
  for (const id of voor) await afleveringenStore.maak(id, gebeurtenisId, deps.klok());
  if (voor.length) await deps.stuur(voor.map((abonnementId) => ({ bericht: { soort: 'afleveren', gebeurtenisId, abonnementId, poging: 1 }, vertragingSeconden: 0 })));
  return 'uitgewaaierd';
};

const verificatieGebeurtenis = (a: Abonnement, id: string, nu: Date): Gebeurtenis => ({
  id,
  type: VERIFICATIE_TYPE,
  onderwerp: { soort: 'abonnement', id: a.id },
  versie: a.versie,
  tijd: nu.toISOString(),
  data: {},
  betrokkenen: {},
});

const afleveren = async (b: Extract<Bericht, { soort: 'afleveren' }>, deps: AfleverDeps): Promise<Afloop> => {
  const nu = deps.klok();
  if (b.dueMs !== undefined && b.dueMs > nu.getTime() + 1000) {
    await deps.stuur([{ bericht: b, vertragingSeconden: volgendeVertraging(b.dueMs, nu.getTime()) }]);
    return 'doorgestuurd';
  }
  if (b.verificatie && b.poging === 1) await afleveringenStore.maak(b.abonnementId, b.gebeurtenisId, nu);
  const claim = await afleveringenStore.claim(b.abonnementId, b.gebeurtenisId, b.poging, nu);
  if (claim === 'klaar') return 'dubbel';
  // Someone else holds a live lease: leave it to SQS to offer the message again after its visibility timeout.
  if (claim === 'bezet') throw new Error(`aflevering ${b.gebeurtenisId} × ${b.abonnementId} is bezet`);

  const sluitVervallen = () =>
    afleveringenStore.sluit(b.abonnementId, b.gebeurtenisId, { poging: b.poging, op: nu.toISOString(), fout: 'vervallen', duurMs: 0 }, { status: 'vervallen' }).then(() => 'vervallen' as const);

  const r = await abonnementen.haal(b.abonnementId);
  if (!r) return sluitVervallen();
  const { abonnement: a, verzegeld } = r;
  let g: Gebeurtenis | undefined;
  if (b.verificatie) {
    if (a.status !== 'inAfwachting') return sluitVervallen();
    g = verificatieGebeurtenis(a, b.gebeurtenisId, nu);
  } else {
    g = await gebeurtenissen.haal(b.gebeurtenisId);
    const huidig = g && (await huidigeBetrokkenen(g));
    // Access is checked at every attempt: a subscriber who can no longer see the object hears nothing.
    if (!g || !huidig || !isVoor(a, { type: g.type, betrokkenen: huidig })) return sluitVervallen();
  }

  const geheimen: Geheimen = {
    huidig: await ontzegel(verzegeld.geheim, a.id),
    ...(verzegeld.vorigGeheim && a.vorigGeheimGeldigTot ? { vorig: { geheim: await ontzegel(verzegeld.vorigGeheim, a.id), geldigTot: a.vorigGeheimGeldigTot } } : {}),
  };
  const body = berichtBody(g, b.verificatie ? 'cloudevents' : a.berichtvorm, deps.apiUrl());
  const headers = {
    ...webhookHeaders(geheimen, g.id, body, nu),
    ...(verzegeld.authorization ? { authorization: await ontzegel(verzegeld.authorization, a.id) } : {}),
  };
  const resultaat = await deps.verstuur({ url: a.callbackUrl, body, headers }, deps.verzendopties());
  const uitkomst = beoordeel({ status: resultaat.status, retryAfter: resultaat.retryAfter }, b.poging, deps.willekeur(), nu);
  const poging = { poging: b.poging, op: nu.toISOString(), status: resultaat.status, fout: resultaat.fout, duurMs: resultaat.duurMs };

  if (uitkomst.soort === 'opnieuw') {
    const dueMs = nu.getTime() + uitkomst.naSeconden * 1000;
    await afleveringenStore.sluit(b.abonnementId, b.gebeurtenisId, poging, { status: 'wachtend', volgendePogingOp: new Date(dueMs).toISOString() });
    await deps.stuur([{ bericht: { ...b, poging: b.poging + 1, dueMs }, vertragingSeconden: volgendeVertraging(dueMs, nu.getTime()) }]);
  } else {
    await afleveringenStore.sluit(b.abonnementId, b.gebeurtenisId, poging, { status: uitkomst.soort === 'afgeleverd' ? 'afgeleverd' : 'mislukt' });
  }
  await afleveringenStore.noteer(a.id, uitkomst.soort === 'afgeleverd', nu.toISOString());
  if (uitkomst.soort === 'afgeleverd') {
    if (b.verificatie) await afleveringenStore.zetStatus(a.id, ['inAfwachting'], 'actief');
    return 'afgeleverd';
  }
  const stand = await afleveringenStore.bezorgstand(a.id);
  const mail = (omdat: 'opgezegd' | 'zonderSucces') => (magMailen(stand, nu) ? uitgeschakeldMail(a, omdat, deps.nieuwId(), nu) : undefined);
  if (uitkomst.soort === 'opgezegd') {
    await afleveringenStore.schakelUit(a.id, ['inAfwachting', 'actief'], 'opgezegd', mail('opgezegd'), nu.toISOString());
    return 'opgezegd';
  }
  if (moetUitschakelen(stand, nu)) await afleveringenStore.schakelUit(a.id, ['actief'], 'zonderSucces', mail('zonderSucces'), nu.toISOString());
  return uitkomst.soort === 'mislukt' ? 'mislukt' : 'opnieuw';
};

/** The one mail to the subscription's contact (its organisation's functional management, not a candidate). */
const uitgeschakeldMail = (a: Abonnement, omdat: 'opgezegd' | 'zonderSucces', id: string, nu: Date): Notificatie => ({
  id,
  soort: 'abonnementUitgeschakeld',
  aan: { naam: 'Functioneel beheer', email: a.contactEmail },
  onderwerp: 'werkcoop: uw webhookabonnement is uitgeschakeld',
  tekst:
    `Het abonnement ${a.id} op ${a.callbackUrl} is uitgeschakeld: ` +
    (omdat === 'opgezegd'
      ? 'de ontvanger antwoordde 410 Gone.'
      : `er is sinds ${UITSCHAKELEN_NA_DAGEN} dagen geen enkele aflevering geslaagd.`) +
    ' Wijzig het abonnement (PATCH /v1/abonnementen/' + a.id + ') om het opnieuw te laten verifiëren; gebeurtenissen van de afgelopen 30 dagen staan in GET /v1/gebeurtenissen.',
  onderwerpType: 'abonnement',
  onderwerpId: a.id,
  aangemaaktOp: nu.toISOString(),
});

/**
 * A replay of a period: every event of it the subscription is for and never had a delivery of (it was not
 * yet verified, disabled, or did not exist yet) gets one now. Deliveries that exist are left alone: a failed
 * one is resent on its own (POST …/herbezorging), a delivered one is in the pull feed. A repeated replay (a
 * crash halfway) sends again what it created but never attempted; the claim absorbs the duplicates.
 */
const herhalen = async (b: Extract<Bericht, { soort: 'herhalen' }>, deps: AfleverDeps): Promise<Afloop> => {
  const r = await abonnementen.haal(b.abonnementId);
  if (!r) return 'vervallen';
  const teSturen: string[] = [];
  for (const id of await afleveringenStore.gebeurtenisIdsTussen(Date.parse(b.van), Date.parse(b.tot))) {
    const g = await gebeurtenissen.haal(id);
    if (!g || !isVoor(r.abonnement, g)) continue;
    if (await afleveringenStore.maak(b.abonnementId, id, deps.klok())) teSturen.push(id);
    else {
      const bestaand = await afleveringenStore.haal(b.abonnementId, id);
      if (bestaand?.status === 'wachtend' && bestaand.poging === 1) teSturen.push(id);
    }
  }
  if (teSturen.length) await deps.stuur(teSturen.map((gebeurtenisId) => ({ bericht: { soort: 'afleveren', gebeurtenisId, abonnementId: b.abonnementId, poging: 1 }, vertragingSeconden: 0 })));
  return 'uitgewaaierd';
};

export const verwerkBericht = (b: Bericht, deps: AfleverDeps): Promise<Afloop> =>
  b.soort === 'uitwaaieren' ? uitwaaieren(b.gebeurtenisId, deps) : b.soort === 'herhalen' ? herhalen(b, deps) : afleveren(b, deps);
