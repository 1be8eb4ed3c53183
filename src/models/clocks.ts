import { createRng, exponential } from "../random";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonNegative, checkOneOf, checkPositive, checkSeed } from "../validate";

/** How the clocks are resynchronised. */
export const RESYNC_METHODS = ["none", "cristian", "berkeley"] as const;
export type ResyncMethod = (typeof RESYNC_METHODS)[number];

/** Options for simulateClocks. */
export interface ClocksOptions {
  /** Clocks (hosts). Defaults to 5. */
  clocks?: number;
  /** Largest drift rate, parts per million; each clock drifts at a rate uniform in ±this. Defaults to 200. */
  maxDriftPpm?: number;
  /** Simulated time, s. Defaults to 3,600. */
  durationS?: number;
  /** "none", "cristian" (each client asks a time server) or "berkeley" (a master averages). Defaults to "cristian". */
  method?: ResyncMethod;
  /** Time between resynchronisations, s. Defaults to 60. */
  periodS?: number;
  /** Minimum one-way delay of a time message, ms. Defaults to 1. */
  minDelayMs?: number;
  /** Mean of the exponential extra delay of each message, ms. Defaults to 5. */
  jitterMs?: number;
  /** Samples of the clocks' offsets, every this many s. Defaults to 10. */
  sampleS?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/** The outcome: offsets over time and what each resynchronisation cost and achieved. */
export interface ClocksResult {
  /** Rows (time_s, clock, offset_ms): each clock's reading minus true time. */
  trace: Table;
  /** Rows (time_s, skew_ms, max_offset_ms): the spread of the clocks and the worst error against true time. */
  skew: Table;
  /**
   * Rows (time_s, clock, error_ms, bound_ms), one per clock and resync: for Cristian the clock's
   * error against true time just after it and its bound RTT/2 − min delay; for Berkeley the error of
   * the master's estimate of that clock's offset, with the same bound. Empty without resync.
   */
  resyncs: Table;
  /** Rows (clock, drift_ppm): the rate each clock drew, + fast, − slow. */
  drifts: Table;
}

/** A quartz clock drifting at `ppm` gains or loses ppm·10^-6 × 86,400 s a day: 200 ppm ≈ 17.3 s. */
export function driftPerDaySeconds(ppm: number): number {
  checkNonNegative("ppm", ppm);
  return ppm * 1e-6 * 86_400;
}

/**
 * Clocks with ppm drift rates, resynchronised periodically (notes 004, "Sincronismo"). Cristian:
 * each client asks a time server (true time), and sets its clock to the server's answer plus half
 * the round trip; its error is at most RTT/2 − the minimum one-way delay. Berkeley: a master
 * (clock 0) polls the others, estimates each offset the same way, and tells every clock to move to
 * the average, so the clocks agree with each other but not necessarily with true time.
 */
export function simulateClocks({
  clocks = 5,
  maxDriftPpm = 200,
  durationS = 3600,
  method = "cristian",
  periodS = 60,
  minDelayMs = 1,
  jitterMs = 5,
  sampleS = 10,
  seed = 1,
}: ClocksOptions = {}): ClocksResult {
  checkInteger("clocks", clocks, 2, 1000);
  checkNonNegative("maxDriftPpm", maxDriftPpm);
  checkPositive("durationS", durationS);
  checkOneOf("method", method, RESYNC_METHODS);
  checkPositive("periodS", periodS);
  checkNonNegative("minDelayMs", minDelayMs);
  checkPositive("jitterMs", jitterMs);
  checkPositive("sampleS", sampleS);
  checkSeed(seed);
  if (durationS / Math.min(periodS, sampleS) > 1e6) checkPositive("durationS / min(periodS, sampleS) ≤ 10^6", NaN);
  const rng = createRng(seed);
  const extra = exponential(rng, 1 / jitterMs);
  const drift = Float64Array.from({ length: clocks }, () => (2 * rng.random() - 1) * maxDriftPpm * 1e-6);
  // Offsets in ms against true time; each grows at its drift rate between resyncs.
  const offset = new Float64Array(clocks);
  const trace: { time_s: number; clock: string; offset_ms: number }[] = [];
  const skew: { time_s: number; skew_ms: number; max_offset_ms: number }[] = [];
  const resyncs: { time_s: number; clock: string; error_ms: number; bound_ms: number }[] = [];
  const delay = () => minDelayMs + extra();
  let t = 0;
  const advance = (to: number) => {
    for (let c = 0; c < clocks; c++) offset[c] += drift[c] * (to - t) * 1000;
    t = to;
  };
  const sample = () => {
    offset.forEach((o, c) => trace.push({ time_s: t, clock: `clock ${c}`, offset_ms: o }));
    skew.push({ time_s: t, skew_ms: Math.max(...offset) - Math.min(...offset), max_offset_ms: Math.max(...Array.from(offset, Math.abs)) });
  };
  const events: { at: number; kind: "sample" | "resync" }[] = [];
  for (let s = 0; s <= durationS + 1e-9; s += sampleS) events.push({ at: s, kind: "sample" });
  if (method !== "none") for (let s = periodS; s <= durationS + 1e-9; s += periodS) events.push({ at: s, kind: "resync" });
  // At the same instant the sample comes first: it sees the skew just before the resync, the
  // largest of the period (the spread of linear drifts peaks at an end of the interval); a second
  // sample right after each resync records what it left.
  events.sort((a, b) => a.at - b.at || (a.kind === "sample" ? -1 : 1));
  for (const e of events) {
    advance(e.at);
    if (e.kind === "sample") {
      sample();
      continue;
    }
    if (method === "cristian") {
      // The request takes d1, the reply d2; the server stamps true time on receipt; the client
      // sets its clock to stamp + RTT/2 as measured on its own clock (drift over a few ms ignored).
      for (let c = 0; c < clocks; c++) {
        const d1 = delay();
        const d2 = delay();
        const error = (d1 + d2) / 2 - d2;
        offset[c] = error;
        resyncs.push({ time_s: t, clock: `clock ${c}`, error_ms: error, bound_ms: (d1 + d2) / 2 - minDelayMs });
      }
    } else {
      // Berkeley: the master estimates each offset relative to its own with the same RTT/2 rule.
      const estimates = Array.from(offset, (o, c) => {
        if (c === 0) return 0;
        const d1 = delay();
        const d2 = delay();
        const error = (d1 + d2) / 2 - d2;
        resyncs.push({ time_s: t, clock: `clock ${c}`, error_ms: error, bound_ms: (d1 + d2) / 2 - minDelayMs });
        return o - offset[0] + error;
      });
      const mean = estimates.reduce((a, b) => a + b, 0) / clocks;
      // Each clock is told its adjustment mean − estimate; the master adjusts too.
      for (let c = 0; c < clocks; c++) offset[c] += mean - estimates[c];
    }
    sample();
  }
  const drifts = Array.from(drift, (rate, c) => ({ clock: `clock ${c}`, drift_ppm: rate * 1e6 }));
  return { trace: tableFromRows(trace), skew: tableFromRows(skew), resyncs: tableFromRows(resyncs), drifts: tableFromRows(drifts) };
}

/** Options for skewVsResyncPeriod: those of simulateClocks, with the periods swept. */
export interface SkewVsPeriodOptions extends Omit<ClocksOptions, "periodS" | "sampleS"> {
  /** Periods swept, s. Defaults to 1, 3, 10, 30, 100, 300, 1000. */
  periods?: readonly number[];
}

/**
 * Worst skew between clocks vs the resync period, beside its bound: two clocks drift apart at up to
 * 2ρ, so P seconds after a resync that left each within ε of its target they differ by at most
 * 2ρP + 2ε (ε: the largest resync error of the run). One row per (method, period).
 */
export function skewVsResyncPeriod({
  periods = [1, 3, 10, 30, 100, 300, 1000],
  durationS = 4000,
  maxDriftPpm = 200,
  ...rest
}: SkewVsPeriodOptions = {}): Table {
  const rows = [];
  for (const method of ["cristian", "berkeley"] as const) {
    for (const periodS of periods) {
      const { skew, resyncs } = simulateClocks({ ...rest, durationS, maxDriftPpm, method, periodS, sampleS: periodS });
      const steady = (skew.objects() as { time_s: number; skew_ms: number }[]).filter((r) => r.time_s > periodS);
      const epsilon = Math.max(...(resyncs.array("error_ms") as number[]).map(Math.abs));
      const drift = 2 * maxDriftPpm * 1e-6 * periodS * 1000;
      rows.push({
        method,
        period_s: periodS,
        max_skew_ms: Math.max(...steady.map((r) => r.skew_ms)),
        drift_bound_ms: drift,
        resync_error_ms: epsilon,
        bound_ms: drift + 2 * epsilon,
      });
    }
  }
  return tableFromRows(rows);
}
