/**
 * The regional figures as counters. Each placement and each place contributes a small count to the counter
 * of its arbeidsmarktregio; a stream consumer (functions/streams/regiotellers.ts) moves a source's
 * contribution when the source changes, so reading a region's figures is one read of its counter however
 * many placements the country has. Pure functions: they decide what to count, the store counts.
 */
export const TELLERS = ['plaatsingenLopend', 'plaatsingenGestart', 'plaatsingenBeeindigd', 'openWerkplekken', 'vrijePlaatsen'] as const;
export type Teller = (typeof TELLERS)[number];
export type Telling = Readonly<Partial<Record<Teller, number>>>;

/** A source's part in one region's counter: what it adds there now. */
export interface Bijdrage {
  readonly regio: string;
  readonly telling: Telling;
}

// The phase groups of the figures: rejected and cancelled placements are in none of them.
const FASEGROEP: Readonly<Record<string, Teller | undefined>> = {
  voorgesteld: 'plaatsingenLopend',
  kennismaking: 'plaatsingenLopend',
  proefplaatsing: 'plaatsingenLopend',
  gestart: 'plaatsingenGestart',
  beeindigd: 'plaatsingenBeeindigd',
};

export const plaatsingTelling = (fase: string): Telling => {
  const teller = FASEGROEP[fase];
  return teller ? { [teller]: 1 } : {};
};

/** Only an open place counts, with the places still free on it. */
export const werkplekTelling = (w: { status: string; aantalPlaatsen: number; aantalBezet: number }): Telling =>
  w.status === 'open' ? { openWerkplekken: 1, vrijePlaatsen: Math.max(0, w.aantalPlaatsen - w.aantalBezet) } : {};

/**
 * What changes per region when a source's contribution goes from `oud` to `nieuw`: the old one taken off its
 * region, the new one added to its own. Regions and counters that do not change are left out, so an
 * unchanged contribution is no write at all.
 */
export const verschuiving = (oud: Bijdrage | undefined, nieuw: Bijdrage | undefined): Map<string, Telling> => {
  const uit = new Map<string, Partial<Record<Teller, number>>>();
  const tel = (b: Bijdrage | undefined, teken: 1 | -1) => {
    if (!b) return;
    const regio = uit.get(b.regio) ?? {};
    for (const t of TELLERS) if (b.telling[t]) regio[t] = (regio[t] ?? 0) + teken * b.telling[t]!;
    uit.set(b.regio, regio);
  };
  tel(oud, -1);
  tel(nieuw, 1);
  for (const [regio, telling] of uit) {
    for (const t of TELLERS) if (telling[t] === 0) delete telling[t];
    if (Object.keys(telling).length === 0) uit.delete(regio);
  }
  return uit;
};
