import { deriveSeed } from "../failure/derive-seed";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNumber, checkPositive } from "../validate";
import { checkWarsOptions, stalenessWindows, type WarsOptions } from "./wars";

/** Options of {@link tVisibilitySweep}: a WARS set-up whose `trials` are drawn afresh at every step. */
export interface TVisibilitySweepOptions extends WarsOptions {
  /** Fraction of reads that must return the write, in (0, 1). Defaults to 0.999. */
  probability?: number;
  /** Step of the sweep over t, in ms, > 0. Defaults to 0.5. */
  stepMs?: number;
  /** The sweep gives up after this t, in ms (> 0); then the result is Infinity. Defaults to 5,000. */
  maxMs?: number;
}

/** Options of {@link tVisibilitySweepStops}: a sweep, and the write/read pairs that estimate the curve it samples. */
export interface SweepStopsOptions extends TVisibilitySweepOptions {
  /** Pairs that estimate P(consistent at t), an integer in [1, 10^7]. Defaults to 2,000,000. */
  curveTrials?: number;
}

function checkSweep(options: TVisibilitySweepOptions): { probability: number; stepMs: number; maxMs: number } {
  const { probability = 0.999, stepMs = 0.5, maxMs = 5000 } = options;
  checkNumber("probability", probability, { min: 0, minOpen: true, max: 1, maxOpen: true });
  checkPositive("stepMs", stepMs);
  checkPositive("maxMs", maxMs);
  if (maxMs / stepMs > 1e6) throw new RangeError(`invalid stepMs: ${stepMs} (expected at most 1,000,000 steps up to maxMs = ${maxMs})`);
  return { probability, stepMs, maxMs };
}

/**
 * t-visibility as the PBS paper's simulator estimates it (Bailis et al., VLDB 2012, Sec. 5.1:
 * "draw N samples from W, A, R, and S at time t"): at t = 0, stepMs, 2·stepMs, ... it draws
 * `trials` fresh write/read pairs, estimates P(consistent read at t), and returns the first t whose
 * estimate reaches `probability`. Each step's estimate scatters around the curve, so on a flat
 * tail the sweep tends to stop before the curve's own quantile (see tVisibility), the more so the
 * fewer the trials; tVisibilitySweepStops gives the exact distribution of where it stops.
 */
export function tVisibilitySweep(options: TVisibilitySweepOptions = {}): number {
  const { probability, stepMs, maxMs } = checkSweep(options);
  const wars = checkWarsOptions(options);
  for (let i = 0; i * stepMs <= maxMs; i++) {
    const t = i * stepMs;
    const windows = stalenessWindows({ ...wars, seed: deriveSeed(wars.seed, i) });
    let consistent = 0;
    for (let j = 0; j < windows.length; j++) if (windows[j] <= t) consistent++;
    if (consistent >= probability * windows.length) return t;
  }
  return Infinity;
}

/** P(Binomial(trials, p) ≥ needed), summed over the few failures allowed (the small tail), in log space. */
function atLeast(trials: number, needed: number, p: number): number {
  if (p >= 1) return 1;
  if (p <= 0) return needed <= 0 ? 1 : 0;
  const allowed = trials - needed;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  let logChoose = 0;
  let sum = 0;
  for (let f = 0; f <= allowed; f++) {
    if (f > 0) logChoose += Math.log((trials - f + 1) / f);
    sum += Math.exp(logChoose + f * logQ + (trials - f) * logP);
  }
  return Math.min(1, sum);
}

/**
 * Where {@link tVisibilitySweep} stops, exactly, given the curve P(t) it samples: the sweep stops at
 * step i with probability Π_{j<i} (1 − q_j) · q_i, where q_j = P(Binomial(trials, P(t_j)) ≥
 * ⌈probability · trials⌉). The curve comes from `curveTrials` pairs (the seed's). One row per step
 * until the sweep has stopped with probability 1 − 1e-9: t_ms, consistent (the curve),
 * stop_probability and stopped_by (cumulative).
 */
export function tVisibilitySweepStops(options: SweepStopsOptions = {}): Table {
  const { probability, stepMs, maxMs } = checkSweep(options);
  const { curveTrials = 2_000_000, ...rest } = options;
  checkInteger("curveTrials", curveTrials, 1, 10_000_000);
  const wars = checkWarsOptions(rest);
  const sorted = stalenessWindows({ ...wars, trials: curveTrials }).sort();
  const needed = Math.ceil(probability * wars.trials);
  const rows: { t_ms: number; consistent: number; stop_probability: number; stopped_by: number }[] = [];
  let running = 1;
  let below = 0;
  for (let i = 0; i * stepMs <= maxMs && running > 1e-9; i++) {
    const t = i * stepMs;
    while (below < sorted.length && sorted[below] <= t) below++;
    const consistent = below / sorted.length;
    const stop = running * atLeast(wars.trials, needed, consistent);
    running -= stop;
    rows.push({ t_ms: t, consistent, stop_probability: stop, stopped_by: 1 - running });
  }
  return tableFromRows(rows);
}
