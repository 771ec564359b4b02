/**
 * Every single-table key is built here and nowhere else. The layout, one line per access pattern:
 *
 *   item                  pk / sk                                   gsi1 (lists)                                   gsi2 / gsi3
 *   Lid                   LID#<id> / LID                            LEDEN / <status>#<aangemaaktOp>#<id>
 *   LidGebeurtenis        LID#<id> / GEBEURTENIS#<versie:10>
 *   KvkRegistratie        KVK#<kvk> / KVK                           (uniqueness of open applications and members)
 *   Notificatie           NOTIFICATIE#<id> / NOTIFICATIE            (outbox; TTL verlooptOp)
 *   Gemeente              GEMEENTE#<code> / GEMEENTE                GEMEENTEN / <code>
 *   GemeenteGebeurtenis   GEMEENTE#<code> / GEBEURTENIS#<versie:10>
 *   Regiopartner          PARTNER#<id> / PARTNER                    PARTNERS / <status>#<id>
 *   PartnerGebeurtenis    PARTNER#<id> / GEBEURTENIS#<versie:10>
 *   PartnerGebruiker      PARTNER#<id> / GEBRUIKER#<sha256 of the e-mail address>   (an account of the partner's staff: invited, made, revoked)
 *   LidGebruiker          LID#<id> / GEBRUIKER#<sha256 of the e-mail address>   (the account of an approved member's contact, the same way)
 *   CoordinatorGebruiker  COORDINATOREN / GEBRUIKER#<sha256 of the e-mail address>   (a coordinator's account, invited by another; tens of them: one partition)
 *   Regioteller           REGIOTELLER#<arbeidsmarktregio> / REGIOTELLER   (the region's figures as counters, kept by the regiotellers stream consumer)
 *   Regiobijdrage         REGIOBIJDRAGE#<PLAATSING|WERKPLEK>#<id> / REGIOBIJDRAGE   (what one source adds to which region's counter, and the last stream record applied)
 *   Accountopdracht       ACCOUNTOPDRACHT#<gebruikerId>-<versie> / ACCOUNTOPDRACHT   (outbox of the accounts consumer; TTL verlooptOp)
 *   RegiopartnerAanmelding AANMELDING#<id> / AANMELDING             AANMELDINGEN / <status>#<aangemaaktOp>#<id>   (TTL verlooptOp until confirmed)
 *   AanmeldingGebeurtenis AANMELDING#<id> / GEBEURTENIS#<versie:10>
 *   AanmeldingKvk         AANMELDINGKVK#<kvk> / AANMELDINGKVK       (one open application per KvK number; TTL verlooptOp until confirmed)
 *   Aanmeldingsbevestiging BEVESTIGING#<sha256 of the token> / BEVESTIGING  (the one-time link; TTL verlooptOp)
 *   Sessie                SESSIE#<sha256 of the cookie's id> / SESSIE   (a signed-in person's portal session; TTL verlooptOp)
 *   AccountSessie         ACCOUNTSESSIES#<sha256 of the account's address> / SESSIE#<sha256 of the cookie's id>   (a session listed under its account, so revoking the account ends it; TTL verlooptOp)
 *   Inlogpoging           INLOGGEN#<sha256 of the OAuth state> / INLOGGEN   (a sign-in under way: PKCE verifier, nonce, where to return; TTL verlooptOp)
 *   NazorgLink            NAZORGLINK#<sha256 of the token> / NAZORGLINK   (a recipient's personal link to answer one moment; TTL verlooptOp)
 *   Aanvraagteller        LIMIET#<naam>#<hash of the source>#<window start> / LIMIET  (rate limit of the public endpoints; TTL)
 *   Verwijzing            VERWIJZING#<id> / VERWIJZING              VERWIJZINGEN#<gemeente> / <status>#<aangemaaktOp>#<id>
 *                                                                                                                  gsi3 VERWIJZINGEN / <status>#<aangemaaktOp>#<id> (coordinators: all)
 *   VerwijzingGebeurtenis VERWIJZING#<id> / GEBEURTENIS#<versie:10>
 *   Zoekprofiel           VERWIJZING#<id> / ZOEKPROFIEL#<werksoort>                                                gsi2 KANDIDATEN#<regio>#<werksoort> / <verwijzingId>
 *                         (only while the referral is bemiddelbaar and consented: a sparse index of placeable candidates)
 *   Werkplek              WERKPLEK#<id> / WERKPLEK                  WERKPLEKKEN#<lidId> / <status>#<aangemaaktOp>#<id>
 *                                                                                                                  gsi2 WERKPLEKKEN#<regio>#<werksoort> / <werkplekId> (only while open with a free place)
 *                                                                                                                  gsi3 WERKPLEKKEN / <status>#<aangemaaktOp>#<id> (coordinators: all)
 *   WerkplekGebeurtenis   WERKPLEK#<id> / GEBEURTENIS#<versie:10>
 *   Plaatsing             PLAATSING#<id> / PLAATSING                PLAATSINGEN#LID#<lidId> / <aangemaaktOp>#<id>
 *                                                                                                                  gsi2 PLAATSINGEN#GEMEENTE#<gm> / <aangemaaktOp>#<id>
 *                                                                                                                  gsi3 PLAATSINGEN#PARTNER#<partnerId> / <aangemaaktOp>#<id> (when a jobcoach is assigned)
 *   PlaatsingGebeurtenis  PLAATSING#<id> / GEBEURTENIS#<versie:10>
 *   Ontwikkeldoel         PLAATSING#<id> / DOEL#<doelId>
 *   Begeleidingsnotitie   PLAATSING#<id> / NOTITIE#<datum>#<notitieId>
 *   Nazorgmoment          PLAATSING#<id> / NAZORG#<vervaldatum>#<momentId>                                     gsi2 NAZORG#<vervaldatum>#<shard 00..15> / <momentId> (only while gepland: the due index)
 *                         + a pointer item NAZORGMOMENT#<momentId> / NAZORGMOMENT → the moment's keys (get by id)
 *   Escalatie             ESCALATIE#<id> / ESCALATIE                ESCALATIES / <status>#<aangemaaktOp>#<id>      (coordinators: by status)
 *   MachineClient         CLIENT#<clientId> / CLIENT              (role and tenant of a system caller's machine client)
 *   PartnerMachineClient  PARTNER#<id> / MACHINECLIENT            (which machine client is the partner's current one)
 *   VerwijzingPlaatsing   VERWIJZING#<id> / PLAATSING#<werkplekId>   (one open placement per pair: the guard names the place and holds the plaatsingId)
 *
 *   Uitkomst             UITKOMST#<plaatsingId> / UITKOMST          (a placement's outcome: each source's part with its last stream record applied, and where its copies are)
 *   Uitkomstkopie        UITKOMSTEN#<scope>#<shard> / <startdatum>#<plaatsingId>   (the anonymous outcome record, once per scope: GEMEENTE#<gm>,
 *                        REGIO#<regio>, LID#<lidId>, PARTNER#<jobcoach partnerId> (shard 0), NATIONAAL (shards 0..7); a report reads its scope's collection, never a Scan)
 *   Aansluitingbron      AANSLUITINGBRON#<VERWIJZING|WERKPLEK>#<id> / AANSLUITINGBRON   (what one referral or place adds to supply and demand, and its last stream record)
 *   Aansluiting          AANSLUITING#<regio> / <KANDIDAAT|WERKPLEK>#<id>   (a waiting candidate or a place with free places: the region's supply and demand)
 *   Events to other systems (issue #14; shared/domain/abonnementen):
 *   UitgaandeGebeurtenis  UITGAAND#<ulid> / UITGAAND                 gsi1 UITGAAND / <ulid> (coordinators' feed, and replay by period)
 *                         (the event, written in its change's transaction; its INSERT starts the fan-out; TTL verlooptOp)
 *                                                                                                                  gsi2 UITGAAND#GEMEENTE#<gm> / <ulid>, gsi3 UITGAAND#LID#<lidId> / <ulid> (those parties' feeds)
 *   Feedregel             FEED#PARTNER#<partnerId> / UITGAAND#<ulid>   (a jobcoach organisation's feed: a copy of the event, same transaction; TTL)
 *   Abonnement            ABONNEMENT#<id> / ABONNEMENT             ABONNEMENTEN#<eigenaar> / <id>   gsi2 ABONNEMENTEN / <id> (coordinators: all)
 *                         (a webhook subscription; its secrets sealed, shared/webhooks/verzegelen.ts)
 *   Bezorgstand           ABONNEMENT#<id> / BEZORGSTAND            (last success, failing since, last failure mail: apart, so a PATCH never overwrites them)
 *   Verificatieopdracht   VERIFICATIE#<ulid> / VERIFICATIE         (outbox: a new callback's signed verification; TTL)
 *   Aflevering            AFLEVERING#<abonnementId> / <gebeurtenisId>   (one per event × subscription: the claim that makes delivery exactly-once; failed ones are kept)
 *   Afleverpoging         AFLEVERING#<abonnementId> / POGING#<gebeurtenisId>#<poging:2>   (every attempt: time, status, duration; TTL 30 days)
 *   Herbezorgopdracht, Herhaalopdracht   OPDRACHT#<ulid> / OPDRACHT   (outbox: a manual resend, a replay of a period; TTL)
 *
 *   Privacy (shared/privacy; the inventory of what is personal data is shared/privacy/inventaris.ts):
 *   Verwerking            VERWERKING#<pseudoniem> / <op>#<id>       VERWERKINGEN#<dag>#<shard 0..7> / <op>#<id>   (the processing log, append-only; per person, per day)
 *   Bewaartermijn         VERWIJZING#<id> / BEWAARTERMIJN                                                          gsi2 BEWAARTERMIJNEN / <verloopdatum>#<id> (closed referrals awaiting erasure)
 *   Verwijderverzoek      VERWIJZING#<id> / VERWIJDERVERZOEK        (the erasure of one person: who, when, why, progress; no personal data)
 *   AnoniemeVerwijzing    VERWIJZING#<id> / ANONIEM                 (what an erased referral leaves for the figures)
 *   gsi4, "betreft": the items about one person outside its referral's partition, found without a scan:
 *                         Plaatsing  gsi4 BETREFT#VERWIJZING#<verwijzingId> / PLAATSING#<id>
 *                         Escalatie  gsi4 BETREFT#PLAATSING#<plaatsingId> / ESCALATIE#<id>
 *                         Notificatie gsi4 BETREFT#<ONDERWERPTYPE>#<onderwerpId> / NOTIFICATIE#<id>
 */
const versieSk = (versie: number) => `GEBEURTENIS#${String(versie).padStart(10, '0')}`;
const lijst = (status: string, aangemaaktOp: string, id: string) => `${status}#${aangemaaktOp}#${id}`;

export const sleutels = {
  lid: (lidId: string) => ({ pk: `LID#${lidId}`, sk: 'LID' }),
  ledenIndex: (status: string, aangemaaktOp: string, lidId: string) => ({ gsi1pk: 'LEDEN', gsi1sk: lijst(status, aangemaaktOp, lidId) }),
  ledenPartitie: 'LEDEN',
  ledenMetStatus: (status: string) => `${status}#`,
  lidGebeurtenis: (lidId: string, versie: number) => ({ pk: `LID#${lidId}`, sk: versieSk(versie) }),
  kvk: (kvkNummer: string) => ({ pk: `KVK#${kvkNummer}`, sk: 'KVK' }),
  notificatie: (id: string) => ({ pk: `NOTIFICATIE#${id}`, sk: 'NOTIFICATIE' }),
  machineClient: (clientId: string) => ({ pk: `CLIENT#${clientId}`, sk: 'CLIENT' }),

  gemeente: (code: string) => ({ pk: `GEMEENTE#${code}`, sk: 'GEMEENTE' }),
  gemeentenIndex: (code: string) => ({ gsi1pk: 'GEMEENTEN', gsi1sk: code }),
  gemeentenPartitie: 'GEMEENTEN',
  // A gemeente's settings drive the follow-ups of later placements: every change is kept, by version.
  gemeenteGebeurtenis: (code: string, versie: number) => ({ pk: `GEMEENTE#${code}`, sk: versieSk(versie) }),

  partner: (partnerId: string) => ({ pk: `PARTNER#${partnerId}`, sk: 'PARTNER' }),
  partnersIndex: (status: string, partnerId: string) => ({ gsi1pk: 'PARTNERS', gsi1sk: `${status}#${partnerId}` }),
  partnersPartitie: 'PARTNERS',
  // Creation by a coordinator now, the sign-up's decisions with issue #5: the same history per partner.
  partnerGebeurtenis: (partnerId: string, versie: number) => ({ pk: `PARTNER#${partnerId}`, sk: versieSk(versie) }),
  partnerGebruiker: (partnerId: string, emailSleutel: string) => ({ pk: `PARTNER#${partnerId}`, sk: `GEBRUIKER#${emailSleutel}` }),
  partnerGebruikersPrefix: 'GEBRUIKER#',
  lidGebruiker: (lidId: string, emailSleutel: string) => ({ pk: `LID#${lidId}`, sk: `GEBRUIKER#${emailSleutel}` }),
  coordinatorGebruiker: (emailSleutel: string) => ({ pk: 'COORDINATOREN', sk: `GEBRUIKER#${emailSleutel}` }),
  coordinatorenPartitie: 'COORDINATOREN',
  regioteller: (regio: string) => ({ pk: `REGIOTELLER#${regio}`, sk: 'REGIOTELLER' }),
  regiobijdrage: (bron: string) => ({ pk: `REGIOBIJDRAGE#${bron}`, sk: 'REGIOBIJDRAGE' }),
  accountopdracht: (id: string) => ({ pk: `ACCOUNTOPDRACHT#${id}`, sk: 'ACCOUNTOPDRACHT' }),
  partnerMachineClient: (partnerId: string) => ({ pk: `PARTNER#${partnerId}`, sk: 'MACHINECLIENT' }),
  aanmelding: (id: string) => ({ pk: `AANMELDING#${id}`, sk: 'AANMELDING' }),
  aanmeldingenIndex: (status: string, aangemaaktOp: string, id: string) => ({ gsi1pk: 'AANMELDINGEN', gsi1sk: lijst(status, aangemaaktOp, id) }),
  aanmeldingenPartitie: 'AANMELDINGEN',
  aanmeldingenMetStatus: (status: string) => `${status}#`,
  aanmeldingGebeurtenis: (id: string, versie: number) => ({ pk: `AANMELDING#${id}`, sk: versieSk(versie) }),
  // Apart from the members' KVK# guard: an SW-bedrijf can be a member and a regiopartner.
  aanmeldingKvk: (kvkNummer: string) => ({ pk: `AANMELDINGKVK#${kvkNummer}`, sk: 'AANMELDINGKVK' }),
  aanmeldingsbevestiging: (tokenHash: string) => ({ pk: `BEVESTIGING#${tokenHash}`, sk: 'BEVESTIGING' }),
  sessie: (idHash: string) => ({ pk: `SESSIE#${idHash}`, sk: 'SESSIE' }),
  accountSessie: (adresHash: string, idHash: string) => ({ pk: `ACCOUNTSESSIES#${adresHash}`, sk: `SESSIE#${idHash}` }),
  inlogpoging: (stateHash: string) => ({ pk: `INLOGGEN#${stateHash}`, sk: 'INLOGGEN' }),
  nazorglink: (tokenHash: string) => ({ pk: `NAZORGLINK#${tokenHash}`, sk: 'NAZORGLINK' }),
  aanvraagteller: (naam: string, bron: string, vensterStart: number) => ({ pk: `LIMIET#${naam}#${bron}#${vensterStart}`, sk: 'LIMIET' }),

  verwijzing: (id: string) => ({ pk: `VERWIJZING#${id}`, sk: 'VERWIJZING' }),
  verwijzingenPerGemeente: (gemeente: string, status: string, aangemaaktOp: string, id: string) => ({
    gsi1pk: `VERWIJZINGEN#${gemeente}`,
    gsi1sk: lijst(status, aangemaaktOp, id),
  }),
  verwijzingenPerGemeentePartitie: (gemeente: string) => `VERWIJZINGEN#${gemeente}`,
  verwijzingenAlle: (status: string, aangemaaktOp: string, id: string) => ({ gsi3pk: 'VERWIJZINGEN', gsi3sk: lijst(status, aangemaaktOp, id) }),
  verwijzingenAllePartitie: 'VERWIJZINGEN',
  verwijzingenMetStatus: (status: string) => `${status}#`,
  verwijzingGebeurtenis: (id: string, versie: number) => ({ pk: `VERWIJZING#${id}`, sk: versieSk(versie) }),
  gebeurtenissenPrefix: 'GEBEURTENIS#',
  zoekprofiel: (verwijzingId: string, werksoort: string) => ({ pk: `VERWIJZING#${verwijzingId}`, sk: `ZOEKPROFIEL#${werksoort}` }),
  zoekprofielPrefix: 'ZOEKPROFIEL#',
  kandidatenIndex: (regio: string, werksoort: string, verwijzingId: string) => ({ gsi2pk: `KANDIDATEN#${regio}#${werksoort}`, gsi2sk: verwijzingId }),
  kandidatenPartitie: (regio: string, werksoort: string) => `KANDIDATEN#${regio}#${werksoort}`,
  // Keyed by the place, not the placement: a second proposal for the same pair then fails attribute_not_exists.
  verwijzingPlaatsing: (verwijzingId: string, werkplekId: string) => ({ pk: `VERWIJZING#${verwijzingId}`, sk: `PLAATSING#${werkplekId}` }),

  werkplek: (id: string) => ({ pk: `WERKPLEK#${id}`, sk: 'WERKPLEK' }),
  werkplekkenPerLid: (lidId: string, status: string, aangemaaktOp: string, id: string) => ({ gsi1pk: `WERKPLEKKEN#${lidId}`, gsi1sk: lijst(status, aangemaaktOp, id) }),
  werkplekkenPerLidPartitie: (lidId: string) => `WERKPLEKKEN#${lidId}`,
  werkplekkenAlle: (status: string, aangemaaktOp: string, id: string) => ({ gsi3pk: 'WERKPLEKKEN', gsi3sk: lijst(status, aangemaaktOp, id) }),
  werkplekkenAllePartitie: 'WERKPLEKKEN',
  werkplekkenMetStatus: (status: string) => `${status}#`,
  openWerkplekkenIndex: (regio: string, werksoort: string, werkplekId: string) => ({ gsi2pk: `WERKPLEKKEN#${regio}#${werksoort}`, gsi2sk: werkplekId }),
  openWerkplekkenPartitie: (regio: string, werksoort: string) => `WERKPLEKKEN#${regio}#${werksoort}`,
  // A place's history (offered, changed, closed, its occupancy following the placements), by version.
  werkplekGebeurtenis: (werkplekId: string, versie: number) => ({ pk: `WERKPLEK#${werkplekId}`, sk: versieSk(versie) }),

  plaatsing: (id: string) => ({ pk: `PLAATSING#${id}`, sk: 'PLAATSING' }),
  plaatsingenPerLid: (lidId: string, aangemaaktOp: string, id: string) => ({ gsi1pk: `PLAATSINGEN#LID#${lidId}`, gsi1sk: `${aangemaaktOp}#${id}` }),
  plaatsingenPerGemeente: (gemeente: string, aangemaaktOp: string, id: string) => ({ gsi2pk: `PLAATSINGEN#GEMEENTE#${gemeente}`, gsi2sk: `${aangemaaktOp}#${id}` }),
  plaatsingenPerPartner: (partnerId: string, aangemaaktOp: string, id: string) => ({ gsi3pk: `PLAATSINGEN#PARTNER#${partnerId}`, gsi3sk: `${aangemaaktOp}#${id}` }),
  plaatsingenPerLidPartitie: (lidId: string) => `PLAATSINGEN#LID#${lidId}`,
  plaatsingenPerGemeentePartitie: (gemeente: string) => `PLAATSINGEN#GEMEENTE#${gemeente}`,
  plaatsingenPerPartnerPartitie: (partnerId: string) => `PLAATSINGEN#PARTNER#${partnerId}`,
  plaatsingGebeurtenis: (id: string, versie: number) => ({ pk: `PLAATSING#${id}`, sk: versieSk(versie) }),
  ontwikkeldoel: (plaatsingId: string, doelId: string) => ({ pk: `PLAATSING#${plaatsingId}`, sk: `DOEL#${doelId}` }),
  begeleidingsnotitie: (plaatsingId: string, datum: string, notitieId: string) => ({ pk: `PLAATSING#${plaatsingId}`, sk: `NOTITIE#${datum}#${notitieId}` }),

  nazorgmoment: (plaatsingId: string, vervaldatum: string, momentId: string) => ({ pk: `PLAATSING#${plaatsingId}`, sk: `NAZORG#${vervaldatum}#${momentId}` }),
  nazorgmomentenPrefix: 'NAZORG#',
  /** The moment's own keys back to its parts (the due index projects them, so the sweep can name them). */
  leesNazorgmomentSleutel: (k: { pk: unknown; sk: unknown }): { plaatsingId: string; vervaldatum: string; nazorgmomentId: string } | undefined => {
    const p = /^PLAATSING#(.+)$/.exec(String(k.pk));
    const s = /^NAZORG#(\d{4}-\d{2}-\d{2})#(.+)$/.exec(String(k.sk));
    return p && s ? { plaatsingId: p[1]!, vervaldatum: s[1]!, nazorgmomentId: s[2]! } : undefined;
  },
  nazorgmomentVerwijzer: (momentId: string) => ({ pk: `NAZORGMOMENT#${momentId}`, sk: 'NAZORGMOMENT' }),
  /**
   * The due index, write-sharded: a day's moments spread over NAZORG_SHARDS partitions by a hash of the
   * moment id, so no partition of gsi2 takes a whole day's writes (1000 WCU per partition) at national scale.
   */
  nazorgVervalIndex: (vervaldatum: string, momentId: string) => ({ gsi2pk: nazorgVervalPartitie(vervaldatum, nazorgShard(momentId)), gsi2sk: momentId }),
  nazorgVervalPartitie: (vervaldatum: string, shard: number) => nazorgVervalPartitie(vervaldatum, shard),

  uitkomst: (plaatsingId: string) => ({ pk: `UITKOMST#${plaatsingId}`, sk: 'UITKOMST' }),
  uitkomstenPartitie: (scope: string, shard: number) => `UITKOMSTEN#${scope}#${shard}`,
  uitkomstkopie: (scope: string, shard: number, startdatum: string, plaatsingId: string) => ({ pk: `UITKOMSTEN#${scope}#${shard}`, sk: `${startdatum}#${plaatsingId}` }),
  aansluitingbron: (bron: string) => ({ pk: `AANSLUITINGBRON#${bron}`, sk: 'AANSLUITINGBRON' }),
  aansluitingPartitie: (regio: string) => `AANSLUITING#${regio}`,
  aansluiting: (regio: string, bron: string) => ({ pk: `AANSLUITING#${regio}`, sk: bron }),
  uitgaandeGebeurtenis: (id: string) => ({ pk: `UITGAAND#${id}`, sk: 'UITGAAND' }),
  /**
   * The feeds: on the event item itself for coordinators (gsi1), the gemeente (gsi2) and the member (gsi3),
   * so most changes add one item to their transaction (a placement start with the widest follow-up plan
   * must stay far below 100); the jobcoach organisation, a fourth party, gets a row of its own. gsi1's one
   * partition takes every event: tens per second at the most, far below a partition's 1000 WCU.
   */
  uitgaandAlle: (id: string) => ({ gsi1pk: 'UITGAAND', gsi1sk: id }),
  uitgaandAllePartitie: 'UITGAAND',
  uitgaandGemeente: (gemeente: string, id: string) => ({ gsi2pk: `UITGAAND#GEMEENTE#${gemeente}`, gsi2sk: id }),
  uitgaandGemeentePartitie: (gemeente: string) => `UITGAAND#GEMEENTE#${gemeente}`,
  uitgaandLid: (lidId: string, id: string) => ({ gsi3pk: `UITGAAND#LID#${lidId}`, gsi3sk: id }),
  uitgaandLidPartitie: (lidId: string) => `UITGAAND#LID#${lidId}`,
  feedregel: (partnerId: string, id: string) => ({ pk: `FEED#PARTNER#${partnerId}`, sk: `UITGAAND#${id}` }),
  feedPartnerPartitie: (partnerId: string) => `FEED#PARTNER#${partnerId}`,
  feedPrefix: 'UITGAAND#',

  abonnement: (id: string) => ({ pk: `ABONNEMENT#${id}`, sk: 'ABONNEMENT' }),
  /** The owner's subscriptions: its list, and what the fan-out reads for an event that owner saw. */
  abonnementenPerEigenaar: (eigenaar: string, id: string) => ({ gsi1pk: `ABONNEMENTEN#${eigenaar}`, gsi1sk: id }),
  abonnementenPerEigenaarPartitie: (eigenaar: string) => `ABONNEMENTEN#${eigenaar}`,
  abonnementenAlle: (id: string) => ({ gsi2pk: 'ABONNEMENTEN', gsi2sk: id }),
  abonnementenAllePartitie: 'ABONNEMENTEN',

  bezorgstand: (abonnementId: string) => ({ pk: `ABONNEMENT#${abonnementId}`, sk: 'BEZORGSTAND' }),
  verificatieopdracht: (id: string) => ({ pk: `VERIFICATIE#${id}`, sk: 'VERIFICATIE' }),
  aflevering: (abonnementId: string, gebeurtenisId: string) => ({ pk: `AFLEVERING#${abonnementId}`, sk: gebeurtenisId }),
  afleverpoging: (abonnementId: string, gebeurtenisId: string, poging: number) => ({ pk: `AFLEVERING#${abonnementId}`, sk: `POGING#${gebeurtenisId}#${String(poging).padStart(2, '0')}` }),

  escalatie: (id: string) => ({ pk: `ESCALATIE#${id}`, sk: 'ESCALATIE' }),
  escalatiesIndex: (status: string, aangemaaktOp: string, id: string) => ({ gsi1pk: 'ESCALATIES', gsi1sk: lijst(status, aangemaaktOp, id) }),
  escalatiesPartitie: 'ESCALATIES',
  escalatiesMetStatus: (status: string) => `${status}#`,

  /**
   * The processing log: a person's records in one partition, by time (a period is a range of the sort key);
   * everyone's per day on gsi1, write-sharded like the due index, because every API request writes here.
   */
  verwerking: (pseudoniem: string, op: string, id: string) => ({ pk: `VERWERKING#${pseudoniem}`, sk: `${op}#${id}` }),
  verwerkingPartitie: (pseudoniem: string) => `VERWERKING#${pseudoniem}`,
  verwerkingenPerDag: (dag: string, shard: number, op: string, id: string) => ({ gsi1pk: verwerkingenDagPartitie(dag, shard), gsi1sk: `${op}#${id}` }),
  verwerkingenDagPartitie: (dag: string, shard: number) => verwerkingenDagPartitie(dag, shard),

  /** The erasure of a referral's person, and what it leaves: in the referral's partition, one of each. */
  verwijderverzoek: (verwijzingId: string) => ({ pk: `VERWIJZING#${verwijzingId}`, sk: 'VERWIJDERVERZOEK' }),
  anoniemeVerwijzing: (verwijzingId: string) => ({ pk: `VERWIJZING#${verwijzingId}`, sk: 'ANONIEM' }),
  /** A closed referral's expiry: sparse on gsi2, so the retention job queries what is due, never scans. */
  bewaartermijn: (verwijzingId: string) => ({ pk: `VERWIJZING#${verwijzingId}`, sk: 'BEWAARTERMIJN' }),
  bewaartermijnIndex: (verloopdatum: string, verwijzingId: string) => ({ gsi2pk: 'BEWAARTERMIJNEN', gsi2sk: `${verloopdatum}#${verwijzingId}` }),
  bewaartermijnenPartitie: 'BEWAARTERMIJNEN',

  /** gsi4: which person (by referral, placement or moment) an item outside the referral's partition is about. */
  betreft: (soort: string, id: string, entiteit: string, eigenId: string) => ({ gsi4pk: betreftPartitie(soort, id), gsi4sk: `${entiteit.toUpperCase()}#${eigenId}` }),
  betreftPartitie: (soort: string, id: string) => betreftPartitie(soort, id),
} as const;

/** The kind of the subject an item is about (verwijzing, plaatsing, nazorgmoment, lid, …) and its id. */
const betreftPartitie = (soort: string, id: string) => `BETREFT#${soort.toUpperCase()}#${id}`;

/** Every API request writes log records: 8 shards keep a day's partition of gsi1 far below 1000 WCU. */
export const VERWERKINGEN_SHARDS = 8;
const verwerkingenDagPartitie = (dag: string, shard: number) => `VERWERKINGEN#${dag}#${shard}`;
export const verwerkingenShard = (id: string): number => nazorgShard(id) % VERWERKINGEN_SHARDS;

/**
 * The national outcome collection is written by every placement's changes and read whole by a national
 * report: over 8 partitions neither side comes near a partition's 1000 WCU / 3000 RCU (100,000 placements of
 * ~400 bytes are ~5,000 read units, ~600 per shard). A gemeente's, region's or member's is a 35th of that or
 * less: one partition each.
 */
export const UITKOMSTEN_SHARDS_NATIONAAL = 8;
export const uitkomstenShard = (plaatsingId: string): number => nazorgShard(plaatsingId) % UITKOMSTEN_SHARDS_NATIONAAL;

export const NAZORG_SHARDS = 16;
const nazorgVervalPartitie = (vervaldatum: string, shard: number) => `NAZORG#${vervaldatum}#${String(shard).padStart(2, '0')}`;
/** FNV-1a: stable, cheap and evenly spread over ULIDs; the shard only has to be the same on every write. */
export const nazorgShard = (momentId: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < momentId.length; i++) h = Math.imul(h ^ momentId.charCodeAt(i), 0x01000193) >>> 0;
  return h % NAZORG_SHARDS;
};
