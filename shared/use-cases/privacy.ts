import { ulid } from 'ulidx';
import type { Principal } from '../auth/rollen';
import { toegang, vereisToegang } from '../auth/toegang';
import { DomeinFout } from '../domain/fouten';
import { isAfgesloten } from '../domain/verwijzingen';
import { anonimiseer, regelVan } from '../privacy/inventaris';
import { logVerwerking } from '../privacy/verwerkingen';
import type { AnoniemeVerwijzing, Inzage, Verwijderverzoek } from '../schemas/privacy';
import type { Verwerking } from '../schemas/verwerkingen';
import type { Verwijzing } from '../schemas/verwijzingen';

/** A stored item as the table holds it, keys and `entiteit` included. */
export type Item = Record<string, unknown>;

export interface PrivacyStore {
  /** Every item about the person of this referral (see shared/store/privacy-store.ts for how, without a Scan). */
  verzamel(verwijzingId: string, pseudoniem: string): Promise<Item[]>;
  verwijderverzoek(verwijzingId: string): Promise<Verwijderverzoek | undefined>;
  /** Writes the new record, or answers the one another request wrote first. */
  begin(verzoek: Verwijderverzoek): Promise<Verwijderverzoek>;
  /** One page, in one transaction with the record's progress. */
  verwerk(verzoek: Verwijderverzoek, pagina: { anonimiseer: { voor: Item; na: Item }[]; verwijder: Item[] }): Promise<void>;
  /** The referral goes, its anonymous remainder comes, the record is done: atomically. */
  rondAf(verzoek: Verwijderverzoek, verwijzing: Verwijzing, anoniem: AnoniemeVerwijzing, voltooidOp: string): Promise<void>;
}

export interface PrivacyDeps {
  readonly store: PrivacyStore;
  /** Reads a referral (undefined when there is none, or it was erased). */
  readonly verwijzing: (verwijzingId: string) => Promise<Verwijzing | undefined>;
  readonly pseudonimiseerder: () => Promise<(id: string) => string>;
  readonly klok?: () => Date;
  readonly perPagina?: number;
}

const SLEUTELS = new Set(['pk', 'sk', 'entiteit', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'gsi4pk', 'gsi4sk']);
const gegevens = (item: Item): Item => Object.fromEntries(Object.entries(item).filter(([k]) => !SLEUTELS.has(k)));
const gelijk = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const OPEN_FASEN = new Set(['voorgesteld', 'kennismaking', 'proefplaatsing', 'gestart']);

/**
 * Who may ask: the cooperative's coordinators, and the gemeente that referred the person — it is the
 * controller of its clients' data under the Participatiewet and the place where a person exercises these
 * rights, so it must be able to carry out an access or erasure request without going through the cooperative.
 * Employers and partners never (403); another gemeente sees nothing (404, as for the referral itself).
 */
const magVragen = (principal: Principal) => {
  if (principal.rol !== 'coopAdmin' && principal.rol !== 'gemeente' && principal.rol !== 'systeem')
    throw new DomeinFout('geenToegang', 'Inzage en verwijdering vraagt de gemeente van de kandidaat of een coördinator van de coöperatie.');
};
const zichtbaar = (principal: Principal, v: { gemeente: string } | undefined) =>
  v !== undefined && (principal.rol === 'systeem' || toegang.verwijzing(principal, v));

/**
 * Why an erasure has to wait: while the person is still being mediated or placed, the gemeente first
 * withdraws the referral (or the placement ends). Then nothing is running that the erasure could break.
 */
const lopend = (v: Verwijzing, items: readonly Item[]): string | undefined => {
  if (!isAfgesloten(v.status) && v.status !== 'geplaatst') return `De verwijzing heeft status '${v.status}': trek haar eerst in of meld de kandidaat terug.`;
  const open = items.find((i) => i.entiteit === 'Plaatsing' && OPEN_FASEN.has(String(i.fase)));
  if (open) return `Plaatsing ${String(open.id)} loopt nog (fase ${String(open.fase)}): beëindig of annuleer haar eerst.`;
  return undefined;
};

export const privacyUseCases = (deps: PrivacyDeps) => {
  const nu = () => (deps.klok?.() ?? new Date()).toISOString();
  const perPagina = deps.perPagina ?? 25;

  const vanPersoon = async (verwijzingId: string) => deps.store.verzamel(verwijzingId, (await deps.pseudonimiseerder())(verwijzingId));

  return {
    /** AVG art. 15: everything held about the person of this referral, as one document. */
    async inzage(principal: Principal, verwijzingId: string): Promise<Inzage> {
      magVragen(principal);
      const v = await deps.verwijzing(verwijzingId);
      if (v && !zichtbaar(principal, v)) logVerwerking({ activiteit: 'inzageverzoekUitvoeren', door: principal, betrokkenen: [verwijzingId], status: 'geweigerd' });
      vereisToegang(zichtbaar(principal, v), 'Deze verwijzing');
      const items = await vanPersoon(verwijzingId);
      const van = (entiteit: string, pk?: unknown) => items.filter((i) => i.entiteit === entiteit && (pk === undefined || i.pk === pk)).map(gegevens);
      const verwijzingPk = `VERWIJZING#${verwijzingId}`;
      const plaatsingen = items.filter((i) => i.entiteit === 'Plaatsing');
      const inzage: Inzage = {
        verwijzingId,
        opgesteldOp: nu(),
        verwijzing: gegevens(items.find((i) => i.entiteit === 'Verwijzing')!),
        gebeurtenissen: van('VerwijzingGebeurtenis', verwijzingPk),
        zoekprofielen: van('Zoekprofiel', verwijzingPk),
        overig: items.filter((i) => i.pk === verwijzingPk && !['Verwijzing', 'VerwijzingGebeurtenis', 'Zoekprofiel'].includes(String(i.entiteit))).map(gegevens),
        plaatsingen: plaatsingen.map((pl) => {
          const momenten = items.filter((i) => i.entiteit === 'Nazorgmoment' && i.pk === pl.pk);
          const over = new Set([pl.id, ...momenten.map((m) => m.id)]);
          return {
            plaatsing: gegevens(pl),
            gebeurtenissen: van('PlaatsingGebeurtenis', pl.pk),
            ontwikkeldoelen: van('Ontwikkeldoel', pl.pk),
            begeleidingsnotities: van('Begeleidingsnotitie', pl.pk),
            nazorgmomenten: momenten.map(gegevens),
            escalaties: van('Escalatie').filter((e) => e.plaatsingId === pl.id),
            notificaties: van('Notificatie').filter((n) => over.has(n.onderwerpId)),
          };
        }),
        verwerkingen: items.filter((i) => i.entiteit === 'Verwerking').map((i) => gegevens(i) as Verwerking),
      };
      logVerwerking({ activiteit: 'inzageverzoekUitvoeren', door: principal, betrokkenen: [verwijzingId], status: 'gelukt' });
      return inzage;
    },

    /**
     * AVG art. 17, and the retention term through the same path: every item about the person is removed or
     * anonymised after the inventory (shared/privacy/inventaris.ts), the referral last. One record answers
     * for it. Idempotent: a finished erasure is answered again, not redone. Resumable: an erasure that
     * stopped halfway (a crash, a concurrent change) is taken up again by the next request or run — what
     * was done already is found done (the anonymised item equals its anonymisation) and is not written again.
     */
    async verwijderen(principal: Principal, verwijzingId: string, aanleiding: Verwijderverzoek['aanleiding'] = 'verzoek'): Promise<Verwijderverzoek> {
      magVragen(principal);
      const eerder = await deps.store.verwijderverzoek(verwijzingId);
      if (eerder) vereisToegang(zichtbaar(principal, eerder), 'Deze verwijzing');
      if (eerder?.status === 'voltooid') return eerder;

      const v = await deps.verwijzing(verwijzingId);
      if (v && !zichtbaar(principal, v)) logVerwerking({ activiteit: 'verwijderverzoekUitvoeren', door: principal, betrokkenen: [verwijzingId], status: 'geweigerd' });
      vereisToegang(zichtbaar(principal, v), 'Deze verwijzing');
      const items = await vanPersoon(verwijzingId);
      const bezwaar = lopend(v!, items);
      if (bezwaar) throw new DomeinFout('ongeldigeOvergang', bezwaar);

      const verzoek =
        eerder ??
        (await deps.store.begin({
          id: ulid(),
          verwijzingId,
          gemeente: v!.gemeente,
          aanleiding,
          door: { rol: principal.rol, subject: principal.subject },
          status: 'bezig',
          ontvangenOp: nu(),
          verwijderd: 0,
          geanonimiseerd: 0,
        }));

      const anonimiseren: { voor: Item; na: Item }[] = [];
      const verwijderen: Item[] = [];
      for (const item of items) {
        const regel = regelVan(String(item.entiteit));
        if (!regel) throw new Error(`werkcoop: entiteit ${String(item.entiteit)} staat niet in de inventaris van persoonsgegevens`);
        if (item.entiteit === 'Verwijzing' || regel.behandeling === 'bewaren') continue;
        if (regel.behandeling === 'verwijderen') verwijderen.push(item);
        else {
          const na = anonimiseer(item);
          if (!gelijk(na, item)) anonimiseren.push({ voor: item, na });
        }
      }
      const werk = [...anonimiseren.map((a) => ({ a })), ...verwijderen.map((d) => ({ d }))];
      for (let i = 0; i < werk.length; i += perPagina) {
        const pagina = werk.slice(i, i + perPagina);
        await deps.store.verwerk(verzoek, {
          anonimiseer: pagina.flatMap((w) => ('a' in w ? [w.a] : [])),
          verwijder: pagina.flatMap((w) => ('d' in w ? [w.d] : [])),
        });
      }
      const voltooidOp = nu();
      await deps.store.rondAf(
        verzoek,
        v!,
        {
          id: v!.id,
          gemeente: v!.gemeente,
          arbeidsmarktregio: v!.arbeidsmarktregio,
          doelgroep: v!.doelgroep,
          status: v!.status,
          aantalPlaatsingen: v!.aantalPlaatsingen,
          aangemaaktOp: v!.aangemaaktOp,
          gewijzigdOp: v!.gewijzigdOp,
          gewistOp: voltooidOp,
        },
        voltooidOp,
      );
      logVerwerking({ activiteit: aanleiding === 'bewaartermijn' ? 'bewaartermijnVerstreken' : 'verwijderverzoekUitvoeren', door: principal, betrokkenen: [verwijzingId], status: 'gelukt' });
      const gedaan = await deps.store.verwijderverzoek(verwijzingId);
      return gedaan!;
    },
  };
};
