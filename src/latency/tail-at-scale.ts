import { createRng, exponential, lognormal, lognormalFromQuantiles, type Rng } from "../random";
import { proportionInterval, quantile, type Estimate } from "../stats";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonNegative, checkNumber, checkPositive, checkProbability, checkSeed } from "../validate";
import { summarizeLatencies } from "./latency-summary";

/**
 * Probability that a request fanning out to n servers waits for at least one slow one,
 * each slow with probability q: 1 - (1 - q)^n (Dean & Barroso, "The Tail at Scale", CACM 2013:
 * 63% for n = 100, q = 1/100; 18% for n = 2,000, q = 1/10,000).
 */
export function fanoutSlowProbability({ fanout, slowProbability }: { fanout: number; slowProbability: number }): number {
  checkInteger("fanout", fanout, 1);
  checkProbability("slowProbability", slowProbability);
  return -Math.expm1(fanout * Math.log1p(-slowProbability));
}

/** Options for simulateFanout. */
export interface FanoutOptions {
  /** Servers a request fans out to. Defaults to 100. */
  fanout?: number;
  /** Probability that one server answers slowly. Defaults to 0.01. */
  slowProbability?: number;
  /** A fast answer, ms. Defaults to 10. */
  fastMs?: number;
  /** A slow answer, ms. Defaults to 1,000. */
  slowMs?: number;
  /** Requests simulated. Defaults to 10,000. */
  trials?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
  /** Confidence level. Defaults to 0.95. */
  level?: number;
}

/**
 * The paper's fan-out example simulated: each request waits for its slowest server. Returns the
 * fraction of requests that took slowMs or more, with its interval, beside the closed form.
 */
export function simulateFanout({ fanout = 100, slowProbability = 0.01, fastMs = 10, slowMs = 1000, trials = 10_000, seed = 1, level = 0.95 }: FanoutOptions = {}): Estimate & { closedForm: number; trials: number; meanMs: number } {
  checkInteger("fanout", fanout, 1);
  checkProbability("slowProbability", slowProbability);
  checkPositive("fastMs", fastMs);
  checkNumber("slowMs", slowMs, { min: fastMs, minOpen: true });
  checkInteger("trials", trials, 1);
  checkSeed(seed);
  const rng = createRng(seed);
  const threshold = Math.round(slowProbability * 4294967296);
  let slow = 0;
  for (let t = 0; t < trials; t++) {
    for (let s = 0; s < fanout; s++) {
      if (rng.uint32() < threshold) {
        slow++;
        // The request is already slow; the remaining servers cannot make it slower.
        break;
      }
    }
  }
  const interval = proportionInterval(slow, trials, level);
  return { ...interval, closedForm: fanoutSlowProbability({ fanout, slowProbability }), trials, meanMs: fastMs + interval.estimate * (slowMs - fastMs) };
}

/** Options for hedgedRequests. */
export interface HedgingOptions {
  /** Leaves each user request waits for. Defaults to 10. */
  fanout?: number;
  /** Median leaf service time, ms. Defaults to 1 (Tail at Scale, Table 1: one random leaf p50 1 ms). */
  serviceMedianMs?: number;
  /** 99th percentile leaf service time, ms. Defaults to 10 (Table 1: p99 10 ms). */
  serviceP99Ms?: number;
  /** Probability that a leaf has a hiccup (GC pause, compaction, a noisy neighbour). Defaults to 0.01. */
  hiccupProbability?: number;
  /** Extra delay of a hiccup, ms. Defaults to 100. */
  hiccupMs?: number;
  /** Mean queueing delay at a leaf, ms (exponential). Defaults to 0.5. */
  queueMeanMs?: number;
  /** When to send the hedge, ms; defaults to the leaves' 95th percentile latency, as the paper suggests. */
  hedgeAfterMs?: number;
  /** Delay before a tied request's twin is enqueued, ms (the paper: 1 ms). Defaults to 1. */
  tieDelayMs?: number;
  /** Time for a cancellation to reach the twin of a tied request, ms. Defaults to 0.1. */
  cancelDelayMs?: number;
  /** User requests simulated. Defaults to 20,000. */
  trials?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/**
 * Fan-out tail latency with and without hedged and tied requests (Dean & Barroso 2013). A
 * leaf's latency is its queueing delay (exponential, plus a rare hiccup during which the server
 * starts nothing: a GC pause, a compaction, a noisy neighbour) and a lognormal service time.
 * Hedged: a second copy goes to another replica after hedgeAfterMs; the first answer wins.
 * Tied: both copies are enqueued at once (the twin tieDelayMs later) and the first to start
 * cancels the other. Each strategy sees the same random draws. One row per strategy.
 */
export function hedgedRequests(options: HedgingOptions = {}): Table {
  const { fanout = 10, serviceMedianMs = 1, serviceP99Ms = 10, hiccupProbability = 0.01, hiccupMs = 100, queueMeanMs = 0.5, tieDelayMs = 1, cancelDelayMs = 0.1, trials = 20_000, seed = 1 } = options;
  checkInteger("fanout", fanout, 1, 10_000);
  checkProbability("hiccupProbability", hiccupProbability);
  checkNonNegative("hiccupMs", hiccupMs);
  checkPositive("queueMeanMs", queueMeanMs);
  checkNonNegative("tieDelayMs", tieDelayMs);
  checkNonNegative("cancelDelayMs", cancelDelayMs);
  checkInteger("trials", trials, 1);
  checkSeed(seed);
  const rng = createRng(seed);
  const { mu, sigma } = lognormalFromQuantiles(serviceMedianMs, serviceP99Ms);
  const service = lognormal(rng, mu, sigma);
  const queue = exponential(rng, 1 / queueMeanMs);
  const wait = (r: Rng) => queue() + (r.random() < hiccupProbability ? hiccupMs : 0);
  // The hedge delay defaults to the 95th percentile of a single leaf's latency, estimated from a pilot sample.
  const hedgeAfterMs = options.hedgeAfterMs ?? quantile(Float64Array.from({ length: 20_000 }, () => wait(rng) + service()), 0.95);
  checkNonNegative("hedgeAfterMs", hedgeAfterMs);
  const none = new Float64Array(trials);
  const hedged = new Float64Array(trials);
  const tied = new Float64Array(trials);
  let hedgesSent = 0;
  let tiedDuplicates = 0;
  for (let t = 0; t < trials; t++) {
    let worstNone = 0;
    let worstHedged = 0;
    let worstTied = 0;
    for (let l = 0; l < fanout; l++) {
      const q1 = wait(rng);
      const s1 = service();
      const q2 = wait(rng);
      const s2 = service();
      const first = q1 + s1;
      worstNone = Math.max(worstNone, first);
      const hedge = first > hedgeAfterMs ? Math.min(first, hedgeAfterMs + q2 + s2) : first;
      if (first > hedgeAfterMs) hedgesSent++;
      worstHedged = Math.max(worstHedged, hedge);
      // Tied: the copy that starts first runs and cancels its twin; the twin also runs (a wasted
      // duplicate) if it starts before the cancellation reaches it.
      const start2 = tieDelayMs + q2;
      const tie = q1 <= start2 ? q1 + s1 : start2 + s2;
      if (Math.abs(q1 - start2) < cancelDelayMs) tiedDuplicates++;
      worstTied = Math.max(worstTied, tie);
    }
    none[t] = worstNone;
    hedged[t] = worstHedged;
    tied[t] = worstTied;
  }
  const leaves = trials * fanout;
  return tableFromRows([
    { strategy: "single request", hedge_after_ms: NaN, extra_load: 0, ...summarizeLatencies(none) },
    { strategy: "hedged", hedge_after_ms: hedgeAfterMs, extra_load: hedgesSent / leaves, ...summarizeLatencies(hedged) },
    { strategy: "tied", hedge_after_ms: tieDelayMs, extra_load: tiedDuplicates / leaves, ...summarizeLatencies(tied) },
  ]);
}
