import { mkdtempSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lokaalAccountRegister } from '../../shared/auth/gebruikersaccounts';
import { schrijfEenmalig } from '../../shared/lokaal/bestanden';

/**
 * The local stand-ins for Cognito and SES write files; racing deliveries of one message must see one
 * account, whole. CI once failed on a second delivery that read the first one's file while it was empty.
 */
describe('schrijfEenmalig', () => {
  it('tien gelijktijdige schrijvers, duizend keer: één schrijft, wie later komt leest het hele bestand, er blijft niets tijdelijks achter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'werkcoop-bestanden-'));
    // The window is a few microseconds (writeFile 'wx' failed here about once in a few thousand races), so
    // many rounds; with link() there is no window at all.
    for (let ronde = 0; ronde < 1000; ronde++) {
      const pad = join(dir, `${ronde}.json`);
      const gelezen: unknown[] = [];
      const geschreven = await Promise.all(
        Array.from({ length: 10 }, async (_, i) => {
          const r = await schrijfEenmalig(pad, JSON.stringify({ i }));
          // Whoever finds it taken reads it at once, as the account register does.
          if (!r) gelezen.push(JSON.parse(await readFile(pad, 'utf8')));
          return r;
        }),
      );
      expect(geschreven.filter(Boolean)).toHaveLength(1);
      expect(gelezen).toEqual(Array.from({ length: 9 }, () => ({ i: geschreven.indexOf(true) })));
    }
    expect(readdirSync(dir)).toHaveLength(1000);
    expect(readdirSync(dir).filter((f) => !f.endsWith('.json'))).toEqual([]);
  });

  it('het accountregister: honderd keer tien gelijktijdige aanmaken van één account geven één keer aangemaakt en negen keer bestond', async () => {
    const register = lokaalAccountRegister(mkdtempSync(join(tmpdir(), 'werkcoop-accounts-')));
    // A hundred rounds: the window in which a racer could read a half-written file is small.
    for (let ronde = 0; ronde < 100; ronde++) {
      const account = { email: `sanne${ronde}@werkcoop.nl`, naam: 'Sanne', rol: 'coopAdmin' as const, tenant: undefined };
      const uitkomsten = await Promise.all(Array.from({ length: 10 }, () => register.maak(account)));
      expect(uitkomsten.filter((u) => u === 'aangemaakt')).toHaveLength(1);
      expect(uitkomsten.filter((u) => u === 'bestond')).toHaveLength(9);
    }
    expect(readdirSync(register.dir)).toHaveLength(100);
  });
});
