import { tableFromRows, type Table } from "../table";
import { checkInteger, checkNonEmptyArray, checkProbability, checkSeed } from "../validate";
import { anyFailureProbability } from "./any-failure";
import { kOfNAvailability, nines } from "./k-of-n";
import { simulateAnyFailure, simulateKOfN } from "./monte-carlo";
import { PUBLISHED_FAILURE_RATES, type PublishedFailureRate } from "./published-failure-rates";
import { expectedFailuresPerDay, windowFailureProbability } from "./window-failure";

/** Options for sweepClusterSize. */
export interface ClusterSizeSweep {
  /** Cluster sizes. Defaults to 1, 2, 5, 10, ..., 10,000. */
  ns?: readonly number[];
  /** Per-node failure probabilities within the window. Defaults to 0.001, 0.01, 0.05. */
  ps?: readonly number[];
  /** Monte Carlo trials per point; 0 skips the simulation. Defaults to 2,000. */
  trials?: number;
  /** Seed; each point uses its own stream derived from it. Defaults to 1. */
  seed?: number;
}

/** Decades 1, 2, 5, 10, 20, 50, ... up to max. */
export function decades(max: number): number[] {
  const out: number[] = [];
  for (let scale = 1; scale <= max; scale *= 10) for (const m of [1, 2, 5]) if (m * scale <= max) out.push(m * scale);
  return out;
}

/**
 * P(at least one node fails) vs cluster size, for several per-node probabilities: closed
 * form and Monte Carlo estimate with its 95% interval. One row per (p, n).
 */
export function sweepClusterSize({ ns = decades(10_000), ps = [0.001, 0.01, 0.05], trials = 2_000, seed = 1 }: ClusterSizeSweep = {}): Table {
  checkNonEmptyArray("ns", ns).forEach((n, i) => checkInteger(`ns[${i}]`, n, 0));
  checkNonEmptyArray("ps", ps).forEach((p, i) => checkProbability(`ps[${i}]`, p));
  checkInteger("trials", trials, 0);
  checkSeed(seed);
  const rows = [];
  let stream = 0;
  for (const p of ps) {
    for (const n of ns) {
      const closedForm = anyFailureProbability({ n, p });
      // Each point gets its own seed so that adding a point does not shift the others.
      const mc = trials > 0 ? simulateAnyFailure({ n, p, trials, seed: (seed + 7919 * ++stream) >>> 0 }) : undefined;
      rows.push({ p, n, closed_form: closedForm, estimate: mc?.estimate ?? NaN, lower: mc?.lower ?? NaN, upper: mc?.upper ?? NaN, trials });
    }
  }
  return tableFromRows(rows);
}

/** Options for sweepReplicas. */
export interface ReplicaSweep {
  /** Largest number of replicas. Defaults to 7. */
  maxReplicas?: number;
  /** Per-replica availabilities. Defaults to 0.9, 0.99, 0.999. */
  availabilities?: readonly number[];
  /** Replicas that must be up. Defaults to 1. */
  k?: number;
  /** Monte Carlo trials per point; 0 skips the simulation. Defaults to 0. */
  trials?: number;
  /** Seed. Defaults to 1. */
  seed?: number;
}

/** Availability and nines of a k-of-n system vs the number of replicas n (n from k to maxReplicas). */
export function sweepReplicas({ maxReplicas = 7, availabilities = [0.9, 0.99, 0.999], k = 1, trials = 0, seed = 1 }: ReplicaSweep = {}): Table {
  checkInteger("k", k, 1);
  checkInteger("maxReplicas", maxReplicas, k);
  checkNonEmptyArray("availabilities", availabilities).forEach((a, i) => checkProbability(`availabilities[${i}]`, a));
  checkInteger("trials", trials, 0);
  checkSeed(seed);
  const rows = [];
  let stream = 0;
  for (const availability of availabilities) {
    for (let n = k; n <= maxReplicas; n++) {
      const a = kOfNAvailability({ n, k, availability });
      const mc = trials > 0 ? simulateKOfN({ n, k, availability, trials, seed: (seed + 7919 * ++stream) >>> 0 }) : undefined;
      rows.push({ availability, k, n, system_availability: a, nines: nines(a), estimate: mc?.estimate ?? NaN, lower: mc?.lower ?? NaN, upper: mc?.upper ?? NaN });
    }
  }
  return tableFromRows(rows);
}

/** Per-node failure probability vs window length (days) for given annual failure rates. */
export function sweepWindow({ afrs = [0.01, 0.03, 0.086], days = [1, 7, 30, 90, 365] }: { afrs?: readonly number[]; days?: readonly number[] } = {}): Table {
  checkNonEmptyArray("afrs", afrs);
  checkNonEmptyArray("days", days);
  const rows = [];
  for (const afr of afrs) for (const d of days) rows.push({ afr, days: d, p: windowFailureProbability({ afr, days: d }) });
  return tableFromRows(rows);
}

/** Expected failures per day vs cluster size for published annual failure rates. */
export function sweepFailuresPerDay({
  ns = decades(100_000),
  rates = PUBLISHED_FAILURE_RATES,
}: { ns?: readonly number[]; rates?: readonly PublishedFailureRate[] } = {}): Table {
  checkNonEmptyArray("ns", ns).forEach((n, i) => checkInteger(`ns[${i}]`, n, 0));
  checkNonEmptyArray("rates", rates);
  const rows = [];
  for (const rate of rates) {
    for (const n of ns) rows.push({ label: rate.label, afr: rate.afr, source: rate.source, n, failures_per_day: expectedFailuresPerDay({ n, afr: rate.afr }) });
  }
  return tableFromRows(rows);
}
