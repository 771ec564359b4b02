import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/local/paths';
import { anonimiseer, INVENTARIS } from '../../shared/privacy/inventaris';

/**
 * The inventory of personal data (shared/privacy/inventaris.ts) against the code: every entity a store,
 * function or job writes must have its line, so the export and the erasure cannot miss a new kind of item.
 * (test/privacy/avg.test.ts checks the same against the table after a full scenario.)
 */
const bronbestanden = (dir: string): string[] =>
  readdirSync(dir).flatMap((naam) => {
    const pad = join(dir, naam);
    return statSync(pad).isDirectory() ? bronbestanden(pad) : pad.endsWith('.ts') ? [pad] : [];
  });

/** `entiteit: 'X'`, `entiteit: z.literal('X')`, and an UpdateExpression's `':e': 'X'` / `':entiteit': 'X'`. */
const ENTITEIT = /entiteit:\s*(?:z\.literal\()?'([A-Z][A-Za-z]+)'|':e(?:ntiteit)?':\s*'([A-Z][A-Za-z]+)'/g;

describe('de inventaris van persoonsgegevens', () => {
  it('heeft een regel voor elke entiteit die de code schrijft', () => {
    const gevonden = new Map<string, string>();
    for (const bestand of [...bronbestanden(join(PROJECT_ROOT, 'shared')), ...bronbestanden(join(PROJECT_ROOT, 'functions'))])
      for (const m of readFileSync(bestand, 'utf8').matchAll(ENTITEIT)) gevonden.set(m[1] ?? m[2]!, relative(PROJECT_ROOT, bestand));
    expect(gevonden.size).toBeGreaterThan(20);
    const zonderRegel = [...gevonden].filter(([e]) => !(e in INVENTARIS)).map(([e, waar]) => `${e} (${waar})`);
    expect(zonderRegel, 'voeg deze entiteiten toe aan shared/privacy/inventaris.ts').toEqual([]);
  });

  it('elke entiteit met gegevens van een kandidaat zegt wat het wissen doet, en wat zij anonimiseert bestaat als veld', () => {
    for (const [entiteit, regel] of Object.entries(INVENTARIS)) {
      if (regel.behandeling === 'anonimiseren') expect(regel.persoonsgegevens.length, entiteit).toBeGreaterThan(0);
      if (regel.over === 'geenKandidaat') expect(regel.behandeling, entiteit).toBe('bewaren');
      expect(regel.waarom.length, entiteit).toBeGreaterThan(10);
    }
  });

  it('anonimiseert geneste velden en velden in elke lijstregel, laat de rest en is idempotent', () => {
    const plaatsing = {
      entiteit: 'Plaatsing',
      id: 'p',
      fase: 'beeindigd',
      beeindiging: { einddatum: '2026-11-01', reden: 'overig', toelichting: 'Jan verhuist' },
      afwijzingsreden: 'te ver',
      risico: { niveau: 'hoog' },
      duurzaamheid: { P6M: true },
    };
    const anoniem = anonimiseer(plaatsing);
    expect(anoniem).toEqual({ entiteit: 'Plaatsing', id: 'p', fase: 'beeindigd', beeindiging: { einddatum: '2026-11-01', reden: 'overig' }, duurzaamheid: { P6M: true } });
    expect(anonimiseer(anoniem)).toEqual(anoniem);
    const moment = { entiteit: 'Nazorgmoment', antwoorden: [{ hoeGaatHet: 2, notitie: 'slecht geslapen' }, { hoeGaatHet: 4 }], duurzaam: true };
    expect(anonimiseer(moment)).toEqual({ entiteit: 'Nazorgmoment', antwoorden: [{ hoeGaatHet: 2 }, { hoeGaatHet: 4 }], duurzaam: true });
    expect(plaatsing.beeindiging.toelichting).toBe('Jan verhuist');
    expect(() => anonimiseer({ entiteit: 'Onbekend' })).toThrow(/inventaris/);
  });
});
