import { createRng, exponential, lognormal, lognormalFromQuantiles, type Rng } from "../random";
import { quantile } from "../stats";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonNegative, checkNumber, checkPositive, checkProbability, checkSeed } from "../validate";
import { summarizeLatencies } from "./latency-summary";

/** Options for hedgedTrials and hedgedRequests. */
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
 * Fan-out tail latency with and without hedged and tied requests (Dean & Barroso 2013), one
 * row per user request. A leaf's latency is its queueing delay (exponential, plus a rare hiccup
 * during which the server starts nothing: a GC pause, a compaction, a noisy neighbour) and a
 * lognormal service time. Hedged: a second copy goes to another replica after hedgeAfterMs and
 * the first answer wins. Tied: the twin is enqueued at another replica tieDelayMs later and the
 * copy that starts first cancels the other. Every strategy sees the same random draws, so the
 * columns compare request by request.
 */
export function hedgedTrials(options: HedgingOptions = {}): Table {
  const {
    fanout = 10,
    serviceMedianMs = 1,
    serviceP99Ms = 10,
    hiccupProbability = 0.01,
    hiccupMs = 100,
    queueMeanMs = 0.5,
    tieDelayMs = 1,
    cancelDelayMs = 0.1,
    trials = 20_000,
    seed = 1,
  } = options;
  checkInteger("fanout", fanout, 1, 10_000);
  checkPositive("serviceMedianMs", serviceMedianMs);
  checkNumber("serviceP99Ms", serviceP99Ms, { min: serviceMedianMs, minOpen: true });
  checkProbability("hiccupProbability", hiccupProbability);
  checkNonNegative("hiccupMs", hiccupMs);
  checkPositive("queueMeanMs", queueMeanMs);
  checkNonNegative("tieDelayMs", tieDelayMs);
  checkNonNegative("cancelDelayMs", cancelDelayMs);
  checkInteger("trials", trials, 1, 10_000_000);
  checkSeed(seed);
  if (options.hedgeAfterMs !== undefined) checkNonNegative("hedgeAfterMs", options.hedgeAfterMs);
  const { mu, sigma } = lognormalFromQuantiles(serviceMedianMs, serviceP99Ms);
  const leafLatency = (rng: Rng) => {
    const service = lognormal(rng, mu, sigma);
    const queue = exponential(rng, 1 / queueMeanMs);
    return { wait: () => queue() + (rng.random() < hiccupProbability ? hiccupMs : 0), service };
  };
  // The paper hedges after the 95th-percentile expected latency: estimate it from a pilot sample
  // drawn from its own stream, so that the trials' draws do not depend on hedgeAfterMs.
  const pilot = leafLatency(createRng(seed).fork());
  const hedgeAfterMs =
    options.hedgeAfterMs ??
    quantile(
      Float64Array.from({ length: 20_000 }, () => pilot.wait() + pilot.service()),
      0.95,
    );
  const { wait, service } = leafLatency(createRng(seed));
  const single = new Float64Array(trials);
  const hedged = new Float64Array(trials);
  const tied = new Float64Array(trials);
  const hedges = new Int32Array(trials);
  const tiedDuplicates = new Int32Array(trials);
  for (let t = 0; t < trials; t++) {
    for (let l = 0; l < fanout; l++) {
      const q1 = wait();
      const s1 = service();
      const q2 = wait();
      const s2 = service();
      const first = q1 + s1;
      single[t] = Math.max(single[t], first);
      const hedge = first > hedgeAfterMs ? Math.min(first, hedgeAfterMs + q2 + s2) : first;
      if (first > hedgeAfterMs) hedges[t]++;
      hedged[t] = Math.max(hedged[t], hedge);
      // Tied: the copy that starts first runs and cancels its twin; the twin also runs (a wasted
      // duplicate) if it starts before the cancellation reaches it.
      const start2 = tieDelayMs + q2;
      const tie = q1 <= start2 ? q1 + s1 : start2 + s2;
      if (Math.abs(q1 - start2) < cancelDelayMs) tiedDuplicates[t]++;
      tied[t] = Math.max(tied[t], tie);
    }
  }
  return tableFromRows(
    Array.from({ length: trials }, (_, t) => ({
      trial: t,
      single_ms: single[t],
      hedged_ms: hedged[t],
      tied_ms: tied[t],
      hedges_sent: hedges[t],
      tied_duplicates: tiedDuplicates[t],
      hedge_after_ms: hedgeAfterMs,
    })),
  );
}

/**
 * Latency percentiles (p50, p95, p99, p99.9) of a fan-out request with and without hedged and
 * tied requests, from {@link hedgedTrials}. One row per strategy: extra_load is the fraction of
 * leaf requests executed twice or more (hedges sent; tied twins that ran before their
 * cancellation arrived), extra_messages the fraction of leaf requests sent twice.
 */
export function hedgedRequests(options: HedgingOptions = {}): Table {
  const { fanout = 10, tieDelayMs = 1 } = options;
  const trials = hedgedTrials(options);
  const leaves = trials.numRows() * fanout;
  const column = (name: string) => Float64Array.from(trials.array(name) as ArrayLike<number>);
  const sum = (name: string) => column(name).reduce((a, b) => a + b, 0);
  const hedgeFraction = sum("hedges_sent") / leaves;
  return tableFromRows([
    { strategy: "single request", hedge_after_ms: NaN, extra_load: 0, extra_messages: 0, ...summarizeLatencies(column("single_ms")) },
    {
      strategy: "hedged",
      hedge_after_ms: trials.get("hedge_after_ms", 0) as number,
      extra_load: hedgeFraction,
      extra_messages: hedgeFraction,
      ...summarizeLatencies(column("hedged_ms")),
    },
    { strategy: "tied", hedge_after_ms: tieDelayMs, extra_load: sum("tied_duplicates") / leaves, extra_messages: 1, ...summarizeLatencies(column("tied_ms")) },
  ]);
}
