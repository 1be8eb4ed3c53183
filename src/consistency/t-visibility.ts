import { checkNonNegative, checkNumber } from "../validate";
import { stalenessWindows, type WarsOptions } from "./wars";

/** Options of {@link tVisibility}. */
export interface TVisibilityOptions extends WarsOptions {
  /** Fraction of reads that must return the write, in (0, 1]. Defaults to 0.999. */
  probability?: number;
}

/** Options of {@link consistentReadProbability}. */
export interface ConsistentReadOptions extends WarsOptions {
  /** Time from the write's commit to the read's start, in ms, ≥ 0. Defaults to 0. */
  tMs?: number;
}

/** The smallest t in sorted windows with at least `probability` of them ≤ t. */
function windowQuantile(sorted: Float64Array, probability: number): number {
  const index = Math.max(0, Math.ceil(probability * sorted.length) - 1);
  return sorted[index];
}

/**
 * PBS t-visibility (Bailis et al., VLDB 2012, Sec. 5): the time in ms after a write commits at
 * which a read returns it with the given probability, estimated from WARS simulations.
 */
export function tVisibility(options: TVisibilityOptions = {}): number {
  const { probability = 0.999 } = options;
  checkNumber("probability", probability, { min: 0, minOpen: true, max: 1 });
  const sorted = stalenessWindows(options).sort();
  return windowQuantile(sorted, probability);
}

/** The probability that a read started `tMs` after a write commits returns it (WARS simulation). */
export function consistentReadProbability(options: ConsistentReadOptions = {}): number {
  const { tMs = 0 } = options;
  checkNonNegative("tMs", tMs);
  const windows = stalenessWindows(options);
  let consistent = 0;
  for (let i = 0; i < windows.length; i++) if (windows[i] <= tMs) consistent++;
  return consistent / windows.length;
}
