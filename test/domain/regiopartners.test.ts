import { describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/rollen';
import type { Omgeving } from '../../shared/domain/leden';
import {
  aanmelden,
  afwijzen,
  BEVESTIGINGSTERMIJN_UREN,
  bevestigen,
  bevestigingsmailId,
  controleerBesluit,
  dubbeleAanmeldingBericht,
  emailSleutel,
  gebruikerAfgehandeld,
  goedkeuren,
  intrekken,
  nieuwBevestigingstoken,
  nieuweGebruiker,
  nieuweRegiopartner,
  onderdrukKlein,
  regiocijfers,
  tokenHash,
} from '../../shared/domain/regiopartners';
import { ARBEIDSMARKTREGIOS } from '../../shared/domain/arbeidsmarktregios';
import {
  AanmeldingGebeurtenis,
  PartnerGebruiker,
  Regiopartner,
  RegiopartnerAanmelding,
  RegiopartnerAanmeldingInvoer,
  RegiopartnerGebeurtenis,
} from '../../shared/schemas/regiopartners';

const admin: Principal = { rol: 'coopAdmin', subject: 'coordinator-1' };
let teller = 0;
const NU = '2026-11-26T09:00:00.000Z';
const omgeving = (nu = NU): Omgeving => ({ nu, nieuwId: () => `01JD${String(++teller).padStart(22, '0')}` });
const later = (uren: number) => new Date(new Date(NU).getTime() + uren * 3_600_000).toISOString();

const invoer = RegiopartnerAanmeldingInvoer.parse({
  naam: 'Jobcoach Amstel',
  kvkNummer: '34123456',
  soort: 'jobcoachOrganisatie',
  arbeidsmarktregios: ['Groot Amsterdam', 'Zaanstreek/Waterland'],
  contactpersoon: { naam: 'Lotte Visser', email: 'lotte@jobcoachamstel.nl' },
});
const TOKEN = 'a'.repeat(43);
const PORTAAL = 'https://portaal.werkcoop.nl';

const aangemeld = () => aanmelden(invoer, TOKEN, PORTAAL, omgeving());
const bevestigd = () => bevestigen(aangemeld().aanmelding, omgeving(later(1))).aanmelding;

describe('de invoer van een aanmelding', () => {
  it('neemt alleen de 35 arbeidsmarktregio\'s, elk één keer, en geen onbekende velden of BSN', () => {
    expect(ARBEIDSMARKTREGIOS).toHaveLength(35);
    expect(new Set(ARBEIDSMARKTREGIOS).size).toBe(35);
    const fout = RegiopartnerAanmeldingInvoer.safeParse({
      ...invoer,
      arbeidsmarktregios: ['Groot Amsterdam', 'Groot Amsterdam', 'Atlantis'],
      bsn: '123456782',
      kvkNummer: '1234567',
    });
    expect(fout.success).toBe(false);
    const paden = fout.error!.issues.map((i) => [...i.path, ...(i.code === 'unrecognized_keys' ? i.keys : [])].join('.'));
    expect(paden).toEqual(expect.arrayContaining(['arbeidsmarktregios.2', 'kvkNummer', 'bsn']));
    expect(RegiopartnerAanmeldingInvoer.safeParse({ ...invoer, arbeidsmarktregios: ['Groot Amsterdam', 'Groot Amsterdam'] }).success).toBe(false);
    expect(RegiopartnerAanmeldingInvoer.safeParse({ ...invoer, arbeidsmarktregios: [...ARBEIDSMARKTREGIOS] }).success).toBe(true);
    expect(RegiopartnerAanmeldingInvoer.safeParse({ ...invoer, naam: 'x'.repeat(201) }).success).toBe(false);
  });
});

describe('aanmelden', () => {
  it('maakt een aanmelding die 48 uur op bevestiging wacht, met gebeurtenis, token-hash en bevestigingsmail', () => {
    const m = aangemeld();
    expect(RegiopartnerAanmelding.parse(m.aanmelding)).toMatchObject({ ...invoer, status: 'aangemeld', versie: 1, bevestigenVoor: later(BEVESTIGINGSTERMIJN_UREN) });
    expect(AanmeldingGebeurtenis.parse(m.gebeurtenis)).toMatchObject({ soort: 'aangemeld', naarStatus: 'aangemeld', door: { subject: 'aanmelder' } });
    expect(m.bevestiging).toEqual({ tokenHash: tokenHash(TOKEN), verlooptOp: new Date(later(48)).getTime() / 1000 });
    expect(m.notificatie).toMatchObject({ id: bevestigingsmailId(m.aanmelding.id), soort: 'aanmeldingBevestigen', aan: { email: 'lotte@jobcoachamstel.nl' } });
    expect(m.notificatie!.tekst).toContain(`${PORTAAL}/portaal/regiopartner-aanmelding/${TOKEN}\n`);
  });

  it('slaat alleen een SHA-256 van het token op; tokens zijn 32 willekeurige bytes, base64url', () => {
    const m = aangemeld();
    expect(JSON.stringify({ ...m, notificatie: undefined })).not.toContain(TOKEN);
    const tokens = Array.from({ length: 200 }, nieuwBevestigingstoken);
    expect(new Set(tokens).size).toBe(200);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    }
    expect(tokenHash(tokens[0]!)).toBe(tokenHash(tokens[0]!));
    expect(tokenHash(tokens[0]!)).not.toBe(tokenHash(tokens[1]!));
  });

  it('een tweede aanmelding voor een lopende meldt het de contactpersoon van die lopende, met een vast id', () => {
    const open = aangemeld().aanmelding;
    const a = dubbeleAanmeldingBericht(open, omgeving());
    const b = dubbeleAanmeldingBericht(open, omgeving(later(2)));
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({ soort: 'aanmeldingDubbel', aan: { email: open.contactpersoon.email }, onderwerpId: open.id });
    expect(a.tekst).toContain('nog niet bevestigd');
    expect(dubbeleAanmeldingBericht(bevestigd(), omgeving()).tekst).toContain('wacht op het besluit');
  });
});

describe('bevestigen', () => {
  it('maakt van een aangemelde een bevestigde aanmelding, versie 2, door de contactpersoon', () => {
    const a = aangemeld().aanmelding;
    const m = bevestigen(a, omgeving(later(47)));
    expect(m.aanmelding).toMatchObject({ status: 'bevestigd', bevestigdOp: later(47), versie: 2 });
    expect(m.verwachteVersie).toBe(1);
    expect(m.gebeurtenis).toMatchObject({ soort: 'bevestigd', vanStatus: 'aangemeld', naarStatus: 'bevestigd', versie: 2 });
  });

  it('weigert na de termijn en een tweede keer, met precies hetzelfde antwoord', () => {
    const a = aangemeld().aanmelding;
    const verlopen = (() => {
      try {
        bevestigen(a, omgeving(later(48)));
      } catch (e) {
        return e;
      }
    })();
    const tweedeKeer = (() => {
      try {
        bevestigen(bevestigen(a, omgeving(later(1))).aanmelding, omgeving(later(2)));
      } catch (e) {
        return e;
      }
    })();
    expect(verlopen).toMatchObject({ soort: 'onverwerkbaar' });
    expect(tweedeKeer).toEqual(verlopen);
  });
});

describe('het besluit van een coördinator', () => {
  it('keurt alleen een bevestigde aanmelding goed: niet bevestigd of al besloten is ongeldigeOvergang, een oude versie verouderd', () => {
    expect(() => controleerBesluit(aangemeld().aanmelding, undefined)).toThrowError(expect.objectContaining({ soort: 'ongeldigeOvergang' }));
    const b = bevestigd();
    expect(() => controleerBesluit(b, 1)).toThrowError(expect.objectContaining({ soort: 'verouderd' }));
    const besloten = afwijzen(b, admin, { reden: 'Buiten het werkgebied' }, omgeving()).aanmelding;
    expect(() => goedkeuren(besloten, admin, { clientId: 'c' }, omgeving())).toThrowError(expect.objectContaining({ soort: 'ongeldigeOvergang' }));
  });

  it('goedkeuren maakt de partner, zijn machineclient-registratie (rol regiopartner, tenant = partner) en een mail zonder geheim', () => {
    const m = goedkeuren(bevestigd(), admin, { clientId: '01jdclient0000000000000000' }, omgeving());
    const partner = Regiopartner.parse(m.nieuwePartner!.partner);
    expect(m.aanmelding).toMatchObject({ status: 'goedgekeurd', partnerId: partner.id, clientId: '01jdclient0000000000000000', versie: 3 });
    expect(m.gebeurtenis).toMatchObject({ soort: 'goedgekeurd', vanStatus: 'bevestigd', door: { rol: 'coopAdmin', subject: 'coordinator-1' } });
    expect(RegiopartnerGebeurtenis.parse(m.nieuwePartner!.gebeurtenis)).toMatchObject({ soort: 'aangemaakt', aanmeldingId: m.aanmelding.id });
    expect(m.machineClient).toMatchObject({ clientId: '01jdclient0000000000000000', rol: 'regiopartner', tenant: partner.id });
    expect(m.notificatie).toMatchObject({ soort: 'aanmeldingGoedgekeurd', aan: { email: invoer.contactpersoon.email } });
    expect(m.notificatie!.tekst).not.toMatch(/secret|geheim:/i);
  });

  it('beide wegen leiden tot een partner met precies dezelfde velden', () => {
    const viaAanmelding = goedkeuren(bevestigd(), admin, { clientId: 'c' }, omgeving()).nieuwePartner!.partner;
    const rechtstreeks = nieuweRegiopartner(invoer, admin, omgeving()).partner;
    expect(Object.keys(viaAanmelding).sort()).toEqual(Object.keys(rechtstreeks).sort());
    expect({ ...viaAanmelding, id: 'x' }).toEqual({ ...rechtstreeks, id: 'x' });
  });

  it('afwijzen legt de reden vast en mailt haar', () => {
    const m = afwijzen(bevestigd(), admin, { reden: 'Geen jobcoaches in dienst' }, omgeving());
    expect(m.aanmelding).toMatchObject({ status: 'afgewezen', statusReden: 'Geen jobcoaches in dienst' });
    expect(m.gebeurtenis.reden).toBe('Geen jobcoaches in dienst');
    expect(m.notificatie!.tekst).toContain('Geen jobcoaches in dienst');
    expect(m.nieuwePartner).toBeUndefined();
  });
});

describe('de accounts van de medewerkers van een partner', () => {
  it('beide wegen nodigen de contactpersoon uit als medewerker met rol regiopartner, tenant de partner, het adres in kleine letters', () => {
    const contact = { ...invoer.contactpersoon, email: 'Lotte@JobcoachAmstel.nl', telefoonnummer: '020 123 45 67' };
    const rechtstreeks = nieuweRegiopartner({ ...invoer, contactpersoon: contact }, admin, omgeving());
    const viaAanmelding = goedkeuren(bevestigd(), admin, { clientId: 'client-1' }, omgeving(later(2))).nieuwePartner!;
    for (const { partner, gebruiker } of [rechtstreeks, viaAanmelding]) {
      expect(PartnerGebruiker.parse(gebruiker)).toEqual(gebruiker);
      expect(gebruiker).toMatchObject({ partnerId: partner.id, naam: 'Lotte Visser', email: 'lotte@jobcoachamstel.nl', rol: 'regiopartner', status: 'uitgenodigd', versie: 1 });
      expect(gebruiker.uitgenodigdDoor).toEqual({ rol: 'coopAdmin', subject: 'coordinator-1' });
    }
    // Only name and address: the phone number is the partner's contact detail, not the account's.
    expect(Object.keys(rechtstreeks.gebruiker)).not.toContain('telefoonnummer');
  });

  it('een uitnodiging per adres: de sleutel is een hash van het adres in kleine letters, zonder het adres zelf', () => {
    expect(emailSleutel('Lotte@JobcoachAmstel.nl ')).toBe(emailSleutel('lotte@jobcoachamstel.nl'));
    expect(emailSleutel('lotte@jobcoachamstel.nl')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(emailSleutel('lotte@jobcoachamstel.nl')).not.toBe(emailSleutel('lotte2@jobcoachamstel.nl'));
  });

  it('de uitkomst: een account dat er al was met dezelfde rol en tenant is hetzelfde account; een adres van een ander blijft diens', () => {
    const g = nieuweGebruiker('P1', { naam: 'Sem', email: 'sem@coachpunt.nl' }, admin, omgeving());
    expect(gebruikerAfgehandeld(g, 'aangemaakt', later(1))).toMatchObject({ status: 'aangemaakt', versie: 2, gewijzigdOp: later(1) });
    expect(gebruikerAfgehandeld(g, 'bestond', later(1)).status).toBe('aangemaakt');
    expect(gebruikerAfgehandeld(g, 'adresInGebruik', later(1)).status).toBe('adresInGebruik');
  });

  it('intrekken kan vanuit elke status behalve een lopende of voltooide intrekking; elke uitkomst van het verwijderen eindigt in ingetrokken', () => {
    const g = nieuweGebruiker('P1', { naam: 'Sem', email: 'sem@coachpunt.nl' }, admin, omgeving());
    for (const status of ['uitgenodigd', 'aangemaakt', 'adresInGebruik'] as const)
      expect(intrekken({ ...g, status }, later(1))).toMatchObject({ status: 'intrekken', versie: 2, gewijzigdOp: later(1) });
    for (const status of ['intrekken', 'ingetrokken'] as const) expect(() => intrekken({ ...g, status }, later(1))).toThrow(/al ingetrokken/);
    const bezig = intrekken(g, later(1));
    for (const uitkomst of ['verwijderd', 'bestondNiet', 'nietVanDezePartner'] as const)
      expect(gebruikerAfgehandeld(bezig, uitkomst, later(2))).toMatchObject({ status: 'ingetrokken', versie: 3 });
  });
});

describe('regiocijfers', () => {
  it('uit de tellers van een regio: open werkplekken, vrije plaatsen, plaatsingen per fasegroep; 1 t/m 4 plaatsingen worden niet getoond', () => {
    expect([0, 1, 4, 5, 17].map(onderdrukKlein)).toEqual([0, null, null, 5, 17]);
    const c = regiocijfers('Groot Amsterdam', 3, { openWerkplekken: 2, vrijePlaatsen: 2, plaatsingenLopend: 2, plaatsingenGestart: 5 });
    expect(c).toEqual({
      arbeidsmarktregio: 'Groot Amsterdam',
      gemeenten: 3,
      openWerkplekken: 2,
      vrijePlaatsen: 2,
      plaatsingen: { lopend: null, gestart: 5, beeindigd: 0 },
    });
    // A region without a counter yet shows zeros; a counter below zero is never shown as a negative count.
    expect(regiocijfers('Twente', 0, { vrijePlaatsen: -1 })).toMatchObject({ openWerkplekken: 0, vrijePlaatsen: 0, plaatsingen: { lopend: 0, gestart: 0, beeindigd: 0 } });
  });
});
