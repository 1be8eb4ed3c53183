import { createRng, lognormal, lognormalFromQuantiles } from "../random";
import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkNonNegative, checkPositive, checkSeed, invalidRange } from "../validate";
import { quantiles } from "../stats";

/** One tier on a request's path: a network hop to it and its own processing time. */
export interface TierLatency {
  name: string;
  /** Round trip from the previous tier, ms. */
  hopRttMs: number;
  /** Median processing time, ms. */
  medianMs: number;
  /** 99th-percentile processing time, ms. */
  p99Ms: number;
  /** Calls this tier makes to the next one per request it serves. Defaults to 1. */
  callsToNext?: number;
}

/** A classic three-tier web application (notes 001, "Sistemas multi-camadas"). */
export const THREE_TIERS: readonly TierLatency[] = [
  { name: "web", hopRttMs: 40, medianMs: 2, p99Ms: 10 },
  { name: "application", hopRttMs: 0.5, medianMs: 5, p99Ms: 40, callsToNext: 3 },
  { name: "database", hopRttMs: 0.5, medianMs: 1, p99Ms: 20 },
];

/**
 * End-to-end latency through tiers called in sequence (each tier calls the next callsToNext
 * times, one after another). One row per tier: the latency seen from the client down to that
 * tier (simulated mean, p50, p99), and where the time goes: calls_per_request (how often one
 * client request reaches the tier) and own_mean_ms, the closed-form mean time a client request
 * spends on the tier's own hops and processing, calls × (hop RTT + e^(μ + σ²/2)). The own times
 * add up to the first row's mean.
 */
export function multiTierLatency({
  tiers = THREE_TIERS,
  requests = 20_000,
  seed = 1,
}: {
  tiers?: readonly TierLatency[];
  requests?: number;
  seed?: number;
} = {}): Table {
  checkNonEmptyArray<TierLatency>("tiers", tiers).forEach((t, i) => {
    checkNonNegative(`tiers[${i}].hopRttMs`, t.hopRttMs);
    checkPositive(`tiers[${i}].medianMs`, t.medianMs);
    if (!(t.p99Ms > t.medianMs)) throw invalidRange(`tiers[${i}].p99Ms`, t.p99Ms, `a number greater than medianMs (${t.medianMs})`);
    checkInteger(`tiers[${i}].callsToNext`, t.callsToNext ?? 1, 0, 100);
  });
  checkInteger("requests", requests, 10);
  checkSeed(seed);
  const rng = createRng(seed);
  const samplers = tiers.map((t) => {
    const { mu, sigma } = lognormalFromQuantiles(t.medianMs, t.p99Ms);
    return lognormal(rng, mu, sigma);
  });
  // Time spent in tier i and below for one call into tier i.
  const below = (i: number): number => {
    let total = tiers[i].hopRttMs + samplers[i]();
    if (i + 1 < tiers.length) for (let c = 0; c < (tiers[i].callsToNext ?? 1); c++) total += below(i + 1);
    return total;
  };
  const rows = [];
  for (let depth = tiers.length - 1; depth >= 0; depth--) {
    const samples = Float64Array.from({ length: requests }, () => below(depth));
    const [p50, p99] = quantiles(samples, [0.5, 0.99]);
    let calls = 1;
    for (let above = 0; above < depth; above++) calls *= tiers[above].callsToNext ?? 1;
    const { mu, sigma } = lognormalFromQuantiles(tiers[depth].medianMs, tiers[depth].p99Ms);
    const ownMean = calls * (tiers[depth].hopRttMs + Math.exp(mu + (sigma * sigma) / 2));
    rows.unshift({
      from_tier: tiers[depth].name,
      mean_ms: samples.reduce((a, b) => a + b, 0) / requests,
      p50_ms: p50,
      p99_ms: p99,
      calls_per_request: calls,
      own_mean_ms: ownMean,
    });
  }
  return tableFromRows(rows);
}
