import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/rollen';
import { DomeinFout } from '../../shared/domain/fouten';
import { aanvragen, houdtKvkVast, voerUit, wijzigen, type LidActie, type Omgeving } from '../../shared/domain/leden';
import { Lid, LidGebeurtenis, type LidAanvraag } from '../../shared/schemas/leden';

const admin: Principal = { rol: 'coopAdmin', subject: 'coordinator-1' };
let teller = 0;
const omgeving = (): Omgeving => ({ nu: '2026-11-26T09:00:00.000Z', nieuwId: () => `01JD${String(++teller).padStart(22, "0")}` });

const aanvraag: LidAanvraag = {
  kvkNummer: '69599084',
  naam: 'Bakkerij De Verwachting',
  sectoren: ['voedingsmiddelen'],
  werksoorten: ['productie', 'logistiek'],
  contactpersoon: { naam: 'Fatima el Amrani', email: 'hr@deverwachting.nl' },
  toezeggingen: { reguliereBanen: 2, participatieplaatsen: 3, beschutWerkplekken: 0, banenafspraakBanen: 1 },
};

const ACTIES: LidActie[] = ['goedkeuren', 'afwijzen', 'schorsen', 'schorsingOpheffen', 'uittreden'];

describe('het lidmaatschap van een werkgever', () => {
  it('begint als aanvraag, versie 1, met een gebeurtenis "aangevraagd"', () => {
    const { lid, gebeurtenis } = aanvragen(aanvraag, omgeving());
    expect(lid.status).toBe('aangevraagd');
    expect(lid.versie).toBe(1);
    expect(gebeurtenis).toMatchObject({ soort: 'aangevraagd', naarStatus: 'aangevraagd', lidId: lid.id, versie: 1 });
    expect(Lid.safeParse(lid).success).toBe(true);
  });

  it('goedkeuren maakt actief en stuurt de contactpersoon een bericht', () => {
    const { lid } = aanvragen(aanvraag, omgeving());
    const m = voerUit(lid, 'goedkeuren', admin, {}, omgeving());
    expect(m.lid.status).toBe('actief');
    expect(m.notificatie?.aan.email).toBe('hr@deverwachting.nl');
    expect(m.notificatie?.soort).toBe('lidGoedgekeurd');
    expect(m.gebeurtenis).toMatchObject({ vanStatus: 'aangevraagd', naarStatus: 'actief', door: { rol: 'coopAdmin', subject: 'coordinator-1' } });
    expect(m.verwachteVersie).toBe(1);
  });

  it('afwijzen geeft de reden door en maakt het KvK-nummer vrij voor een latere aanvraag', () => {
    const { lid } = aanvragen(aanvraag, omgeving());
    const m = voerUit(lid, 'afwijzen', admin, { reden: 'Geen vestiging in de regio' }, omgeving());
    expect(m.lid).toMatchObject({ status: 'afgewezen', statusReden: 'Geen vestiging in de regio' });
    expect(m.notificatie?.tekst).toContain('Geen vestiging in de regio');
    expect(m.kvkVrijgeven).toBe(true);
  });

  it('weigert een overgang die vanuit de huidige status niet kan', () => {
    const { lid } = aanvragen(aanvraag, omgeving());
    expect(() => voerUit(lid, 'schorsen', admin, { reden: 'x' }, omgeving())).toThrowError(
      expect.objectContaining({ soort: 'ongeldigeOvergang' }),
    );
  });

  it('weigert een verouderde versie (If-Match) met "verouderd"', () => {
    const { lid } = aanvragen(aanvraag, omgeving());
    expect(() => voerUit(lid, 'goedkeuren', admin, { ifMatch: 7 }, omgeving())).toThrowError(expect.objectContaining({ soort: 'verouderd' }));
    expect(() => wijzigen(lid, { naam: 'Nieuw' }, admin, 2, omgeving())).toThrowError(expect.objectContaining({ soort: 'verouderd' }));
  });

  it('wijzigen noemt de gewijzigde velden en houdt de status', () => {
    const { lid } = aanvragen(aanvraag, omgeving());
    const m = wijzigen(lid, { naam: 'Bakkerij De Verwachting BV', werksoorten: ['productie'] }, admin, 1, omgeving());
    expect(m.lid).toMatchObject({ naam: 'Bakkerij De Verwachting BV', werksoorten: ['productie'], status: 'aangevraagd', versie: 2 });
    expect(m.gebeurtenis.gewijzigdeVelden).toEqual(['naam', 'werksoorten']);
  });

  it('elke reeks acties blijft geldig: versies lopen op met één, KvK komt hoogstens één keer vrij, geschiedenis is compleet', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ACTIES), { maxLength: 30 }), (acties) => {
        let { lid } = aanvragen(aanvraag, omgeving());
        const geschiedenis: LidGebeurtenis[] = [];
        let vrijgegeven = 0;
        for (const actie of acties) {
          try {
            const m = voerUit(lid, actie, admin, { reden: 'reden' }, omgeving());
            expect(m.lid.versie).toBe(lid.versie + 1);
            expect(m.gebeurtenis.vanStatus).toBe(lid.status);
            expect(m.gebeurtenis.naarStatus).toBe(m.lid.status);
            expect(Lid.safeParse(m.lid).success).toBe(true);
            if (m.kvkVrijgeven) vrijgegeven++;
            geschiedenis.push(m.gebeurtenis);
            lid = m.lid;
          } catch (e) {
            expect(e).toBeInstanceOf(DomeinFout);
            expect((e as DomeinFout).soort).toBe('ongeldigeOvergang');
          }
        }
        expect(vrijgegeven).toBe(houdtKvkVast(lid.status) ? 0 : 1);
        expect(geschiedenis.map((g) => g.versie)).toEqual(geschiedenis.map((_, i) => i + 2));
        // Terminal states are terminal.
        if (!houdtKvkVast(lid.status)) for (const a of ACTIES) expect(() => voerUit(lid, a, admin, { reden: 'r' }, omgeving())).toThrow(DomeinFout);
      }),
      { numRuns: 300 },
    );
  });
});
