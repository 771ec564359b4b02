/**
 * The Kaplan–Meier estimate of "still in work" over time since the start of a placement, with Greenwood's
 * variance and a 95% interval on the log(−log) scale, as statistics offices and R's survival package
 * (conf.type = "log-log") give it. Written by hand: no well-kept package on npm does Kaplan–Meier with
 * Greenwood variance; it is a few lines of arithmetic, tested against a textbook example and properties.
 *
 * An observation is one placement: its time in days from its start, and whether it ended without work at
 * that time (the event), or is censored then (ended into regular work, or still open on the report date).
 */
export interface Waarneming {
  /** Days from the start of the placement to its end, or to the report date when still open. */
  readonly dagen: number;
  /** Ended without work (true), or censored at `dagen` (false). */
  readonly gebeurtenis: boolean;
}

export interface Stap {
  readonly dagen: number;
  /** At risk just before `dagen`: not yet ended nor censored before it. */
  readonly risico: number;
  readonly gebeurtenissen: number;
  /** Censored at exactly this time (counted at risk at this time, as is usual). */
  readonly gecensureerd: number;
  readonly overleving: number;
  /** Greenwood's standard error of `overleving`. */
  readonly standaardfout: number;
  readonly onder: number;
  readonly boven: number;
}

export interface Curve {
  readonly aantal: number;
  /** One step per distinct time with an event or a censoring, in time order. */
  readonly stappen: readonly Stap[];
}

const Z95 = 1.959963984540054;

export const kaplanMeier = (waarnemingen: readonly Waarneming[]): Curve => {
  const perTijd = new Map<number, { d: number; c: number }>();
  for (const w of waarnemingen) {
    if (!Number.isFinite(w.dagen) || w.dagen < 0) throw new RangeError(`een waarneming heeft een ongeldige tijd: ${w.dagen}`);
    const t = perTijd.get(w.dagen) ?? { d: 0, c: 0 };
    if (w.gebeurtenis) t.d++;
    else t.c++;
    perTijd.set(w.dagen, t);
  }
  let risico = waarnemingen.length;
  let s = 1;
  let greenwood = 0;
  const stappen: Stap[] = [];
  for (const dagen of [...perTijd.keys()].sort((a, b) => a - b)) {
    const { d, c } = perTijd.get(dagen)!;
    if (d > 0) {
      s *= 1 - d / risico;
      // Undefined when everyone at risk has the event (n = d): the curve is 0 there and so is its error.
      greenwood += risico > d ? d / (risico * (risico - d)) : 0;
    }
    const standaardfout = s * Math.sqrt(greenwood);
    let onder = s;
    let boven = s;
    if (s > 0 && s < 1) {
      const se = Math.sqrt(greenwood) / Math.abs(Math.log(s));
      onder = s ** Math.exp(Z95 * se);
      boven = s ** Math.exp(-Z95 * se);
    } else if (s === 0) {
      onder = 0;
      boven = 0;
    }
    stappen.push({ dagen, risico, gebeurtenissen: d, gecensureerd: c, overleving: s, standaardfout, onder, boven });
    risico -= d + c;
  }
  return { aantal: waarnemingen.length, stappen };
};

/** The estimate at `dagen` (a step function, right-continuous): 1 before the first event. */
export const overlevingOp = (curve: Curve, dagen: number): { overleving: number; onder: number; boven: number; risico: number } => {
  let laatste: Stap | undefined;
  for (const s of curve.stappen) {
    if (s.dagen > dagen) break;
    laatste = s;
  }
  const volgende = curve.stappen.find((s) => s.dagen > dagen);
  const risico = volgende ? volgende.risico : 0;
  return laatste ? { overleving: laatste.overleving, onder: laatste.onder, boven: laatste.boven, risico } : { overleving: 1, onder: 1, boven: 1, risico: curve.aantal };
};

/** Whether the curve reaches `dagen`: someone is still observed (at risk) at that time. */
export const bereikt = (curve: Curve, dagen: number): boolean => curve.stappen.some((s) => s.dagen >= dagen);

/** The median time: the first time the estimate is at or below one half; undefined when never reached. */
export const mediaan = (curve: Curve): number | undefined => curve.stappen.find((s) => s.overleving <= 0.5)?.dagen;
