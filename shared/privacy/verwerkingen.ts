import { AsyncLocalStorage } from 'node:async_hooks';
import { ulid } from 'ulidx';
import type { Principal } from '../auth/rollen';
import { logger } from '../observability/logger';

/**
 * Every read or write of personal data is logged with its processing activity, after the fields of
 * Logius' "Logboek Dataverwerkingen" (activity, actor, data subject, status). A contact person's name and
 * e-mail are personal data, so the leden use cases log here.
 *
 * The processing log (verwerkingenlogboek) is kept in the table, queryable per person and per period
 * (shared/store/verwerkingen-store.ts). Writing it must not cost a DynamoDB request inside every use case,
 * so `logVerwerking` stays synchronous and only collects: each call becomes one record per data subject in
 * the buffer of the current invocation, and the invocation writes its buffer once at its end
 * (shared/privacy/vastleggen.ts: one conditional write per HTTP request, after the handler and on errors
 * too; consumers and jobs at the end of their batch). The buffer lives in an AsyncLocalStorage, not in
 * module scope: the local runtime serves concurrent requests from one process, and a module-level buffer
 * would mix their records. Outside an invocation scope (a use case tested on its own) only the structured
 * log line below is written.
 */
export type Verwerkingsactiviteit =
  | 'lidAanvraagOntvangen'
  | 'lidInzien'
  | 'ledenZoeken'
  | 'lidWijzigen'
  | 'lidStatusWijzigen'
  | 'lidGeschiedenisInzien'
  | 'gemeenteRegistreren'
  | 'gemeenteInzien'
  | 'gemeentenZoeken'
  | 'gemeenteWijzigen'
  | 'regiopartnerAanmaken'
  | 'regiopartnerInzien'
  | 'regiopartnersZoeken'
  // The sign-up of regiopartners: the application's contact person is personal data.
  | 'regiopartnerAanmeldingOntvangen'
  | 'regiopartnerAanmeldingBevestigen'
  | 'regiopartnerAanmeldingInzien'
  | 'regiopartnerAanmeldingenZoeken'
  | 'regiopartnerAanmeldingBesluiten'
  | 'regiopartnerAanmeldingGeschiedenisInzien'
  // The accounts of a partner's staff: name and e-mail address.
  | 'partnerGebruikerUitnodigen'
  | 'partnerGebruikersZoeken'
  | 'partnerGebruikerAccountMaken'
  | 'partnerGebruikerIntrekken'
  | 'partnerGebruikerAccountVerwijderen'
  // The account of an approved member's contact (invited by the approval).
  | 'lidGebruikerAccountMaken'
  // The accounts of coordinators, invited by another coordinator: name and e-mail address.
  | 'coordinatorUitnodigen'
  | 'coordinatorenZoeken'
  | 'coordinatorIntrekken'
  | 'coordinatorAccountMaken'
  | 'coordinatorAccountVerwijderen'
  | 'verwijzingIndienen'
  | 'verwijzingInzien'
  | 'verwijzingenZoeken'
  | 'verwijzingWijzigen'
  | 'verwijzingStatusWijzigen'
  | 'verwijzingToestemmingWijzigen'
  | 'verwijzingGeschiedenisInzien'
  | 'notificatieVersturen'
  // A placement ties a candidate to an employer, a contract and a jobcoach: all of it is personal data.
  | 'plaatsingVoorstellen'
  | 'plaatsingInzien'
  | 'plaatsingenZoeken'
  | 'plaatsingWijzigen'
  | 'plaatsingGeschiedenisInzien'
  | 'ontwikkelplanInzien'
  | 'begeleidingsnotitieSchrijven'
  // An escalation names a placement and the answers that raised it: personal data of the candidate.
  | 'escalatieInzien'
  | 'escalatiesZoeken'
  | 'escalatieAfhandelen'
  // Matching reads candidates: the referral behind a match list, anonymous profiles, and a released name.
  | 'matchesZoeken'
  | 'kandidatenZoeken'
  | 'kandidaatContactVrijgeven'
  // The data subject's rights and the retention term (AVG art. 15 and 17): they read and erase everything.
  | 'inzageverzoekUitvoeren'
  | 'verwijderverzoekUitvoeren'
  | 'bewaartermijnVerstreken'
  // Reading the processing log about a person is itself a processing of that person's data.
  | 'verwerkingenInzien'
  // The outcome figures (issue 12): anonymous, but who read which scope's figures is accounted for; the
  // SRG export names the gemeente's dossiers, so it is logged per referral.
  | 'uitkomstenInzien'
  | 'srgExportOpvragen';

export type Verwerkingsstatus = 'gelukt' | 'geweigerd';

/** One processing of one data subject's data, as collected; pseudonymised and written at the invocation's end. */
export interface Verwerkingsregel {
  readonly id: string;
  /** One call of `logVerwerking`: the records of the data subjects it names share it (Logius: the activity's span). */
  readonly activiteitId: string;
  readonly activiteit: Verwerkingsactiviteit;
  readonly door: { readonly rol: string; readonly subject: string };
  /** The data subject's id in clear: only in this invocation's memory, never written (see pseudoniem.ts). */
  readonly betrokkene: string;
  readonly status: Verwerkingsstatus;
  readonly op: string;
}

/** The records of one invocation (an HTTP request, a consumer batch, a job run) and its trace id. */
export interface Verwerkingsscope {
  readonly traceId: string;
  readonly regels: Verwerkingsregel[];
}

const scopes = new AsyncLocalStorage<Verwerkingsscope>();

/** Runs `fn` as one invocation whose `logVerwerking` calls collect into a buffer of its own. */
export const inVerwerkingsscope = <T>(traceId: string, fn: (scope: Verwerkingsscope) => Promise<T>): Promise<T> => {
  const scope: Verwerkingsscope = { traceId, regels: [] };
  return scopes.run(scope, () => fn(scope));
};

export const huidigeVerwerkingsscope = (): Verwerkingsscope | undefined => scopes.getStore();

export const logVerwerking = (v: {
  activiteit: Verwerkingsactiviteit;
  door: Principal | { rol: 'publiek' | 'systeem'; subject: string };
  betrokkenen: readonly string[];
  status: Verwerkingsstatus;
}): void => {
  logger.info('verwerking', {
    verwerking: { activiteit: v.activiteit, rol: v.door.rol, subject: v.door.subject, betrokkenen: v.betrokkenen, status: v.status },
  });
  const scope = scopes.getStore();
  if (!scope) return;
  const activiteitId = ulid();
  const op = new Date().toISOString();
  // A list names a subject once per page even when it appears twice; the log records it once per call.
  for (const betrokkene of new Set(v.betrokkenen))
    scope.regels.push({ id: ulid(), activiteitId, activiteit: v.activiteit, door: { rol: v.door.rol, subject: v.door.subject }, betrokkene, status: v.status, op });
};
