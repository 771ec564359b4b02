import { ulid } from 'ulidx';
import type { Principal } from '../../shared/auth/rollen';
import type { Omgeving } from '../../shared/domain/leden';
import type { Contract } from '../../shared/schemas/plaatsingen';
import type { Verwijzing } from '../../shared/schemas/verwijzingen';
import type { Werkplek } from '../../shared/schemas/werkplekken';

/** Test data for the placement tests: a placeable referral, an open place, the callers around them. */
export const NU = '2026-11-26T09:00:00.000Z';
export const omgeving = (nu = NU): Omgeving => ({ nu, nieuwId: () => ulid() });

export const admin: Principal = { rol: 'coopAdmin', subject: 'coordinator-1' };
export const werkgever = (lidId: string): Principal => ({ rol: 'werkgever', subject: `hr-${lidId}`, lidId });
export const gemeente = (code: string): Principal => ({ rol: 'gemeente', subject: `consulent-${code}`, gemeente: code });
export const partner = (partnerId: string): Principal => ({ rol: 'regiopartner', subject: `coach-${partnerId}`, partnerId });

export const verwijzing = (over: Partial<Verwijzing> = {}): Verwijzing => ({
  id: ulid(),
  gemeente: 'GM0363',
  arbeidsmarktregio: 'Groot Amsterdam',
  dossierkenmerk: 'PW-2026-00412',
  doelgroep: 'participatiewet',
  kandidaat: { naam: 'Jan de Boer', email: 'jan@example.nl' },
  mogelijkheden: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', zelfstandigheid: 'deelsZelfstandig', taalniveau: 'B1', rijbewijs: false },
  werkaanpassingen: ['vasteStructuur'],
  uren: { minimum: 16, maximum: 24 },
  mobiliteit: { reisafstandKm: 10, vervoer: ['fiets', 'ov'] },
  postcodegebied: '1102',
  werksoortVoorkeuren: ['groen', 'logistiek'],
  beschikbaarVanaf: '2026-12-01',
  toestemmingProfielDelen: true,
  status: 'bemiddelbaar',
  aantalPlaatsingen: 0,
  toestemmingWerkgevers: [],
  aangemaaktOp: NU,
  gewijzigdOp: NU,
  versie: 3,
  ...over,
});

export const werkplek = (over: Partial<Werkplek> = {}): Werkplek => ({
  id: ulid(),
  lidId: ulid(),
  arbeidsmarktregio: 'Groot Amsterdam',
  titel: 'Medewerker groenonderhoud',
  soort: 'reguliereBaan',
  werksoort: 'groen',
  uren: { minimum: 16, maximum: 32 },
  locatie: { postcodegebied: '1102', gemeente: 'GM0363' },
  aantalPlaatsen: 2,
  eisen: { fysiekeBelastbaarheid: 'gemiddeld', werktempo: 'laag', taalniveau: 'A2', rijbewijs: false },
  werkaanpassingen: ['vasteStructuur'],
  begeleiding: { eigenJobcoach: false, buddy: true },
  teltVoorBanenafspraak: true,
  status: 'open',
  aantalBezet: 0,
  aangemaaktOp: NU,
  gewijzigdOp: NU,
  versie: 1,
  ...over,
});

export const contract = (over: Partial<Contract> = {}): Contract => ({
  startdatum: '2027-01-04',
  contractvorm: 'bepaaldeTijd',
  einddatum: '2027-07-03',
  urenPerWeek: 24,
  loonPercentageWml: 100,
  teltVoorBanenafspraak: true,
  ...over,
});
